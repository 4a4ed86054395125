//! Line-local lexing: text → [`Block`]s. A block is a line, or a part of a line
//! when a one-line text (seeds 000, 001) holds several paragraphs. Lexing a line
//! looks at that line only, so an edit re-lexes only the lines it touches; all
//! decisions that need context (is this `3.` the next paragraph number? is this
//! digit a footnote?) are left to [`crate::assemble`].

use crate::cjk::{SpaceTrim, is_cjk, is_space, superscript_digit};
use crate::dates;
use crate::lang::{PackedCounts, ScriptCounts};
use crate::lexicon::{LeadClass, LeadMatch, lexicon};
use crate::numbers::arabic_indic_digit;
use crate::patterns::*;
use crate::symbols;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FurnitureKind {
    Meta,
    JobNumber,
    Barcode,
    PageNumber,
    Url,
    Recycle,
    RunningHeader,
    SponsorNote,
    /// Markdown markup that is no text (issue 16): a heading's `## `, a
    /// comment `<!-- … -->` whole on its line or before the line's text.
    Markup,
    /// `---` alone on its line: Markdown's front-matter fence (at the top of
    /// the text, the assembler decides) or a thematic break.
    Fence,
    /// A line that opens an HTML comment `<!--` and does not close it: the
    /// lines up to the one holding `-->` are the comment's (the assembler).
    CommentOpen,
}

impl FurnitureKind {
    /// Furniture that a writer typed (Markdown markup), not an extraction
    /// left behind: it does not make a text look extracted.
    pub fn is_markup(&self) -> bool {
        matches!(
            self,
            FurnitureKind::Markup | FurnitureKind::Fence | FurnitureKind::CommentOpen
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadHit {
    /// Offset of the lead inside the block.
    pub rel: u32,
    pub m: LeadMatch,
}

impl LeadHit {
    /// Offset of the lead inside the block.
    pub fn rel(&self) -> usize {
        self.rel as usize
    }
}

/// A paragraph or sub-paragraph label as a block holds it (`12`, `12 bis`,
/// `(a)`, `vii)`, `㈠`), inline: the label shapes of [`NUMBERED`],
/// [`NUMBERED_AR`], [`NUMBERED_TIGHT`] and [`SUBLABEL`] hold at most five
/// digits of up to 4 bytes and a suffix (`quater`), 27 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Label {
    len: u8,
    buf: [u8; Label::CAP],
}

impl Label {
    pub const CAP: usize = 31;

    /// `s`, cut at a character boundary if it were longer than [`Label::CAP`]
    /// (no label shape is).
    pub fn new(s: &str) -> Label {
        let n = crate::text::clamp_to_char(s, Label::CAP);
        let mut buf = [0u8; Label::CAP];
        buf[..n].copy_from_slice(&s.as_bytes()[..n]);
        Label { len: n as u8, buf }
    }

    pub fn as_str(&self) -> &str {
        // built from a `str` cut at a character boundary
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or_default()
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

/// A numbered paragraph's opening (`1.`, `**2.**`, `١ -`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedHead {
    pub label: Label,
    pub number: Option<u32>,
    /// The label's bytes inside the block.
    pub label_rel: (u32, u32),
    pub lead: Option<LeadHit>,
}

/// A sub-paragraph's opening (`(a)`, `ii)`, `㈠`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubHead {
    pub label: Label,
    /// The label's bytes inside the block.
    pub label_rel: (u32, u32),
    pub lead: Option<LeadHit>,
}

/// What a block is. Kept to 24 bytes: the rare strings boxed, the numbered
/// and sub-paragraph openings (a label and a lead) boxed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Blank,
    Furniture(FurnitureKind),
    FootnoteSeparator,
    FootnoteDef {
        number: u32,
        superscript: bool,
        label_rel: (u32, u32),
    },
    /// A line holding only a document symbol: masthead or running header.
    SymbolLine(Box<str>),
    OrgLine(Option<Box<str>>),
    OrganLine,
    Distr(Box<str>),
    DateLine(dates::Date),
    Original,
    Session,
    AgendaItem,
    Adoption,
    Report,
    Title {
        number: Box<str>,
    },
    Author {
        organ: &'static str,
    },
    Sponsors,
    Closing,
    Annex(Option<Box<str>>),
    Numbered(Box<NumberedHead>),
    Sub(Box<SubHead>),
    Lead(LeadHit),
    /// Short line without terminal punctuation: a section heading if the context
    /// agrees.
    HeadingLike {
        designator: Option<Box<str>>,
    },
    Text,
}

/// A line, or a segment of a one-line text: 64 bytes (documents are split
/// into blocks of at most 4 GB, so lengths take 32 bits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    /// Length including the line terminator, if any.
    pub len: u32,
    /// Length without the line terminator.
    pub content_len: u32,
    pub kind: BlockKind,
    /// The block starts at the beginning of a line.
    pub line_start: bool,
    /// Leading whitespace on the line (seed 002 indents new paragraphs).
    pub indented: bool,
    pub scripts: PackedCounts,
}

impl Block {
    pub fn end(&self) -> usize {
        self.start + self.len as usize
    }
    pub fn content_end(&self) -> usize {
        self.start + self.content_len as usize
    }
    /// Offsets inside the block (`label_rel`, a lead's `rel`) as a range of
    /// the document.
    pub fn abs(&self, rel: (u32, u32)) -> std::ops::Range<usize> {
        self.start + rel.0 as usize..self.start + rel.1 as usize
    }
    pub fn lead(&self) -> Option<&LeadHit> {
        match &self.kind {
            BlockKind::Lead(h) => Some(h),
            BlockKind::Numbered(n) => n.lead.as_ref(),
            BlockKind::Sub(s) => s.lead.as_ref(),
            _ => None,
        }
    }
    pub fn is_blank(&self) -> bool {
        matches!(self.kind, BlockKind::Blank)
    }
}

/// The longest block: a line longer than this (over 4 GB) is cut.
const MAX_BLOCK: usize = u32::MAX as usize - 8;

/// Lex `text`, whose first byte is at absolute offset `base`; `text` must start at
/// a line start.
pub fn lex(text: &str, base: usize) -> Vec<Block> {
    let bytes = text.as_bytes();
    // a block per line (one-line texts split into more): sized once, no
    // copies as the list grows
    let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    let mut out = Vec::with_capacity(lines);
    let mut pos = 0;
    while pos < text.len() {
        let nl = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map(|i| pos + i);
        let (content_end, line_end) = match nl {
            _ if nl.unwrap_or(text.len()) - pos > MAX_BLOCK => {
                let cut = crate::text::clamp_to_char(text, pos + MAX_BLOCK);
                (cut, cut)
            }
            None => (text.len(), text.len()),
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => (i, i + 2),
            Some(i) => (i, i + 1),
        };
        lex_line(
            &text[pos..content_end],
            base + pos,
            line_end - content_end,
            &mut out,
        );
        pos = line_end;
    }
    // (old Mac line ends or split one-line texts made it grow: the list lives
    // as long as the document)
    if out.capacity() > out.len() + out.len() / 8 {
        out.shrink_to_fit();
    }
    out
}

fn new_block(
    start: usize,
    content: &str,
    term: usize,
    kind: BlockKind,
    line_start: bool,
    indented: bool,
) -> Block {
    Block {
        start,
        len: (content.len() + term) as u32,
        content_len: content.len() as u32,
        kind,
        line_start,
        indented,
        scripts: PackedCounts::pack(ScriptCounts::of(content)),
    }
}

fn lex_line(line: &str, abs: usize, term: usize, out: &mut Vec<Block>) {
    let indented = line.starts_with(is_space) && !line.trim().is_empty();
    if let Some(cut) = markup_prefix(line) {
        // `## 79/163. Title`, `<!-- note --> text`: the markup is a block of
        // its own, the rest is read as a line of its own
        let whole = cut == line.len();
        out.push(new_block(
            abs,
            &line[..cut],
            if whole { term } else { 0 },
            BlockKind::Furniture(FurnitureKind::Markup),
            true,
            indented,
        ));
        if whole {
            return;
        }
        let rest = &line[cut..];
        let mut kind = classify(rest, abs + cut, true);
        if matches!(kind, BlockKind::Text) && line.trim_space_start().starts_with('#') {
            // a Markdown heading is a heading whatever its punctuation
            kind = BlockKind::HeadingLike { designator: None };
        }
        // (not a line start for the re-lexing of an edit, which looks for
        // the line's first block)
        out.push(new_block(abs + cut, rest, term, kind, false, false));
        return;
    }
    if (line.len() > 300 || run_in_author(line))
        && let Some(splits) = inline_splits(line)
    {
        let mut prev = 0;
        for (i, &s) in splits
            .iter()
            .chain(std::iter::once(&line.len()))
            .enumerate()
        {
            if s <= prev && i > 0 {
                continue;
            }
            let seg = &line[prev..s];
            let last = s == line.len();
            let kind = classify(seg, abs + prev, prev == 0);
            out.push(new_block(
                abs + prev,
                seg,
                if last { term } else { 0 },
                kind,
                prev == 0,
                indented && prev == 0,
            ));
            prev = s;
        }
        return;
    }
    let kind = classify(line, abs, true);
    out.push(new_block(abs, line, term, kind, true, indented));
}

/// Classify one line (or one segment of a one-line text).
pub fn classify(line: &str, abs: usize, line_start: bool) -> BlockKind {
    let t = line.trim_space();
    if t.is_empty() {
        return BlockKind::Blank;
    }
    if abs == 0 && t.starts_with("%%%") {
        return BlockKind::Furniture(FurnitureKind::Meta);
    }
    let first = t.chars().next().unwrap();
    if matches!(first, '-' | '<' | '[')
        && let Some(k) = markdown_line(line, t)
    {
        return k;
    }
    // Arabic-Indic digits number Arabic paragraphs too (`١ - يقرر`)
    if first.is_ascii_digit() || ('٠'..='٩').contains(&first) {
        if let Some(k) = classify_digit_line(line, t) {
            return k;
        }
    } else if first == '*' {
        if BARCODE.is_match(line) {
            return BlockKind::Furniture(FurnitureKind::Barcode);
        }
        if SPONSOR_NOTE.is_match(line) {
            return BlockKind::Furniture(FurnitureKind::SponsorNote);
        }
        if let Some(k) = numbered(line) {
            return k;
        }
        if let Some(k) = unemphasised(line, abs, line_start) {
            return k;
        }
    } else if first == '_' {
        if SEPARATOR.is_match(line) {
            return BlockKind::FootnoteSeparator;
        }
        if let Some(k) = unemphasised(line, abs, line_start) {
            return k;
        }
    } else if first == '[' {
        if REPORT_LINE.is_match(line) {
            return BlockKind::Report;
        }
    } else if first == '('
        || first.is_ascii_lowercase()
            // a label (`a)`, `vii)`) closes within its first bytes; `a.`
            // (the Council's letters) is its letter and a full stop
            && t.len() > 1
            && (t.as_bytes()[1..t.len().min(8)].contains(&b')') || t.as_bytes()[1] == b'.')
        || ('㈠'..='㈩').contains(&first)
        // Russian letters: `а)`, `б)`
        || ('а'..='я').contains(&first) && t[first.len_utf8()..].starts_with(')')
    {
        if let Some((m, rest_at)) = sub_label(line) {
            let lead = lexicon().match_at(&line[rest_at..]).map(|m| LeadHit {
                rel: rest_at as u32,
                m,
            });
            return BlockKind::Sub(Box::new(SubHead {
                label: Label::new(&line[m.clone()]),
                label_rel: (m.start as u32, m.end as u32),
                lead,
            }));
        }
        // `(12) القرار 70/1.`: the Arabic footnote, its number in parentheses
        // (the assembler takes it as one only where a footnote can be)
        if let Some(c) = FOOTNOTE_DEF_PAREN.captures(line) {
            let m = c.get(1).unwrap();
            let number = m.as_str().chars().fold(0u32, |a, d| {
                a.saturating_mul(10).saturating_add(
                    d.to_digit(10)
                        .or_else(|| arabic_indic_digit(d))
                        .unwrap_or(0),
                )
            });
            return BlockKind::FootnoteDef {
                number,
                superscript: false,
                label_rel: (m.start() as u32, m.end() as u32),
            };
        }
    } else if superscript_digit(first).is_some() {
        if let Some(c) = FOOTNOTE_DEF_SUP.captures(line) {
            let m = c.get(1).unwrap();
            let number = m
                .as_str()
                .chars()
                .filter_map(superscript_digit)
                .fold(0, |a, d| a * 10 + d);
            return BlockKind::FootnoteDef {
                number,
                superscript: true,
                label_rel: (m.start() as u32, m.end() as u32),
            };
        }
    } else if first == '/' && CONTINUED_MARK.is_match(line) {
        return BlockKind::Furniture(FurnitureKind::PageNumber);
    } else if (first == 'h' || first == 'w') && URL_LINE.is_match(line) {
        return BlockKind::Furniture(FurnitureKind::Url);
    } else if (t.starts_with("ES-") || t.starts_with("S-"))
        && t.as_bytes()
            .get(t.find('-').unwrap_or(0) + 1)
            .is_some_and(u8::is_ascii_digit)
        && let Some(c) = TITLE_NUMBER.captures(line)
    {
        // an emergency or special session's title line: `ES-11/7. Title`
        return BlockKind::Title {
            number: normalise_number(&c[1]).into(),
        };
    }
    classify_rest(line, t, first, line_start)
}

/// [`classify`] after the shapes told by the first character: heading
/// fields, a lead phrase, a heading-like line, text.
fn classify_rest(line: &str, t: &str, first: char, line_start: bool) -> BlockKind {
    if let Some(k) = classify_heading_fields(line, t, first) {
        return k;
    }
    // Lead phrase at the start.
    let skip = line.len() - line.trim_space_start().len();
    // English, French and Spanish leads are capitalised: a line that starts in
    // lower case continues a paragraph (Russian leads are lower case); a
    // segment cut after a run-in author line opens one.
    let lower_latin = first.is_ascii_lowercase() && line_start;
    if (!lower_latin || t.len() < 40)
        && let Some(m) = lexicon().match_at(&line[skip..])
    {
        return BlockKind::Lead(LeadHit {
            rel: skip as u32,
            m,
        });
    }
    // (120 characters are at most 480 bytes; count only between)
    // a Markdown heading in emphasis (`*Capacity-building*`) reads as its words
    let t = match t.trim_matches(['*', '_']) {
        "" => t,
        inner => inner,
    };
    let first = t.chars().next().unwrap_or(first);
    if line_start && (t.len() <= 120 || t.len() <= 480 && t.chars().count() <= 120) {
        let last = t.chars().next_back().unwrap();
        let terminal = matches!(
            last,
            ',' | ';' | ':' | '.' | '，' | '；' | '：' | '。' | '、' | '،' | '؛'
        );
        // after an opening quote, the letter it opens decides: `“(b) On
        // promotion, …` (a quoted staff rule, GA 79/280) is quoted text
        let letter = if matches!(first, '“' | '«') {
            t.chars().nth(1).unwrap_or(first)
        } else {
            first
        };
        // (a letter without case, Arabic, counts as a capital in a line short
        // enough for a heading, `خطة التناوب`: a wrapped line is longer)
        let caseless = letter.is_alphabetic()
            && !letter.is_lowercase()
            && !letter.is_uppercase()
            && !is_cjk(letter)
            && t.chars().count() <= 50;
        let starts_upper = letter.is_uppercase() || is_cjk(letter) || caseless;
        if !terminal && starts_upper {
            let designator = may_be_designator(t)
                .then(|| SECTION_DESIGNATOR.captures(t).map(|c| c[1].into()))
                .flatten();
            return BlockKind::HeadingLike { designator };
        }
    }
    BlockKind::Text
}

/// The `language:` of the Markdown front matter that opens `text` (issue 16;
/// blank lines may come before its `---`), read before the walk, since the
/// language decides how the text is read. Cheap: a text that does not open
/// with `---` answers at its first line.
pub fn front_matter_lang(text: &str) -> Option<crate::lang::Lang> {
    let t = text
        .trim_start_matches('\u{feff}')
        .trim_start_matches(['\n', '\r', ' ', '\t']);
    let mut lines = t.lines();
    if lines.next()?.trim_space() != "---" {
        return None;
    }
    for l in lines.take(64) {
        let l = l.trim_space();
        if l == "---" {
            return None;
        }
        if let Some(v) = l.strip_prefix("language:") {
            return crate::lang::Lang::from_code(v.trim_space().trim_matches(['"', '\'']));
        }
    }
    None
}

/// Markdown's own line shapes (issue 16): `---` (a front-matter fence or a
/// thematic break), a line that opens an HTML comment it does not close, a
/// footnote definition `[^3]: …`. Whole-line comments and heading markers are
/// cut off by [`markup_prefix`] before a line is classified.
fn markdown_line(line: &str, t: &str) -> Option<BlockKind> {
    if t == "---" {
        return Some(BlockKind::Furniture(FurnitureKind::Fence));
    }
    if let Some(after) = t.strip_prefix("<!--") {
        return (!after.contains("-->"))
            .then_some(BlockKind::Furniture(FurnitureKind::CommentOpen));
    }
    let at = line.len() - line.trim_space_start().len();
    let (number, digits) = markdown_footnote_label(&line[at..])?;
    if !line[at + digits.end..].starts_with("]:") {
        return None;
    }
    Some(BlockKind::FootnoteDef {
        number,
        // a marked definition, as a superscript one: never a number in a
        // wrapped line
        superscript: true,
        label_rel: ((at + digits.start) as u32, (at + digits.end) as u32),
    })
}

/// `[^12` at the start of `s`: the footnote number and the digits' range in
/// `s` (Markdown footnote labels that are not numbers are not UN footnotes).
pub fn markdown_footnote_label(s: &str) -> Option<(u32, std::ops::Range<usize>)> {
    let b = s.as_bytes();
    if !b.starts_with(b"[^") {
        return None;
    }
    let d = b[2..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=4).contains(&d) || b.get(2 + d) != Some(&b']') {
        return None;
    }
    Some((s[2..2 + d].parse().ok()?, 2..2 + d))
}

/// Where the Markdown markup that opens `line` ends, when the line holds
/// markup before its text or is markup whole: a heading's `#`…`######` and
/// the space after it, an HTML comment `<!-- … -->` closed on the line (with
/// the spaces after it). `None` for every other line (one byte test for most).
fn markup_prefix(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let i = ascii_blanks(b);
    match b.get(i)? {
        b'#' => {
            let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
            let gap = b[i + hashes..]
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            let text = i + hashes + gap;
            ((1..=6).contains(&hashes) && gap > 0 && text < b.len()).then_some(text)
        }
        b'<' if line[i..].starts_with("<!--") => {
            let close = line[i + 4..].find("-->")? + i + 4 + 3;
            let rest = ascii_blanks(&b[close..]);
            Some(close + rest)
        }
        _ => None,
    }
}

/// A line that opens with emphasis (`*The General Assembly*,`, `*53rd plenary
/// meeting*`, `_Recalling_ …`) read without it: the markers are blanked (so
/// the offsets stay), and the line is classified again. Only when the line
/// read as it is says no more than text or a heading-like line, so that a
/// lead keeps its emphasis.
fn unemphasised(line: &str, abs: usize, line_start: bool) -> Option<BlockKind> {
    let b = line.as_bytes();
    let mut blank = Vec::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        // `_` is emphasis at a word's edge only (`snake_case` is text)
        let edge = |j: Option<usize>| {
            j.and_then(|j| b.get(j))
                .is_none_or(|n| !n.is_ascii_alphanumeric())
        };
        let marker = c == b'*' || (c == b'_' && (edge(i.checked_sub(1)) || edge(Some(i + 1))));
        blank.push(if marker { b' ' } else { c });
    }
    let blanked = String::from_utf8(blank).ok()?;
    if blanked.trim_space().is_empty() {
        return None;
    }
    let t = line.trim_space();
    let as_is = classify_rest(line, t, t.chars().next()?, line_start);
    if !matches!(as_is, BlockKind::Text | BlockKind::HeadingLike { .. }) {
        return Some(as_is);
    }
    match classify(&blanked, abs, line_start) {
        BlockKind::Text | BlockKind::HeadingLike { .. } => Some(as_is),
        k => Some(k),
    }
}

/// Whether `t` can open with a part designator (`IV.`, `B -`, `C`, `ألف`):
/// a cheap superset of [`SECTION_DESIGNATOR`], which most heading-like lines
/// (wrapped lines of running text) would otherwise run in full.
fn may_be_designator(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    if first >= 0x80 {
        return true; // an Arabic letter name, or a space the regex trims
    }
    // after the designator: `.`, a space, the end, or a non-ASCII space
    let ends_at = |k: usize| {
        b.get(k)
            .is_none_or(|c| *c == b'.' || c.is_ascii_whitespace() || *c >= 0x80)
    };
    let roman = b
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
        .count();
    ((1..=6).contains(&roman) && ends_at(roman)) || (first.is_ascii_uppercase() && ends_at(1))
}

/// `1. Decides …`, the usual numbered line, read without an expression: ASCII
/// spaces, one to five ASCII digits, a dot, then spaces (`[ \t\u{3000}]`) or
/// the end. Where it answers it answers as [`NUMBERED`]'s captures would: the
/// digits' range and the end of the match (the rest is left to the
/// expressions).
fn plain_numbered(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    let d0 = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == d0 || i - d0 > 5 || b.get(i) != Some(&b'.') {
        return None;
    }
    let digits = d0..i;
    i += 1;
    let after_dot = i;
    loop {
        if matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        } else if line[i..].starts_with('\u{3000}') {
            i += '\u{3000}'.len_utf8();
        } else {
            break;
        }
    }
    (i > after_dot || i == b.len()).then_some((digits, i))
}

/// ASCII spaces and tabs at the start of `b`.
fn ascii_blanks(b: &[u8]) -> usize {
    b.iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

/// `[ \t\u{3000}]*` from byte `i` on: where the run ends.
fn label_gap_end(line: &str, mut i: usize) -> usize {
    loop {
        if matches!(line.as_bytes().get(i), Some(b' ' | b'\t')) {
            i += 1;
        } else if line[i..].starts_with('\u{3000}') {
            i += '\u{3000}'.len_utf8();
        } else {
            return i;
        }
    }
}

/// [`SUBLABEL`]'s label (group 1) and the end of its match. The usual ASCII
/// labels (`(a)`, `(iv)`, `b)`, `vii)`) are read by hand, the rest by the
/// expression.
fn sub_label(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = line.as_bytes();
    let i = ascii_blanks(b);
    let paren = b.get(i) == Some(&b'(');
    let l0 = i + usize::from(paren);
    let l1 = l0
        + b[l0..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
    let n = l1 - l0;
    let roman = |max: usize, set: &[u8]| n <= max && b[l0..l1].iter().all(|c| set.contains(c));
    let fits = n >= 1
        && b.get(l1) == Some(&b')')
        && (n <= 2
            || if paren {
                roman(7, b"ivxlc")
            } else {
                roman(6, b"ivx")
            });
    if fits {
        return Some((i..l1 + 1, label_gap_end(line, l1 + 1)));
    }
    let c = SUBLABEL.captures(line)?;
    Some((c.get(1).or_else(|| c.get(4))?.range(), c.get(0)?.end()))
}

fn footnote_def_plain(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = line.as_bytes();
    let i = ascii_blanks(b);
    let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&d) {
        let gap = label_gap_end(line, i + d);
        if gap > i + d {
            // the first character after the gap, if it is not one the
            // expression refuses (none of them is a space, so no shorter gap
            // helps either)
            let next = line[gap..].chars().next()?;
            let refused = next.is_whitespace() || ".,/-年月日个%次届段条卷".contains(next);
            return (!refused).then_some((i..i + d, gap));
        }
    }
    let c = FOOTNOTE_DEF_PLAIN.captures(line)?;
    Some((c.get(1)?.range(), c.get(2)?.start()))
}

fn numbered(line: &str) -> Option<BlockKind> {
    // the digits, the suffix (`bis`) with the space before it, where the
    // match ends
    let (digits, suffix, mut end, tight) = match plain_numbered(line) {
        Some((d, end)) => (d.clone(), d.end..d.end, end, false),
        None => {
            let (c, tight) = match NUMBERED
                .captures(line)
                .or_else(|| NUMBERED_AR.captures(line))
            {
                Some(c) => (c, false),
                None => (NUMBERED_TIGHT.captures(line)?, true),
            };
            let m = c.get(2).or_else(|| c.get(1)).unwrap();
            let suffix = c.get(3).map_or(m.end()..m.end(), |s| s.range());
            (m.range(), suffix, c.get(0).unwrap().end(), tight)
        }
    };
    let m = &line[digits.clone()];
    // Arabic-Indic digits read as Western ones (no copy for the usual ASCII)
    let number: Option<u32> = if m.is_ascii() {
        m.parse().ok()
    } else {
        let digits: String = m
            .chars()
            .map(|ch| {
                if ('٠'..='٩').contains(&ch) {
                    char::from_u32(ch as u32 - 0x660 + 0x30).unwrap()
                } else {
                    ch
                }
            })
            .collect();
        digits.parse().ok()
    };
    let suffix_text = &line[suffix.clone()];
    let label = if suffix_text.is_empty() {
        Label::new(m)
    } else {
        Label::new(&format!("{} {}", m, suffix_text.trim()))
    };
    if tight {
        // the match ends after the first Han character, which belongs to the text
        end -= line[..end].chars().next_back().map_or(0, char::len_utf8);
    }
    let rest = &line[end..];
    let lead = lexicon()
        .match_at(rest)
        .map(|m| LeadHit { rel: end as u32, m });
    let label_end = if suffix_text.is_empty() {
        digits.end
    } else {
        suffix.end
    };
    Some(BlockKind::Numbered(Box::new(NumberedHead {
        label,
        number: number.filter(|_| suffix_text.is_empty()),
        label_rel: (digits.start as u32, label_end as u32),
        lead,
    })))
}

/// The shapes of a line that opens with a digit, in the order
/// [`classify_digit_line`] tries them.
fn digit_shapes() -> [&'static regex::Regex; 12] {
    [
        &JOB_NUMBER,
        &PAGE_NUMBER,
        &TITLE_NUMBER,
        &TITLE_SC_OLD,
        &ADOPTION_ZH,
        &CLOSING_EN,
        &CLOSING_ZH,
        &SESSION_ZH,
        &NUMBERED,
        &NUMBERED_AR,
        &NUMBERED_TIGHT,
        &FOOTNOTE_DEF_PLAIN,
    ]
}

/// [`digit_shapes`] in one automaton: one pass over a digit line (most are
/// numbered paragraphs) tells which of the expressions match, instead of
/// a dozen searches each set up anew.
///
/// Releasable: with [`HEADING_SET`], run over most lines, it holds the
/// largest caches (0.5 and 0.8 MB after a 1 MB text).
static DIGIT_SET: Releasable<regex::RegexSet> =
    Releasable::new(|| regex::RegexSet::new(digit_shapes().iter().map(|r| r.as_str())).unwrap());

fn classify_digit_line(line: &str, t: &str) -> Option<BlockKind> {
    let set = DIGIT_SET.get().matches(line);
    let [
        job,
        page,
        title,
        title_sc,
        adoption_zh,
        closing_en,
        closing_zh,
        session_zh,
        num,
        num_ar,
        num_tight,
        footnote,
    ] = std::array::from_fn(|i| set.matched(i));
    if job {
        return Some(BlockKind::Furniture(FurnitureKind::JobNumber));
    }
    // `26` alone on its line: a paragraph number whose dot PDF extraction lost,
    // or a footnote marker on its own line; the assembler decides.
    if t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
        let at = line.find(t).unwrap_or(0);
        return Some(BlockKind::Numbered(Box::new(NumberedHead {
            label: Label::new(t),
            number: t.parse().ok(),
            label_rel: (at as u32, (at + t.len()) as u32),
            lead: None,
        })));
    }
    if page {
        return Some(BlockKind::Furniture(FurnitureKind::PageNumber));
    }
    if title && let Some(c) = TITLE_NUMBER.captures(line) {
        // `62/57. Title` — but not `1. Decides` (no slash / roman form there).
        return Some(BlockKind::Title {
            number: normalise_number(&c[1]).into(),
        });
    }
    if title_sc && let Some(c) = TITLE_SC_OLD.captures(line) {
        return Some(BlockKind::Title {
            number: format!("{} ({})", &c[1], &c[2]).into(),
        });
    }
    if adoption_zh {
        return Some(BlockKind::Adoption);
    }
    if closing_en || closing_zh {
        return Some(BlockKind::Closing);
    }
    if let Some(d) = dates::whole_date(t) {
        return Some(BlockKind::DateLine(d));
    }
    if session_zh {
        return Some(BlockKind::Session);
    }
    if (num || num_ar || num_tight)
        && let Some(k) = numbered(line)
    {
        return Some(k);
    }
    if footnote && let Some((m, text_at)) = footnote_def_plain(line) {
        let rest = &line[text_at..];
        let next = rest.chars().next().unwrap_or(' ');
        // a footnote opens in upper case, or with an address (`10  www.un.org/…`)
        if !next.is_ascii_lowercase() || rest.starts_with("www.") || rest.starts_with("http") {
            return Some(BlockKind::FootnoteDef {
                number: line[m.clone()].parse().unwrap_or(0),
                superscript: false,
                label_rel: (m.start as u32, m.end as u32),
            });
        }
    }
    None
}

/// All heading-field shapes in one automaton: one pass tells whether any of the
/// individual expressions (which extract captures) is worth running.
static HEADING_SET: Releasable<regex::RegexSet> =
    Releasable::new(|| regex::RegexSet::new(heading_shapes().iter().map(|r| r.as_str())).unwrap());

/// The heading-field shapes, in the order of [`HEADING_SET`] (and of the
/// flags [`classify_heading_fields`] reads from it).
fn heading_shapes() -> [&'static regex::Regex; 14] {
    [
        &ORG_LINE,
        &ORGAN_LINE,
        &DISTR,
        &ORIGINAL,
        &ADOPTION_EN,
        &ADOPTION_SC,
        &ADOPTION_OTHER,
        &TITLE_SC,
        &CLOSING_SC_OLD,
        &CLOSING_ZH,
        &ANNEX,
        &AGENDA,
        &SESSION_EN,
        &SESSION_ZH,
    ]
}

/// Whether `t` can be a sponsor line (`…: draft resolution`, `Draft resolution
/// submitted by …`): the only heading shape not anchored at the line start,
/// so it stays out of [`HEADING_SET`], where it would make every line a
/// full scan.
fn may_be_sponsor_line(t: &str) -> bool {
    let tb = t.as_bytes();
    let ends = |w: &str| {
        tb.len() >= w.len() && tb[tb.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    let head = t.trim_space_start().as_bytes();
    let starts =
        |w: &str| head.len() >= w.len() && head[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    [
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "résolution",
        "RÉSOLUTION",
        "resolución",
        "RESOLUCIÓN",
    ]
    .iter()
    .any(|w| ends(w))
        || starts("draft")
        || starts("revised")
        || (memchr::memchr(b':', tb).is_some()
            && ["rojet", "ROJET", "royecto", "ROYECTO"]
                .iter()
                .any(|w| t.contains(w)))
}

/// Whether a line whose first character (after spaces) is `first` can match
/// [`HEADING_SET`]: each of its expressions opens with a capital (any, for
/// `Third session`), `agenda`, a digit, or one of the non-Latin first letters
/// below. Lines of running text that open in lower case skip the automaton.
fn may_open_heading_field(first: char) -> bool {
    first.is_ascii_uppercase()
        || first == 'a'
        || first.is_numeric()
        || matches!(
            first,
            '联' | 'О'
                | 'ا'
                | '大'
                | '安'
                | '经'
                | '人'
                | 'Г'
                | 'С'
                | 'م'
                | 'Р'
                | 'ق'
                | '第'
                | 'П'
                | '附'
                | '议'
                | '临'
        )
}

fn classify_heading_fields(line: &str, t: &str, first: char) -> Option<BlockKind> {
    let sponsors = may_be_sponsor_line(t) && SPONSORS.is_match(line);
    // which heading shapes match, in one pass: only those run with captures
    // (most lines match none: the plain test first, the set of matches after)
    let set = may_open_heading_field(first)
        .then(|| HEADING_SET.get())
        .filter(|hs| hs.is_match(line))
        .map(|hs| hs.matches(line));
    let set = set.as_ref();
    let heading = set.is_some_and(|s| s.matched_any());
    let [
        org,
        organ,
        distr,
        original,
        adoption_en,
        adoption_sc,
        adoption_other,
        title_sc,
        closing_sc_old,
        closing_zh,
        annex,
        agenda,
        session_en,
        session_zh,
    ] = std::array::from_fn(|i| set.is_some_and(|s| s.matched(i)));
    if !sponsors && !heading {
        if t.len() < 96
            && t.contains('/')
            && let Some(s) = symbols::whole_symbol(t)
        {
            return Some(BlockKind::SymbolLine(s.into()));
        }
        return author(t);
    }
    if org && let Some(c) = ORG_LINE.captures(line) {
        let sym = c.get(1).and_then(|m| symbols::whole_symbol(m.as_str()));
        if c.get(1).is_none() || sym.is_some() {
            return Some(BlockKind::OrgLine(sym.map(String::into_boxed_str)));
        }
    }
    if organ && let Some(c) = ORGAN_LINE.captures(line) {
        if let Some(d) = c.get(1)
            && let Some(dc) = DISTR.captures(d.as_str())
        {
            return Some(BlockKind::Distr(dc[1].into()));
        }
        return Some(BlockKind::OrganLine);
    }
    if first == 'D'
        && distr
        && let Some(c) = DISTR.captures(line)
    {
        return Some(BlockKind::Distr(c[1].into()));
    }
    if original {
        return Some(BlockKind::Original);
    }
    if let Some(s) = symbols::whole_symbol(t) {
        return Some(BlockKind::SymbolLine(s.into()));
    }
    if adoption_en || adoption_sc || adoption_other {
        return Some(BlockKind::Adoption);
    }
    if title_sc && let Some(c) = TITLE_SC.captures(line) {
        let (n, y) = if c.get(1).is_some() {
            (&c[1], &c[2])
        } else {
            (&c[3], &c[4])
        };
        return Some(BlockKind::Title {
            number: format!("{n} ({y})").into(),
        });
    }
    if closing_sc_old || closing_zh {
        return Some(BlockKind::Closing);
    }
    if annex && let Some(c) = ANNEX.captures(line) {
        let label = c.get(1).or(c.get(2)).map(|m| m.as_str().into());
        return Some(BlockKind::Annex(label));
    }
    if agenda {
        return Some(BlockKind::AgendaItem);
    }
    if session_en || session_zh {
        return Some(BlockKind::Session);
    }
    if let Some(k) = author(t) {
        return Some(k);
    }
    if sponsors {
        return Some(BlockKind::Sponsors);
    }
    None
}

/// `The General Assembly,` / `大会，` (comma optional: spec §2.5 accepts a bare
/// author line when no preamble follows).
fn author(t: &str) -> Option<BlockKind> {
    if t.len() > 64 {
        return None; // author lines are short
    }
    // every author line starts with an article or an organ's first letter
    let first = t.chars().next()?;
    if first.is_ascii_lowercase() || first.is_ascii_digit() {
        return None;
    }
    let body = t
        .trim_end_matches([',', '，', '،', ':', '：'])
        .trim_space_end();
    let organ = if body.chars().any(is_cjk) {
        // `安全理事會` (Traditional, S/RES/2326 (2016)) is `安全理事会`
        let squeezed: String = body
            .chars()
            .filter(|c| !is_space(*c))
            .map(crate::lexicon::simplified)
            .collect();
        author_organ(&squeezed, body)
    } else {
        author_organ(body, body)
    };
    if let Some(organ) = organ {
        return Some(BlockKind::Author { organ });
    }
    // a bitext line: `The General Assembly,إن الجمعية العامة،`
    let (a, b) = body.split_once([',', '，', '،'])?;
    let (a, b) = (a.trim_space(), b.trim_space());
    match (author_organ(a, a), author_organ(b, b)) {
        (Some(organ), Some(_)) => Some(BlockKind::Author { organ }),
        _ => None,
    }
}

fn author_organ(squeezed: &str, body: &str) -> Option<&'static str> {
    for l in crate::Lang::ALL {
        for (name, organ) in &l.table().author {
            if squeezed == name || body == name {
                return Some(organ.as_str());
            }
        }
    }
    None
}

/// `62/57` `69/96 A` `1514 (XV)` `2231 (2015)` — one space before a part
/// letter or parenthesis.
pub fn normalise_number(raw: &str) -> String {
    let s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(s.len() + 2);
    for (i, c) in s.char_indices() {
        if c == '(' && i > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(c);
    }
    // `56/24V` → `56/24 V`
    if let Some(slash) = out.find('/') {
        let tail = &out[slash + 1..];
        if let Some(p) = tail.find(|c: char| c.is_ascii_uppercase())
            && p > 0
            && tail.as_bytes()[p - 1].is_ascii_digit()
        {
            let at = slash + 1 + p;
            out.insert(at, ' ');
        }
    }
    out
}

/// Split points of a one-line text: positions where a new structural element
/// starts. Only used on long lines that hold an author line or an operative
/// sequence, i.e. several parts of a resolution.
fn inline_splits(line: &str) -> Option<Vec<usize>> {
    let author = INLINE_AUTHOR
        .find(line)
        .or_else(|| INLINE_AUTHOR_OTHER.find(line));
    let mut ops: Vec<(usize, u32)> = INLINE_OPERATIVE
        .captures_iter(line)
        .filter_map(|c| Some((c.get(1)?.start(), c[1].parse().ok()?)))
        .collect();
    // Arabic `؛ 2 - تطلب`, digits Western or Arabic-Indic
    ops.extend(
        INLINE_OPERATIVE_AR
            .captures_iter(line)
            .filter_map(|c| Some((c.get(1)?.start(), dates::parse_digits(&c[1])?))),
    );
    ops.sort_unstable();
    let consecutive = ops.windows(2).filter(|w| w[1].1 == w[0].1 + 1).count();
    if author.is_none() && consecutive < 1 {
        return None;
    }
    let mut splits: Vec<usize> = Vec::new();
    let mut push = |p: usize| {
        if p > 0 {
            splits.push(p)
        }
    };
    if let Some(a) = author {
        masthead_splits(&line[..a.start()], &mut push);
    }
    if let Some(m) = INLINE_REPORT.find(line) {
        push(m.start());
        if let Some(close) = line[m.start()..].find(']') {
            let after = m.start() + close + 1;
            let rest = &line[after..];
            let skip = rest.len() - rest.trim_space_start().len();
            if TITLE_NUMBER.is_match(&rest[skip..]) {
                push(after + skip);
            }
        }
    }
    if let Some(a) = author {
        push(a.start());
        let after = a.end();
        let rest = &line[after..];
        push(after + (rest.len() - rest.trim_space_start().len()));
    }
    for (p, _) in &ops {
        // back up over `**` so that emphasis stays with its paragraph
        let mut q = *p;
        while q > 0 && line.as_bytes()[q - 1] == b'*' {
            q -= 1;
        }
        push(q);
    }
    for c in INLINE_SUB.captures_iter(line) {
        push(c.get(1).unwrap().start());
    }
    for c in INLINE_CLOSING.captures_iter(line) {
        push(c.get(1).unwrap().start());
    }
    for c in INLINE_TITLE_AFTER_STOP.captures_iter(line) {
        let t = c.get(1).unwrap().start();
        push(t);
        // a page of a volume of resolutions: each later title has its author line
        if let Some(a) = INLINE_AUTHOR
            .find_at(line, t)
            .or(INLINE_AUTHOR_OTHER.find_at(line, t))
        {
            push(a.start());
            push(a.end() + (line[a.end()..].len() - line[a.end()..].trim_space_start().len()));
        }
    }
    // Preambular leads after a comma (capitalised in English; directly after `，`
    // in Chinese, so that `，并欣见` stays inside its paragraph).
    let lex = lexicon();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let (is_comma, w) = if bytes[i] == b',' {
            (true, 1)
        } else if line[i..].starts_with('，') {
            (true, '，'.len_utf8())
        } else if line[i..].starts_with('،') {
            (true, '،'.len_utf8())
        } else {
            (false, 1)
        };
        if is_comma {
            let rest = &line[i + w..];
            let skip = rest.len() - rest.trim_space_start().len();
            // and an unnumbered operative lead (`…du Bhoutan 2, Décide d’admettre`);
            // Russian leads are lower case (`, вновь подтверждая`), Arabic has no case
            if let Some(m) = lex.match_at(&rest[skip..])
                && m.char_len() >= 2
                && let Some(first) = rest[skip..].chars().next()
                && inline_lead_starts(lex, &m, first)
            {
                push(i + w + skip);
            }
        }
        i += w;
        while i < line.len() && !line.is_char_boundary(i) {
            i += 1;
        }
    }
    splits.sort_unstable();
    splits.dedup();
    Some(splits)
}

/// The heading block of a one-line text that begins with the masthead
/// (`United Nations A/RES/79/100 General Assembly Distr.: General 12 December
/// 2024 Seventy-ninth session Agenda item 58 Resolution adopted by … on 4
/// December 2024 [on the report …] 79/100. Question of Anguilla`), `head`
/// being the text before the author line: cut where each line of the printed
/// masthead starts, the organ (before its `Distr.`), the date after the
/// distribution, what follows the date's year (the session), the agenda, the
/// adoption, and a title right after the adoption's year.
fn masthead_splits(head: &str, push: &mut impl FnMut(usize)) {
    static ORG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:United\s+Nations|Nations\s+Unies|Naciones\s+Unidas|Организация\s+Объединенных\s+Наций|الأمم\s+المتحدة|联\s*合\s*国)\s").unwrap()
    });
    static ORGAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\s((?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Assemblée\s+générale|Conseil\s+de\s+sécurité|Asamblea\s+General|Consejo\s+de\s+Seguridad|Генеральная\s+Ассамблея|Совет\s+Безопасности|الجمعية\s+العامة|مجلس\s+الأمن|大\s*会|安\s*全\s*理\s*事\s*会)\s+)Distr\.?\s*:?\s*\S+\s+(\S)").unwrap()
    });
    static YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?:\s+г(?:ода|\.))?(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s+(\S)").unwrap()
    });
    static LATER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\s((?:Provisional\s+)?Agenda\s+items?\s|Points?\s+\d+\s+de\s+l|Temas?\s+\d+\s+del\s+programa|Пункты?\s+\d+\s+повестки|议程项目|البند\s|((?:Resolution|Decision)\s+adopted\s+by|Résolution\s+adoptée\s+par|Resolución\s+aprobada\s+por|Резолюция,?\s+принятая|قرار\s+اتخذته|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*大\s*会\s*决\s*议))").unwrap()
    });
    static TITLE_AFTER_YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?-u:\b)(?:19|20)\d{2}\s+((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s[A-Z])?\.)\s")
            .unwrap()
    });
    if !ORG.is_match(head) {
        return;
    }
    let Some(c) = ORGAN.captures(head) else {
        return;
    };
    push(c.get(1).unwrap().start());
    let date = c.get(2).unwrap().start();
    push(date);
    if let Some(y) = YEAR.captures(&head[date..]) {
        push(date + y.get(1).unwrap().start());
    }
    let mut adoption = None;
    for c in LATER.captures_iter(&head[date..]) {
        let m = c.get(1).unwrap();
        push(date + m.start());
        if c.get(2).is_some() {
            adoption = Some(date + m.start());
        }
    }
    // without a report line between them, the title follows the adoption's date
    if let Some(a) = adoption
        && !head[a..].contains('[')
        && let Some(t) = TITLE_AFTER_YEAR.captures(&head[a..])
    {
        push(a + t.get(1).unwrap().start());
    }
}

/// Does a lead after a comma of a one-line text open a new paragraph?
/// Capitalised (en/fr/es) or CJK: a preambular lead, or an operative one outside
/// Chinese (`，并欣见` stays inside its paragraph). Lower case: a Russian
/// preambular lead. Caseless (Arabic): a preambular lead.
fn inline_lead_starts(lex: &crate::lexicon::Lexicon, m: &LeadMatch, first: char) -> bool {
    let pre = m.has_class(lex, LeadClass::Preambular);
    let op = m.has_class(lex, LeadClass::Operative);
    if first.is_uppercase() || is_cjk(first) {
        return m.capitalised && (pre || op && !m.is_cjk(lex));
    }
    let in_lang = |l: crate::Lang| {
        m.entries(lex).any(|e| {
            lex.entries[e as usize].lang == l
                && lex.entries[e as usize].class == LeadClass::Preambular
        })
    };
    if first.is_lowercase() {
        return in_lang(crate::Lang::Ru) && m.char_len() >= 5;
    }
    first.is_alphabetic() && in_lang(crate::Lang::Ar)
}

/// `Résolution / 665 du Conseil de sécurité : Le Conseil de sécurité, rappelant …`
/// (a web page): an author line run in after a colon on a short line.
fn run_in_author(line: &str) -> bool {
    static RUN_IN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let (en_zh, other) = (INLINE_AUTHOR.as_str(), INLINE_AUTHOR_OTHER.as_str());
        regex::Regex::new(&format!(r":\s*(?:{en_zh}|{other})")).unwrap()
    });
    memchr::memchr(b':', line.as_bytes()).is_some() && RUN_IN.is_match(line)
}

/// The author lines of every language but English and Chinese (which
/// `INLINE_AUTHOR` knows), followed by their comma, from `grammar/languages.toml`.
static INLINE_AUTHOR_OTHER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let mut names: Vec<String> = Vec::new();
    for l in [
        crate::Lang::Fr,
        crate::Lang::Es,
        crate::Lang::Ru,
        crate::Lang::Ar,
    ] {
        for (name, _) in &l.table().author {
            names.push(regex::escape(name).replace(' ', r"\s+"));
        }
    }
    regex::Regex::new(&format!(r"(?:{})\s*[,،]", names.join("|"))).unwrap()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_the_text() {
        let text = "United Nations\r\nA/RES/79/100\n\n 1. Decides to remain seized;\rlast";
        let blocks = lex(text, 0);
        let mut pos = 0;
        for b in &blocks {
            assert_eq!(b.start, pos);
            pos = b.end();
        }
        assert_eq!(pos, text.len());
        assert!(matches!(blocks[0].kind, BlockKind::OrgLine(None)));
        assert!(matches!(blocks[1].kind, BlockKind::SymbolLine(_)));
        assert!(matches!(&blocks[3].kind, BlockKind::Numbered(n) if n.number == Some(1)));
    }

    /// A block is 64 bytes, its kind 24.
    #[test]
    fn blocks_are_small() {
        assert_eq!(std::mem::size_of::<BlockKind>(), 24);
        assert_eq!(std::mem::size_of::<Block>(), 64);
        let l = Label::new("12345 quater");
        assert_eq!(&*l, "12345 quater");
        // five 4-byte digits and a suffix still fit
        let long = format!("{} quater", "𝟙".repeat(5));
        assert_eq!(&*Label::new(&long), long);
    }

    #[test]
    fn numbers() {
        assert_eq!(normalise_number("2231(2015)"), "2231 (2015)");
        assert_eq!(normalise_number("56/24V"), "56/24 V");
        assert_eq!(normalise_number("69/96 A"), "69/96 A");
        assert_eq!(normalise_number("1514  (XV)"), "1514 (XV)");
    }

    /// The digit-line automaton says what each expression says, on every line
    /// of the outline fixtures and the example.
    #[test]
    fn digit_set_agrees_with_each_shape() {
        let mut texts = crate::text::outline_fixture_texts();
        texts.push(include_str!("../../../examples/A_RES_62_57.txt").to_string());
        let mut hits = 0;
        for line in texts.iter().flat_map(|t| t.lines()) {
            let set = DIGIT_SET.get().matches(line);
            for (i, r) in digit_shapes().iter().enumerate() {
                assert_eq!(set.matched(i), r.is_match(line), "{i}: {line}");
                hits += usize::from(set.matched(i));
            }
        }
        assert!(hits > 50, "{hits}");
    }

    /// Every line the heading automaton matches passes the first-letter test:
    /// the corpus samples of every language, the outline fixtures and the
    /// heading forms of each.
    #[test]
    fn heading_first_letters_agree_with_the_automaton() {
        let (lines, have_corpus) = crate::text::sample_lines(&[
            "United Nations",
            "联 合 国",
            "Nations Unies",
            "Организация Объединенных Наций",
            "الأمم المتحدة",
            "General Assembly",
            "大会",
            "安全理事会",
            "经济及社会理事会",
            "人权理事会",
            "Совет Безопасности",
            "Генеральная Ассамблея",
            "مجلس الأمن",
            "الجمعية العامة",
            "Distr.: General",
            "Оригинал: русский",
            "الأصل: عربي",
            "Резолюция 2231 (2015)",
            "قرار اتخذته الجمعية العامة",
            "第 2231 (2015) 号决议",
            "2015 年 7 月 20 日第 7488 次会议通过",
            "Приложение",
            "المرفق",
            "附件",
            "agenda item 68",
            "议程项目 68",
            "临时议程项目 68",
            "Пункт 68 повестки дня",
            "البند 68",
            "Seventy-ninth session",
            "第七十九届会议",
        ]);
        let mut matched = 0;
        for line in &lines {
            let t = line.trim_space();
            let Some(first) = t.chars().next() else {
                continue;
            };
            if HEADING_SET.get().is_match(line) {
                matched += 1;
                assert!(may_open_heading_field(first), "{line}");
            }
            // each flag of the set is its expression's answer
            let set = HEADING_SET.get().matches(line);
            for (i, r) in heading_shapes().iter().enumerate() {
                assert_eq!(set.matched(i), r.is_match(line), "{i}: {line}");
            }
        }
        // the count needs the corpus (absent from a bare clone: the samples still ran)
        if have_corpus {
            assert!(matched > 100, "{matched}");
        }
    }

    /// The plain reading of a numbered line says what [`NUMBERED`] says
    /// wherever it answers: every line of the corpus samples and fixtures,
    /// and edge shapes.
    #[test]
    fn plain_numbered_agrees_with_the_expression() {
        let (lines, have_corpus) = crate::text::sample_lines(&[
            "1.",
            "12. Decides",
            " \t3.\tNotes",
            "4.\u{3000}决定",
            "123456. x",
            "5.x",
            "6 . x",
            "7bis. x",
            "8.  ",
            "**9.** Urges",
            "10.\u{a0}x",
            "١. x",
            "99999. y",
        ]);
        let mut answered = 0;
        for line in &lines {
            if let Some((digits, end)) = plain_numbered(line) {
                answered += 1;
                let c = NUMBERED.captures(line).expect(line);
                assert_eq!(c.get(2).unwrap().range(), digits, "{line:?}");
                assert_eq!(c.get(3).map_or("", |m| m.as_str()), "", "{line:?}");
                assert_eq!(c.get(0).unwrap().end(), end, "{line:?}");
            }
        }
        assert!(answered >= 5, "{answered}");
        if have_corpus {
            assert!(answered > 1000, "{answered}");
        }
    }

    /// The hand readings of sub-paragraph labels and footnote numbers say
    /// what [`SUBLABEL`] and [`FOOTNOTE_DEF_PLAIN`] say: every line of the
    /// corpus samples and fixtures, and edge shapes.
    #[test]
    fn label_readings_agree_with_the_expressions() {
        let (lines, have_corpus) = crate::text::sample_lines(&[
            "(a) x",
            "(aa)",
            "(abc) x",
            "(viiiiii)\tx",
            "(viiiiiii) x",
            "ab) x",
            "vvvvvv) x",
            "vvvvvvv) x",
            "(i)\u{3000}x",
            " \t(c)",
            "()",
            "(A) x",
            "a. x",
            "b.",
            "e.g. x",
            "а) x",
            "б)\tx",
            "a)",
            "(ب) x",
            "㈠ x",
            "1 The",
            "12  www.un.org",
            "123 x",
            "1234 x",
            "5 .",
            "6 年",
            "7",
            "8  ",
            "9\u{3000}Y",
            "\u{a0}1 The",
            "10 \u{a0}x",
            "11 (a)",
        ]);
        let (mut subs, mut notes) = (0, 0);
        for line in &lines {
            let want = SUBLABEL.captures(line).map(|c| {
                (
                    c.get(1).or_else(|| c.get(4)).unwrap().range(),
                    c.get(0).unwrap().end(),
                )
            });
            assert_eq!(sub_label(line), want, "{line:?}");
            subs += usize::from(want.is_some());
            let want = FOOTNOTE_DEF_PLAIN
                .captures(line)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).unwrap().start()));
            assert_eq!(footnote_def_plain(line), want, "{line:?}");
            notes += usize::from(want.is_some());
        }
        assert!(subs >= 8 && notes >= 5, "{subs} {notes}");
        if have_corpus {
            assert!(subs > 100 && notes > 500, "{subs} {notes}");
        }
    }

    /// Footnotes of GA 79/125 that open with an address, not a capital.
    #[test]
    fn footnote_with_an_address() {
        for (line, n) in [
            ("9  http://legal.un.org/repertory.  ", 9),
            (
                "10  www.un.org/securitycouncil/content/repertoire/structure.  ",
                10,
            ),
        ] {
            assert!(
                matches!(classify(line, 10, true), BlockKind::FootnoteDef { number, .. } if number == n),
                "{line}"
            );
        }
        // a wrapped line that starts with a number and a lower-case word is text
        assert_eq!(
            classify("10 per cent of the budget", 10, true),
            BlockKind::Text
        );
    }
}
