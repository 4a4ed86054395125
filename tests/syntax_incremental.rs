//! After any sequence of edits the incrementally maintained tree equals a fresh
//! parse of the same text. Edits are random, biased towards the ones that change
//! structure: splitting and merging lines and paragraphs, renumbering, inserting
//! leads, CJK text, footnote digits and CRLF.

use proptest::prelude::*;
use std::path::Path;
use unlsp_syntax::Document;
use unlsp_syntax::document::EditPath;

fn sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        unlsp_corpus::shared_root().join("seeds"),
        root.join("tests/fixtures/outline"),
    ] {
        if let Ok(rd) = std::fs::read_dir(dir) {
            let mut files: Vec<_> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
                .collect();
            files.sort();
            for f in files {
                out.push(std::fs::read_to_string(f).unwrap());
            }
        }
    }
    for f in [
        "A_RES_79_100.txt",
        "A_RES_78_253.txt",
        "S_RES_1445_2002.txt",
        "A_C.1_80_L.10.txt",
    ] {
        if let Ok(t) =
            std::fs::read_to_string(unlsp_corpus::shared_root().join("corpus/texts/en").join(f))
        {
            out.push(t);
        }
    }
    if out.is_empty() {
        out.push("The General Assembly,\nRecalling its resolution 61/100,\n1. Decides to act;\n2. Requests a report.\n".into());
    }
    out
}

const INSERTS: &[&str] = &[
    "",
    "\n",
    "\n\n",
    " ",
    "\r\n",
    "\r",
    "1. ",
    "2. ",
    "\n3. Decides ",
    "\n7. ",
    ", Recalling ",
    "; ",
    ";6 ",
    "；",
    "，",
    "。",
    "回顾",
    "又欢迎",
    "满意 地 回顾",
    "\n(a) ",
    "(ii) ",
    "resolution 61/100 of 6 December 2006",
    "第 61/100 号决议",
    "¹",
    "2",
    "A/RES/62/57",
    "A/CONF. 192/15",
    "__________________\n1 See A/62/1.\n",
    "\nThe General Assembly,\n",
    "Welcoming also ",
    "Also requests ",
    "**鼓励**",
    "\nI\n",
    "\nAnnex\n",
    "61st plenary meeting\n5 December 2007\n",
    "大会，",
    // Markdown drafts
    "---\n",
    "\n---\nsymbol: A/RES/79/1\nlanguage: fr\n---\n",
    "title: Oceans\n",
    "*Recalling* ",
    "_Noting_ ",
    "**1.** *Decides* ",
    "*The General Assembly*,\n",
    "[^3]",
    ",[^1] ",
    "\n[^2]: See A/62/1.\n",
    "\n<!-- unlsp-disable-next UN010 -->\n",
    "<!-- note ",
    " -->\n",
    "\n<!--\n",
    "\n## ",
    "# ",
    // footnote markers as a reader sees them
    "nuclear tests6 ",
    "Abyei1, ",
    "2024(1)",
    // shapes outside the shared extraction
    "\na. ",
    "\nb. Calls ",
    "\nа) ",
    "\nб) ",
    "resolution ES-10/21 ",
    "\nES-11/7. Aggression against Ukraine\n",
    "A/RES/ES-11/7",
    "United Nations A/RES/79/100 General Assembly Distr.: General 12 December 2024 ",
    "Seventy-ninth session Agenda item 58 ",
    "Resolution adopted by the General Assembly on 4 December 2024 ",
    "[on the report of the Fourth Committee (A/79/412)] 79/100. Question of Anguilla ",
    "أنغويلا(2) ",
    "20238 and ",
    "»8, ",
    "326,164,100 dollars ",
    "1 234 567 ",
];

#[derive(Debug, Clone)]
struct Edit {
    at: f64,
    del: usize,
    ins: usize,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    (
        0.0f64..1.0,
        prop_oneof![Just(0usize), 0usize..3, 0usize..40],
        0..INSERTS.len(),
    )
        .prop_map(|(at, del, ins)| Edit { at, del, ins })
}

fn char_floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn check_equal(doc: &Document, step: &str) {
    let fresh = Document::new(doc.text());
    if doc.tree() != fresh.tree() {
        // find the first difference for a readable failure
        let a = format!("{:#?}", doc.tree());
        let b = format!("{:#?}", fresh.tree());
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        let ctx_a: Vec<&str> = a.lines().skip(line.saturating_sub(8)).take(16).collect();
        let ctx_b: Vec<&str> = b.lines().skip(line.saturating_sub(8)).take(16).collect();
        panic!(
            "after {step}: incremental tree differs from a fresh parse\n--- incremental\n{}\n--- fresh\n{}",
            ctx_a.join("\n"),
            ctx_b.join("\n")
        );
    }
    let strip = |d: &Document| {
        d.blocks()
            .iter()
            .map(|b| (b.start, b.len, b.kind.clone(), b.line_start))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(doc), strip(&fresh), "after {step}: blocks differ");
    assert_eq!(doc.rope().to_string(), doc.text(), "rope and text diverged");
}

/// Apply `edits` one by one, the tree checked against a fresh parse after each.
fn apply_checked(doc: &mut Document, edits: &[Edit]) {
    for (k, e) in edits.iter().enumerate() {
        let len = doc.text().len();
        let start = char_floor(doc.text(), (e.at * len as f64) as usize);
        let end = char_floor(doc.text(), start + e.del);
        let ins = INSERTS[e.ins];
        doc.edit(start..end, ins);
        check_equal(doc, &format!("edit {k}: {start}..{end} ← {ins:?}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, max_shrink_iters: 200, .. ProptestConfig::default() })]

    #[test]
    fn edits_equal_fresh_parse(src in 0usize..64, edits in proptest::collection::vec(edit_strategy(), 1..12)) {
        let sources = sources();
        let text = &sources[src % sources.len()];
        let mut doc = Document::new(text);
        apply_checked(&mut doc, &edits);
    }
}

#[test]
fn out_of_range_and_mid_char_edits_clamp() {
    let mut doc = Document::new("大会，\n回顾其决议，\n1. 决定继续审议；\n");
    doc.edit(1..2, "x"); // inside 大
    doc.edit(10_000..20_000, "\n2. 请秘书长报告。");
    check_equal(&doc, "clamped edits");
    assert!(doc.text().ends_with("2. 请秘书长报告。"));
}

#[test]
fn renumbering_splits_and_merges() {
    let text = "The General Assembly,\n\nRecalling its resolution 61/100 of 6 December 2006,\n\n1. Decides to act;\n\n2. Requests a report;\n\n3. Decides to remain seized of the matter.\n";
    let mut doc = Document::new(text);
    let at = doc.text().find("2. Requests").unwrap();
    doc.edit(at..at + 1, "5");
    check_equal(&doc, "renumber 2→5");
    let at = doc.text().find("\n\n5. Requests").unwrap();
    doc.edit(at..at + 2, " ");
    check_equal(&doc, "merge paragraphs");
    let at = doc.text().find(" 5. Requests").unwrap();
    doc.edit(at..at + 1, "\n\n");
    check_equal(&doc, "split again");
}

/// Markdown's state over lines: front matter opened, closed and
/// its language changed; a comment opened and closed far from each other;
/// a footnote definition and its marker typed.
#[test]
fn markdown_front_matter_and_comments_follow_edits() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("tests/fixtures/outline/A_RES_79_163_markdown.md"))
            .unwrap();
    let mut doc = Document::new(&text);
    let find = |d: &Document, s: &str| d.text().find(s).unwrap();
    // (where, bytes deleted there, text put in)
    let steps: &[(&str, usize, &str)] = &[
        ("language: en", 12, "language: fr"),
        ("---\n\n#", 4, ""),
        ("# Resolution", 0, "---\n"),
        ("*Aware*", 0, "<!--\n"),
        ("1. *Reaffirms*", 0, "-->\n"),
        ("<!--\n", 5, ""),
        ("-->\n", 4, ""),
        ("language: fr", 12, "language: en"),
        ("---\nsymbol", 4, ""),
        ("", 0, "---\n"),
        ("Rights,[^1]", 11, "Rights,[^8]"),
        ("[^7]: S/2003", 0, "[^8]: See A/62/1.\n"),
    ];
    for (k, (at, del, ins)) in steps.iter().enumerate() {
        let start = find(&doc, at);
        doc.edit(start..start + del, ins);
        check_equal(&doc, &format!("markdown step {k}: {at:?} ← {ins:?}"));
    }
}

fn corpus(name: &str) -> Option<String> {
    std::fs::read_to_string(
        unlsp_corpus::shared_root()
            .join("corpus/texts/en")
            .join(name),
    )
    .ok()
}

/// Several corpus resolutions one after the other (~150 KB): many checkpoints,
/// sections and parts that open and close, running titles, page furniture.
fn long_text() -> String {
    let mut out = String::new();
    for f in [
        "A_RES_79_100.txt",
        "A_RES_78_253.txt",
        "S_RES_1445_2002.txt",
        "A_RES_79_144.txt",
        "A_RES_78_69.txt",
    ] {
        if let Some(t) = corpus(f) {
            out.push_str(&t);
            out.push('\n');
        }
    }
    if out.is_empty() {
        out = sources().join("\n");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, max_shrink_iters: 50, .. ProptestConfig::default() })]

    /// The same random edits in a long text, where the assembler restarts from
    /// checkpoints and stops where the old run's state comes back.
    #[test]
    fn edits_in_a_long_text_equal_fresh_parse(edits in proptest::collection::vec(edit_strategy(), 1..6)) {
        let text = long_text();
        let mut doc = Document::new(&text);
        apply_checked(&mut doc, &edits);
    }
}

/// A keystroke at the start, middle and end of every 11th line of a long text
/// (at every distance from the checkpoints), typed and deleted again: the tree
/// stays equal to a fresh parse, and most keystrokes take the fast path.
#[test]
fn keystrokes_around_checkpoints() {
    let text = long_text();
    let mut doc = Document::new(&text);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let (mut fast, mut all) = (0, 0);
    for (n, w) in starts.windows(2).enumerate().step_by(11) {
        let (a, b) = (w[0], w[1]);
        for at in [a, char_floor(&text, (a + b) / 2), b.saturating_sub(1)] {
            doc.edit(at..at, "x");
            all += 1;
            fast += (doc.last_edit_path() == EditPath::Resumed { converged: true }) as usize;
            if n % 12 == 0 {
                check_equal(&doc, &format!("typing at {at}"));
            }
            doc.edit(at..at + 1, "");
            if n % 12 == 7 {
                check_equal(&doc, &format!("deleting at {at}"));
            }
        }
    }
    assert_eq!(doc.text(), text);
    check_equal(&doc, "after all keystrokes");
    assert!(
        fast * 10 >= all * 7,
        "only {fast} of {all} keystrokes converged early"
    );
}

/// Renumbering a paragraph in the middle of a long operative part changes the
/// expected number of every paragraph after it: the state meets the old one
/// only later (or never), and the tree is still the fresh one.
#[test]
fn renumbering_converges_late_or_never() {
    let text = long_text();
    let mut doc = Document::new(&text);
    let mut probe = 0;
    for n in [5, 9, 3, 12] {
        let needle = format!("\n{n}. ");
        let Some(at) = doc.text()[probe..].find(&needle).map(|i| probe + i + 1) else {
            continue;
        };
        probe = at;
        let digits = n.to_string().len();
        doc.edit(at..at + digits, &format!("{}", n + 1));
        check_equal(&doc, &format!("renumber {n}"));
        doc.edit(at..at + (n + 1).to_string().len(), &n.to_string());
        check_equal(&doc, &format!("number {n} back"));
        // remove the number, then put it back
        doc.edit(at..at + digits + 2, "");
        check_equal(&doc, &format!("unnumber {n}"));
        doc.edit(at..at, &format!("{n}. "));
        check_equal(&doc, &format!("renumber {n} again"));
    }
}

/// Edits in the title change what running headers look like: the header lines
/// further down are furniture only while they repeat the title.
#[test]
fn edits_in_the_title_reach_the_running_headers() {
    let Some(text) = corpus("A_RES_79_100.txt") else {
        return;
    };
    let long = format!("{text}\n{}", long_text());
    let mut doc = Document::new(&long);
    let at = doc.text().find("Question of Anguilla").unwrap();
    doc.edit(at..at + 8, "Matter");
    check_equal(&doc, "title changed");
    doc.edit(at..at + 6, "Question");
    check_equal(&doc, "title restored");
    let end = at + "Question of Anguilla".len();
    doc.edit(end..end, " and Montserrat");
    check_equal(&doc, "title lengthened");
    doc.edit(at..end + " and Montserrat".len(), "");
    check_equal(&doc, "title removed");
}

/// Page furniture created and removed in the middle of paragraphs, sections
/// and footnotes.
#[test]
fn furniture_comes_and_goes() {
    let text = long_text();
    let mut doc = Document::new(&text);
    for frac in [0.1, 0.3, 0.5, 0.7, 0.9] {
        let at = char_floor(doc.text(), (doc.text().len() as f64 * frac) as usize);
        let at = doc.text()[at..].find('\n').map_or(at, |i| at + i + 1);
        for piece in ["24-23545 (E)\n", "*2423545*\n", "A/RES/79/100\n", "3/12\n"] {
            doc.edit(at..at, piece);
            check_equal(&doc, &format!("{piece:?} at {at}"));
        }
        let len = "24-23545 (E)\n*2423545*\nA/RES/79/100\n3/12\n".len();
        doc.edit(at..at + len, "");
        check_equal(&doc, &format!("furniture removed at {at}"));
    }
}

/// A huge one-line text (the one-line seed repeated): the lexer cuts it into
/// many blocks of one line, the edits re-lex the whole line.
#[test]
fn huge_one_line_text() {
    let Some(seed) = std::fs::read_dir(unlsp_corpus::shared_root().join("seeds"))
        .into_iter()
        .flatten()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("001"))
        .and_then(|e| std::fs::read_to_string(e.path()).ok())
    else {
        return;
    };
    let line = seed.trim_end().replace(['\n', '\r'], " ");
    let text = [line.as_str(); 12].join(" ");
    let mut doc = Document::new(&text);
    for frac in [0.05, 0.5, 0.95] {
        let at = char_floor(doc.text(), (doc.text().len() as f64 * frac) as usize);
        doc.edit(at..at, "; 9. Decides ");
        check_equal(&doc, &format!("split at {at}"));
        doc.edit(at..at + 13, "");
        check_equal(&doc, &format!("merge at {at}"));
    }
}

/// A snapshot taken before an edit keeps seeing the old tree.
#[test]
fn snapshots_are_not_changed_by_edits() {
    let text = long_text();
    let mut doc = Document::new(&text);
    let (old_text, old_tree) = doc.shared();
    let before = (*old_tree).clone();
    let at = char_floor(doc.text(), doc.text().len() / 2);
    doc.edit(at..at, "\n7. Decides to act;\n");
    check_equal(&doc, "edit with a snapshot alive");
    assert_eq!(*old_tree, before);
    assert_eq!(*old_text, text);
    assert_ne!(doc.tree(), &before);
}
