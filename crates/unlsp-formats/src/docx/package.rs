//! A .docx package: the zip archive and the XML parts in it. Untrusted
//! input: the parts are read with a bound on their decompressed size, XML
//! with a DTD is refused (so no entity is declared, none expanded), and what
//! is not a Word package is named (a legacy `.doc`, a password-protected
//! document, an OpenDocument text, a truncated file) instead of read.

use std::io::{Cursor, Read};

/// The largest part read, decompressed.
pub(crate) const PART_LIMIT: u64 = 64 << 20;
/// The most read from all parts together, decompressed.
const TOTAL_LIMIT: u64 = 128 << 20;
/// The most XML nodes in one part (roxmltree's own bound is 4 billion).
const NODES_LIMIT: u32 = 8_000_000;

/// The start of an OLE compound file: a legacy `.doc`, or the envelope Word
/// puts a password-protected document in.
const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(crate) struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    read: u64,
    /// The main document part (`word/document.xml` unless the package's
    /// relationships name another).
    pub(crate) main: String,
}

impl Package {
    pub(crate) fn open(bytes: Vec<u8>) -> Result<Package, String> {
        if bytes.starts_with(&OLE) {
            return Err(ole_message(&bytes));
        }
        if !bytes.starts_with(b"PK") {
            return Err("not a Word document (.docx): not a zip package".into());
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            format!("not a readable Word document: the zip package is truncated or damaged ({e})")
        })?;
        let mut p = Package {
            zip,
            read: 0,
            main: "word/document.xml".into(),
        };
        if let Some(m) = p.part("mimetype")?
            && m.starts_with("application/vnd.oasis.opendocument")
        {
            return Err(
                "an OpenDocument file (.odt), not a Word document: save it as .docx (Word 2007 or later)"
                    .into(),
            );
        }
        if let Some(rels) = p.part("_rels/.rels")?
            && let Some(main) = main_part(&rels)?
        {
            p.main = main;
        }
        Ok(p)
    }

    /// A part's text, `None` when the package has no such part.
    pub(crate) fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        let mut f = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(encrypted());
            }
            Err(e) => return Err(format!("{name}: {e}")),
        };
        if f.encrypted() {
            return Err(encrypted());
        }
        if f.size() > PART_LIMIT {
            return Err(too_large(name));
        }
        let mut bytes = Vec::new();
        (&mut f)
            .take(PART_LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{name}: {e}"))?;
        if bytes.len() as u64 > PART_LIMIT {
            return Err(too_large(name));
        }
        self.read += bytes.len() as u64;
        if self.read > TOTAL_LIMIT {
            return Err(format!(
                "the package holds more than {} MB of XML: not read",
                TOTAL_LIMIT >> 20
            ));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{name}: invalid UTF-8 at byte offset {}",
                e.utf8_error().valid_up_to()
            )
        })?;
        Ok(Some(text))
    }

    /// The main document part's text.
    pub(crate) fn main_part(&mut self) -> Result<String, String> {
        let main = self.main.clone();
        self.part(&main)?
            .ok_or_else(|| format!("not a Word document: the package has no {main}"))
    }

    /// The archive itself, for writing a copy.
    pub(crate) fn archive(&mut self) -> &mut zip::ZipArchive<Cursor<Vec<u8>>> {
        &mut self.zip
    }
}

/// XML parsed with no DTD and a bound on its nodes.
pub(crate) fn parse<'x>(name: &str, xml: &'x str) -> Result<roxmltree::Document<'x>, String> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(xml, opts).map_err(|e| format!("{name}: {e}"))
}

/// The target of the package's `officeDocument` relationship.
fn main_part(rels: &str) -> Result<Option<String>, String> {
    let doc = parse("_rels/.rels", rels)?;
    Ok(doc
        .descendants()
        .find(|n| {
            n.attribute("Type")
                .is_some_and(|t| t.ends_with("/officeDocument"))
        })
        .and_then(|n| n.attribute("Target"))
        .map(|t| t.trim_start_matches('/').to_string()))
}

fn ole_message(bytes: &[u8]) -> String {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
        encrypted()
    } else {
        "a legacy Word 97-2003 document (.doc), not a .docx: open it in Word or LibreOffice and save it as .docx"
            .into()
    }
}

fn encrypted() -> String {
    "the document is password-protected: remove the password (Word: File > Info > Protect Document) and save it again"
        .into()
}

fn too_large(name: &str) -> String {
    format!(
        "{name} is larger than {} MB decompressed: not read",
        PART_LIMIT >> 20
    )
}
