//! A rule's definition, and the context its check reads.

use crate::diagnostic::{Severity, Sink};
use crate::memo::Memo;
use crate::pattern;
use unlsp_syntax::lang::Lang;
use unlsp_syntax::tree::{DocKind, Tree};

/// Where a rule applies.
const ALL_KINDS: &[DocKind] = &[
    DocKind::Resolution,
    DocKind::Draft,
    DocKind::Decision,
    DocKind::Other,
];
pub(crate) const RES_DRAFT: &[DocKind] = &[DocKind::Resolution, DocKind::Draft];
pub(crate) const RES_ONLY: &[DocKind] = &[DocKind::Resolution];

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

impl RuleDef {
    /// What most rules are: a warning, on by default, for every document
    /// kind and language, not stepped down on extracted text, reading one
    /// unit. A rule's definition names what it has of its own and ends with
    /// `..RuleDef::DEFAULT`; the registry's tests check that every rule
    /// names its id, name, texts and check.
    pub(crate) const DEFAULT: RuleDef = RuleDef {
        id: "",
        name: "",
        severity: Severity::Warning,
        default_on: true,
        scopes: ALL_KINDS,
        langs: &[],
        extraction_tolerant: false,
        reach: Reach::Unit,
        summary: "",
        explanation: "",
        bad: "",
        good: "",
        check: |_, _| {},
    };
}

/// What a check sees.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub tree: &'a Tree,
    pub lang: Lang,
    /// The structure the source's markup gives the text, when it was read
    /// out of marked-up XML.
    pub(crate) markup: Option<&'a crate::SourceMarkup>,
    /// Facts several rules derive from the whole tree, computed once.
    pub(crate) memo: Memo,
    /// The tree is cut down to some units (incremental linting): whole-tree
    /// facts would be wrong here, and asking for one is a bug in the rule's
    /// `reach`, caught in debug builds.
    partial: bool,
}

/// What a rule reads to decide about one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The unit itself (its subtree and the facts inside it), the kinds and
    /// labels of its containers and the document's properties (language,
    /// kind, heading facts): the rule can run on a tree cut down to the units
    /// that changed.
    Unit,
    /// Other paragraphs too (numbering, order, duplicates, the last
    /// paragraph): it runs on the whole tree after every edit.
    Document,
    /// The whole document in these languages, one unit in the others.
    DocumentIn(&'static [unlsp_syntax::lang::Lang]),
}

impl Reach {
    /// The rule can run on the changed units of a document in `lang`.
    pub fn is_unit(self, lang: unlsp_syntax::lang::Lang) -> bool {
        match self {
            Reach::Unit => true,
            Reach::Document => false,
            Reach::DocumentIn(langs) => !langs.contains(&lang),
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
            markup: None,
            memo,
            partial: false,
        }
    }

    /// A context over a tree cut down to some units, for the rules whose
    /// reach is one unit.
    pub fn for_units<'a>(text: &'a str, tree: &'a Tree) -> Ctx<'a> {
        Ctx::for_units_with(text, tree, Memo::default())
    }

    /// [`Ctx::for_units`] starting from `memo`.
    pub(crate) fn for_units_with<'a>(text: &'a str, tree: &'a Tree, memo: Memo) -> Ctx<'a> {
        Ctx {
            partial: true,
            ..Ctx::with_memo(text, tree, memo)
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
