//! The project's own records merged over the bundled catalogue.

use super::entry::{ActKind, Entry, Organ};
use super::query::{leading_number, natural_key};
use super::store::Catalogue;
use std::collections::HashMap;

/// What merging records over a catalogue did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    /// Acts the catalogue held, their fields updated from the records.
    pub updated: usize,
    /// Acts the catalogue did not hold.
    pub added: usize,
}

/// The key two sources share for one act: an SC resolution by its number alone (the
/// catalogue may not know its year), a GA act by its normalised number.
fn merge_key(e: &Entry) -> (ActKind, Organ, String) {
    let n = match e.organ {
        Organ::SC => leading_number(&e.number).map_or_else(|| e.number.clone(), |n| n.to_string()),
        Organ::GA => e.number.clone(),
    };
    (e.kind, e.organ, n)
}

/// `e` with the fields `r` (an act of the records) gives.
fn update_from(mut e: Entry, r: &Entry) -> Entry {
    if r.organ == Organ::SC {
        e.number = r.number.clone();
        e.symbol = r.symbol.clone();
        e.session = r.session.clone();
    }
    if r.date.is_some() {
        e.date = r.date.clone();
        e.date_source = r.date_source.clone();
        e.month = None;
    }
    if r.title.is_some() {
        e.title = r.title.clone();
        e.title_source = r.title_source.clone();
    }
    let take = |a: &mut Option<String>, b: &Option<String>| {
        if b.is_some() {
            *a = b.clone();
        }
    };
    take(&mut e.vote, &r.vote);
    take(&mut e.meeting, &r.meeting);
    take(&mut e.originating_document, &r.originating_document);
    take(&mut e.committee, &r.committee);
    e.sponsors_count = r.sponsors_count.or(e.sponsors_count);
    if !e.sources.iter().any(|s| s == "records") {
        e.sources.insert(0, "records".into());
    }
    e
}

/// One catalogue line (`grammar/CATALOGUE.md`); tabs and line breaks in a field become spaces.
fn tsv_line(e: &Entry, out: &mut String) {
    let o = |x: &Option<String>| x.clone().unwrap_or_default();
    let fields = [
        if e.kind == ActKind::Resolution {
            "R"
        } else {
            "D"
        }
        .to_string(),
        if e.organ == Organ::GA { "GA" } else { "SC" }.to_string(),
        e.session.clone(),
        e.number.clone(),
        e.symbol.clone(),
        o(&e.date),
        o(&e.month),
        o(&e.title),
        o(&e.title_source),
        o(&e.vote),
        e.sources.join(","),
        o(&e.date_source),
        o(&e.meeting),
        o(&e.originating_document),
        o(&e.committee),
        e.sponsors_count.map(|n| n.to_string()).unwrap_or_default(),
    ];
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(&f.replace(['\t', '\n', '\r'], " "));
    }
    out.push('\n');
}

impl Catalogue {
    /// This catalogue with `records` (acts of the Secretariat's records) merged over it: an
    /// act it holds takes every field the records give, with the records as its source; an
    /// act it lacks is added after the others, in number order.
    pub fn merged_with(&self, records: &[Entry]) -> Result<(Catalogue, Merged), String> {
        let mut by_key: HashMap<(ActKind, Organ, String), &Entry> = HashMap::new();
        for r in records {
            by_key.insert(merge_key(r), r);
        }
        let mut text = String::from("#unlsp-catalogue 2 (bundled, records merged)\n");
        let mut merged = Merged::default();
        for e in self.entries() {
            let e = match by_key.remove(&merge_key(&e)) {
                Some(r) => {
                    merged.updated += 1;
                    update_from(e, r)
                }
                None => e,
            };
            tsv_line(&e, &mut text);
        }
        let mut new: Vec<&Entry> = records
            .iter()
            .filter(|r| by_key.remove(&merge_key(r)).is_some())
            .collect();
        new.sort_by_key(|e| natural_key(&e.number));
        for e in new {
            merged.added += 1;
            tsv_line(e, &mut text);
        }
        Ok((Catalogue::from_tsv(&text)?, merged))
    }
}
