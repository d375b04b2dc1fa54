//! Which rows of the tree are shown: each file's rows as the folds and the filter leave them,
//! kept in [`TreeRows`] and rebuilt only for the files a change touched.

use super::app::App;
use super::files::FileState;
use super::refs::{Node, SectionRef};
use super::rows::TreeRows;

impl App {
    /// The tree rows that are not hidden inside a collapsed node, nor by the filter (which
    /// leaves only its sections, with their divisions and files).
    pub fn visible_nodes(&self) -> Vec<Node> {
        self.rows.iter().collect()
    }

    /// The same rows, found by number: what the tree draws and the keys move through.
    pub fn tree_rows(&self) -> &TreeRows {
        &self.rows
    }

    /// Folds or unfolds a file or division; whether that changed anything.
    pub(in crate::app) fn fold(&mut self, node: Node, folded: bool) -> bool {
        let changed = if folded { self.collapsed.insert(node) } else { self.collapsed.remove(&node) };
        if changed {
            self.rows_stale.insert(node.file());
        }
        changed
    }

    /// The file's documents or state changed shape (sections came or went, it was read).
    pub(in crate::app) fn rows_changed(&mut self, file: usize) {
        self.rows_stale.insert(file);
    }

    /// What the filter lets through changed: every file's rows are looked at again.
    pub(in crate::app) fn all_rows_changed(&mut self) {
        self.rows_all_stale = true;
    }

    /// Brings the rows up to date with what changed since they were last read.
    pub(in crate::app) fn sync_rows(&mut self) {
        self.rows.resize(self.files.len());
        if std::mem::take(&mut self.rows_all_stale) {
            self.rows_stale.clear();
            for file in 0..self.files.len() {
                let rows = self.file_rows(file);
                self.rows.set(file, rows);
            }
        }
        for file in std::mem::take(&mut self.rows_stale) {
            let rows = self.file_rows(file);
            self.rows.set(file, rows);
        }
    }

    /// Whether what is kept up to date as things change is what a look at everything gives (for
    /// the debug builds' check after every action): the rows, the files that can hold unsaved
    /// work (return comments not sent included), and (unless it is to be made again) what the disk lane is told.
    pub(in crate::app) fn kept_is_true(&self) -> bool {
        let counted: Vec<Node> = (0..self.files.len()).flat_map(|file| self.file_rows(file)).collect();
        let rows = self.rows_stale.is_empty() && !self.rows_all_stale && self.rows.iter().eq(counted);
        let changed =
            self.files.iter().enumerate().filter(|(_, f)| f.loaded_state().is_some_and(|l| l.changed_since_read()));
        let drafted = self.files.iter().enumerate().filter(|(_, f)| !f.drafts.is_empty());
        let touched = changed.chain(drafted).all(|(file, _)| self.touched.contains(&file));
        let looked = self.files.iter().filter(|f| f.loaded_state().is_some() && !f.saving);
        let disk = self.disk_news
            || looked
                .map(|f| (&f.path, f.disk_stamp, f.gone, !f.merge.is_empty()))
                .eq(self.disk_checks.iter().map(|c| (&c.path, c.stamp, c.gone, c.merge_known)));
        rows && touched && disk
    }

    /// One file's rows: the file, then (unless it is folded) each division the filter leaves
    /// and (unless that is folded) its sections.
    fn file_rows(&self, file: usize) -> Vec<Node> {
        let Some(entry) = self.files.get(file) else { return Vec::new() };
        let shown = self.review.shown.as_ref().map(|s| s.get(file));
        if shown.is_some_and(|f| !f.is_some_and(|f| f.iter().flatten().any(|s| *s))) {
            return Vec::new();
        }
        let mut out = vec![Node::File(file)];
        let FileState::Loaded(loaded) = &entry.state else { return out };
        if self.collapsed.contains(&Node::File(file)) {
            return out;
        }
        for (division, d) in loaded.doc().divisions.iter().enumerate() {
            let shown = shown.map(|f| f.and_then(|f| f.get(division)));
            if shown.is_some_and(|d| !d.is_some_and(|d| d.iter().any(|s| *s))) {
                continue;
            }
            out.push(Node::Division(file, division));
            if self.collapsed.contains(&Node::Division(file, division)) {
                continue;
            }
            for section in 0..d.sections.len() {
                if shown.is_some_and(|d| !d.and_then(|d| d.get(section)).is_some_and(|s| *s)) {
                    continue;
                }
                out.push(Node::Section(SectionRef { file, division, section }));
            }
        }
        out
    }
}
