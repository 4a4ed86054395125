//! UN023 `malformed-ordinal`: Session ordinals are hyphenated lower-case words
//! (`sixty-third`); Chinese uses well-formed Chinese numerals.

use crate::pattern::Pattern;
use crate::rules::shared::{units, view};
use crate::{Ctx, RuleDef, Severity, Sink};
use regex::Regex;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::numbers::{chinese_number, chinese_numeral, ordinal_value, ordinal_word};

pub(crate) static RULE: RuleDef = RuleDef {
    id: "UN023",
    name: "malformed-ordinal",
    severity: Severity::Error,
    langs: &[Lang::En, Lang::Zh],
    summary: "Session ordinals are hyphenated lower-case words (`sixty-third`); Chinese uses well-formed Chinese numerals.",
    explanation: "`sixty-third session` in running text (capitalised only at line start), never `sixty third`, `Sixty-Third` or `63rd session`; Chinese `第六十三届`, not `第六十十三届`.",
    bad: "at its sixty third session; 第六十十三届会议",
    good: "at its sixty-third session; 第六十三届会议",
    check,
    ..RuleDef::DEFAULT
};

static ORD_EN_BAD: Pattern = Pattern::new(|| {
    Regex::new(r"(?-u:\b)(?i:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\s+(?i:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))\s+(?:(?:special|emergency special|regular|resumed)\s+)?session(?-u:\b)|(?-u:\b)([a-z]+)-([A-Z][a-z]+)\s+session(?-u:\b)|(?-u:\b)(\d{1,2})(?:st|nd|rd|th)\s+session(?-u:\b)").unwrap()
});

static ORD_ZH: Pattern =
    Pattern::new(|| Regex::new(r"第\s*([一二三四五六七八九十百零]+)\s*届").unwrap());

fn check(cx: &Ctx, out: &mut Sink) {
    // every pattern needs `session` (届 in Chinese): look for it in the unit's
    // own text before joining its lines
    let key: &[u8] = if cx.lang == Lang::Zh {
        "届".as_bytes()
    } else {
        b"session"
    };
    let finder = memchr::memmem::Finder::new(key);
    if finder.find(cx.text.as_bytes()).is_none() {
        return;
    }
    for n in units(cx) {
        if finder.find(cx.text[n.range.clone()].as_bytes()).is_none() {
            continue;
        }
        let v = view(cx, n);
        if cx.lang == Lang::Zh {
            for c in cx.re(&ORD_ZH).captures_iter(&v.s) {
                let g = c.get(1).unwrap();
                let Some(val) = chinese_number(g.as_str()) else {
                    out.emit(
                        v.range(g.range()),
                        format!("`{}` is not a Chinese numeral", g.as_str()),
                    );
                    continue;
                };
                let want = chinese_numeral(val);
                if want != g.as_str() {
                    out.emit(
                        v.range(g.range()),
                        format!("`{}`: write `{want}`", g.as_str()),
                    )
                    .fix_one(
                        format!("Write `{want}`"),
                        v.range(g.range()),
                        want.clone(),
                        true,
                    );
                }
            }
            continue;
        }
        for c in cx.re(&ORD_EN_BAD).captures_iter(&v.s) {
            let m = c.get(0).unwrap();
            let at_start = v.s[..m.start()].trim_end().is_empty();
            let (range, want) = if let (Some(t), Some(u)) = (c.get(1), c.get(2)) {
                let w = format!("{}-{}", t.as_str(), u.as_str());
                let w = if t.as_str().starts_with(char::is_uppercase) {
                    w
                } else {
                    w.to_lowercase()
                };
                (t.start()..u.end(), w)
            } else if let (Some(t), Some(u)) = (c.get(3), c.get(4)) {
                let Some(val) = ordinal_value(&format!("{}-{}", t.as_str(), u.as_str())) else {
                    continue;
                };
                let _ = val;
                (
                    t.start()..u.end(),
                    format!("{}-{}", t.as_str(), u.as_str().to_lowercase()),
                )
            } else if let Some(d) = c.get(5) {
                if at_start {
                    continue;
                }
                let val: u32 = d.as_str().parse().unwrap_or(0);
                (d.start()..m.end() - " session".len(), ordinal_word(val))
            } else {
                continue;
            };
            let dr = v.range(range);
            out.emit(
                dr.clone(),
                format!("malformed session ordinal: write `{want}`"),
            )
            .fix_one(format!("Write `{want}`"), dr, want.clone(), true);
        }
    }
}
