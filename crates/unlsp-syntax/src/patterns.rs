//! Line shapes of UN documents (spec/structure.md §2–§7), as anchored regular
//! expressions. The `regex` crate runs in linear time on any input; keep it that
//! way (no look-around, no back-references).

use regex::Regex;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, RwLock};

/// A pattern whose scratch memory can be let go. The `regex` crate keeps, in
/// each `Regex`, the lazy-DFA states its searches built (up to 2 MB a
/// pattern), for as long as the `Regex` lives: for a `static`, the life of the
/// process. [`release_caches`] swaps each of these for a clone (the same
/// compiled program, empty caches); a search still running keeps the old one
/// alive through its `Arc` until it ends. For the few patterns whose caches
/// grow largest; a read costs a lock and an `Arc` clone (tens of ns), so take
/// it once per line or paragraph, not per search.
///
/// A pattern enters the list [`release_caches`] walks when it is first built,
/// so this module names none of the modules that keep one.
pub struct Releasable<T> {
    make: fn() -> T,
    cell: OnceLock<Arc<Cell<T>>>,
}

/// The current copy of a built pattern, shared with the list of releasable
/// patterns.
struct Cell<T> {
    cur: RwLock<Arc<T>>,
}

/// A built pattern as the list of releasable patterns holds it.
trait Release: Send + Sync {
    fn release(&self);
}

impl<T: Clone + Send + Sync> Release for Cell<T> {
    fn release(&self) {
        let mut w = self.cur.write().unwrap_or_else(|e| e.into_inner());
        *w = Arc::new((**w).clone());
    }
}

/// Every releasable pattern built so far.
static BUILT: Mutex<Vec<Arc<dyn Release>>> = Mutex::new(Vec::new());

impl<T: Clone + Send + Sync + 'static> Releasable<T> {
    pub const fn new(make: fn() -> T) -> Releasable<T> {
        Releasable {
            make,
            cell: OnceLock::new(),
        }
    }

    pub fn get(&self) -> Arc<T> {
        let cell = self.cell.get_or_init(|| {
            let cell = Arc::new(Cell {
                cur: RwLock::new(Arc::new((self.make)())),
            });
            BUILT
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(cell.clone());
            cell
        });
        cell.cur.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Let go of the scratch memory of every releasable pattern built so far (the
/// server calls it when the editor is idle; the next parse builds what it
/// needs again).
pub fn release_caches() {
    let built = BUILT.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for p in built {
        p.release();
    }
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        pub static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).unwrap());
    };
}

// §2.3 page furniture
re!(
    JOB_NUMBER,
    r"^\s*\d{2}-\d{5}\s*(?:\((E|F|S|R|A|C)\))?(?:\s+\d{6}){0,2}\s*$"
);
re!(BARCODE, r"^\s*\*(\d{7,8})\*\s*$");
re!(
    PAGE_NUMBER,
    r"^\s*(?:\d{1,3}/\d{1,3}|-\s*\d{1,3}\s*-|Page\s+\d+(?:\s+of\s+\d+)?)\s*$"
);
// `/...` at the foot of a page: the text continues overleaf
re!(CONTINUED_MARK, r"^\s*/(?:\.\.\.|…)\s*$");
re!(URL_LINE, r"^\s*(?:https?://|www\.)\S+\s*$");
re!(
    RECYCLE,
    r"^\s*(?:Please recycle|请回收|Merci de recycler|Sírvase reciclar|Просьба отправить на вторичную переработку)"
);
re!(SEPARATOR, r"^\s*_{5,}\s*$");
re!(
    SPONSOR_NOTE,
    r"^\s*\*\*?\s*(?:Any changes to the list of sponsors|Reissued for technical reasons|The present)"
);

// §2.2 masthead
re!(
    ORG_LINE,
    r"^\s*(?:United\s+Nations|联\s*合\s*国|Nations\s+Unies|Naciones\s+Unidas|Организация\s+Объединенных\s+Наций|الأمم\s+المتحدة)(?:\s+(\S.*?))?\s*$"
);
re!(
    ORGAN_LINE,
    r"^\s*(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|大\s*会|安\s*全\s*理\s*事\s*会|经济及社会理事会|人权理事会|Assemblée\s+générale|Conseil\s+de\s+sécurité|Asamblea\s+General|Consejo\s+de\s+Seguridad|Генеральная\s+Ассамблея|Совет\s+Безопасности|الجمعية\s+العامة|مجلس\s+الأمن)(?:\s+(Distr\..*))?\s*$"
);
re!(
    DISTR,
    r"^\s*Distr\.?\s*:?\s*(General|Limited|Restricted|[Gg]énérale|[Ll]imitée|[Gg]eneral|[Ll]imitada|[Rr]eservada|[Оо]бщая|[Оо]граниченная)\b"
);
re!(ORIGINAL, r"^\s*(?:Original|Originale?|Оригинал|الأصل)\s*:");
re!(
    SESSION_EN,
    r"^\s*(?:[A-Z][a-z]+(?:-[a-z]+)?\s+(?:(?:special|emergency\s+special)\s+)?session|(?:Resumed\s+)?[A-Z][a-z]+(?:-[a-z]+)?\s+(?:special|emergency\s+special)\s+session)\s*$"
);
re!(
    SESSION_ZH,
    r"^\s*(?:第[一二三四五六七八九十百零〇]+届(?:特别|紧急特别)?会议|\d{4}\s*年\s*会议)\s*$"
);
re!(
    SESSION_OTHER,
    r"^\s*(?:\S+\s+(?:session|período\s+de\s+sesiones|сессия)|الدورة\s+\S+.*)\s*$"
);
re!(
    AGENDA,
    r"^\s*(?:(?:Provisional\s+)?[Aa]genda\s+items?|议程项目|临时议程项目|Points?\s+\d+\s+de\s+l|Temas?\s+\d+\s+del\s+programa|Пункты?\s+\d+\s+повестки|البند)\s*\d*"
);

// §2.4 adoption, report, number and title
re!(
    ADOPTION_EN,
    r"^\s*(?:Resolution|Decision)\s+adopted\s+by\s+the\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|[A-Z][A-Za-z ]+?)(?:\s+on\s+.*|\s*)$"
);
re!(
    ADOPTION_SC,
    r"^\s*Adopted\s+(?:unanimously\s+)?by\s+the\s+Security\s+Council\s+at\s+its\b"
);
re!(
    ADOPTION_ZH,
    r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:(?:大\s*会|经济及社会理事会|人权理事会)\s*(?:决\s*议|决\s*定)|安全理事会第\s*\d+\s*次会议通过)\s*$"
);
re!(
    ADOPTION_OTHER,
    r"^\s*(?:Résolution\s+adoptée\s+par|Resolución\s+aprobada\s+por|Резолюция,?\s+принятая|قرار\s+اتخذته)"
);
re!(
    REPORT_LINE,
    r"^\s*\[\s*(?:on\s+the\s+report|without\s+reference|根\s*据|未经|sur\s+la\s+base|sin\s+remisión|sobre\s+la\s+base|по\s+докладу|без\s+передачи|بناء\s+على|دون\s+الإحالة)"
);
// `62/57. Title`; Arabic and Word-pasted titles have no full stop: `79/100 –
// مسألة`, `79/100\tQuestion`, `79/117 تقرير`
re!(
    TITLE_NUMBER,
    r"^\s*((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s?[A-Z](?:-[A-Z])?)?|\d{1,4}\s?(?:[A-Z]\s)?\((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+)\))(?:\s*\.(?:\s+|$)|[ ]*\t|\s*[–—]\s|\s+-\s|\s+\p{Arabic})"
);
re!(
    TITLE_SC,
    r"^\s*(?:Resolution|Résolution|Resolución|Резолюция|القرار)\s+(\d{1,4})\s*\((\d{4})\),?\s*$|^\s*第\s*(\d{1,4})\s*\((\d{4})\)\s*号决议\s*$"
);
re!(
    TITLE_SC_OLD,
    r"^\s*(\d{1,4})\s*\((\d{4})\)\.?\s+(?:Resolution|Résolution)\s+of\b"
);

// §5 closing, §6 annexes, drafts. The ordinal of a closing as the UN's files
// write it: `47ª` flattened to `47a`, Russian `47‑е` with a non-breaking hyphen
// or a Latin `e`
re!(
    CLOSING_EN,
    r"^\s*(\d{1,4})\s*(st|nd|rd|th|e|ª|\.ª|a\.|a|[-‐‑][еe]|[-‐‑]?я)?\s+(?:\(resumed\)\s+|\(reprise\)\s+|\(continuación\)\s+|\(возобновленное\)\s+)?(?:plenary\s+meeting|séance\s+plénière|sesión\s+plenaria|пленарное\s+заседание),?(?:\s+(.*))?\s*$"
);
// the closings that put the number inside: Chinese `第47次全体会议` (`第55次全体会议(续会)`), Arabic
// `الجلسة العامة 47` (`الجلسة العامة 47 المستأنفة`)
re!(
    CLOSING_ZH,
    r"^\s*(?:(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?第\s*(?:\d+|[〇零一二三四五六七八九十百千]+)\s*次\s*(?:全\s*体\s*会\s*议(?:\s*[(（]\s*续\s*会\s*[)）])?|会\s*议\s*(?:一\s*致\s*)?通\s*过\s*。?)|الجلسة\s+العامة\s+[0-9٠-٩]{1,4}(?:\s+\(?المستأنفة\)?)?)\s*$"
);
re!(
    CLOSING_SC_OLD,
    // (`meet-` / `ing by 14 votes …`: the word broken at the line's end)
    r"^\s*Adopted\s+(?:unanimously\s+)?at\s+the\s+\d+\s*(?:st|nd|rd|th)\s+meet(?:ing|-\s*$)"
);
re!(
    ANNEX,
    r"^\s*(?:Annex(?:e)?|ANNEX|Anexo|Приложение|المرفق|附件)(?:\s+([IVXL]+|\d+|[A-Z]))?([一二三四五六七八九十]+)?\s*\.?\s*$"
);
re!(
    SPONSORS,
    r"(?i):\*?\s*(?:revised\s+)?draft\s+(?:resolution|decision)s?\s*$|^\s*(?:revised\s+)?draft\s+(?:resolution|decision)\s+submitted\s+by|:\*?\s*(?:projet|proyecto)\s+de\s+(?:résolution|resolución)"
);

// §4 numbering
re!(
    NUMBERED,
    r"^\s*(\*{1,2})?(\d{1,5})((?:\s?(?:bis|ter|quater))?)\s*\.(\*{1,2})?(?:[ \t\u{3000}]+|$)"
);
// `1.重申` — Chinese web texts drop the space after the number (S/RES/461 (1979))
re!(
    NUMBERED_TIGHT,
    r"^\s*(\*{1,2})?(\d{1,3})()\.(\*{1,2})?\p{Han}"
);
// the Arabic numbering `1 - ` (an en dash as often as a hyphen; `36- `
// without the space before it in GA 79/121, 79/138, 79/226)
re!(NUMBERED_AR, r"^\s*(\d{1,5}|[٠-٩]{1,5})\s*[-–—]\s+");
// sub-paragraph labels: `(a)`, `(iv)`, `b)`, `(أ)`, `㈠`, the Arabic inner `’1‘`, `a.`
re!(
    SUBLABEL,
    r"^\s*(?:(\(([a-z]{1,2}|[ivxlc]{1,7}|[أ-ي]ـ? ?)\)|([a-z]{1,2}|[ivx]{1,6}|[а-я])\)|[㈠-㈩]|’[0-9٠-٩]{1,2}‘)[ \t\u{3000}]*|([a-z]\.)(?:[ \t\u{3000}]+|$))"
);
re!(FOOTNOTE_DEF_PAREN, r"^\s*\(([0-9٠-٩]{1,3})\)[ \t]+\S");
re!(FOOTNOTE_DEF_SUP, r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\S");
re!(
    FOOTNOTE_DEF_PLAIN,
    r"^\s*(\d{1,3})[ \t\u{3000}]+([^\s.,/\-年月日个%次届段条卷])"
);
re!(
    SECTION_DESIGNATOR,
    r"^\s*([IVXL]{1,6}|[A-Z]|ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء)(\.|\s+-)?(?:\s+(\S.*?))?\s*$"
);

// inline (one-line texts)
re!(
    INLINE_OPERATIVE,
    r"[;；,，:：]\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*|\d{1,3}\s+)?\*{0,2}(\d{1,4})\.\*{0,2}\s+"
);
re!(INLINE_OPERATIVE_AR, r"[؛،;:]\s*([0-9٠-٩]{1,4})\s+-\s+");
re!(
    INLINE_SUB,
    r"[:;：；؛،]\s*(\((?:[a-z]{1,2}|[ivx]{1,6}|[أ-ي]ـ? ?)\))\s"
);
re!(
    INLINE_AUTHOR,
    r"(?:The\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council)\s*,|(?:大\s*会|安全理事会|经济及社会理事会|人权理事会)\s*[，,])"
);
re!(
    INLINE_REPORT,
    r"\[\s*(?:on\s+the\s+reports?|without\s+reference|sur\s+(?:la\s+base\s+du\s+)?(?:le\s+)?rapports?|sans\s+renvoi|sobre\s+la\s+base\s+de|sin\s+remisión|по\s+докладу|без\s+передачи|بناء\s+على|دون\s+إحالة|根\s*据|未经)"
);
re!(
    INLINE_CLOSING,
    r"[.。](?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3})?\s+((?:\d{1,4}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting)|(?:\d{1,4}(?:e|ª|\.ª|a\.?)\s+(?:\(reprise\)\s+|\(continuación\)\s+)?(?:séance\s+plénière|sesión\s+plenaria))|(?:\d{1,4}(?:[-‐‑][еe]|[-‐‑]?я)?\s+пленарное\s+заседание)|(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?第\s*\d+\s*次\s*全\s*体\s*会\s*议)"
);
// `… 21 septembre 1971. 2752 (XXVI). Admission de Bahreïn …` (a page of a
// volume of resolutions)
re!(
    INLINE_TITLE_AFTER_STOP,
    r"[.。]\s+((?:S-|ES-)?\d{1,4}/\d{1,4}\.|\d{1,4}\s?\([IVXL]+\)\.)\s+\p{Lu}"
);
re!(
    INLINE_TITLE,
    r"\]\s*((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s[A-Z])?\.)\s"
);

#[cfg(test)]
mod tests {
    use super::*;

    static WORD: Releasable<Regex> = Releasable::new(|| Regex::new(r"\bresolution\b").unwrap());

    /// A built pattern is in the list without being named: letting the
    /// caches go gives the next reader a new copy that finds the same, and
    /// leaves a reader's old copy alone.
    #[test]
    fn release_caches_reaches_every_built_pattern() {
        let old = WORD.get();
        assert!(Arc::ptr_eq(&old, &WORD.get()));
        release_caches();
        let new = WORD.get();
        assert!(!Arc::ptr_eq(&old, &new));
        let text = "the resolution and its resolutions";
        assert_eq!(
            old.find(text).map(|m| m.range()),
            new.find(text).map(|m| m.range())
        );
    }

    /// The Arabic numbering with no space before its dash (GA 79/121:
    /// `36- ترحب`) numbers a paragraph as `37 - ترحب` does; a range in a
    /// line of English does not.
    #[test]
    fn arabic_numbering_without_the_space_before_the_dash() {
        let number = |l: &str| NUMBERED_AR.captures(l).map(|c| c[1].to_string());
        assert_eq!(
            number("36- ترحب بما تبذله شعبة التدوين").as_deref(),
            Some("36")
        );
        assert_eq!(number("37 - ترحب بما").as_deref(), Some("37"));
        assert_eq!(number("2015-2030 Agenda"), None);
    }
}
