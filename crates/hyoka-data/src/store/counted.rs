//! For tests: how often texts holding a mark a test chose were loaded as documents or read for
//! their layout, on whatever thread. A save must read the file on disk and what it writes once
//! each, and the same text never twice.

use std::sync::Mutex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Read {
    Document,
    Layout,
}

static MARKS: Mutex<Vec<(&'static str, Read, usize)>> = Mutex::new(Vec::new());

/// From now on, the texts that hold `mark` are counted.
pub(crate) fn watch(mark: &'static str) {
    let mut marks = MARKS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    marks.extend([(mark, Read::Document, 0), (mark, Read::Layout, 0)]);
}

pub(crate) fn times(read: Read, mark: &str) -> usize {
    let marks = MARKS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    marks.iter().filter(|(m, r, _)| *m == mark && *r == read).map(|(_, _, n)| n).sum()
}

pub(crate) fn read(read: Read, text: &str) {
    let mut marks = MARKS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for (_, _, count) in marks.iter_mut().filter(|(mark, r, _)| *r == read && text.contains(mark)) {
        *count += 1;
    }
}
