//! Time to read a PDF into text (`unlsp_formats::pdf::read`, the file's bytes
//! already in memory) on the corpus's longest UN PDFs (22 to 48 pages), and
//! per 30 pages. `cargo bench --bench pdf_read`.

use std::time::Instant;

fn main() {
    let Some(dir) = unlsp_corpus::shared("corpus/pdf") else {
        return;
    };
    let mut longest: Vec<(usize, String, Vec<u8>)> = Vec::new();
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".pdf") {
            continue;
        }
        let Ok(bytes) = std::fs::read(e.path()) else {
            continue;
        };
        if let Ok(t) = unlsp_formats::pdf::read(&bytes) {
            longest.push((t.pages, name, bytes));
        }
    }
    longest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    println!("PDF read (bytes in memory → paragraphs and footnotes), best and median of 7 runs");
    for (pages, name, bytes) in longest.iter().take(4) {
        let mut times: Vec<f64> = (0..7)
            .map(|_| {
                let t0 = Instant::now();
                let t = unlsp_formats::pdf::read(bytes).expect("read before");
                std::hint::black_box(t);
                t0.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "  {name}: {pages} pages, {} KB: best {:.1} ms, median {:.1} ms ({:.1} ms per 30 pages)",
            bytes.len() / 1024,
            times[0],
            times[3],
            times[3] * 30.0 / *pages as f64
        );
    }
}
