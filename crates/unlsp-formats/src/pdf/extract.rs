//! A PDF's text as an [`Extracted`] document, laid out as the Word reader
//! lays out its own: a paragraph a line, a blank line between, footnote
//! markers as the characters the page shows (`1`, `*`) after the word they
//! follow, the footnotes after a rule at the end; the italic lead kept as
//! emphasis, each piece mapped back to its paragraph and page.

use super::lines::LABEL;
use super::model::{PdfParagraph, PdfText};
use crate::extracted::{Emphasis, Extracted, FOOTNOTE_RULE, Footnote, Paragraph, Span, Style};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A footnote reference as the reader marks it in a paragraph's text.
static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\^(\d{1,4}|\*{1,3})\]").unwrap());

/// A paragraph's own text, its inline marks taken out: the italic lead's
/// range and each footnote marker's range with its label, in that text.
struct Plain {
    text: String,
    lead: Option<Range<usize>>,
    markers: Vec<(Range<usize>, String)>,
}

/// Reads the marks the PDF reader writes in a paragraph: `*lead*` after
/// the label, `[^n]` where a raised marker stands.
fn plain(marked: &str) -> Plain {
    let (text, lead) = without_lead(marked);
    let mut out = Plain {
        text: String::with_capacity(text.len()),
        lead: None,
        markers: Vec::new(),
    };
    let mut pos = 0;
    let mut lead = lead;
    for m in MARKER.captures_iter(&text) {
        let (whole, label) = (m.get(0).unwrap(), m.get(1).unwrap());
        out.text.push_str(&text[pos..whole.start()]);
        let start = out.text.len();
        out.text.push_str(label.as_str());
        out.markers
            .push((start..out.text.len(), label.as_str().to_string()));
        // a marker inside the lead shortens it by its brackets
        if let Some(l) = lead.as_mut().filter(|l| l.end > whole.start()) {
            l.end -= whole.len() - label.len();
        }
        pos = whole.end();
    }
    out.text.push_str(&text[pos..]);
    out.lead = lead;
    out
}

/// `*Recalling* that…` → `Recalling that…` and the lead's range. The
/// reader marks a lead only in a paragraph with no other asterisk.
fn without_lead(marked: &str) -> (String, Option<Range<usize>>) {
    let start = LABEL.find(marked).map_or(0, |m| m.end());
    let rest = &marked[start..];
    let Some(inner) = rest.strip_prefix('*') else {
        return (marked.to_string(), None);
    };
    let Some(len) = inner.find('*') else {
        return (marked.to_string(), None);
    };
    let lead = &inner[..len];
    if lead.is_empty()
        || lead.starts_with(char::is_whitespace)
        || lead.ends_with(char::is_whitespace)
    {
        return (marked.to_string(), None);
    }
    let text = format!("{}{lead}{}", &marked[..start], &inner[len + 1..]);
    (text, Some(start..start + lead.len()))
}

/// A footnote marker in the extracted text and where it stands.
struct Marker {
    text: Range<usize>,
    label: String,
    paragraph: usize,
    char: usize,
}

impl PdfText {
    /// The text with its maps back to the pages: every paragraph one span
    /// of its own characters (markers included), every footnote's text one
    /// span pointing at its reference, on the footnote's page.
    pub fn extracted(&self) -> Extracted {
        let mut x = Extracted::default();
        let mut markers: Vec<Marker> = Vec::new();
        for (index, p) in self.paragraphs.iter().enumerate() {
            if !x.text.is_empty() {
                x.text.push_str("\n\n");
            }
            push_paragraph(&mut x, &mut markers, index, p);
        }
        let mut used = vec![false; markers.len()];
        let mut notes = Vec::new();
        for (k, note) in self.footnotes.iter().enumerate() {
            let found = (0..markers.len()).find(|&i| !used[i] && markers[i].label == note.label);
            if let Some(i) = found {
                used[i] = true;
            }
            notes.push((k as u32 + 1, note, found, Vec::new()));
        }
        // a marker left over refers again to the note of the last marker
        // before it with its label (one note, several references)
        for i in (0..markers.len()).filter(|&i| !used[i]) {
            let earlier = notes
                .iter_mut()
                .filter(|n| {
                    n.2.is_some_and(|j| j < i && markers[j].label == markers[i].label)
                })
                .max_by_key(|n| n.2);
            if let Some(n) = earlier {
                n.3.push(markers[i].text.clone());
            }
        }
        if !notes.is_empty() {
            x.text.push_str(&format!("\n\n{FOOTNOTE_RULE}"));
        }
        for (number, note, found, again) in notes {
            x.text.push_str("\n\n");
            let marker = found.map(|i| &markers[i]);
            // a note whose marker was not found points at the last paragraph
            let (paragraph, char) = marker
                .map_or((self.paragraphs.len().saturating_sub(1), 0), |m| {
                    (m.paragraph, m.char)
                });
            let label_start = x.text.len();
            x.text.push_str(&note.label);
            x.text.push(' ');
            let start = x.text.len();
            x.text.push_str(&note.text);
            x.spans.push(Span {
                text: label_start..x.text.len(),
                paragraph,
                char,
                page: page(note.page),
                verbatim: false,
                footnote: Some(number),
            });
            x.footnotes.push(Footnote {
                number,
                label: note.label.clone(),
                marker: marker.map_or(0..0, |m| m.text.clone()),
                again,
                body: start..x.text.len(),
            });
        }
        if !x.text.is_empty() {
            x.text.push('\n');
        }
        x
    }
}

fn push_paragraph(x: &mut Extracted, markers: &mut Vec<Marker>, index: usize, p: &PdfParagraph) {
    let plain = plain(&p.text);
    let at = x.text.len();
    x.text.push_str(&plain.text);
    let range = at..x.text.len();
    x.spans.push(Span {
        text: range.clone(),
        paragraph: index,
        char: 0,
        page: page(p.page),
        verbatim: true,
        footnote: None,
    });
    if let Some(l) = plain.lead {
        x.emphasis.push(Emphasis {
            range: at + l.start..at + l.end,
            style: Style::Italic,
        });
    }
    for (r, label) in plain.markers {
        let char = plain.text[..r.start].chars().count();
        markers.push(Marker {
            text: at + r.start..at + r.end,
            label,
            paragraph: index,
            char,
        });
    }
    x.paragraphs.push(Paragraph {
        index,
        style: None,
        range,
    });
}

fn page(p: usize) -> Option<u32> {
    u32::try_from(p).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs as the reader gives them for A/C.3/80/L.25.
    #[test]
    fn the_reader_marks_become_emphasis_and_markers() {
        let p = plain("10. *Calls for* strengthened international efforts");
        assert_eq!(p.text, "10. Calls for strengthened international efforts");
        assert_eq!(&p.text[p.lead.unwrap()], "Calls for");
        let p =
            plain("*Welcoming* Human Rights Council resolutions 16/18 of 24 March 2011,[^1] 19/25");
        assert_eq!(
            p.text,
            "Welcoming Human Rights Council resolutions 16/18 of 24 March 2011,1 19/25"
        );
        assert_eq!(&p.text[p.lead.clone().unwrap()], "Welcoming");
        assert_eq!(p.markers.len(), 1);
        assert_eq!(
            (&p.text[p.markers[0].0.clone()], p.markers[0].1.as_str()),
            ("1", "1")
        );
        let p = plain("Egypt:[^*] draft resolution");
        assert_eq!(
            (p.text.as_str(), p.lead),
            ("Egypt:* draft resolution", None)
        );
        assert_eq!(&p.text[p.markers[0].0.clone()], "*");
        // a sponsors' note set as a paragraph keeps its asterisks
        let note = "* Any changes to the list of sponsors will be reflected";
        let p = plain(note);
        assert_eq!((p.text.as_str(), p.lead, p.markers.len()), (note, None, 0));
    }
}
