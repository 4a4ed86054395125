//! PDF in: a sample of the UN's own PDFs (`../shared/corpus/pdf/`) read and
//! parsed as the CLI does, against the AKN's counts and the other
//! extraction's outline and words; bad input refused with a message naming
//! the problem, never a panic; the CLI reads a PDF named on the command
//! line and never one found in a folder. The full sweep is
//! `src/bin/pdf-report.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;
use unlsp::conformance::{akn, extraction, score};
use unlsp_formats::pdf::{self, PdfError};

/// Resolutions with an AKN (tagged, footnotes, a long one, a table-free short one).
const WITH_AKN: [&str; 4] = [
    "A_RES_79_117",
    "A_RES_79_263",
    "A_RES_80_180",
    "A_RES_80_25",
];
/// Drafts: a Third Committee draft with a sponsors' note, an amendment, a
/// Second Committee draft.
const DRAFTS: [&str; 3] = ["A_C.3_80_L.25", "A_80_L.32", "A_C.2_80_L.17"];

fn corpus() -> Option<PathBuf> {
    unlsp_corpus::shared("corpus")
}

fn pdf_bytes(root: &Path, stem: &str) -> Vec<u8> {
    std::fs::read(root.join(format!("pdf/{stem}.pdf"))).expect("the PDF is in the corpus")
}

fn read(root: &Path, stem: &str) -> pdf::PdfText {
    pdf::read(&pdf_bytes(root, stem)).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(unlsp_corpus::repo(&format!("tests/fixtures/pdf/{name}"))).expect("fixture")
}

#[test]
fn resolutions_have_the_akns_paragraph_and_footnote_counts() {
    let Some(root) = corpus() else { return };
    let cfg = unlsp_analysis::Config::default();
    for stem in WITH_AKN {
        let gold = akn::read_gz(&root.join(format!("akn/ga/en/{stem}.xml.gz"))).unwrap();
        let o = score::score(&gold, &read(&root, stem).extracted().text, &cfg);
        for i in [2, 3, 5] {
            assert!(
                o.ok[i],
                "{stem}: {} {} read, {} in the AKN",
                score::FIELDS[i],
                o.seen[i].1,
                o.seen[i].0
            );
        }
    }
}

#[test]
fn drafts_have_the_other_extractions_outline_and_words() {
    let Some(root) = corpus() else { return };
    for stem in DRAFTS {
        let ours = read(&root, stem).extracted().text;
        let theirs = std::fs::read_to_string(root.join(format!("texts/en/{stem}.txt"))).unwrap();
        assert_eq!(
            extraction::outline_key(&ours),
            extraction::outline_key(&theirs),
            "{stem}: outline"
        );
        let w = extraction::word_agreement(&ours, &theirs);
        assert!(
            w.rate() >= 0.99,
            "{stem}: words agree {:.3}: {w:?}",
            w.rate()
        );
    }
}

#[test]
fn furniture_is_left_out_and_leads_footnotes_and_pages_are_kept() {
    let Some(root) = corpus() else { return };
    let t = read(&root, "A_C.3_80_L.25");
    assert!(t.tagged);
    assert_eq!(t.pages, 6);
    let body: Vec<&str> = t.paragraphs.iter().map(|p| p.text.as_str()).collect();
    // the first page's heading is kept, once; the running header, the job
    // number, the barcode and the page numbers are not
    assert_eq!(body.iter().filter(|p| **p == "A/C.3/80/L.25").count(), 1);
    assert!(body.contains(&"Distr.: Limited"));
    for p in &body {
        assert!(
            !p.contains("25-17785") && !p.contains("*2517785*") && !p.contains("2/6"),
            "{p}"
        );
    }
    assert!(body.contains(&"*The General Assembly*,"));
    assert!(
        body.iter()
            .any(|p| p.starts_with("*Reaffirming also* that all human rights"))
    );
    assert!(
        body.iter().any(|p| p.starts_with("1. *")),
        "an operative lead after its number"
    );
    assert!(
        body.iter()
            .any(|p| p.contains("of 24 March 2011,[^1] 19/25"))
    );
    assert!(body.contains(&"Egypt:[^*] draft resolution"));
    let labels: Vec<&str> = t.footnotes.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels[0], "*");
    assert_eq!(
        labels[1..],
        (1..=16)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()[..]
    );
    assert!(
        t.footnotes[1]
            .text
            .starts_with("See Official Records of the General Assembly")
    );
    // pages in reading order, from 1 to the last
    let pages: Vec<usize> = t.paragraphs.iter().map(|p| p.page).collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!((pages[0], *pages.last().unwrap()), (1, 6));
}

#[test]
fn bad_input_is_refused_with_the_reason() {
    assert_eq!(
        pdf::read(&fixture("encrypted.pdf")),
        Err(PdfError::Encrypted)
    );
    assert_eq!(
        pdf::read(&fixture("image-only.pdf")),
        Err(PdfError::NoText { pages: 1 })
    );
    assert_eq!(pdf::read(b""), Err(PdfError::NotPdf));
    assert_eq!(pdf::read(b"%PDF-1.7\n"), Err(PdfError::Truncated));
    let Some(root) = corpus() else { return };
    let real = pdf_bytes(&root, "A_80_L.32");
    assert_eq!(pdf::read(&real[..5000]), Err(PdfError::Truncated));
    let text = std::fs::read(root.join("texts/en/A_80_L.32.txt")).unwrap();
    assert_eq!(pdf::read(&text), Err(PdfError::NotPdf));
    for e in [
        PdfError::Encrypted,
        PdfError::Truncated,
        PdfError::NotPdf,
        PdfError::NoText { pages: 1 },
    ] {
        assert!(e.to_string().len() > 20, "{e:?} says what is wrong");
    }
}

#[test]
fn damaged_pdfs_give_an_error_or_text_never_a_panic() {
    let Some(root) = corpus() else { return };
    let real = pdf_bytes(&root, "A_80_L.32");
    let tail = b"\n%%EOF\n";
    // cut anywhere, the end marker put back
    for k in 1..24 {
        let mut cut = real[..real.len() * k / 24].to_vec();
        cut.extend_from_slice(tail);
        let _ = pdf::read(&cut);
    }
    // bytes overwritten in the middle of the file
    for k in 1..24 {
        let mut bad = real.clone();
        let at = bad.len() * k / 24;
        for (i, b) in bad[at..(at + 64).min(real.len())].iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37) ^ 0x5a;
        }
        let _ = pdf::read(&bad);
    }
}

/// A one-page PDF whose content stream inflates from a few hundred
/// kilobytes to 200 MB, with its cross-reference table.
fn bomb() -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n".repeat(1 << 15);
    for _ in 0..(200 << 20) / chunk.len() {
        z.write_all(&chunk).unwrap();
    }
    let data = z.finish().unwrap();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<Vec<u8>> = vec![
        b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>".to_vec(),
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<<>>>>".to_vec(),
        [
            format!("<</Length {}/Filter/FlateDecode>>\nstream\n", data.len()).into_bytes(),
            data,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<</Size {}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn a_decompression_bomb_is_refused_without_inflating_it() {
    let pdf = bomb();
    assert!(pdf.len() < 2 << 20, "{} bytes", pdf.len());
    let t0 = std::time::Instant::now();
    let r = pdf::read(&pdf);
    assert_eq!(r, Err(PdfError::TooLarge));
    eprintln!("bomb refused in {:?}", t0.elapsed());
}

fn unlsp(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .args(args)
        .output()
        .expect("unlsp runs")
}

#[test]
fn the_cli_reads_a_pdf_named_and_never_one_in_a_folder() {
    let enc = unlsp_corpus::repo("tests/fixtures/pdf/encrypted.pdf");
    let out = unlsp(&["check".as_ref(), enc.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("encrypted.pdf") && err.contains("encrypted"),
        "{err}"
    );
    let Some(root) = corpus() else { return };
    let real = root.join("pdf/A_RES_80_25.pdf");
    let out = unlsp(&["outline".as_ref(), real.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    let outline = String::from_utf8_lossy(&out.stdout);
    assert!(outline.contains("symbol A/RES/80/25"), "{outline}");
    assert!(outline.contains("preambular «Recalling also»"), "{outline}");
    let out = unlsp(&["check".as_ref(), real.as_os_str()]);
    assert!(out.status.code().unwrap() < 2);
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&real, dir.path().join("draft.pdf")).unwrap();
    std::fs::copy(
        root.join("texts/en/A_RES_80_25.txt"),
        dir.path().join("draft.txt"),
    )
    .unwrap();
    let out = unlsp(&["check".as_ref(), dir.path().as_os_str()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 file checked"), "{said}");
}

/// The words of the other extraction (PyMuPDF's, page by page: each page
/// after the first opens with a line of its number and job number,
/// `12/48 23-24915`), each with its page.
fn their_words(theirs: &str, pages: usize) -> Vec<(String, u32)> {
    let of = format!("/{pages}");
    let number = |t: &str| t.strip_suffix(&of).and_then(|k| k.parse::<u32>().ok());
    let job = |t: &str| {
        let b = t.as_bytes();
        b.len() == 8 && b[2] == b'-' && t.bytes().filter(u8::is_ascii_digit).count() == 7
    };
    let mut page = 1;
    let mut out = Vec::new();
    for line in theirs.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let numbered = tokens.iter().find_map(|t| number(t));
        if let Some(k) = numbered.filter(|_| tokens.iter().all(|t| number(t).is_some() || job(t))) {
            page = k;
            continue;
        }
        for w in line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            out.push((w.to_string(), page));
        }
    }
    out
}

/// Each paragraph's page, as its source says, is the page the other
/// extraction shows its opening words on (paragraphs of eight words or
/// more, found in order).
#[test]
fn each_paragraph_is_on_the_page_the_other_extraction_shows() {
    let Some(root) = corpus() else { return };
    for stem in [
        "A_C.3_80_L.25",
        "A_RES_78_68",
        "A_RES_80_25",
        "A_C.1_80_L.55",
    ] {
        let t = read(&root, stem);
        let x = t.extracted();
        let theirs = std::fs::read_to_string(root.join(format!("texts/en/{stem}.txt"))).unwrap();
        let words = their_words(&theirs, t.pages);
        assert!(
            words.iter().any(|w| w.1 == t.pages as u32),
            "{stem}: pages seen"
        );
        let (mut from, mut found, mut long) = (0, 0, 0);
        for p in &x.paragraphs {
            let opening: Vec<&str> = x.text[p.range.clone()]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(8)
                .collect();
            if opening.len() < 8 {
                continue;
            }
            long += 1;
            let Some(at) = (from..words.len().saturating_sub(7))
                .find(|&i| (0..8).all(|k| words[i + k].0 == opening[k]))
            else {
                continue;
            };
            found += 1;
            from = at + 1;
            let page = x.source(p.range.start).and_then(|s| s.page);
            assert_eq!(
                page,
                Some(words[at].1),
                "{stem}: paragraph {} «{}»",
                p.index,
                opening.join(" ")
            );
        }
        assert!(
            found * 10 >= long * 9,
            "{stem}: {found} of {long} paragraphs found"
        );
    }
}

fn unlsp_str(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .args(args)
        .output()
        .expect("unlsp runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A diagnostic names the page its paragraph is on: in A/RES/78/68, `this
/// resolution` in operative paragraph 275, which the other extraction shows
/// on page 48 (its line follows the page's `48/48`); JSON carries the page
/// and a range into the text `convert --to txt` prints.
#[test]
fn diagnostics_name_the_page() {
    let Some(root) = corpus() else { return };
    let pdf = root.join("pdf/A_RES_78_68.pdf");
    let pdf = pdf.to_str().unwrap();
    let (code, human, _) = unlsp_str(&["check", pdf]);
    assert_eq!(code, Some(0));
    assert!(
        human.contains(&format!(
            "{pdf}: page 48, operative paragraph 275: hint[UN032]"
        )),
        "{human}"
    );
    let (_, json, _) = unlsp_str(&["check", pdf, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let d = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "UN032")
        .expect("UN032");
    assert_eq!(d["source"]["page"], 48);
    let (_, txt, _) = unlsp_str(&["convert", pdf, "--to", "txt"]);
    let at = d["range"]["start"]["offset"].as_u64().unwrap() as usize;
    assert!(
        txt[at..].starts_with("this resolution"),
        "{}",
        &txt[at..at + 40]
    );
}

/// `convert` writes a PDF as the text `check` reads and as Markdown with
/// its leads and footnotes; both parse back to the same structure.
#[test]
fn convert_reads_a_pdf_back_to_the_same_structure() {
    let Some(root) = corpus() else { return };
    for stem in WITH_AKN.iter().chain(&DRAFTS) {
        let x = read(&root, stem).extracted();
        let md = unlsp_formats::convert::to_markdown(&x, false);
        let txt = unlsp_formats::convert::to_text(&x);
        assert_eq!(
            extraction::outline_key(&md),
            extraction::outline_key(&txt),
            "{stem}"
        );
        assert_eq!(
            md.matches("\n[^").count(),
            x.footnotes.len(),
            "{stem}: notes"
        );
    }
    let pdf = root.join("pdf/A_C.3_80_L.25.pdf");
    let pdf = pdf.to_str().unwrap();
    let (code, txt, err) = unlsp_str(&["convert", pdf, "--to", "txt"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(txt, read(&root, "A_C.3_80_L.25").extracted().text);
    assert!(txt.contains("of 24 March 2011,1 19/25"), "{txt}");
    let (code, md, _) = unlsp_str(&["convert", pdf, "--to", "md"]);
    assert_eq!(code, Some(0));
    for s in [
        "*Reaffirming also* that all human rights",
        "of 24 March 2011,[^1] 19/25",
        "Egypt:[^*] draft resolution",
        "\n[^*]: On behalf of the States that are members of the Organization of Islamic Cooperation",
        "\n[^1]: See Official Records of the General Assembly",
    ] {
        assert!(md.contains(s), "{s}\n{md}");
    }
    // A/C.2/80/L.1 (the Committee's programme of work) refers to its note 4
    // from five rows: each keeps its marker
    let x = read(&root, "A_C.2_80_L.1").extracted();
    let four = x.footnotes.iter().find(|f| f.label == "4").unwrap();
    assert_eq!(four.again.len(), 4);
    for m in std::iter::once(&four.marker).chain(&four.again) {
        assert_eq!(&x.text[m.clone()], "4");
        assert!(x.text[..m.start].ends_with("draft proposals"));
    }
    let md = unlsp_formats::convert::to_markdown(&x, false);
    assert_eq!(md.matches("draft proposals[^4]").count(), 5, "{md}");
    assert_eq!(
        extraction::outline_key(&md),
        extraction::outline_key(&unlsp_formats::convert::to_text(&x))
    );
}

/// Every command names the file and the problem of a PDF it cannot read,
/// exit 2; `--fix` on a PDF is refused (exit 2, the file untouched) and
/// `fmt` only reports on one.
#[test]
fn bad_pdfs_and_fixes_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = unlsp_corpus::repo("tests/fixtures/pdf");
    let mut bad = vec![
        (fixtures.join("encrypted.pdf"), "encrypted"),
        (fixtures.join("image-only.pdf"), "no text layer"),
    ];
    let Some(root) = corpus() else { return };
    let real = pdf_bytes(&root, "A_80_L.32");
    let truncated = dir.path().join("truncated.pdf");
    std::fs::write(&truncated, &real[..5000]).unwrap();
    let renamed = dir.path().join("renamed.pdf");
    std::fs::copy(root.join("texts/en/A_80_L.32.txt"), &renamed).unwrap();
    bad.push((truncated, "truncated"));
    bad.push((renamed, "not a PDF"));
    for (p, says) in &bad {
        let name = p.file_name().unwrap().to_str().unwrap();
        for cmd in [
            &["check"][..],
            &["outline"],
            &["convert", "--to", "md"],
            &["fmt", "--check"],
            &["export", "--to", "akn"],
        ] {
            let mut args = cmd.to_vec();
            args.push(p.to_str().unwrap());
            let (code, _, err) = unlsp_str(&args);
            assert_eq!(code, Some(2), "{cmd:?} {name}: {err}");
            assert!(
                err.contains(name) && err.contains(says),
                "{cmd:?} {name}: {err}"
            );
        }
    }
    // A/RES/78/68 has a fixable problem; A/RES/80/25 none: both refused
    for stem in ["A_RES_78_68", "A_RES_80_25"] {
        let draft = dir.path().join(format!("{stem}.pdf"));
        std::fs::write(&draft, pdf_bytes(&root, stem)).unwrap();
        let d = draft.to_str().unwrap();
        let (code, _, err) = unlsp_str(&["check", "--fix", d]);
        assert_eq!(code, Some(2), "{stem}: {err}");
        assert!(
            err.contains(d) && err.contains("a PDF is never fixed"),
            "{err}"
        );
        assert_eq!(std::fs::read(&draft).unwrap(), pdf_bytes(&root, stem));
        let (code, _, err) = unlsp_str(&["check", "--diff", d]);
        assert!(code.unwrap() < 2, "{stem}: {err}");
        let (code, _, err) = unlsp_str(&["fmt", d]);
        assert!(
            code.unwrap() < 2 && err.contains("never rewritten"),
            "{stem}: {err}"
        );
        assert_eq!(std::fs::read(&draft).unwrap(), pdf_bytes(&root, stem));
    }
}

/// `diff` reads a PDF: against the other extraction of the same PDF, the
/// same in substance.
#[test]
fn diff_reads_a_pdf() {
    let Some(root) = corpus() else { return };
    for stem in ["A_RES_80_25", "A_C.3_80_L.25"] {
        let pdf = root.join(format!("pdf/{stem}.pdf"));
        let txt = root.join(format!("texts/en/{stem}.txt"));
        let (code, out, err) = unlsp_str(&["diff", pdf.to_str().unwrap(), txt.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{stem}: {out}{err}");
        assert!(out.contains("the same in substance"), "{out}");
    }
}
