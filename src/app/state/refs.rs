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

impl Focus {
    /// Where Tab goes from here (Shift-Tab with `back`): the tree, then the four panes in order.
    pub fn beside(self, back: bool) -> Focus {
        let pane = match self {
            Focus::Tree => None,
            Focus::Pane(field) => Some(field.pane()),
        };
        match (pane, back) {
            (None, false) | (Some(Field::Progress), true) => Focus::Pane(Field::Goals),
            (Some(Field::Goals), false) | (Some(Field::Rating), true) => Focus::Pane(Field::Progress),
            (Some(Field::Progress), false) | (Some(Field::Reflection), true) => Focus::Pane(Field::Rating),
            (Some(Field::Rating), false) | (None, true) => Focus::Pane(Field::Reflection),
            _ => Focus::Tree,
        }
    }
}
