//! Acceptance figures of the parallel versions on the real text of `../shared` (skipped with a
//! note when it is absent):
//! (a) the lead phrases of the Chinese segments of the parallel corpus are
//!     classified (preambular, operative, none) like their English twins;
//! (b) the bilingual pages and seeds 000/001 (GA 62/57 in Chinese and English)
//!     agree on preambular and operative counts and cited resolutions.
//! Run with `--nocapture` to see the tables.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use unlsp_analysis::parallel::{self, DiffKind, Version, segment_class, split_bitext};
use unlsp_syntax::lexicon::LeadClass;
use unlsp_syntax::{Document, Lang};

fn shared() -> Option<PathBuf> {
    unlsp_corpus::shared("corpus").map(|_| unlsp_corpus::shared_root())
}

fn name(c: Option<LeadClass>) -> &'static str {
    match c {
        Some(LeadClass::Preambular) => "preambular",
        Some(LeadClass::Operative) => "operative",
        None => "none",
    }
}

/// Digit runs and Latin-script tokens (symbols, acronyms) of a segment: the
/// same in both languages when the segments are twins.
fn anchors(s: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut nums = BTreeSet::new();
    let mut latin = BTreeSet::new();
    for w in s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '.')) {
        let w = w.trim_matches('.');
        if w.is_empty() {
            continue;
        }
        if w.bytes().all(|b| b.is_ascii_digit()) {
            nums.insert(w.to_string());
        } else if w.contains('/') || (w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())) {
            latin.insert(w.to_string());
        }
    }
    (nums, latin)
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / a.union(b).count() as f64
}

/// The corpus pairs segments by position, and in places one side is shifted
/// (a Chinese resolution without its `The Economic and Social Council,`
/// line, a label `(a)` kept as its own English segment): realign the two
/// sequences by what does not depend on the language or on the lead (digits,
/// symbols, length), in a band of ±6 segments around the given pairing.
fn realign(en: &[&str], zh: &[&str]) -> Vec<(usize, usize)> {
    const W: i64 = 6;
    let len = |s: &str| s.chars().count().max(1) as f64;
    let mut ratios: Vec<f64> = en.iter().zip(zh).map(|(e, z)| len(e) / len(z)).collect();
    ratios.sort_by(f64::total_cmp);
    let k = ratios[ratios.len() / 2];
    let ae: Vec<_> = en.iter().map(|s| anchors(s)).collect();
    let az: Vec<_> = zh.iter().map(|s| anchors(s)).collect();
    let sim = |i: usize, j: usize| {
        let r = len(en[i]) / (len(zh[j]) * k);
        0.1 + 0.8 * r.min(1.0 / r) + jaccard(&ae[i].0, &az[j].0) + jaccard(&ae[i].1, &az[j].1)
    };
    let (n, m) = (en.len(), zh.len());
    let width = (2 * W + 1) as usize;
    // score[i][d]: best from (i, j = i + d - W) to the end
    let mut score = vec![vec![0.0f64; width]; n + 1];
    let get = |score: &Vec<Vec<f64>>, i: usize, j: i64| -> f64 {
        let d = j - i as i64 + W;
        if i > n || j < 0 || j as usize > m || !(0..width as i64).contains(&d) {
            f64::NEG_INFINITY
        } else if i == n || j as usize == m {
            0.0
        } else {
            score[i][d as usize]
        }
    };
    for i in (0..n).rev() {
        for d in 0..width {
            let j = i as i64 + d as i64 - W;
            if j < 0 || j as usize >= m {
                continue;
            }
            let take = sim(i, j as usize) + get(&score, i + 1, j + 1);
            let skip_e = get(&score, i + 1, j);
            let skip_z = get(&score, i, j + 1);
            score[i][d] = take.max(skip_e).max(skip_z);
        }
    }
    let (mut i, mut j) = (0usize, 0i64);
    let mut out = Vec::new();
    while i < n && (j as usize) < m {
        let here = get(&score, i, j);
        let take = sim(i, j as usize) + get(&score, i + 1, j + 1);
        if (here - take).abs() < 1e-9 {
            out.push((i, j as usize));
            i += 1;
            j += 1;
        } else if (here - get(&score, i + 1, j)).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[derive(Default)]
struct Agreement {
    table: BTreeMap<(&'static str, &'static str), usize>,
    pairs: usize,
    agree: usize,
    clauses: usize,
    agree_clauses: usize,
    disagreements: Vec<String>,
}

impl Agreement {
    fn add(&mut self, id: &str, en: &str, zh: &str) {
        let (ce, cz) = (segment_class(en, Lang::En), segment_class(zh, Lang::Zh));
        *self.table.entry((name(cz), name(ce))).or_default() += 1;
        self.pairs += 1;
        self.agree += usize::from(ce == cz);
        if ce.is_some() || cz.is_some() {
            self.clauses += 1;
            if ce == cz {
                self.agree_clauses += 1;
            } else {
                self.disagreements.push(format!(
                    "  {id} zh={} en={}: {} | {}",
                    name(cz),
                    name(ce),
                    zh.chars().take(30).collect::<String>(),
                    en.chars().take(60).collect::<String>()
                ));
            }
        }
    }

    fn print(&self, title: &str) -> f64 {
        let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
        println!("{title}: {} segment pairs", self.pairs);
        println!("  zh class     en class     pairs");
        for ((z, e), n) in &self.table {
            println!("  {z:<12} {e:<12} {n}");
        }
        println!(
            "  agreement, all pairs: {}/{} = {:.2}%",
            self.agree,
            self.pairs,
            pct(self.agree, self.pairs)
        );
        println!(
            "  agreement, pairs where either side opens with a lead: {}/{} = {:.2}%",
            self.agree_clauses,
            self.clauses,
            pct(self.agree_clauses, self.clauses)
        );
        println!("  disagreements:\n{}", self.disagreements.join("\n"));
        pct(self.agree_clauses, self.clauses)
    }
}

#[test]
fn chinese_segments_are_classified_like_their_english_twins() {
    let Some(sh) = shared() else {
        eprintln!("note: ../shared/corpus not found; skipped");
        return;
    };
    let path = sh.join("corpus/parallel/un-corpus-demo_corpus.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let data: Vec<(&str, &str, &str)> = json["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| Some((s["id"].as_str()?, s["en"].as_str()?, s["zh"].as_str()?)))
        .collect();
    let mut given = Agreement::default();
    for (id, en, zh) in &data {
        given.add(id, en, zh);
    }
    let as_given = given.print("en-zh parallel corpus, pairs as given");
    let en: Vec<&str> = data.iter().map(|d| d.1).collect();
    let zh: Vec<&str> = data.iter().map(|d| d.2).collect();
    let mut realigned = Agreement::default();
    let pairs = realign(&en, &zh);
    for &(i, j) in &pairs {
        let id = if i == j {
            data[i].0.to_string()
        } else {
            format!("en {} / zh {}", data[i].0, data[j].0)
        };
        realigned.add(&id, en[i], zh[j]);
    }
    let shifted = pairs.iter().filter(|(i, j)| i != j).count();
    let after = realigned.print(&format!(
        "en-zh parallel corpus, realigned ({shifted} pairs moved)"
    ));
    // the clause segments are real (SOURCES.md: ~180 of them)
    assert!(realigned.clauses >= 150, "{}", realigned.clauses);
    // the measure: the same class (none included) on ≥ 95% of pairs
    let all = |a: &Agreement| 100.0 * a.agree as f64 / a.pairs.max(1) as f64;
    assert!(all(&given) >= 95.0, "{:.2}%", all(&given));
    assert!(all(&realigned) >= 95.0, "{:.2}%", all(&realigned));
    // Among the pairs where a lead is seen, most disagreements are
    // translation structure (`鼓励各国…` for `States are encouraged to…`,
    // `在这方面回顾` for `Recalling, in that regard,`) and misaligned
    // segments: the floor below guards against regressions in the lexicon.
    assert!(
        after >= 70.0,
        "{after:.2}% of lead pairs agree (as given: {as_given:.2}%)"
    );
}

struct Row {
    what: String,
    lang: &'static str,
    pre: usize,
    op: usize,
    cited: Vec<String>,
}

fn row(what: &str, doc: &Document) -> Row {
    let (pre, op, _) = parallel::counts(doc.tree());
    Row {
        what: what.to_string(),
        lang: doc.lang().code(),
        pre,
        op,
        cited: parallel::cited_acts(doc.tree()).into_iter().collect(),
    }
}

fn print(rows: &[Row]) {
    println!(
        "  {:<48} {:<4} {:>10} {:>9}  cited resolutions",
        "version", "lang", "preambular", "operative"
    );
    for r in rows {
        println!(
            "  {:<48} {:<4} {:>10} {:>9}  {}",
            r.what,
            r.lang,
            r.pre,
            r.op,
            if r.cited.is_empty() {
                "-".to_string()
            } else {
                r.cited.join(", ")
            }
        );
    }
}

#[test]
fn bilingual_pages_and_seed_versions_agree() {
    let Some(sh) = shared() else {
        eprintln!("note: ../shared/corpus not found; skipped");
        return;
    };
    let mut bitexts: Vec<PathBuf> = Vec::new();
    for dir in std::fs::read_dir(sh.join("corpus/pages"))
        .unwrap()
        .flatten()
    {
        for f in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if f.file_name().to_string_lossy().contains(".bitext-en-") {
                bitexts.push(f.path());
            }
        }
    }
    bitexts.sort();
    assert!(bitexts.len() >= 2, "{bitexts:?}");
    let mut cases: Vec<(String, Document, Document)> = Vec::new();
    for p in &bitexts {
        let text = std::fs::read_to_string(p).unwrap();
        let other = unlsp::cli::parallel::bitext_lang(p).flatten();
        let [en, xx] = split_bitext(&text);
        let fname = p.file_name().unwrap().to_string_lossy().into_owned();
        cases.push((
            fname,
            Document::with_lang(&en.text, Some(Lang::En)),
            Document::with_lang(&xx.text, other),
        ));
    }
    let seed = |prefix: &str| {
        let dir = sh.join("seeds");
        let f = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .unwrap();
        Document::new(&std::fs::read_to_string(f.path()).unwrap())
    };
    cases.push((
        "seeds 001 (en) / 000 (zh), GA 62/57".into(),
        seed("001_"),
        seed("000_"),
    ));

    let mut by_lang: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
    let mut failures = Vec::new();
    for (what, en, xx) in &cases {
        let (re, rx) = (row(what, en), row(what, xx));
        let diffs = parallel::compare(&[
            Version {
                name: "en",
                text: en.text(),
                tree: en.tree(),
            },
            Version {
                name: rx.lang,
                text: xx.text(),
                tree: xx.tree(),
            },
        ]);
        let structural: Vec<String> = diffs
            .iter()
            .filter(|d| {
                matches!(
                    d.kind,
                    DiffKind::MissingParagraph | DiffKind::Citations | DiffKind::Class
                )
            })
            .map(|d| d.message.clone())
            .collect();
        println!("{what}: en vs {}", rx.lang);
        for d in &diffs {
            println!("  {} {}", d.kind.code(), d.message);
        }
        let agree = re.pre == rx.pre && re.op == rx.op && re.cited == rx.cited;
        // The en-ar page (UN gText alignment) is cut inside the English of
        // its third preambular paragraph, whose Arabic segment the page never
        // reached: the one difference it may show is that paragraph.
        let truncated = what.contains("bitext-en-ar")
            && structural == ["preambular paragraph 3: in en but missing in ar"]
            && re.pre == rx.pre + 1
            && re.op == rx.op
            && en.text().trim_end().ends_with("14 December 196");
        let fine = truncated || (agree && structural.is_empty());
        if !fine {
            failures.push(format!("{what}: {structural:?}"));
        }
        by_lang.entry(rx.lang).or_default().extend([re, rx]);
    }
    for (lang, rows) in &by_lang {
        println!("en-{lang}:");
        print(rows);
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // the seeds really are compared: 6 preambular, 13 operative, 61/100 cited
    let seeds = &by_lang["zh"];
    let s = seeds.iter().find(|r| r.what.starts_with("seeds")).unwrap();
    assert_eq!((s.pre, s.op), (6, 13));
    assert_eq!(s.cited, ["61/100"]);
}
