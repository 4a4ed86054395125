//! Rules over the tree. Pure: plain Rust in, plain Rust out; no LSP types, no I/O.
//!
//! A rule is one [`RuleDef`]: id, name, default severity, default on/off, the
//! document kinds it applies to, message, explanation with a bad and a good
//! example, and its check. [`catalogue`] is the list that `unlsp rules`, the
//! README table and the server all read.

pub mod config;
pub mod fmt;
pub mod incremental;
mod lint;
pub mod parallel;
pub(crate) mod pattern;
pub mod project;
mod rules;

pub use config::Config;
pub use incremental::{LintCache, Reach};

use std::ops::Range;
use unlsp_syntax::Document;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{DocKind, Tree};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "error" => Severity::Error,
            "warning" | "warn" => Severity::Warning,
            "information" | "info" => Severity::Information,
            "hint" => Severity::Hint,
            _ => return None,
        })
    }
    /// One level down, never below hint (extraction-tolerant rules).
    pub fn step_down(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            Severity::Warning => Severity::Information,
            _ => Severity::Hint,
        }
    }
}

/// A text edit: replace `range` (bytes) by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    /// Shared: a document-wide fix (renumbering) is offered on every
    /// diagnostic it repairs without being copied for each.
    pub edits: std::sync::Arc<Vec<Edit>>,
    /// Safe to apply without review (`unlsp check --fix`).
    pub safe: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

/// Where a rule applies.
pub const ALL_KINDS: &[DocKind] = &[
    DocKind::Resolution,
    DocKind::Draft,
    DocKind::Decision,
    DocKind::Other,
];
pub const RES_DRAFT: &[DocKind] = &[DocKind::Resolution, DocKind::Draft];
pub const RES_ONLY: &[DocKind] = &[DocKind::Resolution];

pub struct RuleDef {
    pub id: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub default_on: bool,
    pub scopes: &'static [DocKind],
    /// Empty: every language.
    pub langs: &'static [Lang],
    pub extraction_tolerant: bool,
    /// How much of the document a check reads (incremental linting).
    pub reach: Reach,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
    pub check: fn(&Ctx, &mut Sink),
}

/// What a check sees.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub tree: &'a Tree,
    pub lang: Lang,
    /// Facts several rules derive from the whole tree, computed once.
    pub(crate) memo: Memo,
    /// The tree is cut down to some units (incremental linting): whole-tree
    /// facts would be wrong here, and asking for one is a bug in the rule's
    /// `reach`, caught in debug builds.
    partial: bool,
}

/// Whole-tree facts computed on first use, so that a rule asking about each
/// paragraph stays linear. After an edit, the per-node facts of the units
/// that did not change are carried over from the previous analysis
/// ([`Memo::carried`]).
#[derive(Default)]
pub(crate) struct Memo {
    numbered_operatives: std::sync::OnceLock<Option<(usize, usize)>>,
    /// The joined text of each node some rule asked for.
    views: PerNode<std::sync::Arc<unlsp_syntax::inline::View>>,
    /// Each paragraph's terminal punctuation, which a dozen rules read.
    terminals: PerNode<Option<(char, Range<usize>)>>,
    /// What a rule found in one node, by the rule's tag ([`Memo::fact`]).
    facts: PerNode<Vec<(&'static str, Fact)>>,
    /// The title with its whitespace runs made single spaces.
    title_words: std::sync::OnceLock<Option<String>>,
    /// The rules' patterns with caches of this run of analyses (none: the
    /// shared ones), see [`pattern`].
    patterns: Option<std::sync::Arc<pattern::Table>>,
}

type Fact = std::sync::Arc<dyn std::any::Any + Send + Sync>;
type NodeKey = (unlsp_syntax::tree::NodeKind, usize, usize);

/// One fact per node, keyed by (kind, range), shared by the rules of one
/// analysis across threads.
struct PerNode<T>(std::sync::Mutex<rustc_hash::FxHashMap<NodeKey, T>>);

impl<T> Default for PerNode<T> {
    fn default() -> Self {
        PerNode(Default::default())
    }
}

impl<T: Clone> PerNode<T> {
    fn lock(&self) -> std::sync::MutexGuard<'_, rustc_hash::FxHashMap<NodeKey, T>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The fact of `n`, computed by `make` the first time (outside the lock:
    /// other rules go on meanwhile).
    fn get(&self, n: &unlsp_syntax::tree::Node, make: impl FnOnce() -> T) -> T {
        let key = (n.kind, n.range.start, n.range.end);
        if let Some(v) = self.lock().get(&key) {
            return v.clone();
        }
        let v = make();
        self.lock().entry(key).or_insert(v).clone()
    }

    /// The entries whose node `moved` places in the new text, with the
    /// offset it gives, re-keyed and moved by `shift`.
    fn carried(
        &self,
        moved: &impl Fn(usize, usize) -> Option<isize>,
        shift: impl Fn(&T, isize) -> T,
    ) -> PerNode<T> {
        let map = self
            .lock()
            .iter()
            .filter_map(|(&(k, s, e), v)| {
                let d = moved(s, e)?;
                let at = |x: usize| x.saturating_add_signed(d);
                Some((
                    (k, at(s), at(e)),
                    if d == 0 { v.clone() } else { shift(v, d) },
                ))
            })
            .collect();
        PerNode(std::sync::Mutex::new(map))
    }
}

impl Memo {
    /// The view of `n`, built by `make` the first time it is asked for.
    pub(crate) fn view(
        &self,
        n: &unlsp_syntax::tree::Node,
        make: impl FnOnce() -> unlsp_syntax::inline::View,
    ) -> std::sync::Arc<unlsp_syntax::inline::View> {
        self.views.get(n, || std::sync::Arc::new(make()))
    }

    /// The terminal mark of `n`, found by `make` the first time.
    pub(crate) fn terminal(
        &self,
        n: &unlsp_syntax::tree::Node,
        make: impl FnOnce() -> Option<(char, Range<usize>)>,
    ) -> Option<(char, Range<usize>)> {
        self.terminals.get(n, make)
    }

    /// What the rule tagged `tag` finds in node `n` alone, computed by `make`
    /// the first time. It must not hold document offsets (make them relative
    /// to `n.range.start`): it is carried over to the next analysis while the
    /// node's unit does not change, wherever the unit moves.
    pub(crate) fn fact<T: Send + Sync + 'static>(
        &self,
        tag: &'static str,
        n: &unlsp_syntax::tree::Node,
        make: impl FnOnce() -> T,
    ) -> std::sync::Arc<T> {
        let key = (n.kind, n.range.start, n.range.end);
        let found = |m: &rustc_hash::FxHashMap<NodeKey, Vec<(&'static str, Fact)>>| {
            m.get(&key)?
                .iter()
                .find(|(t, _)| *t == tag)
                .and_then(|(_, f)| f.clone().downcast::<T>().ok())
        };
        if let Some(v) = found(&self.facts.lock()) {
            return v;
        }
        let v = std::sync::Arc::new(make());
        let mut m = self.facts.lock();
        if let Some(old) = found(&m) {
            return old;
        }
        m.entry(key).or_default().push((tag, v.clone() as Fact));
        v
    }

    /// The title's words joined by single spaces, computed once.
    pub(crate) fn title_words(&self, title: Option<&str>) -> Option<&str> {
        self.title_words
            .get_or_init(|| title.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .as_deref()
    }

    /// What [`Memo::carried`] can take from this memo: the joined texts and
    /// whole-tree facts dropped (a cache keeps only this).
    pub(crate) fn into_carriable(self) -> Memo {
        Memo {
            terminals: self.terminals,
            facts: self.facts,
            patterns: self.patterns,
            ..Memo::default()
        }
    }

    /// The per-node facts of this analysis that still hold after an edit:
    /// `moved(start, end)` says by how much a node of the old text moved, or
    /// `None` when its unit changed. Whole-tree facts are not carried, nor
    /// joined texts: the document rules keep what they need of those as
    /// facts, and the copies would cost more than rebuilding the few a
    /// changed unit needs.
    pub(crate) fn carried(&self, moved: &impl Fn(usize, usize) -> Option<isize>) -> Memo {
        Memo {
            terminals: self.terminals.carried(moved, |t, d| {
                t.clone().map(|(c, r)| {
                    (
                        c,
                        r.start.saturating_add_signed(d)..r.end.saturating_add_signed(d),
                    )
                })
            }),
            facts: self.facts.carried(moved, |f, _| f.clone()),
            patterns: self.patterns.clone(),
            ..Memo::default()
        }
    }
}

impl Ctx<'_> {
    pub fn new<'a>(text: &'a str, tree: &'a Tree) -> Ctx<'a> {
        Ctx::with_memo(text, tree, Memo::default())
    }

    /// A rule's pattern: the analysis's own copy when it has a table of
    /// them, else the shared one.
    pub(crate) fn re<'s>(&'s self, p: &'s pattern::Pattern) -> &'s regex::Regex {
        match &self.memo.patterns {
            Some(t) => t.get(p),
            None => p.shared(),
        }
    }

    /// A context that starts from facts already known (carried over).
    pub(crate) fn with_memo<'a>(text: &'a str, tree: &'a Tree, memo: Memo) -> Ctx<'a> {
        Ctx {
            text,
            tree,
            lang: tree.lang,
            memo,
            partial: false,
        }
    }

    /// A context over a tree cut down to some units, for the rules whose
    /// reach is one unit.
    pub fn for_units<'a>(text: &'a str, tree: &'a Tree) -> Ctx<'a> {
        Ctx {
            partial: true,
            ..Ctx::new(text, tree)
        }
    }

    /// Start of the first and of the last numbered operative paragraph.
    pub(crate) fn numbered_operative_span(&self) -> Option<(usize, usize)> {
        debug_assert!(
            !self.partial,
            "a rule whose reach is one unit read the numbered operative span of the whole tree"
        );
        *self.memo.numbered_operatives.get_or_init(|| {
            let mut span: Option<(usize, usize)> = None;
            self.tree.walk(|n, _| {
                if n.kind == unlsp_syntax::tree::NodeKind::Operative && n.label_range.is_some() {
                    let s = n.range.start;
                    span = Some(span.map_or((s, s), |(a, b)| (a.min(s), b.max(s))));
                }
            });
            span
        })
    }
}

/// Collects one rule's diagnostics.
pub struct Sink {
    code: &'static str,
    severity: Severity,
    pub out: Vec<Diagnostic>,
}

impl Sink {
    pub fn new(code: &'static str, severity: Severity) -> Sink {
        Sink {
            code,
            severity,
            out: Vec::new(),
        }
    }
    pub fn emit(&mut self, range: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            code: self.code,
            severity: self.severity,
            message: message.into(),
            range,
            related: Vec::new(),
            fix: None,
        });
        self.out.last_mut().unwrap()
    }
}

impl Diagnostic {
    pub fn related(&mut self, range: Range<usize>, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            range,
            message: message.into(),
        });
        self
    }
    pub fn fix(&mut self, title: impl Into<String>, edits: Vec<Edit>, safe: bool) -> &mut Self {
        self.fix_shared(title, std::sync::Arc::new(edits), safe)
    }
    pub fn fix_shared(
        &mut self,
        title: impl Into<String>,
        edits: std::sync::Arc<Vec<Edit>>,
        safe: bool,
    ) -> &mut Self {
        self.fix = Some(Fix {
            title: title.into(),
            edits,
            safe,
        });
        self
    }
}

pub fn catalogue() -> &'static [&'static RuleDef] {
    rules::CATALOGUE
}

/// Whether `id` names a code of the registry: a rule of the catalogue or
/// a difference between language versions (`UNP01`…`UNP09`), so that
/// `unlsp.toml` and `--select` accept both.
pub fn is_code(id: &str) -> bool {
    rule(id).is_some() || parallel_code(id).is_some()
}

/// The difference between language versions that `id` names.
pub fn parallel_code(id: &str) -> Option<parallel::DiffKind> {
    parallel::DiffKind::ALL
        .into_iter()
        .find(|k| k.code().eq_ignore_ascii_case(id))
}

pub fn rule(id: &str) -> Option<&'static RuleDef> {
    catalogue()
        .iter()
        .copied()
        .find(|r| r.id.eq_ignore_ascii_case(id))
}

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
        assert!(first.memo.views.lock().is_empty());
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
        assert_eq!(cx.memo.views.lock().len(), 1);
        assert!(cx.memo.into_carriable().views.lock().is_empty());
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
