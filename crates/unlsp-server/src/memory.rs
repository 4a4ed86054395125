//! Memory given back when the server goes idle. glibc keeps freed memory in
//! per-thread arenas for reuse, so after parsing and linting a large document
//! a server that then waits for keystrokes would hold two or three times the
//! memory it uses. The server caps the arenas at start and trims the heap once
//! no analysis has run for a moment.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How long the server must have been quiet before it trims.
const IDLE: Duration = Duration::from_millis(400);

/// Two arenas (one for the async workers, one for the analysis threads), and
/// large buffers (a document's text, its block list) in their own mappings, so
/// that freeing them returns them at once instead of raising glibc's dynamic
/// threshold and leaving them to fragment the heap.
pub(crate) fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before the
    // runtime starts its threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}

/// Return free heap pages to the system.
pub(crate) fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory the allocator holds free.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Counts analyses; a trim runs only when none started during its wait.
#[derive(Default)]
pub(crate) struct IdleTrim {
    activity: AtomicU64,
}

impl IdleTrim {
    /// Note work just done, and once the server stays quiet, run `drop_caches`
    /// (what is cheap to compute again) and trim.
    pub(crate) fn after_work(self: &Arc<Self>, drop_caches: impl FnOnce() + Send + 'static) {
        let seen = self.activity.fetch_add(1, Ordering::SeqCst) + 1;
        let me = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(IDLE).await;
            if me.activity.load(Ordering::SeqCst) == seen {
                drop_caches();
                let _ = tokio::task::spawn_blocking(trim).await;
            }
        });
    }
}
