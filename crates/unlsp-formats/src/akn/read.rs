//! The UN's own AKN4UN markup read into a plain model of a resolution: what a
//! reader counts (preambular paragraphs, numbered paragraphs, points,
//! footnotes, cited resolutions, leads) and the content from which a text can
//! be rendered again. Only the elements AKN4UN uses for resolutions are read;
//! anything else contributes its text. XML text in, no file access; a DTD is
//! refused (roxmltree's default), so no entity is ever expanded.

use roxmltree::{Document as Xml, Node};
use std::collections::BTreeSet;

/// A piece of a paragraph's running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The phrase the UN italicises (bold in Chinese).
    Emph(String),
    /// A footnote: its marker and its text.
    Note {
        marker: String,
        text: String,
    },
}

/// A numbered point (sub-paragraph) with its own points.
#[derive(Debug, Clone, Default)]
pub struct Point {
    pub num: String,
    pub content: Vec<Piece>,
    pub points: Vec<Point>,
}

/// One block of the body, in reading order.
#[derive(Debug, Clone)]
pub enum Block {
    /// `The General Assembly,`
    Author(Vec<Piece>),
    /// A preambular paragraph; `name` is the gold lead (`<container name>`, or
    /// the leading emphasis of a section's `crossHeading`).
    Preambular { name: String, content: Vec<Piece> },
    /// A paragraph of the operative part, numbered or not (`Resolves that:`).
    Operative {
        num: Option<String>,
        content: Vec<Piece>,
        points: Vec<Point>,
    },
    /// A section or annex heading, a table row, a closing line: text a reader
    /// does not count.
    Line(Vec<Piece>),
}

impl Block {
    pub fn pieces(&self) -> &[Piece] {
        match self {
            Block::Author(c) | Block::Line(c) => c,
            Block::Preambular { content, .. } | Block::Operative { content, .. } => content,
        }
    }
}

/// Why a file is not scored, or which of its gold fields cannot be reproduced
/// by any text (listed in the report, never silently dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quirk {
    /// `<documentCollection>`: several resolutions in one file.
    Collection,
    /// A second `<preamble>`/`<mainBody>` pair in one statement.
    SecondBody,
    /// Paragraphs of an annex (a declaration, a pact) marked as the
    /// resolution's own numbered paragraphs (a headed paragraph in `mainBody`).
    AnnexAsBody,
}

impl Quirk {
    pub fn name(self) -> &'static str {
        match self {
            Quirk::Collection => "documentCollection",
            Quirk::SecondBody => "second preamble/mainBody",
            Quirk::AnnexAsBody => "annex paragraphs marked as the body",
        }
    }
}

/// A resolution as the Secretariat marked it up.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// ISO 639-1 code from `FRBRlanguage` (`en`, `zh`, …).
    pub lang: String,
    /// `A/RES/79/100`, `S/RES/2618 (2022)`.
    pub symbol: Option<String>,
    /// `79/100`, `79/245 B`, `2618 (2022)`.
    pub number: Option<String>,
    /// The number as the preface prints it (`79/100.`; Arabic `79/100`).
    pub number_text: Option<String>,
    /// The adoption date, ISO (`FRBRdate name="adoption"`).
    pub adopted: Option<String>,
    /// Cover page lines: organ, distribution, date, session, agenda item,
    /// adoption line, report line.
    pub cover: Vec<Vec<Piece>>,
    /// The cover's titles: the Council's `Resolution 2618 (2022)`, the
    /// adoption line, the committee report line (also in `cover`).
    pub cover_titles: Vec<Vec<Piece>>,
    pub title: Vec<Piece>,
    pub body: Vec<Block>,
    /// Closing lines (`49th plenary meeting`, the date).
    pub conclusions: Vec<Vec<Piece>>,
    /// Annexes: heading lines and paragraphs, read as lines.
    pub annexes: Vec<Vec<Block>>,
    /// Cited resolutions, from the links (`75/118`, `2231 (2015)`).
    pub cited: BTreeSet<String>,
    pub quirks: Vec<Quirk>,
    /// Preambular paragraphs the markup placed in `<mainBody>` (unnumbered,
    /// before the first numbered paragraph, opened by an emphasised lead and
    /// ended by a comma), read back into the preamble: a slip of the markup
    /// that a reader of the printed text never sees.
    pub preambular_in_body: usize,
    /// Sub-paragraphs the markup made paragraphs of their own (unnumbered,
    /// their label printed in the text: `(أ)`, `’1‘`), read back as points of
    /// the paragraph before them.
    pub points_in_body: usize,
    /// What the markup does against the OASIS schema (the UN's 53 files that
    /// do not validate): `<step>` without `date`, `<keyword>` without
    /// `showAs`, a collection's `<meta>` without `<identification>`.
    pub schema_slips: Vec<&'static str>,
}

impl Resolution {
    pub fn preambular(&self) -> impl Iterator<Item = &str> {
        self.body.iter().filter_map(|b| match b {
            Block::Preambular { name, .. } => Some(name.as_str()),
            _ => None,
        })
    }

    pub fn operative(&self) -> impl Iterator<Item = (&Option<String>, &[Piece], &[Point])> {
        self.body.iter().filter_map(|b| match b {
            Block::Operative {
                num,
                content,
                points,
            } => Some((num, content.as_slice(), points.as_slice())),
            _ => None,
        })
    }

    /// Points at every depth.
    pub fn point_count(&self) -> usize {
        fn count(ps: &[Point]) -> usize {
            ps.iter().map(|p| 1 + count(&p.points)).sum()
        }
        self.operative().map(|(_, _, ps)| count(ps)).sum()
    }

    /// Every footnote of the text: title, body, closing and annexes.
    pub fn footnote_count(&self) -> usize {
        let mut n = 0;
        self.for_each_piece(&mut |p| {
            if matches!(p, Piece::Note { .. }) {
                n += 1
            }
        });
        n
    }

    pub fn for_each_piece(&self, f: &mut impl FnMut(&Piece)) {
        fn points(ps: &[Point], f: &mut impl FnMut(&Piece)) {
            for p in ps {
                p.content.iter().for_each(&mut *f);
                points(&p.points, f);
            }
        }
        fn blocks(bs: &[Block], f: &mut impl FnMut(&Piece)) {
            for b in bs {
                b.pieces().iter().for_each(&mut *f);
                if let Block::Operative { points: ps, .. } = b {
                    points(ps, f);
                }
            }
        }
        self.cover.iter().flatten().for_each(&mut *f);
        self.title.iter().for_each(&mut *f);
        blocks(&self.body, f);
        self.conclusions.iter().flatten().for_each(&mut *f);
        for a in &self.annexes {
            blocks(a, f);
        }
    }

    /// Every irregularity of the markup, in words: what makes a file not
    /// scored (quirks), what the reader put back (slips) and what the schema
    /// refuses. Empty for a regular file.
    pub fn irregularities(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .quirks
            .iter()
            .map(|q| {
                match q {
                    Quirk::Collection => "a <documentCollection>: several texts in one file",
                    Quirk::SecondBody => "a second <preamble>/<mainBody>",
                    Quirk::AnnexAsBody => {
                        "an annex's paragraphs marked as the resolution's own (a headed <paragraph> in <mainBody>)"
                    }
                }
                .to_string()
            })
            .collect();
        if self.preambular_in_body > 0 {
            v.push(format!(
                "{} preambular paragraph(s) placed in <mainBody> (read as preambular)",
                self.preambular_in_body
            ));
        }
        if self.points_in_body > 0 {
            v.push(format!(
                "{} sub-paragraph(s) marked as paragraphs (read as points)",
                self.points_in_body
            ));
        }
        v.extend(self.schema_slips.iter().map(|s| s.to_string()));
        v
    }

    /// The leading emphasis of an operative paragraph (`Adopts`), the gold
    /// operative lead.
    /// A number the markup left in the text (`1 -`, the Arabic Council
    /// texts of 2022) is passed over.
    pub fn operative_lead(content: &[Piece]) -> Option<&str> {
        let bare_number = |t: &str| {
            let t = t.trim();
            t.starts_with(|c: char| c.is_ascii_digit())
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ')' | '–' | ' ' | '\t'))
        };
        match content
            .iter()
            .find(|p| !matches!(p, Piece::Text(t) if t.trim().is_empty() || bare_number(t)))?
        {
            Piece::Emph(e) => Some(e.as_str()),
            _ => None,
        }
    }
}

/// Read AKN4UN XML.
pub fn parse(xml: &str) -> Result<Resolution, String> {
    let doc = Xml::parse(xml).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    let mut r = Resolution::default();
    let Some(top) = root.children().find(|n| n.is_element()) else {
        return Err("no document element".into());
    };
    if top.tag_name().name() == "documentCollection" {
        r.quirks.push(Quirk::Collection);
    }
    if let Some(l) = descendant(top, "FRBRExpression").and_then(|e| descendant(e, "FRBRlanguage")) {
        r.lang = iso639_1(l.attribute("language").unwrap_or(""));
    }
    r.adopted = top
        .descendants()
        .find(|n| n.has_tag_name("FRBRdate") && n.attribute("name") == Some("adoption"))
        .and_then(|n| n.attribute("date"))
        .map(str::to_string);
    let mut preambles = 0;
    let mut bodies = 0;
    for part in top.children().filter(|n| n.is_element()) {
        match part.tag_name().name() {
            "coverPage" => read_cover(part, &mut r),
            "preface" => read_preface(part, &mut r),
            "preamble" => {
                preambles += 1;
                read_preamble(part, &mut r);
            }
            "mainBody" => {
                bodies += 1;
                read_body(part, &mut r.body, &mut r.cited);
            }
            "conclusions" => {
                // a line per `<eol/>`: `47th plenary meeting` / `4 December 2024`
                for p in part.descendants().filter(|n| n.has_tag_name("p")) {
                    let mut line = String::new();
                    for d in p.descendants() {
                        if d.has_tag_name("eol") {
                            line.push('\n');
                        } else if d.is_text() {
                            line.push_str(d.text().unwrap_or(""));
                        }
                    }
                    for l in line.split('\n').map(squeeze).filter(|l| !l.is_empty()) {
                        r.conclusions.push(vec![Piece::Text(l)]);
                    }
                }
            }
            "attachments" => {
                for body in part.descendants().filter(|n| n.has_tag_name("mainBody")) {
                    let mut blocks = Vec::new();
                    read_body(body, &mut blocks, &mut r.cited);
                    // an annex's paragraphs are text, not the resolution's own
                    r.annexes.push(blocks.into_iter().map(as_line).collect());
                }
            }
            _ => {}
        }
    }
    if preambles > 1 || bodies > 1 {
        r.quirks.push(Quirk::SecondBody);
    }
    r.schema_slips = schema_slips(top);
    r.preambular_in_body = preambular_from_body(&mut r.body);
    r.points_in_body = points_from_body(&mut r.body);
    if let Some(m) = top.children().find(|n| n.has_tag_name("mainBody"))
        && m.descendants()
            .any(|n| n.has_tag_name("paragraph") && n.children().any(|c| c.has_tag_name("heading")))
    {
        r.quirks.push(Quirk::AnnexAsBody);
    }
    Ok(r)
}

/// What the OASIS schema refuses in the UN's files, once each.
fn schema_slips(top: Node) -> Vec<&'static str> {
    let mut v = Vec::new();
    if top.has_tag_name("documentCollection")
        && let Some(meta) = top.children().find(|n| n.has_tag_name("meta"))
        && !meta.children().any(|n| n.has_tag_name("identification"))
    {
        v.push("<documentCollection> whose <meta> has no <identification>");
    }
    if top
        .descendants()
        .any(|n| n.has_tag_name("step") && n.attribute("date").is_none())
    {
        v.push("<step> without date");
    }
    if top
        .descendants()
        .any(|n| n.has_tag_name("keyword") && n.attribute("showAs").is_none())
    {
        v.push("<keyword> without showAs");
    }
    v
}

/// Move back into the preamble the paragraphs the markup put at the head of
/// `<mainBody>` although the text prints them as preambular: no number (no
/// `<num>`, none printed at the start of the text), an emphasised lead, a
/// comma at the end, and a numbered paragraph after them. Returns how many.
fn preambular_from_body(body: &mut [Block]) -> usize {
    let numbered = |b: &Block| match b {
        Block::Operative { num, content, .. } => num.is_some() || printed_number(content),
        _ => false,
    };
    let Some(first_numbered) = body.iter().position(numbered) else {
        return 0;
    };
    let mut moved = 0;
    for b in body[..first_numbered].iter_mut().rev() {
        let Block::Operative {
            num: None,
            content,
            points,
        } = b
        else {
            break;
        };
        let text = plain(content);
        let comma = text.trim_end().ends_with([',', '،', '，']);
        let Some(name) = Resolution::operative_lead(content).map(str::to_string) else {
            break;
        };
        if !comma || !points.is_empty() {
            break;
        }
        *b = Block::Preambular {
            name,
            content: std::mem::take(content),
        };
        moved += 1;
    }
    moved
}

/// Make points again of the sub-paragraphs the markup gave paragraphs of
/// their own: an unnumbered paragraph whose text opens with a printed item
/// label (`(a)`, `(أ)`, `’1‘`) after an operative paragraph goes under it (a
/// `’1‘` or `(1)` under its last lettered point). Returns how many.
fn points_from_body(body: &mut Vec<Block>) -> usize {
    let mut moved = 0;
    let mut out: Vec<Block> = Vec::with_capacity(body.len());
    for b in body.drain(..) {
        let item = match &b {
            // `<num>(أ)</num>` on a paragraph of its own
            Block::Operative { num: Some(n), .. } => item_label(n).map(|i| (n.clone(), i)),
            Block::Operative {
                num: None, content, ..
            } if !printed_number(content) => printed_item(content),
            _ => None,
        };
        let Some((label, inner)) = item else {
            out.push(b);
            continue;
        };
        let Some(Block::Operative { points, .. }) = out.last_mut() else {
            out.push(b);
            continue;
        };
        let Block::Operative {
            content,
            points: own,
            ..
        } = b
        else {
            unreachable!()
        };
        let mut content = content;
        strip_label(&mut content, &label);
        let point = Point {
            num: label,
            content,
            points: own,
        };
        match points.last_mut() {
            Some(last) if inner => last.points.push(point),
            _ => points.push(point),
        }
        moved += 1;
    }
    *body = out;
    moved
}

/// The item label printed at the start of a paragraph's text and whether it
/// is of the inner level (`’1‘`, a roman numeral): `(أ)` → (`(أ)`, false).
fn printed_item(content: &[Piece]) -> Option<(String, bool)> {
    let Some(Piece::Text(t)) = content.iter().find(|p| !is_blank_piece(p)) else {
        return None;
    };
    let t = t.trim_start();
    let first = t.chars().next()?.len_utf8();
    let close = t[first..].find(['’', '‘', ')'])? + first;
    let label = &t[..close + t[close..].chars().next()?.len_utf8()];
    item_label(label).map(|inner| (label.to_string(), inner))
}

/// Whether `label` is a sub-paragraph's (`(a)`, `(أ)`, `’1‘`, `(1)`), and
/// whether of the inner level (`’1‘`, `(1)`).
fn item_label(label: &str) -> Option<bool> {
    let t = label.trim();
    let (open, close) = match t.chars().next()? {
        '(' => ('(', ')'),
        '’' => ('’', '‘'),
        '‘' => ('‘', '’'),
        _ => return None,
    };
    let inside = t[open.len_utf8()..].strip_suffix(close)?;
    let n = inside.chars().count();
    if n == 0 || n > 4 || !inside.chars().all(char::is_alphanumeric) {
        return None;
    }
    // (a roman `(i)` is not told from the letter after `(h)`: lettered)
    Some(open != '(' || inside.chars().all(|c| c.is_ascii_digit()))
}

fn strip_label(content: &mut [Piece], label: &str) {
    if let Some(Piece::Text(t)) = content.iter_mut().find(|p| !is_blank_piece(p)) {
        let trimmed = t.trim_start();
        if let Some(rest) = trimmed.strip_prefix(label) {
            *t = rest.trim_start().to_string();
        }
    }
}

/// Whether the text opens with a paragraph number the markup left in the
/// text (`1 -`, `2.`), as in the Arabic Council texts of 2022.
fn printed_number(content: &[Piece]) -> bool {
    let Some(Piece::Text(t)) = content.iter().find(|p| !is_blank_piece(p)) else {
        return false;
    };
    let t = t.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && {
        let rest = t[digits..].trim_start();
        rest.starts_with(['-', '.', ')', '–'])
    }
}

fn as_line(b: Block) -> Block {
    match b {
        Block::Operative {
            num,
            mut content,
            points,
        } => {
            if let Some(n) = num {
                content.insert(0, Piece::Text(format!("{n} ")));
            }
            fn flat(ps: Vec<Point>, out: &mut Vec<Piece>) {
                for p in ps {
                    out.push(Piece::Text(format!(" {} ", p.num)));
                    out.extend(p.content);
                    flat(p.points, out);
                }
            }
            flat(points, &mut content);
            Block::Line(content)
        }
        Block::Preambular { content, .. } | Block::Author(content) => Block::Line(content),
        l => l,
    }
}

fn descendant<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.descendants().find(|d| d.has_tag_name(name))
}

fn iso639_1(code: &str) -> String {
    match code {
        "eng" => "en",
        "fra" => "fr",
        "spa" => "es",
        "rus" => "ru",
        "ara" => "ar",
        "zho" | "chi" => "zh",
        other => other,
    }
    .to_string()
}

fn read_cover(cover: Node, r: &mut Resolution) {
    for p in cover.children().filter(|n| n.has_tag_name("p")) {
        if let Some(d) = p
            .descendants()
            .find(|n| n.has_tag_name("docNumber") && n.attribute("refersTo") == Some("#symbol"))
        {
            let s = squeeze(&text_of(d));
            if let Some(n) = sc_number(&s) {
                r.number.get_or_insert(n);
            }
            r.symbol = Some(s.clone());
            r.cover.push(vec![Piece::Text(s)]);
            continue;
        }
        let pieces = inline(p, &mut r.cited);
        if !is_blank(&pieces) {
            if p.descendants()
                .any(|n| n.has_tag_name("docTitle") || n.has_tag_name("docProponent"))
            {
                r.cover_titles.push(pieces.clone());
            }
            r.cover.push(pieces);
        }
    }
}

/// `S/RES/2618 (2022)` → `2618 (2022)`.
fn sc_number(symbol: &str) -> Option<String> {
    symbol.strip_prefix("S/RES/").map(str::to_string)
}

fn read_preface(preface: Node, r: &mut Resolution) {
    if let Some(d) = descendant(preface, "docNumber") {
        let n = squeeze(&text_of(d));
        r.number_text = Some(n.clone());
        let n = n.trim_end_matches(['.', '．', ' ']).to_string();
        if !n.is_empty() {
            r.number = Some(n);
        }
    }
    if let Some(t) = descendant(preface, "docTitle") {
        r.title = inline(t, &mut r.cited);
    }
}

fn read_preamble(pre: Node, r: &mut Resolution) {
    for c in pre.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "formula" => r.body.push(Block::Author(inline_ps(c, &mut r.cited))),
            "container" => {
                let name = squeeze(c.attribute("name").unwrap_or(""));
                r.body.push(Block::Preambular {
                    name,
                    content: inline_ps(c, &mut r.cited),
                });
            }
            _ => {
                let pieces = inline_ps(c, &mut r.cited);
                if !is_blank(&pieces) {
                    r.body.push(Block::Line(pieces));
                }
            }
        }
    }
}

fn read_body(body: Node, out: &mut Vec<Block>, cited: &mut BTreeSet<String>) {
    for c in body.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "paragraph" => read_paragraph(c, out, cited),
            "crossHeading" if c.attribute("refersTo") == Some("#preamble") => {
                let content = inline(c, cited);
                let name = match content.iter().find(|p| !is_blank_piece(p)) {
                    Some(Piece::Emph(e)) => e.clone(),
                    _ => String::new(),
                };
                out.push(Block::Preambular { name, content });
            }
            "section" | "part" | "chapter" | "title" | "division" => {
                let head: Vec<Piece> = c
                    .children()
                    .filter(|n| matches!(n.tag_name().name(), "num" | "heading" | "subheading"))
                    .flat_map(|n| {
                        let mut v = inline(n, cited);
                        v.push(Piece::Text(" ".into()));
                        v
                    })
                    .collect();
                if !is_blank(&head) {
                    out.push(Block::Line(head));
                }
                read_body(c, out, cited);
            }
            "num" | "heading" | "subheading" => {}
            "crossHeading" | "p" | "blockList" | "tblock" => {
                let pieces = inline(c, cited);
                if !is_blank(&pieces) {
                    out.push(Block::Line(pieces));
                }
            }
            "table" => read_table(c, out, cited),
            _ => read_body(c, out, cited),
        }
    }
}

fn read_table(t: Node, out: &mut Vec<Block>, cited: &mut BTreeSet<String>) {
    for tr in t.descendants().filter(|n| n.has_tag_name("tr")) {
        let mut row = Vec::new();
        for cell in tr.children().filter(|n| n.is_element()) {
            if !row.is_empty() {
                row.push(Piece::Text("\t".into()));
            }
            row.extend(inline(cell, cited));
        }
        if !is_blank(&row) {
            out.push(Block::Line(row));
        }
    }
}

fn read_paragraph(p: Node, out: &mut Vec<Block>, cited: &mut BTreeSet<String>) {
    let num = p
        .children()
        .find(|n| n.has_tag_name("num"))
        .map(|n| squeeze(&text_of(n)));
    if let Some(h) = p.children().find(|n| n.has_tag_name("heading")) {
        out.push(Block::Line(inline(h, cited)));
    }
    let mut content = Vec::new();
    let mut points = Vec::new();
    for c in p.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "content" => content.extend(inline_ps(c, cited)),
            "list" => read_list(c, &mut content, &mut points, cited),
            "paragraph" | "subparagraph" => {
                // nested paragraphs: read as points of this one
                let mut inner = Vec::new();
                read_paragraph(c, &mut inner, cited);
                for b in inner {
                    if let Block::Operative {
                        num: Some(n),
                        content: c2,
                        points: p2,
                    } = b
                    {
                        points.push(Point {
                            num: n,
                            content: c2,
                            points: p2,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    // an unnumbered paragraph that does not end as a paragraph does is a
    // heading marked as a paragraph (Arabic `تاسعا` / `الوثائق والنشر`)
    let ends = plain(&content)
        .trim_end()
        .ends_with(['.', ';', ':', '。', '；', '：', '؛', '،', ',', '，']);
    if num.is_none() && points.is_empty() && !ends {
        if !is_blank(&content) {
            out.push(Block::Line(content));
        }
    } else if !is_blank(&content) || !points.is_empty() {
        out.push(Block::Operative {
            num,
            content,
            points,
        });
    }
}

fn read_list(
    list: Node,
    intro: &mut Vec<Piece>,
    points: &mut Vec<Point>,
    cited: &mut BTreeSet<String>,
) {
    for c in list.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "intro" | "listIntroduction" => {
                let mut v = inline_ps(c, cited);
                if points.is_empty() {
                    intro.append(&mut v);
                } else if let Some(last) = points.last_mut() {
                    last.content.append(&mut v);
                }
            }
            "point" | "item" | "indent" | "alinea" => {
                let num = c
                    .children()
                    .find(|n| n.has_tag_name("num"))
                    .map(|n| squeeze(&text_of(n)))
                    .unwrap_or_default();
                let mut pt = Point {
                    num,
                    ..Point::default()
                };
                for cc in c.children().filter(|n| n.is_element()) {
                    match cc.tag_name().name() {
                        "content" => pt.content.extend(inline_ps(cc, cited)),
                        "list" => read_list(cc, &mut pt.content, &mut pt.points, cited),
                        _ => {}
                    }
                }
                points.push(pt);
            }
            "wrapUp" | "wrap" => {
                let mut v = inline_ps(c, cited);
                if let Some(last) = points.last_mut() {
                    last.content.append(&mut v);
                } else {
                    intro.append(&mut v);
                }
            }
            "list" | "sublist" => read_list(c, intro, points, cited),
            _ => {}
        }
    }
}

/// The pieces of every `<p>` under `n`, separated by a space (a container
/// with several `<p>` is one paragraph).
fn inline_ps(n: Node, cited: &mut BTreeSet<String>) -> Vec<Piece> {
    let mut out = Vec::new();
    let ps: Vec<Node> = n.children().filter(|c| c.has_tag_name("p")).collect();
    if ps.is_empty() {
        return inline(n, cited);
    }
    for (i, p) in ps.into_iter().enumerate() {
        if i > 0 {
            out.push(Piece::Text(" ".into()));
        }
        out.extend(inline(p, cited));
    }
    out
}

/// The running text of an element: text, emphasis, footnotes; links add
/// their target to `cited` when it is a resolution.
fn inline(n: Node, cited: &mut BTreeSet<String>) -> Vec<Piece> {
    let mut out = Vec::new();
    walk_inline(n, cited, &mut out);
    normalise(out)
}

fn walk_inline(n: Node, cited: &mut BTreeSet<String>, out: &mut Vec<Piece>) {
    for c in n.children() {
        if c.is_text() {
            out.push(Piece::Text(c.text().unwrap_or("").to_string()));
            continue;
        }
        if !c.is_element() {
            continue;
        }
        match c.tag_name().name() {
            "authorialNote" => {
                let mut inner = BTreeSet::new();
                let text = squeeze(&plain(&inline(c, &mut inner)));
                cited.extend(inner);
                out.push(Piece::Note {
                    marker: c.attribute("marker").unwrap_or("").trim().to_string(),
                    text,
                });
            }
            "span" | "i" | "b"
                if c.attribute("class")
                    .is_some_and(|k| k.contains("italic") || k.contains("bold"))
                    || matches!(c.tag_name().name(), "i" | "b") =>
            {
                // emphasis may hold a link or a note; the note stays a note
                let mut inner = Vec::new();
                walk_inline(c, cited, &mut inner);
                for p in inner {
                    match p {
                        Piece::Text(t) | Piece::Emph(t) => out.push(Piece::Emph(t)),
                        note => out.push(note),
                    }
                }
            }
            "a" => {
                if let Some(t) = c.attribute("href").and_then(resolution_target) {
                    cited.insert(t);
                }
                walk_inline(c, cited, out);
            }
            "eol" | "br" => out.push(Piece::Text(" ".into())),
            "img" | "meta" => {}
            _ => walk_inline(c, cited, out),
        }
    }
}

/// `https://undocs.org/en/A/RES/75/118` → `75/118`;
/// `…/S/RES/1325(2000)` → `1325 (2000)`; `…/A/RES/1514(XV)` → `1514 (XV)`;
/// `…/A/RES/ES-10/21` → `ES-10/21`.
pub fn resolution_target(href: &str) -> Option<String> {
    let i = href.find("/RES/")?;
    let t = href[i + 5..].trim_end_matches('/');
    let t = t.split(['?', '#']).next()?.replace("%20", " ");
    if t.is_empty() {
        return None;
    }
    // `1325(2000)` → `1325 (2000)`
    let t = match t.find('(') {
        Some(p) if p > 0 && !t[..p].ends_with(' ') => format!("{} {}", &t[..p], &t[p..]),
        _ => t,
    };
    Some(t)
}

fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

/// Whitespace runs (not NBSP) to one space, trimmed.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Pieces with whitespace squeezed across boundaries, empty ones dropped and
/// neighbours of one kind merged; leading and trailing space trimmed.
fn normalise(v: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for p in v {
        match p {
            Piece::Text(t) | Piece::Emph(t) if t.is_empty() => {}
            Piece::Text(t) => match out.last_mut() {
                Some(Piece::Text(prev)) => prev.push_str(&t),
                _ => out.push(Piece::Text(t)),
            },
            Piece::Emph(t) => match out.last_mut() {
                Some(Piece::Emph(prev)) => prev.push_str(&t),
                _ => out.push(Piece::Emph(t)),
            },
            note => out.push(note),
        }
    }
    // squeeze whitespace across the pieces, keeping one space at a boundary
    let mut space_before = true;
    for p in &mut out {
        let t = match p {
            Piece::Text(t) | Piece::Emph(t) => t,
            Piece::Note { .. } => {
                space_before = false;
                continue;
            }
        };
        let lead = t.starts_with([' ', '\t', '\n', '\r']);
        let trail = t.ends_with([' ', '\t', '\n', '\r']);
        let mut s = squeeze(t);
        if lead && !space_before && !s.is_empty() {
            s.insert(0, ' ');
        }
        if trail && !s.is_empty() {
            s.push(' ');
        }
        if s.is_empty() && (lead || trail) && !space_before {
            s.push(' ');
        }
        space_before = s.ends_with(' ') || (s.is_empty() && space_before);
        *t = s;
    }
    // an emphasis with edge spaces gives them to its neighbours
    let mut fixed: Vec<Piece> = Vec::new();
    for p in out {
        match p {
            Piece::Emph(t) => {
                let core = t.trim_matches(' ');
                if t.starts_with(' ') {
                    fixed.push(Piece::Text(" ".into()));
                }
                if !core.is_empty() {
                    fixed.push(Piece::Emph(core.to_string()));
                }
                if t.ends_with(' ') && core.len() < t.len() {
                    fixed.push(Piece::Text(" ".into()));
                }
            }
            Piece::Text(t) if t.is_empty() => {}
            other => fixed.push(other),
        }
    }
    // merge text neighbours again and collapse double spaces at the seams
    let mut merged: Vec<Piece> = Vec::new();
    for p in fixed {
        match (merged.last_mut(), p) {
            (Some(Piece::Text(prev)), Piece::Text(t)) => {
                if prev.ends_with(' ') && t.starts_with(' ') {
                    prev.push_str(&t[1..]);
                } else {
                    prev.push_str(&t);
                }
            }
            (_, p) => merged.push(p),
        }
    }
    if let Some(Piece::Text(t)) = merged.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Piece::Text(t)) = merged.last_mut() {
        *t = t.trim_end().to_string();
    }
    merged.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
    merged
}

fn is_blank_piece(p: &Piece) -> bool {
    matches!(p, Piece::Text(t) | Piece::Emph(t) if t.trim().is_empty())
}

fn is_blank(v: &[Piece]) -> bool {
    v.iter().all(is_blank_piece)
}

/// The text of pieces, footnotes left out.
pub fn plain(v: &[Piece]) -> String {
    v.iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Emph(t) => t.as_str(),
            Piece::Note { .. } => "",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_name_resolutions() {
        assert_eq!(
            resolution_target("https://undocs.org/en/A/RES/75/118").as_deref(),
            Some("75/118")
        );
        assert_eq!(
            resolution_target("https://undocs.org/en/S/RES/1325(2000)").as_deref(),
            Some("1325 (2000)")
        );
        assert_eq!(
            resolution_target("https://undocs.org/en/A/RES/1514(XV)").as_deref(),
            Some("1514 (XV)")
        );
        assert_eq!(resolution_target("https://undocs.org/en/A/79/23"), None);
    }

    #[test]
    fn a_container_reads_as_a_preambular_paragraph_with_its_note() {
        let xml = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<preface><p><docNumber>79/100.</docNumber><docTitle><span class="bold">	Question of Anguilla</span></docTitle></p></preface>
<preamble><formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
<container name="Taking note"><p xml:space="preserve">	<span class="italic">Taking note</span> of the paper on Anguilla<authorialNote marker="2" placement="bottom"><p>	 	<a href="https://undocs.org/en/A/AC.109/2024/2">A/AC.109/2024/2</a>.</p></authorialNote> and other
  information, recalling <a href="https://undocs.org/en/A/RES/75/118">75/118</a>,</p></container></preamble>
<mainBody><paragraph><num>1.</num><content><p><span class="italic">Reaffirms</span> that:</p></content>
<list><point><num>(a)</num><content><p>one;</p></content></point><point><num>(b)</num><content><p>two.</p></content></point></list></paragraph></mainBody>
</statement></akomaNtoso>"#;
        let r = parse(xml).unwrap();
        assert_eq!(r.number.as_deref(), Some("79/100"));
        assert_eq!(plain(&r.title), "Question of Anguilla");
        assert_eq!(r.preambular().collect::<Vec<_>>(), ["Taking note"]);
        let Block::Preambular { content, .. } = &r.body[1] else {
            panic!("{:?}", r.body[1]);
        };
        assert_eq!(content[0], Piece::Emph("Taking note".into()));
        assert_eq!(
            plain(content),
            "Taking note of the paper on Anguilla and other information, recalling 75/118,"
        );
        assert_eq!(r.footnote_count(), 1);
        assert_eq!(r.point_count(), 2);
        assert_eq!(r.cited.iter().collect::<Vec<_>>(), ["75/118"]);
        let (num, c, _) = r.operative().next().unwrap();
        assert_eq!(num.as_deref(), Some("1."));
        assert_eq!(Resolution::operative_lead(c), Some("Reaffirms"));
    }
}
