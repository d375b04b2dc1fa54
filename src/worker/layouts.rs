//! The layout of the text the last save wrote, for the next save of that file: read on the
//! save's thread after the save was reported (while the clerk reads 保存しました), so that the
//! next Ctrl-S in a city's file does not read it again (see `store::KnownLayout`).

use std::path::{Path, PathBuf};

use hyoka_data::store::KnownLayout;

#[derive(Debug, Default)]
pub struct Layouts {
    known: Option<(PathBuf, KnownLayout)>,
    /// The text a save just wrote, whose layout is to be read once the save is reported.
    due: Option<(PathBuf, String)>,
    /// How many saves were handed a layout.
    given: usize,
}

impl Layouts {
    /// The layout known for `path`, if any: the save takes it (and the next is read after it).
    pub fn take_for(&mut self, path: &Path) -> Option<KnownLayout> {
        match self.known.take() {
            Some((known, layout)) if known == path => {
                self.given += 1;
                Some(layout)
            }
            other => {
                self.known = other;
                None
            }
        }
    }

    /// A save wrote `text` to `path`.
    pub fn written(&mut self, path: &Path, text: String) {
        self.due = Some((path.to_path_buf(), text));
    }

    /// Whether a text written waits for its layout to be read.
    pub fn is_due(&self) -> bool {
        self.due.is_some()
    }

    /// The text last written that waits for its layout to be read.
    pub fn take_due(&mut self) -> Option<(PathBuf, String)> {
        self.due.take()
    }

    /// The layout of what was written to `path` is known (`None`: it could not be read).
    pub fn learnt(&mut self, path: PathBuf, layout: Option<KnownLayout>) {
        self.known = layout.map(|layout| (path, layout));
    }

    /// How many saves were handed a layout so far.
    pub fn given(&self) -> usize {
        self.given
    }

    /// Whether the layout known for `path` is that of `text`.
    pub fn knows(&self, path: &Path, text: &str) -> bool {
        self.known.as_ref().is_some_and(|(known, layout)| known == path && layout.is_of(text))
    }
}
