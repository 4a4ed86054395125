//! Running text as AKN inline content: the lead in `<span class="italic">`
//! (bold in Chinese), cited resolutions and document symbols in
//! `<a href="https://undocs.org/{lang}/…">`, each footnote marker replaced by
//! its `<authorialNote>`. Wrapped lines are joined (without a space between
//! Chinese characters), page furniture left out.

use super::xml::{El, Item};
use std::collections::HashMap;
use std::ops::Range;
use unlsp_syntax::Lang;
use unlsp_syntax::tree::{Citation, CitationKind, Node, NodeKind, Tree};

/// What the writer shares while it walks the tree.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    pub(crate) tree: &'a Tree,
    /// Footnotes by number, the first of each.
    notes: HashMap<u32, &'a Node>,
    note_ids: usize,
    /// The last footnote placed: markers come in order, each once.
    last_note: u32,
    /// Links are made (the cover page has none, as in the UN's files).
    pub(crate) links: bool,
}

enum Mark {
    Emph,
    Link(String),
    Note(u32),
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(text: &'a str, tree: &'a Tree) -> Ctx<'a> {
        let mut notes = HashMap::new();
        tree.walk(|n, _| {
            if n.kind == NodeKind::Footnote
                && let Some(k) = n
                    .label
                    .as_deref()
                    .and_then(|l| l.trim().parse::<u32>().ok())
            {
                notes.entry(k).or_insert(n);
            }
        });
        Ctx {
            text,
            tree,
            notes,
            note_ids: 0,
            last_note: 0,
            links: true,
        }
    }

    pub(crate) fn lang(&self) -> Lang {
        self.tree.lang
    }

    /// The class the UN gives a lead: bold in Chinese, italic elsewhere.
    pub(crate) fn emph_class(&self) -> &'static str {
        if self.tree.lang == Lang::Zh {
            "bold"
        } else {
            "italic"
        }
    }

    /// `https://undocs.org/{lang}/{symbol}`; Chinese is `ch` there.
    pub(crate) fn href(&self, symbol: &str) -> String {
        let lang = match self.tree.lang {
            Lang::Zh => "ch",
            l => l.code(),
        };
        format!("https://undocs.org/{lang}/{symbol}")
    }

    /// The inline content of the text in `segs`, `lead` emphasised.
    pub(crate) fn inline(
        &mut self,
        segs: &[Range<usize>],
        lead: Option<Range<usize>>,
        in_note: bool,
    ) -> Vec<Item> {
        let inside = |r: &Range<usize>| segs.iter().any(|s| s.start <= r.start && r.end <= s.end);
        let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
        if let Some(l) = lead.filter(|l| inside(l) && l.start < l.end) {
            marks.push((l, Mark::Emph));
        }
        for c in self.tree.citations.iter().filter(|_| self.links) {
            if inside(&c.range)
                && let Some(s) = citation_symbol(c)
            {
                marks.push((c.range.clone(), Mark::Link(s)));
            }
        }
        for s in &self.tree.symbols {
            if self.links && !s.in_furniture && inside(&s.range) && in_the_un_system(&s.canonical) {
                marks.push((
                    s.range.clone(),
                    Mark::Link(first_of_joint(&s.canonical).to_string()),
                ));
            }
        }
        if !in_note {
            for f in &self.tree.footnote_refs {
                if inside(&f.range) && self.notes.contains_key(&f.number) {
                    marks.push((f.range.clone(), Mark::Note(f.number)));
                }
            }
        }
        marks.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut kept: Vec<(Range<usize>, Mark)> = Vec::new();
        for (r, m) in marks {
            if kept.last().is_none_or(|(k, _)| k.end <= r.start) {
                kept.push((r, m));
            }
        }
        let mut out = Raw::default();
        let mut marks = kept.into_iter().peekable();
        for (i, seg) in segs.iter().enumerate() {
            if i > 0 {
                out.text("\n");
            }
            let mut at = seg.start;
            while let Some((r, _)) = marks.peek() {
                if r.start >= seg.end {
                    break;
                }
                let (r, m) = marks.next().unwrap_or((0..0, Mark::Emph));
                out.text(self.slice(at..r.start));
                let words = self.slice(r.clone()).to_string();
                match m {
                    Mark::Emph => out.el(El::new("span")
                        .attr("class", self.emph_class())
                        .text(squeeze(&words, self.lang()))),
                    Mark::Link(s) => out.el(El::new("a")
                        .attr("href", self.href(&s))
                        .text(squeeze(&words, self.lang()))),
                    // a number after a later note is text, not a marker
                    Mark::Note(k) if k <= self.last_note => out.text(&words),
                    Mark::Note(k) => {
                        self.last_note = k;
                        let note = self.note(k);
                        out.el(note)
                    }
                }
                at = r.end;
            }
            out.text(self.slice(at..seg.end));
        }
        out.finish(self.lang())
    }

    fn slice(&self, r: Range<usize>) -> &'a str {
        self.text.get(r).unwrap_or("")
    }

    fn note(&mut self, k: u32) -> El {
        self.note_ids += 1;
        let id = format!("authorialNote_{}", self.note_ids);
        let body = match self.notes.get(&k).copied() {
            Some(n) => {
                let segs = own_segments(self.text, n, false);
                self.inline(&segs, None, true)
            }
            None => Vec::new(),
        };
        El::new("authorialNote")
            .attr("marker", k.to_string())
            .attr("placement", "bottom")
            .attr("eId", id)
            .child(El::new("p").items(body))
    }
}

/// The node's own text: after its label, less its children (furniture,
/// footnotes, sub-paragraphs); with `intro_only`, only what comes before its
/// first sub-paragraph.
pub(crate) fn own_segments(text: &str, n: &Node, intro_only: bool) -> Vec<Range<usize>> {
    let mut at = match &n.label_range {
        Some(r) => label_end(text, r.end),
        None => n.range.start,
    }
    .clamp(n.range.start, n.range.end);
    let mut out = Vec::new();
    for c in &n.children {
        if intro_only && c.kind == NodeKind::Subparagraph {
            if c.range.start > at {
                out.push(at..c.range.start);
            }
            return out;
        }
        if c.range.start > at {
            out.push(at..c.range.start);
        }
        at = at.max(c.range.end);
    }
    if n.range.end > at {
        out.push(at..n.range.end);
    }
    out
}

/// Where a label's punctuation ends (`1.`, `1 -`, `(a)`, `١ -`): after
/// full stops, dashes and closing brackets on the label's line.
pub(crate) fn label_end(text: &str, end: usize) -> usize {
    let rest = text.get(end..).unwrap_or("");
    let punct = rest
        .char_indices()
        .take_while(|(_, c)| matches!(c, '.' | '．' | '-' | '–' | ')' | ' ' | '\t'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    end + rest[..punct].trim_end().len()
}

/// The symbol a citation links to: `A/RES/1514(XV)`, `S/RES/2231(2015)`,
/// `E/RES/2008/3`, a document's own symbol; none for decisions.
/// The series of the documents the UN's document system holds, which
/// `undocs.org` serves: the principal organs and the special series of
/// `spec/symbols.md`, and the conference and treaty-body series the UN's own
/// files link (GA 79, SC 2022). Another organization's symbol (`WHA58/2005/REC/1`,
/// `LEG/CONF.15/22`, `EB136/8`) is no link.
const UN_SERIES: &[&str] = &[
    "A", "S", "E", "T", "ST", "APLC", "BWC", "CAC", "CAT", "CBD", "CCM", "CCPR", "CCW", "CD",
    "CEB", "CED", "CEDAW", "CERD", "CLCS", "CMW", "CRC", "CRPD", "CTOC", "DP", "ESCAP", "FCCC",
    "GC", "HRC", "ICCD", "ID", "IDB", "ISBA", "JIU", "NPT", "SPLOS", "TD", "TPNW", "UNEP", "UNODC",
    "UNW",
];

/// Whether the symbol's series is one of [`UN_SERIES`] (`GC.18/…` is `GC`).
fn in_the_un_system(symbol: &str) -> bool {
    let series = symbol.split(['/', '.']).next().unwrap_or("");
    UN_SERIES.contains(&series)
}

/// A joint symbol (`A/79/302-S/2024/600`, `A/58/99–E/2003/94`) links to
/// its first symbol, as the UN's files do; a hyphen inside a symbol
/// (`A/RES/S-30/1`, `A/RES/ES-11/2`) is not a joint.
fn first_of_joint(symbol: &str) -> &str {
    for (i, c) in symbol.char_indices() {
        if c == '-' || c == '–' {
            let rest = &symbol[i + c.len_utf8()..];
            let organ = rest
                .split('/')
                .next()
                .filter(|o| rest.contains('/') && !o.is_empty());
            if organ.is_some_and(|o| o.chars().all(|ch| ch.is_ascii_uppercase() || ch == '.')) {
                return &symbol[..i];
            }
        }
    }
    symbol
}

fn citation_symbol(c: &Citation) -> Option<String> {
    let t: String = c.target.chars().filter(|ch| !ch.is_whitespace()).collect();
    // `45/55 B` and `217 A (III)` link to `45/55` and `217(III)`, as the UN's do
    let t = match (c.kind, t.find('(')) {
        (CitationKind::Resolution, Some(p)) => format!(
            "{}{}",
            t[..p].trim_end_matches(|ch: char| ch.is_ascii_uppercase()),
            &t[p..]
        ),
        (CitationKind::Resolution, None) if t.contains('/') => t
            .trim_end_matches(|ch: char| ch.is_ascii_uppercase())
            .to_string(),
        _ => t,
    };
    match c.kind {
        CitationKind::Document => {
            Some(first_of_joint(&c.target).to_string()).filter(|t| in_the_un_system(t))
        }
        CitationKind::Decision => None,
        CitationKind::Resolution => match c.organ.as_deref() {
            Some("SC") => Some(format!("S/RES/{t}")),
            Some("ECOSOC") => Some(format!("E/RES/{t}")),
            Some("HRC") => Some(format!("A/HRC/RES/{t}")),
            Some("GA") | None => {
                let sc = t.ends_with(')') && (t.contains("(1") || t.contains("(2"));
                Some(format!("{}/RES/{t}", if sc { "S" } else { "A" }))
            }
            Some(_) => None,
        },
    }
}

/// Whitespace runs to one space; one holding a line break between two
/// Chinese (or Japanese) characters to nothing.
pub(crate) fn squeeze(s: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<bool> = None; // Some(has line break)
    for ch in s.chars() {
        if ch.is_whitespace() && ch != '\u{a0}' || ch == '\u{c}' {
            let br = matches!(ch, '\n' | '\r' | '\u{c}');
            run = Some(run.unwrap_or(false) || br);
            continue;
        }
        if let Some(br) = run.take() {
            let joined = br && lang.is_cjk() && out.chars().last().is_some_and(wide) && wide(ch);
            if !joined {
                out.push(' ');
            }
        }
        out.push(ch);
    }
    if run.is_some() {
        out.push(' ');
    }
    out
}

fn wide(c: char) -> bool {
    c as u32 >= 0x2E80
}

/// Inline items being gathered: text runs squeezed, the whole trimmed.
#[derive(Default)]
struct Raw {
    items: Vec<Item>,
    pending: String,
}

impl Raw {
    fn text(&mut self, s: &str) {
        self.pending.push_str(s);
    }

    fn el(&mut self, e: El) {
        self.flush();
        self.items.push(Item::El(e));
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.items
                .push(Item::Text(std::mem::take(&mut self.pending)));
        }
    }

    fn finish(mut self, lang: Lang) -> Vec<Item> {
        self.flush();
        let mut items: Vec<Item> = self
            .items
            .into_iter()
            .map(|i| match i {
                Item::Text(t) => Item::Text(squeeze(&t, lang)),
                e => e,
            })
            .collect();
        if let Some(Item::Text(t)) = items.first_mut() {
            *t = t.trim_start().to_string();
        }
        if let Some(Item::Text(t)) = items.last_mut() {
            *t = t.trim_end().to_string();
        }
        items.retain(|i| !matches!(i, Item::Text(t) if t.is_empty()));
        items
    }
}

#[cfg(test)]
mod tests {
    use super::first_of_joint;

    #[test]
    fn a_joint_symbol_links_to_its_first() {
        assert_eq!(first_of_joint("A/79/302-S/2024/600"), "A/79/302");
        assert_eq!(first_of_joint("A/58/99–E/2003/94"), "A/58/99");
        assert_eq!(first_of_joint("A/RES/S-30/1"), "A/RES/S-30/1");
        assert_eq!(first_of_joint("A/RES/ES-11/2"), "A/RES/ES-11/2");
        assert_eq!(first_of_joint("A/C.3/80/L.12"), "A/C.3/80/L.12");
    }

    #[test]
    fn only_the_un_systems_documents_are_links() {
        for s in [
            "A/79/6 (Sect. 15)",
            "FCCC/CP/2015/10/Add.1",
            "GC.18/Res.1",
            "S/2024/600",
        ] {
            assert!(super::in_the_un_system(s), "{s}");
        }
        for s in ["WHA58/2005/REC/1", "LEG/CONF.15/22", "EB136/8", "RES/14"] {
            assert!(!super::in_the_un_system(s), "{s}");
        }
    }
}
