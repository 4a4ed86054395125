//! `textDocument/completion`: lead phrases that fit the place (preambular in
//! the preamble, operative after it, in the document's language, the
//! "also"/"further" forms once the base was used), and resolution numbers after
//! `resolution`/`decision`/`第` from the workspace, the reference folders and
//! the bundled catalogue, inserted with their date in the document's citation
//! form (`61/100 of 6 December 2006`; `2006 年 12 月 6 日第 61/100 号决议`).

use super::common::{catalogue_facts, cjk_dates_spaced, plain_text, title_in};
use crate::convert;
use crate::excerpt::first_words;
use crate::snapshot::Snapshot;
use crate::state::Shared;
use std::collections::HashSet;
use std::sync::LazyLock;
use tower_lsp_server::ls_types as lsp;
use unlsp_index::catalogue::{ActKind, Organ, catalogue};
use unlsp_syntax::Lang;
use unlsp_syntax::dates::Date;
use unlsp_syntax::lexicon::{LeadClass, LeadForm, lexicon};
use unlsp_syntax::tree::NodeKind;

const MAX_ITEMS: usize = 200;

/// What a number can follow: an act noun of one of the six languages
/// (`resolution`, `résolutions`, `резолюцию`, `القرار`, `决议`), `第`, or a symbol
/// prefix (`A/RES/`, `A/DEC/`, `S/RES/`).
struct Cue {
    /// Lower case, as searched in the lower-cased line.
    needle: String,
    kind: Option<ActKind>,
    organ: Option<Organ>,
    /// A symbol prefix: the number follows with no space and is written bare.
    symbol: bool,
}

static CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| {
    let word = |w: &str, kind| Cue {
        needle: w.to_lowercase(),
        kind,
        organ: None,
        symbol: false,
    };
    let symbol = |w: &str, kind, organ| Cue {
        needle: w.to_lowercase(),
        kind: Some(kind),
        organ: Some(organ),
        symbol: true,
    };
    let (res, dec) = (Some(ActKind::Resolution), Some(ActKind::Decision));
    let mut cues = vec![
        word("resolution", res),
        word("decision", dec),
        word("决议", res),
        word("决定", dec),
        word("第", None),
        symbol("A/RES/", ActKind::Resolution, Organ::GA),
        symbol("A/DEC/", ActKind::Decision, Organ::GA),
        symbol("S/RES/", ActKind::Resolution, Organ::SC),
    ];
    for l in Lang::ALL {
        let t = l.table();
        cues.extend(t.resolution_words().iter().map(|w| word(w, res)));
        cues.extend(t.decision_words().iter().map(|w| word(w, dec)));
    }
    let mut seen = HashSet::new();
    cues.retain(|c| seen.insert(c.needle.clone()));
    cues
});

/// A number being typed after a cue at the end of the line.
struct Cited<'p> {
    /// `61/1` for `recalling its resolutions 60/93 and 61/1`; empty after
    /// the noun or between numbers.
    partial: &'p str,
    cue: &'static Cue,
}

/// The partial number after the last cue of `prefix` (the cue that ends
/// last; at the same end, the longest: `القرارين`, not `قراري`).
fn citation_partial(prefix: &str) -> Option<Cited<'_>> {
    let lower = prefix.to_lowercase();
    let (end, cue) = CUES
        .iter()
        .filter_map(|c| lower.rfind(&c.needle).map(|i| (i + c.needle.len(), c)))
        .max_by_key(|(end, c)| (*end, c.needle.len()))?;
    // lower-casing can change byte lengths outside ASCII: map back by suffix
    let tail_len = lower.len() - end;
    let tail = &prefix[prefix.len().checked_sub(tail_len)?..];
    let tail = if cue.symbol {
        if tail.starts_with(char::is_whitespace) {
            return None;
        }
        tail
    } else {
        let tail = tail.strip_prefix('s').unwrap_or(tail);
        if !tail.is_empty()
            && !tail.starts_with(char::is_whitespace)
            && !tail.starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        tail
    };
    let ok = tail.chars().all(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '/' | '(' | ')' | ',' | '-' | ' ' | '\u{a0}')
    });
    if !ok || tail.len() > 60 {
        return None;
    }
    let partial = tail.rsplit([' ', ',', '\u{a0}']).next().unwrap_or("");
    // `and` between numbers is a separator, not a partial number
    if partial.chars().any(|c| c.is_ascii_lowercase()) && !partial.contains('/') {
        return Some(Cited { partial: "", cue });
    }
    Some(Cited { partial, cue })
}

/// The act cited: which kind and organ, and for `第` (Chinese, where the date
/// comes before `第` and the noun after the number) where it starts, so that
/// the whole citation form can replace it.
struct ActContext {
    kind: Option<ActKind>,
    organ: Option<Organ>,
    /// The number goes after a symbol prefix (`A/RES/`): written bare.
    symbol: bool,
    /// Byte offset (in the line prefix) of `第`, when the citation is Chinese.
    zh_start: Option<usize>,
    /// Words follow the cursor on its line (`61/1| and 62/3`): no date.
    line_goes_on: bool,
}

fn act_context(prefix: &str, rest: &str, cited: &Cited) -> ActContext {
    let before = &prefix[..prefix.len() - cited.partial.len()];
    // `第`: the noun comes after the number; the last noun before says
    let kind = cited.cue.kind.or_else(|| {
        let lower = before.to_lowercase();
        let last = |k: &str| lower.rfind(k);
        let res = last("resolution").max(last("决议"));
        let dec = last("decision").max(last("决定"));
        match (res, dec) {
            (Some(a), Some(b)) if b > a => Some(ActKind::Decision),
            (None, Some(_)) => Some(ActKind::Decision),
            (Some(_), _) => Some(ActKind::Resolution),
            (None, None) => None,
        }
    });
    // `第 61/` with nothing but spaces between `第` and the number
    let zh_start = before
        .trim_end()
        .strip_suffix('第')
        .map(|b| b.len())
        .filter(|_| {
            before[before.trim_end().len()..]
                .chars()
                .all(char::is_whitespace)
        });
    ActContext {
        kind,
        organ: cited.cue.organ,
        symbol: cited.cue.symbol,
        zh_start,
        line_goes_on: rest.trim_start().starts_with(|c: char| c.is_alphanumeric()),
    }
}

/// One act to offer.
struct Candidate {
    number: String,
    kind: ActKind,
    organ: Organ,
    title: Option<String>,
    date: Option<Date>,
    /// What the catalogue knows of it, with the sources (the hover's facts).
    facts: Option<String>,
    /// 0: a document of the workspace, 1: a reference folder, 2: the catalogue.
    source: u8,
}

/// What completing `c` writes: an Assembly act's number with its date in the
/// document's citation form (`61/100 of 6 December 2006`, `61/100 du 6 décembre
/// 2006`, `61/100, de 6 de diciembre de 2006`, `61/100 от 6 декабря 2006 года`,
/// `61/100 المؤرخ 6 كانون الأول/ديسمبر 2006`: `Date::with_number`, the writer
/// of the inlay hints' dates), and in Chinese `2006 年 12 月 6 日第 61/100 号决议`
/// (replacing from `第`); the number alone after a symbol prefix, before more
/// words on the line (`61/1| and 62/3`, `79/9| باء`) or when no date is known.
fn insert_text(c: &Candidate, lang: Lang, ctx: &ActContext, spaced_cjk: bool) -> String {
    let ga = c.organ == Organ::GA;
    if ctx.zh_start.is_some() {
        let noun = if c.kind == ActKind::Decision {
            "决定"
        } else {
            "决议"
        };
        let form = match c.date.filter(|_| ga) {
            Some(d) => d.with_number(&c.number, Lang::Zh, spaced_cjk),
            None if spaced_cjk => format!("第 {} 号", c.number),
            None => format!("第{}号", c.number),
        };
        return format!("{form}{noun}");
    }
    match c.date {
        Some(d) if ga && !ctx.symbol && !ctx.line_goes_on && lang != Lang::Zh => {
            d.with_number(&c.number, lang, spaced_cjk)
        }
        _ => c.number.clone(),
    }
}

/// The act's title as the document's language writes it, a line of the
/// documentation (empty in English or where the UN's texts give none).
fn own_language_title(c: &Candidate, lang: Lang) -> String {
    catalogue()
        .lookup(c.kind, c.organ, &c.number)
        .and_then(|e| title_in(e, lang))
        .map(|t| format!("\n{}", plain_text(&t)))
        .unwrap_or_default()
}

fn catalogue_facts_of(kind: ActKind, organ: Organ, number: &str) -> Option<String> {
    catalogue()
        .lookup(kind, organ, number)
        .map(|e| plain_text(&catalogue_facts(e)))
}

fn catalogue_date(kind: ActKind, number: &str) -> Option<Date> {
    catalogue()
        .lookup(kind, Organ::GA, number)
        .and_then(|e| e.date.as_deref())
        .and_then(Date::from_iso)
}

/// The acts of the workspace (source 0) or a reference folder (1) whose
/// number starts with `partial`.
fn indexed_candidates(
    ix: &unlsp_index::workspace::WorkspaceIndex,
    source: u8,
    partial: &str,
    want: ActKind,
    seen: &mut HashSet<String>,
    cands: &mut Vec<Candidate>,
) {
    for (_, f) in ix.keys_starting_with(partial) {
        let Some(n) = f.number.clone() else { continue };
        if !seen.insert(n.clone()) {
            continue;
        }
        let organ = if f.organ.as_deref() == Some("SC") {
            Organ::SC
        } else {
            Organ::GA
        };
        cands.push(Candidate {
            date: catalogue_date(want, &n),
            facts: catalogue_facts_of(want, organ, &n),
            number: n,
            kind: want,
            organ,
            title: f.title.clone(),
            source,
        });
    }
}

/// The catalogue's acts whose number starts with `partial`, of the kind and
/// organ the cue names.
fn catalogue_candidates(
    partial: &str,
    ctx: &ActContext,
    seen: &mut HashSet<String>,
    cands: &mut Vec<Candidate>,
) {
    for e in catalogue().numbers_starting_with(partial) {
        if cands.len() >= MAX_ITEMS {
            break;
        }
        if ctx.kind.is_some_and(|k| k != e.kind)
            || ctx.organ.is_some_and(|o| o != e.organ)
            || !seen.insert(e.number.clone())
        {
            continue;
        }
        cands.push(Candidate {
            facts: Some(plain_text(&catalogue_facts(&e))),
            number: e.number.clone(),
            kind: e.kind,
            organ: e.organ,
            title: e.title.clone(),
            date: e.date.as_deref().and_then(Date::from_iso),
            source: 2,
        });
    }
}

fn act_items(
    sh: &Shared,
    partial: &str,
    ctx: &ActContext,
    lang: Lang,
    spaced_cjk: bool,
    range: lsp::Range,
    typed: &str,
) -> Vec<lsp::CompletionItem> {
    let want = ctx.kind.unwrap_or(ActKind::Resolution);
    let mut seen = HashSet::new();
    let mut cands: Vec<Candidate> = Vec::new();
    indexed_candidates(&sh.index(), 0, partial, want, &mut seen, &mut cands);
    indexed_candidates(sh.refs().index(), 1, partial, want, &mut seen, &mut cands);
    if !partial.is_empty() {
        catalogue_candidates(partial, ctx, &mut seen, &mut cands);
    }
    cands
        .into_iter()
        .map(|c| {
            let text = insert_text(&c, lang, ctx, spaced_cjk);
            let own = own_language_title(&c, lang);
            let title = c.title.as_deref().map(|t| first_words(t, 160));
            let detail = match (&c.date, &title) {
                (Some(d), Some(t)) => Some(format!("{} — {t}", d.iso())),
                (Some(d), None) => Some(d.iso()),
                (None, t) => t.clone(),
            };
            lsp::CompletionItem {
                label: c.number.clone(),
                kind: Some(lsp::CompletionItemKind::REFERENCE),
                detail,
                documentation: c.facts.map(|f| f + &own).map(lsp::Documentation::String),
                sort_text: Some(format!(
                    "{}{}",
                    c.source,
                    unlsp_index::catalogue::natural_key(&c.number)
                )),
                filter_text: Some(format!("{typed}{}", c.number)),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                    range, text,
                ))),
                ..Default::default()
            }
        })
        .collect()
}

/// The part a new paragraph at `o` belongs to.
fn class_at(v: &Snapshot, o: usize, line_has_number: bool) -> LeadClass {
    let t = v.tree();
    if line_has_number {
        return LeadClass::Operative;
    }
    let path = t.path_at(o);
    if path
        .iter()
        .any(|n| matches!(n.kind, NodeKind::OperativePart | NodeKind::Operative))
    {
        return LeadClass::Operative;
    }
    if path.iter().any(|n| n.kind == NodeKind::Preamble) {
        return LeadClass::Preambular;
    }
    match t.nodes_of(NodeKind::Operative).first() {
        Some(n) if n.range.start <= o => LeadClass::Operative,
        _ => LeadClass::Preambular,
    }
}

fn lead_items(
    v: &Snapshot,
    o: usize,
    partial: &str,
    range: lsp::Range,
    numbered: bool,
) -> Vec<lsp::CompletionItem> {
    let class = class_at(v, o, numbered);
    let lang = v.lang();
    let used: HashSet<&str> = {
        let mut u = HashSet::new();
        v.tree().walk(|n, _| {
            if let Some(l) = &n.lead
                && l.class == class
                && l.range.end <= o
            {
                u.insert(l.base.as_str());
            }
        });
        u
    };
    let p = partial.to_lowercase();
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    // leads that agree with the author in its gender only (UN082)
    let gender = (v.tree().meta.author.as_deref()).and_then(|a| lang.table().author_gender(a));
    for e in &lexicon().entries {
        if e.lang != lang
            || e.class != class
            || gender.is_some() && e.gender.is_some_and(|g| Some(g) != gender)
        {
            continue;
        }
        let rank = match e.form {
            LeadForm::Base => {
                if used.contains(e.base.as_str()) {
                    2
                } else {
                    1
                }
            }
            LeadForm::Also | LeadForm::Further if used.contains(e.base.as_str()) => 0,
            _ => continue,
        };
        // `Req` finds `Also requests` too: repeat forms filter on their base
        let filter = if e.form == LeadForm::Base {
            e.phrase.clone()
        } else {
            format!("{} {}", e.base, e.phrase)
        };
        if !p.is_empty()
            && !e.phrase.to_lowercase().starts_with(&p)
            && !e.base.to_lowercase().starts_with(&p)
        {
            continue;
        }
        if !seen.insert(e.phrase.clone()) {
            continue;
        }
        items.push(lsp::CompletionItem {
            label: e.phrase.clone(),
            kind: Some(lsp::CompletionItemKind::KEYWORD),
            detail: Some(format!(
                "{} lead{}",
                match class {
                    LeadClass::Preambular => "preambular",
                    LeadClass::Operative => "operative",
                },
                if e.gloss.is_empty() || e.gloss == e.phrase {
                    String::new()
                } else {
                    format!(" — {}", e.gloss)
                }
            )),
            sort_text: Some(format!("{rank}{}", e.phrase)),
            filter_text: Some(filter),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                range,
                e.phrase.clone(),
            ))),
            ..Default::default()
        });
    }
    items
}

pub(crate) fn run(
    sh: &Shared,
    v: &Snapshot,
    p: lsp::CompletionParams,
) -> Option<lsp::CompletionResponse> {
    let pos = p.text_document_position.position;
    enum Want {
        Acts(String, ActContext, Lang, lsp::Range, String),
        Leads(Vec<lsp::CompletionItem>),
    }
    // the text the items' edits replace, for clients that ignore the range
    let mut replaced = String::new();
    let want = (|| {
        let o = v.offset(pos);
        let rope = v.rope();
        let line = rope.byte_to_line(o);
        let ls = rope.line_to_byte(line);
        let prefix = v.text().get(ls..o)?;
        if let Some(cited) = citation_partial(prefix) {
            let next_line = rope.line_to_byte((line + 1).min(rope.len_lines()));
            let rest = v.text().get(o..next_line.max(o)).unwrap_or("");
            let ctx = act_context(prefix, rest, &cited);
            let partial = cited.partial;
            let lang = v.lang();
            // Chinese: the whole form replaces `第 61/`; else the number
            let start = match ctx.zh_start {
                Some(z) => ls + z,
                None => o - partial.len(),
            };
            let typed = prefix[start - ls..prefix.len() - partial.len()].to_string();
            replaced = prefix[start - ls..].to_string();
            let r = convert::range(rope, &(start..o), v.enc());
            return Some(Want::Acts(partial.to_string(), ctx, lang, r, typed));
        }
        // a paragraph start: optional number label, then at most a few words
        let trimmed = prefix.trim_start();
        let after_label = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
        let numbered = after_label.len() < trimmed.len() && after_label.starts_with('.');
        let words = if numbered {
            after_label[1..].trim_start()
        } else {
            trimmed
        };
        let plain = words
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '*' || c == '_');
        if !plain || words.chars().count() > 40 {
            return None;
        }
        let partial = words.trim_start_matches(['*', '_']);
        let start = o - partial.len();
        replaced = partial.to_string();
        let r = convert::range(rope, &(start..o), v.enc());
        Some(Want::Leads(lead_items(v, o, partial, r, numbered)))
    })()?;
    let mut items = match want {
        Want::Acts(partial, ctx, lang, r, typed) => {
            act_items(sh, &partial, &ctx, lang, cjk_dates_spaced(v), r, &typed)
        }
        Want::Leads(items) => items,
    };
    if !v.client().completion_text_edit {
        for it in &mut items {
            without_range(it, &replaced);
        }
    }
    Some(lsp::CompletionResponse::List(lsp::CompletionList {
        is_incomplete: items.len() >= MAX_ITEMS,
        items,
    }))
}

/// The word a client replaces when it ignores the edit's range: the letters,
/// digits and `_` before the cursor (Vim's `\k*$`, VS Code's word pattern).
fn client_word(typed: &str) -> &str {
    let start = typed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map_or(typed.len(), |(i, _)| i);
    &typed[start..]
}

/// What to insert over the client's own word when the edit would have replaced
/// `typed`: the edit's text after the part of `typed` the client keeps
/// (`61/7` → the client replaces `7`, so `61/75 of …` becomes `75 of …`).
/// Chinese forms that start before `第` lose the date: `第 61/` → `100 号决议`.
fn text_without_range(new_text: &str, typed: &str) -> String {
    let kept = &typed[..typed.len() - client_word(typed).len()];
    if kept.is_empty() {
        return new_text.to_string();
    }
    let (lower_new, lower_kept) = (new_text.to_lowercase(), kept.to_lowercase());
    match lower_new.find(&lower_kept) {
        // lower-casing may change byte lengths: map back by characters
        Some(i) => {
            let skip = lower_new[..i + lower_kept.len()].chars().count();
            new_text.chars().skip(skip).collect()
        }
        None => new_text.to_string(),
    }
}

/// Neovim 0.7's omnifunc inserts `textEdit.newText` at the start of the word
/// under the cursor: send an `insertText` that is right there instead.
fn without_range(it: &mut lsp::CompletionItem, typed: &str) {
    let Some(lsp::CompletionTextEdit::Edit(e)) = it.text_edit.take() else {
        return;
    };
    let text = text_without_range(&e.new_text, typed);
    it.filter_text = Some(text.clone());
    it.insert_text = Some(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partial(prefix: &str) -> Option<&str> {
        citation_partial(prefix).map(|c| c.partial)
    }

    #[test]
    fn partial_numbers_after_act_nouns() {
        assert_eq!(partial("Recalling its resolution 61/1"), Some("61/1"));
        assert_eq!(partial("Recalling its resolutions 60/93 and "), Some(""));
        assert_eq!(partial("Recalling its resolution "), Some(""));
        assert_eq!(partial("回顾其第 61/"), Some("61/"));
        // a word after the number is no number being typed
        assert_eq!(
            partial("Recalling its resolution 61/100 of 6 December"),
            Some("")
        );
        assert_eq!(partial("Recalling the report"), None);
        // the nouns of the other languages (grammar/languages.toml)
        assert_eq!(partial("Rappelant sa résolution 79/1"), Some("79/1"));
        assert_eq!(partial("Recordando su resolución 79/"), Some("79/"));
        assert_eq!(partial("ссылаясь на свою резолюцию 79/12"), Some("79/12"));
        assert_eq!(partial("وإذ تشير إلى قراريها 79/"), Some("79/"));
        assert_eq!(partial("وإذ تشير إلى القرارين 78/"), Some("78/"));
        // symbols: the number follows the prefix, with its kind and organ
        for (p, n, organ) in [
            ("see A/RES/79/1", "79/1", Organ::GA),
            ("(S/RES/272", "272", Organ::SC),
            ("a/res/ES-11/", "ES-11/", Organ::GA),
        ] {
            let c = citation_partial(p).unwrap();
            assert_eq!(
                (c.partial, c.cue.organ, c.cue.symbol),
                (n, Some(organ), true)
            );
        }
        assert!(citation_partial("A/RES/ 79/").is_none());
    }

    #[test]
    fn insert_text_is_right_over_the_clients_word() {
        let t = text_without_range;
        assert_eq!(
            t("61/75 of 2 December 2006", "61/7"),
            "75 of 2 December 2006"
        );
        assert_eq!(
            t("61/75 of 2 December 2006", "61/"),
            "75 of 2 December 2006"
        );
        assert_eq!(t("61/75", ""), "61/75");
        assert_eq!(t("Also requests", "Also req"), "requests");
        assert_eq!(t("Also requests", "also "), "requests");
        assert_eq!(t("Requests", "Req"), "Requests");
        assert_eq!(
            t("2007 年 9 月 13 日第 61/295 号决议", "第 61/"),
            "295 号决议"
        );
    }

    #[test]
    fn chinese_context_starts_at_di() {
        let p = "回顾其第 61/";
        let c = act_context(p, "", &citation_partial(p).unwrap());
        assert_eq!(c.zh_start, Some("回顾其".len()));
        let p = "Recalling its decision 61/5";
        let c = act_context(p, "\n", &citation_partial(p).unwrap());
        assert_eq!((c.kind, c.zh_start), (Some(ActKind::Decision), None));
        assert!(!c.line_goes_on);
        let c = act_context(p, " باء، اهتماماً", &citation_partial(p).unwrap());
        assert!(c.line_goes_on);
        assert!(
            unlsp_index::catalogue::natural_key("61/2")
                < unlsp_index::catalogue::natural_key("61/10")
        );
    }
}
