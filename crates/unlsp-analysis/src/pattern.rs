//! The rules' regular expressions, with caches that can be let go.
//!
//! The `regex` crate keeps, inside each `Regex`, the scratch memory of its
//! searches (lazy-DFA states above all) for as long as the `Regex` lives: for
//! a pattern in a `static`, the life of the process, however long the editor
//! stays idle. A [`Pattern`] is compiled once, like a `static Regex`, but an
//! analysis that carries facts from one edit to the next (the server's) reads
//! it through [`super::Ctx::re`]: a clone of the compiled pattern (it shares
//! the program, not the caches) kept in the analysis's [`super::Memo`] and
//! handed on with it. When the server drops the memo at idle
//! ([`super::LintCache::shed_memo`]), those caches go with it; the next
//! analysis starts new ones. One-off analyses (the CLI) read the shared
//! pattern directly.

use regex::Regex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// How many patterns a [`Table`] holds; a pattern numbered beyond this is
/// read shared (no per-analysis caches), which only costs memory.
const SLOTS: usize = 64;

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A regular expression compiled on first use.
pub(crate) struct Pattern {
    build: fn() -> Regex,
    shared: OnceLock<Regex>,
    id: OnceLock<usize>,
}

impl Pattern {
    pub(crate) const fn new(build: fn() -> Regex) -> Pattern {
        Pattern {
            build,
            shared: OnceLock::new(),
            id: OnceLock::new(),
        }
    }

    /// The compiled pattern shared by the whole process (its caches stay).
    pub(crate) fn shared(&self) -> &Regex {
        self.shared.get_or_init(self.build)
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

/// Clones of the patterns for a run of analyses, each made on first use.
pub(crate) struct Table {
    slots: [OnceLock<Regex>; SLOTS],
}

impl Table {
    pub(crate) fn new() -> Arc<Table> {
        Arc::new(Table {
            slots: std::array::from_fn(|_| OnceLock::new()),
        })
    }

    pub(crate) fn get<'s>(&'s self, p: &'s Pattern) -> &'s Regex {
        match self.slots.get(p.id()) {
            Some(slot) => slot.get_or_init(|| p.shared().clone()),
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
        // the same clone on every read of one table, another in a new table
        assert!(std::ptr::eq(t.get(&WORD), t.get(&WORD)));
        assert!(!std::ptr::eq(t.get(&WORD), Table::new().get(&WORD)));
    }
}
