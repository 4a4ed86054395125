//! A node's label (`12`, `12 bis`, `(a)`, `vii)`, `㈠`, `IV`, `79/100`),
//! kept inline: a text of millions of numbered lines holds one per line, and
//! a heap string each would weigh more than the node.

use serde::{Serialize, Serializer};
use std::num::NonZeroU8;

/// Up to [`Label::CAP`] bytes inline, 24 bytes in all and 24 as an
/// `Option<Label>`. Every label shape the lexer reads fits: five digits of up
/// to 3 bytes (`１２３４５`) and a suffix (` quater`); a longer label is cut at
/// a character boundary.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label {
    /// The length plus one (so that `Option<Label>` needs no room of its own).
    len: NonZeroU8,
    buf: [u8; Label::CAP],
}

impl Label {
    pub const CAP: usize = 23;

    /// `s`, cut at a character boundary if it were longer than [`Label::CAP`].
    pub fn new(s: &str) -> Label {
        let n = crate::text::clamp_to_char(s, Label::CAP);
        let mut buf = [0u8; Label::CAP];
        buf[..n].copy_from_slice(&s.as_bytes()[..n]);
        Label {
            len: NonZeroU8::MIN.saturating_add(n as u8),
            buf,
        }
    }

    /// A paragraph number as the lexer marks it (`12`, `12bis`, `12 bis`,
    /// `١٢`): its digits, then its suffix after one space.
    pub fn numbered(written: &str) -> Label {
        let digits = written
            .find(|c: char| !c.is_numeric())
            .unwrap_or(written.len());
        let suffix = written[digits..].trim();
        if suffix.is_empty() {
            Label::new(&written[..digits])
        } else {
            Label::new(&format!("{} {}", &written[..digits], suffix))
        }
    }

    pub fn as_str(&self) -> &str {
        let n = self.len.get() as usize - 1;
        // built from a `str` cut at a character boundary
        std::str::from_utf8(&self.buf[..n]).unwrap_or_default()
    }
}

impl std::ops::Deref for Label {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<Label> for String {
    fn from(l: Label) -> String {
        l.as_str().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_inline_and_cut_at_a_character() {
        assert_eq!(std::mem::size_of::<Option<Label>>(), 24);
        for s in [
            "",
            "1",
            "12 bis",
            "(xviii)",
            "㈠",
            "ثالث عشر",
            "１２３４５ quater",
        ] {
            assert_eq!(Label::new(s).as_str(), s);
        }
        // 8 ideographs of 3 bytes: the eighth would pass the 23 bytes
        assert_eq!(Label::new(&"十".repeat(8)).as_str(), "十".repeat(7));
        assert_eq!(Label::numbered("12bis"), "12 bis");
        assert_eq!(Label::numbered("12  quater"), "12 quater");
        assert_eq!(Label::numbered("١٢"), "١٢");
    }
}
