//! `unlsp export --to akn`: documents as Akoma Ntoso XML.

use super::read_document;
use std::path::Path;

/// Export `files`; exit 0 when every document was written (whatever its
/// diagnostics), 2 when one could not be read or written.
pub fn run(
    files: &[std::path::PathBuf],
    out: Option<&Path>,
    lang: Option<unlsp_syntax::Lang>,
) -> i32 {
    if out.is_none() && files.len() > 1 {
        eprintln!("error: several files need --out DIR");
        return 2;
    }
    if let Some(dir) = out
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("error: {}: {e}", dir.display());
        return 2;
    }
    let mut code = 0;
    for f in files {
        let text = match read_document(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                code = 2;
                continue;
            }
        };
        let doc = unlsp_syntax::Document::with_lang(&text, lang);
        let xml = unlsp_formats::akn::write(doc.text(), doc.tree());
        match out {
            None => print!("{xml}"),
            Some(dir) => {
                let name = f.file_stem().unwrap_or_default().to_string_lossy();
                let path = dir.join(format!("{name}.xml"));
                if let Err(e) = std::fs::write(&path, xml) {
                    eprintln!("error: {}: {e}", path.display());
                    code = 2;
                }
            }
        }
    }
    code
}
