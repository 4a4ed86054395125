//! The language server. Only this module knows LSP types.

/// Run the server on stdin/stdout until the client exits; returns the exit code.
pub fn run_stdio() -> i32 {
    eprintln!("unlsp serve: the language server is not built yet");
    2
}
