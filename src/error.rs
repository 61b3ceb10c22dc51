//! The crate's error type: every error names the input it came from (and the line
//! where known), so the CLI can print it once and exit with code 2.

use std::fmt;

/// Where an error happened: a file name (or `-` for stdin) and an optional 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: Option<usize>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            line: None,
        }
    }
    pub fn line(path: impl Into<String>, line: usize) -> Self {
        Origin {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path == "-" {
            "<stdin>"
        } else {
            &self.path
        };
        match self.line {
            Some(line) => write!(f, "{path}: line {line}"),
            None => write!(f, "{path}"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened, read or written.
    #[error("{origin}: {error}")]
    Io {
        origin: Origin,
        error: std::io::Error,
    },
    /// The input is there but unusable: wrong encoding, binary, empty, malformed.
    #[error("{origin}: {message}")]
    Input { origin: Origin, message: String },
    /// Text whose encoding could not be found out, or is not the one named.
    #[error("{origin}: {message}")]
    Encoding { origin: Origin, message: String },
    /// Arguments that do not fit together.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            origin: Origin::file(path),
            error: source,
        }
    }
    pub fn input(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Input {
            origin: Origin::file(path),
            message: message.into(),
        }
    }
    pub fn input_at(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Error::Input {
            origin: Origin::line(path, line),
            message: message.into(),
        }
    }
    pub fn encoding(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Error::Encoding {
            origin: Origin::line(path, line),
            message: message.into(),
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }
}

pub type Result<T> = std::result::Result<T, Error>;
