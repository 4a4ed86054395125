//! Rules over the tree. Pure: plain Rust in, plain Rust out; no LSP types, no I/O.
//!
//! A rule is one [`RuleDef`]: id, name, default severity, default on/off, the
//! document kinds it applies to, message, explanation with a bad and a good
//! example, and its check. [`catalogue`] is the list that `unlsp rules`, the
//! README table and the server all read.

pub mod align;
pub mod config;
mod diagnostic;
pub mod diff;
pub mod fmt;
pub mod incremental;
mod lint;
mod markup;
mod memo;
pub mod parallel;
pub(crate) mod pattern;
pub mod project;
mod registry;
mod rule;
mod rules;

pub use config::Config;
pub use diagnostic::{Diagnostic, Edit, Fix, Related, Severity, Sink};
pub use incremental::LintCache;
pub use markup::SourceMarkup;
pub(crate) use memo::Memo;
pub use registry::{catalogue, rule};
pub(crate) use registry::{is_code, parallel_code};
pub use rule::{Ctx, Reach, RuleDef};
pub(crate) use rule::{RES_DRAFT, RES_ONLY};

use unlsp_syntax::Document;
use unlsp_syntax::tree::Tree;

/// Run every enabled rule that applies to the document.
pub fn check(doc: &Document, cfg: &Config) -> Vec<Diagnostic> {
    check_tree(doc.text(), doc.tree(), cfg)
}

pub fn check_tree(text: &str, tree: &Tree, cfg: &Config) -> Vec<Diagnostic> {
    lint::lint(text, tree, cfg, None).0
}

/// [`check_tree`] after an edit: the unit rules run again only on the units
/// that changed since the analysis that left `prev` (see [`incremental`]).
/// `rope` holds the same text as `text`. Returns what the next analysis
/// reuses; nothing when the rules were cut short.
pub fn check_incremental(
    rope: &ropey::Rope,
    text: &str,
    tree: &Tree,
    cfg: &Config,
    prev: Option<&LintCache>,
) -> (Vec<Diagnostic>, Option<LintCache>) {
    lint::lint(text, tree, cfg, Some((rope, prev)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = include_str!("../../../examples/draft-with-defects.unres");

    /// What a lint cache holds between analyses: not the joined texts (they
    /// are never carried), but the table of the rules' patterns, handed on
    /// from one analysis to the next until the memo is shed.
    #[test]
    fn a_lint_cache_keeps_the_pattern_table_and_no_joined_texts() {
        let text = include_str!("../../../examples/A_RES_62_57.txt");
        let mut doc = Document::new(text);
        let cfg = Config::default();
        let first = check_incremental(doc.rope(), doc.text(), doc.tree(), &cfg, None).1;
        let first = first.expect("a cache");
        assert_eq!(first.memo.joined_texts(), 0);
        let table = first.memo.patterns.clone().expect("a pattern table");
        let at = text.find("Recalling").unwrap();
        doc.edit(at..at, "x");
        let second = check_incremental(doc.rope(), doc.text(), doc.tree(), &cfg, Some(&first)).1;
        let mut second = second.expect("a cache");
        assert!(std::sync::Arc::ptr_eq(
            second.memo.patterns.as_ref().unwrap(),
            &table
        ));
        second.shed_memo();
        assert!(second.memo.patterns.is_none());
        doc.edit(at..at + 1, "");
        let third = check_incremental(doc.rope(), doc.text(), doc.tree(), &cfg, Some(&second)).1;
        let third = third.expect("a cache");
        assert!(!std::sync::Arc::ptr_eq(
            third.memo.patterns.as_ref().unwrap(),
            &table
        ));
        // the joined texts were used by the rules, then left out
        let cx = Ctx::new(doc.text(), doc.tree());
        let para = doc.tree().nodes_of(unlsp_syntax::tree::NodeKind::Operative)[0];
        rules::shared::view(&cx, para);
        assert_eq!(cx.memo.joined_texts(), 1);
        assert_eq!(cx.memo.into_carriable().joined_texts(), 0);
    }

    #[test]
    fn a_time_budget_stops_the_rules_and_says_so() {
        let doc = Document::new(DRAFT);
        let all = check(&doc, &Config::default());
        assert!(all.iter().all(|d| d.code != "time-budget"));
        let cut = check(
            &doc,
            &Config {
                time_budget: Some(std::time::Duration::ZERO),
                ..Default::default()
            },
        );
        // the first rule runs, then the budget is spent
        let notice: Vec<_> = cut.iter().filter(|d| d.code == "time-budget").collect();
        assert_eq!(notice.len(), 1, "{cut:?}");
        assert!(notice[0].message.contains(catalogue()[1].id));
        assert!(cut.len() < all.len() + 1);
        assert!(
            cut.iter()
                .all(|d| d.code == "time-budget" || d.code == catalogue()[0].id)
        );
    }

    /// A document large enough for the rules to share threads: the same
    /// diagnostics, in the same order, as on one thread.
    #[test]
    fn rules_on_several_threads_give_what_one_thread_gives() {
        let real = include_str!("../../../examples/A_RES_62_57.txt");
        let mut text = String::new();
        while text.len() < lint::PARALLEL_FROM + 1 {
            text.push_str(real);
            text.push_str("\n\n");
            text.push_str(DRAFT);
            text.push_str("\n\n");
        }
        let doc = Document::new(&text);
        let one = check(&doc, &Config::default());
        assert!(one.len() > 10, "{}", one.len());
        for threads in [2, 3, 8] {
            let many = check(
                &doc,
                &Config {
                    threads,
                    ..Default::default()
                },
            );
            assert_eq!(many, one, "{threads} threads");
        }
        // the budget still stops them and says so once
        let cut = check(
            &doc,
            &Config {
                threads: 2,
                time_budget: Some(std::time::Duration::ZERO),
                ..Default::default()
            },
        );
        assert_eq!(cut.iter().filter(|d| d.code == "time-budget").count(), 1);
    }
}
