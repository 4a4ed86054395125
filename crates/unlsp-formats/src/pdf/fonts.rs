//! A page's fonts: how a shown string's bytes become characters and how far
//! each glyph moves the pen, and whether the face is italic or bold.

use lopdf::Encoding;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// What the reader needs of one font.
pub(super) struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Composite fonts (`Type0`) show two-byte codes.
    two_byte: bool,
    /// Glyph widths in thousandths of the size, by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
    pub italic: bool,
    pub bold: bool,
}

/// Decompression bound for one font's `ToUnicode` map.
const CMAP_LIMIT: usize = 4 << 20;

impl<'a> Font<'a> {
    pub fn new(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let two_byte = name_of(dict.get(b"Subtype").ok()) == Some(b"Type0".as_slice());
        let encoding = dict.get_font_encoding_with_limit(doc, CMAP_LIMIT).ok();
        let base = name_of(dict.get(b"BaseFont").ok()).unwrap_or_default();
        // `ABCDEF+TimesNewRomanPS-ItalicMT`: the subset tag is not the name
        let face = String::from_utf8_lossy(base).to_ascii_lowercase();
        let face = face.split_once('+').map_or(face.as_str(), |(_, f)| f);
        let descendant = if two_byte {
            deref(doc, dict.get(b"DescendantFonts").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| deref(doc, a.first()))
                .and_then(|o| o.as_dict().ok())
        } else {
            None
        };
        let descriptor = deref(doc, descendant.unwrap_or(dict).get(b"FontDescriptor").ok())
            .and_then(|o| o.as_dict().ok());
        let flags = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        let angle = descriptor
            .and_then(|d| d.get(b"ItalicAngle").ok())
            .and_then(number)
            .unwrap_or(0.0);
        let italic = face.contains("italic") || face.contains("oblique") || angle != 0.0;
        let bold = face.contains("bold") || flags & (1 << 18) != 0;
        let mut font = Font {
            encoding,
            two_byte,
            widths: HashMap::new(),
            default_width: 1000.0,
            italic,
            bold,
        };
        match descendant {
            Some(d) => font.cid_widths(doc, d),
            None => font.simple_widths(doc, dict),
        }
        font
    }

    fn simple_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        if let Some(ws) = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok()) {
            for (i, w) in ws.iter().enumerate().take(256) {
                if let Some(w) = deref(doc, Some(w)).and_then(number) {
                    self.widths
                        .insert((first.max(0) as u32).saturating_add(i as u32), w);
                }
            }
            self.default_width = 500.0;
        }
    }

    /// `/W [c [w1 w2 …] c1 c2 w …]` and `/DW`.
    fn cid_widths(&mut self, doc: &Document, d: &Dictionary) {
        self.default_width = d.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
        let Some(w) = deref(doc, d.get(b"W").ok()).and_then(|o| o.as_array().ok()) else {
            return;
        };
        let mut i = 0;
        while i < w.len() && self.widths.len() < 1 << 16 {
            let Some(c) = w[i].as_i64().ok().map(|c| c.max(0) as u32) else {
                break;
            };
            match deref(doc, w.get(i + 1)) {
                Some(Object::Array(ws)) => {
                    for (k, x) in ws.iter().enumerate() {
                        if let Some(x) = number(x) {
                            self.widths.insert(c.saturating_add(k as u32), x);
                        }
                    }
                    i += 2;
                }
                Some(o) => {
                    let hi = o.as_i64().unwrap_or(0).max(0) as u32;
                    let x = w.get(i + 2).and_then(number).unwrap_or(self.default_width);
                    for code in c..=hi.min(c.saturating_add(1 << 16)) {
                        self.widths.insert(code, x);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    /// The codes of a shown string, each with its characters and width
    /// (thousandths of the size); a code one byte long is a word space's
    /// candidate (`Tw` applies to code 32 only).
    pub fn glyphs(&self, bytes: &[u8], mut each: impl FnMut(&str, f64, bool)) {
        let step = if self.two_byte { 2 } else { 1 };
        let mut s = String::new();
        for code in bytes.chunks(step) {
            let c = code.iter().fold(0u32, |a, &b| a << 8 | b as u32);
            s.clear();
            if let Some(e) = &self.encoding {
                let _ = e.write_to_string(code, &mut s);
            } else {
                s.extend(code.iter().map(|&b| b as char));
            }
            let w = self.widths.get(&c).copied().unwrap_or(self.default_width);
            each(&s, w, step == 1 && c == 32);
        }
    }
}

pub(super) fn deref<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Object> {
    match o? {
        Object::Reference(r) => doc.get_object(*r).ok(),
        x => Some(x),
    }
}

fn name_of(o: Option<&Object>) -> Option<&[u8]> {
    o.and_then(|o| o.as_name().ok())
}

pub(super) fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
}
