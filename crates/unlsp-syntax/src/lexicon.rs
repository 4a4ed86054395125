//! Lead phrases of preambular and operative paragraphs, from
//! `grammar/preambular.tsv` and `grammar/operative.tsv` (compiled in), with the
//! also/further forms generated from the patterns of `grammar/languages.toml`.
//!
//! Matching is one anchored, leftmost-longest Aho–Corasick search over every
//! phrase of every language at a candidate position, after the normalisation of
//! `lexicon.md`: emphasis markers dropped, spaces between CJK characters dropped.

use crate::cjk::is_cjk;
pub use crate::lang::Gender;
use crate::lang::Lang;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LeadClass {
    Preambular,
    Operative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeadForm {
    Base,
    Also,
    Further,
    Again,
    MisplacedAlso,
    MisplacedFurther,
}

impl LeadForm {
    fn parse(s: &str) -> Option<LeadForm> {
        Some(match s {
            "base" => LeadForm::Base,
            "also" => LeadForm::Also,
            "further" => LeadForm::Further,
            "again" => LeadForm::Again,
            "misplaced-also" => LeadForm::MisplacedAlso,
            "misplaced-further" => LeadForm::MisplacedFurther,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct LeadEntry {
    pub lang: Lang,
    pub class: LeadClass,
    pub form: LeadForm,
    pub phrase: String,
    pub base: String,
    pub gloss: String,
    /// Listed in the TSV (as opposed to generated from a pattern).
    pub listed: bool,
    /// Set for leads that agree with the author (`grammar/gender.tsv`).
    pub gender: Option<Gender>,
    /// The same lead in the other gender (`Convaincu` for `Convaincue`).
    pub other_gender: Option<String>,
}

pub struct Lexicon {
    pub entries: Vec<LeadEntry>,
    /// pattern id → entry ids sharing that phrase (a phrase can be both
    /// preambular and operative, e.g. 回顾).
    by_pattern: Vec<Vec<u32>>,
    ac: AhoCorasick,
    /// The first three bytes of every pattern, ASCII lower-cased (all of it
    /// when shorter): a text that opens with none of them holds no lead, which
    /// two lookups tell before the automaton walks (most capitalised lines
    /// open with a name or a wrapped word).
    openings: rustc_hash::FxHashSet<Vec<u8>>,
    /// `short[k]`: some pattern is only `k` bytes long.
    short: [bool; OPENING],
}

/// The result of matching at a position: 16 bytes, no heap (a block keeps
/// one). The lead as written is recomputed from the text on demand
/// ([`LeadMatch::text`]); the entries are the pattern's list, less the
/// frames whose closing part is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadMatch {
    /// Bytes of the original text covered, from the match position.
    pub len: u32,
    /// Bytes of the lead as written (emphasis and CJK segmentation spaces
    /// removed).
    text_len: u16,
    /// The automaton's pattern.
    pattern: u16,
    /// Bit `k`: entry `k` of the pattern's list applies.
    kept: u16,
    /// Characters of the lead as written.
    chars: u8,
    /// The first letter was upper case in the text (English boundary test).
    pub capitalised: bool,
    /// Emphasis markup (`*`, `_`) was present around the lead.
    pub emphasis: bool,
}

impl LeadMatch {
    /// The entry ids of the lead, in lexicon order.
    pub fn entries<'a>(&self, lex: &'a Lexicon) -> impl Iterator<Item = u32> + 'a {
        let kept = self.kept;
        lex.by_pattern[self.pattern as usize]
            .iter()
            .enumerate()
            .filter(move |(k, _)| kept >> k & 1 == 1)
            .map(|(_, &e)| e)
    }

    /// The first entry (every match has one).
    pub(crate) fn first_entry(&self, lex: &Lexicon) -> u32 {
        self.entries(lex).next().unwrap_or(0)
    }

    pub fn entry(&self, lex: &Lexicon, class: LeadClass, lang: Lang) -> Option<u32> {
        let pick = |want_lang: bool| {
            self.entries(lex).find(|&e| {
                let en = &lex.entries[e as usize];
                en.class == class && (!want_lang || en.lang == lang)
            })
        };
        pick(true).or_else(|| pick(false))
    }

    pub fn has_class(&self, lex: &Lexicon, class: LeadClass) -> bool {
        self.entries(lex)
            .any(|e| lex.entries[e as usize].class == class)
    }

    /// Characters of the lead as written.
    pub(crate) fn char_len(&self) -> usize {
        self.chars as usize
    }

    /// The lead as written, emphasis and CJK segmentation spaces removed:
    /// `src` is the text matched (from the match position on, at least as far
    /// as the lead).
    pub fn text(&self, src: &str) -> String {
        let mut out = String::with_capacity(self.text_len as usize);
        let mut apostrophes = 0;
        let mut taken = 0;
        normalise(src, |i, c| {
            if taken >= self.text_len as usize {
                return false;
            }
            if let Some(c) = c {
                out.push(c);
                taken += c.len_utf8();
                apostrophes += usize::from(c == '\'' && src[i..].starts_with('’'));
                // the Arabic marks the match skipped, as written
                let next = i + src[i..].chars().next().map_or(0, char::len_utf8);
                out.extend(src[next..].chars().take_while(|m| is_arabic_mark(*m)));
            }
            true
        });
        if apostrophes > 0 {
            // as written: each apostrophe the match read as straight
            let mut written = src.chars().filter(|&c| c == '\'' || c == '’');
            return out
                .chars()
                .map(|c| {
                    if c == '\'' {
                        written.next().unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect();
        }
        out
    }

    /// Whether the lead opens with a CJK character (the patterns keep the
    /// case-folded letters of the text, so their first character tells).
    pub fn is_cjk(&self, lex: &Lexicon) -> bool {
        lex.entries[self.first_entry(lex) as usize]
            .phrase
            .chars()
            .next()
            .is_some_and(is_cjk)
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

static TRADITIONAL: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    Lang::Zh
        .table()
        .traditional
        .split_whitespace()
        .filter_map(|p| {
            let mut c = p.chars();
            Some((c.next()?, c.next()?))
        })
        .collect()
});

/// The simplified form of a traditional character of a lead (`決` → `决`).
pub(crate) fn simplified(c: char) -> char {
    TRADITIONAL.get(&c).copied().unwrap_or(c)
}

/// How many bytes of a pattern [`Lexicon::openings`] keeps.
const OPENING: usize = 3;

fn opening(p: &[u8]) -> &[u8] {
    &p[..p.len().min(OPENING)]
}

/// Bytes of the normalised text [`Lexicon::match_at`] looks at: 101
/// characters of at most 4 bytes.
const NORM_MAX: usize = 101 * 4;

/// Entries kept per pattern: a bit each.
const MAX_PER_PATTERN: usize = 16;

fn all_kept(n: usize) -> u16 {
    ((1u32 << n.min(MAX_PER_PATTERN)) - 1) as u16
}

/// The normalisation of `lexicon.md` over the start of `text`, a character
/// at a time: `f(i, Some(c))` for each character kept (CJK simplified), read at
/// byte `i`; `f(i, None)` for an emphasis marker at `i`. Spaces between CJK
/// characters are dropped; a line break, 101 kept characters, or `f`
/// returning false ends it.
/// Arabic vowel signs, shadda, the superscript alef and tatweel: marks the
/// lexicon's matching skips.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{64b}'..='\u{652}' | '\u{670}' | '\u{640}')
}

fn normalise(text: &str, mut f: impl FnMut(usize, Option<char>) -> bool) {
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    let mut taken = 0;
    while let Some((i, c)) = iter.next() {
        // the longest leads (`действуя на основании главы VII Устава…`) run
        // to about 70 characters
        if taken > 100 {
            break;
        }
        if c == '*' || c == '_' {
            if !f(i, None) {
                break;
            }
            continue;
        }
        if c == ' ' || c == '\u{3000}' {
            let next = iter.peek().map(|&(_, n)| n);
            if let (Some(p), Some(n)) = (prev, next)
                && is_cjk(p)
                && is_cjk(n)
            {
                continue;
            }
        }
        if c == '\n' || c == '\r' {
            break;
        }
        // Arabic vowel signs, shadda and tatweel are not written alike in
        // every text (`تحيط علماً` / `تحيط علما`, `تسلّم` / `تسلم`)
        if is_arabic_mark(c) {
            continue;
        }
        // the lexicon writes apostrophes straight, UN texts curly (`Ayant à
        // l’esprit`), and plain spaces where Word put non-breaking ones
        let c = if is_cjk(c) {
            simplified(c)
        } else if matches!(c, '’' | 'ʼ' | '‘') {
            '\''
        } else if matches!(c, '\u{a0}' | '\u{202f}') {
            ' '
        } else {
            c
        };
        if !f(i, Some(c)) {
            break;
        }
        prev = Some(c);
        taken += 1;
    }
}

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `grammar/gender.tsv`: the listed (feminine, General Assembly) form of a lead
/// and its masculine (Security Council) form. The masculine forms become entries
/// of their own, so that a Council text parses; both carry their gender.
fn apply_gender_table(entries: &mut Vec<LeadEntry>) {
    let mut added = Vec::new();
    for line in include_str!("../../../grammar/gender.tsv").lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(lang), Some(fem), Some(masc)) = (
            cols.first().and_then(|c| Lang::from_code(c)),
            cols.get(1).map(|c| c.trim()),
            cols.get(2).map(|c| c.trim()),
        ) else {
            continue;
        };
        for e in entries.iter_mut() {
            if e.lang != lang || e.phrase != fem {
                continue;
            }
            e.gender = Some(Gender::Feminine);
            e.other_gender = Some(masc.to_string());
            let mut m = e.clone();
            m.phrase = masc.to_string();
            m.gender = Some(Gender::Masculine);
            m.other_gender = Some(fem.to_string());
            m.listed = false;
            if e.form == LeadForm::Base {
                m.base = masc.to_string();
            }
            added.push(m);
        }
    }
    // a listed repeat form takes the gender of its base (`وإذ تشير كذلك`)
    let gendered: HashMap<(Lang, String), Gender> = entries
        .iter()
        .chain(&added)
        .filter_map(|e| Some(((e.lang, e.phrase.clone()), e.gender?)))
        .collect();
    for e in entries.iter_mut() {
        if e.gender.is_none()
            && let Some(&g) = gendered.get(&(e.lang, e.base.clone()))
        {
            e.gender = Some(g);
        }
    }
    entries.extend(added);
}

/// `lead_variants` of `grammar/languages.toml`: another opening of the same
/// preambular lead (Arabic `إذ تشير` for the first paragraph, `وإذ تشير` after).
fn apply_variants(entries: &mut Vec<LeadEntry>) {
    let have: std::collections::HashSet<(Lang, LeadClass, String)> = entries
        .iter()
        .map(|e| (e.lang, e.class, e.phrase.clone()))
        .collect();
    let mut added = Vec::new();
    for e in entries.iter() {
        if e.class != LeadClass::Preambular || e.form != LeadForm::Base {
            continue;
        }
        for (from, to) in &e.lang.table().lead_variants {
            if let Some(rest) = e.phrase.strip_prefix(from.as_str()) {
                let phrase = format!("{to}{rest}");
                if !have.contains(&(e.lang, e.class, phrase.clone())) {
                    let mut v = e.clone();
                    v.phrase = phrase;
                    v.listed = false;
                    added.push(v);
                }
            }
        }
    }
    entries.extend(added);
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut entries: Vec<LeadEntry> = Vec::new();
        for (class, data) in [
            (
                LeadClass::Preambular,
                include_str!("../../../grammar/preambular.tsv"),
            ),
            (
                LeadClass::Operative,
                include_str!("../../../grammar/operative.tsv"),
            ),
        ] {
            for line in data.lines().skip(1) {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 4 {
                    continue;
                }
                let (Some(lang), Some(form)) = (Lang::from_code(cols[0]), LeadForm::parse(cols[2]))
                else {
                    continue;
                };
                entries.push(LeadEntry {
                    lang,
                    class,
                    form,
                    phrase: cols[1].trim().to_string(),
                    base: cols[3].trim().to_string(),
                    gloss: cols.get(4).unwrap_or(&"").to_string(),
                    listed: true,
                    gender: None,
                    other_gender: None,
                });
            }
        }
        apply_gender_table(&mut entries);
        apply_variants(&mut entries);
        // Generated repeat forms (lexicon.md: "implement repeat forms generatively").
        let mut seen: HashMap<(String, LeadClass, Lang), ()> = entries
            .iter()
            .map(|e| ((e.phrase.clone(), e.class, e.lang), ()))
            .collect();
        let bases: Vec<LeadEntry> = entries
            .iter()
            .filter(|e| e.form == LeadForm::Base)
            .cloned()
            .collect();
        for b in bases {
            let table = b.lang.table();
            let patterns = match b.class {
                LeadClass::Preambular => &table.preambular_repeat,
                LeadClass::Operative => &table.operative_repeat,
            };
            for (pat, kind) in patterns {
                let Some(form) = LeadForm::parse(kind) else {
                    continue;
                };
                let phrase = pat
                    .replace("{base}", &b.phrase)
                    .replace("{lower}", &lower_first(&b.phrase));
                let key = (phrase.clone(), b.class, b.lang);
                if seen.contains_key(&key) {
                    continue;
                }
                seen.insert(key, ());
                entries.push(LeadEntry {
                    lang: b.lang,
                    class: b.class,
                    form,
                    phrase,
                    base: b.phrase.clone(),
                    gloss: b.gloss.clone(),
                    listed: false,
                    gender: b.gender,
                    other_gender: None,
                });
            }
        }
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<u32>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            // `以…为指导` is a discontinuous frame: match its opening only.
            let key = e.phrase.split('…').next().unwrap_or(&e.phrase).to_string();
            let id = *pattern_of.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            by_pattern[id].push(i as u32);
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("lexicon automaton builds");
        let openings = patterns
            .iter()
            .map(|p| opening(p.as_bytes()).to_ascii_lowercase())
            .collect();
        let mut short = [false; OPENING];
        for p in &patterns {
            if p.len() < OPENING {
                short[p.len()] = true;
            }
        }
        Lexicon {
            entries,
            by_pattern,
            ac,
            openings,
            short,
        }
    }

    /// Match a lead phrase at the start of `text`. Leading whitespace must already
    /// be skipped by the caller; emphasis markers are skipped here.
    pub fn match_at(&self, text: &str) -> Option<LeadMatch> {
        // Normalise up to ~100 characters: drop `*`/`_`, drop spaces between CJK chars.
        // Fast path: plain ASCII text needs no normalisation.
        // Prefilter: when the first bytes are plain ASCII they are the first
        // bytes of the normalised text too, and must open a pattern (most
        // lines fail here, before any scan).
        let plain = |b: &u8| *b < 0x80 && !matches!(b, b'*' | b'_' | b'\n' | b'\r');
        let opening = &text.as_bytes()[..text.len().min(OPENING)];
        if opening.iter().all(plain) && !self.may_open(opening) {
            return None;
        }
        let head = &text[..crate::text::clamp_to_char(text, 120)];
        if head.as_bytes().iter().all(plain) {
            return self.match_plain(head);
        }
        // the first bytes of the normalised text open no pattern: no lead
        // (most such lines open with a quote, a name or a wrapped word)
        let mut first = [0u8; OPENING + 4];
        let mut n = 0;
        normalise(text, |_, c| {
            if let Some(c) = c {
                n += c.encode_utf8(&mut first[n..]).len();
            }
            n < OPENING
        });
        if !self.may_open(&first[..n]) {
            return None;
        }
        // the normalised text (at most 101 characters) and, per byte, where it
        // came from
        let mut norm_buf = [0u8; NORM_MAX];
        let mut map = [0u32; NORM_MAX + 1];
        let mut len = 0;
        // where the first `*`/`_` is: emphasis only if it opens or sits inside the
        // lead (`995_010` further on is not markup)
        let mut emphasis_at: Option<usize> = None;
        normalise(text, |i, c| {
            match c {
                None => {
                    emphasis_at.get_or_insert(i);
                }
                Some(c) => {
                    let w = c.encode_utf8(&mut norm_buf[len..]).len();
                    map[len..len + w].fill(i as u32);
                    len += w;
                }
            }
            true
        });
        let norm = std::str::from_utf8(&norm_buf[..len]).ok()?;
        map[len] = text.len().min(if len == 0 {
            0
        } else {
            map[len - 1] as usize + 1
        }) as u32;
        let m = self.ac.find(Input::new(norm).anchored(Anchored::Yes))?;
        let end_norm = m.end();
        // Word boundary for alphabetic scripts: the next char is not a letter.
        let next = norm[end_norm..].chars().next();
        let last = norm[..end_norm].chars().next_back()?;
        // (a phrase that ends with its own punctuation, `决议:`, needs none)
        if !is_cjk(last) && last.is_alphanumeric() && next.is_some_and(|n| n.is_alphanumeric()) {
            return None;
        }
        let orig_end = if end_norm < norm.len() {
            map[end_norm] as usize
        } else {
            let li = map[end_norm - 1] as usize;
            li + text[li..].chars().next().map(|c| c.len_utf8()).unwrap_or(0)
        };
        let mut emphasis = emphasis_at.is_some_and(|e| e < orig_end);
        // Include closing emphasis right after the lead (`**鼓励**`).
        let mut len = orig_end;
        let rest = &text[len..];
        let closing = rest.len() - rest.trim_start_matches(['*', '_']).len();
        if closing > 0 {
            emphasis = true;
            len += closing;
        }
        let first = norm.chars().next()?;
        let pattern = m.pattern().as_usize();
        let list = &self.by_pattern[pattern];
        let mut kept = all_kept(list.len());
        // a discontinuous frame (`对…表示感谢`, `以…为指导`) is a lead only when its
        // closing part follows in the same clause; its opening is the lead as
        // written
        if list
            .iter()
            .any(|&e| self.entries[e as usize].phrase.contains('…'))
        {
            let rest = &norm[end_norm..];
            let clause = &rest[..rest
                .find(['。', '；', ';', '：', '，', ','])
                .unwrap_or(rest.len())];
            for (k, &e) in list.iter().enumerate() {
                let phrase = &self.entries[e as usize].phrase;
                if phrase
                    .split_once('…')
                    .is_some_and(|(_, close)| !clause.contains(close))
                {
                    kept &= !(1 << k);
                }
            }
            if kept == 0 {
                return None;
            }
        }
        let lead = &norm[..end_norm];
        Some(LeadMatch {
            len: u32::try_from(len).unwrap_or(u32::MAX),
            text_len: lead.len() as u16,
            pattern: pattern as u16,
            kept,
            chars: lead.chars().count() as u8,
            // scripts without case (Arabic, Han) count as capitalised
            capitalised: !first.is_lowercase(),
            emphasis,
        })
    }

    fn match_plain(&self, head: &str) -> Option<LeadMatch> {
        if !self.may_open(head.as_bytes()) {
            return None;
        }
        let m = self.ac.find(Input::new(head).anchored(Anchored::Yes))?;
        let end = m.end();
        if head[end..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric())
        {
            return None;
        }
        let first = head.chars().next()?;
        let pattern = m.pattern().as_usize();
        Some(LeadMatch {
            len: end as u32,
            text_len: end as u16,
            pattern: pattern as u16,
            kept: all_kept(self.by_pattern[pattern].len()),
            chars: end as u8,
            capitalised: first.is_uppercase() || !first.is_alphabetic(),
            emphasis: false,
        })
    }

    /// Whether an ASCII `head` can open with a pattern (ASCII case folded, as
    /// the automaton folds it): its first three bytes, or a shorter pattern
    /// whole, are in [`Lexicon::openings`].
    fn may_open(&self, head: &[u8]) -> bool {
        let mut key = [0u8; OPENING];
        for k in 1..=head.len().min(OPENING) {
            key[k - 1] = head[k - 1].to_ascii_lowercase();
            if (k == OPENING || self.short[k]) && self.openings.contains(&key[..k]) {
                return true;
            }
        }
        false
    }

    /// The entry of `phrase` in one language and class, if any.
    pub fn find(&self, lang: Lang, class: LeadClass, phrase: &str) -> Option<&LeadEntry> {
        self.entries
            .iter()
            .find(|e| e.lang == lang && e.class == class && e.phrase == phrase)
    }

    pub fn base_entries(&self, lang: Lang, class: LeadClass) -> impl Iterator<Item = &LeadEntry> {
        self.entries
            .iter()
            .filter(move |e| e.lang == lang && e.class == class && e.form == LeadForm::Base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cjk::SpaceTrim;

    fn m(s: &str) -> Option<String> {
        lexicon().match_at(s).map(|m| m.text(s))
    }

    /// The opening test on the normalised text (the path of lines with
    /// emphasis or non-ASCII characters) never turns away a line the
    /// automaton matches: the corpus samples of every language.
    #[test]
    fn normalised_openings_agree_with_the_automaton() {
        let lex = lexicon();
        let (lines, have_corpus) = crate::text::sample_lines(&[
            "**又鼓励**各国",
            "满意 地 回顾 《",
            "決定把",
            "_Recalling_ its",
        ]);
        let (mut matched, mut turned_away) = (0, 0);
        for line in &lines {
            let t = line.trim_space_start();
            let mut norm = String::new();
            normalise(t, |_, c| {
                norm.extend(c);
                true
            });
            let first = &norm.as_bytes()[..norm.len().min(OPENING)];
            if lex
                .ac
                .find(Input::new(&norm).anchored(Anchored::Yes))
                .is_some()
            {
                matched += 1;
                assert!(lex.may_open(first), "{line}");
            } else {
                turned_away += usize::from(!lex.may_open(first));
            }
        }
        assert!(matched >= 4 && turned_away > 0, "{matched} {turned_away}");
        if have_corpus {
            assert!(
                matched > 1000 && turned_away > 1000,
                "{matched} {turned_away}"
            );
        }
    }

    /// A match keeps its entries in a bit set and its pattern in 16 bits.
    #[test]
    fn patterns_fit_the_compact_match() {
        let lex = lexicon();
        assert!(lex.by_pattern.len() <= u16::MAX as usize);
        assert!(
            lex.by_pattern
                .iter()
                .all(|l| !l.is_empty() && l.len() <= MAX_PER_PATTERN)
        );
        assert_eq!(std::mem::size_of::<LeadMatch>(), 16);
    }

    /// The opening test never turns away a text the automaton matches: every
    /// pattern itself, in three casings, and the lines of the outline fixtures.
    #[test]
    fn openings_prefilter_agrees_with_the_automaton() {
        let lex = lexicon();
        let slow = |h: &str| lex.ac.find(Input::new(h).anchored(Anchored::Yes)).is_some();
        let mut heads: Vec<String> = Vec::new();
        for e in &lex.entries {
            let p = e.phrase.split('…').next().unwrap_or(&e.phrase);
            heads.push(format!("{p} the"));
            heads.push(p.to_ascii_uppercase());
            heads.push(p.to_ascii_lowercase());
        }
        for t in crate::text::outline_fixture_texts() {
            heads.extend(t.lines().map(|l| l.trim_start().to_string()));
        }
        let (mut matched, mut turned_away) = (0, 0);
        for h in heads.iter().filter(|h| h.is_ascii()) {
            if slow(h) {
                matched += 1;
                assert!(lex.may_open(h.as_bytes()), "{h}");
            } else {
                turned_away += usize::from(!lex.may_open(h.as_bytes()));
            }
        }
        assert!(
            matched > 100 && turned_away > 100,
            "{matched} {turned_away}"
        );
    }

    #[test]
    fn a_frame_needs_its_closing_part_in_the_clause() {
        // A/RES/50/28 A, para. 2
        let src = "对联合国近东巴勒斯坦难民救济和工程处主任专员及全体工作人员表示感谢,认识到";
        let hit = lexicon().match_at(src).unwrap();
        let lex = lexicon();
        assert!(
            hit.entries(lex)
                .all(|e| lex.entries[e as usize].phrase == "对…表示感谢"),
            "{hit:?}"
        );
        assert_eq!(hit.text(src), "对");
        assert_eq!(
            m("以《联合国宪章》的宗旨和原则为指导，").as_deref(),
            Some("以")
        );
        // the closing part after the clause ends, or none at all: no lead
        assert_eq!(m("对此，大会表示感谢。"), None);
        assert_eq!(m("以便各国执行《行动纲领》；"), None);
    }

    #[test]
    fn a_lead_ending_with_its_punctuation_needs_no_word_boundary() {
        // S/RES/19 (1947)
        assert_eq!(
            m("决议:指派一由三人组成之小组委员会").as_deref(),
            Some("决议:")
        );
        assert_eq!(m("决议草案"), None);
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(
            m("Taking note with appreciation of").as_deref(),
            Some("Taking note with appreciation")
        );
        assert_eq!(m("满意地注意到为").as_deref(), Some("满意地注意到"));
        assert_eq!(m("强调指出公众").as_deref(), Some("强调指出"));
    }

    #[test]
    fn generated_repeat_forms() {
        assert_eq!(
            m("Also welcomes the decision").as_deref(),
            Some("Also welcomes")
        );
        assert_eq!(
            m("Welcoming further the holding").as_deref(),
            Some("Welcoming further")
        );
        assert_eq!(m("又 欢迎 第三").as_deref(), Some("又欢迎"));
        assert_eq!(m("还表示注意到 2016").as_deref(), Some("还表示注意到"));
    }

    #[test]
    fn segmented_chinese_and_emphasis() {
        assert_eq!(m("满意 地 回顾 《").as_deref(), Some("满意地回顾"));
        let src = "**又鼓励**各国";
        let mm = lexicon().match_at(src).unwrap();
        assert_eq!(mm.text(src), "又鼓励");
        assert!(mm.emphasis);
        assert_eq!(&src[..mm.len as usize], "**又鼓励**");
    }

    #[test]
    fn traditional_characters_and_long_leads() {
        // S/RES/2326 (2016) in Traditional Chinese
        let src = "決定把第2252(2015)號決議";
        let mm = lexicon().match_at(src).unwrap();
        assert_eq!(
            (mm.text(src).as_str(), mm.len as usize),
            ("决定", "決定".len())
        );
        // S/RES/1518 (2003), Russian: a 70-character lead, then `995_010`
        let ru =
            "действуя на основании главы VII Устава Организации Объединенных Наций ( 995_010 ),";
        let mm = lexicon().match_at(ru).unwrap();
        assert!(mm.text(ru).ends_with("Наций") && !mm.emphasis);
    }

    #[test]
    fn gender_pairs_and_arabic_openings() {
        let lex = lexicon();
        let fr = lex
            .find(Lang::Fr, LeadClass::Preambular, "Convaincu")
            .unwrap();
        assert_eq!(fr.gender, Some(Gender::Masculine));
        assert_eq!(fr.other_gender.as_deref(), Some("Convaincue"));
        // S/RES/381 (1975): the Council's `وقد نظر` and `يقرر`
        assert_eq!(m("وقد نظر في تقرير").as_deref(), Some("وقد نظر"));
        assert_eq!(m("يقرر:").as_deref(), Some("يقرر"));
        // `إذ` opening generated from every `وإذ` lead, masculine ones too
        assert_eq!(
            m("إذ تلاحظ مع القلق أن").as_deref(),
            Some("إذ تلاحظ مع القلق")
        );
        assert_eq!(m("إذ يرحب بالتقرير").as_deref(), Some("إذ يرحب"));
        // the also/further forms of the issue
        for (s, want) in [
            ("Rappelant en outre sa résolution", "Rappelant en outre"),
            ("Pide también al Secretario", "Pide también"),
            ("постановляет также продлить", "постановляет также"),
            ("وإذ تشير كذلك إلى", "وإذ تشير كذلك"),
            ("وإذ يشير كذلك إلى", "وإذ يشير كذلك"),
        ] {
            assert_eq!(m(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn whole_words_only() {
        assert!(m("Notes that the decision").is_some_and(|l| l.starts_with("Notes")));
        assert_eq!(m("Decidedly not a lead"), None);
        assert_eq!(m("Recallings"), None);
    }
}
