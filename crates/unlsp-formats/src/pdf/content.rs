//! A page's content stream walked as a PDF viewer walks it, keeping only the
//! text: each shown string becomes a [`Run`] placed on the page, with the
//! marked-content sequence it belongs to (its `MCID`, or an artifact).

use super::fonts::{Font, number};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// A string shown in one font at one place.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub text: String,
    /// Baseline start and end on the page, in points (y grows upwards).
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// The size the glyphs appear at.
    pub size: f64,
    pub italic: bool,
    pub bold: bool,
    /// The marked-content identifier that links the run to the structure tree.
    pub mcid: Option<i64>,
    /// Inside an `/Artifact` sequence: page furniture by the producer's word.
    pub artifact: bool,
}

/// One page's text runs.
pub(super) struct Page {
    pub id: lopdf::ObjectId,
    pub runs: Vec<Run>,
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Vec<u8>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// The walk of one page: graphics state, text matrices, marked content.
struct Walker<'d, 'f> {
    fonts: &'f HashMap<Vec<u8>, Font<'d>>,
    properties: Option<&'d Dictionary>,
    doc: &'d Document,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    /// Open marked-content sequences: (is an artifact, MCID).
    marks: Vec<(bool, Option<i64>)>,
    runs: Vec<Run>,
}

/// Bounds on one page: operations walked and text kept.
const MAX_OPERATIONS: usize = 2_000_000;
const MAX_RUNS: usize = 200_000;

/// The runs of text a page's content stream shows, in stream order.
pub(super) fn page_runs<'d>(
    doc: &'d Document,
    content: &[u8],
    fonts: &HashMap<Vec<u8>, Font<'d>>,
    properties: Option<&'d Dictionary>,
) -> Vec<Run> {
    let Ok(content) = Content::decode(content) else {
        return Vec::new();
    };
    let mut w = Walker {
        fonts,
        properties,
        doc,
        state: State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        },
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        marks: Vec::new(),
        runs: Vec::new(),
    };
    for op in content.operations.iter().take(MAX_OPERATIONS) {
        w.operation(&op.operator, &op.operands);
        if w.runs.len() >= MAX_RUNS {
            break;
        }
    }
    w.runs
}

fn nums(ops: &[Object]) -> Vec<f64> {
    ops.iter().filter_map(number).collect()
}

impl Walker<'_, '_> {
    fn operation(&mut self, op: &str, ops: &[Object]) {
        let n = || nums(ops);
        match op {
            "q" if self.stack.len() < 256 => self.stack.push(self.state.clone()),
            "Q" => {
                if let Some(s) = self.stack.pop() {
                    self.state = s;
                }
            }
            "cm" => {
                if let Ok(m) = <[f64; 6]>::try_from(n()) {
                    self.state.ctm = mul(&m, &self.state.ctm);
                }
            }
            "BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            "Tf" => {
                self.state.font = ops
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                self.state.size = ops.get(1).and_then(number).unwrap_or(0.0);
            }
            "Tc" => self.state.char_space = n().first().copied().unwrap_or(0.0),
            "Tw" => self.state.word_space = n().first().copied().unwrap_or(0.0),
            "Tz" => self.state.scale = n().first().copied().unwrap_or(100.0) / 100.0,
            "TL" => self.state.leading = n().first().copied().unwrap_or(0.0),
            "Ts" => self.state.rise = n().first().copied().unwrap_or(0.0),
            "Td" | "TD" => {
                if let [tx, ty] = n()[..] {
                    if op == "TD" {
                        self.state.leading = -ty;
                    }
                    self.next_line(tx, ty);
                }
            }
            "Tm" => {
                if let Ok(m) = <[f64; 6]>::try_from(n()) {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            "T*" => self.next_line(0.0, -self.state.leading),
            "Tj" => self.show(ops.first()),
            "'" => {
                self.next_line(0.0, -self.state.leading);
                self.show(ops.first());
            }
            "\"" => {
                if let [aw, ac] = nums(&ops[..ops.len().min(2)])[..] {
                    self.state.word_space = aw;
                    self.state.char_space = ac;
                }
                self.next_line(0.0, -self.state.leading);
                self.show(ops.get(2));
            }
            "TJ" => self.show_array(ops.first()),
            "BMC" | "BDC" => self.begin_marked(ops),
            "EMC" => {
                self.marks.pop();
            }
            _ => {}
        }
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn begin_marked(&mut self, ops: &[Object]) {
        let tag = ops
            .first()
            .and_then(|o| o.as_name().ok())
            .unwrap_or_default();
        let props = match ops.get(1) {
            Some(Object::Dictionary(d)) => Some(d),
            Some(Object::Name(name)) => self
                .properties
                .and_then(|p| p.get(name).ok())
                .and_then(|o| super::fonts::deref(self.doc, Some(o)))
                .and_then(|o| o.as_dict().ok()),
            _ => None,
        };
        let mcid = props
            .and_then(|d| d.get(b"MCID").ok())
            .and_then(|o| o.as_i64().ok());
        let outer = self.marks.last().copied().unwrap_or((false, None));
        if self.marks.len() < 256 {
            self.marks
                .push((outer.0 || tag == b"Artifact", mcid.or(outer.1)));
        }
    }

    fn show_array(&mut self, o: Option<&Object>) {
        let Some(Object::Array(items)) = o else {
            return;
        };
        for item in items {
            match item {
                Object::String(..) => self.show(Some(item)),
                other => {
                    if let Some(adj) = number(other) {
                        let tx = -adj / 1000.0 * self.state.size * self.state.scale;
                        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
                        // a kern of a quarter em or more stands for a space
                        if -adj >= 250.0
                            && let Some(r) = self.runs.last_mut()
                            && !r.text.ends_with(' ')
                        {
                            r.text.push(' ');
                        }
                    }
                }
            }
        }
    }

    fn show(&mut self, o: Option<&Object>) {
        let Some(Object::String(bytes, _)) = o else {
            return;
        };
        let st = &self.state;
        let Some(font) = st.font.as_ref().and_then(|f| self.fonts.get(f)) else {
            return;
        };
        let m = mul(&self.tm, &st.ctm);
        let start = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, st.rise], &m);
        let size = st.size * (m[2] * m[2] + m[3] * m[3]).sqrt();
        let mut text = String::new();
        let mut advance = 0.0;
        font.glyphs(bytes, |s, w, space| {
            text.push_str(s);
            let ws = if space { st.word_space } else { 0.0 };
            advance += (w / 1000.0 * st.size + st.char_space + ws) * st.scale;
        });
        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &self.tm);
        let end = mul(&self.tm, &st.ctm);
        let (artifact, mcid) = self.marks.last().copied().unwrap_or((false, None));
        // glyphs placed one by one (kerned `TJ` arrays) join the run they continue
        if let Some(last) = self.runs.last_mut()
            && last.mcid == mcid
            && last.artifact == artifact
            && last.italic == font.italic
            && last.bold == font.bold
            && (last.size - size).abs() < 0.01
            && (last.y - start[5]).abs() < 0.01
            && start[4] - last.x1 > -0.5 * size
            && start[4] - last.x1 < 0.6 * size
        {
            let gap = start[4] - last.x1 > 0.2 * size;
            if gap
                && !last.text.ends_with(char::is_whitespace)
                && !text.starts_with(char::is_whitespace)
            {
                last.text.push(' ');
            }
            last.text.push_str(&text);
            last.x1 = end[4];
            return;
        }
        self.runs.push(Run {
            text,
            x0: start[4],
            x1: end[4],
            y: start[5],
            size,
            italic: font.italic,
            bold: font.bold,
            mcid,
            artifact,
        });
    }
}
