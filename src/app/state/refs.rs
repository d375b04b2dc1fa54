//! Where things are: a section by position, a row of the tree, the place that has the keys.

use hyoka_core::model::Field;

/// Which section: file, division and section by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionRef {
    pub file: usize,
    pub division: usize,
    pub section: usize,
}

/// A row of the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    File(usize),
    Division(usize, usize),
    Section(SectionRef),
}

impl Node {
    pub fn file(self) -> usize {
        match self {
            Node::File(f) | Node::Division(f, _) => f,
            Node::Section(at) => at.file,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Pane(Field),
}
