//! One analysis: which rules apply, the contexts they read (the whole tree,
//! or only the units that changed since the last analysis), running them
//! within the time budget, and merging, cleaning and filtering what they
//! report.

use crate::incremental::{self, Plan};
use crate::{
    Config, Ctx, Diagnostic, LintCache, Memo, RuleDef, Severity, Sink, catalogue, pattern,
};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use unlsp_syntax::tree::Tree;

/// Below this size the rules run on the calling thread: spawning costs more
/// than it saves.
pub(crate) const PARALLEL_FROM: usize = 128 * 1024;

/// Run the rules that apply to `tree`; with `cache`, only the unit rules of
/// the units that changed since the analysis that left the previous cache,
/// and return what the next analysis reuses (nothing when the rules were cut
/// short).
pub(crate) fn lint(
    text: &str,
    tree: &Tree,
    cfg: &Config,
    cache: Option<(&ropey::Rope, Option<&LintCache>)>,
) -> (Vec<Diagnostic>, Option<LintCache>) {
    let started = Instant::now();
    let cache = cache.filter(|_| incremental::unit_count(tree) <= incremental::MAX_UNITS);
    let todo = applicable(tree, cfg);
    let units = match cache {
        Some(_) => incremental::unit_sigs(tree),
        None => Vec::new(),
    };
    let prev = cache.and_then(|(_, prev)| prev);
    let mut plan = prev.and_then(|prev| incremental::plan(prev, text, tree, &todo, &units));
    let mut cx = Ctx::with_memo(
        text,
        tree,
        carried_memo(prev, plan.as_ref(), cache.is_some()),
    );
    cx.markup = cfg.markup.as_deref();
    // the unit rules see only the units that changed
    let small = plan.as_ref().map(|p| incremental::cut(tree, &p.dirty));
    let small_cx = small
        .as_ref()
        .map(|t| Ctx::for_units_with(text, t, cx.memo.sharing_patterns()));
    let ctx_of = |r: &RuleDef| match &small_cx {
        Some(s) if r.reach.is_unit(tree.lang) => s,
        _ => &cx,
    };
    let threads = if text.len() >= PARALLEL_FROM {
        cfg.threads.clamp(1, 8)
    } else {
        1
    };
    let (results, cut) = run_rules(&todo, cfg, threads, started, ctx_of);
    let merged = merge(&cx, tree, &todo, results, plan.as_mut(), cache.is_some());
    let mut all = merged.all;
    let next = match cache {
        Some((rope, _)) if cut.is_none() => Some(LintCache::new(
            rope.clone(),
            tree,
            todo.clone(),
            units,
            merged.local,
            plan.as_ref().map(|p| p.dirty.len()),
            cx.memo,
        )),
        _ => None,
    };
    if let Some(k) = cut
        && let Some(budget) = cfg.time_budget
    {
        all.push(budget_notice(budget, catalogue()[todo[k].0]));
    }
    (finish(all, text, tree, cfg), next)
}

/// The rules that apply to `tree`, by index in the catalogue, with their
/// severity here.
pub(crate) fn applicable(tree: &Tree, cfg: &Config) -> Vec<(usize, Severity)> {
    catalogue()
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let mut sev = cfg.severity_of(r)?;
            if !r.scopes.contains(&tree.kind)
                || !(r.langs.is_empty() || r.langs.contains(&tree.lang))
            {
                return None;
            }
            if r.extraction_tolerant && tree.extracted && !cfg.is_overridden(r.id) {
                sev = sev.step_down();
            }
            Some((i, sev))
        })
        .collect()
}

/// The memo the analysis starts from: what the document rules found in the
/// units that did not change. An analysis that leaves a cache keeps its
/// patterns' caches in it, so that they go when the cache is shed.
fn carried_memo(prev: Option<&LintCache>, plan: Option<&Plan>, caching: bool) -> Memo {
    let mut memo = match (prev, plan) {
        (Some(prev), Some(p)) => prev.memo.carried(&|s, e| p.moved(s, e)),
        _ => Memo::default(),
    };
    if caching && memo.patterns.is_none() {
        memo.patterns = Some(pattern::Table::new());
    }
    memo
}

/// Each rule of `todo` run on the context `ctx_of` gives it, on up to
/// `threads` threads: the diagnostics of each, by position in `todo`, and the
/// position of the first rule that found the time budget spent. That rule
/// does not run, nor does any rule after it (their results are left out).
/// On several threads a rule that panics is lost, never the whole analysis.
fn run_rules<'c, 'a: 'c>(
    todo: &[(usize, Severity)],
    cfg: &Config,
    threads: usize,
    started: Instant,
    ctx_of: impl Fn(&RuleDef) -> &'c Ctx<'a> + Sync,
) -> (Vec<(usize, Vec<Diagnostic>)>, Option<usize>) {
    let over = AtomicUsize::new(usize::MAX);
    let run = |k: usize| {
        if let Some(budget) = cfg.time_budget
            && k > 0
            && started.elapsed() > budget
        {
            over.fetch_min(k, Ordering::Relaxed);
            return None;
        }
        let (i, sev) = todo[k];
        let r = catalogue()[i];
        let mut sink = Sink::new(r.id, sev);
        (r.check)(ctx_of(r), &mut sink);
        Some(sink.out)
    };
    let results: Vec<Option<Vec<Diagnostic>>> = if threads > 1 {
        use rayon::prelude::*;
        let caught = |k: usize| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(k)))
                .unwrap_or(Some(Vec::new()))
        };
        pool(threads).install(|| (0..todo.len()).into_par_iter().map(caught).collect())
    } else {
        (0..todo.len()).map(run).collect()
    };
    let cut = over.load(Ordering::Relaxed);
    let results = results
        .into_iter()
        .enumerate()
        .take(cut)
        .map(|(k, out)| (k, out.unwrap_or_default()))
        .collect();
    (results, (cut != usize::MAX).then_some(cut))
}

/// The pool of `threads` threads (2 to 8) the rules of large documents share,
/// made the first time that many are asked for.
fn pool(threads: usize) -> &'static rayon::ThreadPool {
    static POOLS: [std::sync::OnceLock<rayon::ThreadPool>; 8] =
        [const { std::sync::OnceLock::new() }; 8];
    POOLS[threads.clamp(1, 8) - 1].get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("unlsp-rules-{i}"))
            .build()
            .expect("a thread pool for the rules")
    })
}

/// What the rules reported, merged in catalogue order.
struct Merged {
    all: Vec<Diagnostic>,
    /// Per rule of `todo` that ran: the unit rule's diagnostics, `None` for a
    /// document rule (what a cache keeps); empty when nothing is cached.
    local: Vec<Option<Vec<Diagnostic>>>,
}

/// The diagnostics of each rule that ran, a unit rule's completed by what it
/// found before in the units that did not change (`plan`).
fn merge(
    cx: &Ctx,
    tree: &Tree,
    todo: &[(usize, Severity)],
    results: Vec<(usize, Vec<Diagnostic>)>,
    mut plan: Option<&mut Plan>,
    caching: bool,
) -> Merged {
    let mut kept = plan.as_mut().map(|p| std::mem::take(&mut p.kept));
    let mut local: Vec<Option<Vec<Diagnostic>>> = Vec::with_capacity(todo.len());
    let mut all = Vec::new();
    for (k, mut out) in results {
        let r = catalogue()[todo[k].0];
        if r.reach.is_unit(tree.lang) {
            let old = kept.as_mut().and_then(|v| v[k].take());
            // A unit rule reports only inside the units it was given; one that
            // does not reads more than its reach says: its whole-tree result
            // is used (and debug builds say so).
            if let Some(p) = &plan
                && let Some(d) = out.iter().find(|d| !p.checks(d.range.start))
            {
                debug_assert!(false, "{} reported outside its units: {d:?}", r.id);
                let mut sink = Sink::new(r.id, todo[k].1);
                (r.check)(cx, &mut sink);
                out = sink.out;
            } else if let Some(old) = old {
                out.extend(old);
            }
            if caching {
                local.push(Some(out.clone()));
            }
        } else if caching {
            local.push(None);
        }
        all.extend(out);
    }
    Merged { all, local }
}

/// The notice that the time budget stopped the rules at `first`.
fn budget_notice(budget: std::time::Duration, first: &RuleDef) -> Diagnostic {
    Diagnostic {
        code: "time-budget",
        severity: Severity::Information,
        message: format!(
            "The drafting rules stopped after {} ms, the time allowed for one analysis: {} and the rules after it did not run.",
            budget.as_millis(),
            first.id
        ),
        range: 0..0,
        related: Vec::new(),
        fix: None,
    }
}

/// The diagnostics as front ends get them: ranges on character boundaries
/// inside the text, silenced ones (configuration, inline directives) left
/// out, in text order.
fn finish(mut all: Vec<Diagnostic>, text: &str, tree: &Tree, cfg: &Config) -> Vec<Diagnostic> {
    for d in all.iter_mut() {
        let s = unlsp_syntax::text::clamp_to_char(text, d.range.start);
        let e = unlsp_syntax::text::clamp_to_char(text, d.range.end.max(s));
        d.range = s..e;
        for r in d.related.iter_mut() {
            let s = unlsp_syntax::text::clamp_to_char(text, r.range.start);
            r.range = s..unlsp_syntax::text::clamp_to_char(text, r.range.end.max(s));
        }
    }
    all.retain(|d| !cfg.is_suppressed(d, tree, text));
    let directives = inline_directives(text, tree);
    if !directives.is_empty() {
        all.retain(|d| {
            !directives.iter().any(|(id, scope)| {
                id.eq_ignore_ascii_case(d.code)
                    && scope
                        .as_ref()
                        .is_none_or(|r| r.start <= d.range.start && d.range.start < r.end)
            })
        });
    }
    all.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(a.code.cmp(b.code)));
    all
}

/// Markdown drafts silence rules inline: `<!-- unlsp-disable UN010 -->` for the
/// whole file, `<!-- unlsp-disable-next UN010 UN006 -->` for the paragraph that
/// follows. Returns (rule id, range silenced or `None` for the file).
fn inline_directives(text: &str, tree: &Tree) -> Vec<(String, Option<Range<usize>>)> {
    use std::sync::LazyLock;
    static DIRECTIVE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"<!--\s*unlsp-disable(-next)?((?:\s+[A-Za-z]{2}\d{3})+)\s*-->").unwrap()
    });
    if !text.contains("unlsp-disable") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in DIRECTIVE.captures_iter(text) {
        let end = c.get(0).unwrap().end();
        let scope = if c.get(1).is_some() {
            // the first paragraph-like node that starts after the directive
            let mut next: Option<Range<usize>> = None;
            tree.walk(|n, _| {
                if next.is_none() && n.kind.is_text_unit() && n.range.start >= end {
                    next = Some(n.range.clone());
                }
            });
            match next {
                Some(r) => Some(r),
                None => continue,
            }
        } else {
            None
        };
        for id in c[2].split_whitespace() {
            out.push((id.to_ascii_uppercase(), scope.clone()));
        }
    }
    out
}
