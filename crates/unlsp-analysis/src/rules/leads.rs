//! A/D. Lead phrases: also/further forms, emphasis, capitalisation.

use super::parts;
use crate::{ALL_KINDS, Ctx, Edit, RES_DRAFT, Reach, RuleDef, Severity, Sink};
use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, LeadForm};
use unlsp_syntax::tree::{Lead, Node};

/// The verb a lead repeats, for comparing repeat forms with their base:
/// lower case, adverbs and 又/还/再次 dropped (`Also strongly urges` → `urges`).
fn base_key(l: &Lead) -> String {
    let b = if l.base.is_empty() { &l.text } else { &l.base };
    if l.lang == Lang::Zh {
        return b
            .trim_start_matches(['又', '还'])
            .trim_start_matches("再次")
            .to_string();
    }
    if l.lang == Lang::Ar {
        // the verb after the particles: the first preambular paragraph opens
        // `إذ تشير`, the next `وإذ تشير أيضا` (the conjunction `و` joins them)
        let verb = b
            .split_whitespace()
            .find(|w| !matches!(*w, "وإذ" | "إذ" | "وقد" | "قد" | "و" | "أيضا" | "كذلك"))
            .unwrap_or("");
        return verb
            .strip_prefix('و')
            .filter(|v| v.chars().count() > 2)
            .unwrap_or(verb)
            .to_string();
    }
    let lower = b.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "also"
                    | "further"
                    | "furthermore"
                    | "again"
                    | "once"
                    | "strongly"
                    | "deeply"
                    | "firmly"
                    | "fully"
                    | "urgently"
                    | "warmly"
                    | "sincerely"
                    | "gravely"
                    | "seriously"
                    | "most"
                    | "profoundly"
                    | "reiterating"
            )
        })
        .collect();
    words.first().copied().unwrap_or("").to_string()
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn is_also(f: LeadForm) -> bool {
    matches!(
        f,
        LeadForm::Also | LeadForm::Further | LeadForm::MisplacedAlso | LeadForm::MisplacedFurther
    )
}

pub const UN025: RuleDef = RuleDef {
    id: "UN025",
    name: "also-without-base",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "An \"also\"/\"further\" lead needs an earlier paragraph with the same verb in the same part.",
    explanation: "`Also requests`, `Recalling further`, `又请`, `还欢迎` repeat a lead used earlier in the same part (the preamble, or the operative part of the same section). Without that earlier paragraph the repeat form is wrong: write the base form (Editorial Manual, wording; seeds 000–003).",
    bad: "1. Decides to convene a conference;\n2. Also requests the Secretary-General to report;",
    good: "1. Requests the Secretary-General to convene a conference;\n2. Also requests the Secretary-General to report;",
    check: un025,
};

/// The first letters of the verb: `Encourages` and `Encouraging` share `encour`.
fn stem(key: &str) -> String {
    key.chars().take(6).collect()
}

fn un025(cx: &Ctx, out: &mut Sink) {
    // Corpus calibration: the base may come in an earlier part (the preamble's
    // `Encouraging` before `Further encourages`, or a previous section), so any
    // earlier paragraph of the document with the same verb stem counts.
    // exact stems in a set; Chinese bases also match by containment (few)
    let mut seen: rustc_hash::FxHashSet<String> = Default::default();
    let mut seen_zh: Vec<String> = Vec::new();
    // English paragraphs whose other verbs are not in `seen` yet: read only
    // when an "also" form finds no base among the leads (rare)
    let mut pending: Vec<&unlsp_syntax::tree::Node> = Vec::new();
    let other_verbs = |p: &unlsp_syntax::tree::Node, seen: &mut rustc_hash::FxHashSet<String>| {
        let v = super::view(cx, p);
        for w in v.s.split([',', ';']).skip(1) {
            if let Some(word) = w
                .split_whitespace()
                .find(|x| *x != "and" && *x != "also" && !x.ends_with("ly"))
            {
                seen.insert(stem(&word.to_lowercase()));
            }
        }
    };
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            let key = if l.lang == Lang::Zh {
                base_key(l)
            } else {
                stem(&base_key(l))
            };
            // English operative `Encourages further steps`, `Encourages further
            // international cooperation` (GA 78/48, 78/240, 79/161): `further`
            // qualifies the object; the verb is the base form
            let adjective = l.lang == Lang::En
                && l.class == LeadClass::Operative
                && matches!(l.form, LeadForm::MisplacedFurther);
            let zh_base_seen = l.lang == Lang::Zh
                && seen_zh
                    .iter()
                    .any(|k| k.contains(&key) || key.contains(k.as_str()));
            if is_also(l.form) && !adjective && !seen.contains(&key) {
                for q in pending.drain(..) {
                    other_verbs(q, &mut seen);
                }
            }
            if is_also(l.form)
                && !adjective
                && !seen.contains(&key)
                && !zh_base_seen
                && !key.is_empty()
            {
                let base = if l.class == LeadClass::Operative || l.lang != Lang::En {
                    cap(&l.base)
                } else {
                    l.base.clone()
                };
                out.emit(
                    l.range.clone(),
                    format!(
                        "`{}` but no earlier paragraph in this part opens with `{}`: write `{}`",
                        l.text, l.base, base
                    ),
                )
                .fix(
                    format!("Write `{base}`"),
                    vec![Edit {
                        range: l.range.clone(),
                        text: base.clone(),
                    }],
                    false,
                );
            }
            if l.lang == Lang::Zh {
                seen_zh.push(key.clone());
            }
            seen.insert(key);
            // a paragraph's other verbs (`…, and encourages States`) are bases too
            if l.lang == Lang::En {
                pending.push(p);
            }
        }
    }
}

pub const UN026: RuleDef = RuleDef {
    id: "UN026",
    name: "also-misplaced",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    // Not Chinese: 又/还 always stand before the verb (`又回顾`, `还请`); a
    // Chinese lead has no other place for them to be misplaced to.
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "\"Also\" in the place the language and part require.",
    explanation: "In a General Assembly operative part English puts `also` before the verb: `Also <verb>` opens 1,971 paragraphs of GA 78–80, `<Verb> also` 5 (`Decides also` twice, `Recognizes also`, `Encourages also`, `Looks forward also`). So `Requests also` is reported in a text that writes `Also …` elsewhere (GA 78/238, 80/139); alone it is an adopted variant (GA 78/265, 78/285). French, Spanish, Russian and Arabic put the adverb after the verb in both parts. Not checked, because adopted texts use both orders: the English preamble (`<Participle> also/further` 2,862 times, `Also/Further <participle>` 6 times in GA 78–80: 78/85, 78/105, 79/1, 79/98, 80/89, 80/229; 53 and 11 times in the Security Council resolutions of 1992–2002), Security Council operative paragraphs (`<Verb> also` 20 times, `Also <verb>` 8 times in 1992–2002), and `further` after an operative verb (`Encourages further steps`, an adjective). Chinese is not concerned: 又/还 always stand before the verb.",
    bad: "3. Requests also the Secretary-General to report …;",
    good: "3. Also requests the Secretary-General to report …;",
    check: un026,
};

fn un026(cx: &Ctx, out: &mut Sink) {
    let ga = cx.tree.meta.organ.as_deref() == Some("GA")
        || (cx.tree.meta.organ.is_none()
            && cx
                .tree
                .meta
                .symbol
                .as_deref()
                .is_none_or(|s| s.starts_with("A/")));
    let preposes = cx.lang == Lang::En
        && super::all_of(cx, unlsp_syntax::tree::NodeKind::Operative)
            .iter()
            .filter_map(|p| p.lead.as_ref())
            .any(|l| l.form == LeadForm::Also && l.text.starts_with("Also "));
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            if !matches!(l.form, LeadForm::MisplacedAlso | LeadForm::MisplacedFurther) {
                continue;
            }
            if cx.lang != Lang::En {
                out.emit(
                    l.range.clone(),
                    format!("`{}`: the adverb is misplaced for this language", l.text),
                );
                continue;
            }
            // English: only a General Assembly operative `Requests also` in a
            // text that elsewhere writes `Also requests` (GA 78/238, 80/139):
            // alone (`Decides also`, GA 78/285) it is an adopted variant
            if l.class != LeadClass::Operative
                || l.form != LeadForm::MisplacedAlso
                || !ga
                || !preposes
            {
                continue;
            }
            let want = format!("Also {}", lower_first(&l.base));
            let written = cx.text[l.range.clone()].to_string();
            out.emit(
                l.range.clone(),
                format!(
                    "`{written}`: in a General Assembly operative paragraph English writes `{want}`"
                ),
            )
            .fix(
                format!("Write `{want}`"),
                vec![Edit {
                    range: l.range.clone(),
                    text: want.clone(),
                }],
                true,
            );
        }
    }
}

pub const UN027: RuleDef = RuleDef {
    id: "UN027",
    name: "repeated-lead",
    severity: Severity::Hint,
    default_on: false,
    scopes: RES_DRAFT,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "Two consecutive paragraphs with the same base lead and no \"also\".",
    explanation: "Drafting style suggests `Also calls upon` for the second of two consecutive `Calls upon` paragraphs. Off by default: edited resolutions do repeat a bare verb (62/57 paras 1–2, 62/47 paras 13–14).",
    bad: "1. Calls upon all States …;\n2. Calls upon all States …;",
    good: "1. Calls upon all States …;\n2. Also calls upon all States …;",
    check: un027,
};

fn un027(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        for w in part.windows(2) {
            let (Some(a), Some(b)) = (&w[0].lead, &w[1].lead) else {
                continue;
            };
            if a.form != LeadForm::Base || b.form != LeadForm::Base || a.text != b.text {
                continue;
            }
            let want = match (cx.lang, b.class) {
                (Lang::Zh, _) => format!("又{}", b.text),
                (Lang::En, LeadClass::Operative) => format!("Also {}", lower_first(&b.text)),
                (Lang::En, LeadClass::Preambular) => format!("{} also", b.text),
                _ => continue,
            };
            out.emit(
                b.range.clone(),
                format!("`{}` repeats the previous lead: consider `{want}`", b.text),
            )
            .related(a.range.clone(), "previous paragraph")
            .fix(
                format!("Write `{want}`"),
                vec![Edit {
                    range: b.range.clone(),
                    text: want.clone(),
                }],
                false,
            );
        }
    }
}

pub const UN028: RuleDef = RuleDef {
    id: "UN028",
    name: "further-before-also",
    severity: Severity::Hint,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "The sequence is base → also → further.",
    explanation: "The second occurrence of a lead takes `also`, the third `further` (seed 001: `Welcoming`, `Welcoming also`, `Welcoming further`). Not applied to Chinese, where 又 and 还 are interchangeable.",
    bad: "Welcoming the report,\nWelcoming further the efforts,",
    good: "Welcoming the report,\nWelcoming also the efforts,",
    check: un028,
};

fn un028(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        let mut seen: Vec<(String, LeadForm)> = Vec::new();
        for p in &part {
            let Some(l) = &p.lead else { continue };
            let key = base_key(l);
            if l.form == LeadForm::Further
                && seen.iter().any(|(k, _)| *k == key)
                && !seen.iter().any(|(k, f)| *k == key && *f == LeadForm::Also)
            {
                let written = &cx.text[l.range.clone()];
                let want = written
                    .replacen("further", "also", 1)
                    .replacen("Further", "Also", 1);
                out.emit(
                    l.range.clone(),
                    format!(
                        "`{written}` before any `also` form: the second occurrence takes `also`"
                    ),
                )
                .fix(
                    format!("Write `{want}`"),
                    vec![Edit {
                        range: l.range.clone(),
                        text: want.clone(),
                    }],
                    false,
                );
            }
            seen.push((key, l.form));
        }
    }
}

pub const UN030: RuleDef = RuleDef {
    id: "UN030",
    name: "lead-emphasis-consistency",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Document,
    summary: "When some leads of a part are emphasised, all are.",
    explanation: "Leads are printed in italics (Chinese: another typeface); a Markdown draft marks them `*…*` or `**…**`. Emphasis is optional, but within one part either every lead carries it or none does.",
    bad: "1. **鼓励**各方…；\n2. 吁请所有国家…；",
    good: "1. **鼓励**各方…；\n2. **吁请**所有国家…；",
    check: un030,
};

/// The emphasis marker written right before the lead (`**`, `*`, `_`).
fn marker_before(cx: &Ctx, p: &Node, l: &Lead) -> Option<(usize, &'static str)> {
    let from = p
        .label_range
        .as_ref()
        .map(|r| r.end)
        .unwrap_or(p.range.start);
    let s = &cx.text[from..l.range.end.max(from)];
    for m in ["**", "*", "__", "_"] {
        if let Some(i) = s.find(m) {
            return Some((from + i, m));
        }
    }
    None
}

fn un030(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        let leads: Vec<(&Node, &Lead)> = part
            .iter()
            // a preambular paragraph filed in the operative part keeps the
            // preamble's style (UN015 reports it)
            .filter(|p| !super::preambular_with_operative_lead(cx, p))
            .filter_map(|p| Some((*p, p.lead.as_ref()?)))
            .collect();
        let marked: Vec<&(&Node, &Lead)> = leads.iter().filter(|(_, l)| l.emphasis).collect();
        if marked.is_empty() || marked.len() == leads.len() {
            continue;
        }
        let mk = marker_before(cx, marked[0].0, marked[0].1)
            .map(|(_, m)| m)
            .unwrap_or("*");
        for (_, l) in leads.iter().filter(|(_, l)| !l.emphasis) {
            let a = l.range.start;
            let b = l.range.end;
            out.emit(
                l.range.clone(),
                format!(
                    "lead `{}` is not emphasised like the other leads of this part",
                    l.text
                ),
            )
            .fix(
                format!("Write `{mk}{}{mk}`", l.text),
                vec![
                    Edit {
                        range: a..a,
                        text: mk.into(),
                    },
                    Edit {
                        range: b..b,
                        text: mk.into(),
                    },
                ],
                true,
            );
        }
    }
}

pub const UN031: RuleDef = RuleDef {
    id: "UN031",
    name: "emphasis-span",
    severity: Severity::Hint,
    default_on: true,
    scopes: ALL_KINDS,
    langs: &[],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Emphasis covers exactly the lead phrase.",
    explanation: "The italic (bold) span is the whole lead, with also/further and adverbs, and nothing more: `*Also requests*`, `**吁请**所有国家`.",
    bad: "**吁请所有**国家…；\n*Also* requests the Secretary-General…;",
    good: "**吁请**所有国家…；\n*Also requests* the Secretary-General…;",
    check: un031,
};

fn un031(cx: &Ctx, out: &mut Sink) {
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            if !l.emphasis {
                continue;
            }
            let Some((open, mk)) = marker_before(cx, p, l) else {
                continue;
            };
            let inner_start = open + mk.len();
            let Some(close_rel) = cx.text[inner_start..p.range.end].find(mk) else {
                continue;
            };
            let inner = &cx.text[inner_start..inner_start + close_rel];
            let norm = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
            if norm(inner) == norm(&l.text) {
                continue;
            }
            let close = inner_start + close_rel;
            let end = (close + mk.len()).max(l.range.end).min(p.range.end);
            let stripped = format!(
                "{}{}",
                &cx.text[inner_start..close],
                &cx.text[close + mk.len()..end]
            );
            // the lead's raw length inside the stripped text
            let mut want = l.text.chars().filter(|c| !c.is_whitespace()).peekable();
            let mut k = 0;
            for (i, c) in stripped.char_indices() {
                if want.peek().is_none() {
                    break;
                }
                if c.is_whitespace() {
                    continue;
                }
                if Some(&c) == want.peek() {
                    want.next();
                    k = i + c.len_utf8();
                } else {
                    break;
                }
            }
            let edit = (want.peek().is_none()).then(|| Edit {
                range: open..end,
                text: format!("{mk}{}{mk}{}", &stripped[..k], &stripped[k..]),
            });
            let d = out.emit(
                open..close + mk.len(),
                format!(
                    "emphasis covers `{}`, the lead is `{}`",
                    inner.trim(),
                    l.text
                ),
            );
            if let Some(e) = edit {
                d.fix(format!("Emphasise `{}`", l.text), vec![e], true);
            }
        }
    }
}

pub const UN080: RuleDef = RuleDef {
    id: "UN080",
    name: "lead-capitalisation",
    severity: Severity::Warning,
    default_on: true,
    scopes: RES_DRAFT,
    langs: &[Lang::En, Lang::Fr, Lang::Es, Lang::Ru],
    extraction_tolerant: false,
    reach: Reach::Unit,
    summary: "Leads are capitalised in English, French and Spanish, lower case in Russian.",
    explanation: "A paragraph opens with `Recalling`, `Rappelant`, `Recordando` — but `ссылаясь` in Russian, where capitalising the lead is the defect.",
    bad: "recalling its resolution 61/100,",
    good: "Recalling its resolution 61/100,",
    check: un080,
};

fn un080(cx: &Ctx, out: &mut Sink) {
    let want_upper = cx.lang != Lang::Ru;
    for part in parts(cx) {
        for p in &part {
            let Some(l) = &p.lead else { continue };
            if l.capitalised == want_upper {
                continue;
            }
            let written = &cx.text[l.range.clone()];
            let Some(i) = written.find(|c: char| c.is_alphabetic()) else {
                continue;
            };
            let c = written[i..].chars().next().unwrap();
            let fixed: String = if want_upper {
                c.to_uppercase().collect()
            } else {
                c.to_lowercase().collect()
            };
            let at = l.range.start + i;
            out.emit(
                l.range.clone(),
                format!(
                    "lead `{}` should be {}",
                    l.text,
                    if want_upper {
                        "capitalised"
                    } else {
                        "lower case in Russian"
                    }
                ),
            )
            .fix(
                format!("Write `{fixed}`"),
                vec![Edit {
                    range: at..at + c.len_utf8(),
                    text: fixed.clone(),
                }],
                true,
            );
        }
    }
}
