//! The plain model of a resolution read from AKN4UN: its blocks, their
//! running text, and what a reader counts in them.

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
