//! The rules' regular expressions, with caches that can be let go.
//!
//! A [`Pattern`] is the parser's [`Releasable`]: compiled once, its scratch
//! memory (lazy-DFA states above all) let go by
//! [`unlsp_syntax::patterns::release_caches`] when the editor is idle. An
//! analysis that carries facts from one edit to the next (the server's) reads
//! it through [`super::Ctx::re`]: the pattern's current copy, taken once and
//! kept in the analysis's [`super::Memo`] (a [`Table`]) and handed on with it,
//! so that a search costs no lock. When the server drops the memo at idle
//! ([`super::LintCache::shed_memo`]) and lets the caches go, that copy goes
//! with them; the next analysis takes the new one. One-off analyses (the CLI)
//! read a copy of their own that lives as long as the process.

use regex::Regex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use unlsp_syntax::patterns::Releasable;

/// How many patterns a [`Table`] holds; a pattern numbered beyond this is
/// read shared (no per-analysis caches), which only costs memory.
const SLOTS: usize = 64;

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A regular expression compiled on first use.
pub(crate) struct Pattern {
    releasable: Releasable<Regex>,
    shared: OnceLock<Arc<Regex>>,
    id: OnceLock<usize>,
}

impl Pattern {
    pub(crate) const fn new(build: fn() -> Regex) -> Pattern {
        Pattern {
            releasable: Releasable::new(build),
            shared: OnceLock::new(),
            id: OnceLock::new(),
        }
    }

    /// A copy of the pattern for the whole process (its caches stay).
    pub(crate) fn shared(&self) -> &Regex {
        self.shared
            .get_or_init(|| Arc::new((*self.releasable.get()).clone()))
    }

    fn id(&self) -> usize {
        *self
            .id
            .get_or_init(|| NEXT_ID.fetch_add(1, Ordering::Relaxed))
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.shared()
    }
}

/// The patterns' current copies for a run of analyses, each taken on first
/// use.
pub(crate) struct Table {
    slots: [OnceLock<Arc<Regex>>; SLOTS],
}

impl Table {
    pub(crate) fn new() -> Arc<Table> {
        Arc::new(Table {
            slots: std::array::from_fn(|_| OnceLock::new()),
        })
    }

    pub(crate) fn get<'s>(&'s self, p: &'s Pattern) -> &'s Regex {
        match self.slots.get(p.id()) {
            Some(slot) => slot.get_or_init(|| p.releasable.get()),
            None => p.shared(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static WORD: Pattern = Pattern::new(|| Regex::new(r"\bpara(graph)?s?\b").unwrap());

    #[test]
    fn a_table_reads_the_same_pattern_as_the_shared_one() {
        let text = "Recalling paragraph 5 of resolution 61/100 and paras 2 and 3,";
        let t = Table::new();
        let mine: Vec<_> = t.get(&WORD).find_iter(text).map(|m| m.range()).collect();
        let shared: Vec<_> = WORD.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(mine, shared);
        assert_eq!(mine, vec![10..19, 47..52]);
        // the same copy on every read of one table and of the next one; once
        // the caches are let go, a new table takes a new copy, the old one
        // keeps its own
        assert!(std::ptr::eq(t.get(&WORD), t.get(&WORD)));
        assert!(std::ptr::eq(t.get(&WORD), Table::new().get(&WORD)));
        unlsp_syntax::patterns::release_caches();
        let fresh = Table::new();
        assert!(!std::ptr::eq(t.get(&WORD), fresh.get(&WORD)));
        let again: Vec<_> = fresh
            .get(&WORD)
            .find_iter(text)
            .map(|m| m.range())
            .collect();
        assert_eq!(again, mine);
    }
}
