//! A save that changes only what changed: the new document spliced into the text on disk.
//!
//! Each mapping of the file is compared entry by entry (`emit.rs` renders both versions of the
//! document the same way, so equal text means an equal value). An equal entry keeps its bytes —
//! comments, blank lines, quoting and block style chosen by hand; a changed one is replaced by
//! its canonical text at the file's own indentation; a new one is inserted after the entry that
//! precedes it in hyoka's order; a removed one goes. Divisions, sections and goals are matched
//! by name (goals by text) and handled one by one in the same way. Comments in what is replaced
//! or removed are never dropped: a comment on the first line stays on the new first line, the
//! others stay as comment lines where the value was.
//!
//! The result is checked by the caller (the exact bytes are loaded again and must give the
//! intended document); anything this module cannot splice it declines with `None`.

use super::align::{Step, align};
use super::emit::{
    Entry, Items, division_entries, division_item, document_entries, document_entries_with, goal_item, indent,
    section_entries, section_item,
};
use super::layout::{self, Kind, Layout, Node, column, key_of, line_end, line_start};
use hyoka_core::model::{Division, Document, Section};

/// `text` (which loads as `old`) changed so that it loads as `new`, or `None` when the layout
/// cannot be kept (the caller then writes the canonical text). `known`: the layout of `text`,
/// when the caller has it.
pub(crate) fn splice(text: &str, old: &Document, new: &Document, known: Option<&Layout>) -> Option<String> {
    let read;
    let layout = match known {
        Some(layout) => layout,
        None => {
            read = layout::read(text)?;
            &read
        }
    };
    let mut edits = Edits { text, layout, list: Vec::new() };
    let root = &layout.root;
    let col = block_map_column(text, root)?;
    let (before, after) = stand_ins(old.divisions == new.divisions);
    let (before, after) = (document_entries_with(old, col, before), document_entries_with(new, col, after));
    let whole = |key: &str| document_entries(new, col).into_iter().find(|e| e.key == key).map(|e| e.text);
    edits.map(root, &before, &after, &whole, &mut |ed, key, value| {
        (key == "divisions" && !old.divisions.is_empty() && !new.divisions.is_empty())
            .then(|| ed.divisions(value, &old.divisions, &new.divisions))
            .flatten()
    })?;
    edits.apply()
}

/// How the old and the new entries give the list spliced item by item: the same stand-in when
/// it did not change, two different ones when it did (rendered only if it is replaced whole).
fn stand_ins(same: bool) -> (Items, Items) {
    if same { (Items::StandIn("same"), Items::StandIn("same")) } else { (Items::StandIn("old"), Items::StandIn("new")) }
}

/// The text of an entry given as a stand-in, rendered whole: for when it is replaced or added
/// as one piece.
type Whole<'w> = dyn Fn(&str) -> Option<String> + 'w;

/// One replacement of a byte range; an insertion has an empty range.
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

struct Edits<'a> {
    text: &'a str,
    layout: &'a Layout,
    list: Vec<Edit>,
}

/// Splices an entry's value item by item: `Some(())` when it did, `None` when the entry is not
/// one it splices or the value's shape defeats it (the value is then replaced whole).
type Nested<'n, 'a> = dyn FnMut(&mut Edits<'a>, &str, &Node) -> Option<()> + 'n;

impl<'a> Edits<'a> {
    /// Brings the entries of `map` from `old` to `new`; `whole` renders an entry of `new` that
    /// is a stand-in.
    fn map(
        &mut self,
        map: &Node,
        old: &[Entry],
        new: &[Entry],
        whole: &Whole<'_>,
        nested: &mut Nested<'_, 'a>,
    ) -> Option<()> {
        let Kind::Map { entries: file, flow: false } = &map.kind else { return None };
        let in_file = |key: &str| file.iter().find(|(k, _)| key_of(k) == Some(key));
        let col = block_map_column(self.text, map)?;
        let mut last: Option<&Node> = None;
        let rendered = |entry: &Entry| if entry.is_stand_in() { whole(entry.key) } else { Some(entry.text.clone()) };
        for entry in new {
            let before = old.iter().find(|o| o.key == entry.key);
            match in_file(entry.key) {
                Some((key, value)) => {
                    if before != Some(entry) {
                        let mark = self.list.len();
                        if nested(self, entry.key, value).is_none() {
                            // Not spliced item by item (a flow list, a shape the splice does not
                            // know): the value is replaced whole, in its place.
                            self.list.truncate(mark);
                            self.replace(self.entry_start(key), value.end, col, &rendered(entry)?);
                        }
                    }
                    last = Some(value);
                }
                None => {
                    // After the entry before it in hyoka's order; the first key is required.
                    let after = last?;
                    let at = line_end(self.text, after.end);
                    let mut text = String::new();
                    if at == self.text.len() {
                        text.push('\n');
                    }
                    indent(&mut text, col);
                    text.push_str(&rendered(entry)?);
                    self.insert(at + usize::from(at < self.text.len()), text);
                }
            }
        }
        for (key, value) in file {
            let name = key_of(key)?;
            if old.iter().any(|o| o.key == name) && !new.iter().any(|n| n.key == name) {
                self.remove(self.entry_start(key), value.end, col)?;
            }
        }
        Some(())
    }

    /// Where the entry of `key` starts: at the key, or at the `?` of an explicit key.
    fn entry_start(&self, key: &Node) -> usize {
        entry_start(self.text, key)
    }

    fn divisions(&mut self, seq: &Node, old: &[Division], new: &[Division]) -> Option<()> {
        let keys = |ds: &[Division]| ds.iter().map(|d| d.name.clone()).collect::<Vec<_>>();
        self.seq(seq, &keys(old), &keys(new), &mut |ed, change, dash| match change {
            Change::Insert(j) => Some(division_item(new.get(j)?, dash)),
            Change::Keep(i, j, node) => {
                let (was, now) = (old.get(i)?, new.get(j)?);
                if was == now {
                    return Some(String::new());
                }
                let Some(col) = block_map_column(ed.text, node) else {
                    ed.replace_item(node, dash, &division_item(now, dash));
                    return Some(String::new());
                };
                let (before, after) = stand_ins(was.sections == now.sections);
                let (before, after) = (division_entries(was, col, before), division_entries(now, col, after));
                let whole = |key: &str| {
                    division_entries(now, col, Items::Rendered).into_iter().find(|e| e.key == key).map(|e| e.text)
                };
                let mark = ed.list.len();
                let spliced = ed.map(node, &before, &after, &whole, &mut |ed, key, value| {
                    (key == "sections" && !was.sections.is_empty() && !now.sections.is_empty())
                        .then(|| ed.sections(value, &was.sections, &now.sections))
                        .flatten()
                });
                if spliced.is_none() {
                    ed.list.truncate(mark);
                    ed.replace_item(node, dash, &division_item(now, dash));
                }
                Some(String::new())
            }
        })
    }

    fn sections(&mut self, seq: &Node, old: &[Section], new: &[Section]) -> Option<()> {
        let keys = |ss: &[Section]| ss.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        self.seq(seq, &keys(old), &keys(new), &mut |ed, change, dash| match change {
            Change::Insert(j) => Some(section_item(new.get(j)?, dash)),
            Change::Keep(i, j, node) => {
                let (was, now) = (old.get(i)?, new.get(j)?);
                if was == now {
                    return Some(String::new());
                }
                let Some(col) = block_map_column(ed.text, node) else {
                    ed.replace_item(node, dash, &section_item(now, dash));
                    return Some(String::new());
                };
                let (before, after) = (section_entries(was, col), section_entries(now, col));
                let mark = ed.list.len();
                let spliced = ed.map(node, &before, &after, &|_| None, &mut |ed, key, value| {
                    if key != "goals" || was.goals.is_empty() || now.goals.is_empty() {
                        return None;
                    }
                    // A goal is kept only with its mark: one whose mark changed is a new item.
                    ed.seq(value, &goal_keys(was), &goal_keys(now), &mut |_, change, dash| match change {
                        Change::Insert(j) => Some(goal_item(now.goals.get(j)?, now.goal_rating(j), dash)),
                        Change::Keep(..) => Some(String::new()),
                    })
                });
                if spliced.is_none() {
                    ed.list.truncate(mark);
                    ed.replace_item(node, dash, &section_item(now, dash));
                }
                Some(String::new())
            }
        })
    }

    /// Brings a block sequence from the items keyed `old` to those keyed `new`: kept items are
    /// handed to `each` (which splices inside them), new ones are rendered by it and inserted
    /// after the item before them, removed ones go.
    fn seq(
        &mut self,
        seq: &Node,
        old: &[String],
        new: &[String],
        each: &mut dyn FnMut(&mut Edits<'a>, Change<'_>, usize) -> Option<String>,
    ) -> Option<()> {
        let Kind::Seq { items, flow: false } = &seq.kind else { return None };
        if items.len() != old.len() {
            return None;
        }
        let dashes = items.iter().map(|item| self.dash(item)).collect::<Option<Vec<usize>>>()?;
        let dash_col = column(self.text, *dashes.first()?);
        let mut previous: Option<usize> = None;
        for step in align(old, new) {
            match step {
                Step::Keep(i, j) => {
                    each(self, Change::Keep(i, j, items.get(i)?), dash_col)?;
                    previous = Some(i);
                }
                Step::Remove(i) => {
                    let (item, dash) = (items.get(i)?, *dashes.get(i)?);
                    self.remove_lines(dash, item.end, dash_col);
                    previous = Some(i);
                }
                Step::Insert(j) => {
                    let text = each(self, Change::Insert(j), dash_col)?;
                    let at = match previous {
                        Some(i) => {
                            let end = line_end(self.text, items.get(i)?.end);
                            if end == self.text.len() {
                                self.insert(end, format!("\n{text}"));
                                continue;
                            }
                            end + 1
                        }
                        None => line_start(self.text, *dashes.first()?),
                    };
                    self.insert(at, text);
                }
            }
        }
        Some(())
    }

    /// The `-` of a block sequence item, alone on its line before the item but for spaces.
    fn dash(&self, item: &Node) -> Option<usize> {
        let before = self.text.get(..item.start)?;
        let dash = before.trim_end_matches([' ', '\t']).len().checked_sub(1)?;
        let start = line_start(self.text, dash);
        let lead = self.text.get(start..dash)?;
        (self.text.get(dash..=dash)? == "-" && lead.chars().all(|c| c == ' ')).then_some(dash)
    }

    fn replace_item(&mut self, item: &Node, dash: usize, rendered: &str) {
        let body = rendered.trim_start_matches(' ').strip_prefix("- ").unwrap_or(rendered);
        self.replace(item.start, item.end, dash + 2, body);
    }

    /// Replaces `[start, end of the line holding end)` with `text` (canonical, ending with a line
    /// break), whose first line starts at `start` and whose other lines carry their indentation.
    fn replace(&mut self, start: usize, end: usize, col: usize, text: &str) {
        let stop = line_end(self.text, end);
        let first_line = line_start(self.text, start);
        let (mut same_line, mut own_lines) = (None, Vec::new());
        for comment in self.comments(start, stop) {
            if line_start(self.text, comment.start) == first_line {
                let gap = self.gap_before(comment.start);
                same_line = Some(format!("{gap}{}", self.slice(&comment)));
            } else {
                own_lines.push(self.slice(&comment).to_owned());
            }
        }
        let body = text.strip_suffix('\n').unwrap_or(text);
        let mut out = match (body.split_once('\n'), &same_line) {
            (Some((first, rest)), Some(comment)) => format!("{first}{comment}\n{rest}"),
            (None, Some(comment)) => format!("{body}{comment}"),
            _ => body.to_owned(),
        };
        for comment in own_lines {
            out.push('\n');
            indent(&mut out, col);
            out.push_str(&comment);
        }
        self.list.push(Edit { start, end: stop, text: out });
    }

    /// Removes the entry whose key starts a line; its comments stay as comment lines.
    fn remove(&mut self, start: usize, end: usize, col: usize) -> Option<()> {
        let lead = self.text.get(line_start(self.text, start)..start)?;
        if !lead.chars().all(|c| c == ' ') {
            return None;
        }
        self.remove_lines(start, end, col);
        Some(())
    }

    fn remove_lines(&mut self, start: usize, end: usize, col: usize) {
        let from = line_start(self.text, start);
        let stop = line_end(self.text, end);
        let to = (stop + 1).min(self.text.len());
        let mut kept = String::new();
        for comment in self.comments(from, stop) {
            indent(&mut kept, col);
            kept.push_str(self.slice(&comment));
            kept.push('\n');
        }
        self.list.push(Edit { start: from, end: to, text: kept });
    }

    fn insert(&mut self, at: usize, text: String) {
        self.list.push(Edit { start: at, end: at, text });
    }

    fn comments(&self, from: usize, to: usize) -> Vec<std::ops::Range<usize>> {
        self.layout.comments.iter().filter(|c| c.start >= from && c.start < to).cloned().collect()
    }

    fn slice(&self, range: &std::ops::Range<usize>) -> &'a str {
        self.text.get(range.clone()).unwrap_or_default()
    }

    /// The blanks between a same-line comment and what stands before it (at least one space).
    fn gap_before(&self, at: usize) -> String {
        let before = self.text.get(line_start(self.text, at)..at).unwrap_or_default();
        let gap = before.get(before.trim_end_matches([' ', '\t']).len()..).unwrap_or_default();
        if gap.is_empty() { " ".to_owned() } else { gap.to_owned() }
    }

    fn apply(mut self) -> Option<String> {
        // Stable: insertions at one place keep their order, and come before a removal starting there.
        self.list.sort_by_key(|e| (e.start, e.end));
        let mut out = String::with_capacity(self.text.len() + 256);
        let mut at = 0;
        for edit in &self.list {
            if edit.start < at {
                return None;
            }
            out.push_str(self.text.get(at..edit.start)?);
            out.push_str(&edit.text);
            at = edit.end;
        }
        out.push_str(self.text.get(at..)?);
        Some(out)
    }
}

/// What tells two goals apart for the splice: the text and the mark.
fn goal_keys(section: &Section) -> Vec<String> {
    let marks = (0..section.goals.len()).map(|i| section.goal_rating(i));
    section.goals.iter().zip(marks).map(|(g, r)| format!("{g}\u{0}{}", r.unwrap_or_default())).collect()
}

/// The column of a block mapping's keys, `None` for a flow mapping or anything else.
fn block_map_column(text: &str, node: &Node) -> Option<usize> {
    match &node.kind {
        Kind::Map { entries, flow: false } => Some(column(text, entry_start(text, &entries.first()?.0))),
        _ => None,
    }
}

/// Where the entry of `key` starts: at the key, or at the `?` of an explicit key (`? progress`).
fn entry_start(text: &str, key: &Node) -> usize {
    let from = line_start(text, key.start);
    let lead = text.get(from..key.start).unwrap_or_default().trim_end_matches(' ');
    match lead.strip_suffix('?') {
        Some(indent) if indent.chars().all(|c| c == ' ') => from + indent.len(),
        _ => key.start,
    }
}

/// An item of a sequence as handed to the caller: kept (old index, new index, its node) or new.
enum Change<'n> {
    Keep(usize, usize, &'n Node),
    Insert(usize),
}

#[cfg(test)]
#[path = "splice_tests.rs"]
mod tests;
