//! The word-level difference inside an aligned paragraph, by the `similar`
//! crate: words, spaces and punctuation marks are the tokens; in Chinese and
//! Japanese every character is one.

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::time::{Duration, Instant};
use unlsp_syntax::cjk::is_cjk;

/// What a stretch of words did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// A stretch of text kept, deleted or inserted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordOp {
    pub op: Op,
    pub text: String,
}

/// The longest a word diff may take before it falls back to coarser steps.
const DEADLINE: Duration = Duration::from_millis(200);

fn split_tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<u8> = None;
    for (i, c) in s.char_indices() {
        let class = if is_cjk(c) {
            3
        } else if c.is_alphanumeric() || c == '\'' || c == '’' {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        };
        // a CJK character, a punctuation mark: a token of its own
        if i > start && (prev != Some(class) || class >= 2) {
            out.push(&s[start..i]);
            start = i;
        }
        prev = Some(class);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The difference between two texts, as stretches in reading order.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let a = split_tokens(old);
    let b = split_tokens(new);
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(Instant::now() + DEADLINE));
    let mut out: Vec<WordOp> = Vec::new();
    let mut push = |op: Op, toks: &[&str]| {
        if toks.is_empty() {
            return;
        }
        let text: String = toks.concat();
        match out.last_mut() {
            Some(l) if l.op == op => l.text.push_str(&text),
            _ => out.push(WordOp { op, text }),
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => push(Op::Equal, &a[old_index..old_index + len]),
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, &a[old_index..old_index + old_len]);
                push(Op::Insert, &b[new_index..new_index + new_len]);
            }
        }
    }
    tidy(out)
}

/// A lone space kept between a deletion and an insertion reads better
/// inside them: `urges` → `encourages` rather than word by word.
fn tidy(ops: Vec<WordOp>) -> Vec<WordOp> {
    let mut out: Vec<WordOp> = Vec::with_capacity(ops.len());
    let mut k = 0;
    while k < ops.len() {
        let o = &ops[k];
        let between = k > 0
            && k + 1 < ops.len()
            && o.op == Op::Equal
            && o.text.trim().is_empty()
            && ops[k - 1].op != Op::Equal
            && ops[k + 1].op != Op::Equal;
        if between {
            // the space goes into both sides of the change
            let (mut del, mut ins) = (String::new(), String::new());
            while out.last().is_some_and(|l| l.op != Op::Equal) {
                let l = out.pop().unwrap();
                match l.op {
                    Op::Delete => del.insert_str(0, &l.text),
                    _ => ins.insert_str(0, &l.text),
                }
            }
            del.push_str(&o.text);
            ins.push_str(&o.text);
            out.push(WordOp {
                op: Op::Delete,
                text: del,
            });
            out.push(WordOp {
                op: Op::Insert,
                text: ins,
            });
            k += 1;
            continue;
        }
        match out.last_mut() {
            Some(l) if l.op == o.op => l.text.push_str(&o.text),
            _ => out.push(o.clone()),
        }
        k += 1;
    }
    // merge runs the step above made adjacent: delete, insert, delete, insert
    let mut merged: Vec<WordOp> = Vec::with_capacity(out.len());
    let mut run: (String, String) = (String::new(), String::new());
    let flush = |merged: &mut Vec<WordOp>, run: &mut (String, String)| {
        for (op, t) in [
            (Op::Delete, std::mem::take(&mut run.0)),
            (Op::Insert, std::mem::take(&mut run.1)),
        ] {
            if !t.is_empty() {
                merged.push(WordOp { op, text: t });
            }
        }
    };
    for o in out {
        match o.op {
            Op::Delete => run.0.push_str(&o.text),
            Op::Insert => run.1.push_str(&o.text),
            Op::Equal => {
                flush(&mut merged, &mut run);
                merged.push(o);
            }
        }
    }
    flush(&mut merged, &mut run);
    spaces_are_equal(merged)
}

/// A change of spaces alone (`Secretary- General`) is kept as the new text.
fn spaces_are_equal(ops: Vec<WordOp>) -> Vec<WordOp> {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut out: Vec<WordOp> = Vec::with_capacity(ops.len());
    let mut k = 0;
    while k < ops.len() {
        let o = &ops[k];
        let next = ops.get(k + 1);
        let (equal, text, step) = match (o.op, next) {
            (Op::Delete, Some(n)) if n.op == Op::Insert && squeeze(&o.text) == squeeze(&n.text) => {
                (true, n.text.clone(), 2)
            }
            (Op::Delete, _) if o.text.trim().is_empty() => (true, String::new(), 1),
            (Op::Insert, _) if o.text.trim().is_empty() => (true, o.text.clone(), 1),
            _ => (false, o.text.clone(), 1),
        };
        let op = if equal { Op::Equal } else { o.op };
        match out.last_mut() {
            Some(l) if l.op == op => l.text.push_str(&text),
            _ if text.is_empty() => {}
            _ => out.push(WordOp { op, text }),
        }
        k += step;
    }
    out
}

/// Words changed: per stretch of changes, the larger of the words deleted
/// and the words inserted (`urges` → `encourages` is one).
pub fn words_changed(ops: &[WordOp]) -> usize {
    let count = |t: &str| {
        split_tokens(t)
            .iter()
            .filter(|w| w.chars().any(|c| c.is_alphanumeric() || is_cjk(c)))
            .count()
    };
    let (mut total, mut del, mut ins) = (0, 0, 0);
    for o in ops {
        match o.op {
            Op::Delete => del += count(&o.text),
            Op::Insert => ins += count(&o.text),
            Op::Equal => {
                total += del.max(ins);
                (del, ins) = (0, 0);
            }
        }
    }
    total + del.max(ins)
}
