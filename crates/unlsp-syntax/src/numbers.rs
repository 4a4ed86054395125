//! Numbers and ordinals in every script the documents write them in: Roman
//! numerals (sessions, sub-paragraph labels), Chinese numerals (`六十三`),
//! Arabic-Indic digits (`٣`), English ordinal words (`sixty-third`) and the
//! sub-paragraph labels of every language (`(c)`, `(aa)`, `(iv)`, `б)`,
//! `(ج)`, `㈢`). The parser, the rules, the catalogue and the parallel
//! alignment all read numbers through this module.

/// The Arabic sub-paragraph letters in abjad order, the order of the letters'
/// names (`ألف`, `باء`, `جيم` …): `(أ)`, `(ب)`, `(ج)`. The first letters of
/// the part letters of `grammar/languages.toml` follow the same order.
pub(crate) const ARABIC_LETTERS: &str = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ";

/// The Russian sub-paragraph letters (`а)`, `б)`, `в)` …), without the
/// letters the UN skips (`ё`, `й`, `ъ`, `ы`, `ь`).
pub(crate) const CYRILLIC_LETTERS: &str = "абвгдежзиклмнопрстуфхцчшщэюя";

/// The value of a Roman numeral written all in capitals or all in small
/// letters (`XV`, `iv`); `None` for anything else or zero.
pub fn roman_value(s: &str) -> Option<u32> {
    let upper = s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let lower = s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
    if s.is_empty() || !(upper || lower) {
        return None;
    }
    let digits: Vec<i64> = s
        .chars()
        .map(|c| match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => 100,
        })
        .collect();
    let mut total = 0i64;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    (total > 0).then_some(total as u32)
}

/// Whether `s` is a Roman numeral in capitals (`XV`).
pub fn is_upper_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_uppercase()) && roman_value(s).is_some()
}

/// The Roman numeral of `n` in capitals (`15` → `XV`); empty for zero.
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// `٣` → 3.
pub(crate) fn arabic_indic_digit(c: char) -> Option<u32> {
    ('٠'..='٩').contains(&c).then(|| c as u32 - '٠' as u32)
}

/// Value of a Chinese numeral up to 999 (`六十三`, `十一`, `一百零五`).
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    let mut total = 0;
    let mut cur: Option<u32> = None;
    for c in s.chars() {
        match c {
            '〇' => cur = Some(0),
            '十' => {
                total += cur.unwrap_or(1) * 10;
                cur = None;
            }
            '百' => {
                total += cur? * 100;
                cur = None;
            }
            _ => cur = Some(digit(c)?),
        }
    }
    Some(total + cur.unwrap_or(0))
}

/// The canonical Chinese numeral (`63` → `六十三`, `11` → `十一`, `105` → `一百零五`).
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let mut s = String::new();
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    if h > 0 {
        s.push_str(D[h as usize]);
        s.push('百');
    }
    if t > 0 {
        if h > 0 || t > 1 {
            s.push_str(D[t as usize]);
        }
        s.push('十');
    } else if h > 0 && u > 0 {
        s.push('零');
    }
    if u > 0 || n == 0 {
        s.push_str(D[u as usize]);
    }
    s
}

/// English ordinal words below twenty, by value (index 0 unused).
const UNITS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The tens: cardinal stem, ordinal word, value.
const TENS: [(&str, &str, u32); 8] = [
    ("twenty", "twentieth", 20),
    ("thirty", "thirtieth", 30),
    ("forty", "fortieth", 40),
    ("fifty", "fiftieth", 50),
    ("sixty", "sixtieth", 60),
    ("seventy", "seventieth", 70),
    ("eighty", "eightieth", 80),
    ("ninety", "ninetieth", 90),
];

/// A session number from an English or Chinese ordinal (`sixty-third`,
/// `Seventy-fifth`, `六十三`).
pub fn ordinal_value(s: &str) -> Option<u32> {
    let t = s.trim().to_lowercase();
    if t.chars().all(|c| "一二三四五六七八九十百零〇".contains(c)) && !t.is_empty() {
        return chinese_number(&t);
    }
    if let Some(i) = UNITS.iter().position(|u| !u.is_empty() && *u == t) {
        return Some(i as u32);
    }
    for (card, ord, v) in TENS {
        if t == ord {
            return Some(v);
        }
        if let Some(rest) = t.strip_prefix(card).and_then(|r| r.strip_prefix('-'))
            && let Some(i) = UNITS[1..10].iter().position(|u| *u == rest)
        {
            return Some(v + i as u32 + 1);
        }
    }
    None
}

/// The English ordinal word (`63` → `sixty-third`); digits from a hundred.
pub fn ordinal_word(n: u32) -> String {
    if n < 20 {
        return UNITS[n as usize].to_string();
    }
    if n < 100 {
        let (card, ord, _) = TENS[(n / 10 - 2) as usize];
        return match n % 10 {
            0 => ord.to_string(),
            u => format!("{card}-{}", UNITS[u as usize]),
        };
    }
    n.to_string()
}

/// The letters and digits of a label (`(aa)` → `aa`, `5.` → `5`, `(هـ)` →
/// `ه`), lower case, the Arabic tatweel and the alef variants folded.
fn label_core(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_alphanumeric() && *c != 'ـ')
        .map(|c| {
            if matches!(c, 'ا' | 'إ' | 'آ') {
                'أ'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The ordinal of a label in its list: `5.` → 5; `(c)` → 3; `(aa)` → 27;
/// `б)` → 2; `(ج)` → 3 and `(هـ)` → 5 (abjad order); `㈢` → 3; `(iv)` → 4
/// when the list is Roman (`roman`). A label that is neither one letter
/// repeated nor a number is read as a Roman numeral.
pub fn label_ordinal(label: &str, roman: bool) -> Option<u32> {
    let core = label_core(label);
    let first = core.chars().next()?;
    if ('㈠'..='㈩').contains(&first) {
        return Some(first as u32 - '㈠' as u32 + 1);
    }
    if core.bytes().all(|b| b.is_ascii_digit()) {
        return core.parse().ok();
    }
    if roman && let Some(r) = roman_value(&core) {
        return Some(r);
    }
    if !core.chars().all(|c| c == first) {
        return roman_value(&core);
    }
    let position = |letters: &str| letters.chars().position(|c| c == first);
    let pos = if first.is_ascii_lowercase() {
        first as usize - 'a' as usize
    } else {
        position(CYRILLIC_LETTERS).or_else(|| position(ARABIC_LETTERS))?
    };
    Some(pos as u32 + 1 + 26 * (core.chars().count() as u32 - 1))
}

/// The label of the `n`th item of a list whose labels look like `like`:
/// `(c)`, `c)`, `(iv)` when `roman`, `(ج)` in Arabic (the fifth letter with
/// its tail, `(هـ)`, as the UN writes it).
pub fn label_for(n: u32, roman_list: bool, like: &str) -> String {
    let arabic = like.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    let core = if arabic && !roman_list {
        match (n as usize)
            .checked_sub(1)
            .and_then(|i| ARABIC_LETTERS.chars().nth(i))
        {
            Some('ه') => "هـ".to_string(),
            Some(c) => c.to_string(),
            None => n.to_string(),
        }
    } else if roman_list {
        roman(n).to_lowercase()
    } else {
        let letter = (b'a' + ((n - 1) % 26) as u8) as char;
        std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
    };
    if like.starts_with('(') {
        format!("({core})")
    } else {
        format!("{core})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_both_ways() {
        for n in 1..=120 {
            assert_eq!(roman_value(&roman(n)), Some(n), "{n}");
            assert_eq!(roman_value(&roman(n).to_lowercase()), Some(n), "{n}");
        }
        assert_eq!(roman_value("XV"), Some(15));
        assert_eq!(roman_value("Xv"), None);
        assert_eq!(roman_value("XVa"), None);
        assert_eq!(roman_value(""), None);
        assert!(is_upper_roman("LXXX"));
        assert!(!is_upper_roman("lxxx"));
    }

    #[test]
    fn chinese_numerals_both_ways() {
        for n in 0..=999 {
            assert_eq!(chinese_number(&chinese_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(chinese_numeral(63), "六十三");
        assert_eq!(chinese_numeral(105), "一百零五");
        assert_eq!(chinese_number("十一"), Some(11));
        assert_eq!(chinese_number("六x"), None);
    }

    #[test]
    fn english_ordinals_both_ways() {
        for n in 1..=99 {
            assert_eq!(ordinal_value(&ordinal_word(n)), Some(n), "{n}");
        }
        assert_eq!(ordinal_value("Seventy-fifth"), Some(75));
        assert_eq!(ordinal_value("六十三"), Some(63));
        assert_eq!(ordinal_word(100), "100");
        assert_eq!(arabic_indic_digit('٧'), Some(7));
    }

    #[test]
    fn labels_in_every_script() {
        assert_eq!(label_ordinal("(c)", false), Some(3));
        assert_eq!(label_ordinal("(aa)", false), Some(27));
        assert_eq!(label_ordinal("(iv)", true), Some(4));
        assert_eq!(label_ordinal("b)", false), Some(2));
        assert_eq!(label_ordinal("5.", false), Some(5));
        assert_eq!(label_ordinal("б)", false), Some(2));
        assert_eq!(label_ordinal("(ج)", false), Some(3));
        assert_eq!(label_ordinal("(أ )", false), Some(1));
        assert_eq!(label_ordinal("(ا)", false), Some(1));
        assert_eq!(label_ordinal("(هـ)", false), Some(5));
        assert_eq!(label_ordinal("㈢", false), Some(3));
        assert_eq!(label_ordinal("()", false), None);
        assert_eq!(label_for(4, true, "(i)"), "(iv)");
        assert_eq!(label_for(40, true, "(i)"), "(xl)");
        assert_eq!(label_for(2, false, "(أ )"), "(ب)");
        assert_eq!(label_for(5, false, "(أ)"), "(هـ)");
        assert_eq!(label_for(27, false, "a)"), "aa)");
        for n in 1..=60 {
            for like in ["(a)", "(أ)"] {
                assert_eq!(label_ordinal(&label_for(n, false, like), false), Some(n));
            }
            assert_eq!(label_ordinal(&label_for(n, true, "(i)"), true), Some(n));
        }
    }

    #[test]
    fn the_abjad_order_is_the_part_letters_order() {
        let firsts: String = crate::Lang::Ar
            .table()
            .part_letters
            .iter()
            .filter_map(|(name, _)| name.chars().next())
            .collect();
        assert!(ARABIC_LETTERS.starts_with(&firsts), "{firsts}");
    }
}
