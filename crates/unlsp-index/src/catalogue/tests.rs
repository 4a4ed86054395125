use super::query::leading_number;
use super::store::DATA;
use super::*;

fn ga(n: &str) -> &'static Entry {
    catalogue()
        .lookup(ActKind::Resolution, Organ::GA, n)
        .unwrap_or_else(|| panic!("{n} not in catalogue"))
}

#[test]
fn loads_and_is_small() {
    let c = catalogue();
    assert!(c.len() > 10_000, "{}", c.len());
    assert!(embedded_size() < 1_000_000);
    // every SC resolution of the record table 1..2722 is there
    assert!((1..=2722).all(|n| c.sc(n).is_some()));
}

#[test]
fn ga_pre_1976_from_citations() {
    let e = ga("1514 (XV)");
    assert_eq!(e.date.as_deref(), Some("1960-12-14"));
    assert_eq!(e.symbol, "A/RES/1514 (XV)");
    assert_eq!(e.session, "15");
    assert!(e.sources.iter().any(|s| s.starts_with("citations(")));
    assert_eq!(ga("1514(XV)").number, "1514 (XV)");
    assert_eq!(ga("1541 (XV)").date.as_deref(), Some("1960-12-15"));
    assert_eq!(ga("2625 (XXV)").date.as_deref(), Some("1970-10-24"));
    assert_eq!(ga("217 A (III)").number, "217 A (III)");
}

#[test]
fn ga_roll_calls() {
    // month only before session 58 (the roll-call day of month is unreliable there)
    let e = ga("3379 (XXX)");
    assert_eq!(e.date, None);
    assert_eq!(e.month.as_deref(), Some("1975-11"));
    assert_eq!(e.vote.as_deref(), Some("recorded vote"));
    assert_eq!(e.title_source.as_deref(), Some("roll-calls"));
    assert!(!e.title_is_official());
    // full date from session 58 on
    let e = ga("74/56");
    assert_eq!(e.date.as_deref(), Some("2019-12-12"));
    assert!(e.sources.iter().any(|s| s == "roll-calls"));
    assert_eq!(ga("ES-10/19").date.as_deref(), Some("2017-12-21"));
}

#[test]
fn ga_session_79_text() {
    let e = ga("79/100");
    assert_eq!(e.date.as_deref(), Some("2024-12-04"));
    assert_eq!(e.title.as_deref(), Some("Question of Anguilla"));
    assert_eq!(e.symbol, "A/RES/79/100");
    assert!(e.title_is_official());
    assert_eq!(e.undocs_url(), "https://undocs.org/A/RES/79/100");
    assert_eq!(ga("78/1").date.as_deref().map(|d| &d[..4]), Some("2023"));
}

#[test]
fn composite_numbers() {
    let e = ga("56/24 V");
    assert_eq!(e.symbol, "A/RES/56/24 V");
    assert_eq!(ga("56/24V").number, "56/24 V");
}

#[test]
fn decisions() {
    let c = catalogue();
    let e = c.lookup(ActKind::Decision, Organ::GA, "71/401").unwrap();
    assert_eq!(e.date.as_deref(), Some("2016-09-13"));
    assert_eq!(e.symbol, "A/DEC/71/401");
    assert_eq!(
        e.title.as_deref(),
        Some("Appointment of the members of the Credentials Committee")
    );
    // part of an "A and B" decision: date from citations
    let e = c.lookup(ActKind::Decision, Organ::GA, "74/537 B").unwrap();
    assert_eq!(e.date.as_deref(), Some("2020-08-11"));
    // cited, never with a date: known, date not known
    let e = c.find("decision 60/519").unwrap();
    assert_eq!(e.kind, ActKind::Decision);
    assert_eq!(e.date, None);
    assert_eq!(c.find("60/519").unwrap().symbol, "A/DEC/60/519");
}

#[test]
fn security_council() {
    let c = catalogue();
    let e = c
        .lookup(ActKind::Resolution, Organ::SC, "1445 (2002)")
        .unwrap();
    assert_eq!(e.date.as_deref(), Some("2002-12-04"));
    assert_eq!(e.symbol, "S/RES/1445 (2002)");
    assert_eq!(e.year(), Some(2002));
    let e = c
        .lookup(ActKind::Resolution, Organ::SC, "1 (1946)")
        .unwrap();
    assert_eq!(e.date.as_deref(), Some("1946-01-25"));
    // year known, date not (after 1454 no text)
    let e = c.find("S/RES/2231 (2015)").unwrap();
    assert_eq!(e.number, "2231 (2015)");
    // a wrong year does not resolve, the number alone does
    assert!(
        c.lookup(ActKind::Resolution, Organ::SC, "1445 (2003)")
            .is_none()
    );
    assert_eq!(c.sc(1445).unwrap().number, "1445 (2002)");
    assert!(c.by_session("2002").any(|e| e.number == "1445 (2002)"));
}

#[test]
fn numbers_by_prefix() {
    let c = catalogue();
    let s79: Vec<Entry> = c.numbers_starting_with("79/1").collect();
    assert!(s79.iter().any(|e| e.number == "79/1"));
    assert!(s79.iter().any(|e| e.number == "79/199"));
    assert!(s79.iter().all(|e| e.number.starts_with("79/1")));
    assert!(
        c.numbers_starting_with("2721")
            .any(|e| e.number == "2721 (2023)")
    );
    assert_eq!(c.numbers_starting_with("nonsense").count(), 0);
}

#[test]
fn sessions() {
    let c = catalogue();
    let s79: Vec<_> = c
        .by_session("79")
        .filter(|e| e.kind == ActKind::Resolution)
        .collect();
    assert!(s79.len() >= 331);
    // number order
    let pos = |n: &str| s79.iter().position(|e| e.number == n).unwrap();
    assert!(pos("79/2") < pos("79/10") && pos("79/10") < pos("79/100"));
    assert!(c.by_session("XV").any(|e| e.number == "1514 (XV)"));
    assert!(c.by_session("61/").count() > 100);
    assert!(c.by_session("ES-10").any(|e| e.number == "ES-10/19"));
    assert_eq!(c.by_session("nonsense").count(), 0);
}

/// Every row of the TSV, read naively, is the entry the compact form gives
/// back, and every lookup path reaches it.
#[test]
fn compact_form_gives_back_every_row() {
    let raw = gunzip(DATA).unwrap();
    let text = std::str::from_utf8(&raw).unwrap();
    let c = catalogue();
    let rows: Vec<&str> = text.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), c.len());
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    for (row, e) in rows.iter().zip(c.entries()) {
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(
            f[0],
            if e.kind == ActKind::Resolution {
                "R"
            } else {
                "D"
            }
        );
        assert_eq!(f[1], if e.organ == Organ::GA { "GA" } else { "SC" });
        assert_eq!((f[2], f[3], f[4]), (&*e.session, &*e.number, &*e.symbol));
        assert_eq!((some(f[5]), some(f[6])), (e.date.clone(), e.month.clone()));
        assert_eq!(
            (some(f[7]), some(f[8])),
            (e.title.clone(), e.title_source.clone())
        );
        assert_eq!(some(f[9]), e.vote);
        assert_eq!(f[10], e.sources.join(","));
        assert_eq!(
            (some(f[11]), some(f[12]), some(f[13]), some(f[14])),
            (
                e.date_source.clone(),
                e.meeting.clone(),
                e.originating_document.clone(),
                e.committee.clone()
            )
        );
        assert_eq!(some(f[15]), e.sponsors_count.map(|n| n.to_string()));
        let found = match e.organ {
            Organ::SC => c.sc(leading_number(&e.number).unwrap()),
            Organ::GA => c.lookup(e.kind, e.organ, &e.number),
        };
        assert_eq!(found, Some(&e), "{row}");
        if !e.session.is_empty() {
            assert!(c.by_session(&e.session).any(|x| *x == e), "{row}");
        }
    }
    // a symbol that is not prefix + number is kept as written
    let t = "#unlsp-catalogue 2\nR\tGA\t61\t61/100\tA/RES/61/100/Rev.1\t\t\t\t\t\t\t\t\t\t\t\n";
    let c = Catalogue::from_tsv(t).unwrap();
    let e = c.lookup(ActKind::Resolution, Organ::GA, "61/100").unwrap();
    assert_eq!(e.symbol, "A/RES/61/100/Rev.1");
    assert_eq!(
        (e.date.as_deref(), e.title.as_deref(), e.sources.len()),
        (None, None, 0)
    );
    assert!(Catalogue::from_tsv("#unlsp-catalogue 2\nR\tGA\t61\n").is_err());
}

/// Facts from the Secretariat's records (`catalog/akn-data-extract`), each with its source.
#[test]
fn records() {
    let e = ga("79/1");
    assert_eq!(e.title.as_deref(), Some("The Pact for the Future"));
    assert_eq!(e.title_source.as_deref(), Some("records"));
    assert_eq!(
        (e.date.as_deref(), e.date_source.as_deref()),
        (Some("2024-09-22"), Some("records"))
    );
    assert_eq!(e.meeting.as_deref(), Some("3rd plenary meeting"));
    assert_eq!(e.originating_document.as_deref(), Some("A/79/L.2"));
    assert_eq!(
        e.committee.as_deref(),
        Some("Without reference to a Main Committee")
    );
    assert_eq!(e.vote().map(|v| v.kind), Some("without a vote"));
    assert!(e.date_is_authoritative());
    // once missing: numbers of sessions 74 and 76, untitled 77/5
    for n in ["74/5", "76/2", "77/5", "80/255"] {
        let e = ga(n);
        assert!(e.title.is_some() && e.date.is_some(), "{n}");
    }
    // GA_79 gives 79/263 twice (one row with the additional sponsors): merged
    assert_eq!(ga("79/263").sponsors_count, Some(23));
    let c = catalogue();
    let sc = c.find("S/RES/1455 (2003)").unwrap();
    assert_eq!(sc.date.as_deref(), Some("2003-01-17"));
    assert_eq!(sc.meeting.as_deref(), Some("4686th meeting"));
    assert_eq!(sc.originating_document.as_deref(), Some("S/2003/48"));
    assert_eq!(sc.title_source.as_deref(), Some("records(descriptor)"));
    assert!(
        sc.title
            .as_deref()
            .unwrap()
            .starts_with("improving implementation")
    );
    let v = c.find("S/RES/2724 (2024)").unwrap().vote().unwrap();
    assert_eq!(
        (v.kind, v.yes, v.no, v.abstain),
        ("adopted", Some(14), Some(0), Some(1))
    );
    assert!(c.find("S/RES/2100 (2013)").unwrap().title.is_some());
}

#[test]
fn parse_queries() {
    use ActKind::*;
    use Organ::*;
    let p = |q| Catalogue::parse_query(q);
    assert_eq!(p("61/100"), Some((Resolution, GA, "61/100".into())));
    assert_eq!(p("1514 (XV)"), Some((Resolution, GA, "1514 (XV)".into())));
    assert_eq!(p("1514(XV)"), Some((Resolution, GA, "1514 (XV)".into())));
    assert_eq!(p("decision 60/519"), Some((Decision, GA, "60/519".into())));
    assert_eq!(
        p("S/RES/2231 (2015)"),
        Some((Resolution, SC, "2231 (2015)".into()))
    );
    assert_eq!(p("A/RES/61/100"), Some((Resolution, GA, "61/100".into())));
    assert_eq!(
        p("2231 (2015)"),
        Some((Resolution, SC, "2231 (2015)".into()))
    );
    assert_eq!(
        p("2231(2015)"),
        Some((Resolution, SC, "2231 (2015)".into()))
    );
    assert_eq!(p("A/DEC/60/519"), Some((Decision, GA, "60/519".into())));
    assert_eq!(
        p("resolution ES-10/19"),
        Some((Resolution, GA, "ES-10/19".into()))
    );
    assert_eq!(
        p("General Assembly resolution 56/24 V"),
        Some((Resolution, GA, "56/24 V".into()))
    );
    assert_eq!(
        p("217 A (III)"),
        Some((Resolution, GA, "217 A (III)".into()))
    );
    assert_eq!(
        p("3201 (S-VI)"),
        Some((Resolution, GA, "3201 (S-VI)".into()))
    );
    assert_eq!(
        p("Security Council resolution 2231"),
        Some((Resolution, SC, "2231".into()))
    );
    assert_eq!(
        p("A/RES/1514 (XV)"),
        Some((Resolution, GA, "1514 (XV)".into()))
    );
    assert_eq!(p("hello"), None);
    assert_eq!(p("61/"), None);
    assert_eq!(p(""), None);
}

#[test]
fn lookup_is_fast() {
    let c = catalogue();
    let qs = ["79/100", "1514 (XV)", "74/56", "56/24 V", "ES-10/19"];
    let n = 200_000;
    let t = std::time::Instant::now();
    let mut hits = 0;
    for i in 0..n {
        if c.lookup(ActKind::Resolution, Organ::GA, qs[i % qs.len()])
            .is_some()
        {
            hits += 1;
        }
        if c.lookup(ActKind::Resolution, Organ::SC, "1445 (2002)")
            .is_some()
        {
            hits += 1;
        }
    }
    let per = t.elapsed().as_nanos() as f64 / (2 * n) as f64;
    assert_eq!(hits, 2 * n);
    eprintln!("catalogue lookup: {per:.0} ns");
    // under 1 µs in release; generous bound for unoptimised test builds
    assert!(per < 10_000.0, "{per} ns per lookup");
}
