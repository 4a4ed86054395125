//! Lead phrases of preambular and operative paragraphs, from
//! `grammar/preambular.tsv` and `grammar/operative.tsv` (compiled in), with the
//! also/further forms generated from the patterns of `grammar/languages.toml`.
//!
//! Matching is one anchored, leftmost-longest Aho–Corasick search over every
//! phrase of every language at a candidate position, after the normalisation of
//! `lexicon.md`: emphasis markers dropped, spaces between CJK characters dropped.

use crate::syntax::cjk::{is_cjk, is_space};
use crate::syntax::lang::Lang;
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

    pub fn is_repeat(self) -> bool {
        !matches!(self, LeadForm::Base)
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
}

pub struct Lexicon {
    pub entries: Vec<LeadEntry>,
    /// pattern id → entry ids sharing that phrase (a phrase can be both
    /// preambular and operative, e.g. 回顾).
    by_pattern: Vec<Vec<u32>>,
    ac: AhoCorasick,
}

/// The result of matching at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadMatch {
    /// Bytes of the original text covered, from the match position.
    pub len: usize,
    /// The lead as written, emphasis and CJK segmentation spaces removed.
    pub text: String,
    pub entries: Vec<u32>,
    /// The first letter was upper case in the text (English boundary test).
    pub capitalised: bool,
    /// Emphasis markup (`*`, `_`) was present around the lead.
    pub emphasis: bool,
}

impl LeadMatch {
    pub fn entry(&self, lex: &Lexicon, class: LeadClass, lang: Lang) -> Option<u32> {
        let pick = |want_lang: bool| {
            self.entries.iter().copied().find(|&e| {
                let en = &lex.entries[e as usize];
                en.class == class && (!want_lang || en.lang == lang)
            })
        };
        pick(true).or_else(|| pick(false))
    }

    pub fn has_class(&self, lex: &Lexicon, class: LeadClass) -> bool {
        self.entries
            .iter()
            .any(|&e| lex.entries[e as usize].class == class)
    }

    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

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

impl Lexicon {
    fn load() -> Lexicon {
        let mut entries: Vec<LeadEntry> = Vec::new();
        for (class, data) in [
            (
                LeadClass::Preambular,
                include_str!("../../grammar/preambular.tsv"),
            ),
            (
                LeadClass::Operative,
                include_str!("../../grammar/operative.tsv"),
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
                });
            }
        }
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
        Lexicon {
            entries,
            by_pattern,
            ac,
        }
    }

    /// Match a lead phrase at the start of `text`. Leading whitespace must already
    /// be skipped by the caller; emphasis markers are skipped here.
    pub fn match_at(&self, text: &str) -> Option<LeadMatch> {
        // Normalise up to ~60 characters: drop `*`/`_`, drop spaces between CJK chars.
        // Fast path: plain ASCII text needs no normalisation.
        let head = &text[..crate::syntax::text::clamp_to_char(text, 96)];
        if head.is_ascii() && !head.contains(['*', '_', '\n', '\r']) {
            return self.match_plain(head);
        }
        let mut norm = String::with_capacity(96);
        let mut map: Vec<usize> = Vec::with_capacity(96); // norm byte → orig byte
        let mut emphasis = false;
        let mut prev: Option<char> = None;
        let mut iter = text.char_indices().peekable();
        let mut taken = 0;
        while let Some((i, c)) = iter.next() {
            if taken > 64 {
                break;
            }
            if c == '*' || c == '_' {
                emphasis = true;
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
            for _ in 0..c.len_utf8() {
                map.push(i);
            }
            norm.push(c);
            prev = Some(c);
            taken += 1;
        }
        map.push(text.len().min(map.last().map(|&m| m + 1).unwrap_or(0)));
        let m = self.ac.find(Input::new(&norm).anchored(Anchored::Yes))?;
        let end_norm = m.end();
        // Word boundary for alphabetic scripts: the next char is not a letter.
        let next = norm[end_norm..].chars().next();
        let last = norm[..end_norm].chars().next_back()?;
        if !is_cjk(last) && next.is_some_and(|n| n.is_alphanumeric()) {
            return None;
        }
        let orig_end = if end_norm < norm.len() {
            map[end_norm]
        } else {
            let li = map[end_norm - 1];
            li + text[li..].chars().next().map(|c| c.len_utf8()).unwrap_or(0)
        };
        // Include closing emphasis right after the lead (`**鼓励**`).
        let mut len = orig_end;
        let rest = &text[len..];
        let closing = rest.len() - rest.trim_start_matches(['*', '_']).len();
        if closing > 0 {
            emphasis = true;
            len += closing;
        }
        let first = norm.chars().next()?;
        Some(LeadMatch {
            len,
            text: norm[..end_norm].to_string(),
            entries: self.by_pattern[m.pattern().as_usize()].clone(),
            capitalised: first.is_uppercase() || !first.is_alphabetic() || is_cjk(first),
            emphasis,
        })
    }

    fn match_plain(&self, head: &str) -> Option<LeadMatch> {
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
        Some(LeadMatch {
            len: end,
            text: head[..end].to_string(),
            entries: self.by_pattern[m.pattern().as_usize()].clone(),
            capitalised: first.is_uppercase() || !first.is_alphabetic(),
            emphasis: false,
        })
    }

    /// Skip leading whitespace, then match.
    pub fn match_after_space(&self, text: &str) -> Option<(usize, LeadMatch)> {
        let skip = text.len() - text.trim_start_matches(is_space).len();
        self.match_at(&text[skip..]).map(|m| (skip, m))
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

    fn m(s: &str) -> Option<String> {
        lexicon().match_at(s).map(|m| m.text)
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
        let mm = lexicon().match_at("**又鼓励**各国").unwrap();
        assert_eq!(mm.text, "又鼓励");
        assert!(mm.emphasis);
        assert_eq!(&"**又鼓励**各国"[..mm.len], "**又鼓励**");
    }

    #[test]
    fn whole_words_only() {
        assert!(m("Notes that the decision").is_some_and(|l| l.starts_with("Notes")));
        assert_eq!(m("Decidedly not a lead"), None);
        assert_eq!(m("Recallings"), None);
    }
}
