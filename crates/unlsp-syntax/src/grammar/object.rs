//! The attitude an expression verb states, which the UN emphasises with it.

use super::words::{AR_DEGREE, bare, lower, repeat, trailing, words};
use crate::lang::Lang;

/// The attitude an expression verb states, emphasised with it by the UN:
/// `Expressing deep concern` at, `Expresses its appreciation` to,
/// `Reiterating its concern` about, `Exprimant sa profonde inquiétude`,
/// `Expresando profunda preocupación` por, `выражая глубокую озабоченность`
/// по поводу (GA 79 and SC 2022: `Expressing` alone 4 times, with its
/// object 90). `Expressing` takes its object bare or owned (`its`, `sa`,
/// `su`, `свою`), `Reiterating` only owned (`Reiterating the need` is the
/// verb alone); the object is at most three words in lower case, then a
/// preposition, a conjunction, punctuation or a repeat (`also`, taken).
/// `lead` is the lead so far, `rest` what follows it; the byte length taken.
pub(crate) fn lead_object(lang: Lang, lead: &str, rest: &str) -> usize {
    let Some(ObjectWords {
        express,
        reiterate,
        own,
        stop,
    }) = object_words(lang)
    else {
        return 0;
    };
    let verb = lead.split_whitespace().last().unwrap_or("").to_lowercase();
    if lang == Lang::Ar {
        return ar_object(&verb, rest);
    }
    let expressing = express.contains(&verb.as_str());
    if !expressing && !reiterate.contains(&verb.as_str()) {
        return 0;
    }
    let ws = words(rest, 8);
    let w = |k: usize| ws.get(k).map(|(_, w)| bare(w)).unwrap_or("");
    let end = |k: usize| ws[k].0 + ws[k].1.len() - trailing(ws[k].1);
    let owned = own.contains(&w(0));
    if !owned && !expressing {
        return 0;
    }
    let first = usize::from(owned);
    let word = |k: usize| {
        let x = w(k);
        lower(x)
            && x.chars().all(|c| c.is_alphabetic() || c == '-')
            && !stop.contains(&x)
            && !repeat(lang, x)
            && !lang.table().resolution_words.iter().any(|r| r == x)
    };
    for last in first..(first + 3).min(ws.len()) {
        if !word(last) || (last > first && trailing(ws[last - 1].1) > 0) {
            return 0;
        }
        let next = w(last + 1);
        let closes = trailing(ws[last].1) > 0 || last + 1 >= ws.len() || stop.contains(&next);
        if closes {
            return end(last);
        }
        if repeat(lang, next) && trailing(ws[last].1) == 0 {
            return end(last + 1);
        }
    }
    0
}

/// The words of an expression verb's object in one language: the verbs of
/// expressing and of reiterating, the possessives that own the object and
/// the words that close it.
struct ObjectWords {
    express: &'static [&'static str],
    reiterate: &'static [&'static str],
    own: &'static [&'static str],
    stop: &'static [&'static str],
}

fn object_words(lang: Lang) -> Option<ObjectWords> {
    match lang {
        Lang::En => Some(ObjectWords {
            express: &["expressing", "expresses"],
            reiterate: &["reiterating", "reiterates"],
            own: &["its", "their"],
            stop: &[
                "at",
                "about",
                "over",
                "for",
                "to",
                "that",
                "of",
                "on",
                "in",
                "regarding",
                "with",
                "by",
                "upon",
                "as",
                "and",
                "the",
                "a",
                "an",
            ],
        }),
        Lang::Fr => Some(ObjectWords {
            express: &["exprimant", "exprime"],
            reiterate: &["réitérant", "réitère"],
            own: &["son", "sa", "ses", "leur", "leurs"],
            stop: &[
                "à",
                "au",
                "aux",
                "de",
                "du",
                "des",
                "pour",
                "que",
                "face",
                "devant",
                "sur",
                "envers",
                "en",
                "quant",
                "concernant",
                "dans",
                "et",
                "le",
                "la",
                "les",
                "un",
                "une",
            ],
        }),
        Lang::Es => Some(ObjectWords {
            express: &["expresando", "expresa"],
            reiterate: &["reiterando", "reitera"],
            own: &["su", "sus"],
            stop: &[
                "por", "porque", "a", "al", "de", "del", "ante", "con", "sobre", "en", "que",
                "hacia", "respecto", "y", "el", "la", "los", "las", "un", "una",
            ],
        }),
        Lang::Ru => Some(ObjectWords {
            express: &["выражая", "выражает"],
            reiterate: &[],
            own: &["свою", "свое", "своё", "свои"],
            stop: &[
                "по",
                "в",
                "во",
                "тем",
                "за",
                "что",
                "о",
                "об",
                "с",
                "со",
                "и",
                "к",
                "на",
                "перед",
                "относительно",
            ],
        }),
        Lang::Ar => Some(ObjectWords {
            express: &[],
            reiterate: &[],
            own: &[],
            stop: &[],
        }),
        _ => None,
    }
}

/// Arabic: what `تعرب عن` (expresses) expresses, emphasised with it: `وإذ
/// تعرب عن القلق`, `عن بالغ القلق`, `عن بالغ قلقها`, `عن القلق البالغ`,
/// `عن تقديرها`. `verb` is the lead's last word; the byte length taken.
fn ar_object(verb: &str, rest: &str) -> usize {
    if !matches!(verb, "تعرب" | "يعرب") {
        return 0;
    }
    let ws = words(rest, 6);
    let w = |k: usize| ws.get(k).map(|(_, w)| bare(w)).unwrap_or("");
    let end = |k: usize| ws[k].0 + ws[k].1.len() - trailing(ws[k].1);
    let clean = |k: usize| k < ws.len() && trailing(ws[k].1) == 0;
    if w(0) != "عن" || !clean(0) || ws.len() < 2 {
        return 0;
    }
    // a degree before the noun (`بالغ القلق`) or after it (`القلق البالغ`)
    let degree =
        AR_DEGREE.contains(&w(1)) && ws.len() > 2 || matches!(w(2), "البالغ" | "الشديد" | "العميق");
    let last = if degree && clean(1) { 2 } else { 1 };
    // a repeat after it (`عن بالغ القلق أيضا`)
    if clean(last) && repeat(Lang::Ar, w(last + 1)) {
        return end(last + 1);
    }
    end(last)
}
