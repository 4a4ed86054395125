//! Reading WordprocessingML elements: the namespace, a child by local
//! name, an attribute in the `w:` namespace.

/// The WordprocessingML namespace.
pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Markup compatibility (`mc:AlternateContent`).
pub(crate) const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The first child element `w:{name}`.
pub(crate) fn child<'a, 'i>(
    n: roxmltree::Node<'a, 'i>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W, name)))
}

/// The attribute `w:{name}`.
pub(crate) fn attr<'a>(n: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

/// Whether `n` is the element `w:{name}`.
pub(crate) fn is(n: roxmltree::Node, name: &str) -> bool {
    n.has_tag_name((W, name))
}
