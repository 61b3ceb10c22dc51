//! How input documents are read: `--input-format` (stdin has no extension to tell it)
//! and `--encoding` (when detection cannot tell, e.g. a short legacy file).

use anyhow::Result;
use clap::ValueEnum;

use bitext::read::{InputFormat, ReadOptions};

#[derive(clap::Args, Clone, Debug, Default)]
pub struct ReadArgs {
    /// Format of the input documents, for stdin or a file whose extension does not say
    /// [default: from the content and the extension].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<FormatArg>,
    /// Encoding of the input documents (utf-8, utf-16le, utf-16be, gb18030, gbk, big5,
    /// or any WHATWG label) [default: detected].
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Refuse an input document larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = bitext::read::DEFAULT_MAX_INPUT_BYTES >> 20)]
    pub max_input_mb: u64,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    #[value(alias = "text")]
    Txt,
    #[value(alias = "markdown")]
    Md,
    Html,
    Docx,
    Pdf,
}

impl ReadArgs {
    pub fn options(&self) -> Result<ReadOptions> {
        let encoding = match &self.encoding {
            None => None,
            Some(label) => Some(
                encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                    bitext::Error::usage(format!(
                        "--encoding {label}: not an encoding name (try utf-8, gb18030, big5, utf-16le)"
                    ))
                })?,
            ),
        };
        let format = self.input_format.map(|f| match f {
            FormatArg::Txt => InputFormat::Text,
            FormatArg::Md => InputFormat::Markdown,
            FormatArg::Html => InputFormat::Html,
            FormatArg::Docx => InputFormat::Docx,
            FormatArg::Pdf => InputFormat::Pdf,
        });
        Ok(ReadOptions {
            format,
            encoding,
            max_bytes: Some(self.max_input_mb.saturating_mul(1 << 20)),
        })
    }
}
