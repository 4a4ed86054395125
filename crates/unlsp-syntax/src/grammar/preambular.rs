//! The preambular lead by grammar: a participle, a participial phrase or an
//! adjective in each language, or a Chinese clause's verb.

use super::words::{Opening, capitalised, en_participle_or_adjective, lower};
use crate::lang::Lang;

/// The byte length of the preambular lead that opens `text` (leading
/// spaces already skipped), by the grammar of `lang`; `None` when the
/// opening is not grammatically a lead (a noun, an article, a number).
pub(crate) fn preambular_lead(lang: Lang, text: &str) -> Option<usize> {
    if lang == Lang::Zh {
        return zh_lead(text);
    }
    let o = Opening::new(lang, text, 5)?;
    match lang {
        Lang::En => en_lead(&o),
        Lang::Fr => fr_lead(&o),
        Lang::Es => es_lead(&o),
        Lang::Ru => ru_lead(&o),
        Lang::Ar => ar_lead(&o),
        _ => None,
    }
}

/// English: a participle or adjective (`Recalling`, `Aware`), `Having` +
/// participle, an adverb + participle (`Deeply concerned`).
fn en_lead(o: &Opening) -> Option<usize> {
    let head = o.w(0);
    if !capitalised(head) || head.chars().count() < 4 {
        return None;
    }
    let next_lower = lower(o.w(1)) || o.w(1).is_empty();
    if head == "Having" && lower(o.w(1)) {
        return Some(o.with_repeat(1));
    }
    if head.ends_with("ly") && lower(o.w(1)) && en_participle_or_adjective(o.w(1)) {
        return Some(o.with_repeat(1));
    }
    if en_participle_or_adjective(head)
        && next_lower
        && !matches!(head, "During" | "Nothing" | "Everything" | "Something")
    {
        return Some(o.with_repeat(0));
    }
    None
}

/// French: a participle (`Rappelant`, `Préoccupée`), `Ayant` + participle, a
/// reflexive participle with its attribute, an adverb in `-ment`.
fn fr_lead(o: &Opening) -> Option<usize> {
    let head = o.w(0);
    if !capitalised(head) {
        return None;
    }
    // `Ayant` + participle, an adverb in `-ment` + participle
    if (head == "Ayant" || head.ends_with("ment")) && lower(o.w(1)) {
        return Some(o.with_repeat(1));
    }
    // a reflexive participle, with its attribute: `Se déclarant
    // préoccupée`, `S’étant réunie`
    let reflexive = matches!(head, "Se" | "S’étant" | "S'étant")
        || head.starts_with("S’") && head.ends_with("ant");
    if reflexive {
        let k = if head == "Se" { 1 } else { 0 };
        if k == 1 && !o.w(1).ends_with("ant") {
            return None;
        }
        let attribute = ["ée", "é", "ue", "ie", "nte", "euse"]
            .iter()
            .any(|x| o.w(k + 1).ends_with(x));
        return Some(if attribute && !o.ws[k].1.ends_with(',') {
            o.end(k + 1)
        } else {
            o.end(k)
        });
    }
    let participle = head.ends_with("ant")
        || [
            "ée", "ées", "é", "és", "ue", "ues", "nte", "ntes", "euse", "eux",
        ]
        .iter()
        .any(|s| head.ends_with(s));
    (participle && head.chars().count() > 4 && lower(o.w(1))).then(|| o.with_repeat(0))
}

/// Spanish: a gerund, participle or adjective, `Habiendo` + participle, an
/// adverb in `-mente`.
fn es_lead(o: &Opening) -> Option<usize> {
    let head = o.w(0);
    if !capitalised(head) {
        return None;
    }
    // `Habiendo` + participle, an adverb in `-mente` + participle
    if (head == "Habiendo" || head.ends_with("mente")) && lower(o.w(1)) {
        return Some(o.with_repeat(1));
    }
    // gerunds (with an enclitic, `Esforzándose`), participles and
    // adjectives (`Consciente`, `Conocedora`)
    let participle = [
        "ando", "iendo", "yendo", "ándose", "iéndose", "ada", "ado", "adas", "ados", "ida", "ido",
        "ente", "dora", "dor",
    ]
    .iter()
    .any(|s| head.ends_with(s));
    (participle && head.chars().count() > 4 && lower(o.w(1))).then(|| o.with_repeat(0))
}

/// Russian: a verbal adverb, perhaps after an adverbial phrase.
fn ru_lead(o: &Opening) -> Option<usize> {
    // a verbal adverb, perhaps after an adverbial phrase (`с
    // интересом ожидая`, `вновь подтверждая`); `будучи` + adjective
    for k in 0..o.ws.len().min(4) {
        let x = o.lw(k);
        if x == "будучи" && k + 1 < o.ws.len() {
            return Some(o.end(k + 1));
        }
        let adverb = x.chars().count() > 4
            && ["я", "ясь", "вшись", "ав", "ев", "ив", "ыв"]
                .iter()
                .any(|e| x.ends_with(e));
        if adverb {
            return Some(o.end(k));
        }
        if o.ws[k].1.ends_with(',') {
            break;
        }
    }
    None
}

/// Arabic: `وإذ` and its kin with the verb after it.
fn ar_lead(o: &Opening) -> Option<usize> {
    let head = o.w(0);
    if matches!(head, "وإذ" | "وقد" | "إذ" | "وإذا") && o.ws.len() > 1 {
        return Some(o.with_repeat(1));
    }
    // an accusative of reason with its pronoun (`واقتناعا منها`, the
    // Council's `واقتناعا منه`); the first paragraph has no `و`
    // (`رغبةً منها`): the noun then carries its accusative ending
    let accusative = head.starts_with('و') || head.ends_with(['ا', '\u{064B}']);
    if accusative && matches!(o.w(1), "منها" | "منه") {
        return Some(o.end(1));
    }
    None
}

/// A Chinese clause opens with its verb (`念及`, `认定`, `感到震惊`), perhaps
/// after adverbs (`又`, `再次`, `仍深为`) or an adverbial phrase (`在这方面`,
/// `根据《宪章》第七章`); a pronoun, a determiner, a number or Latin text
/// does not open a lead. Chinese writes no spaces, so the extent is the
/// adverbs, a two-character verb, the complement of a light verb (`表示`,
/// `感到` + what is felt) and a resultative `到`/`了`.
pub(super) fn zh_lead(text: &str) -> Option<usize> {
    const ADVERBS: [&str; 24] = [
        "此外", "同时", "另外", "再次", "再度", "一再", "仍然", "依然", "继续", "非常", "极为",
        "十分", "深为", "深切", "强烈", "坚决", "又", "还", "也", "并", "仍", "更", "均", "亦",
    ];
    const OPENERS: [&str; 3] = ["在这方面", "在此方面", "为此"];
    const PREPOSITIONS: [&str; 4] = ["根据", "按照", "依照", "依据"];
    const LIGHT: [&str; 6] = ["表示", "感到", "深表", "深感", "表达", "对此"];
    let mut at = 0;
    let rest = |at: usize| &text[at..];
    for o in OPENERS {
        if rest(at).starts_with(o) {
            at += o.len();
            // and the emphasis that opens the verb (`在这方面**重申**`)
            at += rest(at).len()
                - rest(at)
                    .trim_start_matches(['，', ',', ' ', '*', '_'])
                    .len();
            break;
        }
    }
    if let Some(p) = PREPOSITIONS.iter().find(|p| rest(at).starts_with(**p)) {
        return Some(at + p.len());
    }
    while let Some(a) = ADVERBS.iter().find(|a| {
        rest(at).starts_with(**a)
            && rest(at + a.len())
                .chars()
                .next()
                .is_some_and(crate::cjk::is_han)
    }) {
        at += a.len();
    }
    let first = rest(at).chars().next()?;
    if !crate::cjk::is_han(first) || "这该此其本各每所那他她它我你的了和与及或一".contains(first)
    {
        return None;
    }
    // an adverb in `地` (`严重地关切`, `赞赏地注意到`, `深为关切地注意到`)
    let head: Vec<(usize, char)> = rest(at).char_indices().take(6).collect();
    if let Some(&(k, _)) = head.iter().skip(2).find(|(_, c)| *c == '地')
        && head
            .iter()
            .take_while(|(j, _)| *j < k)
            .all(|(_, c)| crate::cjk::is_han(*c))
        && rest(at + k + '地'.len_utf8())
            .chars()
            .next()
            .is_some_and(crate::cjk::is_han)
    {
        at += k + '地'.len_utf8();
    }
    let verb: String = rest(at).chars().take(2).collect();
    if verb.chars().count() < 2 || !verb.chars().all(crate::cjk::is_han) {
        return None;
    }
    at += verb.len();
    if LIGHT.contains(&verb.as_str()) {
        let complement: String = rest(at).chars().take(2).collect();
        if complement.chars().count() == 2
            && complement.chars().all(crate::cjk::is_han)
            && !complement.contains(['的', '对', '在', '于', '与', '和', '其'])
        {
            at += complement.len();
        }
    }
    if rest(at).starts_with(['到', '了']) {
        at += '到'.len_utf8();
    }
    Some(at)
}
