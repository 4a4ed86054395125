//! Reading a long Word document (prints figures; not a timed test).
//! `cargo bench --bench docx_read`.
//!
//! `tests/fixtures/docx/long.en.docx` is the Pact for the Future (A/RES/79/1)
//! as Pandoc writes it from the AKN text: about 27,000 words, some 54 pages
//! as the UN prints it. Read (unzip, XML, numbering, footnotes) and read
//! then parsed, the best of ten runs each. Target: well under a second.

use std::time::{Duration, Instant};

fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx/long.en.docx");
    let bytes = std::fs::read(&path).expect("tests/fixtures/docx/long.en.docx");
    let x = unlsp_formats::docx::read(bytes.clone()).expect("a readable .docx");
    let words = x.text.split_whitespace().count();
    // the UN's A4 page holds about 500 words of a resolution
    println!(
        "{}: {} KB, {} paragraphs, {} words (~{} pages), {} footnotes",
        path.file_name().unwrap().to_string_lossy(),
        bytes.len() / 1024,
        x.paragraphs.len(),
        words,
        words / 500,
        x.footnotes.len()
    );
    let read = best(10, || {
        let x = unlsp_formats::docx::read(bytes.clone()).unwrap();
        std::hint::black_box(x);
    });
    let parsed = best(10, || {
        let x = unlsp_formats::docx::read(bytes.clone()).unwrap();
        std::hint::black_box(unlsp_syntax::Document::new(&x.text));
    });
    let per_30 = read.as_secs_f64() * 30.0 * 500.0 / words.max(1) as f64;
    println!(
        "read: {:.1} ms ({:.1} ms per 30 pages); read and parsed: {:.1} ms",
        read.as_secs_f64() * 1e3,
        per_30 * 1e3,
        parsed.as_secs_f64() * 1e3
    );
}
