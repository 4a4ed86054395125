//! A small element tree and its serialisation: text and attribute values
//! escaped, characters XML 1.0 forbids dropped. Elements whose children
//! include text are written on one line (mixed content keeps its spaces).

pub(crate) enum Item {
    El(El),
    Text(String),
}

pub(crate) struct El {
    name: &'static str,
    attrs: Vec<(&'static str, String)>,
    pub(crate) kids: Vec<Item>,
}

impl El {
    pub(crate) fn new(name: &'static str) -> El {
        El {
            name,
            attrs: Vec::new(),
            kids: Vec::new(),
        }
    }

    pub(crate) fn attr(mut self, k: &'static str, v: impl Into<String>) -> El {
        self.attrs.push((k, v.into()));
        self
    }

    pub(crate) fn child(mut self, e: El) -> El {
        self.kids.push(Item::El(e));
        self
    }

    pub(crate) fn text(mut self, t: impl Into<String>) -> El {
        self.kids.push(Item::Text(t.into()));
        self
    }

    pub(crate) fn items(mut self, items: Vec<Item>) -> El {
        self.kids.extend(items);
        self
    }

    pub(crate) fn push(&mut self, e: El) {
        self.kids.push(Item::El(e));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.kids.is_empty()
    }

    pub(crate) fn write(&self, out: &mut String, depth: usize, inline: bool) {
        if !inline {
            for _ in 0..depth {
                out.push_str("  ");
            }
        }
        out.push('<');
        out.push_str(self.name);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            escape(v, true, out);
            out.push('"');
        }
        if self.kids.is_empty() {
            out.push_str("/>");
        } else {
            out.push('>');
            let mixed = inline || self.kids.iter().any(|k| matches!(k, Item::Text(_)));
            for k in &self.kids {
                match k {
                    Item::Text(t) => escape(t, false, out),
                    Item::El(e) => {
                        if !mixed {
                            out.push('\n');
                        }
                        e.write(out, depth + 1, mixed);
                    }
                }
            }
            if !mixed {
                out.push('\n');
                for _ in 0..depth {
                    out.push_str("  ");
                }
            }
            out.push_str("</");
            out.push_str(self.name);
            out.push('>');
        }
    }
}

/// Escape `s` into `out`; in an attribute also quotes and line breaks.
pub(crate) fn escape(s: &str, attr: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' | '\r' | '\t' if attr => out.push(' '),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes_and_drops_forbidden_characters() {
        let e = El::new("p").attr("name", "a\"<b>\n").text("x & y < z\u{c}");
        let mut s = String::new();
        e.write(&mut s, 0, false);
        assert_eq!(s, "<p name=\"a&quot;&lt;b&gt; \">x &amp; y &lt; z</p>");
    }
}
