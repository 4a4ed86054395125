//! The command line: `unlsp outline`, `check`, `rules`, `explain`, `serve`.

mod arguments;
pub mod check;
pub mod fix;
pub mod outline;
pub mod parallel;
pub mod sarif;

use arguments::{lang_option, read_text};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use unlsp_analysis::fmt;

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
    /// Lint files and folders (recursively: .txt, .md, .unres); `-` reads stdin.
    Check(check::Options),
    /// Normalise drafts: join wrapped lines, one paragraph per line, remove
    /// page furniture, fix spacing (words are never changed: a format that
    /// would change one is refused, exit 2, nothing written). `-` reads
    /// standard input and writes the result to standard output.
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Exit 1 when a file would change; write nothing.
        #[arg(long)]
        check: bool,
        /// Leave alone the files that are not UN documents (no resolution,
        /// draft or decision recognised): the pre-commit hook's mode.
        #[arg(long)]
        un_documents_only: bool,
        #[arg(long, default_value = "auto")]
        lang: String,
    },
    /// Compare language versions of one document (a bilingual
    /// `*.bitext-en-xx.*` file counts as two); exit 1 when they differ.
    Parallel {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "human", value_parser = ["human", "json"])]
        format: String,
        #[arg(long, default_value = "auto")]
        lang: String,
        /// Only these codes (`UNP05`, or a prefix), comma-separated.
        #[arg(long, value_delimiter = ',')]
        select: Vec<String>,
        /// Skip these codes (ids or prefixes), comma-separated.
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
    },
    /// Print the catalogue entry of a resolution or decision (`61/100`,
    /// `1514 (XV)`, `decision 60/519`, `S/RES/2231 (2015)`); inside a project,
    /// also the documents of its reference folders that are the act.
    Lookup {
        number: Vec<String>,
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// List the rule catalogue.
    Rules {
        #[arg(long, default_value = "text", value_parser = ["text", "json", "markdown"])]
        format: String,
    },
    /// Explain one rule.
    Explain { rule: String },
    /// Start the language server on stdio.
    Serve {
        /// Accepted for VS Code's client, which appends it.
        #[arg(long)]
        stdio: bool,
    },
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
            let Some(lang) = lang_option(&lang) else {
                return 2;
            };
            let doc = unlsp_syntax::Document::with_lang(&text, lang);
            if format == "json" {
                let out = std::io::BufWriter::new(std::io::stdout().lock());
                if let Err(e) = outline::write_outline_json(&doc, out) {
                    eprintln!("error: {e}");
                    return 2;
                }
            } else {
                print!("{}", outline::outline_text(&doc));
            }
            0
        }
        Command::Check(opts) => check::run(opts),
        Command::Fmt {
            files,
            check,
            un_documents_only,
            lang,
        } => match lang_option(&lang) {
            Some(lang) => fmt_files(&files, check, un_documents_only, lang),
            None => 2,
        },
        Command::Parallel {
            files,
            format,
            lang,
            select,
            ignore,
        } => match lang_option(&lang) {
            Some(lang) => parallel::run(&files, &format, lang, &select, &ignore),
            None => 2,
        },
        Command::Lookup { number, format } => lookup(&number.join(" "), &format),
        Command::Rules { format } => {
            print!("{}", rules_listing(&format));
            0
        }
        Command::Explain { rule } => match unlsp_analysis::rule(&rule) {
            Some(r) => {
                println!(
                    "{} — {} ({}, {} by default)\n",
                    r.id,
                    r.name,
                    r.severity.name(),
                    if r.default_on { "on" } else { "off" }
                );
                println!(
                    "{}\n\n{}\n\nBad:\n    {}\nGood:\n    {}",
                    r.summary,
                    r.explanation,
                    r.bad.replace('\n', "\n    "),
                    r.good.replace('\n', "\n    ")
                );
                0
            }
            None => {
                eprintln!("error: no rule `{rule}` (see `unlsp rules`)");
                2
            }
        },
        Command::Serve { .. } => unlsp_server::run_stdio(),
    }
}

/// The catalogue as text, JSON or the README's Markdown table.
pub fn rules_listing(format: &str) -> String {
    let rules = unlsp_analysis::catalogue();
    match format {
        "json" => serde_json::to_string_pretty(&rules.iter().map(|r| serde_json::json!({
            "id": r.id, "name": r.name, "severity": r.severity.name(), "default": if r.default_on { "on" } else { "off" },
            "scopes": r.scopes.iter().map(|s| s.name()).collect::<Vec<_>>(), "summary": r.summary,
        })).collect::<Vec<_>>()).unwrap() + "\n",
        "markdown" => {
            let mut s = String::from("| id | name | severity | default | applies to | what it checks |\n|---|---|---|---|---|---|\n");
            for r in rules {
                let scopes: Vec<&str> = r.scopes.iter().map(|s| s.name()).collect();
                s.push_str(&format!("| {} | {} | {} | {} | {} | {} |\n", r.id, r.name, r.severity.name(), if r.default_on { "on" } else { "off" }, scopes.join(", "), r.summary.replace('|', "\\|")));
            }
            s
        }
        _ => rules.iter().map(|r| format!("{}  {:<11} {:<4} {}\n", r.id, r.severity.name(), if r.default_on { "on" } else { "off" }, r.name)).collect(),
    }
}

fn fmt_files(
    files: &[PathBuf],
    check: bool,
    un_documents_only: bool,
    lang: Option<unlsp_syntax::Lang>,
) -> i32 {
    let mut changed = 0;
    let mut failed = false;
    for f in files {
        let stdin = f.as_os_str() == "-";
        let text = if stdin {
            let mut t = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut t)
                .map(|_| t)
                .map_err(|e| format!("standard input: {e}"))
        } else {
            read_text(f)
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        if stdin {
            // `-`: the formatted text (or the text as it is) on standard output
            match fmt::format(&text, lang) {
                Ok(out) => print!("{out}"),
                Err(why) => {
                    eprintln!("error: standard input: not formatted: {why}");
                    print!("{text}");
                    failed = true;
                }
            }
            continue;
        }
        if un_documents_only && !fmt::is_un_document(&text, lang) {
            continue;
        }
        let out = match fmt::format(&text, lang) {
            Ok(out) => out,
            Err(why) => {
                eprintln!(
                    "error: {}: not formatted, nothing written: {why}",
                    f.display()
                );
                failed = true;
                continue;
            }
        };
        if out == text {
            continue;
        }
        changed += 1;
        if check {
            println!("would reformat {}", f.display());
        } else if let Err(e) = fix::write_atomic(f, &out) {
            eprintln!("error: {}: {e}", f.display());
            failed = true;
        } else {
            println!("reformatted {}", f.display());
        }
    }
    if failed {
        2
    } else if check && changed > 0 {
        1
    } else {
        0
    }
}

/// `unlsp lookup`: the catalogue entry as text or JSON, and, inside a project
/// (`unlsp.toml` here or above), the documents of its reference folders that
/// are the act; exit 1 when neither knows it.
pub fn lookup(query: &str, format: &str) -> i32 {
    use unlsp_index::catalogue::{ActKind, Organ, catalogue};
    let cwd = std::env::current_dir().unwrap_or_default();
    let local = reference_documents(query, &cwd);
    let e = catalogue().find(query);
    if e.is_none() && local.is_empty() {
        eprintln!("no resolution or decision `{query}` in the catalogue or the reference folders");
        return 1;
    }
    let paths: Vec<String> = local.iter().map(|f| f.id.clone()).collect();
    let Some(e) = e else {
        // known to the reference folders only
        let f = &local[0];
        if format == "json" {
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({
                    "symbol": f.symbol,
                    "number": f.number,
                    "organ": f.organ,
                    "title": f.title,
                    "in_catalogue": false,
                    "local": paths,
                }))
                .unwrap()
            );
        } else {
            println!("{}", f.display_name());
            println!("  not in the bundled catalogue");
            for p in &paths {
                println!("  local:   {p}");
            }
        }
        return 0;
    };
    if format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "symbol": e.symbol,
                "number": e.number,
                "kind": match e.kind { ActKind::Resolution => "resolution", ActKind::Decision => "decision" },
                "organ": match e.organ { Organ::GA => "GA", Organ::SC => "SC" },
                "date": e.date,
                "title": e.title,
                "vote": e.vote,
                "session": e.session,
                "sources": e.sources,
                "url": e.undocs_url(),
                "in_catalogue": true,
                "local": paths,
            }))
            .unwrap()
        );
    } else {
        println!(
            "{}  {}",
            e.symbol,
            e.title.as_deref().unwrap_or("(title not known)")
        );
        println!("  number:  {}", e.number);
        println!(
            "  adopted: {}",
            e.date
                .as_deref()
                .or(e.month.as_deref())
                .unwrap_or("not known")
        );
        if let Some(v) = &e.vote {
            println!("  vote:    {v}");
        }
        println!("  sources: {}", e.sources.join(", "));
        println!("  {}", e.undocs_url());
        for p in &paths {
            println!("  local:   {p}");
        }
    }
    0
}

/// The documents of the reference folders of the project around `dir` that
/// are the act `query` (none outside a project). The folders are indexed
/// through their disk cache, as the server does.
fn reference_documents(
    query: &str,
    dir: &std::path::Path,
) -> Vec<unlsp_index::workspace::FileFacts> {
    use unlsp_index::catalogue::{ActKind, Catalogue};
    use unlsp_index::reference::{Options, ReferenceIndex};
    use unlsp_index::workspace::ActKey;
    let folders = match unlsp_analysis::project::discover(dir) {
        None => return Vec::new(),
        Some((root, Ok(p))) => p.reference_folders(Some(&root)),
        Some((_, Err(e))) => {
            eprintln!("warning: {e}; reference folders not searched");
            return Vec::new();
        }
    };
    if folders.is_empty() {
        return Vec::new();
    }
    let (ix, _) = ReferenceIndex::build(&folders, &Options::default(), &|_, _, _| {});
    let parsed = Catalogue::parse_query(query);
    let key = ActKey::new(parsed.as_ref().map_or(query, |(_, _, n)| n.as_str()));
    let decision = matches!(parsed, Some((ActKind::Decision, _, _)));
    ix.index()
        .documents_for(&key)
        .into_iter()
        // a decision and a resolution can share a number
        .filter(|f| !decision || f.symbol.as_deref().is_none_or(|s| s.contains("/DEC/")))
        .cloned()
        .collect()
}
