//! The tree's rows as the screen shows them, kept file by file: a fold, a filter, a file read or
//! added rebuilds the rows of the files it touched, and a key or a frame finds a row by its
//! number (or the number of a row) in a time that does not grow with the city.

use super::refs::Node;

/// Every visible row of the tree, per file, with the running counts that find a row's file.
#[derive(Clone, Debug, Default)]
pub struct TreeRows {
    /// Each file's rows in tree order (none while the filter hides the whole file).
    files: Vec<Vec<Node>>,
    /// A Fenwick tree over the files' row counts (1-based): the rows before a file in log time.
    sums: Vec<usize>,
    total: usize,
}

impl TreeRows {
    /// How many rows the tree has.
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The row at `index`, from the top.
    pub fn get(&self, index: usize) -> Option<Node> {
        let (file, before) = self.file_at(index)?;
        self.files.get(file)?.get(index - before).copied()
    }

    /// Where `node` stands among the rows, if it is shown.
    pub fn index_of(&self, node: Node) -> Option<usize> {
        let file = node.file();
        let rows = self.files.get(file)?;
        let at = rows.binary_search_by_key(&order(node), |n| order(*n)).ok()?;
        Some(self.before(file) + at)
    }

    pub fn contains(&self, node: Node) -> bool {
        self.index_of(node).is_some()
    }

    /// Up to `count` rows from `start`: what a screen of the tree shows.
    pub fn window(&self, start: usize, count: usize) -> impl Iterator<Item = Node> + '_ {
        let first = self.file_at(start);
        let (file, skip) = first.map_or((self.files.len(), 0), |(file, before)| (file, start - before));
        self.files.iter().skip(file).flatten().skip(skip).take(count).copied()
    }

    /// Every row, top to bottom.
    pub fn iter(&self) -> impl Iterator<Item = Node> + '_ {
        self.files.iter().flatten().copied()
    }

    /// The rows of one file as they are now.
    pub fn of_file(&self, file: usize) -> &[Node] {
        self.files.get(file).map_or(&[], Vec::as_slice)
    }

    /// As many files as the state has (new ones with no rows yet).
    pub(in crate::app) fn resize(&mut self, files: usize) {
        if files != self.files.len() {
            self.files.resize_with(files, Vec::new);
            self.rebuild_sums();
        }
    }

    /// Gives one file its rows.
    pub(in crate::app) fn set(&mut self, file: usize, rows: Vec<Node>) {
        let Some(slot) = self.files.get_mut(file) else { return };
        let (old, new) = (slot.len(), rows.len());
        *slot = rows;
        self.total = self.total + new - old;
        let mut i = file + 1;
        while let Some(sum) = self.sums.get_mut(i) {
            *sum = *sum + new - old;
            i += i & i.wrapping_neg();
        }
    }

    fn rebuild_sums(&mut self) {
        self.sums = vec![0; self.files.len() + 1];
        for (file, rows) in self.files.iter().enumerate() {
            let mut i = file + 1;
            while let Some(sum) = self.sums.get_mut(i) {
                *sum += rows.len();
                i += i & i.wrapping_neg();
            }
        }
        self.total = self.files.iter().map(Vec::len).sum();
    }

    /// The rows of the files before `file`.
    fn before(&self, file: usize) -> usize {
        let mut sum = 0;
        let mut i = file;
        while i > 0 {
            sum += self.sums.get(i).copied().unwrap_or(0);
            i &= i - 1;
        }
        sum
    }

    /// The file that holds row `index`, and the rows before that file.
    fn file_at(&self, index: usize) -> Option<(usize, usize)> {
        if index >= self.total {
            return None;
        }
        // Down the Fenwick tree: the longest run of files whose rows end at or before `index`.
        let (mut file, mut before) = (0, 0);
        let mut step = (self.sums.len().max(2) - 1).next_power_of_two();
        while step > 0 {
            if let Some(sum) = self.sums.get(file + step)
                && before + sum <= index
            {
                file += step;
                before += sum;
            }
            step /= 2;
        }
        Some((file, before))
    }
}

/// A row's place within its file: the file first, then each division followed by its sections.
fn order(node: Node) -> (usize, usize) {
    match node {
        Node::File(_) => (0, 0),
        Node::Division(_, division) => (division + 1, 0),
        Node::Section(at) => (at.division + 1, at.section + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::SectionRef;

    fn file(f: usize, sections: usize) -> Vec<Node> {
        let mut rows = vec![Node::File(f), Node::Division(f, 0)];
        rows.extend((0..sections).map(|s| Node::Section(SectionRef { file: f, division: 0, section: s })));
        rows
    }

    #[test]
    fn rows_are_found_by_number_and_numbers_by_row_after_any_change() {
        let mut rows = TreeRows::default();
        rows.resize(5);
        for f in 0..5 {
            rows.set(f, file(f, f));
        }
        let all: Vec<Node> = (0..5).flat_map(|f| file(f, f)).collect();
        let check = |rows: &TreeRows, all: &[Node]| {
            assert_eq!(rows.len(), all.len());
            assert_eq!(rows.iter().collect::<Vec<_>>(), all);
            for (i, node) in all.iter().enumerate() {
                assert_eq!(rows.get(i), Some(*node), "row {i}");
                assert_eq!(rows.index_of(*node), Some(i), "{node:?}");
                assert_eq!(rows.window(i, 3).collect::<Vec<_>>(), all[i..(i + 3).min(all.len())]);
            }
            assert_eq!(rows.get(all.len()), None);
            assert_eq!(rows.window(all.len(), 3).count(), 0);
        };
        check(&rows, &all);
        // A file folded, one hidden, one grown.
        rows.set(2, vec![Node::File(2)]);
        rows.set(3, Vec::new());
        rows.set(0, file(0, 4));
        let all: Vec<Node> =
            [file(0, 4), file(1, 1), vec![Node::File(2)], Vec::new(), file(4, 4)].into_iter().flatten().collect();
        check(&rows, &all);
        assert!(!rows.contains(Node::File(3)));
        assert_eq!(rows.index_of(Node::Section(SectionRef { file: 2, division: 0, section: 0 })), None);
        // A file added at the end.
        rows.resize(6);
        rows.set(5, file(5, 2));
        let all: Vec<Node> = all.into_iter().chain(file(5, 2)).collect();
        check(&rows, &all);
    }
}
