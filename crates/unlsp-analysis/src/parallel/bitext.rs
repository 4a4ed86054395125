//! Bilingual files: one file holding two language versions.

use std::ops::Range;
use unlsp_syntax::cjk::{is_arabic, is_cjk, is_cyrillic};

/// One language of a bilingual file: its text and where each piece came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BitextPart {
    pub text: String,
    /// (offset in `text`, offset in the original, length), in order.
    pub map: Vec<(usize, usize, usize)>,
}

impl BitextPart {
    fn push(&mut self, original: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        self.map.push((self.text.len(), original, s.len()));
        self.text.push_str(s);
    }

    /// An offset in this part → the offset in the original file.
    pub fn to_original(&self, o: usize) -> usize {
        let i = self.map.partition_point(|&(p, _, _)| p <= o);
        match i.checked_sub(1).map(|k| self.map[k]) {
            Some((p, orig, len)) => orig + (o - p).min(len),
            None => self.map.first().map(|m| m.1).unwrap_or(0),
        }
    }

    pub fn range_to_original(&self, r: &Range<usize>) -> Range<usize> {
        let s = self.to_original(r.start);
        let e = if r.end > r.start {
            self.to_original(r.end - 1) + 1
        } else {
            s
        };
        let e = e.max(s);
        s..e
    }
}

/// A letter of a script other than Latin (Han, Arabic, Cyrillic…).
fn is_foreign_letter(c: char) -> bool {
    is_cjk(c)
        || is_arabic(c)
        || is_cyrillic(c)
        || (c.is_alphabetic() && c as u32 >= 0x0370 && !('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// Split a bilingual page into its English (Latin-script) and its other
/// version. Two layouts are real (`tests/fixtures/parallel/*.bitext-*.txt`): one
/// paragraph per line alternating languages (the en-zh page), and one line
/// holding the English segment immediately followed by its translation (UN
/// gText alignment, the en-ar page), where a segment without letters
/// (`19-1026819-10268`, a symbol) is written twice. A line with no foreign
/// letter is English, one that starts with a foreign letter (digits and
/// punctuation aside) belongs to the other version, a mixed line is cut before
/// its first foreign letter. Line ends go to both versions.
pub fn split_bitext(text: &str) -> [BitextPart; 2] {
    let mut parts = [BitextPart::default(), BitextPart::default()];
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let eol = &line[body.len()..];
        let start = pos;
        pos += line.len();
        let first_foreign = body
            .char_indices()
            .find(|&(_, c)| is_foreign_letter(c))
            .map(|(i, _)| i);
        match first_foreign {
            None => {
                let t = body.trim_end();
                let half = t.len() / 2;
                if t.len() >= 4
                    && t.len() % 2 == 0
                    && t.is_char_boundary(half)
                    && t[..half] == t[half..]
                {
                    parts[0].push(start, &t[..half]);
                    parts[1].push(start + half, &t[half..]);
                } else {
                    parts[0].push(start, body);
                }
            }
            Some(f) if body[..f].chars().any(|c| c.is_ascii_alphabetic()) => {
                let en = body[..f].trim_end();
                parts[0].push(start, en);
                parts[1].push(start + f, &body[f..]);
            }
            Some(_) => parts[1].push(start, body),
        }
        for p in &mut parts {
            p.push(start + body.len(), eol);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitext_lines_split_by_script() {
        let t = "A/AC.109/2019/L.18A/AC.109/2019/L.18\nThe General Assembly,إن الجمعية العامة،\n大会，\n";
        let [en, ar] = split_bitext(t);
        assert_eq!(en.text, "A/AC.109/2019/L.18\nThe General Assembly,\n\n");
        assert_eq!(ar.text, "A/AC.109/2019/L.18\nإن الجمعية العامة،\n大会，\n");
        let o = ar.text.find("إن").unwrap();
        assert_eq!(&t[ar.to_original(o)..][..2], "إ");
    }
}
