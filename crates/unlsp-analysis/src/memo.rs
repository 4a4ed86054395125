//! Whole-tree and per-node facts the rules of one analysis share.

use crate::pattern;
use std::ops::Range;

/// Whole-tree facts computed on first use, so that a rule asking about each
/// paragraph stays linear. After an edit, the per-node facts of the units
/// that did not change are carried over from the previous analysis
/// ([`Memo::carried`]).
#[derive(Default)]
pub(crate) struct Memo {
    pub(crate) numbered_operatives: std::sync::OnceLock<Option<(usize, usize)>>,
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
    pub(crate) patterns: Option<std::sync::Arc<pattern::Table>>,
}

type Fact = std::sync::Arc<dyn std::any::Any + Send + Sync>;
type NodeKey = (unlsp_syntax::tree::NodeKind, usize, usize);

/// One fact per node, keyed by (kind, range), shared by the rules of one
/// analysis across threads.
/// Entries one per-node table keeps at most.
const PER_NODE_MAX: usize = 1 << 17;

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
    /// other rules go on meanwhile). Past `PER_NODE_MAX` entries (a text of
    /// hundreds of thousands of paragraphs) facts are computed each time
    /// and not kept: the memory stays bounded.
    fn get(&self, n: &unlsp_syntax::tree::Node, make: impl FnOnce() -> T) -> T {
        let key = (n.kind, n.range.start, n.range.end);
        if let Some(v) = self.lock().get(&key) {
            return v.clone();
        }
        let v = make();
        let mut map = self.lock();
        if map.len() >= PER_NODE_MAX {
            return v;
        }
        map.entry(key).or_insert(v).clone()
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

    /// How many joined texts the memo holds.
    #[cfg(test)]
    pub(crate) fn joined_texts(&self) -> usize {
        self.views.lock().len()
    }

    /// An empty memo with this one's pattern caches.
    pub(crate) fn sharing_patterns(&self) -> Memo {
        Memo {
            patterns: self.patterns.clone(),
            ..Memo::default()
        }
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
