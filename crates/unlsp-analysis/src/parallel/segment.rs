//! The lead class of a paragraph taken out of its document.

use unlsp_syntax::lang::Lang;
use unlsp_syntax::lexicon::{LeadClass, lexicon};

/// The class of the lead phrase a paragraph taken out of its document opens
/// with (a segment of a parallel corpus, a line of a bilingual page), after
/// its number or label, with the lexicon entries of `lang` only (`Note:` is
/// French `Note`, not an English lead). A phrase of both classes (`回顾`,
/// `注意到`) is operative when numbered or closed by a full stop or
/// semicolon, preambular otherwise. English leads must be capitalised;
/// a Chinese segment without any clause punctuation is a heading (`通过议程`,
/// "Adoption of the agenda"), and a discontinuous frame (`以…为指导`) needs
/// its closing part (`以色列` is Israel).
pub fn segment_class(text: &str, lang: Lang) -> Option<LeadClass> {
    let t = text.trim_start_matches(unlsp_syntax::cjk::is_space);
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut numbered = false;
    let mut rest = t;
    if digits > 0 && digits <= 3 {
        let after = t[digits..].trim_start_matches([' ', '\u{a0}']);
        if let Some(r) = after
            .strip_prefix('.')
            .or_else(|| after.strip_prefix('．'))
            .or_else(|| after.strip_prefix('-'))
            .or_else(|| after.strip_prefix('、'))
        {
            numbered = true;
            rest = r;
        }
    } else if let Some(r) = t.strip_prefix('(')
        && let Some(close) = r.find(')')
        && close <= 4
    {
        rest = &r[close + 1..];
    }
    let rest = rest.trim_start_matches(unlsp_syntax::cjk::is_space);
    let lex = lexicon();
    let m = lex.match_at(rest)?;
    let first = rest.chars().next()?;
    if first.is_ascii_alphabetic() && !m.capitalised {
        return None;
    }
    if lang == Lang::Zh && !text.contains(['，', '；', '。', '：', ',', ';', ':']) {
        return None;
    }
    let entries: Vec<&unlsp_syntax::lexicon::LeadEntry> = m
        .entries(lex)
        .map(|e| &lex.entries[e as usize])
        .filter(|e| e.lang == lang)
        .filter(|e| match e.phrase.split_once('…') {
            Some((_, close)) => rest.contains(close),
            None => true,
        })
        .collect();
    let pre = entries.iter().any(|e| e.class == LeadClass::Preambular);
    let op = entries.iter().any(|e| e.class == LeadClass::Operative);
    match (pre, op) {
        (false, false) => None,
        (true, false) => Some(LeadClass::Preambular),
        (false, true) => Some(LeadClass::Operative),
        (true, true) => {
            let end = text.trim_end().chars().next_back();
            Some(
                if numbered || matches!(end, Some('.' | '。' | ';' | '；')) {
                    LeadClass::Operative
                } else {
                    LeadClass::Preambular
                },
            )
        }
    }
}
