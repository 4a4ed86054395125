//! The PDF reader measured on the UN's own PDFs (`../shared/corpus/pdf/`):
//! for the resolutions with an AKN, the preambular, operative and footnote
//! counts of the text read against the markup's; for the others, the
//! outline against the outline of the other extraction
//! (`corpus/texts/en/`); for all, the words against that extraction's in
//! order; the time to read each. Drafts (the half tuned on) and
//! resolutions (measured) apart.
//!
//! ```text
//! cargo run --profile fast --bin pdf-report            # figures
//! cargo run --profile fast --bin pdf-report -- --list  # one line per PDF
//! cargo run --profile fast --bin pdf-report -- --show A_RES_80_25  # the text read, the outlines apart
//! ```

use std::path::Path;
use std::time::Instant;
use unlsp::conformance::{akn, extraction, score};
use unlsp_analysis::Config;

#[derive(Default)]
struct Half {
    files: usize,
    errors: Vec<String>,
    akn: usize,
    akn_ok: [usize; 3],
    akn_all: usize,
    /// The other extraction scored against the AKN the same way.
    akn_theirs_all: usize,
    /// Every lead the AKN marks: (scored, read exactly), ours and theirs.
    leads: (usize, usize, usize),
    outline: usize,
    outline_ok: usize,
    words: extraction::WordAgreement,
    words_99: usize,
    worst: Vec<(f64, String)>,
    millis: Vec<f64>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let list = args.iter().any(|a| a == "--list");
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1));
    let Some(pdfs) = unlsp_corpus::shared("corpus/pdf") else {
        return;
    };
    let root = unlsp_corpus::shared_root().join("corpus");
    let mut names: Vec<String> = std::fs::read_dir(&pdfs)
        .map(|rd| {
            rd.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".pdf"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let cfg = Config::default();
    let (mut drafts, mut resolutions) = (Half::default(), Half::default());
    if let Some(stem) = show {
        return show_one(&pdfs, stem, &root);
    }
    for name in &names {
        let stem = name.trim_end_matches(".pdf");
        let half = if stem.starts_with("A_RES_") {
            &mut resolutions
        } else {
            &mut drafts
        };
        one(&pdfs.join(name), stem, &root, &cfg, half, list);
    }
    println!("PDF in: {} files", names.len());
    print("drafts (tuned on)", &drafts);
    print("resolutions (measured)", &resolutions);
}

fn one(path: &Path, stem: &str, root: &Path, cfg: &Config, h: &mut Half, list: bool) {
    h.files += 1;
    let bytes = std::fs::read(path).unwrap_or_default();
    let t0 = Instant::now();
    let read = unlsp_formats::pdf::read(&bytes);
    h.millis.push(t0.elapsed().as_secs_f64() * 1000.0);
    let text = match read {
        Ok(t) => t.extracted().text,
        Err(e) => {
            h.errors.push(format!("{stem}: {e}"));
            return;
        }
    };
    let theirs =
        std::fs::read_to_string(root.join(format!("texts/en/{stem}.txt"))).unwrap_or_default();
    let mut line = stem.to_string();
    let gold = root.join(format!("akn/ga/en/{stem}.xml.gz"));
    if gold.exists()
        && let Ok(g) = akn::read_gz(&gold)
    {
        h.akn += 1;
        let o = score::score(&g, &text, cfg);
        let idx = [2, 3, 5];
        for (k, &i) in idx.iter().enumerate() {
            h.akn_ok[k] += o.ok[i] as usize;
        }
        let all = idx.iter().all(|&i| o.ok[i]);
        h.akn_all += all as usize;
        h.leads.0 += o.leads.0;
        h.leads.1 += o.leads.1;
        let ot = score::score(&g, &theirs, cfg);
        h.akn_theirs_all += idx.iter().all(|&i| ot.ok[i]) as usize;
        h.leads.2 += ot.leads.1;
        let seen: Vec<String> = idx
            .iter()
            .map(|&i| format!("{}/{}", o.seen[i].1, o.seen[i].0))
            .collect();
        let theirs_seen: Vec<&str> = idx.iter().map(|&i| ot.seen[i].1.as_str()).collect();
        line.push_str(&format!(
            " akn {} pre,op,fn {} (the other extraction {}) leads {}/{}",
            if all { "ok" } else { "MISS" },
            seen.join(","),
            theirs_seen.join(","),
            o.leads.1,
            o.leads.0
        ));
    } else {
        h.outline += 1;
        let (a, b) = (
            extraction::outline_key(&text),
            extraction::outline_key(&theirs),
        );
        let ok = a == b;
        h.outline_ok += ok as usize;
        line.push_str(&format!(
            " outline {} ({} vs {} nodes)",
            if ok { "ok" } else { "MISS" },
            a.len(),
            b.len()
        ));
    }
    let w = extraction::word_agreement(&text, &theirs);
    h.words.add(&w);
    h.words_99 += (w.rate() >= 0.99) as usize;
    h.worst.push((w.rate(), stem.to_string()));
    line.push_str(&format!(
        " words {:.2}% (+{} -{})",
        100.0 * w.rate(),
        w.ours,
        w.theirs
    ));
    if list {
        println!("{line}");
    }
}

fn print(name: &str, h: &Half) {
    let mut ms = h.millis.clone();
    ms.sort_by(f64::total_cmp);
    let mut worst = h.worst.clone();
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("\n{name}: {} PDFs, {} unreadable", h.files, h.errors.len());
    for e in &h.errors {
        println!("  error {e}");
    }
    if h.akn > 0 {
        println!(
            "  with AKN: {} — preambular {}/{}, operative {}/{}, footnotes {}/{}, all three {}/{} (the other extraction: {}/{})",
            h.akn,
            h.akn_ok[0],
            h.akn,
            h.akn_ok[1],
            h.akn,
            h.akn_ok[2],
            h.akn,
            h.akn_all,
            h.akn,
            h.akn_theirs_all,
            h.akn
        );
    }
    if h.leads.0 > 0 {
        println!(
            "  leads the AKN marks read exactly: {}/{} (the other extraction: {})",
            h.leads.1, h.leads.0, h.leads.2
        );
    }
    if h.outline > 0 {
        println!(
            "  outline equal to the other extraction's: {}/{}",
            h.outline_ok, h.outline
        );
    }
    println!(
        "  words in order: {:.3}% agree (ours only {}, theirs only {}, both {}); {}/{} files ≥ 99%",
        100.0 * h.words.rate(),
        h.words.ours,
        h.words.theirs,
        h.words.same,
        h.words_99,
        h.files - h.errors.len()
    );
    let few: Vec<String> = worst
        .iter()
        .take(5)
        .map(|(r, n)| format!("{n} {:.2}%", 100.0 * r))
        .collect();
    println!("  lowest: {}", few.join(", "));
    if !ms.is_empty() {
        println!(
            "  read time: median {:.1} ms, max {:.1} ms",
            ms[ms.len() / 2],
            ms[ms.len() - 1]
        );
    }
}

/// The text read from one PDF, then the outline nodes where it and the
/// other extraction's differ.
fn show_one(pdfs: &Path, stem: &str, root: &Path) {
    let bytes = std::fs::read(pdfs.join(format!("{stem}.pdf"))).unwrap_or_default();
    let text = match unlsp_formats::pdf::read(&bytes) {
        Ok(t) => t.extracted().text,
        Err(e) => return println!("error: {e}"),
    };
    println!("{text}");
    let theirs =
        std::fs::read_to_string(root.join(format!("texts/en/{stem}.txt"))).unwrap_or_default();
    let (a, b) = (
        extraction::outline_key(&text),
        extraction::outline_key(&theirs),
    );
    for d in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        if let similar::DiffOp::Equal { .. } = d {
            continue;
        }
        let (o, n) = (d.old_range(), d.new_range());
        println!("ours {:?} theirs {:?}", &a[o], &b[n]);
    }
    for d in extraction::word_differences(&text, &theirs) {
        println!("words {d}");
    }
}
