//! A PDF's bytes to its text: the file loaded with bounds, each page's
//! content walked, and the text put together through the structure tree
//! when the PDF is tagged, through the layout when not.
//! `UNLSP_PDF_RUNS=1` prints every run (page, MCID, artifact, position,
//! size, style, text) to stderr: a debug aid when a PDF reads wrong.

use super::content::{Page, page_runs};
use super::error::PdfError;
use super::fonts::{Font, deref};
use super::model::PdfText;
use lopdf::{Document, LoadOptions, ObjectId};
use std::collections::HashMap;

/// Decompression bound for the whole file and for one page's content.
const MAX_DECOMPRESSED: usize = 16 << 20;
const MAX_PAGE_CONTENT: usize = 16 << 20;
const MAX_PAGES: usize = 5_000;
/// Bounds on the whole file: content decompressed, runs of text kept.
const MAX_CONTENT: usize = 256 << 20;
const MAX_RUNS: usize = 2_000_000;

/// The text of a PDF, or why there is none.
pub fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let head = &bytes[..bytes.len().min(1024)];
    if memfind(head, b"%PDF-").is_none() {
        return Err(PdfError::NotPdf);
    }
    // a file cut short still loads, its lost objects rebuilt as nothing,
    // and shows wrong text where its fonts are lost: it is refused
    if truncated(bytes) {
        return Err(PdfError::Truncated);
    }
    let doc = load(bytes)?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let ids: Vec<ObjectId> = doc.get_pages().into_values().take(MAX_PAGES).collect();
    if ids.is_empty() {
        return Err(PdfError::Damaged("no pages".into()));
    }
    let mut pages: Vec<Page> = Vec::with_capacity(ids.len());
    let (mut content, mut runs) = (0, 0);
    for &id in &ids {
        let (page, bytes) = read_page(&doc, id)?;
        content += bytes;
        runs += page.runs.len();
        if content > MAX_CONTENT || runs > MAX_RUNS {
            return Err(PdfError::TooLarge);
        }
        pages.push(page);
    }
    if pages
        .iter()
        .all(|p| p.runs.iter().all(|r| r.text.trim().is_empty()))
    {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    if std::env::var_os("UNLSP_PDF_RUNS").is_some() {
        dump(&pages);
    }
    let text = match super::structure::blocks(&doc) {
        Some(blocks) => super::assemble::tagged(&pages, &blocks),
        None => super::assemble::untagged(&pages),
    };
    Ok(text)
}

fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    let options = LoadOptions::with_max_decompressed_size(MAX_DECOMPRESSED);
    // lopdf reads hostile files without panicking in our tests; a panic
    // still becomes an error here rather than ending the program
    let loaded = std::panic::catch_unwind(|| Document::load_mem_with_options(bytes, options));
    match loaded {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => {
            let why = e.to_string();
            let lower = why.to_ascii_lowercase();
            if lower.contains("decrypt") || lower.contains("encrypt") || lower.contains("password")
            {
                Err(PdfError::Encrypted)
            } else {
                Err(PdfError::Damaged(why))
            }
        }
        Err(_) => Err(PdfError::Damaged(
            "the PDF reader failed on its structure".into(),
        )),
    }
}

/// No `%%EOF` in the last 2 KB: the file was cut short.
fn truncated(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    memfind(tail, b"%%EOF").is_none()
}

fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A page's runs and the size of its content stream.
fn read_page(doc: &Document, id: ObjectId) -> Result<(Page, usize), PdfError> {
    let content = match doc.get_page_content_with_limit(id, MAX_PAGE_CONTENT) {
        Ok(c) => c,
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(PdfError::TooLarge);
        }
        // a page whose content cannot be read shows no text
        Err(_) => Vec::new(),
    };
    let mut fonts = HashMap::new();
    if let Ok(map) = doc.get_page_fonts(id) {
        for (name, dict) in map {
            fonts.insert(name, Font::new(doc, dict));
        }
    }
    let properties = doc
        .get_page_resources(id)
        .ok()
        .and_then(|(res, _)| res)
        .and_then(|r| deref(doc, r.get(b"Properties").ok()))
        .and_then(|o| o.as_dict().ok());
    let runs = page_runs(doc, &content, &fonts, properties);
    Ok((Page { id, runs }, content.len()))
}

fn dump(pages: &[Page]) {
    for (i, p) in pages.iter().enumerate() {
        for r in &p.runs {
            eprintln!(
                "p{} mcid={:?} art={} x={:.1}-{:.1} y={:.1} s={:.1} i={} b={} {:?}",
                i + 1,
                r.mcid,
                r.artifact,
                r.x0,
                r.x1,
                r.y,
                r.size,
                r.italic as u8,
                r.bold as u8,
                r.text
            );
        }
    }
}
