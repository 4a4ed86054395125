//! Another body's acts read as the author's: `the Human Rights Council in its
//! resolution 54/18 of 12 October 2023`, `le Conseil des droits de l’homme
//! dans sa résolution 42/23 du 27 septembre 2019`, `por el Consejo de Derechos
//! Humanos en su resolución 60/16, de 7 de octubre de 2025`, `مجلس حقوق الإنسان
//! في قراره 54/15`, `人权理事会…及其2024年7月10日第56/115号决定`. When every dated
//! item of a list the text gives to the General Assembly (by `its` or by the
//! number's shape) is dated outside that session, the body the sentence names
//! owns the list: the last one named before it, or (`par sa résolution 54/18 du
//! 12 octobre 2023, le Conseil des droits de l’homme a …`) the subject that
//! follows it. The names are each language's `bodies` in
//! `grammar/languages.toml` (English: its multi-word `organs`).

use super::acts::{alternation, outside_ga_session};
use crate::lang::Lang;
use crate::tree::Citation;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One language's body names, longest first, and their organ codes.
struct Bodies {
    lang: Lang,
    names: Regex,
    codes: Vec<(String, String)>,
}

static BODIES: LazyLock<Vec<Bodies>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .filter_map(|lang| {
            let t = lang.table();
            let codes: Vec<(String, String)> = if lang == Lang::En {
                // the Assembly's and the Council's names are left out: `the
                // Security Council` named in the sentence says nothing of `its`
                t.organs
                    .iter()
                    .filter(|(p, o)| o != "GA" && o != "SC" && p.contains(' '))
                    .cloned()
                    .collect()
            } else {
                t.bodies.clone()
            };
            if codes.is_empty() {
                return None;
            }
            let names: Vec<String> = codes.iter().map(|(p, _)| p.clone()).collect();
            let pattern = match lang {
                Lang::En => format!(r"(?-u:\b)(?:{})(?-u:\b)", alternation(&names)),
                // Arabic joins `و`, `ل`, `ب` to a name; Chinese has no spaces;
                // Russian names are stems (`Комисси`)
                Lang::Ar | Lang::Zh => format!("(?:{})", alternation(&names)),
                _ => format!(r"\b(?:{})", alternation(&names)),
            };
            Some(Bodies {
                lang,
                names: Regex::new(&pattern).unwrap(),
                codes,
            })
        })
        .collect()
});

impl Bodies {
    fn of(lang: Lang) -> Option<&'static Bodies> {
        BODIES.iter().find(|b| b.lang == lang)
    }

    /// The organ code of a matched name (`""` another body).
    fn code(&self, name: &str) -> &str {
        let squeezed = name.split_whitespace().collect::<Vec<_>>().join(" ");
        self.codes
            .iter()
            .find(|(p, _)| *p == squeezed)
            .map_or("", |(_, o)| o.as_str())
    }

    /// The last body other than the Assembly and the Council named in the
    /// sentence that ends at `end`.
    fn before(&self, s: &str, end: usize) -> Option<&str> {
        // the sentence, at most 1,000 characters (the notes an AKN render
        // writes inline among them): after the last `;` or `. `
        let from = s[..end].char_indices().rev().nth(999).map_or(0, |(i, _)| i);
        let window = &s[from..end];
        let cut = window
            .rfind([';', '؛', '；', '。'])
            .or_else(|| window.rfind(". "))
            .map_or(0, |i| {
                i + window[i..].chars().next().map_or(1, char::len_utf8)
            });
        self.names
            .find_iter(&window[cut..])
            .map(|m| self.code(m.as_str()))
            .filter(|o| *o != "GA" && *o != "SC")
            .last()
    }

    /// The body named as the subject right after a list (`54/18 du 12 octobre
    /// 2023, le Conseil des droits de l’homme a …`; `… 2023 года Совет по правам
    /// человека представил`): at most one word (an article) before its name
    /// after the list's comma and footnote marker.
    fn after(&self, s: &str, start: usize) -> Option<&str> {
        let end = s[start..]
            .char_indices()
            .nth(120)
            .map_or(s.len(), |(i, _)| start + i);
        let window = &s[start..end];
        let window = &window[..window
            .find([';', '؛', '；', '。'])
            .or_else(|| window.find(". "))
            .unwrap_or(window.len())];
        let m = self.names.find(window)?;
        let lead = window[..m.start()]
            .trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit())
            .trim_start_matches([',', '،'])
            .trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit());
        if lead.split_whitespace().count() > 1 {
            return None;
        }
        Some(self.code(m.as_str())).filter(|o| *o != "GA" && *o != "SC")
    }
}

/// Gives the items of a list that the text reads as the Assembly's to the body
/// its sentence names, when every dated one is dated outside its session (one
/// misprinted date in a list of the Assembly's own acts is not enough).
pub(super) fn other_body_owns(lang: Lang, s: &str, list: Range<usize>, items: &mut [Citation]) {
    let mut dated = items
        .iter()
        .filter(|c| {
            c.organ.as_deref() == Some("GA")
                && c.date.is_some()
                && c.target.starts_with(|ch: char| ch.is_ascii_digit())
        })
        .peekable();
    if dated.peek().is_none() || !dated.all(|c| outside_ga_session(&c.target, c.date)) {
        return;
    }
    let Some(bodies) = Bodies::of(lang) else {
        return;
    };
    let Some(organ) = bodies
        .before(s, list.start)
        .or_else(|| bodies.after(s, list.end))
    else {
        return;
    };
    for it in items.iter_mut() {
        if it.organ.as_deref() == Some("GA") {
            it.organ = (!organ.is_empty()).then(|| organ.to_string());
            it.own = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bodies;
    use crate::lang::Lang;

    /// Every language but English has its table, and each name reads back as
    /// its own code.
    #[test]
    fn every_language_names_its_bodies() {
        for l in Lang::ALL {
            let b = Bodies::of(l).unwrap_or_else(|| panic!("{l:?}"));
            for (p, o) in &b.codes {
                assert_eq!(b.code(p), o, "{l:?} {p}");
            }
        }
    }
}
