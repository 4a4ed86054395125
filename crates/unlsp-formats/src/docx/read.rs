//! A .docx package read into an [`Extracted`] document.

use super::body::Walker;
use super::builder::RunText;
use super::numbering::{Numbering, Styles};
use super::package::{Package, parse};
use super::xml::{W, child};
use crate::extracted::Extracted;

/// The text of a Word document (`.docx` bytes) with its maps to the
/// source; the error says why the bytes are not a readable Word document.
pub fn read(bytes: Vec<u8>) -> Result<Extracted, String> {
    let mut pkg = Package::open(bytes)?;
    Ok(read_package(&mut pkg)?.extracted)
}

/// What a read keeps for writing a fix back: the runs and the parts' XML.
pub(crate) struct Read {
    pub(crate) extracted: Extracted,
    pub(crate) runs: Vec<RunText>,
    pub(crate) document: String,
    pub(crate) footnotes: Option<String>,
    pub(crate) endnotes: Option<String>,
    /// The parts' names in the package.
    pub(crate) document_name: String,
    pub(crate) footnotes_name: String,
    pub(crate) endnotes_name: String,
}

/// A part the package may lack, parsed when it has it.
fn optional<'x>(
    name: &str,
    xml: &'x Option<String>,
) -> Result<Option<roxmltree::Document<'x>>, String> {
    xml.as_deref().map(|x| parse(name, x)).transpose()
}

pub(crate) fn read_package(pkg: &mut Package) -> Result<Read, String> {
    let dir = pkg
        .main
        .rsplit_once('/')
        .map_or(String::new(), |(d, _)| format!("{d}/"));
    let part = |pkg: &mut Package, name: &str| pkg.part(&format!("{dir}{name}"));
    let styles_xml = part(pkg, "styles.xml")?;
    let numbering_xml = part(pkg, "numbering.xml")?;
    let footnotes_xml = part(pkg, "footnotes.xml")?;
    let endnotes_xml = part(pkg, "endnotes.xml")?;
    let document_xml = pkg.main_part()?;
    let styles_doc = optional("styles.xml", &styles_xml)?;
    let numbering_doc = optional("numbering.xml", &numbering_xml)?;
    let notes_doc = optional("footnotes.xml", &footnotes_xml)?;
    let endnotes_doc = optional("endnotes.xml", &endnotes_xml)?;
    let doc = parse(&pkg.main, &document_xml)?;
    let body = child(doc.root_element(), "body")
        .filter(|_| doc.root_element().has_tag_name((W, "document")))
        .ok_or_else(|| format!("not a Word document: {} has no w:body", pkg.main))?;
    let styles = Styles::read(styles_doc.as_ref());
    let walk = |accept| {
        let mut w = Walker::new(
            &styles,
            Numbering::read(numbering_doc.as_ref(), &styles),
            accept,
        );
        w.body(body);
        w.footnotes(notes_doc.as_ref(), endnotes_doc.as_ref());
        let mut b = w.b;
        if !b.x.text.is_empty() {
            b.x.text.push('\n');
        }
        b
    };
    let mut b = walk(true);
    // the text before the tracked changes: a second read rejecting them
    // (numbers and paragraph marks as they were)
    if !b.x.revisions.is_empty() {
        b.x.rejected = Some(walk(false).x.text);
    }
    drop(doc);
    drop(notes_doc);
    drop(endnotes_doc);
    Ok(Read {
        extracted: b.x,
        runs: b.runs,
        document: document_xml,
        footnotes: footnotes_xml,
        endnotes: endnotes_xml,
        document_name: pkg.main.clone(),
        footnotes_name: format!("{dir}footnotes.xml"),
        endnotes_name: format!("{dir}endnotes.xml"),
    })
}
