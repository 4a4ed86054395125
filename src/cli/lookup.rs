//! `unlsp lookup`: one act of the catalogue as text or as the JSON of
//! `schemas/lookup.schema.json`, with the documents of the project's reference
//! folders that are the act.

use unlsp_index::catalogue::{ActKind, Catalogue, Entry, Organ, catalogue};
use unlsp_index::workspace::FileFacts;

/// `unlsp lookup`: the catalogue entry as text or JSON, and, inside a project
/// (`unlsp.toml` here or above), the documents of its reference folders that
/// are the act; exit 1 when neither knows it.
pub fn lookup(query: &str, format: &str) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_default();
    install_project_records(&cwd);
    let local = reference_documents(query, &cwd);
    let e = catalogue().find(query);
    let json = format == "json";
    if e.is_none() && local.is_empty() {
        if json {
            print_json(&serde_json::json!({ "in_catalogue": false, "query": query }));
        } else {
            eprintln!(
                "no resolution or decision `{query}` in the catalogue or the reference folders"
            );
        }
        return 1;
    }
    let paths: Vec<String> = local.iter().map(|f| f.id.clone()).collect();
    match e {
        Some(e) if json => print_json(&entry_json(e, &paths)),
        Some(e) => print_text(e, &paths),
        None if json => {
            let f = &local[0];
            print_json(&serde_json::json!({
                "query": query,
                "symbol": f.symbol,
                "number": f.number,
                "organ": f.organ,
                "title": f.title,
                "title_source": f.title.as_ref().map(|_| "reference folder"),
                "in_catalogue": false,
                "local": paths,
            }));
        }
        None => {
            println!("{}", local[0].display_name());
            println!("  not in the bundled catalogue");
            for p in &paths {
                println!("  local:   {p}");
            }
        }
    }
    0
}

fn print_json(v: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
    );
}

/// The catalogue's facts about an act, each with its source.
fn entry_json(e: &Entry, paths: &[String]) -> serde_json::Value {
    let vote = e.vote().map(|v| {
        serde_json::json!({
            "kind": v.kind,
            "yes": v.yes,
            "no": v.no,
            "abstain": v.abstain,
            "text": e.vote,
        })
    });
    let titles: serde_json::Map<String, serde_json::Value> = other_titles(e)
        .into_iter()
        .map(|(lang, t)| (lang.to_string(), t.into()))
        .collect();
    serde_json::json!({
        "symbol": e.symbol,
        "number": e.number,
        "kind": match e.kind { ActKind::Resolution => "resolution", ActKind::Decision => "decision" },
        "organ": match e.organ { Organ::GA => "GA", Organ::SC => "SC" },
        "title": e.title,
        "title_source": e.title_source,
        "titles": titles,
        "date": e.date,
        "date_source": e.date_source,
        "month": e.month,
        "meeting": e.meeting,
        "vote": vote,
        "originating_document": e.originating_document,
        "committee": e.committee,
        "sponsors_count": e.sponsors_count,
        "session": e.session,
        "sources": e.sources,
        "url": e.undocs_url(),
        "in_catalogue": true,
        "local": paths,
    })
}

/// The act's title in the other official languages (`fr`, `es`, `ru`, `ar`,
/// `zh`), from the UN's own texts of GA sessions 79–80; none for other acts.
fn other_titles(e: &Entry) -> Vec<(&'static str, String)> {
    unlsp_syntax::lang::Lang::ALL
        .into_iter()
        .filter_map(|l| unlsp_index::titles::title_of(e, l).map(|t| (l.code(), t)))
        .collect()
}

fn print_text(e: &Entry, paths: &[String]) {
    let from = |s: &Option<String>| s.as_deref().map(|s| format!("  ({s})")).unwrap_or_default();
    println!(
        "{}  {}",
        e.symbol,
        e.title.as_deref().unwrap_or("(title not known)")
    );
    if e.title.is_some() {
        println!(
            "  title:   from {}",
            e.title_source.as_deref().unwrap_or("?")
        );
    }
    for (lang, t) in other_titles(e) {
        println!("  title ({lang}): {t}");
    }
    println!("  number:  {}", e.number);
    println!(
        "  adopted: {}{}",
        e.date
            .as_deref()
            .or(e.month.as_deref())
            .unwrap_or("not known"),
        from(&e.date_source)
    );
    for (label, v) in [
        ("meeting", &e.meeting),
        ("vote", &e.vote),
        ("draft", &e.originating_document),
        ("committee", &e.committee),
    ] {
        if let Some(v) = v {
            println!("  {:<8} {v}", format!("{label}:"));
        }
    }
    if let Some(n) = e.sponsors_count {
        println!("  sponsors: {n}");
    }
    println!("  sources: {}", e.sources.join(", "));
    println!("  {}", e.undocs_url());
    for p in paths {
        println!("  local:   {p}");
    }
}

/// The project's `catalogue_records` (around `dir`) merged over the bundled
/// catalogue; a file that cannot be read is named in a warning.
fn install_project_records(dir: &std::path::Path) {
    if let Some((root, Ok(p))) = unlsp_analysis::project::discover(dir)
        && let Err(e) = p.install_catalogue_records(Some(&root))
    {
        eprintln!("warning: {e}; using the bundled catalogue");
    }
}

/// The documents of the reference folders of the project around `dir` that
/// are the act `query` (none outside a project). The folders are indexed
/// through their disk cache, as the server does.
fn reference_documents(query: &str, dir: &std::path::Path) -> Vec<FileFacts> {
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
