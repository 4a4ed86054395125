//! The bundled catalogue: its size in the binary and load time, how many acts
//! of the sessions and years the Secretariat's records cover it answers with
//! a title and a date, and how long a lookup takes once it is loaded.
//!
//! `cargo bench --bench catalogue` (figures only; no target is asserted here).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;
use unlsp_index::catalogue::{self, ActKind, Organ};

fn main() {
    let t = Instant::now();
    let c = catalogue::bundled();
    let load = t.elapsed();
    println!(
        "catalogue: {} entries, {:.1} KB in the binary, loaded in {:.1} ms",
        c.len(),
        catalogue::embedded_size() as f64 / 1024.0,
        load.as_secs_f64() * 1e3
    );
    // coverage: GA sessions 74–80, SC 2000–2026
    let mut rows: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut queries = Vec::new();
    for e in c.entries() {
        let wanted = match e.organ {
            Organ::GA => {
                e.kind == ActKind::Resolution && ("74"..="80").contains(&e.session.as_str())
            }
            Organ::SC => ("2000"..="2026").contains(&e.session.as_str()),
        };
        if !wanted || e.session.len() > 4 {
            continue;
        }
        let row = rows
            .entry(format!("{:?} {}", e.organ, e.session))
            .or_default();
        row.0 += 1;
        row.1 += usize::from(e.title.is_some() && e.date.is_some());
        queries.push((e.organ, e.number.clone(), e.symbol.clone()));
    }
    let (all, answered) = rows.values().fold((0, 0), |(a, b), r| (a + r.0, b + r.1));
    println!("GA 74–80 and SC 2000–2026: {answered} of {all} acts with title and date");
    for (k, (n, ok)) in &rows {
        if n != ok {
            println!("  {k}: {ok} of {n}");
        }
    }
    // lookups once loaded: by number (what a citation check asks) and by
    // symbol as a user types it (`unlsp lookup`)
    let rounds = 50;
    let time = |find: &dyn Fn(&(Organ, String, String)) -> bool| {
        let t = Instant::now();
        let mut hits = 0usize;
        for _ in 0..rounds {
            hits += queries.iter().filter(|q| find(black_box(q))).count();
        }
        let ns = t.elapsed().as_secs_f64() * 1e9 / (rounds * queries.len()) as f64;
        (ns, hits / rounds)
    };
    let (by_number, found_n) =
        time(&|(organ, number, _)| c.lookup(ActKind::Resolution, *organ, number).is_some());
    let (by_symbol, found_s) = time(&|(_, _, symbol)| c.find(symbol).is_some());
    let n = queries.len();
    println!(
        "lookup after load: {by_number:.0} ns by number ({found_n} of {n} found), \
         {by_symbol:.0} ns by symbol ({found_s} of {n} found)"
    );
}
