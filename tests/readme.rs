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

/// The fenced blocks of `lang` in the Markdown file `rel`.
fn fenced(rel: &str, lang: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo(rel)).unwrap();
    let (open, mut blocks, mut cur) = (format!("```{lang}"), Vec::new(), None::<String>);
    for line in text.lines() {
        match cur.as_mut() {
            None if line.trim_end() == open => cur = Some(String::new()),
            Some(_) if line.trim_end() == "```" => blocks.extend(cur.take()),
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// Every `unlsp.toml` example of the READMEs is read by the loader the tools
/// use (the Helix `languages.toml` recipe, the other TOML there, is
/// `editors/helix/test_languages.py`'s).
#[test]
fn unlsp_toml_examples_parse() {
    let mut seen = 0;
    for rel in ["README.md", "editors/README.md"] {
        for block in fenced(rel, "toml") {
            if block.contains("[language-server.") {
                continue;
            }
            seen += 1;
            if let Err(e) = unlsp_analysis::project::ProjectConfig::parse(&block) {
                panic!("{rel}: an unlsp.toml example does not load: {e}\n{block}");
            }
        }
    }
    assert!(seen >= 1, "no unlsp.toml example found in the READMEs");
}

/// A command line of the README run in the repository; its exit status.
fn unlsp(args: &[&str]) -> i32 {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_unlsp"))
        .args(args)
        .current_dir(repo(""))
        .output()
        .unwrap();
    out.status.code().unwrap_or(-1)
}

/// The README's quick start and every command of its "Command line" synopsis
/// run on the bundled examples with the exit status the README gives: a
/// command added to the synopsis without an example here fails this test.
#[test]
fn readme_command_lines_run_with_their_documented_status() {
    let text = std::fs::read_to_string(repo("README.md")).unwrap();
    // quick start: "The first command exits with status 1 because the bundled draft has errors"
    assert!(text.contains("cargo run --release -- check examples/"));
    assert!(text.contains("exits with status 1"));
    assert_eq!(unlsp(&["check", "examples/"]), 1, "unlsp check examples/");
    assert_eq!(unlsp(&["--version"]), 0, "unlsp --version");
    // one runnable instance per subcommand of the synopsis, with its status
    let examples: &[(&str, &[&[&str]], i32)] = &[
        (
            "check",
            &[
                &["check", "examples/A_RES_62_57.txt"],
                &["check", "examples/", "--format", "json", "--exit-zero"],
            ],
            0,
        ),
        // the example is one line as extracted: `--check` says it would reformat it
        ("fmt", &[&["fmt", "--check", "examples/A_RES_62_57.txt"]], 1),
        (
            "outline",
            &[&["outline", "examples/A_RES_62_57.txt", "--format", "json"]],
            0,
        ),
        (
            "convert",
            &[&[
                "convert",
                "tests/fixtures/docx/tracked.en.docx",
                "--to",
                "md",
            ]],
            0,
        ),
        (
            "parallel",
            &[&[
                "parallel",
                "examples/A_RES_62_57.txt",
                "examples/A_RES_62_57.txt",
            ]],
            0,
        ),
        (
            "diff",
            &[&[
                "diff",
                "examples/draft-with-defects.unres",
                "examples/draft-with-defects.unres",
            ]],
            0,
        ),
        (
            "lookup",
            &[
                &["lookup", "79/1"],
                &["lookup", "1514 (XV)", "--format", "json"],
            ],
            0,
        ),
        ("rules", &[&["rules", "--format", "json"]], 0),
        ("explain", &[&["explain", "UN010"]], 0),
    ];
    // and the documented failures
    assert_eq!(
        unlsp(&["lookup", "78/999"]),
        1,
        "an act nobody knows exits 1"
    );
    assert_eq!(
        unlsp(&[
            "diff",
            "examples/A_RES_62_57.txt",
            "examples/draft-with-defects.unres"
        ]),
        1,
        "diff: 1 when they differ"
    );
    assert_eq!(
        unlsp(&["check", "examples/", "--select", "UN999"]),
        2,
        "a rule id that names no rule"
    );
    let synopsis = text
        .split("## Command line")
        .nth(1)
        .and_then(|s| s.split("```text\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("README: the ```text synopsis under ## Command line");
    let mut missing = Vec::new();
    for line in synopsis.lines() {
        let Some(cmd) = line
            .strip_prefix("unlsp ")
            .and_then(|l| l.split_whitespace().next())
        else {
            continue;
        };
        if cmd == "serve" {
            continue; // the server: tests/server_lsp.rs and the editor tests
        }
        match examples.iter().find(|(c, _, _)| *c == cmd) {
            Some((_, runs, status)) => {
                for args in *runs {
                    assert_eq!(unlsp(args), *status, "unlsp {}", args.join(" "));
                }
            }
            None => missing.push(cmd.to_string()),
        }
    }
    assert!(
        missing.is_empty(),
        "README synopsis commands with no example here: {missing:?}"
    );
}
