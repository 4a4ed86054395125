//! Character classes shared by the lexer and the recognisers.

/// Han ideographs and the CJK symbol/full-width blocks that Chinese prose uses.
pub fn is_cjk(c: char) -> bool {
    // (the first of them is `·`, U+00B7: Latin text answers here)
    if (c as u32) < 0xB7 {
        return false;
    }
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3200..=0x32FF // enclosed CJK (㈠)
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x2FFFF
    ) || matches!(c, '《' | '》' | '“' | '”' | '、' | '·')
}

/// Han ideographs only (no punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

pub fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x04FF)
}

/// Whitespace as drafts use it: ASCII, no-break space, ideographic space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || is_bidi_mark(c)
}

/// The invisible bidirectional controls (LRM, RLM, the embeddings and
/// isolates) that Word and the UN's own texts put around numbers in Arabic
/// and Chinese (`‎1.‎`, `大会，‎`): blanks to the parser.
pub fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Trimming [`is_space`] with a fast path: a string that starts (ends) with an
/// ASCII byte other than a space is returned as it is, without decoding.
pub(crate) trait SpaceTrim {
    fn trim_space(&self) -> &str;
    fn trim_space_start(&self) -> &str;
    fn trim_space_end(&self) -> &str;
}

/// An ASCII byte that [`is_space`] does not hold.
fn ascii_non_space(b: u8) -> bool {
    b < 0x80 && !matches!(b, 0x09..=0x0D | b' ')
}

impl SpaceTrim for str {
    fn trim_space(&self) -> &str {
        self.trim_space_start().trim_space_end()
    }
    fn trim_space_start(&self) -> &str {
        match self.as_bytes().first() {
            Some(&b) if ascii_non_space(b) => self,
            _ => self.trim_start_matches(is_space),
        }
    }
    fn trim_space_end(&self) -> &str {
        match self.as_bytes().last() {
            Some(&b) if ascii_non_space(b) => self,
            _ => self.trim_end_matches(is_space),
        }
    }
}

/// Superscript digits used as footnote markers, mapped to their value.
pub fn superscript_digit(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// Trim drafting whitespace from both ends of `s[range]`, returning the byte range.
pub(crate) fn trim_range(s: &str, start: usize, end: usize) -> (usize, usize) {
    let sub = &s[start..end];
    let lead = sub.len() - sub.trim_space_start().len();
    let trail = sub.len() - sub.trim_space_end().len();
    if lead == sub.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The early answer for low code points changes nothing: every
    /// character up to U+FFFF and a few above against the ranges alone.
    #[test]
    fn is_cjk_early_answer_agrees() {
        let plain = |c: char| {
            matches!(c as u32,
                0x3000..=0x303F | 0x3200..=0x32FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
                | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
                || matches!(c, '《' | '》' | '“' | '”' | '、' | '·')
        };
        for c in (0..0x10000)
            .chain(0x1FFF0..0x20010)
            .filter_map(char::from_u32)
        {
            assert_eq!(is_cjk(c), plain(c), "{c:?}");
        }
    }

    /// The fast trims trim what the plain ones trim: every ASCII byte and
    /// the Unicode spaces at either end.
    #[test]
    fn space_trims_agree() {
        let mut cases: Vec<String> = (0u8..0x80)
            .map(|b| format!("{}x{}", b as char, b as char))
            .collect();
        cases.extend(
            [
                "\u{a0}a\u{3000}",
                "\u{feff}b ",
                " \u{2003}",
                "",
                "é",
                "\u{85}z\u{85}",
            ]
            .map(String::from),
        );
        for c in &cases {
            assert_eq!(c.trim_space(), c.trim_matches(is_space), "{c:?}");
            assert_eq!(
                c.trim_space_start(),
                c.trim_start_matches(is_space),
                "{c:?}"
            );
            assert_eq!(c.trim_space_end(), c.trim_end_matches(is_space), "{c:?}");
        }
    }
}
