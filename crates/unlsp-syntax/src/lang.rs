//! The official languages and their punctuation tables, read from
//! `grammar/languages.toml` (compiled in).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Zh,
    Fr,
    Es,
    Ru,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Zh, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code.to_ascii_lowercase())
    }

    pub fn table(self) -> &'static LangTable {
        BY_LANG[self as usize]
    }

    /// Languages written without spaces between words.
    pub fn is_cjk(self) -> bool {
        self == Lang::Zh
    }
}

/// One section of `grammar/languages.toml`.
#[derive(Debug, Deserialize)]
pub struct LangTable {
    pub name: String,
    pub case_sensitive_leads: bool,
    pub comma: Vec<String>,
    pub semicolon: Vec<String>,
    pub(crate) full_stop: Vec<String>,
    pub colon: Vec<String>,
    /// (author line without its comma, organ code or "")
    pub author: Vec<(String, String)>,
    pub(crate) preambular_repeat: Vec<(String, String)>,
    pub(crate) operative_repeat: Vec<(String, String)>,
    #[serde(default)]
    pub(crate) months: Vec<String>,
    pub sub_label_style: String,
    /// Grammatical gender of each organ (`GA` → `f`), for the leads that agree
    /// with the author (UN082).
    #[serde(default)]
    pub organ_gender: BTreeMap<String, String>,
    /// (prefix, replacement): another opening of a preambular lead, generated
    /// for every lead starting with the prefix (Arabic `وإذ ` → `إذ `).
    #[serde(default)]
    pub(crate) lead_variants: Vec<(String, String)>,
    /// Nouns of the citation grammar (fr/es/ru/ar; English and Chinese have
    /// their own grammars in `inline.rs`).
    #[serde(default)]
    pub(crate) resolution_words: Vec<String>,
    #[serde(default)]
    pub(crate) decision_words: Vec<String>,
    #[serde(default)]
    pub(crate) own_words: Vec<String>,
    #[serde(default)]
    pub(crate) act_fillers: Vec<String>,
    /// Prefixes written joined to the act noun (Arabic `و`, `ب`).
    #[serde(default)]
    pub(crate) noun_prefixes: Vec<String>,
    #[serde(default)]
    pub(crate) date_words: Vec<String>,
    #[serde(default)]
    pub(crate) list_and: Vec<String>,
    /// The words naming a part of an act after its number (`sect.`, `para.`).
    #[serde(default)]
    pub(crate) pinpoint_words: Vec<String>,
    /// Traditional → simplified pairs (`決决 權权`) for matching leads.
    #[serde(default)]
    pub(crate) traditional: String,
    /// Second month names (Arabic `كانون الأول` beside `ديسمبر`).
    #[serde(default)]
    pub(crate) months_alt: Vec<String>,
    /// (organ phrase written before an act noun, organ code or "" for another
    /// body): `Human Rights Council resolution 5/1`, `Commission resolution 66/1`.
    #[serde(default)]
    pub organs: Vec<(String, String)>,
    /// (body name as running text writes it, organ code or "" for another
    /// body): `Conseil des droits de l’homme`, `Комисси` (a stem); an act the
    /// text gives the Assembly but dates outside its session belongs to the
    /// body its sentence names (`inline::bodies`). English reads its `organs`.
    #[serde(default)]
    pub(crate) bodies: Vec<(String, String)>,
    /// How a text cites an act's number with its date: `{number} du {date}`.
    #[serde(default)]
    pub(crate) number_date: String,
    /// (letter name, part letter): Arabic `سين` → `O` (`40/152 سين`).
    #[serde(default)]
    pub(crate) part_letters: Vec<(String, String)>,
    /// The footnote marker stands before the punctuation (`(2015-2030)5,`,
    /// `résolution 77/19¹,`), so that flattened it may end a resolution
    /// number (`77/191,`).
    #[serde(default)]
    pub(crate) marker_before_punctuation: bool,
    /// Decimals are written with a comma (`2,5 pour cent`, `54,4 بليون`):
    /// digits glued after a comma that follows a digit are a number's, never
    /// a footnote marker.
    #[serde(default)]
    pub(crate) decimal_comma: bool,
    /// Footnote markers are printed in brackets glued to the word or number
    /// they document (`جدول أعمال القرن 21(5)`), so `(N)` after a number is
    /// a marker, not a part of it.
    #[serde(default)]
    pub(crate) parenthesised_markers: bool,
    /// The words between the two days of a range (`18 et 19 mai`, `del 9 al
    /// 20 de mayo`): the first day is no footnote marker.
    #[serde(default)]
    pub(crate) range_words: Vec<String>,
}

impl LangTable {
    pub fn is_comma(&self, c: char) -> bool {
        self.comma.iter().any(|p| p.starts_with(c))
    }
    pub fn is_semicolon(&self, c: char) -> bool {
        self.semicolon.iter().any(|p| p.starts_with(c))
    }
    pub fn is_full_stop(&self, c: char) -> bool {
        self.full_stop.iter().any(|p| p.starts_with(c))
    }
    /// The preferred form (first listed) of each mark.
    pub fn preferred_comma(&self) -> &str {
        &self.comma[0]
    }
    pub fn preferred_semicolon(&self) -> &str {
        &self.semicolon[0]
    }
    pub fn preferred_full_stop(&self) -> &str {
        &self.full_stop[0]
    }
    /// The act nouns of the citation grammar as written (fr/es/ru/ar):
    /// `résolutions`, `резолюцию`, `القرار`; empty for English and Chinese.
    pub fn resolution_words(&self) -> &[String] {
        &self.resolution_words
    }
    pub fn decision_words(&self) -> &[String] {
        &self.decision_words
    }
    /// The grammatical gender of an author line as written (UN082: `L'Assemblée
    /// générale` feminine, `Le Conseil de sécurité` masculine).
    pub fn author_gender(&self, author: &str) -> Option<Gender> {
        Gender::parse(self.organ_gender.get(self.organ_of(author)?)?)
    }
    /// The organ code of an organ phrase of the citation grammar: `Some("")` for
    /// another body, `None` when the phrase is not in the table.
    pub(crate) fn cited_organ(&self, phrase: &str) -> Option<&str> {
        let squeezed = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
        self.organs
            .iter()
            .find(|(p, _)| *p == squeezed)
            .map(|(_, o)| o.as_str())
    }
    /// The organ (`GA`, `SC`…) of an author line as written, in this language.
    pub(crate) fn organ_of(&self, author: &str) -> Option<&str> {
        self.author
            .iter()
            .find(|(name, organ)| !organ.is_empty() && author.contains(name.as_str()))
            .map(|(_, organ)| organ.as_str())
    }
}

static TABLES: LazyLock<BTreeMap<String, LangTable>> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../grammar/languages.toml"))
        .expect("grammar/languages.toml is valid (checked by a unit test)")
});

/// The tables in the order of [`Lang::ALL`] (the enum's order): a lookup
/// by index, not by name.
static BY_LANG: LazyLock<[&'static LangTable; 6]> =
    LazyLock::new(|| Lang::ALL.map(|l| &TABLES[l.code()]));

/// Counts of script characters, summed per block so that detection stays
/// incremental.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    pub(crate) han: u32,
    pub latin: u32,
    pub(crate) cyrillic: u32,
    pub arabic: u32,
    /// Function words of English, French and Spanish, which tell the Latin-script
    /// languages apart when no lead phrase decides.
    pub words: [u32; 3],
}

/// [`ScriptCounts`] as a block keeps them: 16 bits each (14 bytes inline), or
/// boxed whole for a block with more than 65,535 of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackedCounts {
    Small([u16; 7]),
    Big(Box<ScriptCounts>),
}

impl PackedCounts {
    pub(crate) fn pack(c: ScriptCounts) -> PackedCounts {
        let all = [
            c.han, c.latin, c.cyrillic, c.arabic, c.words[0], c.words[1], c.words[2],
        ];
        if all.iter().all(|&x| x <= u16::MAX as u32) {
            PackedCounts::Small(all.map(|x| x as u16))
        } else {
            PackedCounts::Big(Box::new(c))
        }
    }

    pub fn get(&self) -> ScriptCounts {
        match self {
            PackedCounts::Small(a) => {
                let [han, latin, cyrillic, arabic, en, fr, es] = a.map(u32::from);
                ScriptCounts {
                    han,
                    latin,
                    cyrillic,
                    arabic,
                    words: [en, fr, es],
                }
            }
            PackedCounts::Big(c) => **c,
        }
    }
}

/// `the of and` / `les des du` / `los las del`: frequent, short, unambiguous.
fn function_word(w: &str) -> Option<usize> {
    (1..=5)
        .contains(&w.len())
        .then(|| function_word_at(w.as_bytes(), 0, w.len()))
        .flatten()
}

/// Of up to 64 bytes, a bit per ASCII letter and a bit per byte over 0x7F
/// (byte k → bit k; none past the end).
fn letter_masks(chunk: &[u8]) -> (u64, u64) {
    let mut buf = [0u8; 64];
    buf[..chunk.len()].copy_from_slice(chunk);
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        let (mut letters, mut high) = (0u64, 0u64);
        for k in 0..4 {
            // SAFETY: SSE2 is part of every x86_64 target; the load reads the
            // 16 bytes of `buf` from 16 * k on (k < 4)
            let (l, h) = unsafe {
                let v = _mm_loadu_si128(buf.as_ptr().add(16 * k).cast());
                // lower case folded: a letter is then 0x61..=0x7A (bytes over
                // 0x7F compare as negative)
                let x = _mm_or_si128(v, _mm_set1_epi8(0x20));
                let from_a = _mm_cmpgt_epi8(x, _mm_set1_epi8(0x60));
                let to_z = _mm_cmplt_epi8(x, _mm_set1_epi8(0x7B));
                (
                    _mm_movemask_epi8(_mm_and_si128(from_a, to_z)),
                    _mm_movemask_epi8(v),
                )
            };
            letters |= u64::from(l as u16) << (16 * k);
            high |= u64::from(h as u16) << (16 * k);
        }
        (letters, high)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let (mut letters, mut high) = (0u64, 0u64);
        for (k, x) in buf.iter().enumerate() {
            letters |= u64::from(x.is_ascii_alphabetic()) << k;
            high |= u64::from(*x >= 0x80) << k;
        }
        (letters, high)
    }
}

/// [`function_word`] of the ASCII letters `b[at..at + len]` (`len` ≤ 5),
/// read as one little-endian integer when 8 bytes are there to read.
fn function_word_at(b: &[u8], at: usize, len: usize) -> Option<usize> {
    const fn key(w: &[u8]) -> u64 {
        let mut k = 0u64;
        let mut i = 0;
        while i < w.len() {
            k |= (w[i] as u64) << (8 * i);
            i += 1;
        }
        k
    }
    const THE: u64 = key(b"the");
    const OF: u64 = key(b"of");
    const AND: u64 = key(b"and");
    const TO: u64 = key(b"to");
    const ITS: u64 = key(b"its");
    const WITH: u64 = key(b"with");
    const LES: u64 = key(b"les");
    const DES: u64 = key(b"des");
    const DU: u64 = key(b"du");
    const ET: u64 = key(b"et");
    const AUX: u64 = key(b"aux");
    const SUR: u64 = key(b"sur");
    const LOS: u64 = key(b"los");
    const LAS: u64 = key(b"las");
    const DEL: u64 = key(b"del");
    const Y: u64 = key(b"y");
    const PARA: u64 = key(b"para");
    const SOBRE: u64 = key(b"sobre");
    let k = match b.get(at..at + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().unwrap()) & ((1u64 << (8 * len)) - 1),
        None => key(&b[at..at + len]),
    };
    match k {
        THE | OF | AND | TO | ITS | WITH => Some(0),
        LES | DES | DU | ET | AUX | SUR => Some(1),
        LOS | LAS | DEL | Y | PARA | SOBRE => Some(2),
        _ => None,
    }
}

impl ScriptCounts {
    /// Letters per script and function words, in one pass over the bytes: a
    /// run of ASCII (up to 64 bytes) is classified 16 bytes a compare without
    /// decoding ([`letter_masks`]), its words found from the bit mask of its
    /// letters, and only the short ones (up to 5 letters) looked up; a
    /// non-ASCII character is decoded alone. A word holding a non-ASCII letter is no function word
    /// (they are all ASCII).
    pub fn of(text: &str) -> Self {
        let mut c = ScriptCounts::default();
        let b = text.as_bytes();
        let n = b.len();
        // the word running into the next piece: its start, and whether it is
        // ASCII letters only
        let mut word: Option<(usize, bool)> = None;
        let end_word = |word: &mut Option<(usize, bool)>, at: usize, c: &mut ScriptCounts| {
            if let Some((start, ascii)) = word.take()
                && ascii
                && at - start <= 5
                && let Some(k) = function_word(&text[start..at])
            {
                c.words[k] += 1;
            }
        };
        let mut i = 0;
        while i < n {
            if b[i] < 0x80 {
                // the ASCII bytes from `i` on, at most 64, and their letters
                let (letters, high) = letter_masks(&b[i..n.min(i + 64)]);
                let len = (high.trailing_zeros() as usize).min(n - i);
                let mask = if len == 64 {
                    letters
                } else {
                    letters & ((1u64 << len) - 1)
                };
                c.latin += mask.count_ones();
                let mut starts = mask & !(mask << 1);
                if word.is_some() {
                    // the word in progress runs on over the first letters
                    let run = (!mask).trailing_zeros() as usize;
                    if run >= len {
                        i += len;
                        continue;
                    }
                    end_word(&mut word, i + run, &mut c);
                    starts &= !1;
                }
                if mask >> (len - 1) & 1 == 1 {
                    // the last word may run on past the piece: it waits
                    let s = 63 - starts.leading_zeros() as usize;
                    starts &= !(1u64 << s);
                    word = Some((i + s, true));
                }
                // the words of at most 5 letters: their last letter (a bit of
                // `ends`) is at most 4 bits on
                let ends = mask & !(mask >> 1);
                starts &= ends | ends >> 1 | ends >> 2 | ends >> 3 | ends >> 4;
                while starts != 0 {
                    let s = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    let run = (!(mask >> s)).trailing_zeros() as usize;
                    if let Some(k) = function_word_at(b, i + s, run) {
                        c.words[k] += 1;
                    }
                }
                i += len;
                continue;
            }
            // a character other than ASCII
            let ch = text[i..].chars().next().unwrap_or(' ');
            if crate::cjk::is_han(ch) {
                c.han += 1;
            } else if crate::cjk::is_cyrillic(ch) {
                c.cyrillic += 1;
            } else if crate::cjk::is_arabic(ch) {
                c.arabic += 1;
            } else if ch.is_alphabetic() && (ch as u32) < 0x250 {
                c.latin += 1;
            }
            if ch.is_alphabetic() {
                word.get_or_insert((i, false)).1 = false;
            } else {
                end_word(&mut word, i, &mut c);
            }
            i += ch.len_utf8();
        }
        end_word(&mut word, n, &mut c);
        c
    }

    pub fn add(&mut self, o: &ScriptCounts) {
        self.han += o.han;
        self.latin += o.latin;
        self.cyrillic += o.cyrillic;
        self.arabic += o.arabic;
        for i in 0..3 {
            self.words[i] += o.words[i];
        }
    }

    /// The main script decides the language; a Han character carries about as much
    /// text as three Latin letters. French and Spanish are told from English by
    /// their lexicon hits, which the caller supplies.
    pub fn detect(&self, latin_votes: [u32; 3]) -> Lang {
        let han = self.han as u64 * 3;
        let lat = self.latin as u64;
        let cyr = self.cyrillic as u64;
        let ar = self.arabic as u64;
        let max = han.max(lat).max(cyr).max(ar);
        if max == 0 {
            return Lang::En;
        }
        // A translation keeps Latin symbols and names, and a bitext (`…bitext-en-ar`)
        // puts the English beside it: a quarter of the letters in another
        // official script makes the document that language.
        let other = han.max(cyr).max(ar);
        if other > 0 && other * 4 >= (lat + other) && lat == max {
            return if han == other {
                Lang::Zh
            } else if cyr == other {
                Lang::Ru
            } else {
                Lang::Ar
            };
        }
        if han == max {
            Lang::Zh
        } else if cyr == max {
            Lang::Ru
        } else if ar == max {
            Lang::Ar
        } else {
            // a lead phrase counts as much as ten function words
            let [en, fr, es] = [0, 1, 2].map(|i| latin_votes[i] * 10 + self.words[i]);
            if fr > en && fr >= es {
                Lang::Fr
            } else if es > en && es > fr {
                Lang::Es
            } else {
                Lang::En
            }
        }
    }
}

/// Grammatical gender of a lead that agrees with the author (UN082):
/// `Convaincue` (l'Assemblée) / `Convaincu` (le Conseil), `تقرر` / `يقرر`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Feminine,
    Masculine,
}

impl Gender {
    pub fn parse(s: &str) -> Option<Gender> {
        match s {
            "f" => Some(Gender::Feminine),
            "m" => Some(Gender::Masculine),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass count equals counting characters and splitting words on
    /// non-letters.
    #[test]
    fn script_counts_match_the_plain_definition() {
        fn plain(text: &str) -> ScriptCounts {
            let mut c = ScriptCounts::default();
            for w in text.split(|c: char| !c.is_alphabetic()) {
                if let Some(i) = function_word(w) {
                    c.words[i] += 1;
                }
            }
            for ch in text.chars() {
                if ch.is_ascii_alphabetic() {
                    c.latin += 1;
                } else if crate::cjk::is_han(ch) {
                    c.han += 1;
                } else if crate::cjk::is_cyrillic(ch) {
                    c.cyrillic += 1;
                } else if crate::cjk::is_arabic(ch) {
                    c.arabic += 1;
                } else if ch.is_alphabetic() && (ch as u32) < 0x250 {
                    c.latin += 1;
                }
            }
            c
        }
        let mut texts = crate::text::outline_fixture_texts();
        texts.push(include_str!("../../../examples/A_RES_62_57.txt").to_string());
        texts.push("y—the l’ONU des\u{301} du«les»éthe of2and the".to_string());
        texts.push("大会 决定 Генеральная Ассамблея, постановляет и الجمعية العامة y".to_string());
        // words across the 8- and 64-byte blocks of the ASCII path
        for pad in 0..70 {
            let mut t = "x".repeat(pad);
            t.push_str(" the,of-AND y\tpara sobre del los las sur et du des les its with to ");
            texts.push(t.repeat(3));
            texts.push(format!("{}the", " ".repeat(pad)));
            texts.push(format!("{}Sobre", "z".repeat(pad)));
            texts.push(format!(
                "{}’the é{}del’ y",
                "q ".repeat(pad),
                "a".repeat(pad % 9)
            ));
            texts.push(format!("{}thé the—of", "é".repeat(pad)));
        }
        // and real text of every language
        let (samples, _) = crate::text::corpus_samples(&["en", "fr", "es", "ru", "ar", "zh"]);
        texts.extend(samples.iter().flat_map(|t| t.lines().map(String::from)));
        for t in &texts {
            assert_eq!(ScriptCounts::of(t), plain(t), "{}", &t[..t.len().min(80)]);
        }
        assert!(texts.len() > 3);
    }

    #[test]
    fn packed_counts_round_trip() {
        let small = ScriptCounts::of("Recalling its resolution 61/100 大会 Генеральная الجمعية");
        assert!(matches!(PackedCounts::pack(small), PackedCounts::Small(_)));
        assert_eq!(PackedCounts::pack(small).get(), small);
        let big = ScriptCounts::of(&"the ".repeat(70_000));
        assert!(matches!(PackedCounts::pack(big), PackedCounts::Big(_)));
        assert_eq!(PackedCounts::pack(big).get(), big);
        assert_eq!(std::mem::size_of::<PackedCounts>(), 16);
    }

    #[test]
    fn every_language_has_a_table() {
        for (i, l) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(l as usize, i);
            assert!(std::ptr::eq(l.table(), &TABLES[l.code()]));
            let t = l.table();
            assert!(!t.comma.is_empty() && !t.author.is_empty(), "{}", t.name);
        }
    }

    #[test]
    fn tells_french_and_spanish_from_english() {
        let fr = ScriptCounts::of(
            "Rappelant sa résolution 61/100 du 6 décembre 2006 et les travaux des États Membres sur la question",
        );
        assert_eq!(fr.detect([0, 0, 0]), Lang::Fr);
        let es = ScriptCounts::of(
            "Recordando su resolución 61/100, de 6 de diciembre de 2006, y los trabajos de los Estados Miembros sobre la cuestión",
        );
        assert_eq!(es.detect([0, 0, 0]), Lang::Es);
        let en = ScriptCounts::of(
            "Recalling its resolution 61/100 of 6 December 2006 and the work of the Member States",
        );
        assert_eq!(en.detect([0, 0, 0]), Lang::En);
    }

    #[test]
    fn a_bitext_is_its_other_language() {
        // A/AC.109/2019/L.18, English and Arabic on one line
        let c = ScriptCounts::of(
            "Taking note of the working paper prepared by the Secretariat on Pitcairn and other relevant information,وإذ تحيط علما بورقة العمل التي أعدتها الأمانة العامة بشأن بيتكيرن والمعلومات الأخرى ذات الصلة بالموضوع،",
        );
        assert_eq!(c.detect([0, 0, 0]), Lang::Ar);
        let en = ScriptCounts::of("Recalling its resolution 61/100 (قرار) of 6 December 2006");
        assert_eq!(en.detect([0, 0, 0]), Lang::En);
    }

    #[test]
    fn detects_chinese_with_latin_symbols() {
        let c =
            ScriptCounts::of("回顾其 2006 年 12 月 6 日第 61/100 号决议 A/62/395 Distr.: General");
        assert_eq!(c.detect([0, 0, 0]), Lang::Zh);
    }
}
