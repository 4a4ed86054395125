//! The parts of an AKN document that say which document it is: `<meta>`
//! (FRBR identification, references), `<coverPage>`, the Assembly's
//! `<preface>` and the `<conclusions>`.

use super::inline::{Ctx, own_segments, squeeze};
use super::xml::{El, Item};
use unlsp_syntax::Lang;
use unlsp_syntax::dates::Date;
use unlsp_syntax::tree::{DocKind, Node, NodeKind, Tree};

/// What the FRBR names are built from.
pub(crate) struct Ident {
    pub(crate) council: bool,
    pub(crate) draft: bool,
    symbol: Option<String>,
    /// `/akn/un/statement/deliberation/unga/2024-12-04/79-100/`
    work: String,
    /// `eng`
    lang3: &'static str,
    date: String,
    date_name: &'static str,
    published: String,
    session: Option<String>,
}

impl Ident {
    pub(crate) fn of(tree: &Tree) -> Ident {
        let m = &tree.meta;
        let symbol = m.symbol.clone();
        let council = symbol.as_deref().is_some_and(|s| s.starts_with("S/"))
            || m.number
                .as_deref()
                .is_some_and(|n| n.ends_with(')') && !n.contains('/'));
        let draft = tree.kind == DocKind::Draft || m.adoption_date.is_none() && m.number.is_none();
        let iso = |d: &Option<Date>| d.as_ref().filter(|d| valid(d)).map(Date::iso);
        let (date, date_name) = match (draft, iso(&m.adoption_date).or(iso(&m.closing_date))) {
            (false, Some(d)) => (d, "adoption"),
            _ => (
                iso(&m.issue_date).unwrap_or_else(|| "0001-01-01".into()),
                "masthead",
            ),
        };
        let name = match (&m.number, &symbol) {
            (Some(n), _) if !draft => component(n),
            (_, Some(s)) => component(s),
            (Some(n), None) => component(n),
            (None, None) => "unknown".into(),
        };
        let organ = if council { "unsc" } else { "unga" };
        let kind = if draft { "draft" } else { "deliberation" };
        let session = m
            .number
            .as_deref()
            .or(symbol.as_deref().and_then(|s| s.strip_prefix("A/")))
            .and_then(|n| n.split('/').next())
            .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_string);
        Ident {
            council,
            draft,
            symbol,
            work: format!("/akn/un/statement/{kind}/{organ}/{date}/{name}/"),
            lang3: lang3(tree.lang),
            published: iso(&m.issue_date).unwrap_or_else(|| date.clone()),
            date,
            date_name,
            session,
        }
    }

    fn organ(&self) -> &'static str {
        if self.council { "sc" } else { "ga" }
    }

    /// `<meta><identification>` of the document or of its annex `suffix`.
    pub(crate) fn identification(&self, suffix: &str) -> El {
        let w = &self.work;
        let l = self.lang3;
        let frbr = |name: &'static str, v: String| El::new(name).attr("value", v);
        let date = |d: &str, n: &str| El::new("FRBRdate").attr("date", d).attr("name", n);
        let author = |h: &str, a: &str| {
            El::new("FRBRauthor")
                .attr("href", format!("#{h}"))
                .attr("as", format!("#{a}"))
        };
        El::new("identification")
            .attr("source", "#unlsp")
            .child(
                El::new("FRBRWork")
                    .child(frbr("FRBRthis", format!("{w}!main{suffix}")))
                    .child(frbr("FRBRuri", w.clone()))
                    .child(date(&self.date, self.date_name))
                    .child(author(self.organ(), "author"))
                    .child(El::new("FRBRcountry").attr("value", "un")),
            )
            .child(
                El::new("FRBRExpression")
                    .child(frbr("FRBRthis", format!("{w}{l}@!main{suffix}")))
                    .child(frbr("FRBRuri", format!("{w}{l}@/")))
                    .child(date(&self.published, "publication"))
                    .child(author(self.organ(), "issuer"))
                    .child(El::new("FRBRlanguage").attr("language", l)),
            )
            .child(
                El::new("FRBRManifestation")
                    .child(frbr("FRBRthis", format!("{w}{l}@/!main{suffix}.xml")))
                    .child(frbr("FRBRuri", format!("{w}{l}@.xml")))
                    .child(date(&self.published, "markup"))
                    .child(author("unlsp", "editor")),
            )
    }
}

/// A date `xsd:date` accepts (the text may print a day that is not one).
pub(crate) fn valid(d: &Date) -> bool {
    (1..=12).contains(&d.month) && (1..=31).contains(&d.day) && (1..=9999).contains(&d.year)
}

/// `79/100` → `79-100`; `2618 (2022)` → `2618-2022`; `A/80/L.1` → `A-80-L.1`.
fn component(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '/' | ' ' | '(' if !out.ends_with('-') => out.push('-'),
            '/' | ' ' | '(' => {}
            ')' => {}
            c if c.is_alphanumeric() || c == '.' => out.push(c),
            _ => {}
        }
    }
    out.trim_matches('-').to_string()
}

fn lang3(l: Lang) -> &'static str {
    match l {
        Lang::En => "eng",
        Lang::Fr => "fra",
        Lang::Es => "spa",
        Lang::Ru => "rus",
        Lang::Ar => "ara",
        Lang::Zh => "zho",
    }
}

/// `<meta>`: identification and the references the document's `refersTo`s name.
pub(crate) fn meta(id: &Ident, tree: &Tree) -> El {
    let org = |e: &str, h: &str, s: &str| {
        El::new("TLCOrganization")
            .attr("eId", e)
            .attr("href", format!("/akn/ontology/organization/un/{h}"))
            .attr("showAs", s)
    };
    let concept = |e: &str, s: &str| {
        El::new("TLCConcept")
            .attr("eId", e)
            .attr("href", format!("/akn/ontology/concept/un/{e}"))
            .attr("showAs", s)
    };
    let (organ, organ_name) = if id.council {
        ("sc", "Security Council")
    } else {
        ("ga", "General Assembly")
    };
    let _ = tree;
    El::new("meta").child(id.identification("")).child(
        El::new("references")
            .attr("source", "#unlsp")
            .child(org("unlsp", "unlsp", "unlsp"))
            .child(org(organ, organ, organ_name))
            .child(concept("symbol", "Symbol"))
            .child(concept("dateOfIssuance", "Date of issuance"))
            .child(concept("adoptionDate", "Date of adoption"))
            .child(concept("resolutionTitle", "Resolution title"))
            .child(concept("preamble", "Preamble")),
    )
}

fn top(tree: &Tree, kind: NodeKind) -> Option<&Node> {
    tree.nodes.iter().find(|n| n.kind == kind)
}

/// `United Nations` and the organ's name as each language prints them.
fn names(lang: Lang, council: bool) -> (&'static str, &'static str) {
    let (un, ga, sc) = match lang {
        Lang::En => ("United Nations", "General Assembly", "Security Council"),
        Lang::Fr => ("Nations Unies", "Assemblée générale", "Conseil de sécurité"),
        Lang::Es => (
            "Naciones Unidas",
            "Asamblea General",
            "Consejo de Seguridad",
        ),
        Lang::Ru => (
            "Организация Объединенных Наций",
            "Генеральная Ассамблея",
            "Совет Безопасности",
        ),
        Lang::Ar => ("الأمم المتحدة", "الجمعية العامة", "مجلس الأمن"),
        Lang::Zh => ("联合国", "大会", "安全理事会"),
    };
    (un, if council { sc } else { ga })
}

/// The date as the text writes it, else ISO.
fn date_text(cx: &Ctx, d: &Date) -> String {
    cx.tree
        .dates
        .iter()
        .find(|r| &r.date == d)
        .and_then(|r| cx.text.get(r.range.clone()))
        .map(|s| squeeze(s, cx.lang()).trim().to_string())
        .unwrap_or_else(|| d.iso())
}

fn line(e: El) -> El {
    El::new("p").child(e)
}

/// `<coverPage>`.
pub(crate) fn cover(cx: &mut Ctx, id: &Ident) -> El {
    let m = &cx.tree.meta;
    let (un, organ) = names(cx.lang(), id.council);
    let mut c = El::new("coverPage").attr("eId", "coverPage_1");
    cx.links = false;
    c.push(line(
        El::new("docAuthority").attr("refersTo", "#unlsp").text(un),
    ));
    if let Some(s) = &id.symbol {
        c.push(line(
            El::new("docNumber")
                .attr("refersTo", "#symbol")
                .text(s.clone()),
        ));
    }
    c.push(line(
        El::new("docAuthority")
            .attr("refersTo", format!("#{}", id.organ()))
            .text(organ),
    ));
    if let Some(d) = &m.distribution {
        c.push(line(El::new("docStatus").text(d.clone())));
    }
    if let Some(d) = m.issue_date.as_ref().filter(|d| valid(d)) {
        let t = date_text(cx, d);
        c.push(line(
            El::new("docDate")
                .attr("date", d.iso())
                .attr("refersTo", "#dateOfIssuance")
                .text(t),
        ));
    }
    if let Some(s) = &m.session {
        let mut e = El::new("session").attr("refersTo", format!("#{}", id.organ()));
        e = e.attr("value", id.session.clone().unwrap_or_default());
        c.push(line(e.text(s.clone())));
    }
    if let Some(a) = &m.agenda {
        c.push(line(
            El::new("inline")
                .attr("name", "agenda item")
                .text(a.clone()),
        ));
    }
    if id.council
        && let Some(t) = top(cx.tree, NodeKind::Title)
    {
        let items = cx.inline(std::slice::from_ref(&t.range), None, false);
        c.push(line(El::new("docTitle").items(items)));
    }
    if let Some(a) = top(cx.tree, NodeKind::Adoption) {
        let items = cx.inline(&own_segments(cx.text, a, false), None, false);
        c.push(adoption(items));
    }
    if let Some(s) = top(cx.tree, NodeKind::Sponsors) {
        let items = cx.inline(&own_segments(cx.text, s, false), None, false);
        c.push(line(El::new("docProponent").items(items)));
    }
    cx.links = true;
    c
}

/// The adoption line, the committee report (`[on the report …]`) apart.
fn adoption(items: Vec<Item>) -> El {
    let mut title = Vec::new();
    let mut report = Vec::new();
    for i in items {
        match i {
            Item::Text(t) if report.is_empty() && t.contains('[') => {
                let (a, b) = t.split_at(t.find('[').unwrap_or(0));
                if !a.trim().is_empty() {
                    title.push(Item::Text(a.trim_end().to_string()));
                }
                report.push(Item::Text(b.to_string()));
            }
            i if report.is_empty() => title.push(i),
            i => report.push(i),
        }
    }
    let mut p = El::new("p").child(El::new("docTitle").items(title));
    if !report.is_empty() {
        p.push(El::new("docProponent").items(report));
    }
    p
}

/// The Assembly's `<preface>`: `<docNumber>79/100.</docNumber>` and the title.
pub(crate) fn preface(cx: &mut Ctx) -> Option<El> {
    let t = top(cx.tree, NodeKind::Title)?;
    let mut p = El::new("p");
    let mut start = t.range.start;
    if let Some(l) = &t.label_range {
        let rest = cx.text.get(l.end..t.range.end).unwrap_or("");
        let dot = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '．'))
            .map_or(0, char::len_utf8);
        let number = cx.text.get(l.start..l.end + dot).unwrap_or("");
        p.push(El::new("docNumber").text(number.to_string()));
        start = l.end + dot;
    }
    let segs: Vec<_> = own_segments(cx.text, t, false)
        .into_iter()
        .map(|r| r.start.max(start)..r.end)
        .filter(|r| r.start < r.end)
        .collect();
    let items = cx.inline(&segs, None, false);
    p.push(
        El::new("docTitle")
            .attr("refersTo", "#resolutionTitle")
            .items(items),
    );
    Some(El::new("preface").child(p))
}

/// `<conclusions>`: the meeting, then the date.
pub(crate) fn conclusions(cx: &mut Ctx) -> Option<El> {
    let n = top(cx.tree, NodeKind::Closing)?;
    let d = cx
        .tree
        .meta
        .closing_date
        .or(cx.tree.meta.adoption_date)
        .filter(valid);
    let mut p = El::new("p");
    for seg in own_segments(cx.text, n, false) {
        for l in cx.text.get(seg).unwrap_or("").lines() {
            let l = squeeze(l, cx.lang()).trim().to_string();
            if l.is_empty() {
                continue;
            }
            if !p.is_empty() {
                p.push(El::new("eol"));
            }
            match &d {
                Some(d) if date_text(cx, d) == l => p.push(
                    El::new("docDate")
                        .attr("date", d.iso())
                        .attr("refersTo", "#adoptionDate")
                        .text(l),
                ),
                _ => p.kids.push(Item::Text(l)),
            }
        }
    }
    (!p.is_empty()).then(|| El::new("conclusions").attr("eId", "conclusions").child(p))
}
