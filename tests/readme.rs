//! The README's rule table is generated from the catalogue; this test fails when
//! they disagree. `UPDATE_README=1 cargo test --test readme` rewrites it.

#[test]
fn readme_rule_table_is_generated() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let a = readme.find(start).expect("rules:start marker") + start.len();
    let b = readme.find(end).expect("rules:end marker");
    let table = unlsp::cli::rules_listing("markdown");
    if readme[a..b] != table {
        if std::env::var("UPDATE_README").is_ok() {
            let new = format!("{}{}{}", &readme[..a], table, &readme[b..]);
            std::fs::write(&path, new).unwrap();
        } else {
            panic!("README rule table is stale: run `UPDATE_README=1 cargo test --test readme`");
        }
    }
}
