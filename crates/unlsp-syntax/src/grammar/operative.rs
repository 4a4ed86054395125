//! The operative lead by grammar: the author's verb in the present tense,
//! perhaps after an adverbial, with what a verb of expressing takes.

use super::preambular::zh_lead;
use super::words::{Opening, capitalised, repeat, trailing};
use crate::lang::Lang;

/// The byte length of the operative lead that opens `text` (the words after
/// the paragraph's number), by the grammar of `lang`: the Editorial Manual's
/// verb in the present tense, agreeing with the Assembly or the Council,
/// perhaps after an adverbial (`с признательностью`, `вновь`); `None` when
/// the opening is not a verb. `organ` is the author's (`GA`, `SC`), when the
/// text has named it: the verb agrees with it.
pub(crate) fn operative_lead(lang: Lang, text: &str, organ: Option<&str>) -> Option<usize> {
    let o = Opening::new(lang, text, 8)?;
    match lang {
        Lang::En | Lang::Fr | Lang::Es => latin_operative(&o),
        Lang::Ru => ru_operative(&o),
        Lang::Ar => ar_operative(&o, organ),
        Lang::Zh => zh_lead(text),
    }
}

/// English, French, Spanish: adverbs (`Also`, `Strongly`, `Once again`),
/// a verb in the third person singular (`Establishes`, `Constitue`,
/// `Establece`), a reflexive (`Se déclare`), and after a verb of expressing
/// or making what it expresses (`Expresses its grave concern`, `Exprime sa
/// profonde gratitude`, `Fait siennes`, `Hace suyas`), up to the first
/// preposition or punctuation.
fn latin_operative(o: &Opening) -> Option<usize> {
    let lang = o.lang;
    let lw = |k: usize| o.lw(k);
    let stop = |k: usize| k >= o.ws.len() || trailing(o.ws[k].1) > 0;
    // the opening is capitalised: a verb, not an article or a pronoun
    if !capitalised(o.w(0)) {
        return None;
    }
    let mut k = 0;
    while k < 3 && !stop(k) && k + 1 < o.ws.len() && latin_adverb(lang, &lw(k)) {
        k += 1;
    }
    let reflexive =
        matches!(lang, Lang::Fr | Lang::Es) && matches!(lw(k).as_str(), "se" | "s’" | "s'");
    if reflexive && !stop(k) {
        k += 1;
    }
    let verb = lw(k);
    let verb = verb
        .strip_prefix("s’")
        .or_else(|| verb.strip_prefix("s'"))
        .unwrap_or(&verb);
    if !latin_third_person(lang, verb) {
        return None;
    }
    // a plural noun with its verb after it (`Sponsors are responsible`) is
    // the subject of a sentence, not the author's verb
    if latin_auxiliary(lang, &lw(k + 1)) {
        return None;
    }
    // what a verb of expressing or making takes (`Expresses its grave
    // concern`, `Fait siennes`): words up to a preposition, at most four
    let expressing = matches!(
        verb,
        "expresses" | "exprime" | "déclare" | "dit" | "fait" | "expresa" | "hace" | "declara"
    );
    if expressing && !stop(k) {
        return Some(latin_expressed(o, k));
    }
    Some(o.end(k))
}

/// An adverb before the verb (`Also`, `Strongly`, `Once again`, `De nouveau`).
fn latin_adverb(lang: Lang, x: &str) -> bool {
    repeat(lang, x)
        || matches!(
            x,
            "once"
                | "even"
                | "hereby"
                | "una"
                | "vez"
                | "más"
                | "de"
                | "nuevo"
                | "à"
                | "nouveau"
                | "outre"
                | "par"
                | "ailleurs"
        )
        || (x.ends_with("ly") && lang == Lang::En)
        || (x.ends_with("ment") && lang == Lang::Fr)
        || (x.ends_with("mente") && lang == Lang::Es)
}

/// `verb` (in lower case) has the shape of a verb in the third person
/// singular, and is none of the articles, pronouns and nouns that share it.
fn latin_third_person(lang: Lang, verb: &str) -> bool {
    let n = verb.chars().count();
    let not_verb: &[&str] = match lang {
        Lang::En => &[
            "this", "its", "his", "has", "was", "is", "thus", "as", "us", "plus",
        ],
        Lang::Fr => &[
            "le", "la", "les", "une", "de", "ce", "cette", "toute", "chaque", "entre", "elle",
            "que", "dont", "date", "note", "liste",
        ],
        Lang::Es => &[
            "la", "una", "esta", "esa", "cada", "toda", "entre", "ella", "que", "nota", "lista",
            "fecha", "sobre", "desde", "hasta", "para",
        ],
        _ => &[],
    };
    let inflected = match lang {
        Lang::En => verb.ends_with('s') && !verb.ends_with("ss") && !verb.ends_with("us") && n > 3,
        Lang::Fr => (verb.ends_with('e') || verb.ends_with('t') || verb.ends_with('d')) && n > 2,
        _ => (verb.ends_with('a') || verb.ends_with('e')) && n > 3,
    };
    inflected
        && !not_verb.contains(&verb)
        && !verb.contains(|c: char| c.is_ascii_digit() || c == '’' || c == '\'')
        && !verb.ends_with("tion")
        && !verb.ends_with("ción")
}

/// An auxiliary or modal verb (`are`, `sont`, `deben`).
fn latin_auxiliary(lang: Lang, w: &str) -> bool {
    let auxiliary: &[&str] = match lang {
        Lang::En => &[
            "are", "is", "were", "was", "shall", "will", "should", "may", "must", "can", "have",
            "has", "would", "could",
        ],
        Lang::Fr => &[
            "est", "sont", "doit", "doivent", "peut", "peuvent", "sera", "seront",
        ],
        _ => &[
            "es", "son", "debe", "deben", "puede", "pueden", "será", "serán",
        ],
    };
    auxiliary.contains(&w)
}

/// The end of what the verb of expressing at word `k` takes: the words after
/// it up to a preposition or punctuation, at most four.
fn latin_expressed(o: &Opening, k: usize) -> usize {
    let preposition: &[&str] = match o.lang {
        Lang::En => &[
            "at",
            "for",
            "to",
            "that",
            "about",
            "over",
            "regarding",
            "with",
            "on",
            "in",
            "of",
            "and",
            "the",
        ],
        Lang::Fr => &[
            "à", "au", "aux", "de", "du", "des", "que", "pour", "face", "devant", "sur", "et",
            "le", "la", "les", "qu’",
        ],
        _ => &[
            "a", "al", "de", "del", "por", "que", "ante", "con", "sobre", "y", "el", "la", "los",
            "las",
        ],
    };
    let mut end = o.end(k);
    let mut j = k + 1;
    while j < o.ws.len() && j <= k + 4 && !preposition.contains(&o.lw(j).as_str()) {
        let last = trailing(o.ws[j].1) > 0;
        end = o.end(j);
        j += 1;
        if last {
            break;
        }
    }
    end
}

/// Russian: adverbials (`вновь`, `с удовлетворением`, `самым решительным
/// образом`, `безоговорочно`), then a verb in the third person
/// (`учреждает`, `ссылается`), then `к сведению` or an attitude after it.
fn ru_operative(o: &Opening) -> Option<usize> {
    let lw = |k: usize| o.lw(k);
    let instrumental = |w: &str| {
        w.chars().count() > 5
            && ["ью", "ием", "нием", "ем", "ой"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    let mut k = 0;
    while k < 5 && k + 1 < o.ws.len() && !o.ws[k].1.ends_with(',') {
        let x = lw(k);
        if matches!(
            x.as_str(),
            "вновь" | "также" | "далее" | "еще" | "ещё" | "раз" | "вместе"
        ) || (x.ends_with('о') && x.chars().count() > 6)
            || x.ends_with("чески")
        {
            k += 1;
        } else if x == "с" && instrumental(&lw(k + 1)) {
            k += 2;
        } else if x == "самым" && lw(k + 2) == "образом" {
            k += 3;
        } else {
            break;
        }
    }
    let verb = lw(k);
    let third_person = verb.chars().count() > 4
        && ["ет", "ит", "ется", "ится", "ют", "ят"]
            .iter()
            .any(|e| verb.ends_with(e));
    if !third_person || o.ws[k].1.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut end = o.end(k);
    if !o.ws[k].1.ends_with(',') {
        let (a, b) = (lw(k + 1), lw(k + 2));
        if a == "к" && b == "сведению" || a == "с" && instrumental(&b) {
            end = o.end(k + 2);
        } else if verb == "выражает" && k + 1 < o.ws.len() {
            // what is expressed: `выражает удовлетворение`, `выражает свою
            // признательность`, `выражает серьезную обеспокоенность`
            // (a noun in `-ние`, `-тие` is what is expressed itself)
            let adjective = ["ую", "юю", "ою", "ое", "ее", "ие", "ые", "ои"]
                .iter()
                .any(|e| a.ends_with(e))
                && !a.ends_with("ние")
                && !a.ends_with("тие");
            end = if adjective && k + 2 < o.ws.len() && !o.ws[k + 1].1.ends_with(',') {
                o.end(k + 2)
            } else {
                o.end(k + 1)
            };
        }
    }
    Some(end)
}

/// Arabic: a verb in the imperfect (`تقر`, the Council's `يقرر`), its repeat
/// or manner adverbs (`أيضا`, `بقوة`), the verbal noun a verb of repeating
/// governs (`تعيد تأكيد`) and what a verb of expressing expresses (`تعرب عن
/// قلقها البالغ`).
fn ar_operative(o: &Opening, organ: Option<&str>) -> Option<usize> {
    let head = o.w(0);
    // the Assembly (`الجمعية`) is feminine, the councils (`المجلس`) masculine
    let prefixes: &[char] = match organ {
        Some("GA") => &['ت'],
        Some(_) => &['ي'],
        None => &['ت', 'ي'],
    };
    let letters: Vec<char> = head.chars().collect();
    let verb = head.starts_with(prefixes) && letters.len() >= 3
        // not the verbal noun `تفعيل` (`تعزيز`, `تيسير`), nor a verb with
        // the first person's `نا` (`يساورنا`: the text speaks for itself)
        && !(letters.len() == 5 && letters[0] == 'ت' && letters[3] == 'ي')
        && !head.ends_with("نا");
    if !verb || head.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let adverb =
        |w: &str| repeat(Lang::Ar, w) || matches!(w, "مجددا" | "بقوة" | "بشدة" | "مرة" | "أخرى");
    let clean = |k: usize| k < o.ws.len() && trailing(o.ws[k].1) == 0;
    let mut k = 0;
    while clean(k) && k + 1 < o.ws.len() && adverb(o.w(k + 1)) {
        k += 1;
    }
    if matches!(head, "تعيد" | "يعيد" | "تكرر" | "يكرر") && clean(k) && k + 1 < o.ws.len()
    {
        k += 1;
    } else if matches!(head, "تعرب" | "يعرب")
        && clean(k)
        && o.w(k + 1) == "عن"
        && k + 2 < o.ws.len()
    {
        k += 2;
        if clean(k) && o.w(k + 1).starts_with("ال") && k + 1 < o.ws.len() {
            k += 1;
        }
    }
    Some(o.end(k))
}
