//! The words of a paragraph's opening and their shapes, shared by the
//! preambular and operative grammars and by what follows a lead.

use crate::lang::Lang;

/// The words of `text` with their byte ranges, at most `n`.
pub(super) fn words(text: &str, n: usize) -> Vec<(usize, &str)> {
    let is_sep = |c: char| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}');
    let mut out = Vec::with_capacity(n);
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_sep(c), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
                if out.len() == n {
                    return out;
                }
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start
        && out.len() < n
    {
        out.push((s, &text[s..]));
    }
    out
}

/// A word without the emphasis and punctuation around it.
pub(super) fn bare(w: &str) -> &str {
    w.trim_matches(['*', '_', ',', '،', ':', ';', '“', '"'])
}

pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Repeat adverbs that belong to the lead (`Recalling also`).
pub(super) fn repeat(lang: Lang, w: &str) -> bool {
    let w = bare(w);
    match lang {
        Lang::En => matches!(w, "also" | "further" | "again"),
        Lang::Fr => matches!(w, "également" | "aussi" | "en" | "de"),
        Lang::Es => matches!(w, "también" | "además" | "asimismo"),
        Lang::Ru => matches!(w, "также" | "далее"),
        Lang::Ar => matches!(w, "أيضا" | "كذلك"),
        _ => false,
    }
}

/// The first words of a paragraph, with their byte offsets.
pub(super) struct Opening<'t> {
    pub(super) lang: Lang,
    pub(super) ws: Vec<(usize, &'t str)>,
}

impl<'t> Opening<'t> {
    /// The first `n` words of `text`; `None` when it has none.
    pub(super) fn new(lang: Lang, text: &'t str, n: usize) -> Option<Opening<'t>> {
        let ws = words(text, n);
        (!ws.is_empty()).then_some(Opening { lang, ws })
    }

    /// The end of word `k`, trailing punctuation left out.
    pub(super) fn end(&self, k: usize) -> usize {
        self.ws[k].0 + self.ws[k].1.len() - trailing(self.ws[k].1)
    }

    /// The end of word `k`, or of the next word when that is a repeat
    /// (`also`, `further`) and no comma comes between.
    pub(super) fn with_repeat(&self, k: usize) -> usize {
        let ws = &self.ws;
        if k + 1 < ws.len() && repeat(self.lang, ws[k + 1].1) && !ws[k].1.ends_with(',') {
            self.end(k + 1)
        } else {
            self.end(k)
        }
    }

    /// Word `k` without its punctuation, "" past the last.
    pub(super) fn w(&self, k: usize) -> &str {
        self.ws.get(k).map(|(_, w)| bare(w)).unwrap_or("")
    }

    /// Word `k` in lower case.
    pub(super) fn lw(&self, k: usize) -> String {
        self.w(k).to_lowercase()
    }
}

/// Arabic nouns of attitude and of degree: `قلق` (concern), `ارتياح`
/// (satisfaction), `تقدير` (appreciation); `بالغ`, `شديد` (grave, deep).
pub(super) const AR_ATTITUDE: [&str; 6] = ["قلق", "ارتياح", "تقدير", "اهتمام", "جزع", "أسف"];
pub(super) const AR_DEGREE: [&str; 4] = ["بالغ", "شديد", "عميق", "كبير"];

/// Bytes of punctuation and emphasis at the end of a word.
pub(super) fn trailing(w: &str) -> usize {
    w.len() - w.trim_end_matches([',', '،', ':', ';', '*', '_']).len()
}

/// `Recalling`, `Convinced`, `Mindful`, `Cognizant`: the shapes of an English
/// participle or predicative adjective.
pub(super) fn en_participle_or_adjective(w: &str) -> bool {
    let n = w.chars().count();
    n > 4
        && (["ing", "ed", "ful", "ous", "ant", "ent"]
            .iter()
            .any(|e| w.ends_with(e))
            || matches!(w, "Aware" | "aware" | "Seized" | "seized"))
}
