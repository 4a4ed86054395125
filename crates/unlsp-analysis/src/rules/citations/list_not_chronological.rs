//! UN043 `list-not-chronological`: Resolutions in a list are cited in chronological order.

use super::{act_lists, paren};
use crate::rules::shared::ga_parts;
use crate::{Ctx, Edit, RuleDef, Sink};
use unlsp_syntax::tree::Citation;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN043",
    name: "list-not-chronological",
    summary: "Resolutions in a list are cited in chronological order.",
    explanation: "By date when given, else by session and number; Security Council resolutions by number. Groups introduced by their own topic phrase (`关于…的 … 和关于…的`) are ordered within each group.",
    bad: "resolutions 71/45 of 5 December 2016, 70/54 of 7 December 2015 and 72/54 of 4 December 2017",
    good: "resolutions 70/54 of 7 December 2015, 71/45 of 5 December 2016 and 72/54 of 4 December 2017",
    check,
    ..RuleDef::DEFAULT
};

fn order_key(c: &Citation) -> Option<(i64, i64)> {
    if let Some(d) = c.date {
        return Some((
            d.year as i64 * 10000 + d.month as i64 * 100 + d.day as i64,
            0,
        ));
    }
    if let Some(p) = paren(&c.target)
        && p.len() == 4
    {
        let n: i64 = c
            .target
            .split(|ch: char| !ch.is_ascii_digit())
            .next()?
            .parse()
            .ok()?;
        return Some((p.parse::<i64>().ok()? * 10000, n));
    }
    let (a, b) = ga_parts(&c.target)?;
    if a >= 1946 {
        return Some((a as i64 * 10000, b as i64));
    }
    Some(((1945 + a as i64) * 10000 + 9000, b as i64))
}

fn check(cx: &Ctx, out: &mut Sink) {
    for l in act_lists(cx) {
        // newest first all along is a deliberate order: "the most recent of
        // which being 77/227, 76/180 …" (GA 78/219, 79/182, 80/221); two acts
        // with the one the paragraph is about first, "its resolutions 75/201 of
        // 21 December 2020 and 70/262 of 27 April 2016 on the review of the
        // United Nations peacebuilding architecture" (GA 78/277, 79/321),
        // "Security Council resolutions 2669 (2022) … and 2467 (2019)" (GA
        // 78/219, 79/182, 80/221)
        let keys: Vec<_> = l.iter().map(|c| order_key(c)).collect();
        if l.len() >= 2
            && keys.iter().all(Option::is_some)
            && keys.windows(2).all(|k| k[0] > k[1])
            && l.iter()
                .all(|c| c.organ == l[0].organ && c.kind == l[0].kind)
        {
            continue;
        }
        for w in l.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a.organ != b.organ || a.kind != b.kind {
                continue;
            }
            // the same session in the order of its numbers (194 (III) before
            // 212 (III), GA 78/73, 80/77): the order of the record, not an error
            if let (Some((sa, na)), Some((sb, nb))) =
                (session_number(&a.target), session_number(&b.target))
                && sa == sb
                && na < nb
            {
                continue;
            }
            // a topic phrase between two items starts a new group
            let between = &cx.text[a.range.end.min(b.range.start)..b.range.start];
            if between.contains("关于") || between.contains(" on ") {
                continue;
            }
            let (Some(ka), Some(kb)) = (order_key(a), order_key(b)) else {
                continue;
            };
            // mixing dated and undated items compares dates with sessions: only same-kind keys
            if (a.date.is_some()) != (b.date.is_some()) {
                continue;
            }
            if ka > kb {
                let fix = reorder(cx, &l);
                let diag = out
                    .emit(
                        b.range.clone(),
                        format!(
                            "{} is cited after {} but is older: list them in chronological order",
                            b.target, a.target
                        ),
                    )
                    .related(a.range.clone(), "later act cited first");
                if let Some(edits) = fix {
                    diag.fix("Put the list in chronological order", edits, false);
                }
                break;
            }
        }
    }
}

/// Session and number of a target: `61/100` → (`61`, 100), `194 (III)` →
/// (`III`, 194); `None` for other shapes (`2231 (2015)` is a year, not a session).
fn session_number(target: &str) -> Option<(&str, u32)> {
    if let Some((s, n)) = target.split_once('/') {
        let n = n
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()?;
        return Some((s, n));
    }
    let (n, rest) = target.split_once(" (")?;
    let session = rest.strip_suffix(')')?;
    session
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        .then(|| Some((session, n.parse().ok()?)))?
}

/// The edits that sort a list of citations: each item (number and its date,
/// `71/45 of 5 December 2016`, `2016 年 12 月 5 日第 71/45 号`) moves to the slot
/// of the item of its rank; separators stay. `None` when the list cannot be
/// sorted safely (mixed organs, kinds or dated and undated items, topic
/// groups, an item without an order).
fn reorder(cx: &Ctx, l: &[&Citation]) -> Option<Vec<Edit>> {
    let first = l.first()?;
    let dated = first.date.is_some();
    let mut items = Vec::new();
    for c in l {
        if c.organ != first.organ || c.kind != first.kind || c.date.is_some() != dated {
            return None;
        }
        let mut r = c.range.clone();
        if let Some(d) = &c.date_range {
            r = r.start.min(d.start)..r.end.max(d.end);
        }
        items.push((order_key(c)?, r));
    }
    for w in items.windows(2) {
        if w[0].1.end > w[1].1.start {
            return None;
        }
        let between = cx.text.get(w[0].1.end..w[1].1.start)?;
        if between.contains("关于") || between.contains(" on ") {
            return None;
        }
    }
    let mut sorted = items.clone();
    sorted.sort_by_key(|(k, _)| *k);
    let edits: Vec<Edit> = items
        .iter()
        .zip(&sorted)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(slot, item)| {
            Some(Edit {
                range: slot.1.clone(),
                text: cx.text.get(item.1.clone())?.to_string(),
            })
        })
        .collect::<Option<_>>()?;
    (!edits.is_empty()).then_some(edits)
}
