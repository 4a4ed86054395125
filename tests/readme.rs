//! The README's rule table and every settings table (the READMEs, the VS Code
//! extension's `package.json`) are generated: from the rule catalogue and from
//! `unlsp_server::settings::SETTINGS`. These tests fail when they disagree;
//! `UPDATE_README=1 cargo test --test readme` rewrites them.

use std::path::{Path, PathBuf};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `generated` between the `<!-- NAME:start -->` and `<!-- NAME:end -->`
/// markers of `rel`; the message names what is stale.
fn check_generated(rel: &str, name: &str, generated: &str) -> Result<(), String> {
    let path = repo(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let (start, end) = (
        format!("<!-- {name}:start -->\n"),
        format!("<!-- {name}:end -->"),
    );
    let a = text
        .find(&start)
        .unwrap_or_else(|| panic!("{rel}: no {start:?} marker"))
        + start.len();
    let b = text
        .find(&end)
        .unwrap_or_else(|| panic!("{rel}: no {end:?} marker"));
    if text[a..b] == *generated {
        return Ok(());
    }
    if std::env::var("UPDATE_README").is_ok() {
        let new = format!("{}{}{}", &text[..a], generated, &text[b..]);
        std::fs::write(&path, new).unwrap();
        return Ok(());
    }
    Err(format!(
        "{rel}: the {name} table is stale: run `UPDATE_README=1 cargo test --test readme`"
    ))
}

#[test]
fn readme_rule_table_is_generated() {
    let table = unlsp::cli::rules_listing("markdown");
    check_generated("README.md", "rules", &table).unwrap();
}

#[test]
fn settings_tables_are_generated() {
    use unlsp_server::settings::settings_table;
    let stale: Vec<String> = [
        check_generated("README.md", "settings", &settings_table("")),
        check_generated("editors/README.md", "settings", &settings_table("")),
        check_generated(
            "editors/vscode/README.md",
            "settings",
            &settings_table("unlsp."),
        ),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect();
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

/// The server's settings in `package.json`, property by property; each is
/// rewritten in place (two-space JSON at the depth of the others) on update.
#[test]
fn vscode_package_json_settings_are_generated() {
    let path = repo("editors/vscode/package.json");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let mut stale = Vec::new();
    for (key, want) in unlsp_server::settings::vscode_properties() {
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let props = &json["contributes"]["configuration"]["properties"];
        if props[&key] == want {
            continue;
        }
        if std::env::var("UPDATE_README").is_err() {
            stale.push(key);
            continue;
        }
        let head = format!("\"{key}\": {{");
        let at = text
            .find(&head)
            .unwrap_or_else(|| panic!("package.json: add a property {key:?}"));
        let open = at + head.len() - 1;
        let close = open + object_end(&text[open..]);
        let indent = text[..at].rsplit('\n').next().unwrap().len();
        let body = serde_json::to_string_pretty(&want)
            .unwrap()
            .replace('\n', &format!("\n{}", " ".repeat(indent)));
        text.replace_range(open..close, &body);
    }
    if std::env::var("UPDATE_README").is_ok() {
        std::fs::write(&path, &text).unwrap();
    }
    assert!(
        stale.is_empty(),
        "package.json: {stale:?} differ from the server's settings: run `UPDATE_README=1 cargo test --test readme`"
    );
}

/// The end (exclusive) of the JSON object `s` starts with.
fn object_end(s: &str) -> usize {
    let (mut depth, mut in_str, mut escaped) = (0, false, false);
    for (i, c) in s.char_indices() {
        match (in_str, c) {
            (true, _) if escaped => escaped = false,
            (true, '\\') => escaped = true,
            (true, '"') => in_str = false,
            (false, '"') => in_str = true,
            (false, '{') => depth += 1,
            (false, '}') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// The VS Code extension sends the server options the user set: it names them
/// in `SERVER_OPTIONS`, which must be the server's settings.
#[test]
fn the_extension_knows_the_server_options() {
    let ts = std::fs::read_to_string(repo("editors/vscode/src/extension.ts")).unwrap();
    let line = ts
        .lines()
        .find(|l| l.starts_with("const SERVER_OPTIONS = ["))
        .expect("extension.ts: const SERVER_OPTIONS");
    let keys: Vec<String> = unlsp_server::settings::SETTINGS
        .iter()
        .map(|d| format!("\"{}\"", d.key))
        .collect();
    assert_eq!(
        line,
        format!("const SERVER_OPTIONS = [{}];", keys.join(", ")),
        "extension.ts"
    );
    // and no server option is read with a default written into the extension
    for d in unlsp_server::settings::SETTINGS {
        let read = format!("get(\"{}\"", d.key);
        assert!(!ts.contains(&read), "extension.ts: {read}");
    }
}
