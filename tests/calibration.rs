//! Calibration on real adopted resolutions: the whole catalogue over every adopted resolution of the corpus
//! must give fewer than one error-or-warning per ten documents, and seeded
//! defects must be found by the right rule at the right place.
//!
//! The corpus lives in `../shared/corpus` relative to the crate; without it the
//! tests print a note and pass. `UNLSP_CALIBRATION_SHOW=UN010,UN008` prints
//! those rules' diagnostics (tagged `[source]`/`[extraction]` when
//! `tests/calibration/confirmed.tsv` lists them as real defects).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use unlsp_analysis::{self as analysis, Config, Severity};
use unlsp_syntax::Document;

#[path = "corpus_support.rs"]
mod corpus_support;
use corpus_support::par_map;

fn corpus_dir() -> Option<PathBuf> {
    unlsp_corpus::shared("corpus/texts/en")
}

/// Adopted resolutions: `A_RES_*` and `S_RES_*`.
fn adopted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            (n.starts_with("A_RES_") || n.starts_with("S_RES_")) && n.ends_with(".txt")
        })
        .collect();
    v.sort();
    v
}

/// Security Council resolutions of the printed compilations (1946–1992): OCR
/// text without the masthead line `Adopted by the Security Council at its …`,
/// closed by `Adopted at the 2nd meeting.` and footnotes run into the text —
/// extraction artefacts in the sense of the calibration note, counted apart.
/// Most open with `The Security Council`; the `Whereas …` texts (4, 17 and 21
/// of 1946–1947) and the one-page layout of 462 and 466 (1980) do not, but
/// close the same way (`Adopted … at the 2211th meeting`).
fn is_compilation(text: &str) -> bool {
    if text.contains("Adopted by the Security Council at its") {
        return false;
    }
    text.contains("The Security Council")
        || text.match_indices("Adopted").any(|(i, _)| {
            let line_start = text[..i].trim_end_matches([' ', '\t']);
            let mut end = (i + 120).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            (line_start.is_empty() || line_start.ends_with('\n'))
                && text[i..end].contains(" meeting")
        })
}

/// Diagnostics on adopted texts that are not false positives: a defect of the
/// source document or of its PDF extraction, each with the quoted evidence
/// (`tests/calibration/confirmed.tsv`: file, rule, line, category, evidence).
#[derive(Debug)]
struct Confirmed {
    file: String,
    rule: String,
    line: usize,
    category: String,
    evidence: String,
}

fn confirmed() -> Vec<Confirmed> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/calibration/confirmed.tsv");
    let text = std::fs::read_to_string(&p).expect("tests/calibration/confirmed.tsv");
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        assert!(
            f.len() == 5,
            "confirmed.tsv line {}: want file, rule, line, category, evidence",
            i + 1
        );
        let c = Confirmed {
            file: f[0].to_string(),
            rule: f[1].to_string(),
            line: f[2].parse().expect("a line number"),
            category: f[3].to_string(),
            evidence: f[4].trim().to_string(),
        };
        assert!(
            c.category == "source" || c.category == "extraction",
            "confirmed.tsv line {}: category is `source` or `extraction`",
            i + 1
        );
        assert!(
            c.evidence.len() >= 10,
            "confirmed.tsv line {}: quote the evidence",
            i + 1
        );
        out.push(c);
    }
    out
}

#[test]
fn false_positives_on_adopted_resolutions() {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus not found; calibration skipped");
        return;
    };
    let files = adopted(&dir);
    let show: Vec<String> = std::env::var("UNLSP_CALIBRATION_SHOW")
        .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
        .unwrap_or_default();
    let cfg = Config::default();
    let results = par_map(&files, |p| {
        let text = std::fs::read_to_string(p).unwrap();
        if is_compilation(&text) {
            return None;
        }
        let doc = Document::new(&text);
        let diags = analysis::check(&doc, &cfg);
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        diags
            .into_iter()
            .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
            .map(|d| {
                let line = text[..d.range.start].matches('\n').count() + 1;
                (d.code, name.clone(), line, d.message)
            })
            .collect::<Vec<_>>()
            .into()
    });
    let listed = confirmed();
    let mut used = vec![false; listed.len()];
    let mut per_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut total, mut fp) = (0, 0);
    let skipped = results.iter().filter(|r| r.is_none()).count();
    for r in results.iter().flatten() {
        for (code, file, line, msg) in r {
            let e = per_rule.entry(code).or_default();
            e.0 += 1;
            total += 1;
            // two defects on one line are two entries: each takes its own
            let here = |i: &usize| {
                let c = &listed[*i];
                c.file == *file && c.rule == *code && c.line == *line
            };
            let known = (0..listed.len())
                .find(|i| here(i) && !used[*i])
                .or_else(|| (0..listed.len()).find(here));
            if let Some(i) = known {
                used[i] = true;
            } else {
                e.1 += 1;
                fp += 1;
            }
            if show.iter().any(|s| s == code) {
                let tag = known.map_or(String::new(), |i| format!(" [{}]", listed[i].category));
                eprintln!("{code} {file}:{line}:{tag} {msg}");
            }
        }
    }
    let docs = files.len() - skipped;
    eprintln!(
        "({skipped} Security Council resolutions in the OCR compilation layout of 1946-1992 left out: extraction artefacts)"
    );
    let (src, ext) = listed.iter().fold((0, 0), |(s, e), c| {
        if c.category == "source" {
            (s + 1, e)
        } else {
            (s, e + 1)
        }
    });
    eprintln!(
        "calibration: {docs} adopted resolutions, {total} errors+warnings ({:.2} per 10 documents); \
         {} confirmed defects ({src} of the source, {ext} of the extraction, tests/calibration/confirmed.tsv); \
         {fp} false positives, {:.2} per 10 documents",
        total as f64 * 10.0 / docs as f64,
        total - fp,
        fp as f64 * 10.0 / docs as f64
    );
    eprintln!("  rule: raw, false positives");
    for (k, (raw, f)) in &per_rule {
        eprintln!("  {k}: {raw}, {f}");
    }
    // every listed defect must still be reported where listed: the list
    // cannot hide anything
    let stale: Vec<String> = listed
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(c, _)| format!("{} {} line {} ({})", c.file, c.rule, c.line, c.evidence))
        .collect();
    assert!(
        stale.is_empty(),
        "confirmed.tsv lists defects no diagnostic reports any more: remove them: {stale:#?}"
    );
    // Target: fewer than 1 false positive per 10 documents (0.24
    // on 24 Nov 2026: 23 on 970); the raw figure, confirmed defects included,
    // must not grow back either (0.75: 73).
    assert!(
        (fp as f64) < docs as f64 * 0.1,
        "{fp} false positives on {docs} adopted resolutions (target < 1 per 10 documents)"
    );
    // True defects of the source are what a reader wants to see (the
    // catalogue's day check finds twenty wrong days in these texts): they are
    // left out of the raw bound, the extraction's defects are not.
    let of_source = listed
        .iter()
        .zip(&used)
        .filter(|(c, u)| **u && c.category == "source")
        .count();
    assert!(
        ((total - of_source) as f64) < docs as f64 * 0.1,
        "{total} errors+warnings on {docs} adopted resolutions, {of_source} defects of the source left out"
    );
}

/// One seeded defect: splices of the real text (byte ranges of the original,
/// non-overlapping), the rule that must fire and the byte range of the
/// mutated text it must touch.
struct Mutation {
    splices: Vec<(Range<usize>, String)>,
    rule: &'static str,
    at: Range<usize>,
}

impl Mutation {
    fn one(r: Range<usize>, s: &str, rule: &'static str, at: Range<usize>) -> Mutation {
        Mutation {
            splices: vec![(r, s.to_string())],
            rule,
            at,
        }
    }

    fn apply(&self, text: &str) -> String {
        let mut sp = self.splices.clone();
        sp.sort_by_key(|(r, _)| r.start);
        let mut out = String::new();
        let mut pos = 0;
        for (r, s) in sp {
            out.push_str(&text[pos..r.start]);
            out.push_str(&s);
            pos = r.end;
        }
        out.push_str(&text[pos..]);
        out
    }

    /// Where the splices land in the mutated text, and the shift each one
    /// gives to what follows it (to map the rest back onto the original).
    fn landed(&self) -> Vec<(Range<usize>, isize, usize)> {
        let mut sp = self.splices.clone();
        sp.sort_by_key(|(r, _)| r.start);
        let mut shift = 0isize;
        let mut out = Vec::new();
        for (r, s) in sp {
            let start = (r.start as isize + shift) as usize;
            shift += s.len() as isize - r.len() as isize;
            out.push((start..start + s.len(), shift, r.end));
        }
        out
    }
}

/// The blank-line-separated block(s) of `text` around `r`: the paragraph a
/// splice lands in, where the defect's own consequences belong.
fn block_around(text: &str, r: &Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let r = floor(r.start)..floor(r.end.max(r.start));
    let before = &text[..r.start];
    let start = [before.rfind("\n\n"), before.rfind("\n \n")]
        .into_iter()
        .flatten()
        .max()
        .map_or(0, |i| i + 1);
    let from = r.end;
    let end = [text[from..].find("\n\n"), text[from..].find("\n \n")]
        .into_iter()
        .flatten()
        .min()
        .map_or(text.len(), |i| from + i);
    start..end
}

fn operatives(doc: &Document) -> Vec<unlsp_syntax::Node> {
    doc.tree()
        .nodes_of(unlsp_syntax::NodeKind::Operative)
        .into_iter()
        .filter(|n| n.lead.is_some() && n.label.is_some())
        .cloned()
        .collect()
}

/// The defect kinds, each applied once at a known place. A kind
/// returns `None` where the document offers no place for it, or where the
/// change would not create the defect (see the comments).
fn mutate(kind: &str, text: &str, doc: &Document) -> Option<Mutation> {
    use unlsp_syntax::NodeKind;
    let ops = operatives(doc);
    match kind {
        "drop-terminal-punctuation" => {
            let p = ops.get(1)?;
            let end = text[..p.range.end].trim_end().len();
            let last = text[..end].chars().next_back()?;
            // Not a defect when the paragraph does not end there: the parser
            // ran the next paragraph into this one (a running header or a
            // numbered list inside the paragraph ends the node elsewhere), so
            // the `;` dropped is not the paragraph's terminal mark.
            if last != ';' || ops.get(2).is_some_and(|n| n.range.start < p.range.end) {
                return None;
            }
            Some(Mutation::one(
                end - 1..end,
                "",
                "UN010",
                end.saturating_sub(2)..end - 1,
            ))
        }
        "swap-terminal-punctuation" => {
            let p = ops.get(1)?;
            let end = text[..p.range.end].trim_end().len();
            (text[..end].ends_with(';'))
                .then(|| Mutation::one(end - 1..end, ".", "UN010", end - 1..end))
        }
        "repeat-paragraph-number" => {
            let (a, b) = (ops.get(1)?, ops.get(2)?);
            let lr = b.label_range.clone()?;
            let new = a.label.as_deref()?;
            Some(Mutation::one(
                lr.clone(),
                new,
                "UN008",
                lr.start..lr.start + new.len(),
            ))
        }
        "skip-paragraph-number" => {
            let b = ops.get(2)?;
            let lr = b.label_range.clone()?;
            let n: u32 = b.label.as_deref()?.parse().ok()?;
            let new = (n + 1).to_string();
            Some(Mutation::one(
                lr.clone(),
                &new,
                "UN008",
                lr.start..lr.start + new.len(),
            ))
        }
        "space-in-symbol" => {
            let s = doc.tree().symbols.iter().find(|s| {
                s.canonical.starts_with("A/")
                    && s.canonical.matches('/').count() >= 2
                    && s.problems.is_empty()
                    && !s.in_furniture
            })?;
            let slash = s.range.start + text[s.range.clone()].find('/')?;
            Some(Mutation::one(
                slash + 1..slash + 1,
                " ",
                "UN060",
                s.range.start..s.range.end + 1,
            ))
        }
        "impossible-date" => {
            // a citation's date made impossible
            let c = doc.tree().citations.iter().find(|c| {
                !c.in_footnote && c.date.is_some_and(|d| d.month == 12 || d.month == 11)
            })?;
            let r = c.date_range.clone()?;
            let s = &text[r.clone()];
            // `6 December 2006` (the day first); `December 6, 2006` is UN052's
            if !s.starts_with(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            let day_end = r.start + s.find(' ')?;
            let bad = if c.date?.month == 11 { "31" } else { "32" };
            let at_end = r.end + bad.len() - (day_end - r.start);
            Some(Mutation::one(
                r.start..day_end,
                bad,
                "UN073",
                r.start..at_end,
            ))
        }
        "break-bracket" => {
            // drop the `)` of the first parenthesis of an operative paragraph
            // (from the second on). Not `(a)`, `(iv)`: a lost `)` there breaks a
            // sub-paragraph label, another defect (UN012), not a bracket.
            ops.iter().skip(1).find_map(|p| {
                let body = &text[p.range.clone()];
                let mut from = 0;
                while let Some(i) = body[from..].find('(').map(|i| i + from) {
                    let close = body[i..].find(')')? + i;
                    let inner = &body[i + 1..close];
                    // not inside another parenthesis (the rule could not tell
                    // which `(` lost its `)`), not `)20` (a footnote marker
                    // glued after it would be lost with the bracket)
                    let depth = body[..i].matches('(').count() as isize
                        - body[..i].matches(')').count() as isize;
                    let marker_after = body[close + 1..].starts_with(|c: char| c.is_ascii_digit());
                    if inner.contains(' ') && !inner.contains('(') && depth == 0 && !marker_after {
                        let (i, close) = (p.range.start + i, p.range.start + close);
                        return Some(Mutation::one(close..close + 1, "", "UN071", i..i + 1));
                    }
                    from = close + 1;
                }
                None
            })
        }
        "also-without-base" => {
            // `Also requests` before any `Requests`
            let p = ops.first()?;
            let l = p.lead.as_ref()?;
            if l.text.contains(' ')
                || l.form != unlsp_syntax::lexicon::LeadForm::Base
                || !l.text.ends_with('s')
            {
                return None;
            }
            let verb = l.text.to_lowercase();
            // Not a defect when the verb already opens a clause of an earlier
            // paragraph (`…, and stressing the urgent need`, GA 79/313): UN025
            // counts that as the base (corpus calibration, see the rule).
            let stem6 = &verb[..verb.len().min(6)];
            let before = text[..p.range.start]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if before.contains(&format!(", {stem6}"))
                || before.contains(&format!(", and {stem6}"))
                || before.contains(&format!("; {stem6}"))
            {
                return None;
            }
            if ops
                .iter()
                .skip(1)
                .chain(
                    doc.tree()
                        .nodes_of(NodeKind::Preambular)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .iter(),
                )
                .any(|o| {
                    o.lead.as_ref().is_some_and(|x| {
                        x.text
                            .to_lowercase()
                            .starts_with(&verb[..verb.len().min(6)])
                    })
                })
            {
                return None;
            }
            let new = format!("Also {verb}");
            Some(Mutation::one(
                l.range.clone(),
                &new,
                "UN025",
                l.range.start..l.range.start + new.len(),
            ))
        }
        "preambular-after-operative" => {
            // move the last preambular paragraph between operative 1 and 2. Not
            // the first: a later `Recalling also` would lose its base (UN025),
            // a second defect. Not one with a footnote marker, or before an
            // operative 1 with one: the move would reorder the footnotes (UN076).
            let pre = doc.tree().nodes_of(NodeKind::Preambular);
            let last = pre.last()?;
            let (a, b) = (ops.first()?, ops.get(1)?);
            if b.range.start < a.range.end || a.range.start < last.range.end {
                return None;
            }
            let marker_in = |r: &Range<usize>| {
                doc.tree()
                    .footnote_refs
                    .iter()
                    .any(|f| r.start <= f.range.start && f.range.start < r.end)
            };
            if marker_in(&last.range) || marker_in(&a.range) {
                return None;
            }
            let pt = text[last.range.clone()].to_string();
            let new_at = b.range.start - last.range.len();
            Some(Mutation {
                splices: vec![
                    (last.range.clone(), String::new()),
                    (b.range.start..b.range.start, format!("{pt}\n\n")),
                ],
                rule: "UN003",
                at: new_at..new_at + 1,
            })
        }
        "orphan-footnote-marker" => {
            // delete the text of the last footnote: its marker is left orphan
            let f = doc
                .tree()
                .nodes_of(NodeKind::Footnote)
                .into_iter()
                .next_back()?;
            let n: u32 = f.label.as_deref()?.parse().ok()?;
            let marker = doc.tree().footnote_refs.iter().find(|r| r.number == n)?;
            if marker.range.start >= f.range.start {
                return None;
            }
            Some(Mutation::one(
                f.range.clone(),
                "",
                "UN077",
                marker.range.clone(),
            ))
        }
        "chronological-swap" => {
            // swap the first two dated items of a list of three or more in
            // chronological order: `71/59 of 5 December 2016, 73/43 of 5
            // December 2018, 75/46 …` → the first two the other way. (A list of
            // two swapped runs newest first, which adopted texts do on purpose:
            // GA 78/277 `75/201 … and 70/262 …`; UN043 leaves it alone.)
            let cs = &doc.tree().citations;
            let items = |a: &unlsp_syntax::Citation| {
                cs.iter()
                    .filter(|c| c.list == a.list && c.list_range == a.list_range)
                    .count()
            };
            let (a, b) = cs.windows(2).map(|w| (&w[0], &w[1])).find(|(a, b)| {
                items(a) >= 3
                    && a.list == b.list
                    && a.list_range == b.list_range
                    && !a.in_footnote
                    && a.kind == b.kind
                    && a.organ == b.organ
                    && a.kind != unlsp_syntax::CitationKind::Document
                    && matches!((a.date, b.date), (Some(x), Some(y)) if x < y)
                    && a.date_range
                        .as_ref()
                        .is_some_and(|r| r.end <= b.range.start)
                    && !text[a.range.end..b.range.start].contains(" on ")
            })?;
            let ra = a.range.start..a.date_range.clone()?.end;
            let rb = b.range.start..b.date_range.clone()?.end;
            let (ta, tb) = (&text[ra.clone()], &text[rb.clone()]);
            // the older act now stands second, after the newer one
            let start2 = rb.start + tb.len() - ta.len();
            Some(Mutation {
                splices: vec![(ra, tb.to_string()), (rb, ta.to_string())],
                rule: "UN043",
                at: start2..start2 + a.range.len(),
            })
        }
        _ => None,
    }
}

#[test]
fn recall_by_mutation() {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus not found; mutation recall skipped");
        return;
    };
    let files: Vec<PathBuf> = adopted(&dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("A_RES_")
        })
        .step_by(6)
        .collect();
    let kinds = [
        "drop-terminal-punctuation",
        "swap-terminal-punctuation",
        "repeat-paragraph-number",
        "skip-paragraph-number",
        "space-in-symbol",
        "impossible-date",
        "break-bracket",
        "also-without-base",
        "preambular-after-operative",
        "orphan-footnote-marker",
        "chronological-swap",
    ];
    let show = std::env::var("UNLSP_CALIBRATION_SHOW").unwrap_or_default();
    let cfg = Config::default();
    let rows = par_map(&files, |p| {
        let text = std::fs::read_to_string(p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let doc = Document::new(&text);
        let base: Vec<_> = analysis::check(&doc, &cfg);
        let mut out = Vec::new();
        for kind in kinds {
            let Some(m) = mutate(kind, &text, &doc) else {
                continue;
            };
            let mtext = m.apply(&text);
            let d2 = analysis::check(&Document::new(&mtext), &cfg);
            let hit = d2.iter().any(|d| {
                d.code == m.rule && d.range.start <= m.at.end && m.at.start <= d.range.end
            });
            // nothing new elsewhere: every diagnostic outside the paragraphs the
            // splices land in was already there, at the same place, before
            let landed = m.landed();
            let blocks: Vec<Range<usize>> = landed
                .iter()
                .map(|(r, _, _)| block_around(&mtext, r))
                .collect();
            let to_base = |pos: usize| -> usize {
                let shift = landed
                    .iter()
                    .filter(|(r, _, _)| r.end <= pos)
                    .map(|(_, s, _)| *s)
                    .next_back()
                    .unwrap_or(0);
                (pos as isize - shift) as usize
            };
            let mut blocks = blocks;
            blocks.push(block_around(&mtext, &m.at));
            // the same finding at another place (a second marker of the
            // orphaned footnote) is the defect itself
            let found: Vec<&String> = d2
                .iter()
                .filter(|d| {
                    d.code == m.rule && d.range.start <= m.at.end && m.at.start <= d.range.end
                })
                .map(|d| &d.message)
                .collect();
            let new_elsewhere: Vec<&analysis::Diagnostic> = d2
                .iter()
                .filter(|d| !(d.code == m.rule && found.contains(&&d.message)))
                .filter(|d| {
                    !blocks
                        .iter()
                        .any(|b| b.start <= d.range.end && d.range.start <= b.end)
                })
                .filter(|d| {
                    let r = to_base(d.range.start)..to_base(d.range.end);
                    !base.iter().any(|o| o.code == d.code && o.range == r)
                })
                .collect();
            if show.split(',').any(|s| s == kind) && (!hit || !new_elsewhere.is_empty()) {
                let line = mtext[..m.at.start].matches('\n').count() + 1;
                let near: Vec<String> = d2
                    .iter()
                    .filter(|d| d.range.start + 600 > m.at.start && d.range.start < m.at.end + 600)
                    .map(|d| format!("{} {:?} {}", d.code, d.range, d.message))
                    .collect();
                eprintln!(
                    "{kind} {name}:{line}: hit={hit} want {} at {:?} `{}`; near: {near:?}; new elsewhere: {:?}",
                    m.rule,
                    m.at,
                    &mtext[m.at.clone()],
                    new_elsewhere
                        .iter()
                        .map(|d| format!(
                            "{} line {} {}",
                            d.code,
                            mtext[..d.range.start].matches('\n').count() + 1,
                            d.message
                        ))
                        .collect::<Vec<_>>()
                );
            }
            out.push((kind, m.rule, hit, new_elsewhere.is_empty()));
        }
        out
    });
    let mut table: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut rule_of: BTreeMap<&str, &str> = BTreeMap::new();
    for (kind, rule, hit, clean) in rows.into_iter().flatten() {
        rule_of.insert(kind, rule);
        let e = table.entry(kind).or_default();
        e.0 += 1;
        e.1 += hit as usize;
        e.2 += (hit && clean) as usize;
    }
    let mut failed = Vec::new();
    eprintln!(
        "  {:<36} {:>9} {:>14} {:>26}",
        "defect (rule)", "mutations", "found", "found, nothing new elsewhere"
    );
    for k in kinds {
        let Some((n, hit, clean)) = table.get(k) else {
            failed.push(format!("{k}: no document offers a place for it"));
            continue;
        };
        let recall = *hit as f64 * 100.0 / *n as f64;
        let clean_pct = *clean as f64 * 100.0 / *n as f64;
        let label = format!("{k} ({})", rule_of[k]);
        eprintln!("  {label:<36} {n:>9} {hit:>7} {recall:>5.1}% {clean:>18} {clean_pct:>5.1}%");
        // at least 95% per kind, and no new diagnostic elsewhere
        if recall < 95.0 || clean_pct < 95.0 {
            failed.push(format!("{k}: found {recall:.1}%, clean {clean_pct:.1}%"));
        }
    }
    assert!(failed.is_empty(), "below 95%: {failed:?}");
}

/// A citation date cut by a page break (`61/276 of 29 June` / page foot,
/// footnotes, running header / `2007`): the date is read across the break and
/// UN052 says nothing (these were eight false positives or
/// "extraction" entries). Written `29th June 2007` across the same break, it is
/// reported, without the fix that would delete the footnotes.
#[test]
fn dates_across_a_page_break() {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus not found; skipped");
        return;
    };
    let cases = [
        ("A_RES_78_304.txt", "61/276", "2007-06-29"),
        ("A_RES_79_307.txt", "61/276", "2007-06-29"),
        ("A_RES_79_308.txt", "75/250 A", "2020-12-31"),
        ("A_RES_78_7.txt", "51/17", "1996-11-12"),
        ("A_RES_79_7.txt", "54/21", "1999-11-09"),
        ("A_RES_79_81.txt", "ES-10/23", "2024-05-10"),
        ("A_RES_80_200.txt", "49/31", "2022-04-01"),
        ("A_RES_80_221.txt", "50/3", "2022-07-07"),
    ];
    let cfg = Config::default();
    for (file, target, iso) in cases {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let doc = Document::new(&text);
        let c = doc
            .tree()
            .citations
            .iter()
            .find(|c| c.target == target && c.date.is_some_and(|d| d.iso() == iso))
            .unwrap_or_else(|| panic!("{file}: no {target} of {iso}"));
        let written = &text[c.date_range.clone().unwrap()];
        assert!(written.contains('\n'), "{file}: {written:?}");
        let un052: Vec<_> = analysis::check(&doc, &cfg)
            .into_iter()
            .filter(|d| d.code == "UN052")
            .collect();
        assert!(un052.is_empty(), "{file}: {un052:#?}");
    }
    let Ok(text) = std::fs::read_to_string(dir.join("A_RES_78_304.txt")) else {
        return;
    };
    let bad = text.replacen("61/276 of 29 June", "61/276 of 29th June", 1);
    assert_ne!(bad, text);
    let un052: Vec<_> = analysis::check(&Document::new(&bad), &cfg)
        .into_iter()
        .filter(|d| d.code == "UN052")
        .collect();
    assert_eq!(un052.len(), 1, "{un052:#?}");
    assert!(un052[0].fix.is_none());
    assert!(
        un052[0].message.contains("`29th June 2007`"),
        "{}",
        un052[0].message
    );
}

/// The bundled catalogue dates a General Assembly resolution of regular
/// session N between September of 1945 + N and September of 1946 + N; real
/// texts cite dates outside it (`55/56 of 1 December 2001`, A/RES/78/270;
/// `73/287 of 15 April 2018`, A/RES/78/276) and a roll call was keyed to the
/// wrong number (59/307 on a vote of 8 December 2005): none of those is an
/// entry's date (`scripts/build_catalogue.py`).
#[test]
fn catalogue_dates_lie_in_their_session() {
    use unlsp_index::catalogue::{ActKind, Organ, catalogue};
    let mut outside = Vec::new();
    for e in catalogue().entries() {
        let (Some(iso), Ok(n)) = (e.date.as_deref(), e.session.parse::<i32>()) else {
            continue;
        };
        if e.organ != Organ::GA || e.kind != ActKind::Resolution {
            continue;
        }
        let first = if n == 1 {
            "1946-01-01".to_string()
        } else {
            format!("{}-09-01", 1945 + n)
        };
        let last = format!("{}-09-30", 1946 + n);
        if iso < first.as_str() || iso > last.as_str() {
            outside.push(format!("{} {iso}", e.number));
        }
    }
    assert!(outside.is_empty(), "{outside:?}");
    let c = catalogue();
    let date = |n: &str| {
        c.lookup(ActKind::Resolution, Organ::GA, n)
            .unwrap_or_else(|| panic!("{n} not in the catalogue"))
            .date
            .clone()
    };
    assert_eq!(date("59/307").as_deref(), Some("2005-06-22"));
    assert_eq!(date("55/56"), None);
    assert_eq!(date("73/287"), None);
}

/// An annex numbers its paragraphs from 1, not on from the operative part: the
/// Goods Review List procedures of SC 1454 (2002), annex B, run 1 to 20 after
/// five operative paragraphs, and their own text cites `paragraph 18 below`
/// and `paragraph 17 above` (two UN033 false positives while paragraphs 12-19
/// were read as text of paragraph 11). The articles of a convention (GA
/// 80/162) number from 1 again after each heading.
#[test]
fn annex_paragraphs_number_from_one() {
    use unlsp_syntax::NodeKind;
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus not found; skipped");
        return;
    };
    let annex_labels = |doc: &Document, which: usize| -> Vec<String> {
        let annexes = doc.tree().nodes_of(NodeKind::Annex);
        annexes[which]
            .children
            .iter()
            .filter(|n| n.kind == NodeKind::Paragraph)
            .filter_map(|n| n.label.map(String::from))
            .collect()
    };
    if let Ok(text) = std::fs::read_to_string(dir.join("S_RES_1454_2002.txt")) {
        let doc = Document::new(&text);
        let labels = annex_labels(&doc, 1);
        let want: Vec<String> = (1..=20).map(|n| n.to_string()).collect();
        assert_eq!(labels[..20], want[..]);
        let un033: Vec<_> = analysis::check(&doc, &Config::default())
            .into_iter()
            .filter(|d| d.code == "UN033")
            .collect();
        assert!(un033.is_empty(), "{un033:#?}");
    }
    if let Ok(text) = std::fs::read_to_string(dir.join("A_RES_80_162.txt")) {
        let doc = Document::new(&text);
        let labels = annex_labels(&doc, 0);
        // article 1 (1-3), article 2 (1-8), article 3 (1-4) …
        assert_eq!(
            labels[..15],
            [
                "1", "2", "3", "1", "2", "3", "4", "5", "6", "7", "8", "1", "2", "3", "4"
            ]
        );
    }
}

/// SC 800 and 801 (1993) mark their footnote in the old way, `…the United
/// Nations, 1/`: the comma before the marker closes the preambular paragraph,
/// so `Recommends …` opens the operative part (was UN006 on the whole text).
#[test]
fn old_footnote_marker_after_the_comma() {
    use unlsp_syntax::NodeKind;
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus not found; skipped");
        return;
    };
    for f in ["S_RES_800_1993.txt", "S_RES_801_1993.txt"] {
        let Ok(text) = std::fs::read_to_string(dir.join(f)) else {
            continue;
        };
        let doc = Document::new(&text);
        let ops: Vec<String> = doc
            .tree()
            .nodes_of(NodeKind::Operative)
            .iter()
            .filter_map(|n| n.lead.as_ref().map(|l| l.text.clone()))
            .collect();
        assert_eq!(ops, ["Recommends"], "{f}");
        let pre = doc.tree().nodes_of(NodeKind::Preambular);
        assert_eq!(pre.len(), 1, "{f}");
        assert!(text[pre[0].range.clone()].ends_with("Nations, 1/"), "{f}");
        let structural: Vec<_> = analysis::check(&doc, &Config::default())
            .into_iter()
            .filter(|d| ["UN006", "UN010"].contains(&d.code))
            .collect();
        assert!(structural.is_empty(), "{f}: {structural:#?}");
    }
}
