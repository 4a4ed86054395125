//! `unlsp convert FILE --to md|txt`: a Word document or a PDF as text a
//! drafter can edit in any editor — plain text (the text `check` reads, which its JSON
//! ranges refer to) or Markdown with `*italic*` leads and `[^n]` footnotes —
//! optionally with its tracked changes as Pandoc spans.

use std::path::Path;
use unlsp_formats::convert::{to_markdown, to_text};

/// Writes the converted text to standard output or `out`; the exit status.
pub fn run(file: &Path, to: &str, revisions: bool, out: Option<&Path>) -> i32 {
    let x = match super::arguments::read_extracted(file) {
        Some(Ok(x)) => x,
        Some(Err(e)) => {
            eprintln!("error: {e}");
            return 2;
        }
        None => {
            eprintln!(
                "error: {}: convert reads Word documents (.docx) and PDFs; a text or Markdown file is read as it is",
                file.display()
            );
            return 2;
        }
    };
    let text = if to == "md" {
        to_markdown(&x, revisions)
    } else {
        if revisions {
            eprintln!("note: --revisions is written in Markdown only (--to md)");
        }
        to_text(&x)
    };
    match out {
        Some(p) => match super::fix::write_atomic(p, &text) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                2
            }
        },
        None => {
            // a closed pipe (`| head`) ends the output, not the program
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            0
        }
    }
}
