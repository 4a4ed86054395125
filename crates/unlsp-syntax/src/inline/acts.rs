//! What the citation grammars of every language share: the organ a number's
//! shape implies, one date shared by the items of a list, the parts named
//! after a number.

use crate::dates::Date;
use crate::tree::Citation;

/// The number of a Security Council resolution carries its year: `1373 (2001)`.
pub(super) fn sc_shaped(target: &str) -> bool {
    organ_by_shape(target).as_deref() == Some("SC")
}

/// A General Assembly number `N/M` whose date lies outside session N (September
/// 1945 + N to the end of 1946 + N): the act is another body's.
pub(super) fn outside_ga_session(target: &str, date: Option<Date>) -> bool {
    let Some(d) = date else { return false };
    let Some((s, _)) = target.split_once('/') else {
        return false;
    };
    match s.parse::<i32>() {
        Ok(n) if (1..200).contains(&n) => d.year < 1945 + n || d.year > 1946 + n,
        _ => false,
    }
}

/// Organ implied by the shape of the number when the text names none.
pub(super) fn organ_by_shape(target: &str) -> Option<String> {
    if target.ends_with(')')
        && target[target.rfind('(').unwrap_or(0) + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        Some("SC".into())
    } else if let Some((s, _)) = target.split_once('/') {
        match s.parse::<u32>() {
            Ok(y) if y >= 1946 => Some("ECOSOC".into()),
            _ => Some("GA".into()),
        }
    } else if target.contains('(') {
        Some("GA".into())
    } else {
        None
    }
}

/// The word of `words` that opens `s` (`par. 33`, `para.`, `sect. III`): an
/// abbreviation, or a whole word.
pub(super) fn pinpoint_word<'w>(s: &str, words: &'w [String]) -> Option<&'w String> {
    words.iter().find(|w| {
        s.starts_with(w.as_str())
            && (w.ends_with('.') || !s[w.len()..].starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// The parts of an act named after its number, each after a comma or a
/// semicolon (`, sect. III, para. 12` in `55/222, sect. III, para. 12; 56/64
/// B`): their length in `s`, up to the separator that follows the last. A
/// part is a word of `words` and a short label (`III`, `61–76`, `61 à 76`)
/// that holds no `/`; a part not followed by a separator is not counted.
pub(super) fn pinpoints_len(s: &str, words: &[String]) -> usize {
    const SEPARATORS: [char; 4] = [',', ';', '،', '؛'];
    let mut len = 0;
    loop {
        let rest = &s[len..];
        let t = rest.trim_start();
        let Some(sep) = t.chars().next().filter(|c| SEPARATORS.contains(c)) else {
            return len;
        };
        let after = t[sep.len_utf8()..].trim_start();
        let Some(word) = pinpoint_word(after, words) else {
            return len;
        };
        let label = &after[word.len()..];
        let Some(end) = label.find(SEPARATORS) else {
            return len;
        };
        if label[..end].contains('/') || label[..end].chars().count() > 24 {
            return len;
        }
        len = s.len() - label.len() + label[..end].trim_end().len();
    }
}

pub(super) fn alternation(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    w.sort_by_key(|x| std::cmp::Reverse(x.len())); // longest first
    w.iter()
        .map(|x| regex::escape(x).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// One date for a list applies to every item of that session
/// (`resolutions 62/57 and 62/58 of 5 December 2007`) when it is the only date
/// and the last; inside a longer list, to the undated items of that session
/// before it when it is joined to them by `and` (`…, 67/1 of 19 September 2012,
/// 69/193 and 69/196 of 18 December 2014`, `78/19, 78/20 and 78/21 of 4 December
/// 2023`), not when the dated item follows a comma (`70/1, 70/299 of 29 July
/// 2016`: 70/1 is of 2015). `joins[i]`: item i and item i + 1 are joined by `and`.
pub(super) fn apply_shared_date(items: &mut [Citation], joins: &[bool]) {
    let session = |t: &str| t.split_once('/').map(|(s, _)| s.to_string());
    let dated: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].date.is_some())
        .collect();
    if dated.len() == 1 && dated[0] == items.len() - 1 && items.len() > 1 {
        let last = items[items.len() - 1].clone();
        for it in items.iter_mut() {
            if it.date.is_none()
                && session(&it.target).is_some()
                && session(&it.target) == session(&last.target)
            {
                it.date = last.date;
                it.date_range = last.date_range.clone();
            }
        }
        return;
    }
    for j in (1..items.len()).rev() {
        if items[j].date.is_none() || !joins.get(j - 1).copied().unwrap_or(false) {
            continue;
        }
        let (d, r, sess) = (
            items[j].date,
            items[j].date_range.clone(),
            session(&items[j].target),
        );
        for i in (0..j).rev() {
            if items[i].date.is_some() || sess.is_none() || session(&items[i].target) != sess {
                break;
            }
            items[i].date = d;
            items[i].date_range = r.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pinpoints_len;
    use crate::lang::Lang;

    /// The parts after a number, as the corpus writes them (A/RES/79/117,
    /// footnote 28, in four languages).
    #[test]
    fn the_parts_named_after_a_number_are_skipped_up_to_the_next_separator() {
        let cases = [
            (
                Lang::En,
                ", sect. III, para. 12; 56/64 B",
                ", sect. III, para. 12",
            ),
            (
                Lang::Fr,
                ", sect. V, par. 61 à 76 ; 59/126 B",
                ", sect. V, par. 61 à 76",
            ),
            (
                Lang::Ru,
                ", разд. V, пп. 61–76; 59/126 B",
                ", разд. V, пп. 61–76",
            ),
            (
                Lang::Ar,
                "، الجزء الثالث، الفقرة 12؛ و 56/64",
                "، الجزء الثالث، الفقرة 12",
            ),
            // a part that ends the text, or a word that is no part, is not skipped
            (Lang::En, ", para. 3.", ""),
            (Lang::En, ", particularly 56/64,", ""),
            (Lang::En, " of 5 December 2007, and 62/58", ""),
        ];
        for (lang, text, skipped) in cases {
            let n = pinpoints_len(text, &lang.table().pinpoint_words);
            assert_eq!(&text[..n], skipped, "{text}");
        }
    }
}
