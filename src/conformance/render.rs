//! A marked-up resolution written out as text in the shapes drafters and
//! extractors produce: clean paragraphs, a hard-wrapped PDF extraction with
//! footnotes under a rule and page furniture, one line, a Markdown draft and
//! text pasted from Word.

use unlsp_formats::akn::read::{Block, Piece, Point, Resolution, plain};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shape {
    /// One paragraph a line, blank lines between, footnotes at the end under
    /// a rule.
    Clean,
    /// Hard-wrapped lines, footnotes under a rule at the foot of each page,
    /// the running header, job number and page number between pages.
    Wrapped,
    /// The whole text on one line (a web page's text, a chat message).
    OneLine,
    /// YAML front matter, `# ` title, `*italic*` leads (`**bold**` in
    /// Chinese), `[^n]` footnotes.
    Markdown,
    /// Copied from Word: a paragraph a line, tabs after numbers and before
    /// paragraphs, non-breaking spaces after numbers and before French `;:?!`.
    WordPaste,
}

impl Shape {
    pub const ALL: [Shape; 5] = [
        Shape::Clean,
        Shape::Wrapped,
        Shape::OneLine,
        Shape::Markdown,
        Shape::WordPaste,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Clean => "clean",
            Shape::Wrapped => "wrapped",
            Shape::OneLine => "one-line",
            Shape::Markdown => "markdown",
            Shape::WordPaste => "word",
        }
    }

    pub fn parse(s: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|x| x.name() == s)
    }
}

/// The text of `r` in `shape`.
pub fn render(r: &Resolution, shape: Shape) -> String {
    let mut w = Writer {
        shape,
        cjk: r.lang == "zh",
        french: r.lang == "fr",
        notes: Vec::new(),
        paras: Vec::new(),
    };
    if shape == Shape::Markdown {
        // front matter, then the adoption line and the report line; the
        // Council's number line (`Resolution 2618 (2022)`) is the heading
        w.front_matter(r);
        for (k, line) in r.cover_titles.iter().enumerate() {
            let t = w.pieces(line);
            let sc_number = k == 0 && r.number_text.is_none();
            w.push(Para::text(if sc_number { format!("# {t}") } else { t }));
        }
    } else {
        for line in &r.cover {
            let t = w.pieces(line);
            w.push(Para::cover(t));
        }
    }
    let number = r.number_text.as_deref().unwrap_or("");
    // the title is a heading of its own: no emphasis markers in Markdown
    let plain_title: Vec<Piece> = r
        .title
        .iter()
        .map(|p| match p {
            Piece::Emph(t) => Piece::Text(t.clone()),
            p => p.clone(),
        })
        .collect();
    let title = w.pieces(&plain_title);
    if !number.is_empty() || !title.is_empty() {
        let sep = match shape {
            _ if number.is_empty() => "",
            Shape::WordPaste => "\t",
            _ => " ",
        };
        let head = format!("{number}{sep}{title}");
        let head = if shape == Shape::Markdown {
            format!("# {head}")
        } else {
            head
        };
        w.push(Para::text(head));
    }
    w.blocks(&r.body, true);
    for c in &r.conclusions {
        let t = w.pieces(c);
        w.push(Para::cover(t));
    }
    for a in &r.annexes {
        w.blocks(a, false);
    }
    w.finish(r)
}

/// A paragraph to lay out: its text, the indent of its first line, whether
/// it is a cover line (kept apart from its neighbours without a blank line in
/// the wrapped shape), the footnotes it refers to.
struct Para {
    text: String,
    cover: bool,
    notes: Vec<usize>,
}

impl Para {
    fn text(text: String) -> Para {
        Para {
            text,
            cover: false,
            notes: Vec::new(),
        }
    }

    fn cover(text: String) -> Para {
        Para {
            cover: true,
            ..Para::text(text)
        }
    }
}

struct Writer {
    shape: Shape,
    cjk: bool,
    french: bool,
    /// (marker, text) in order of reference.
    notes: Vec<(String, String)>,
    paras: Vec<Para>,
}

impl Writer {
    fn push(&mut self, mut p: Para) {
        let first_note = self.paras.iter().map(|p| p.notes.len()).sum::<usize>();
        p.notes = (first_note..self.notes.len()).collect();
        if self.shape == Shape::WordPaste {
            p.text = word_spaces(&p.text, self.french);
        }
        self.paras.push(p);
    }

    fn front_matter(&mut self, r: &Resolution) {
        let mut fm = String::from("---\n");
        if let Some(s) = &r.symbol {
            fm.push_str(&format!("symbol: {s}\n"));
        }
        let title = plain(&r.title);
        let title = title.trim().trim_start_matches(['–', '-', '—']);
        if !title.trim().is_empty() {
            fm.push_str(&format!(
                "title: \"{}\"\n",
                title.trim().replace('"', "\\\"")
            ));
        }
        if let Some(d) = &r.adopted {
            fm.push_str(&format!("date: {d}\n"));
        }
        fm.push_str(&format!("language: {}\n---", r.lang));
        self.paras.push(Para::cover(fm));
    }

    /// The text of pieces in this shape; footnotes become markers and are
    /// kept for the end or the page foot.
    fn pieces(&mut self, v: &[Piece]) -> String {
        let mut s = String::new();
        for (i, p) in v.iter().enumerate() {
            match p {
                Piece::Text(t) => s.push_str(t),
                Piece::Emph(t) if self.shape == Shape::Markdown => {
                    let m = if self.cjk { "**" } else { "*" };
                    // the marker hugs the words: `*Recalling* its`
                    let core = t.trim();
                    let lead = &t[..t.len() - t.trim_start().len()];
                    let trail = &t[t.trim_end().len()..];
                    s.push_str(&format!("{lead}{m}{core}{m}{trail}"));
                }
                Piece::Emph(t) => s.push_str(t),
                Piece::Note { marker, text } => {
                    let m = if self.shape == Shape::Markdown {
                        format!("[^{marker}]")
                    } else {
                        marker.clone()
                    };
                    // a quirk of the markup: a marker inside a word
                    // (`Reduction, t⁷he Addis`, GA 79/149) stands before the
                    // word, as the UN's PDF prints it (`Reduction,⁷ the`)
                    let next_letter = matches!(v.get(i + 1),
                        Some(Piece::Text(t) | Piece::Emph(t)) if t.starts_with(char::is_alphabetic));
                    match word_start(&s).filter(|_| next_letter) {
                        Some(at) => s.insert_str(at, &m),
                        None => s.push_str(&m),
                    }
                    self.notes.push((marker.clone(), text.clone()));
                }
            }
        }
        if self.shape == Shape::Markdown {
            // an Arabic marker's parentheses go with the marker: `2024[^1]،`
            s = unparen_refs(&s);
        }
        s.trim().to_string()
    }

    fn blocks(&mut self, bs: &[Block], body: bool) {
        for b in bs {
            match b {
                Block::Author(c) | Block::Line(c) => {
                    let t = self.pieces(c);
                    if !t.is_empty() {
                        self.push(Para::text(t));
                    }
                }
                Block::Preambular { content, .. } => {
                    let t = self.pieces(content);
                    let t = if self.shape == Shape::WordPaste {
                        format!("\t{t}")
                    } else {
                        t
                    };
                    self.push(Para::text(t));
                }
                Block::Operative {
                    num,
                    content,
                    points,
                } => {
                    let t = self.pieces(content);
                    let t = match num {
                        Some(n) => self.numbered(n, &t),
                        None if self.shape == Shape::WordPaste => format!("\t{t}"),
                        None => t,
                    };
                    self.push(Para::text(t));
                    self.points(points, 1);
                }
            }
        }
        let _ = body;
    }

    fn numbered(&self, num: &str, text: &str) -> String {
        let sep = match self.shape {
            Shape::WordPaste => "\t",
            _ if self.cjk && num.ends_with(['．', '.']) && !num.starts_with('(') => "",
            _ => " ",
        };
        if text.is_empty() {
            num.to_string()
        } else {
            format!("{num}{sep}{text}")
        }
    }

    fn points(&mut self, ps: &[Point], depth: usize) {
        for p in ps {
            let t = self.pieces(&p.content);
            let t = self.numbered(&p.num, &t);
            let t = match self.shape {
                Shape::Markdown => format!("{}{t}", "   ".repeat(depth)),
                Shape::WordPaste => format!("\t{t}"),
                _ => t,
            };
            self.push(Para::text(t));
            self.points(&p.points, depth + 1);
        }
    }

    fn finish(self, r: &Resolution) -> String {
        match self.shape {
            Shape::Clean | Shape::WordPaste | Shape::Markdown => self.finish_paragraphs(),
            Shape::OneLine => self.finish_one_line(),
            Shape::Wrapped => self.finish_wrapped(r),
        }
    }

    fn note_line(&self, (marker, text): &(String, String)) -> String {
        // Arabic notes keep the parentheses of their marker: `(1) النص`
        // (Markdown's `[^1]` has its own brackets); the markup's placeholder
        // for them is `()`, in some files `((` or `)(` (GA 79/176)
        let placeholder = ["()", "((", ")(", "))"]
            .iter()
            .find_map(|p| text.strip_prefix(p));
        if let Some(rest) = placeholder {
            let marker = if self.shape == Shape::Markdown {
                marker.clone()
            } else {
                format!("({marker})")
            };
            return self.note_line(&(marker, rest.trim_start().to_string()));
        }
        match self.shape {
            Shape::Markdown => format!("[^{marker}]: {text}"),
            Shape::WordPaste => format!("{marker}\t{text}"),
            _ => format!("{marker} {text}"),
        }
    }

    fn finish_paragraphs(&self) -> String {
        // Word pastes a paragraph a line; the others leave a blank line
        let sep = if self.shape == Shape::WordPaste {
            "\n"
        } else {
            "\n\n"
        };
        let mut out = String::new();
        for (i, p) in self.paras.iter().enumerate() {
            if i > 0 {
                let both_cover = p.cover && self.paras[i - 1].cover;
                out.push_str(if both_cover && self.shape != Shape::Markdown {
                    "\n"
                } else {
                    sep
                });
            }
            out.push_str(&p.text);
        }
        if !self.notes.is_empty() {
            out.push_str(sep);
            if self.shape != Shape::Markdown {
                out.push_str("__________________");
                out.push_str(sep);
            }
            let lines: Vec<String> = self.notes.iter().map(|n| self.note_line(n)).collect();
            out.push_str(&lines.join(sep));
        }
        out.push('\n');
        out
    }

    fn finish_one_line(&self) -> String {
        let mut parts: Vec<String> = self.paras.iter().map(|p| p.text.clone()).collect();
        parts.extend(self.notes.iter().map(|n| self.note_line(n)));
        let mut s = parts.join(" ");
        s.push('\n');
        s
    }

    /// Pages of about 46 lines: the page's footnotes under a rule at its
    /// foot, then the furniture a PDF extraction keeps (the job number and
    /// page number, the symbol and title as running header).
    fn finish_wrapped(&self, r: &Resolution) -> String {
        const PAGE: usize = 46;
        let width = if self.cjk { 40 } else { 86 };
        let symbol = r.symbol.clone().unwrap_or_default();
        let job = job_number(r);
        let title = plain(&r.title).trim().to_string();
        // lay out every paragraph, remembering which notes each brings
        let mut pages: Vec<(Vec<String>, Vec<usize>)> = vec![(Vec::new(), Vec::new())];
        for p in &self.paras {
            let lines = if p.cover {
                vec![format!("{} ", p.text)]
            } else {
                let mut v = wrap(&p.text, width, self.cjk);
                v.push(" ".into());
                v
            };
            for (k, l) in lines.into_iter().enumerate() {
                let page = pages.last_mut().expect("a page");
                page.0.push(l);
                if k == 0 {
                    page.1.extend(p.notes.iter().copied());
                }
                if page.0.len() >= PAGE {
                    pages.push((Vec::new(), Vec::new()));
                }
            }
        }
        let total = pages.len();
        let mut out = String::new();
        for (i, (lines, notes)) in pages.iter().enumerate() {
            if i > 0 {
                // the running header of an even page, the folio of an odd one
                if i % 2 == 1 {
                    out.push_str(&format!(
                        "{symbol} \n{title}\n \n{job}\n{}/{total} \n \n",
                        i + 1
                    ));
                } else {
                    out.push_str(&format!("{}/{total} \n{job}\n \n{symbol} \n \n", i + 1));
                }
            }
            for l in lines {
                out.push_str(l);
                out.push('\n');
            }
            if !notes.is_empty() {
                out.push_str("__________________ \n \n");
                for &n in notes {
                    for l in wrap(&self.note_line(&self.notes[n]), width, self.cjk) {
                        out.push_str(&l);
                        out.push('\n');
                    }
                    out.push_str(" \n");
                }
            }
            out.push('\n');
        }
        out
    }
}

/// `2024([^1])،` → `2024[^1]،`: only a reference wrapped whole.
fn unparen_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("([^") {
        let after = &rest[i + 1..];
        match after.find(']') {
            Some(j) if after[j + 1..].starts_with(')') && !after[..j].contains(' ') => {
                out.push_str(&rest[..i]);
                out.push_str(&after[..=j]);
                rest = &after[j + 2..];
            }
            _ => {
                out.push_str(&rest[..i + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A job number as the UN prints it on every page (`24-23545`), made from the
/// symbol so that a document always gets the same one.
fn job_number(r: &Resolution) -> String {
    let year = r
        .adopted
        .as_deref()
        .and_then(|d| d.get(2..4))
        .unwrap_or("24");
    let h = r
        .symbol
        .as_deref()
        .unwrap_or("")
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    format!("{year}-{:05}", h % 100_000)
}

/// Break `text` into lines of at most `width` characters at spaces (at any
/// character in Chinese), keeping a trailing space on each line as the PDF
/// extraction does.
fn wrap(text: &str, width: usize, cjk: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if cjk {
        let chars: Vec<char> = text.chars().collect();
        for c in chars.chunks(width) {
            let mut line: String = c.iter().collect();
            // a space where the line breaks stays at the end of the line
            // before, as a PDF's text layer has it (never an indent)
            if let Some(prev) = out.last_mut().filter(|_| line.starts_with(' ')) {
                let n = line.len() - line.trim_start_matches(' ').len();
                prev.push_str(&line[..n]);
                line.drain(..n);
            }
            out.push(line);
        }
        return out;
    }
    let mut line = String::new();
    let mut len = 0;
    for word in text.split(' ') {
        let wl = word.chars().count();
        if len > 0 && len + 1 + wl > width {
            line.push(' ');
            out.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += wl;
    }
    if !line.is_empty() {
        line.push(' ');
        out.push(line);
    }
    out
}

/// Word's non-breaking spaces: after a number before a word (`14 December`),
/// and in French before `;` `:` `?` `!` and inside guillemets.
fn word_spaces(s: &str, french: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = i.checked_sub(1).map(|k| chars[k]);
            let next = chars.get(i + 1).copied();
            let number_word =
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_alphabetic());
            let french_punct = french
                && (next.is_some_and(|n| matches!(n, ';' | ':' | '?' | '!' | '»'))
                    || prev == Some('«'));
            if number_word || french_punct {
                out.push('\u{a0}');
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Where a word of one or two letters at the end of `s` starts, after a
/// space: the place of a marker the markup put inside that word.
fn word_start(s: &str) -> Option<usize> {
    let t = s.trim_end_matches(char::is_alphabetic);
    let letters = s[t.len()..].chars().count();
    ((1..=2).contains(&letters) && t.ends_with(' ')).then(|| t.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arabic_reference_sheds_its_parentheses() {
        assert_eq!(
            unparen_refs("2024([^1])، (A/79/23[^2])"),
            "2024[^1]، (A/79/23[^2])"
        );
    }

    /// The markup's placeholders for an Arabic note's parentheses, `()` and
    /// in GA 79/176 `((`, become the marker's own: `(6) قرار …`.
    #[test]
    fn arabic_note_placeholders() {
        let Some(p) = unlsp_corpus::shared("corpus/akn/ga/ar/A_RES_79_176.xml.gz") else {
            return;
        };
        let r = crate::conformance::akn::read_gz(&p).unwrap();
        let t = render(&r, Shape::Clean);
        let notes = t.split("__________________").nth(1).unwrap();
        assert!(notes.contains("\n(6) قرار المجلس الاقتصادي"), "{notes}");
        assert!(!notes.contains("(("), "{notes}");
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let t = "Recognizing that all available options for self-determination of the Territory are valid as long as they are in accordance with the freely expressed wishes";
        let lines = wrap(t, 40, false);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.chars().count() <= 41));
        assert_eq!(lines.concat().trim_end(), t);
    }

    #[test]
    fn word_paste_binds_numbers_and_french_punctuation() {
        assert_eq!(
            word_spaces("du 14 décembre 1960 ; voir", true),
            "du 14\u{a0}décembre 1960\u{a0}; voir"
        );
        assert_eq!(word_spaces("of 14 December", false), "of 14\u{a0}December");
        // a marker the markup put inside a word goes before the word
        assert_eq!(word_start("Disaster Risk Reduction, t"), Some(24));
        assert_eq!(word_start("Disaster Risk Reduction"), None);
    }
}
