//! One-line texts: a whole resolution on one line, cut where its masthead
//! lines, paragraphs and sub-paragraphs start.

use crate::cjk::{SpaceTrim, is_cjk};
use crate::dates;
use crate::lexicon::{LeadClass, LeadMatch, lexicon};
use crate::patterns::*;

/// Split points of a one-line text: positions where a new structural element
/// starts. Only used on long lines that hold an author line or an operative
/// sequence, i.e. several parts of a resolution.
pub(super) fn inline_splits(line: &str) -> Option<Vec<usize>> {
    let author = INLINE_AUTHOR
        .find(line)
        .or_else(|| INLINE_AUTHOR_OTHER.find(line));
    let mut ops: Vec<(usize, u32)> = INLINE_OPERATIVE
        .captures_iter(line)
        .filter_map(|c| Some((c.get(1)?.start(), c[1].parse().ok()?)))
        .collect();
    // Arabic `؛ 2 - تطلب`, digits Western or Arabic-Indic
    ops.extend(
        INLINE_OPERATIVE_AR
            .captures_iter(line)
            .filter_map(|c| Some((c.get(1)?.start(), dates::parse_digits(&c[1])?))),
    );
    ops.sort_unstable();
    let consecutive = ops.windows(2).filter(|w| w[1].1 == w[0].1 + 1).count();
    if author.is_none() && consecutive < 1 {
        return None;
    }
    let mut splits: Vec<usize> = Vec::new();
    let mut push = |p: usize| {
        if p > 0 {
            splits.push(p)
        }
    };
    if let Some(a) = author {
        masthead_splits(&line[..a.start()], &mut push);
    }
    if let Some(m) = INLINE_REPORT.find(line) {
        push(m.start());
        if let Some(close) = line[m.start()..].find(']') {
            let after = m.start() + close + 1;
            let rest = &line[after..];
            let skip = rest.len() - rest.trim_space_start().len();
            if TITLE_NUMBER.is_match(&rest[skip..]) {
                push(after + skip);
            }
        }
    }
    if let Some(a) = author {
        push(a.start());
        let after = a.end();
        let rest = &line[after..];
        push(after + (rest.len() - rest.trim_space_start().len()));
    }
    for (p, _) in &ops {
        // back up over `**` so that emphasis stays with its paragraph
        let mut q = *p;
        while q > 0 && line.as_bytes()[q - 1] == b'*' {
            q -= 1;
        }
        push(q);
    }
    for c in INLINE_SUB.captures_iter(line) {
        push(c.get(1).unwrap().start());
    }
    for c in INLINE_CLOSING.captures_iter(line) {
        push(c.get(1).unwrap().start());
    }
    for c in INLINE_TITLE_AFTER_STOP.captures_iter(line) {
        let t = c.get(1).unwrap().start();
        push(t);
        // a page of a volume of resolutions: each later title has its author line
        if let Some(a) = INLINE_AUTHOR
            .find_at(line, t)
            .or(INLINE_AUTHOR_OTHER.find_at(line, t))
        {
            push(a.start());
            push(a.end() + (line[a.end()..].len() - line[a.end()..].trim_space_start().len()));
        }
    }
    // Preambular leads after a comma (capitalised in English; directly after `，`
    // in Chinese, so that `，并欣见` stays inside its paragraph).
    let lex = lexicon();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let (is_comma, w) = if bytes[i] == b',' {
            (true, 1)
        } else if line[i..].starts_with('，') {
            (true, '，'.len_utf8())
        } else if line[i..].starts_with('،') {
            (true, '،'.len_utf8())
        } else {
            (false, 1)
        };
        if is_comma {
            let rest = &line[i + w..];
            let skip = rest.len() - rest.trim_space_start().len();
            // and an unnumbered operative lead (`…du Bhoutan 2, Décide d’admettre`);
            // Russian leads are lower case (`, вновь подтверждая`), Arabic has no case
            if let Some(m) = lex.match_at(&rest[skip..])
                && m.char_len() >= 2
                && let Some(first) = rest[skip..].chars().next()
                && inline_lead_starts(lex, &m, first)
            {
                push(i + w + skip);
            }
        }
        i += w;
        while i < line.len() && !line.is_char_boundary(i) {
            i += 1;
        }
    }
    splits.sort_unstable();
    splits.dedup();
    Some(splits)
}

/// The heading block of a one-line text that begins with the masthead
/// (`United Nations A/RES/79/100 General Assembly Distr.: General 12 December
/// 2024 Seventy-ninth session Agenda item 58 Resolution adopted by … on 4
/// December 2024 [on the report …] 79/100. Question of Anguilla`), `head`
/// being the text before the author line: cut where each line of the printed
/// masthead starts, the organ (before its `Distr.`), the date after the
/// distribution, what follows the date's year (the session), the agenda, the
/// adoption, and a title right after the adoption's year.
fn masthead_splits(head: &str, push: &mut impl FnMut(usize)) {
    static ORG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:United\s+Nations|Nations\s+Unies|Naciones\s+Unidas|Организация\s+Объединенных\s+Наций|الأمم\s+المتحدة|联\s*合\s*国)\s").unwrap()
    });
    static ORGAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\s((?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Assemblée\s+générale|Conseil\s+de\s+sécurité|Asamblea\s+General|Consejo\s+de\s+Seguridad|Генеральная\s+Ассамблея|Совет\s+Безопасности|الجمعية\s+العامة|مجلس\s+الأمن|大\s*会|安\s*全\s*理\s*事\s*会)\s+)Distr\.?\s*:?\s*\S+\s+(\S)").unwrap()
    });
    static YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?:\s+г(?:ода|\.))?(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s+(\S)").unwrap()
    });
    static LATER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\s((?:Provisional\s+)?Agenda\s+items?\s|Points?\s+\d+\s+de\s+l|Temas?\s+\d+\s+del\s+programa|Пункты?\s+\d+\s+повестки|议程项目|البند\s|((?:Resolution|Decision)\s+adopted\s+by|Résolution\s+adoptée\s+par|Resolución\s+aprobada\s+por|Резолюция,?\s+принятая|قرار\s+اتخذته|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*大\s*会\s*决\s*议))").unwrap()
    });
    static TITLE_AFTER_YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?-u:\b)(?:19|20)\d{2}\s+((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s[A-Z])?\.)\s")
            .unwrap()
    });
    if !ORG.is_match(head) {
        return;
    }
    let Some(c) = ORGAN.captures(head) else {
        return;
    };
    push(c.get(1).unwrap().start());
    let date = c.get(2).unwrap().start();
    push(date);
    if let Some(y) = YEAR.captures(&head[date..]) {
        push(date + y.get(1).unwrap().start());
    }
    let mut adoption = None;
    for c in LATER.captures_iter(&head[date..]) {
        let m = c.get(1).unwrap();
        push(date + m.start());
        if c.get(2).is_some() {
            adoption = Some(date + m.start());
        }
    }
    // without a report line between them, the title follows the adoption's date
    if let Some(a) = adoption
        && !head[a..].contains('[')
        && let Some(t) = TITLE_AFTER_YEAR.captures(&head[a..])
    {
        push(a + t.get(1).unwrap().start());
    }
}

/// Does a lead after a comma of a one-line text open a new paragraph?
/// Capitalised (en/fr/es) or CJK: a preambular lead, or an operative one outside
/// Chinese (`，并欣见` stays inside its paragraph). Lower case: a Russian
/// preambular lead. Caseless (Arabic): a preambular lead.
fn inline_lead_starts(lex: &crate::lexicon::Lexicon, m: &LeadMatch, first: char) -> bool {
    let pre = m.has_class(lex, LeadClass::Preambular);
    let op = m.has_class(lex, LeadClass::Operative);
    if first.is_uppercase() || is_cjk(first) {
        return m.capitalised && (pre || op && !m.is_cjk(lex));
    }
    let in_lang = |l: crate::Lang| {
        m.entries(lex).any(|e| {
            lex.entries[e as usize].lang == l
                && lex.entries[e as usize].class == LeadClass::Preambular
        })
    };
    if first.is_lowercase() {
        return in_lang(crate::Lang::Ru) && m.char_len() >= 5;
    }
    first.is_alphabetic() && in_lang(crate::Lang::Ar)
}

/// `Résolution / 665 du Conseil de sécurité : Le Conseil de sécurité, rappelant …`
/// (a web page): an author line run in after a colon on a short line.
pub(super) fn run_in_author(line: &str) -> bool {
    static RUN_IN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let (en_zh, other) = (INLINE_AUTHOR.as_str(), INLINE_AUTHOR_OTHER.as_str());
        regex::Regex::new(&format!(r":\s*(?:{en_zh}|{other})")).unwrap()
    });
    memchr::memchr(b':', line.as_bytes()).is_some() && RUN_IN.is_match(line)
}

/// The author lines of every language but English and Chinese (which
/// `INLINE_AUTHOR` knows), followed by their comma, from `grammar/languages.toml`.
static INLINE_AUTHOR_OTHER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let mut names: Vec<String> = Vec::new();
    for l in [
        crate::Lang::Fr,
        crate::Lang::Es,
        crate::Lang::Ru,
        crate::Lang::Ar,
    ] {
        for (name, _) in &l.table().author {
            names.push(regex::escape(name).replace(' ', r"\s+"));
        }
    }
    regex::Regex::new(&format!(r"(?:{})\s*[,،]", names.join("|"))).unwrap()
});
