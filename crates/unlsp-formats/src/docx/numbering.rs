//! Word's automatic numbering (`numbering.xml`) rendered as the number Word
//! shows (`1.`, `(a)`, `(i)`), and the styles (`styles.xml`) a paragraph or
//! run takes its numbering and emphasis from.

use super::xml::{W, attr, child};
use std::collections::HashMap;

/// What a style gives a paragraph or run.
#[derive(Default, Clone)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    num: Option<(String, usize)>,
    italic: Option<bool>,
    bold: Option<bool>,
}

#[derive(Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
}

/// Whether a toggle property (`w:i`, `w:b`, `w:vanish`) is on: present,
/// and not `w:val="0"`/`"false"`/`"off"`.
pub(crate) fn toggle(props: roxmltree::Node, name: &str) -> Option<bool> {
    child(props, name).map(|n| !matches!(attr(n, "val"), Some("0" | "false" | "off")))
}

/// A `w:numPr`'s (numId, ilvl).
pub(crate) fn num_pr(ppr: roxmltree::Node) -> Option<(String, usize)> {
    let np = child(ppr, "numPr")?;
    let id = child(np, "numId").and_then(|n| attr(n, "val"))?;
    let lvl = child(np, "ilvl")
        .and_then(|n| attr(n, "val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id.to_string(), lvl))
}

impl Styles {
    pub(crate) fn read(doc: Option<&roxmltree::Document>) -> Styles {
        let mut styles = HashMap::new();
        for s in doc
            .iter()
            .flat_map(|d| d.root_element().children())
            .filter(|n| n.has_tag_name((W, "style")))
        {
            let Some(id) = attr(s, "styleId") else {
                continue;
            };
            let rpr = child(s, "rPr");
            let style = Style {
                name: child(s, "name")
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
                based_on: child(s, "basedOn")
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
                num: child(s, "pPr").and_then(num_pr),
                italic: rpr.and_then(|r| toggle(r, "i")),
                bold: rpr.and_then(|r| toggle(r, "b")),
            };
            styles.insert(id.to_string(), style);
        }
        Styles { styles }
    }

    /// A style's name as Word shows it (`Heading 1`), else its id.
    pub(crate) fn name<'s>(&'s self, id: &'s str) -> &'s str {
        self.styles
            .get(id)
            .and_then(|s| s.name.as_deref())
            .unwrap_or(id)
    }

    /// The first value a style or the styles it is based on set.
    fn inherited<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut cur = Some(id);
        for _ in 0..16 {
            let s = self.styles.get(cur?)?;
            if let Some(v) = get(s) {
                return Some(v);
            }
            cur = s.based_on.as_deref();
        }
        None
    }

    pub(crate) fn numbering(&self, id: &str) -> Option<(String, usize)> {
        self.inherited(id, |s| s.num.clone())
    }

    pub(crate) fn italic(&self, id: &str) -> Option<bool> {
        self.inherited(id, |s| s.italic)
    }

    pub(crate) fn bold(&self, id: &str) -> Option<bool> {
        self.inherited(id, |s| s.bold)
    }
}

#[derive(Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// What follows the number: a tab or a space (both written as a space),
    /// or nothing.
    suffix: &'static str,
}

struct Num {
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride` per level.
    overrides: HashMap<usize, u32>,
}

/// The numbering definitions and the counters as the document runs.
#[derive(Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    /// Per abstract numbering (Word counts the lists that share one as one
    /// list), the current value of each level.
    counters: HashMap<String, [Option<u32>; 9]>,
    /// The lists whose start overrides were applied.
    started: std::collections::HashSet<String>,
}

impl Numbering {
    /// The definitions of `numbering.xml`; `styles` resolve the ones that
    /// link to a numbering style.
    pub(crate) fn read(doc: Option<&roxmltree::Document>, styles: &Styles) -> Numbering {
        let mut n = Numbering::default();
        let Some(doc) = doc else { return n };
        // abstract numbering -> the numbering style it takes its levels from
        let mut links = HashMap::new();
        for a in doc.root_element().children() {
            if a.has_tag_name((W, "abstractNum")) {
                let id = attr(a, "abstractNumId").unwrap_or("").to_string();
                if let Some(style) = child(a, "numStyleLink").and_then(|l| attr(l, "val")) {
                    links.insert(id.clone(), style.to_string());
                }
                n.abstracts.insert(id, levels(a));
            } else if a.has_tag_name((W, "num")) {
                let id = attr(a, "numId").unwrap_or("").to_string();
                let abstract_id = child(a, "abstractNumId")
                    .and_then(|x| attr(x, "val"))
                    .unwrap_or("")
                    .to_string();
                let overrides = a
                    .children()
                    .filter(|o| o.has_tag_name((W, "lvlOverride")))
                    .filter_map(|o| {
                        let lvl = attr(o, "ilvl")?.parse().ok()?;
                        let start = attr(child(o, "startOverride")?, "val")?.parse().ok()?;
                        Some((lvl, start))
                    })
                    .collect();
                n.nums.insert(
                    id,
                    Num {
                        abstract_id,
                        overrides,
                    },
                );
            }
        }
        let resolved: HashMap<String, String> = links
            .keys()
            .filter_map(|a| Some((a.clone(), n.linked(a, &links, styles)?)))
            .collect();
        for num in n.nums.values_mut() {
            if let Some(target) = resolved.get(&num.abstract_id) {
                num.abstract_id = target.clone();
            }
        }
        n
    }

    /// The abstract numbering whose levels `abstract_id` uses when it
    /// links to a numbering style (ECMA-376 Part 1, 17.9, `w:numStyleLink`): the
    /// style's `w:numPr/w:numId` names a list, and that list's abstract
    /// numbering (the one whose `w:styleLink` names the style) holds the
    /// levels. Lists that link to one style are counted as one list.
    fn linked(
        &self,
        abstract_id: &str,
        links: &HashMap<String, String>,
        styles: &Styles,
    ) -> Option<String> {
        let mut cur = abstract_id;
        // a style's list may link to a style again: followed a few times,
        // never round a cycle
        for _ in 0..4 {
            let Some(style) = links.get(cur) else {
                return Some(cur.to_string());
            };
            let (num_id, _) = styles.numbering(style)?;
            cur = &self.nums.get(&num_id)?.abstract_id;
        }
        None
    }

    /// The number Word shows for the next paragraph of list `num_id` at
    /// level `ilvl`, with what follows it; `None` for no number.
    pub(crate) fn next(&mut self, num_id: &str, ilvl: usize) -> Option<(String, &'static str)> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(ilvl)?;
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        if self.started.insert(num_id.to_string()) {
            for l in num.overrides.keys().filter(|&&l| l < 9) {
                counters[*l] = None;
            }
        }
        let start = |l: usize| {
            num.overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).map(|x| x.start))
                .unwrap_or(1)
        };
        counters[ilvl] = Some(counters[ilvl].map_or(start(ilvl), |v| v + 1));
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        if level.format == "none" {
            return Some((String::new(), ""));
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = counters[l].unwrap_or_else(|| start(l));
                    let fmt = levels.get(l).map_or("decimal", |x| x.format.as_str());
                    label.push_str(&format_number(value, fmt));
                }
                _ => label.push(c),
            }
        }
        Some((label, level.suffix))
    }
}

fn levels(a: roxmltree::Node) -> Vec<Level> {
    let mut out: Vec<Level> = Vec::new();
    for l in a.children().filter(|n| n.has_tag_name((W, "lvl"))) {
        let val = |name| child(l, name).and_then(|n| attr(n, "val"));
        let level = Level {
            start: val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
            format: val("numFmt").unwrap_or("decimal").to_string(),
            text: val("lvlText").unwrap_or("").to_string(),
            suffix: match val("suff") {
                Some("nothing") => "",
                _ => " ",
            },
        };
        let i: usize = attr(l, "ilvl")
            .and_then(|v| v.parse().ok())
            .unwrap_or(out.len());
        if i < 9 {
            out.resize(out.len().max(i + 1), level.clone());
            out[i] = level;
        }
    }
    out
}

const ABJAD: &[char] = &[
    'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق',
    'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];
const ARABIC_ALPHA: &[char] = &[
    'أ', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];
const RUSSIAN: &[char] = &[
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
];
const LATIN: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
    't', 'u', 'v', 'w', 'x', 'y', 'z',
];

/// `n` in one of Word's number formats (`w:numFmt`); formats not known
/// here are written in decimal.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n, LATIN),
        "upperLetter" => letters(n, LATIN).to_uppercase(),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_uppercase(),
        "arabicAbjad" => letters(n, ABJAD),
        "arabicAlpha" => letters(n, ARABIC_ALPHA),
        "russianLower" => letters(n, RUSSIAN),
        "russianUpper" => letters(n, RUSSIAN).to_uppercase(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "bullet" => String::new(),
        _ => n.to_string(),
    }
}

/// Word's letter numbering: a…z, then aa…zz, aaa…
fn letters(n: u32, alphabet: &[char]) -> String {
    let n = n.max(1) as usize - 1;
    let c = alphabet[n % alphabet.len()];
    std::iter::repeat_n(c, n / alphabet.len() + 1).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_formats() {
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(2, "arabicAbjad"), "ب");
        assert_eq!(format_number(3, "arabicAbjad"), "ج");
        assert_eq!(format_number(12, "decimal"), "12");
    }

    /// A list whose style link leads back to itself has no levels: no
    /// number, and the read ends.
    #[test]
    fn a_style_link_round_a_cycle_gives_no_number() {
        let w = format!(r#"xmlns:w="{W}""#);
        let styles = format!(
            r#"<w:styles {w}><w:style w:type="numbering" w:styleId="S"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        let numbering = format!(
            r#"<w:numbering {w}><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="S"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        );
        let styles = roxmltree::Document::parse(&styles).unwrap();
        let numbering = roxmltree::Document::parse(&numbering).unwrap();
        let styles = Styles::read(Some(&styles));
        let mut n = Numbering::read(Some(&numbering), &styles);
        assert_eq!(n.next("1", 0), None);
    }
}
