//! Rules over the tree.
