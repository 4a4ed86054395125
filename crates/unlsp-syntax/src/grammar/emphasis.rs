//! The lead as the UN emphasises it: a governed preposition left out, and
//! the manner, repeat or adverb after the lead taken in.

use super::words::{
    AR_ATTITUDE, AR_DEGREE, bare, en_participle_or_adjective, lower, trailing, words,
};
use crate::lang::Lang;

/// The lead as the UN emphasises it, when the lexicon's phrase runs on into
/// a preposition the verb governs: the UN italicises the verb and leaves the
/// preposition plain. Arabic `تشدد` على, `تشير` إلى (1,674 of 1,676 operative
/// leads of sessions 79 and SC 2022); English `Guided` by, `Looking forward`
/// to, `Looks forward` to, French `Guidée` par, Spanish `Guiada` por (GA 79
/// and SC 2022: 23 of 26 `Guided`, 18 of 19 `Looks forward`, 17 of 17
/// `Guidée`). `Calls upon` keeps its particle: the UN emphasises it whole.
/// The byte length to keep of `lead`.
pub fn emphasised_extent(lang: Lang, lead: &str) -> usize {
    let governed: &[&str] = match lang {
        Lang::Ar => &[" على", " إلى", " عن", " في", " ب"],
        Lang::En => &[" by", " to"],
        Lang::Fr => &[" par"],
        Lang::Es => &[" por"],
        _ => &[],
    };
    for prep in governed {
        if let Some(head) = lead.strip_suffix(prep)
            && !head.is_empty()
        {
            return head.len();
        }
    }
    lead.len()
}

/// What follows a lead and belongs to its emphasis: an attitude (`with
/// appreciation`, `avec satisfaction`, `con aprecio`, `مع التقدير`), a
/// repeat (`de nouveau`, `una vez más`), an adverb (`fermement`,
/// `enérgicamente`, `unequivocally`) or the fixed `in the strongest terms`
/// (`dans les termes les plus énergiques`, `en los términos más enérgicos`,
/// `بأشد العبارات`). `rest` starts right after the lead; the byte length of
/// the tail (0 when none), never past punctuation.
pub(crate) fn lead_tail(lang: Lang, rest: &str) -> usize {
    let ws = words(rest, 12);
    if lang == Lang::Ar
        && let Some(n) = ar_manner(&ws)
    {
        return n;
    }
    let w = |k: usize| ws.get(k).map(|(_, w)| *w).unwrap_or("");
    // a word the tail may end on: no punctuation after it (the clause goes on)
    let clean = |k: usize| k < ws.len() && trailing(ws[k].1) == 0;
    let end = |k: usize| ws[k].0 + ws[k].1.len();
    let Some(TailWords {
        attitude,
        function,
        adverb,
        fixed,
    }) = tail_words(lang)
    else {
        return 0;
    };
    let is_function = |x: &str| {
        let x = x.trim_end_matches(['’', '\'']);
        function.contains(&x) || x.starts_with("d’") || x.starts_with("l’") || x.starts_with("qu’")
    };
    let mut k = 0;
    let mut taken = 0;
    for _ in 0..3 {
        if k >= ws.len() || !clean(k.saturating_sub(1)) && k > 0 {
            break;
        }
        // a fixed phrase; `les plus`/`más` take the adjective after them
        if let Some(f) = fixed
            .iter()
            .find(|f| f.iter().enumerate().all(|(j, x)| bare(w(k + j)) == *x))
        {
            let mut last = k + f.len() - 1;
            if f.len() >= 4
                && matches!(*f.last().unwrap(), "plus" | "más")
                && k + f.len() < ws.len()
            {
                last += 1;
            }
            if last >= ws.len() {
                break;
            }
            taken = end(last) - trailing(ws[last].1);
            k = last + 1;
            continue;
        }
        // an attitude: the preposition and one or two words, then a function
        // word (`avec satisfaction du rapport`); Arabic: `مع` and its noun
        if w(k) == attitude && clean(k) {
            if lang == Lang::Ar {
                if w(k + 1).starts_with("ال") {
                    taken = end(k + 1) - trailing(ws[k + 1].1);
                    k += 2;
                    continue;
                }
                break;
            }
            // `with serious concern`; three words after an indefinite
            // article (`avec une vive préoccupation`)
            let article = matches!(w(k + 1), "une" | "un" | "una");
            let span = (1..=if article { 3 } else { 2 }).find(|&n| {
                k + n < ws.len()
                    && (1..n).all(|j| clean(k + j))
                    && (trailing(ws[k + n].1) > 0
                        || is_function(w(k + n + 1))
                        || k + n + 1 >= ws.len())
                    && !is_function(w(k + 1))
            });
            if let Some(n) = span {
                taken = end(k + n) - trailing(ws[k + n].1);
                k += n + 1;
                continue;
            }
            break;
        }
        // an adverb after the verb
        let x = bare(w(k));
        if !adverb.is_empty()
            && x.ends_with(adverb)
            && x.chars().count() > adverb.chars().count() + 3
            && x.chars().next().is_some_and(char::is_lowercase)
            // a noun after its elided article is not an adverb (`l’engagement`)
            && !x.contains(['’', '\''])
        {
            taken = end(k) - trailing(ws[k].1);
            k += 1;
            // and the adjective it modifies (`Remaining deeply concerned`,
            // `Se déclarant profondément préoccupée`)
            if clean(k - 1) && k < ws.len() && predicative(lang, bare(w(k))) {
                taken = end(k) - trailing(ws[k].1);
                k += 1;
            }
            continue;
        }
        break;
    }
    taken
}

/// The words a tail is made of in one language: the preposition that opens
/// an attitude, the function words that close one, the ending of an adverb
/// and the fixed phrases.
struct TailWords {
    attitude: &'static str,
    function: &'static [&'static str],
    adverb: &'static str,
    fixed: &'static [&'static [&'static str]],
}

fn tail_words(lang: Lang) -> Option<TailWords> {
    match lang {
        Lang::En => Some(TailWords {
            attitude: "with",
            function: &[
                "of", "that", "the", "at", "its", "their", "to", "for", "in", "on",
            ],
            adverb: "ly",
            fixed: &[&["in", "the", "strongest", "terms"], &["once", "again"]],
        }),
        Lang::Fr => Some(TailWords {
            attitude: "avec",
            function: &[
                "du", "de", "des", "le", "la", "les", "que", "à", "au", "aux", "pour", "dont",
            ],
            adverb: "ment",
            fixed: &[
                &["de", "nouveau"],
                &["à", "nouveau"],
                &["sans", "équivoque"],
                &["dans", "les", "termes", "les", "plus"],
            ],
        }),
        Lang::Es => Some(TailWords {
            attitude: "con",
            function: &[
                "el", "la", "los", "las", "del", "de", "que", "a", "al", "por", "su", "sus",
            ],
            adverb: "mente",
            fixed: &[
                &["una", "vez", "más"],
                &["de", "nuevo"],
                &["en", "los", "términos", "más"],
            ],
        }),
        Lang::Ar => Some(TailWords {
            attitude: "مع",
            function: &[],
            adverb: "",
            fixed: &[&["بأشد", "العبارات"]],
        }),
        _ => None,
    }
}

/// A participle or predicative adjective in lower case (`concerned`,
/// `préoccupée`, `preocupada`), after an adverb of degree.
fn predicative(lang: Lang, w: &str) -> bool {
    if !lower(w) || w.chars().count() < 5 {
        return false;
    }
    match lang {
        Lang::En => en_participle_or_adjective(w),
        Lang::Fr => [
            "ée", "ées", "é", "és", "ue", "ues", "nte", "ntes", "euse", "eux",
        ]
        .iter()
        .any(|x| w.ends_with(x)),
        Lang::Es => ["ada", "ado", "adas", "ados", "ida", "ido", "idas", "idos"]
            .iter()
            .any(|x| w.ends_with(x)),
        _ => false,
    }
}

/// Arabic: the manner after the verb, which the UN emphasises with it: a
/// noun with `ب` (`وإذ تلاحظ بقلق`, `بارتياح`), with its degree (`بقلق
/// بالغ`, `ببالغ القلق`), or `مع بالغ القلق`. The byte length, if any.
fn ar_manner(ws: &[(usize, &str)]) -> Option<usize> {
    let w = |k: usize| ws.get(k).map(|(_, w)| bare(w)).unwrap_or("");
    let end = |k: usize| ws[k].0 + ws[k].1.len() - trailing(ws[k].1);
    let clean = |k: usize| k < ws.len() && trailing(ws[k].1) == 0;
    let head = w(0);
    // `مع بالغ القلق`, `ببالغ القلق`: a degree, then the noun
    let degree_first = |k: usize, x: &str| {
        AR_DEGREE.contains(&x)
            && clean(k)
            && w(k + 1)
                .strip_prefix("ال")
                .is_some_and(|n| AR_ATTITUDE.contains(&n))
    };
    if head == "مع" && clean(0) && degree_first(1, w(1)) {
        return Some(end(2));
    }
    let noun = head.strip_prefix('ب')?;
    if degree_first(0, noun) {
        return Some(end(1));
    }
    if !AR_ATTITUDE.contains(&noun) {
        return None;
    }
    Some(if clean(0) && AR_DEGREE.contains(&w(1)) {
        end(1)
    } else {
        end(0)
    })
}
