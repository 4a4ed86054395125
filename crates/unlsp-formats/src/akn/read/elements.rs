//! The AKN4UN elements of a resolution read in document order: cover,
//! preface, preamble, body, lists and tables, conclusions and annexes.

use super::model::{Block, Piece, Point, Quirk, Resolution};
use super::repair::{as_line, points_from_body, preambular_from_body};
use super::text::{inline, inline_ps, is_blank, is_blank_piece, plain, squeeze, text_of};
use roxmltree::{Document as Xml, Node};
use std::collections::BTreeSet;

/// Read AKN4UN XML.
pub fn parse(xml: &str) -> Result<Resolution, String> {
    let doc = Xml::parse(xml).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    let mut r = Resolution::default();
    let Some(top) = root.children().find(|n| n.is_element()) else {
        return Err("no document element".into());
    };
    if top.tag_name().name() == "documentCollection" {
        r.quirks.push(Quirk::Collection);
    }
    if let Some(l) = descendant(top, "FRBRExpression").and_then(|e| descendant(e, "FRBRlanguage")) {
        r.lang = iso639_1(l.attribute("language").unwrap_or(""));
    }
    r.adopted = top
        .descendants()
        .find(|n| n.has_tag_name("FRBRdate") && n.attribute("name") == Some("adoption"))
        .and_then(|n| n.attribute("date"))
        .map(str::to_string);
    let mut preambles = 0;
    let mut bodies = 0;
    for part in top.children().filter(|n| n.is_element()) {
        match part.tag_name().name() {
            "coverPage" => read_cover(part, &mut r),
            "preface" => read_preface(part, &mut r),
            "preamble" => {
                preambles += 1;
                read_preamble(part, &mut r);
            }
            "mainBody" => {
                bodies += 1;
                read_body(part, &mut r.body, &mut r.cited);
            }
            "conclusions" => {
                // a line per `<eol/>`: `47th plenary meeting` / `4 December 2024`
                for p in part.descendants().filter(|n| n.has_tag_name("p")) {
                    let mut line = String::new();
                    for d in p.descendants() {
                        if d.has_tag_name("eol") {
                            line.push('\n');
                        } else if d.is_text() {
                            line.push_str(d.text().unwrap_or(""));
                        }
                    }
                    for l in line.split('\n').map(squeeze).filter(|l| !l.is_empty()) {
                        r.conclusions.push(vec![Piece::Text(l)]);
                    }
                }
            }
            "attachments" => {
                for body in part.descendants().filter(|n| n.has_tag_name("mainBody")) {
                    let mut blocks = Vec::new();
                    read_body(body, &mut blocks, &mut r.cited);
                    // an annex's paragraphs are text, not the resolution's own
                    r.annexes.push(blocks.into_iter().map(as_line).collect());
                }
            }
            _ => {}
        }
    }
    if preambles > 1 || bodies > 1 {
        r.quirks.push(Quirk::SecondBody);
    }
    r.schema_slips = schema_slips(top);
    r.preambular_in_body = preambular_from_body(&mut r.body);
    r.points_in_body = points_from_body(&mut r.body);
    if let Some(m) = top.children().find(|n| n.has_tag_name("mainBody"))
        && m.descendants()
            .any(|n| n.has_tag_name("paragraph") && n.children().any(|c| c.has_tag_name("heading")))
    {
        r.quirks.push(Quirk::AnnexAsBody);
    }
    Ok(r)
}

/// What the OASIS schema refuses in the UN's files, once each.
fn schema_slips(top: Node) -> Vec<&'static str> {
    let mut v = Vec::new();
    if top.has_tag_name("documentCollection")
        && let Some(meta) = top.children().find(|n| n.has_tag_name("meta"))
        && !meta.children().any(|n| n.has_tag_name("identification"))
    {
        v.push("<documentCollection> whose <meta> has no <identification>");
    }
    if top
        .descendants()
        .any(|n| n.has_tag_name("step") && n.attribute("date").is_none())
    {
        v.push("<step> without date");
    }
    if top
        .descendants()
        .any(|n| n.has_tag_name("keyword") && n.attribute("showAs").is_none())
    {
        v.push("<keyword> without showAs");
    }
    v
}

fn descendant<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.descendants().find(|d| d.has_tag_name(name))
}

fn iso639_1(code: &str) -> String {
    match code {
        "eng" => "en",
        "fra" => "fr",
        "spa" => "es",
        "rus" => "ru",
        "ara" => "ar",
        "zho" | "chi" => "zh",
        other => other,
    }
    .to_string()
}

fn read_cover(cover: Node, r: &mut Resolution) {
    for p in cover.children().filter(|n| n.has_tag_name("p")) {
        if let Some(d) = p
            .descendants()
            .find(|n| n.has_tag_name("docNumber") && n.attribute("refersTo") == Some("#symbol"))
        {
            let s = squeeze(&text_of(d));
            if let Some(n) = sc_number(&s) {
                r.number.get_or_insert(n);
            }
            r.symbol = Some(s.clone());
            r.cover.push(vec![Piece::Text(s)]);
            continue;
        }
        let pieces = inline(p, &mut r.cited);
        if !is_blank(&pieces) {
            if p.descendants()
                .any(|n| n.has_tag_name("docTitle") || n.has_tag_name("docProponent"))
            {
                r.cover_titles.push(pieces.clone());
            }
            r.cover.push(pieces);
        }
    }
}

/// `S/RES/2618 (2022)` → `2618 (2022)`.
fn sc_number(symbol: &str) -> Option<String> {
    symbol.strip_prefix("S/RES/").map(str::to_string)
}

fn read_preface(preface: Node, r: &mut Resolution) {
    if let Some(d) = descendant(preface, "docNumber") {
        let n = squeeze(&text_of(d));
        r.number_text = Some(n.clone());
        let n = n.trim_end_matches(['.', '．', ' ']).to_string();
        if !n.is_empty() {
            r.number = Some(n);
        }
    }
    if let Some(t) = descendant(preface, "docTitle") {
        r.title = inline(t, &mut r.cited);
    }
}

fn read_preamble(pre: Node, r: &mut Resolution) {
    for c in pre.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "formula" => r.body.push(Block::Author(inline_ps(c, &mut r.cited))),
            "container" => {
                let name = squeeze(c.attribute("name").unwrap_or(""));
                r.body.push(Block::Preambular {
                    name,
                    content: inline_ps(c, &mut r.cited),
                });
            }
            _ => {
                let pieces = inline_ps(c, &mut r.cited);
                if !is_blank(&pieces) {
                    r.body.push(Block::Line(pieces));
                }
            }
        }
    }
}

fn read_body(body: Node, out: &mut Vec<Block>, cited: &mut BTreeSet<String>) {
    for c in body.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "paragraph" => read_paragraph(c, out, cited),
            "crossHeading" if c.attribute("refersTo") == Some("#preamble") => {
                let content = inline(c, cited);
                let name = match content.iter().find(|p| !is_blank_piece(p)) {
                    Some(Piece::Emph(e)) => e.clone(),
                    _ => String::new(),
                };
                out.push(Block::Preambular { name, content });
            }
            "section" | "part" | "chapter" | "title" | "division" => {
                let head: Vec<Piece> = c
                    .children()
                    .filter(|n| matches!(n.tag_name().name(), "num" | "heading" | "subheading"))
                    .flat_map(|n| {
                        let mut v = inline(n, cited);
                        v.push(Piece::Text(" ".into()));
                        v
                    })
                    .collect();
                if !is_blank(&head) {
                    out.push(Block::Line(head));
                }
                read_body(c, out, cited);
            }
            "num" | "heading" | "subheading" => {}
            "crossHeading" | "p" | "blockList" | "tblock" => {
                let pieces = inline(c, cited);
                if !is_blank(&pieces) {
                    out.push(Block::Line(pieces));
                }
            }
            "table" => read_table(c, out, cited),
            _ => read_body(c, out, cited),
        }
    }
}

fn read_table(t: Node, out: &mut Vec<Block>, cited: &mut BTreeSet<String>) {
    for tr in t.descendants().filter(|n| n.has_tag_name("tr")) {
        let mut row = Vec::new();
        for cell in tr.children().filter(|n| n.is_element()) {
            if !row.is_empty() {
                row.push(Piece::Text("\t".into()));
            }
            row.extend(inline(cell, cited));
        }
        if !is_blank(&row) {
            out.push(Block::Line(row));
        }
    }
}

fn read_paragraph(p: Node, out: &mut Vec<Block>, cited: &mut BTreeSet<String>) {
    let num = p
        .children()
        .find(|n| n.has_tag_name("num"))
        .map(|n| squeeze(&text_of(n)));
    if let Some(h) = p.children().find(|n| n.has_tag_name("heading")) {
        out.push(Block::Line(inline(h, cited)));
    }
    let mut content = Vec::new();
    let mut points = Vec::new();
    for c in p.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "content" => content.extend(inline_ps(c, cited)),
            "list" => read_list(c, &mut content, &mut points, cited),
            "paragraph" | "subparagraph" => {
                // nested paragraphs: read as points of this one
                let mut inner = Vec::new();
                read_paragraph(c, &mut inner, cited);
                for b in inner {
                    if let Block::Operative {
                        num: Some(n),
                        content: c2,
                        points: p2,
                    } = b
                    {
                        points.push(Point {
                            num: n,
                            content: c2,
                            points: p2,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    // an unnumbered paragraph that does not end as a paragraph does is a
    // heading marked as a paragraph (Arabic `تاسعا` / `الوثائق والنشر`)
    let ends = plain(&content)
        .trim_end()
        .ends_with(['.', ';', ':', '。', '；', '：', '؛', '،', ',', '，']);
    if num.is_none() && points.is_empty() && !ends {
        if !is_blank(&content) {
            out.push(Block::Line(content));
        }
    } else if !is_blank(&content) || !points.is_empty() {
        out.push(Block::Operative {
            num,
            content,
            points,
        });
    }
}

fn read_list(
    list: Node,
    intro: &mut Vec<Piece>,
    points: &mut Vec<Point>,
    cited: &mut BTreeSet<String>,
) {
    for c in list.children().filter(|n| n.is_element()) {
        match c.tag_name().name() {
            "intro" | "listIntroduction" => {
                let mut v = inline_ps(c, cited);
                if points.is_empty() {
                    intro.append(&mut v);
                } else if let Some(last) = points.last_mut() {
                    last.content.append(&mut v);
                }
            }
            "point" | "item" | "indent" | "alinea" => {
                let num = c
                    .children()
                    .find(|n| n.has_tag_name("num"))
                    .map(|n| squeeze(&text_of(n)))
                    .unwrap_or_default();
                let mut pt = Point {
                    num,
                    ..Point::default()
                };
                for cc in c.children().filter(|n| n.is_element()) {
                    match cc.tag_name().name() {
                        "content" => pt.content.extend(inline_ps(cc, cited)),
                        "list" => read_list(cc, &mut pt.content, &mut pt.points, cited),
                        _ => {}
                    }
                }
                points.push(pt);
            }
            "wrapUp" | "wrap" => {
                let mut v = inline_ps(c, cited);
                if let Some(last) = points.last_mut() {
                    last.content.append(&mut v);
                } else {
                    intro.append(&mut v);
                }
            }
            "list" | "sublist" => read_list(c, intro, points, cited),
            _ => {}
        }
    }
}
