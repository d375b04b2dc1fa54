//! The search over every open file: the folded text of each file, rebuilt only for files that
//! changed, and the hits of a query counted per tree row. Pure functions over the files, so that
//! they can be measured on a generated city (`examples/city.rs`).

use std::collections::HashMap;

use crate::app::state::{FileEntry, FileIndex, Hits, Node, SearchIndex, SectionRef};
use hyoka_core::model::{Document, Section};
use hyoka_core::text::fold::{count, fold};

/// What separates a section's fields in its folded text: no query can hold it (queries are
/// typed on one line and control characters never reach one), so no hit spans two fields.
const SEPARATOR: char = '\u{1}';

/// Brings the index up to date: files whose version changed are folded again (on every core: a
/// whole city takes tens of milliseconds), the others kept.
pub fn refresh(index: &mut SearchIndex, files: &[FileEntry], kana: bool) {
    if index.kana != kana {
        index.files.clear();
        index.kana = kana;
    }
    index.files.resize_with(files.len(), || None);
    let mut stale = Vec::new();
    for (i, (slot, entry)) in index.files.iter_mut().zip(files).enumerate() {
        match entry.loaded_state() {
            None => *slot = None,
            Some(loaded) if slot.as_ref().is_none_or(|f| f.version != loaded.version()) => stale.push((i, loaded)),
            Some(_) => {}
        }
    }
    // One file changed (an edit while searching) is folded here; a city's worth on every core.
    let threads =
        if stale.len() > 1 { std::thread::available_parallelism().map_or(1, std::num::NonZero::get) } else { 1 };
    if threads == 1 {
        for (i, loaded) in stale {
            if let Some(slot) = index.files.get_mut(i) {
                *slot = Some(file_index(loaded.doc(), loaded.version(), kana));
            }
        }
        return;
    }
    let chunk = stale.len().div_ceil(threads).max(1);
    let built: Vec<(usize, FileIndex)> = std::thread::scope(|scope| {
        let workers: Vec<_> = stale
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter().map(|(i, l)| (*i, file_index(l.doc(), l.version(), kana))).collect::<Vec<_>>()
                })
            })
            .collect();
        // A thread that panicked folded nothing: its files stay unindexed and are tried next time.
        workers.into_iter().filter_map(|w| w.join().ok()).flatten().collect()
    });
    for (i, file) in built {
        if let Some(slot) = index.files.get_mut(i) {
            *slot = Some(file);
        }
    }
}

/// One file's folded text.
pub fn file_index(doc: &Document, version: u64, kana: bool) -> FileIndex {
    let scale = doc.scale();
    FileIndex {
        version,
        head: fold(&format!("{}{SEPARATOR}{}", doc.title(), doc.organization), kana),
        divisions: doc.divisions.iter().map(|d| fold(&d.name, kana)).collect(),
        sections: doc
            .divisions
            .iter()
            .map(|d| {
                d.sections
                    .iter()
                    .map(|s| {
                        let label = s.rating.as_deref().and_then(|m| scale.iter().find(|g| g.mark == m));
                        fold(&section_text(s, label.map(|g| g.label.as_str())), kana)
                    })
                    .collect()
            })
            .collect(),
    }
}

/// Every text of a section that a reviewer may look for, in the table's order.
fn section_text(section: &Section, rating_label: Option<&str>) -> String {
    let mut parts: Vec<&str> = vec![&section.name, &section.goals_intro];
    parts.extend(section.goals.iter().map(String::as_str));
    parts.push(&section.progress);
    parts.extend(section.rating.as_deref());
    parts.extend(rating_label);
    parts.push(&section.reflection);
    parts.join(&SEPARATOR.to_string())
}

/// The rows holding `query` (folded), in tree order, among the sections `shown` lets through
/// (`None`: all). Files and divisions count by their own names; the counts add up to the top.
pub fn hits(index: &SearchIndex, query: &str, shown: Option<&Vec<Vec<Vec<bool>>>>) -> Hits {
    let mut out = Hits::default();
    if query.is_empty() {
        return out;
    }
    let mut counts: HashMap<Node, usize> = HashMap::new();
    for (file, entry) in index.files.iter().enumerate() {
        let Some(entry) = entry else { continue };
        let shown_file = shown.map(|s| s.get(file));
        let file_node = Node::File(file);
        let own = count(&entry.head, query);
        let mut file_total = own;
        let mut rows: Vec<(Node, usize)> = Vec::new();
        for (division, sections) in entry.sections.iter().enumerate() {
            let shown_division = shown_file.map(|f| f.and_then(|f| f.get(division)));
            let node = Node::Division(file, division);
            let own = entry.divisions.get(division).map_or(0, |d| count(d, query));
            let mut division_total = own;
            let start = rows.len();
            for (section, text) in sections.iter().enumerate() {
                if shown_division.is_some_and(|d| !d.and_then(|d| d.get(section)).is_some_and(|s| *s)) {
                    continue;
                }
                let n = count(text, query);
                if n > 0 {
                    let node = Node::Section(SectionRef { file, division, section });
                    rows.push((node, n));
                    counts.insert(node, n);
                    division_total += n;
                }
            }
            if own > 0 {
                rows.insert(start, (node, own));
            }
            if division_total > 0 {
                counts.insert(node, division_total);
            }
            file_total += division_total;
        }
        if own > 0 {
            out.order.push((file_node, own));
        }
        out.order.extend(rows);
        if file_total > 0 {
            counts.insert(file_node, file_total);
        }
        out.total += file_total;
    }
    out.counts = counts;
    out
}

/// Whether a section holds the folded `word` in its own text, its division's name or its file's.
pub fn holds(index: &SearchIndex, at: SectionRef, word: &str) -> bool {
    let Some(Some(file)) = index.files.get(at.file) else { return false };
    let section = file.sections.get(at.division).and_then(|d| d.get(at.section));
    section.is_some_and(|s| s.contains(word))
        || file.divisions.get(at.division).is_some_and(|d| d.contains(word))
        || file.head.contains(word)
}
