//! Titles of General Assembly resolutions in the five languages other than English.
//!
//! Data: `grammar/titles.tsv.gz`, built by `scripts/build_titles.py` from the AKN texts of GA
//! sessions 79–80 (`<docTitle refersTo="#resolutionTitle">`; format in `grammar/CATALOGUE.md`).
//! The catalogue holds the English titles; this second table is embedded too but decompressed
//! and parsed only on the first call to [`titles`], by a check or a hover that needs it.
//!
//! Pure: no I/O, no LSP types.

use std::sync::OnceLock;
use unlsp_syntax::lang::Lang;

static DATA: &[u8] = include_bytes!("../../../grammar/titles.tsv.gz");

/// The titles, sorted by (number, language): one string, rows as ranges into it.
pub struct Titles {
    text: String,
    /// (number, lang, title) as byte ranges of `text`, sorted by number then language.
    rows: Vec<(u32, u32, Lang, u32, u32)>,
}

static TITLES: OnceLock<Titles> = OnceLock::new();

/// The bundled table, parsed on first use (an empty table if the data is damaged).
pub fn titles() -> &'static Titles {
    TITLES.get_or_init(|| Titles::from_gzip(DATA).unwrap_or_else(|_| Titles::empty()))
}

/// An Assembly resolution's official title in `lang` (not English: the
/// catalogue has that), parts with different titles joined (`79/245 A`,
/// `B`); `None` for other acts or where the UN's texts give none.
pub fn title_of(e: &crate::catalogue::Entry, lang: Lang) -> Option<String> {
    use crate::catalogue::{ActKind, Organ};
    if lang == Lang::En || e.organ != Organ::GA || e.kind != ActKind::Resolution {
        return None;
    }
    let t = titles().get(&e.number, lang).join(" / ");
    (!t.is_empty()).then_some(t)
}

impl Titles {
    fn empty() -> Titles {
        Titles {
            text: String::new(),
            rows: Vec::new(),
        }
    }

    /// Parse the gzip-compressed TSV (the bundled format).
    pub fn from_gzip(data: &[u8]) -> Result<Titles, String> {
        let raw = crate::catalogue::gunzip(data)?;
        let text = String::from_utf8(raw).map_err(|e| e.to_string())?;
        Titles::from_tsv(text)
    }

    /// Parse `number \t lang \t title` lines after the `#unlsp-titles 1` header.
    pub fn from_tsv(text: String) -> Result<Titles, String> {
        if !text.starts_with("#unlsp-titles 1") {
            return Err("not an unlsp titles table".into());
        }
        let mut rows = Vec::new();
        let mut pos = 0usize;
        for line in text.split_inclusive('\n') {
            let start = pos;
            pos += line.len();
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.trim_end_matches(['\n', '\r']).splitn(3, '\t');
            let (Some(n), Some(l), Some(t)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Some(lang) = Lang::ALL.into_iter().find(|x| x.code() == l) else {
                continue;
            };
            let n0 = start as u32;
            let t0 = (start + n.len() + l.len() + 2) as u32;
            rows.push((n0, n0 + n.len() as u32, lang, t0, t0 + t.len() as u32));
        }
        let mut out = Titles { text, rows };
        let mut rows = std::mem::take(&mut out.rows);
        rows.sort_by(|a, b| (out.at(a.0, a.1), a.2 as u8).cmp(&(out.at(b.0, b.1), b.2 as u8)));
        out.rows = rows;
        Ok(out)
    }

    fn at(&self, a: u32, b: u32) -> &str {
        &self.text[a as usize..b as usize]
    }

    /// The titles of GA resolution `number` (`79/10`; a part `79/245 B` is
    /// looked up under its bare number) in `lang`: several when the parts of
    /// one resolution have different titles, none when the table does not
    /// hold it.
    pub fn get(&self, number: &str, lang: Lang) -> Vec<&str> {
        let bare = bare_number(number);
        let first = self
            .rows
            .partition_point(|r| (self.at(r.0, r.1), r.2 as u8) < (bare, lang as u8));
        self.rows[first..]
            .iter()
            .take_while(move |r| self.at(r.0, r.1) == bare && r.2 == lang)
            .map(|r| self.at(r.3, r.4))
            .collect()
    }

    /// Rows in the table.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// No rows (the data could not be read).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// `79/245 B` → `79/245`; `79/10` unchanged.
fn bare_number(n: &str) -> &str {
    let n = n.trim();
    let end = n
        .find('/')
        .map(|s| {
            s + 1
                + n[s + 1..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(n.len() - s - 1)
        })
        .unwrap_or(n.len());
    &n[..end]
}

/// Size of the embedded data in bytes (the binary size impact).
pub fn embedded_size() -> usize {
    DATA.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_titles_in_five_languages() {
        let t = titles();
        assert!(t.len() > 2700, "{}", t.len());
        assert_eq!(t.get("79/1", Lang::Fr), ["Le Pacte pour l’avenir"]);
        assert_eq!(t.get("79/1", Lang::Zh), ["未来契约"]);
        assert_eq!(t.get("79/1", Lang::En).len(), 0);
        assert_eq!(t.get("78/1", Lang::Fr).len(), 0);
        // parts: both titles of 79/258 (A and B), looked up by the part too
        assert_eq!(t.get("79/258 B", Lang::Fr).len(), 2);
    }

    #[test]
    fn bare_numbers() {
        assert_eq!(bare_number("79/245 B"), "79/245");
        assert_eq!(bare_number("79/10"), "79/10");
        assert_eq!(bare_number("1514 (XV)"), "1514 (XV)");
    }

    #[test]
    fn damaged_data_is_an_error() {
        assert!(Titles::from_gzip(b"nope").is_err());
        assert!(Titles::from_tsv("79/1\tfr\tx\n".into()).is_err());
    }
}
