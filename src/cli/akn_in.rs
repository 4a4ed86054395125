//! AKN input: the UN's Akoma Ntoso XML (`.xml`, `.xml.gz`) read as the text
//! of the resolution it marks up (rendered by `conformance::render`).
//! Untrusted input: no DTD (and so no entity) is accepted, and the XML,
//! decompressed, is bounded in size.

use crate::conformance::render;
use std::io::Read;
use std::path::Path;
use unlsp_analysis::SourceMarkup;
use unlsp_formats::akn::read as akn;

/// The largest XML read, decompressed.
const LIMIT: u64 = 64 << 20;

/// Whether the path names AKN XML.
pub(crate) fn is_akn(path: &Path) -> bool {
    let n = path.to_string_lossy();
    n.ends_with(".xml") || n.ends_with(".xml.gz")
}

/// The text of an AKN file.
pub(crate) fn read(path: &Path) -> Result<String, String> {
    read_marked(path).map(|(text, _)| text)
}

/// The text of an AKN file and the structure its markup gives it.
pub(crate) fn read_marked(path: &Path) -> Result<(String, SourceMarkup), String> {
    let name = path.display();
    let f = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let mut bytes = Vec::new();
    let r: Box<dyn Read> = if path.to_string_lossy().ends_with(".gz") {
        Box::new(flate2::read::GzDecoder::new(f))
    } else {
        Box::new(f)
    };
    r.take(LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > LIMIT {
        return Err(format!("{name}: larger than {} MB of XML", LIMIT >> 20));
    }
    let xml = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })?;
    let model = akn::parse(&xml).map_err(|e| format!("{name}: not AKN XML: {e}"))?;
    Ok((render::render(&model, render::Shape::Clean), markup(&model)))
}

/// What the markup counts: the preambular containers, the operative
/// paragraphs with their points at every depth, the footnotes.
fn markup(model: &akn::Resolution) -> SourceMarkup {
    fn count(ps: &[akn::Point]) -> usize {
        ps.iter().map(|p| 1 + count(&p.points)).sum()
    }
    SourceMarkup {
        preambular: model.preambular().map(str::to_string).collect(),
        operative: model
            .operative()
            .map(|(num, _, points)| (num.clone().unwrap_or_default(), count(points)))
            .collect(),
        footnotes: model.footnote_count(),
        irregular: model.irregularities(),
    }
}
