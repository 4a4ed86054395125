//! The layers as the crate graph holds them: a dependency that would let a
//! lower layer see a higher one, or a crate other than the server see LSP,
//! fails here (and, for the unlsp crates, fails to compile first). Inside a
//! crate, files that use each other, directly or through others, fail here too.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each package's normal dependencies, by name, from its manifest.
fn manifests() -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("Cargo.toml")];
    for e in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        paths.push(e.path().join("Cargo.toml"));
    }
    let names = |t: &toml::Table, k: &str| -> Vec<String> {
        t.get(k)
            .and_then(|d| d.as_table())
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default()
    };
    paths
        .iter()
        .map(|p| {
            let t: toml::Table = std::fs::read_to_string(p).unwrap().parse().unwrap();
            let name = t["package"]["name"].as_str().unwrap().to_string();
            (
                name,
                (names(&t, "dependencies"), names(&t, "dev-dependencies")),
            )
        })
        .collect()
}

/// The crates each layer may use, lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    ("unlsp-corpus", &[]),
    ("unlsp-syntax", &[]),
    ("unlsp-index", &["unlsp-syntax"]),
    ("unlsp-formats", &["unlsp-syntax"]),
    ("unlsp-analysis", &["unlsp-syntax", "unlsp-index"]),
    (
        "unlsp-server",
        &[
            "unlsp-syntax",
            "unlsp-index",
            "unlsp-analysis",
            "unlsp-formats",
        ],
    ),
    (
        "unlsp",
        &[
            "unlsp-syntax",
            "unlsp-index",
            "unlsp-analysis",
            "unlsp-server",
            "unlsp-corpus",
            "unlsp-formats",
        ],
    ),
];

/// Crates that speak LSP or run the async protocol loop.
const LSP: &[&str] = &[
    "tower-lsp-server",
    "tower-lsp",
    "lsp-types",
    "ls-types",
    "lsp-server",
];
const ASYNC: &[&str] = &["tokio", "tower", "futures", "dashmap"];

#[test]
fn every_crate_uses_only_the_layers_below_it() {
    let m = manifests();
    assert_eq!(
        m.len(),
        LAYERS.len(),
        "a crate without a layer: {:?}",
        m.keys()
    );
    for (name, allowed) in LAYERS {
        let (deps, _) = &m[*name];
        for d in deps.iter().filter(|d| d.starts_with("unlsp")) {
            assert!(allowed.contains(&d.as_str()), "{name} depends on {d}");
        }
    }
}

#[test]
fn only_the_server_knows_lsp_and_the_protocol_loop() {
    for (name, (deps, dev)) in manifests() {
        if name == "unlsp-server" {
            assert!(deps.iter().any(|d| d == "tower-lsp-server"));
            continue;
        }
        for d in deps.iter().chain(&dev) {
            assert!(!LSP.contains(&d.as_str()), "{name} names {d}");
        }
        // the root's tests drive the server over pipes (dev-dependencies)
        for d in deps {
            assert!(!ASYNC.contains(&d.as_str()), "{name} depends on {d}");
        }
    }
    let root =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let shared = root.split("[workspace.dependencies]").nth(1).unwrap_or("");
    assert!(
        !LSP.iter().any(|l| shared.contains(&format!("\n{l} "))),
        "an LSP crate in [workspace.dependencies]"
    );
}

/// One module of a crate, read as its file: its path from the crate root, its
/// code without comments, literals and `#[cfg(test)]` items, the names it
/// defines at top level, the methods it adds to a type defined in another file,
/// and the leaves of its `use` trees (path, bound name).
struct Module {
    path: Vec<String>,
    file: String,
    code: String,
    defs: BTreeSet<String>,
    methods: BTreeSet<String>,
    leaves: Vec<(Vec<String>, String)>,
}

impl Module {
    fn new(path: Vec<String>, file: String, text: &str) -> Module {
        let lit = Regex::new(
            r##"(?s)//[^\n]*|/\*.*?\*/|r#".*?"#|r"[^"]*"|"(?:\\.|[^"\\])*"|'(?:\\u\{\w+\}|\\.|[^'\\])'"##,
        )
        .unwrap();
        let mut code = lit.replace_all(text, " ").into_owned();
        while let Some(at) = code.find("#[cfg(test)]") {
            let end = item_end(&code, at);
            code.replace_range(at..end, " ");
        }
        let def = Regex::new(
            // an item, or the first name given to a macro that defines items (`re!(NAME, ..)`)
            r"(?m)^(?:(?:pub(?:\([^)]*\))?\s+)?(?:(?:const|async|unsafe)\s+)*(?:fn|struct|enum|trait|type|const|static|union|macro_rules!)\s*|\w+!\s*\(\s*)(\w+)",
        )
        .unwrap();
        let defs: BTreeSet<String> = def.captures_iter(&code).map(|c| c[1].to_string()).collect();
        let inherent = Regex::new(r"(?m)^impl(?:<[^>]*>)?\s+(\w+)(?:<[^>]*>)?\s*\{").unwrap();
        let method =
            Regex::new(r"(?m)^    (?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?fn\s+(\w+)").unwrap();
        let mut methods = BTreeSet::new();
        for c in inherent
            .captures_iter(&code)
            .filter(|c| !defs.contains(&c[1]))
        {
            let at = c.get(0).unwrap().start();
            let body = &code[at..item_end(&code, at)];
            methods.extend(method.captures_iter(body).map(|f| f[1].to_string()));
        }
        let stmt = Regex::new(r"\buse\s+([\w:{},\s*]+);").unwrap();
        let token = Regex::new(r"\w+|::|[{},*]").unwrap();
        let mut leaves = Vec::new();
        for c in stmt.captures_iter(&code) {
            let toks: Vec<&str> = token.find_iter(&c[1]).map(|m| m.as_str()).collect();
            expand(&toks, &mut 0, Vec::new(), &mut leaves);
        }
        let code = stmt.replace_all(&code, " ").into_owned();
        Module {
            path,
            file,
            code,
            defs,
            methods,
            leaves,
        }
    }
}

/// Where the item whose attribute starts at `at` ends: its `;`, or the brace
/// that closes its body.
fn item_end(code: &str, at: usize) -> usize {
    let rest = &code[at..];
    let open = rest.find('{').unwrap_or(rest.len());
    if let Some(semi) = rest.find(';').filter(|s| *s < open) {
        return at + semi + 1;
    }
    let mut depth = 0;
    for (i, c) in rest.char_indices().skip_while(|(i, _)| *i < open) {
        depth += (c == '{') as i32 - (c == '}') as i32;
        if c == '}' && depth == 0 {
            return at + i + 1;
        }
    }
    code.len()
}

/// The leaves of the `use` tree at `toks[*i]`, under `path`: each full path
/// and the name it binds (`*` for a glob, the module for `self`).
fn expand(
    toks: &[&str],
    i: &mut usize,
    mut path: Vec<String>,
    out: &mut Vec<(Vec<String>, String)>,
) {
    let start = path.len();
    let mut alias = None;
    while let Some(&t) = toks.get(*i) {
        match t {
            "," | "}" => break,
            "{" => {
                *i += 1;
                while toks.get(*i).is_some_and(|t| *t != "}") {
                    expand(toks, i, path.clone(), out);
                    *i += (toks.get(*i) == Some(&",")) as usize;
                }
                *i += 1;
                return;
            }
            "as" => {
                *i += 1;
                alias = toks.get(*i).copied();
            }
            "::" => {}
            w => path.push(w.to_string()),
        }
        *i += 1;
    }
    if path.len() == start {
        return;
    }
    if path.last().is_some_and(|l| l == "self") {
        path.pop();
    }
    let bound = alias.map_or_else(|| path.last().cloned().unwrap_or_default(), str::to_string);
    out.push((path, bound));
}

/// The modules of one crate, and the files that define what their paths name.
struct Crate(Vec<Module>);

impl Crate {
    fn module(&self, path: &[String]) -> Option<usize> {
        self.0.iter().position(|m| m.path == path)
    }

    /// `path`, written in module `at`, from the crate root; `None` when it
    /// starts in another crate.
    fn absolute(&self, at: &[String], path: &[String], depth: usize) -> Option<Vec<String>> {
        let first = path.first()?;
        let supers = path.iter().take_while(|s| *s == "super").count();
        let (base, rest) = match first.as_str() {
            "crate" => (&at[..0], &path[1..]),
            "self" => (at, &path[1..]),
            "super" => (at.get(..at.len().checked_sub(supers)?)?, &path[supers..]),
            _ if self.module(&[at, &path[..1]].concat()).is_some() => (at, path),
            _ if depth < 8 => {
                // a module this file imported under that name
                let m = &self.0[self.module(at)?];
                let (leaf, _) = m.leaves.iter().find(|(l, b)| b == first && l.len() > 1)?;
                let target = self.absolute(at, leaf, depth + 1)?;
                self.module(&target)?;
                return Some([&target[..], &path[1..]].concat());
            }
            _ => return None,
        };
        Some([base, rest].concat())
    }

    /// The file that defines what the absolute `path` names, through imports
    /// and re-exports; `None` for a module or a name from another crate.
    fn defining_file(&self, path: &[String], depth: usize) -> Option<usize> {
        let mut m = self.module(&[])?;
        for seg in path {
            match self.module(&[&self.0[m].path[..], std::slice::from_ref(seg)].concat()) {
                Some(child) => m = child,
                None => return self.item_file(m, seg, depth),
            }
        }
        None
    }

    /// The file that defines `name` as module `m` sees it.
    fn item_file(&self, m: usize, name: &str, depth: usize) -> Option<usize> {
        if self.0[m].defs.contains(name) {
            return Some(m);
        }
        if depth > 8 {
            return None;
        }
        let leaves = self.0[m].leaves.iter();
        leaves
            .filter(|(_, b)| b == name || b == "*")
            .find_map(|(leaf, bound)| {
                let mut abs = self.absolute(&self.0[m].path, leaf, depth + 1)?;
                if bound == "*" {
                    *abs.last_mut()? = name.to_string();
                }
                self.defining_file(&abs, depth + 1)
            })
    }

    /// Which file uses which other file, with the paths it uses there.
    fn edges(&self) -> BTreeMap<(usize, usize), BTreeSet<String>> {
        let in_code = Regex::new(r"\b[a-z_]\w*(?:::\w+)+").unwrap();
        let word = Regex::new(r"\b[A-Za-z_]\w*").unwrap();
        let call = Regex::new(r"(?:\.|\bSelf::)(\w+)\s*\(").unwrap();
        let own_fn = Regex::new(r"\bfn\s+(\w+)").unwrap();
        let mut edges = BTreeMap::new();
        for (i, m) in self.0.iter().enumerate() {
            let mut add = |to: Option<usize>, what: &str| {
                if let Some(to) = to.filter(|t| *t != i) {
                    let e = edges.entry((i, to)).or_insert_with(BTreeSet::new);
                    e.insert(what.to_string());
                }
            };
            let words: BTreeSet<&str> = word.find_iter(&m.code).map(|w| w.as_str()).collect();
            for (leaf, bound) in &m.leaves {
                let Some(abs) = self.absolute(&m.path, leaf, 0) else {
                    continue;
                };
                let (_, glob) = abs.split_last().unwrap();
                match self.module(glob).filter(|_| bound == "*") {
                    // a glob uses each of its names that the file mentions
                    Some(g) => {
                        for w in words.iter().filter(|w| !m.defs.contains(**w)) {
                            add(
                                self.item_file(g, w, 0),
                                &format!("{}::{w}", glob.join("::")),
                            );
                        }
                    }
                    None if bound == "*" => add(self.defining_file(glob, 0), &glob.join("::")),
                    None => add(self.defining_file(&abs, 0), &abs.join("::")),
                }
            }
            for p in in_code.find_iter(&m.code) {
                let segs: Vec<String> = p.as_str().split("::").map(str::to_string).collect();
                if let Some(abs) = self.absolute(&m.path, &segs, 0) {
                    add(self.defining_file(&abs, 0), &abs.join("::"));
                }
            }
            // a call of a method that a file adds to a type of another file
            // (by name, as the receiver's type is not known here: unless the
            // calling file has a function of that name too)
            let own: BTreeSet<&str> = own_fn
                .captures_iter(&m.code)
                .map(|c| c.get(1).unwrap().as_str())
                .collect();
            for c in call.captures_iter(&m.code).filter(|c| !own.contains(&c[1])) {
                for (j, other) in self.0.iter().enumerate() {
                    if other.methods.contains(&c[1]) {
                        add(Some(j), &format!(".{}()", &c[1]));
                    }
                }
            }
        }
        edges
    }

    /// The sets of two or more files each of which uses, directly or not,
    /// every other file of its set, with the uses that close each cycle.
    fn cycles(&self) -> Vec<String> {
        let edges = self.edges();
        let reach: Vec<BTreeSet<usize>> = (0..self.0.len())
            .map(|from| {
                let (mut seen, mut todo) = (BTreeSet::new(), vec![from]);
                while let Some(a) = todo.pop() {
                    let next = edges.keys().filter(|(x, _)| *x == a).map(|(_, b)| *b);
                    todo.extend(next.filter(|b| seen.insert(*b)).collect::<Vec<_>>());
                }
                seen
            })
            .collect();
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for (i, r) in reach.iter().enumerate() {
            let set: Vec<usize> = r
                .iter()
                .copied()
                .filter(|j| reach[*j].contains(&i))
                .collect();
            if set.len() > 1 && !sets.contains(&set) {
                sets.push(set);
            }
        }
        let file = |i: usize| self.0[i].file.as_str();
        let uses = |(a, b): &(usize, usize), names: &BTreeSet<String>| {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            format!("\n    {} uses {}: {}", file(*a), file(*b), names.join(", "))
        };
        let show = |set: &Vec<usize>| {
            let inner = edges
                .iter()
                .filter(|((a, b), _)| set.contains(a) && set.contains(b));
            let files: Vec<&str> = set.iter().map(|i| file(*i)).collect();
            files.join(" / ") + &inner.map(|(e, n)| uses(e, n)).collect::<String>()
        };
        sets.iter().map(show).collect()
    }
}

/// Every crate of the workspace by package name, with its modules found from
/// `src/lib.rs` through their `mod` declarations (a binary is one file).
fn crates() -> Vec<(String, Crate)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![("unlsp".to_string(), root.to_path_buf())];
    for e in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        dirs.push((e.file_name().to_string_lossy().into_owned(), e.path()));
    }
    let decl = Regex::new(r"(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;").unwrap();
    let modules = |dir: &Path| {
        let (mut out, mut todo) = (Vec::new(), vec![(Vec::new(), dir.join("src/lib.rs"))]);
        while let Some((path, file)) = todo.pop() {
            let shown = format!("{}", file.strip_prefix(dir.join("src")).unwrap().display());
            let m = Module::new(path, shown, &std::fs::read_to_string(&file).unwrap());
            let under = match file.ends_with("lib.rs") || file.ends_with("mod.rs") {
                true => file.parent().unwrap().to_path_buf(),
                false => file.with_extension(""),
            };
            for c in decl.captures_iter(&m.code) {
                let f = under.join(format!("{}.rs", &c[1]));
                let f = if f.exists() {
                    f
                } else {
                    under.join(&c[1]).join("mod.rs")
                };
                todo.push(([&m.path[..], &[c[1].to_string()]].concat(), f));
            }
            out.push(m);
        }
        Crate(out)
    };
    dirs.into_iter()
        .map(|(name, dir)| (name, modules(&dir)))
        .collect()
}

#[test]
fn no_two_files_of_a_crate_use_each_other() {
    let mut found = String::new();
    for (name, krate) in crates() {
        let cycles: String = krate.cycles().iter().map(|c| format!("\n  {c}")).collect();
        if !cycles.is_empty() {
            found += &format!("\n{name}:{cycles}");
        }
    }
    assert!(found.is_empty(), "import cycles between files:{found}");
}

#[test]
fn a_use_through_a_re_export_reaches_the_defining_file() {
    let module = |path: &[&str], file: &str, text: &str| {
        Module::new(
            path.iter().map(|s| s.to_string()).collect(),
            file.into(),
            text,
        )
    };
    let krate = Crate(vec![
        module(&[], "lib.rs", "mod a;\nmod b;\nmod c;\npub use a::A;\n"),
        module(
            &["a"],
            "a.rs",
            "use crate::{b::{self, B}, c};\npub struct A(B);\n#[cfg(test)]\nfn t(_: c::C) {}\n",
        ),
        module(&["b"], "b.rs", "pub struct B;\nfn f(_: crate::A) {}\n"),
        module(&["c"], "c.rs", "use super::a::*;\npub struct C(A);\n"),
    ]);
    let cycles = krate.cycles();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert!(cycles[0].starts_with("a.rs / b.rs\n"), "{cycles:?}");
    assert!(cycles[0].contains("b.rs uses a.rs: A"), "{cycles:?}");
}

#[test]
fn a_method_added_in_another_file_is_a_use_of_that_file() {
    let module = |path: &[&str], file: &str, text: &str| {
        Module::new(
            path.iter().map(|s| s.to_string()).collect(),
            file.into(),
            text,
        )
    };
    let krate = Crate(vec![
        module(&[], "lib.rs", "mod x;\nmod y;\n"),
        module(
            &["x"],
            "x.rs",
            "pub struct X;\nfn f(x: &X) {\n    x.go();\n}\n",
        ),
        module(
            &["y"],
            "y.rs",
            "use super::x::X;\nimpl X {\n    pub fn go(&self) {}\n}\n",
        ),
    ]);
    let cycles = krate.cycles();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert!(cycles[0].contains("x.rs uses y.rs: .go()"), "{cycles:?}");
}

/// The longest a function may be, from its `fn` line to its closing brace,
/// and the longest a file may be outside its test module.
const MAX_FUNCTION_LINES: usize = 119;
const MAX_FILE_LINES: usize = 799;

/// Files that are a table of data rather than code, with the reason; they may
/// be longer than `MAX_FILE_LINES` (never their functions).
const TABLES: &[(&str, &str)] = &[];

/// `text` with its comments and string and character literals blanked, each
/// character but a line break turned into a space, so that lines keep their
/// numbers and braces in prose do not count.
fn blank_literals(text: &str) -> String {
    let lit = Regex::new(
        r##"(?s)//[^\n]*|/\*.*?\*/|r#".*?"#|r"[^"]*"|b?"(?:\\.|[^"\\])*"|b?'(?:\\u\{\w+\}|\\.|[^'\\])'"##,
    )
    .unwrap();
    lit.replace_all(text, |c: &regex::Captures| {
        c[0].chars()
            .map(|ch| if ch == '\n' { '\n' } else { ' ' })
            .collect::<String>()
    })
    .into_owned()
}

/// Where the body of the function whose `fn` starts at `at` ends: the brace
/// that closes it, or `None` for a declaration without a body.
fn fn_end(code: &str, at: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut body = None;
    for (i, c) in code[at..].char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ';' if depth == 0 && body.is_none() => return None,
            '{' if depth == 0 && body.is_none() => body = Some(0),
            _ => {}
        }
        if let Some(b) = body.as_mut() {
            *b += (c == '{') as i32 - (c == '}') as i32;
            if *b == 0 {
                return Some(at + i);
            }
        }
    }
    None
}

/// Every source file of the workspace (`src/` and `crates/*/src/`) that is
/// not a test module of its own (`#[cfg(test)] mod tests;` and what lies
/// below it), by its path from the workspace root, with its text.
fn source_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut todo = vec![root.join("src")];
    for e in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        todo.push(e.path().join("src"));
    }
    let mut files = Vec::new();
    while let Some(dir) = todo.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    let test_mod =
        Regex::new(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;").unwrap();
    let mut tests = Vec::new();
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    for (f, text) in files.iter().zip(&texts) {
        let under = match f.ends_with("lib.rs") || f.ends_with("main.rs") || f.ends_with("mod.rs") {
            true => f.parent().unwrap().to_path_buf(),
            false => f.with_extension(""),
        };
        for c in test_mod.captures_iter(&blank_literals(text)) {
            tests.push(under.join(format!("{}.rs", &c[1])));
            tests.push(under.join(&c[1]));
        }
    }
    files
        .into_iter()
        .zip(texts)
        .filter(|(f, _)| !tests.iter().any(|t| f.starts_with(t)))
        .map(|(f, text)| {
            let shown = f.strip_prefix(root).unwrap().display().to_string();
            (shown, text)
        })
        .collect()
}

/// The sizes over the limits in one file: its lines outside `#[cfg(test)]`
/// items, and each function outside them, from its `fn` line to its closing
/// brace.
fn oversized(file: &str, text: &str) -> Vec<String> {
    let mut code = blank_literals(text);
    let mut test_lines = 0;
    while let Some(at) = code.find("#[cfg(test)]") {
        let end = item_end(&code, at);
        test_lines += code[at..end].matches('\n').count() + 1;
        code.replace_range(at..end, " ");
    }
    let mut found = Vec::new();
    let lines = text.lines().count() - test_lines;
    let table = TABLES.iter().any(|(t, _)| *t == file);
    if lines > MAX_FILE_LINES && !table {
        found.push(format!("{file}: {lines} lines outside its tests"));
    }
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let function = Regex::new(r"\bfn\s+(\w+)").unwrap();
    for c in function.captures_iter(&code) {
        let at = c.get(0).unwrap().start();
        if let Some(end) = fn_end(&code, at) {
            let n = line_of(end) - line_of(at) + 1;
            if n > MAX_FUNCTION_LINES {
                found.push(format!("{file}:{}: fn {} is {n} lines", line_of(at), &c[1]));
            }
        }
    }
    found
}

#[test]
fn no_function_or_file_is_too_long_to_hold_in_the_head() {
    let mut found: Vec<String> = source_files()
        .iter()
        .flat_map(|(file, text)| oversized(file, text))
        .collect();
    found.sort();
    assert!(
        found.is_empty(),
        "over {MAX_FUNCTION_LINES} lines a function or {MAX_FILE_LINES} a file \
         (split it into named pieces):\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn a_long_function_and_a_long_file_are_found_but_not_their_tests() {
    let body = "    let x = 1;\n".repeat(MAX_FUNCTION_LINES - 2);
    let long = format!("fn long() {{\n{body}}}\n");
    let short = format!("fn short() {{\n{}}}\n", "    let s = \"}\";\n".repeat(3));
    let tested = format!("#[cfg(test)]\nmod tests {{\n{long}{long}}}\n");
    assert_eq!(
        oversized("a.rs", &(short.clone() + &long + &tested)),
        Vec::<String>::new()
    );
    let longer = long.replace("fn long() {", "fn long() {\n    let y = 2;");
    assert_eq!(oversized("b.rs", &longer), ["b.rs:1: fn long is 120 lines"]);
    let file = "const C: u8 = 0;\n".repeat(MAX_FILE_LINES + 1) + &tested;
    assert_eq!(
        oversized("c.rs", &file),
        ["c.rs: 800 lines outside its tests"]
    );
}
