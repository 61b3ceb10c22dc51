//! A well-formedness check over quick-xml's reader, for the XML files bitext reads
//! (TMX, and any other interchange format): quick-xml reads tags one at a time and,
//! on its own, accepts a file cut off in the middle (open elements at the end),
//! repeated attributes it is not asked about, text outside the root element and a
//! second root. [`XmlReader::read_event`] refuses all of these, as an XML parser must, with
//! an error naming the file and line.
//!
//! Entities: quick-xml knows only the five predefined ones and character references;
//! a DTD is passed over, never read, so no external entity is resolved and no
//! user-defined one expanded (an undeclared entity is an error when text is unescaped).
//!
//! ```
//! use bitext::xml::XmlReader;
//! let mut xml = XmlReader::new("<tmx><body><tu>", "cut.tmx");
//! let err = loop {
//!     match xml.read_event() {
//!         Ok(quick_xml::events::Event::Eof) => unreachable!(),
//!         Ok(_) => continue,
//!         Err(e) => break e,
//!     }
//! };
//! assert!(err.to_string().starts_with("cut.tmx: line 1: not well-formed XML: the file ends inside <tu>"));
//! ```

use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};

/// quick-xml's reader over a whole document in memory, checked as it goes.
pub struct XmlReader<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    text: &'a str,
    name: &'a str,
    /// Names of the elements open at this point, outermost first.
    open: Vec<Vec<u8>>,
    seen_root: bool,
}

impl<'a> XmlReader<'a> {
    /// A reader of `text`; `name` (the file) is used in error messages.
    pub fn new(text: &'a str, name: &'a str) -> XmlReader<'a> {
        let mut reader = quick_xml::Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        XmlReader {
            reader,
            text,
            name,
            open: Vec::new(),
            seen_root: false,
        }
    }

    /// The next event, once it is known to keep the document well-formed; `Eof` only
    /// after the root element is closed.
    pub fn read_event(&mut self) -> Result<Event<'a>> {
        let event = self
            .reader
            .read_event()
            .map_err(|e| self.error(e.to_string()))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                if self.open.is_empty() && self.seen_root {
                    return Err(self.error("a second root element: only one is allowed"));
                }
                self.seen_root = true;
                self.check_attributes(e)?;
                if matches!(event, Event::Start(_)) {
                    self.open.push(e.name().as_ref().to_vec());
                }
            }
            Event::End(_) => {
                self.open.pop();
            }
            Event::Text(t) if self.open.is_empty() && !t.iter().all(u8::is_ascii_whitespace) => {
                return Err(self.error("text outside the root element"));
            }
            Event::CData(_) if self.open.is_empty() => {
                return Err(self.error("text outside the root element"));
            }
            Event::Eof => {
                if let Some(inner) = self.open.last() {
                    let inner = String::from_utf8_lossy(inner).into_owned();
                    return Err(self.error(format!(
                        "the file ends inside <{inner}>: it is cut off or an element is not closed"
                    )));
                }
                if !self.seen_root {
                    return Err(self.error("no root element"));
                }
            }
            _ => {}
        }
        Ok(event)
    }

    /// Every attribute well-formed and none repeated (XML 1.0, 3.1).
    fn check_attributes(&self, e: &BytesStart) -> Result<()> {
        for attr in e.attributes().with_checks(true) {
            attr.map_err(|err| {
                self.error(format!(
                    "in <{}>: {err}",
                    String::from_utf8_lossy(e.name().as_ref())
                ))
            })?;
        }
        Ok(())
    }

    /// The 1-based line the reader has got to.
    pub fn line(&self) -> usize {
        let end = (self.reader.buffer_position() as usize).min(self.text.len());
        1 + self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    }

    /// The error of text that does not unescape: a bare `&` or an entity XML does not
    /// define, said in words a translator knows.
    pub fn text_error(&self, e: quick_xml::Error) -> Error {
        use quick_xml::escape::EscapeError;
        match e {
            quick_xml::Error::Escape(EscapeError::UnterminatedEntity(_)) => {
                self.error("a '&' that starts no entity (write '&amp;' for the character)")
            }
            quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name)) => self.error(
                format!("'&{name};' is no XML entity (only &amp; &lt; &gt; &quot; &apos; are)"),
            ),
            e => self.error(e),
        }
    }

    /// An error at the current line: `NAME: line N: not well-formed XML: MESSAGE`.
    pub fn error(&self, message: impl std::fmt::Display) -> Error {
        Error::input_at(
            self.name,
            self.line(),
            format!("not well-formed XML: {message}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(xml: &str) -> std::result::Result<usize, String> {
        let mut reader = XmlReader::new(xml, "x.xml");
        let mut events = 0;
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => return Ok(events),
                Ok(_) => events += 1,
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    #[test]
    fn well_formed_documents_pass() {
        assert!(check("<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<a x=\"1\"><b/>t</a>\n").is_ok());
        assert!(check("<a/>").is_ok());
    }

    #[test]
    fn ill_formed_documents_are_refused_with_their_line() {
        for (xml, what) in [
            (
                "<a>\n<b>\n",
                "line 3: not well-formed XML: the file ends inside <b>",
            ),
            (
                "<a>\n<b x=\"1\" x=\"2\"/></a>",
                "line 2: not well-formed XML: in <b>: position",
            ),
            ("<a>\n<b></c></a>", "line 2"),
            ("<a/>\n<b/>", "a second root"),
            ("<a/>junk", "text outside"),
            ("   ", "no root element"),
            ("<a>\n<b x=\"1", "line 2"),
        ] {
            let err = check(xml).unwrap_err();
            assert!(err.starts_with("x.xml: "), "{err}");
            assert!(err.contains(what), "{xml:?}: {err}");
        }
    }
}
