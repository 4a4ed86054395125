//! The command line: `unlsp outline`, `check`, `rules`, `explain`, `serve`.

pub mod outline;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "unlsp",
    version,
    about = "Language server and linter for UN resolution drafts"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the structure of a document.
    Outline {
        file: PathBuf,
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
        #[arg(long, default_value = "auto")]
        lang: String,
    },
    /// Start the language server on stdio.
    Serve {
        /// Accepted for VS Code's client, which appends it.
        #[arg(long)]
        stdio: bool,
    },
}

/// Read a file as UTF-8; the error names the file and the byte offset.
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: invalid UTF-8 at byte offset {}",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Outline { file, format, lang } => {
            let text = match read_text(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: {e}");
                    return 2;
                }
            };
            let lang = crate::syntax::Lang::from_code(&lang);
            let doc = crate::syntax::Document::with_lang(&text, lang);
            if format == "json" {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&outline::outline_json(&doc)).unwrap()
                );
            } else {
                print!("{}", outline::outline_text(&doc));
            }
            0
        }
        Command::Serve { .. } => {
            eprintln!("unlsp serve: the language server is not built yet");
            2
        }
    }
}
