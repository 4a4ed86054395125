//! The two versions read and their comparison, which every format renders.

use unlsp_analysis::align::Work;
use unlsp_analysis::diff::{self, Comparison};
use unlsp_syntax::Document;

/// One version as read: its name, text and tree.
pub(crate) struct Version {
    pub(crate) name: String,
    pub(crate) doc: Document,
}

/// The two versions and their comparison.
pub(crate) struct Report {
    pub(crate) old: Version,
    pub(crate) new: Version,
    pub(crate) cmp: Comparison,
}

pub(crate) fn compare(old: Version, new: Version) -> Report {
    let cmp = diff::compare(
        (old.doc.text(), old.doc.tree()),
        (new.doc.text(), new.doc.tree()),
        &mut Work::new(),
    );
    Report { old, new, cmp }
}
