//! Lead phrases by grammar: the Editorial Manual's rule that a preambular
//! paragraph opens with a participle, a participial phrase or an adjective.
//! The lexicon (`grammar/*.tsv`) names the leads it knows; this module finds
//! the extent of one it does not know (`Honouring`, `Solemnly proclaiming`,
//! `Ayant examiné`, `Habiendo examinado`, `с интересом ожидая`, `وقد نظرت`),
//! once layout has already said that a paragraph opens there.

use crate::lang::Lang;

/// The words of `text` with their byte ranges, at most `n`.
fn words(text: &str, n: usize) -> Vec<(usize, &str)> {
    let is_sep = |c: char| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}');
    let mut out = Vec::with_capacity(n);
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_sep(c), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
                if out.len() == n {
                    return out;
                }
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start
        && out.len() < n
    {
        out.push((s, &text[s..]));
    }
    out
}

/// A word without the emphasis and punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches(['*', '_', ',', '،', ':', ';', '“', '"'])
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Repeat adverbs that belong to the lead (`Recalling also`).
fn repeat(lang: Lang, w: &str) -> bool {
    let w = bare(w);
    match lang {
        Lang::En => matches!(w, "also" | "further" | "again"),
        Lang::Fr => matches!(w, "également" | "aussi" | "en" | "de"),
        Lang::Es => matches!(w, "también" | "además" | "asimismo"),
        Lang::Ru => matches!(w, "также" | "далее"),
        Lang::Ar => matches!(w, "أيضا" | "كذلك"),
        _ => false,
    }
}

/// The byte length of the preambular lead that opens `text` (leading
/// spaces already skipped), by the grammar of `lang`; `None` when the
/// opening is not grammatically a lead (a noun, an article, a number).
pub(crate) fn preambular_lead(lang: Lang, text: &str) -> Option<usize> {
    if lang == Lang::Zh {
        return zh_lead(text);
    }
    let o = Opening {
        lang,
        ws: words(text, 5),
    };
    if o.ws.is_empty() {
        return None;
    }
    match lang {
        Lang::En => en_lead(&o),
        Lang::Fr => fr_lead(&o),
        Lang::Es => es_lead(&o),
        Lang::Ru => ru_lead(&o),
        Lang::Ar => ar_lead(&o),
        _ => None,
    }
}

/// The byte length of the operative lead that opens `text` (the words after
/// the paragraph's number), by the grammar of `lang`: the Editorial Manual's
/// verb in the present tense, agreeing with the Assembly or the Council,
/// perhaps after an adverbial (`с признательностью`, `вновь`); `None` when
/// the opening is not a verb. `organ` is the author's (`GA`, `SC`), when the
/// text has named it: the verb agrees with it.
pub(crate) fn operative_lead(lang: Lang, text: &str, organ: Option<&str>) -> Option<usize> {
    let o = Opening {
        lang,
        ws: words(text, 8),
    };
    if o.ws.is_empty() {
        return None;
    }
    match lang {
        Lang::En | Lang::Fr | Lang::Es => latin_operative(&o),
        Lang::Ru => ru_operative(&o),
        Lang::Ar => ar_operative(&o, organ),
        Lang::Zh => zh_lead(text),
    }
}

/// English, French, Spanish: adverbs (`Also`, `Strongly`, `Once again`),
/// a verb in the third person singular (`Establishes`, `Constitue`,
/// `Establece`), a reflexive (`Se déclare`), and after a verb of expressing
/// or making what it expresses (`Expresses its grave concern`, `Exprime sa
/// profonde gratitude`, `Fait siennes`, `Hace suyas`), up to the first
/// preposition or punctuation.
fn latin_operative(o: &Opening) -> Option<usize> {
    let lang = o.lang;
    let lw = |k: usize| o.lw(k);
    let stop = |k: usize| k >= o.ws.len() || trailing(o.ws[k].1) > 0;
    let adverb = |x: &str| {
        repeat(lang, x)
            || matches!(
                x,
                "once"
                    | "even"
                    | "hereby"
                    | "una"
                    | "vez"
                    | "más"
                    | "de"
                    | "nuevo"
                    | "à"
                    | "nouveau"
                    | "outre"
                    | "par"
                    | "ailleurs"
            )
            || (x.ends_with("ly") && lang == Lang::En)
            || (x.ends_with("ment") && lang == Lang::Fr)
            || (x.ends_with("mente") && lang == Lang::Es)
    };
    // the opening is capitalised: a verb, not an article or a pronoun
    if !capitalised(o.w(0)) {
        return None;
    }
    let mut k = 0;
    while k < 3 && !stop(k) && k + 1 < o.ws.len() && adverb(&lw(k)) {
        k += 1;
    }
    let reflexive =
        matches!(lang, Lang::Fr | Lang::Es) && matches!(lw(k).as_str(), "se" | "s’" | "s'");
    if reflexive && !stop(k) {
        k += 1;
    }
    let verb = lw(k);
    let verb = verb
        .strip_prefix("s’")
        .or_else(|| verb.strip_prefix("s'"))
        .unwrap_or(&verb);
    let n = verb.chars().count();
    let not_verb: &[&str] = match lang {
        Lang::En => &[
            "this", "its", "his", "has", "was", "is", "thus", "as", "us", "plus",
        ],
        Lang::Fr => &[
            "le", "la", "les", "une", "de", "ce", "cette", "toute", "chaque", "entre", "elle",
            "que", "dont", "date", "note", "liste",
        ],
        Lang::Es => &[
            "la", "una", "esta", "esa", "cada", "toda", "entre", "ella", "que", "nota", "lista",
            "fecha", "sobre", "desde", "hasta", "para",
        ],
        _ => &[],
    };
    let inflected = match lang {
        Lang::En => verb.ends_with('s') && !verb.ends_with("ss") && !verb.ends_with("us") && n > 3,
        Lang::Fr => (verb.ends_with('e') || verb.ends_with('t') || verb.ends_with('d')) && n > 2,
        _ => (verb.ends_with('a') || verb.ends_with('e')) && n > 3,
    };
    if !inflected
        || not_verb.contains(&verb)
        || verb.contains(|c: char| c.is_ascii_digit() || c == '’' || c == '\'')
        || verb.ends_with("tion")
        || verb.ends_with("ción")
    {
        return None;
    }
    // a plural noun with its verb after it (`Sponsors are responsible`) is
    // the subject of a sentence, not the author's verb
    let auxiliary: &[&str] = match lang {
        Lang::En => &[
            "are", "is", "were", "was", "shall", "will", "should", "may", "must", "can", "have",
            "has", "would", "could",
        ],
        Lang::Fr => &[
            "est", "sont", "doit", "doivent", "peut", "peuvent", "sera", "seront",
        ],
        _ => &[
            "es", "son", "debe", "deben", "puede", "pueden", "será", "serán",
        ],
    };
    if auxiliary.contains(&lw(k + 1).as_str()) {
        return None;
    }
    let mut end = o.end(k);
    // what a verb of expressing or making takes (`Expresses its grave
    // concern`, `Fait siennes`): words up to a preposition, at most four
    let expressing = matches!(
        verb,
        "expresses" | "exprime" | "déclare" | "dit" | "fait" | "expresa" | "hace" | "declara"
    );
    if expressing && !stop(k) {
        let preposition: &[&str] = match lang {
            Lang::En => &[
                "at",
                "for",
                "to",
                "that",
                "about",
                "over",
                "regarding",
                "with",
                "on",
                "in",
                "of",
                "and",
                "the",
            ],
            Lang::Fr => &[
                "à", "au", "aux", "de", "du", "des", "que", "pour", "face", "devant", "sur", "et",
                "le", "la", "les", "qu’",
            ],
            _ => &[
                "a", "al", "de", "del", "por", "que", "ante", "con", "sobre", "y", "el", "la",
                "los", "las",
            ],
        };
        let mut j = k + 1;
        while j < o.ws.len() && j <= k + 4 && !preposition.contains(&lw(j).as_str()) {
            let last = stop(j);
            end = o.end(j);
            j += 1;
            if last {
                break;
            }
        }
    }
    Some(end)
}

/// Russian: adverbials (`вновь`, `с удовлетворением`, `самым решительным
/// образом`, `безоговорочно`), then a verb in the third person
/// (`учреждает`, `ссылается`), then `к сведению` or an attitude after it.
fn ru_operative(o: &Opening) -> Option<usize> {
    let lw = |k: usize| o.lw(k);
    let instrumental = |w: &str| {
        w.chars().count() > 5
            && ["ью", "ием", "нием", "ем", "ой"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    let mut k = 0;
    while k < 5 && k + 1 < o.ws.len() && !o.ws[k].1.ends_with(',') {
        let x = lw(k);
        if matches!(
            x.as_str(),
            "вновь" | "также" | "далее" | "еще" | "ещё" | "раз" | "вместе"
        ) || (x.ends_with('о') && x.chars().count() > 6)
            || x.ends_with("чески")
        {
            k += 1;
        } else if x == "с" && instrumental(&lw(k + 1)) {
            k += 2;
        } else if x == "самым" && lw(k + 2) == "образом" {
            k += 3;
        } else {
            break;
        }
    }
    let verb = lw(k);
    let third_person = verb.chars().count() > 4
        && ["ет", "ит", "ется", "ится", "ют", "ят"]
            .iter()
            .any(|e| verb.ends_with(e));
    if !third_person || o.ws[k].1.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut end = o.end(k);
    if !o.ws[k].1.ends_with(',') {
        let (a, b) = (lw(k + 1), lw(k + 2));
        if a == "к" && b == "сведению" || a == "с" && instrumental(&b) {
            end = o.end(k + 2);
        } else if verb == "выражает" && k + 1 < o.ws.len() {
            // what is expressed: `выражает удовлетворение`, `выражает свою
            // признательность`, `выражает серьезную обеспокоенность`
            // (a noun in `-ние`, `-тие` is what is expressed itself)
            let adjective = ["ую", "юю", "ою", "ое", "ее", "ие", "ые", "ои"]
                .iter()
                .any(|e| a.ends_with(e))
                && !a.ends_with("ние")
                && !a.ends_with("тие");
            end = if adjective && k + 2 < o.ws.len() && !o.ws[k + 1].1.ends_with(',') {
                o.end(k + 2)
            } else {
                o.end(k + 1)
            };
        }
    }
    Some(end)
}

/// Arabic: a verb in the imperfect (`تقر`, the Council's `يقرر`), its repeat
/// or manner adverbs (`أيضا`, `بقوة`), the verbal noun a verb of repeating
/// governs (`تعيد تأكيد`) and what a verb of expressing expresses (`تعرب عن
/// قلقها البالغ`).
fn ar_operative(o: &Opening, organ: Option<&str>) -> Option<usize> {
    let head = o.w(0);
    // the Assembly (`الجمعية`) is feminine, the councils (`المجلس`) masculine
    let prefixes: &[char] = match organ {
        Some("GA") => &['ت'],
        Some(_) => &['ي'],
        None => &['ت', 'ي'],
    };
    let letters: Vec<char> = head.chars().collect();
    let verb = head.starts_with(prefixes) && letters.len() >= 3
        // not the verbal noun `تفعيل` (`تعزيز`, `تيسير`), nor a verb with
        // the first person's `نا` (`يساورنا`: the text speaks for itself)
        && !(letters.len() == 5 && letters[0] == 'ت' && letters[3] == 'ي')
        && !head.ends_with("نا");
    if !verb || head.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let adverb =
        |w: &str| repeat(Lang::Ar, w) || matches!(w, "مجددا" | "بقوة" | "بشدة" | "مرة" | "أخرى");
    let clean = |k: usize| k < o.ws.len() && trailing(o.ws[k].1) == 0;
    let mut k = 0;
    while clean(k) && k + 1 < o.ws.len() && adverb(o.w(k + 1)) {
        k += 1;
    }
    if matches!(head, "تعيد" | "يعيد" | "تكرر" | "يكرر") && clean(k) && k + 1 < o.ws.len()
    {
        k += 1;
    } else if matches!(head, "تعرب" | "يعرب")
        && clean(k)
        && o.w(k + 1) == "عن"
        && k + 2 < o.ws.len()
    {
        k += 2;
        if clean(k) && o.w(k + 1).starts_with("ال") && k + 1 < o.ws.len() {
            k += 1;
        }
    }
    Some(o.end(k))
}

/// The first words of a paragraph, with their byte offsets.
struct Opening<'t> {
    lang: Lang,
    ws: Vec<(usize, &'t str)>,
}

impl Opening<'_> {
    /// The end of word `k`, trailing punctuation left out.
    fn end(&self, k: usize) -> usize {
        self.ws[k].0 + self.ws[k].1.len() - trailing(self.ws[k].1)
    }

    /// The end of word `k`, or of the next word when that is a repeat
    /// (`also`, `further`) and no comma comes between.
    fn with_repeat(&self, k: usize) -> usize {
        let ws = &self.ws;
        if k + 1 < ws.len() && repeat(self.lang, ws[k + 1].1) && !ws[k].1.ends_with(',') {
            self.end(k + 1)
        } else {
            self.end(k)
        }
    }

    /// Word `k` without its punctuation, "" past the last.
    fn w(&self, k: usize) -> &str {
        self.ws.get(k).map(|(_, w)| bare(w)).unwrap_or("")
    }

    /// Word `k` in lower case.
    fn lw(&self, k: usize) -> String {
        self.w(k).to_lowercase()
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
    if head == "Ayant" && lower(o.w(1)) {
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
    if head.ends_with("ment") && lower(o.w(1)) {
        return Some(o.with_repeat(1));
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
    if head == "Habiendo" && lower(o.w(1)) {
        return Some(o.with_repeat(1));
    }
    if head.ends_with("mente") && lower(o.w(1)) {
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
            && (x.ends_with('я')
                || x.ends_with("ясь")
                || x.ends_with("вшись")
                || x.ends_with("ав")
                || x.ends_with("ев")
                || x.ends_with("ив")
                || x.ends_with("ыв"));
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
fn zh_lead(text: &str) -> Option<usize> {
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

/// The lead as the UN emphasises it, when the lexicon's phrase runs on into
/// a preposition the verb governs: the UN italicises the verb and leaves the
/// preposition plain. Arabic `تشدد` على, `تشير` إلى (1,674 of 1,676 operative
/// leads of sessions 79 and SC 2022); English `Guided` by, `Looking forward`
/// to, `Looks forward` to, French `Guidée` par, Spanish `Guiada` por (GA 79
/// and SC 2022: 23 of 26 `Guided`, 18 of 19 `Looks forward`, 17 of 17
/// `Guidée`). `Calls upon` keeps its particle: the UN emphasises it whole.
/// The byte length to keep of `lead`.
pub fn emphasised_extent(lang: Lang, lead: &str) -> usize {
    let governed: &[&str] = match lang {
        Lang::Ar => &[" على", " إلى", " عن", " في", " ب"],
        Lang::En => &[" by", " to"],
        Lang::Fr => &[" par"],
        Lang::Es => &[" por"],
        _ => &[],
    };
    for prep in governed {
        if let Some(head) = lead.strip_suffix(prep)
            && !head.is_empty()
        {
            return head.len();
        }
    }
    lead.len()
}

/// What follows a lead and belongs to its emphasis: an attitude (`with
/// appreciation`, `avec satisfaction`, `con aprecio`, `مع التقدير`), a
/// repeat (`de nouveau`, `una vez más`), an adverb (`fermement`,
/// `enérgicamente`, `unequivocally`) or the fixed `in the strongest terms`
/// (`dans les termes les plus énergiques`, `en los términos más enérgicos`,
/// `بأشد العبارات`). `rest` starts right after the lead; the byte length of
/// the tail (0 when none), never past punctuation.
pub(crate) fn lead_tail(lang: Lang, rest: &str) -> usize {
    let ws = words(rest, 12);
    if lang == Lang::Ar
        && let Some(n) = ar_manner(&ws)
    {
        return n;
    }
    let w = |k: usize| ws.get(k).map(|(_, w)| *w).unwrap_or("");
    // a word the tail may end on: no punctuation after it (the clause goes on)
    let clean = |k: usize| k < ws.len() && trailing(ws[k].1) == 0;
    let end = |k: usize| ws[k].0 + ws[k].1.len();
    let (attitude, function, adverb, fixed): (&str, &[&str], &str, &[&[&str]]) = match lang {
        Lang::En => (
            "with",
            &[
                "of", "that", "the", "at", "its", "their", "to", "for", "in", "on",
            ],
            "ly",
            &[&["in", "the", "strongest", "terms"], &["once", "again"]],
        ),
        Lang::Fr => (
            "avec",
            &[
                "du", "de", "des", "le", "la", "les", "que", "à", "au", "aux", "pour", "dont",
            ],
            "ment",
            &[
                &["de", "nouveau"],
                &["à", "nouveau"],
                &["sans", "équivoque"],
                &["dans", "les", "termes", "les", "plus"],
            ],
        ),
        Lang::Es => (
            "con",
            &[
                "el", "la", "los", "las", "del", "de", "que", "a", "al", "por", "su", "sus",
            ],
            "mente",
            &[
                &["una", "vez", "más"],
                &["de", "nuevo"],
                &["en", "los", "términos", "más"],
            ],
        ),
        Lang::Ar => ("مع", &[], "", &[&["بأشد", "العبارات"]]),
        _ => return 0,
    };
    let is_function = |x: &str| {
        let x = x.trim_end_matches(['’', '\'']);
        function.contains(&x) || x.starts_with("d’") || x.starts_with("l’") || x.starts_with("qu’")
    };
    let mut k = 0;
    let mut taken = 0;
    for _ in 0..3 {
        if k >= ws.len() || !clean(k.saturating_sub(1)) && k > 0 {
            break;
        }
        // a fixed phrase; `les plus`/`más` take the adjective after them
        if let Some(f) = fixed
            .iter()
            .find(|f| f.iter().enumerate().all(|(j, x)| bare(w(k + j)) == *x))
        {
            let mut last = k + f.len() - 1;
            if f.len() >= 4
                && matches!(*f.last().unwrap(), "plus" | "más")
                && k + f.len() < ws.len()
            {
                last += 1;
            }
            if last >= ws.len() {
                break;
            }
            taken = end(last) - trailing(ws[last].1);
            k = last + 1;
            continue;
        }
        // an attitude: the preposition and one or two words, then a function
        // word (`avec satisfaction du rapport`); Arabic: `مع` and its noun
        if w(k) == attitude && clean(k) {
            if lang == Lang::Ar {
                if w(k + 1).starts_with("ال") {
                    taken = end(k + 1) - trailing(ws[k + 1].1);
                    k += 2;
                    continue;
                }
                break;
            }
            // `with serious concern`; three words after an indefinite
            // article (`avec une vive préoccupation`)
            let article = matches!(w(k + 1), "une" | "un" | "una");
            let span = (1..=if article { 3 } else { 2 }).find(|&n| {
                k + n < ws.len()
                    && (1..n).all(|j| clean(k + j))
                    && (trailing(ws[k + n].1) > 0
                        || is_function(w(k + n + 1))
                        || k + n + 1 >= ws.len())
                    && !is_function(w(k + 1))
            });
            if let Some(n) = span {
                taken = end(k + n) - trailing(ws[k + n].1);
                k += n + 1;
                continue;
            }
            break;
        }
        // an adverb after the verb
        let x = bare(w(k));
        if !adverb.is_empty()
            && x.ends_with(adverb)
            && x.chars().count() > adverb.chars().count() + 3
            && x.chars().next().is_some_and(char::is_lowercase)
            // a noun after its elided article is not an adverb (`l’engagement`)
            && !x.contains(['’', '\''])
        {
            taken = end(k) - trailing(ws[k].1);
            k += 1;
            // and the adjective it modifies (`Remaining deeply concerned`,
            // `Se déclarant profondément préoccupée`)
            if clean(k - 1) && k < ws.len() && predicative(lang, bare(w(k))) {
                taken = end(k) - trailing(ws[k].1);
                k += 1;
            }
            continue;
        }
        break;
    }
    taken
}

/// A participle or predicative adjective in lower case (`concerned`,
/// `préoccupée`, `preocupada`), after an adverb of degree.
fn predicative(lang: Lang, w: &str) -> bool {
    if !lower(w) || w.chars().count() < 5 {
        return false;
    }
    match lang {
        Lang::En => en_participle_or_adjective(w),
        Lang::Fr => [
            "ée", "ées", "é", "és", "ue", "ues", "nte", "ntes", "euse", "eux",
        ]
        .iter()
        .any(|x| w.ends_with(x)),
        Lang::Es => ["ada", "ado", "adas", "ados", "ida", "ido", "idas", "idos"]
            .iter()
            .any(|x| w.ends_with(x)),
        _ => false,
    }
}

/// The attitude an expression verb states, emphasised with it by the UN:
/// `Expressing deep concern` at, `Expresses its appreciation` to,
/// `Reiterating its concern` about, `Exprimant sa profonde inquiétude`,
/// `Expresando profunda preocupación` por, `выражая глубокую озабоченность`
/// по поводу (GA 79 and SC 2022: `Expressing` alone 4 times, with its
/// object 90). `Expressing` takes its object bare or owned (`its`, `sa`,
/// `su`, `свою`), `Reiterating` only owned (`Reiterating the need` is the
/// verb alone); the object is at most three words in lower case, then a
/// preposition, a conjunction, punctuation or a repeat (`also`, taken).
/// `lead` is the lead so far, `rest` what follows it; the byte length taken.
pub(crate) fn lead_object(lang: Lang, lead: &str, rest: &str) -> usize {
    type Table<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str], &'a [&'a str]);
    let (express, reiterate, own, stop): Table = match lang {
        Lang::En => (
            &["expressing", "expresses"],
            &["reiterating", "reiterates"],
            &["its", "their"],
            &[
                "at",
                "about",
                "over",
                "for",
                "to",
                "that",
                "of",
                "on",
                "in",
                "regarding",
                "with",
                "by",
                "upon",
                "as",
                "and",
                "the",
                "a",
                "an",
            ],
        ),
        Lang::Fr => (
            &["exprimant", "exprime"],
            &["réitérant", "réitère"],
            &["son", "sa", "ses", "leur", "leurs"],
            &[
                "à",
                "au",
                "aux",
                "de",
                "du",
                "des",
                "pour",
                "que",
                "face",
                "devant",
                "sur",
                "envers",
                "en",
                "quant",
                "concernant",
                "dans",
                "et",
                "le",
                "la",
                "les",
                "un",
                "une",
            ],
        ),
        Lang::Es => (
            &["expresando", "expresa"],
            &["reiterando", "reitera"],
            &["su", "sus"],
            &[
                "por", "porque", "a", "al", "de", "del", "ante", "con", "sobre", "en", "que",
                "hacia", "respecto", "y", "el", "la", "los", "las", "un", "una",
            ],
        ),
        Lang::Ru => (
            &["выражая", "выражает"],
            &[],
            &["свою", "свое", "своё", "свои"],
            &[
                "по",
                "в",
                "во",
                "тем",
                "за",
                "что",
                "о",
                "об",
                "с",
                "со",
                "и",
                "к",
                "на",
                "перед",
                "относительно",
            ],
        ),
        Lang::Ar => (&[], &[], &[], &[]),
        _ => return 0,
    };
    let verb = lead.split_whitespace().last().unwrap_or("").to_lowercase();
    if lang == Lang::Ar {
        return ar_object(&verb, rest);
    }
    let expressing = express.contains(&verb.as_str());
    if !expressing && !reiterate.contains(&verb.as_str()) {
        return 0;
    }
    let ws = words(rest, 8);
    let w = |k: usize| ws.get(k).map(|(_, w)| bare(w)).unwrap_or("");
    let end = |k: usize| ws[k].0 + ws[k].1.len() - trailing(ws[k].1);
    let owned = own.contains(&w(0));
    if !owned && !expressing {
        return 0;
    }
    let first = usize::from(owned);
    let word = |k: usize| {
        let x = w(k);
        lower(x)
            && x.chars().all(|c| c.is_alphabetic() || c == '-')
            && !stop.contains(&x)
            && !repeat(lang, x)
            && !lang.table().resolution_words.iter().any(|r| r == x)
    };
    for last in first..(first + 3).min(ws.len()) {
        if !word(last) || (last > first && trailing(ws[last - 1].1) > 0) {
            return 0;
        }
        let next = w(last + 1);
        let closes = trailing(ws[last].1) > 0 || last + 1 >= ws.len() || stop.contains(&next);
        if closes {
            return end(last);
        }
        if repeat(lang, next) && trailing(ws[last].1) == 0 {
            return end(last + 1);
        }
    }
    0
}

/// Arabic nouns of attitude and of degree: `قلق` (concern), `ارتياح`
/// (satisfaction), `تقدير` (appreciation); `بالغ`, `شديد` (grave, deep).
const AR_ATTITUDE: [&str; 6] = ["قلق", "ارتياح", "تقدير", "اهتمام", "جزع", "أسف"];
const AR_DEGREE: [&str; 4] = ["بالغ", "شديد", "عميق", "كبير"];

/// Arabic: the manner after the verb, which the UN emphasises with it: a
/// noun with `ب` (`وإذ تلاحظ بقلق`, `بارتياح`), with its degree (`بقلق
/// بالغ`, `ببالغ القلق`), or `مع بالغ القلق`. The byte length, if any.
fn ar_manner(ws: &[(usize, &str)]) -> Option<usize> {
    let w = |k: usize| ws.get(k).map(|(_, w)| bare(w)).unwrap_or("");
    let end = |k: usize| ws[k].0 + ws[k].1.len() - trailing(ws[k].1);
    let clean = |k: usize| k < ws.len() && trailing(ws[k].1) == 0;
    let head = w(0);
    // `مع بالغ القلق`, `ببالغ القلق`: a degree, then the noun
    let degree_first = |k: usize, x: &str| {
        AR_DEGREE.contains(&x)
            && clean(k)
            && w(k + 1)
                .strip_prefix("ال")
                .is_some_and(|n| AR_ATTITUDE.contains(&n))
    };
    if head == "مع" && clean(0) && degree_first(1, w(1)) {
        return Some(end(2));
    }
    let noun = head.strip_prefix('ب')?;
    if degree_first(0, noun) {
        return Some(end(1));
    }
    if !AR_ATTITUDE.contains(&noun) {
        return None;
    }
    Some(if clean(0) && AR_DEGREE.contains(&w(1)) {
        end(1)
    } else {
        end(0)
    })
}

/// Arabic: what `تعرب عن` (expresses) expresses, emphasised with it: `وإذ
/// تعرب عن القلق`, `عن بالغ القلق`, `عن بالغ قلقها`, `عن القلق البالغ`,
/// `عن تقديرها`. `verb` is the lead's last word; the byte length taken.
fn ar_object(verb: &str, rest: &str) -> usize {
    if !matches!(verb, "تعرب" | "يعرب") {
        return 0;
    }
    let ws = words(rest, 6);
    let w = |k: usize| ws.get(k).map(|(_, w)| bare(w)).unwrap_or("");
    let end = |k: usize| ws[k].0 + ws[k].1.len() - trailing(ws[k].1);
    let clean = |k: usize| k < ws.len() && trailing(ws[k].1) == 0;
    if w(0) != "عن" || !clean(0) || ws.len() < 2 {
        return 0;
    }
    // a degree before the noun (`بالغ القلق`) or after it (`القلق البالغ`)
    let degree =
        AR_DEGREE.contains(&w(1)) && ws.len() > 2 || matches!(w(2), "البالغ" | "الشديد" | "العميق");
    let last = if degree && clean(1) { 2 } else { 1 };
    // a repeat after it (`عن بالغ القلق أيضا`)
    if clean(last) && repeat(Lang::Ar, w(last + 1)) {
        return end(last + 1);
    }
    end(last)
}

/// Bytes of punctuation and emphasis at the end of a word.
fn trailing(w: &str) -> usize {
    w.len() - w.trim_end_matches([',', '،', ':', ';', '*', '_']).len()
}

/// `Recalling`, `Convinced`, `Mindful`, `Cognizant`: the shapes of an English
/// participle or predicative adjective.
fn en_participle_or_adjective(w: &str) -> bool {
    let n = w.chars().count();
    n > 4
        && (w.ends_with("ing")
            || w.ends_with("ed")
            || w.ends_with("ful")
            || w.ends_with("ous")
            || w.ends_with("ant")
            || w.ends_with("ent")
            || matches!(w, "Aware" | "aware" | "Seized" | "seized"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(lang: Lang, s: &str) -> Option<&str> {
        preambular_lead(lang, s).map(|n| &s[..n])
    }

    #[test]
    fn unlisted_leads_by_their_grammar() {
        assert_eq!(lead(Lang::En, "Honouring the memory of"), Some("Honouring"));
        assert_eq!(
            lead(Lang::Fr, "Profondément\u{a0}préoccupé par"),
            Some("Profondément\u{a0}préoccupé")
        );
        assert_eq!(
            lead(Lang::En, "Solemnly proclaiming the need"),
            Some("Solemnly proclaiming")
        );
        assert_eq!(
            lead(Lang::En, "Seriously concerned that"),
            Some("Seriously concerned")
        );
        assert_eq!(lead(Lang::En, "Trusting also that"), Some("Trusting also"));
        assert_eq!(
            lead(Lang::En, "Having heard the statement"),
            Some("Having heard")
        );
        assert_eq!(
            lead(Lang::Fr, "Ayant examiné le rapport"),
            Some("Ayant examiné")
        );
        assert_eq!(
            lead(Lang::Es, "Habiendo examinado el informe"),
            Some("Habiendo examinado")
        );
        assert_eq!(
            lead(Lang::Ru, "с интересом ожидая проведения"),
            Some("с интересом ожидая")
        );
        assert_eq!(lead(Lang::Ar, "وقد نظرت في مسألة"), Some("وقد نظرت"));
        assert_eq!(
            lead(Lang::Es, "Esforzándose por adoptar"),
            Some("Esforzándose")
        );
        assert_eq!(lead(Lang::Es, "Conocedora de que"), Some("Conocedora"));
        assert_eq!(lead(Lang::Zh, "认定刚果民主共和国局势"), Some("认定"));
        assert_eq!(lead(Lang::Zh, "还感到震惊的是，"), Some("还感到震惊"));
        assert_eq!(lead(Lang::Zh, "意识到必须继续"), Some("意识到"));
        assert_eq!(lead(Lang::Zh, "严重地关切由于"), Some("严重地关切"));
        assert_eq!(
            lead(Lang::Zh, "深为关切地注意到用于"),
            Some("深为关切地注意到")
        );
        assert_eq!(lead(Lang::Zh, "在这方面回顾其决议"), Some("在这方面回顾"));
        assert_eq!(
            lead(Lang::Zh, "在这方面**重申**有必要"),
            Some("在这方面**重申")
        );
    }

    /// Operative paragraphs of the UN's AKN (GA 79, SC 2022) whose verb the
    /// lexicon does not list; the lead is the UN's emphasis.
    #[test]
    fn unlisted_operative_verbs_by_their_grammar() {
        fn op<'t>(lang: Lang, organ: Option<&str>, s: &'t str) -> Option<&'t str> {
            operative_lead(lang, s, organ).map(|n| &s[..n])
        }
        let ga = Some("GA");
        assert_eq!(
            op(Lang::Ar, ga, "تعيد تأكيد حق شعب برمودا"),
            Some("تعيد تأكيد")
        );
        assert_eq!(op(Lang::Ar, ga, "تقر بأن التعاون بين"), Some("تقر"));
        assert_eq!(
            op(Lang::Ar, ga, "تعرب عن قلقها البالغ إزاء"),
            Some("تعرب عن قلقها البالغ")
        );
        assert_eq!(
            op(Lang::Ar, Some("SC"), "يكرر تأكيد التزامه"),
            Some("يكرر تأكيد")
        );
        assert_eq!(
            op(
                Lang::Ru,
                ga,
                "с признательностью принимает к сведению доклад"
            ),
            Some("с признательностью принимает к сведению")
        );
        assert_eq!(op(Lang::Ru, ga, "учреждает Фонд"), Some("учреждает"));
        assert_eq!(
            op(Lang::Ru, ga, "выражает свою признательность Комиссии"),
            Some("выражает свою признательность")
        );
        assert_eq!(
            op(Lang::Ru, ga, "выражает удовлетворение в связи"),
            Some("выражает удовлетворение")
        );
        assert_eq!(
            op(Lang::Ru, ga, "вновь просит Генерального"),
            Some("вновь просит")
        );
        assert_eq!(
            op(Lang::Ru, ga, "отмечает с удовлетворением работу"),
            Some("отмечает с удовлетворением")
        );
        assert_eq!(
            op(Lang::En, ga, "Expresses its grave concern at the"),
            Some("Expresses its grave concern")
        );
        assert_eq!(op(Lang::En, ga, "Establishes a fund"), Some("Establishes"));
        assert_eq!(
            op(Lang::Fr, ga, "Exprime sa profonde gratitude au"),
            Some("Exprime sa profonde gratitude")
        );
        assert_eq!(
            op(Lang::Fr, ga, "Fait siennes les conclusions"),
            Some("Fait siennes")
        );
        assert_eq!(op(Lang::Fr, ga, "Constitue un groupe"), Some("Constitue"));
        assert_eq!(
            op(Lang::Es, ga, "Hace suyas las conclusiones"),
            Some("Hace suyas")
        );
        assert_eq!(op(Lang::Es, ga, "Establece un fondo"), Some("Establece"));
        assert_eq!(op(Lang::Zh, ga, "肯定各国为"), Some("肯定"));
    }

    #[test]
    fn operative_openings_that_are_not_the_authors_verb() {
        fn op(lang: Lang, organ: Option<&str>, s: &str) -> bool {
            operative_lead(lang, s, organ).is_some()
        }
        let ga = Some("GA");
        // verbal nouns, the first person, the other organ's agreement
        assert!(!op(Lang::Ar, ga, "تعزيز التعاون الدولي"));
        assert!(!op(Lang::Ar, ga, "يساورنا قلق عميق"));
        assert!(!op(Lang::Ar, ga, "يقرر أن يبقي المسألة"));
        assert!(op(Lang::Ar, Some("SC"), "يقرر أن يبقي المسألة"));
        assert!(!op(Lang::En, ga, "The Secretary-General shall"));
        assert!(!op(Lang::En, ga, "This resolution"));
        assert!(!op(Lang::Fr, ga, "Le Secrétaire général"));
        assert!(!op(Lang::Es, ga, "La Asamblea General"));
        assert!(!op(Lang::Ru, ga, "Генеральная Ассамблея"));
        assert!(!op(Lang::En, ga, "2030 Agenda"));
        assert!(!op(Lang::En, ga, "Sponsors are responsible for"));
    }

    #[test]
    fn nouns_articles_and_numbers_are_not_leads() {
        assert_eq!(lead(Lang::En, "The Secretary-General has"), None);
        assert_eq!(lead(Lang::En, "Governing Council of the"), None);
        assert_eq!(lead(Lang::En, "2030 Agenda for"), None);
        assert_eq!(lead(Lang::Fr, "Le Conseil"), None);
        assert_eq!(lead(Lang::Ar, "الجمعية العامة"), None);
        assert_eq!(lead(Lang::Zh, "这些措施"), None);
        assert_eq!(emphasised_extent(Lang::Ar, "تشدد على"), "تشدد".len());
        fn tail(lang: Lang, s: &str) -> &str {
            &s[..lead_tail(lang, s)]
        }
        assert_eq!(
            tail(Lang::Fr, " avec satisfaction du rapport"),
            " avec satisfaction"
        );
        assert_eq!(tail(Lang::Fr, " fermement les attaques"), " fermement");
        assert_eq!(tail(Lang::Fr, " l’attachement de tous"), "");
        assert_eq!(
            tail(
                Lang::Fr,
                " dans les termes les plus énergiques les attaques"
            ),
            " dans les termes les plus énergiques"
        );
        assert_eq!(tail(Lang::Es, " con aprecio el informe"), " con aprecio");
        assert_eq!(tail(Lang::Es, " una vez más que"), " una vez más");
        assert_eq!(
            tail(Lang::En, " with serious concern that"),
            " with serious concern"
        );
        assert_eq!(tail(Lang::En, " with the report"), "");
        assert_eq!(
            tail(Lang::En, " deeply concerned that"),
            " deeply concerned"
        );
        fn object<'s>(lang: Lang, lead: &str, s: &'s str) -> &'s str {
            &s[..lead_object(lang, lead, s)]
        }
        assert_eq!(
            object(Lang::En, "Expressing", " deep concern at the"),
            " deep concern"
        );
        assert_eq!(
            object(Lang::En, "Reiterating", " its concern also about"),
            " its concern also"
        );
        assert_eq!(object(Lang::En, "Reiterating", " the need to"), "");
        assert_eq!(object(Lang::En, "Expressing", " the hope that"), "");
        assert_eq!(object(Lang::En, "Recalling", " its commitment to"), "");
        assert_eq!(
            object(Lang::Es, "Expresando", " profunda preocupación por el"),
            " profunda preocupación"
        );
        assert_eq!(
            object(
                Lang::Ru,
                "выражая",
                " признательность Генеральному секретарю за"
            ),
            ""
        );
        assert_eq!(
            tail(Lang::Fr, " avec une vive préoccupation que"),
            " avec une vive préoccupation"
        );
        assert_eq!(emphasised_extent(Lang::En, "Guided by"), "Guided".len());
        assert_eq!(emphasised_extent(Lang::Fr, "Guidée par"), "Guidée".len());
        assert_eq!(tail(Lang::En, " the report of"), "");
        assert_eq!(tail(Lang::Ar, " مع التقدير بتقرير"), " مع التقدير");
        assert_eq!(tail(Lang::Ar, " بقلق بالغ أن"), " بقلق بالغ");
        assert_eq!(tail(Lang::Ar, " ببالغ القلق استمرار"), " ببالغ القلق");
        assert_eq!(tail(Lang::Ar, " بتقرير الأمين العام"), "");
        assert_eq!(
            object(Lang::Ar, "وإذ تعرب", " عن بالغ القلق إزاء"),
            " عن بالغ القلق"
        );
        assert_eq!(
            emphasised_extent(Lang::En, "Calls upon"),
            "Calls upon".len()
        );
        assert_eq!(lead(Lang::Zh, "2030年议程"), None);
        assert_eq!(lead(Lang::Zh, "《公约》缔约方"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_lead_on_a_character_boundary(s in "\\PC{0,40}") {
            for lang in [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar, Lang::Zh] {
                if let Some(n) = preambular_lead(lang, &s) {
                    proptest::prop_assert!(s.is_char_boundary(n) && n <= s.len());
                }
            }
        }
    }
}
