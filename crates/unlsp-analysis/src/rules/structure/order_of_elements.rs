//! UN003 `order-of-elements`: Heading, adoption line, title, author, preamble, operative part,
//! closing, annexes — in that order.

use crate::{Ctx, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::tree::{Node, NodeKind};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN003",
    name: "order-of-elements",
    severity: Severity::Error,
    scopes: RES_DRAFT,
    reach: Reach::Document,
    summary: "Heading, adoption line, title, author, preamble, operative part, closing, annexes — in that order.",
    explanation: "A preambular paragraph cannot follow an operative paragraph unless a new section with its own preamble starts (Editorial Manual, order of elements; AKN4UN sections).",
    bad: "1. Decides to convene a conference;\nRecalling its resolution 61/100,\n2. Requests the Secretary-General to report.",
    good: "Recalling its resolution 61/100,\n1. Decides to convene a conference;\n2. Requests the Secretary-General to report.",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    fn scan(level: &[Node], out: &mut Sink) {
        let mut seen_operative = None;
        for n in level {
            match n.kind {
                NodeKind::OperativePart => seen_operative = Some(n.range.clone()),
                NodeKind::Preamble => {
                    if let Some(op) = &seen_operative
                        && let Some(p) = n.children.iter().find(|c| c.kind == NodeKind::Preambular)
                    {
                        let end = p
                            .lead
                            .as_ref()
                            .map(|l| l.range.end)
                            .unwrap_or(p.range.start + 1);
                        out.emit(p.range.start..end, "preambular paragraph after the operative part: move it before paragraph 1")
                            .related(op.start..op.start, "the operative part starts here");
                    }
                }
                NodeKind::Section => scan(&n.children, out),
                _ => {}
            }
        }
    }
    scan(&cx.tree.nodes, out);
}
