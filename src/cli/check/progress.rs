//! The progress line of a long `check`.

/// A progress line on standard error, only when it is a terminal, outside CI,
/// and for more than a handful of files; not when the report itself goes to
/// the terminal (it comes file by file: it is the progress).
pub(super) struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    pub(super) fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        let on = total > 20
            && std::io::stderr().is_terminal()
            && !std::io::stdout().is_terminal()
            && std::env::var_os("CI").is_none();
        Progress { total, on }
    }
    pub(super) fn tick(&self, done: usize) {
        if self.on && (done.is_multiple_of(10) || done == self.total) {
            let width = 30;
            let filled = done * width / self.total.max(1);
            eprint!(
                "\r[{}{}] {done}/{} files",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }
    pub(super) fn finish(&self) {
        if self.on {
            eprint!("\r{}\r", " ".repeat(50));
        }
    }
}
