//! UN042 `same-act-different-dates`: One act is cited with one date throughout the document.

use super::{acts, catalogue_date, date_like};
use crate::{Ctx, Edit, Reach, RuleDef, Severity, Sink};
use std::collections::HashMap;
use unlsp_syntax::dates::Date;
use unlsp_syntax::tree::CitationKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN042",
    name: "same-act-different-dates",
    severity: Severity::Error,
    reach: Reach::Document,
    summary: "One act is cited with one date throughout the document.",
    explanation: "Two mentions of the same resolution with different dates: one of them is wrong.",
    bad: "resolution 61/100 of 6 December 2006 … resolution 61/100 of 8 December 2006",
    good: "resolution 61/100 of 6 December 2006 … resolution 61/100",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let mut first: HashMap<(String, CitationKind), (Date, std::ops::Range<usize>)> = HashMap::new();
    for c in acts(cx) {
        let (Some(d), Some(dr)) = (c.date, c.date_range.clone()) else {
            continue;
        };
        let key = (c.target.clone(), c.kind);
        match first.get(&key) {
            None => {
                first.insert(key, (d, dr));
            }
            Some((d0, r0)) if *d0 != d => {
                let (d0, r0) = (*d0, r0.clone());
                let diag = out
                    .emit(
                        dr.clone(),
                        format!(
                            "{} is dated {} here and {} earlier",
                            c.target,
                            d.iso(),
                            d0.iso()
                        ),
                    )
                    .related(r0.clone(), "earlier date");
                // the catalogue decides which mention is wrong; without it,
                // the earlier date is copied here
                let (right, wrong): (Date, Vec<std::ops::Range<usize>>) = match catalogue_date(c) {
                    Some(k) if k == d => (k, vec![r0]),
                    Some(k) if k == d0 => (k, vec![dr]),
                    Some(k) => (k, vec![r0, dr]),
                    None => (d0, vec![dr]),
                };
                let edits: Option<Vec<Edit>> = wrong
                    .into_iter()
                    .map(|r| {
                        let text = date_like(cx.lang, &cx.text[r.clone()], right)?;
                        Some(Edit { range: r, text })
                    })
                    .collect();
                if let Some(mut edits) = edits {
                    edits.sort_by_key(|e| e.range.start);
                    diag.fix(format!("Date every mention {}", right.iso()), edits, false);
                }
            }
            _ => {}
        }
    }
}
