//! UN087 `furniture-inconsistency`: Barcode and job number disagree, or the job number's
//! language letter is not the text's.

use crate::pattern::Pattern;
use crate::{Ctx, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::tree::NodeKind;

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN087",
    name: "furniture-inconsistency",
    severity: Severity::Information,
    reach: Reach::Document,
    summary: "Barcode and job number disagree, or the job number's language letter is not the text's.",
    explanation: "`*2016878*` repeats the job number `20-16878` without the hyphen; the letter in `(C)` names the language version (E, F, S, R, A, C).",
    bad: "20-16878 (E) on a Chinese text",
    good: "20-16878 (C) on a Chinese text",
    check,
    ..RuleDef::DEFAULT
};

fn check(cx: &Ctx, out: &mut Sink) {
    let furn = cx.tree.nodes_of(NodeKind::Furniture);
    static JOB: Pattern =
        Pattern::new(|| regex::Regex::new(r"(\d{2})-(\d{5})\s*\(([EFSRAC])\)").unwrap());
    let re_job = cx.re(&JOB);
    let mut job: Option<(String, char, std::ops::Range<usize>)> = None;
    for n in &furn {
        let t = &cx.text[n.range.clone()];
        if let Some(c) = re_job.captures(t) {
            let letter = c[3].chars().next().unwrap();
            job = Some((format!("{}{}", &c[1], &c[2]), letter, n.range.clone()));
            let want = match cx.lang {
                unlsp_syntax::Lang::En => 'E',
                unlsp_syntax::Lang::Fr => 'F',
                unlsp_syntax::Lang::Es => 'S',
                unlsp_syntax::Lang::Ru => 'R',
                unlsp_syntax::Lang::Ar => 'A',
                unlsp_syntax::Lang::Zh => 'C',
            };
            if letter != want {
                out.emit(
                    n.range.clone(),
                    format!(
                        "job number marked `({letter})` on a text in {}: expected `({want})`",
                        cx.lang.table().name
                    ),
                );
            }
            break;
        }
    }
    if let Some((digits, _, jr)) = job {
        for n in &furn {
            let t = cx.text[n.range.clone()].trim();
            if t.starts_with('*') && t.ends_with('*') && t.len() > 2 && t[1..t.len() - 1] != digits
            {
                out.emit(
                    n.range.clone(),
                    format!(
                        "barcode {t} does not match job number {}-{}",
                        &digits[..2],
                        &digits[2..]
                    ),
                )
                .related(jr.clone(), "job number");
            }
        }
    }
}
