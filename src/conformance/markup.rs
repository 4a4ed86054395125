//! The export compared with the UN's markup, field by field: the same
//! reading of both XML documents (the UN's file and `unlsp export`'s), so
//! that a difference is one of markup, never of reading.
//!
//! * `pre`: the preambular containers' `name`s, the preamble's and those of
//!   the sections' `crossHeading refersTo="#preamble"` (their leading
//!   emphasis), in order;
//! * `paras`: the numbers of the main body's paragraphs and of their points
//!   (`5.`, `5.(a)`), in order;
//! * `notes`: each `authorialNote`'s marker and place (the number of the
//!   paragraph or point, or the container, it sits in);
//! * `cites`: the symbols linked by `<a href>` (`A/RES/1514(XV)`), as a set.

use super::score::{norm_lead, norm_number};
use roxmltree::{Document as Xml, Node};
use std::collections::BTreeSet;

pub const FIELDS: [&str; 4] = ["pre", "paras", "notes", "cites"];

/// What is compared of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub pre: Vec<String>,
    pub paras: Vec<String>,
    pub notes: Vec<String>,
    pub cites: BTreeSet<String>,
}

impl Fields {
    /// The field `i` of [`FIELDS`] as one comparable string.
    pub fn get(&self, i: usize) -> String {
        match i {
            0 => self.pre.join(" | "),
            1 => self.paras.join(" "),
            2 => self.notes.join(" "),
            _ => self.cites.iter().cloned().collect::<Vec<_>>().join(" "),
        }
    }
}

/// Read the fields of an AKN document (attachments left out).
pub fn fields(xml: &str) -> Result<Fields, String> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = Xml::parse_with_options(xml, opts).map_err(|e| e.to_string())?;
    let mut f = Fields::default();
    let st = doc
        .root_element()
        .children()
        .find(|n| n.is_element())
        .ok_or("no document element")?;
    for part in st.children().filter(|n| n.is_element()) {
        match part.tag_name().name() {
            "preamble" => {
                for c in part.children().filter(|c| c.has_tag_name("container")) {
                    f.pre.push(norm_lead(c.attribute("name").unwrap_or("")));
                }
            }
            "mainBody" => body(part, &mut f, ""),
            _ => {}
        }
        if part.tag_name().name() != "attachments" {
            for n in part.descendants() {
                if n.has_tag_name("authorialNote") {
                    let m = n.attribute("marker").unwrap_or("").to_string();
                    f.notes.push(format!("{m}@{}", place(n)));
                }
                if n.has_tag_name("a")
                    && let Some(h) = n.attribute("href")
                {
                    f.cites.insert(link(h));
                }
            }
        }
    }
    Ok(f)
}

fn body(n: Node, f: &mut Fields, within: &str) {
    for c in n.children().filter(|c| c.is_element()) {
        match c.tag_name().name() {
            "crossHeading" if c.attribute("refersTo") == Some("#preamble") => {
                let lead = c
                    .descendants()
                    .find(|d| d.has_tag_name("span"))
                    .map(text)
                    .unwrap_or_default();
                f.pre.push(norm_lead(&lead));
            }
            "paragraph" | "point" => {
                let num = num(c);
                let here = if num.is_empty() {
                    within.to_string()
                } else {
                    let s = format!("{within}{num}");
                    f.paras.push(s.clone());
                    s
                };
                body(c, f, &here);
            }
            "list" | "section" | "part" | "chapter" | "division" | "title" => body(c, f, within),
            _ => {}
        }
    }
}

fn num(n: Node) -> String {
    n.children()
        .find(|c| c.has_tag_name("num"))
        .map(|c| norm_number(&text(c)))
        .unwrap_or_default()
}

/// Where a note sits: the numbers of its paragraph and point, or the
/// position of its container.
fn place(n: Node) -> String {
    let mut nums = Vec::new();
    for a in n.ancestors().skip(1) {
        match a.tag_name().name() {
            "paragraph" | "point" => {
                let k = num(a);
                if !k.is_empty() {
                    nums.push(k);
                }
            }
            "container" | "crossHeading" | "formula" => {
                let k = a
                    .prev_siblings()
                    .filter(|s| s.has_tag_name(a.tag_name().name()))
                    .count();
                nums.push(format!("{}{}", a.tag_name().name(), k + 1));
            }
            "preface" | "coverPage" | "conclusions" | "preamble" | "mainBody" => {
                nums.push(a.tag_name().name().to_string());
                break;
            }
            _ => {}
        }
    }
    nums.reverse();
    nums.join("/")
}

/// `https://undocs.org/en/A/RES/1514 (XV)` → `A/RES/1514(XV)`; the UN's
/// later files link through `docs.un.org`, the same symbol.
fn link(h: &str) -> String {
    let rest = [
        "https://undocs.org/",
        "http://undocs.org/",
        "https://docs.un.org/",
    ]
    .iter()
    .find_map(|p| h.strip_prefix(p))
    .unwrap_or(h);
    let rest = match rest.split_once('/') {
        Some((l, r)) if l.len() == 2 => r,
        _ => rest,
    };
    rest.replace("%20", "").replace(' ', "").to_uppercase()
}

fn text(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

/// Read a `.xml.gz` file as text.
pub fn read_gz_text(path: &std::path::Path) -> Result<String, String> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut xml = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut xml)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(xml)
}
