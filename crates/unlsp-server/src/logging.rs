//! Log lines through `tracing`, written to stderr (stdout carries the
//! protocol). `UNLSP_LOG` filters them with the `tracing` directive syntax
//! (`debug`, `unlsp_server=info,unlsp::timing=debug`); the default is
//! `warn`. `UNLSP_TIMING` set turns on the [`TIMING`] target: where each
//! analysis spends its time.

use tracing_subscriber::EnvFilter;

/// The target of the timing lines of an analysis.
pub(crate) const TIMING: &str = "unlsp::timing";

/// The filter from `UNLSP_LOG` (else `warn`), with the timing target on when
/// `UNLSP_TIMING` is set. A directive that does not parse is reported once
/// the subscriber is up, and the rest still apply.
fn filter(log: Option<&str>, timing: bool) -> (EnvFilter, Option<String>) {
    let spec = log.unwrap_or("warn");
    let (mut f, err) = match EnvFilter::builder().parse(spec) {
        Ok(f) => (f, None),
        Err(e) => (
            EnvFilter::builder().parse_lossy(spec),
            Some(format!("UNLSP_LOG={spec}: {e}")),
        ),
    };
    if timing && let Ok(d) = format!("{TIMING}=debug").parse() {
        f = f.add_directive(d);
    }
    (f, err)
}

/// Install the stderr subscriber (once; later calls do nothing).
pub(crate) fn init() {
    let log = std::env::var("UNLSP_LOG").ok();
    let timing = std::env::var_os("UNLSP_TIMING").is_some();
    let (filter, err) = filter(log.as_deref(), timing);
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init()
        .is_ok();
    if installed && let Some(e) = err {
        tracing::warn!("{e}");
    }
}

#[cfg(test)]
mod tests {
    use super::filter;
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    /// A writer that keeps what the subscriber writes.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn logged(log: Option<&str>, timing: bool, emit: impl FnOnce()) -> String {
        let out = Captured::default();
        let w = out.clone();
        let sub = tracing_subscriber::fmt()
            .with_env_filter(filter(log, timing).0)
            .with_writer(move || w.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(sub, emit);
        String::from_utf8(out.0.lock().unwrap().clone()).unwrap()
    }

    #[test]
    fn warnings_pass_the_default_filter_and_debug_lines_do_not() {
        let out = logged(None, false, || {
            tracing::warn!("a warning");
            tracing::debug!("a detail");
        });
        assert!(out.contains("WARN") && out.contains("a warning"), "{out}");
        assert!(!out.contains("a detail"), "{out}");
        let out = logged(Some("debug"), false, || tracing::debug!("a detail"));
        assert!(out.contains("a detail"), "{out}");
    }

    #[test]
    fn unlsp_timing_turns_on_the_timing_target() {
        let emit = || tracing::debug!(target: super::TIMING, "rules 3ms");
        assert!(!logged(None, false, emit).contains("rules 3ms"));
        assert!(logged(None, true, emit).contains("rules 3ms"));
    }

    #[test]
    fn a_bad_directive_is_reported_and_the_rest_apply() {
        let (_, err) = filter(Some("info,=[bad"), false);
        assert!(err.is_some());
        let out = logged(Some("info,=[bad"), false, || tracing::info!("kept"));
        assert!(out.contains("kept"), "{out}");
    }
}
