//! Drawing the reviewer's side: the search prompt, the filter dialog, the table, the years, the
//! summary (one file each, as `app/review/`), and the pieces other views use: marked hits, the
//! tree's hit counts, the status line's search and filter, the bars of a distribution.

pub mod bars;
pub mod filter;
pub mod search;
pub mod summary;
pub mod table;
pub mod years;

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use super::style;
use crate::app::review::search::position;
use crate::app::state::Rated;
use crate::app::{App, Node};
use crate::i18n::review::ReviewWords;
use hyoka_core::text::{AmbiguousWidth, sanitize};

/// A line of text with its hits marked; `ranges` are byte ranges of `text`.
pub fn marked(text: &str, ranges: &[Range<usize>], base: Style, measure: AmbiguousWidth) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for range in ranges {
        if let Some(before) = text.get(at..range.start).filter(|t| !t.is_empty()) {
            spans.push(Span::styled(measure.padded_for_cells(before), base));
        }
        if let Some(hit) = text.get(range.start..range.end) {
            spans.push(Span::styled(measure.padded_for_cells(hit), base.patch(style::hit())));
        }
        at = range.end.max(at);
    }
    if let Some(rest) = text.get(at..).filter(|t| !t.is_empty()) {
        spans.push(Span::styled(measure.padded_for_cells(rest), base));
    }
    spans
}

/// The number of hits in and under a tree row, as the tree shows it after the name.
pub fn tree_count(app: &App, node: Node) -> Option<String> {
    app.review().hits.counts.get(&node).map(|n| format!(" {n}"))
}

/// A tree label cut to leave room for its hit count, and the count as a marked span.
pub fn with_count(app: &App, node: Node, label: &str, width: usize) -> (String, Option<Span<'static>>) {
    let measure = app.ambiguous_width();
    match tree_count(app, node) {
        Some(count) => {
            let room = width.saturating_sub(measure.display_width(&count));
            let label = measure.truncate(label, room);
            let pad = " ".repeat(room.saturating_sub(measure.display_width(&label)));
            (format!("{label}{pad}"), Some(Span::styled(count, style::hit())))
        }
        None => (measure.truncate(label, width), None),
    }
}

/// What the status line says of the files still being read and of the search and the filter in
/// force (which look at the files read so far): "読み込み中 1,240/3,200 ／総務 3/17 ［絞込 △× 未記入］".
pub fn status_note(app: &App) -> String {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let mut parts = Vec::new();
    if let Some((read, total)) = app.reading() {
        parts.push(crate::i18n::screen::Words::Reading { read, total }.text(lang));
    }
    if let (Some(search), Some((at, of))) = (&app.review().search, position(app)) {
        parts.push(format!("／{} {at}/{of}", measure.truncate(&sanitize(&search.query), 16)));
    }
    let filter = &app.review().filter;
    if !filter.is_empty() {
        let mut what: Vec<String> = Vec::new();
        let marks: String = in_scale_order(app, &filter.ratings)
            .iter()
            .map(|r| match r {
                Rated::Mark(mark) => sanitize(mark).into_owned(),
                Rated::Unrated => ReviewWords::Unrated.text(lang),
            })
            .collect();
        if !marks.is_empty() {
            what.push(marks);
        }
        if !filter.statuses.is_empty() {
            let names = filter.statuses.iter().map(|s| crate::i18n::cycle::status_name(*s, lang));
            what.push(names.collect::<Vec<_>>().join(lang.pick("・", ",")));
        }
        if filter.incomplete {
            what.push(ReviewWords::IncompleteHeader.text(lang));
        }
        if let Some(since) = filter.since {
            what.push(format!("{since}〜"));
        }
        if let Some(by) = &filter.by {
            what.push(format!("@{}", sanitize(by)));
        }
        if let Some(word) = &filter.word {
            what.push(format!("「{}」", measure.truncate(&sanitize(word), 12)));
        }
        parts.push(format!("［{} {}］", ReviewWords::FilterBadge.text(lang), what.join(" ")));
    }
    if parts.is_empty() { String::new() } else { format!(" {} ", parts.join(" ")) }
}

/// The ratings asked for as they are read: in the order of the files' scales (best first), marks
/// no scale has after them, 未評価 last.
fn in_scale_order(app: &App, ratings: &std::collections::BTreeSet<Rated>) -> Vec<Rated> {
    let mut out: Vec<Rated> = Vec::new();
    let scales = app.files().iter().filter_map(crate::app::FileEntry::doc).flat_map(|d| d.scale().into_owned());
    for rated in scales.map(|grade| Rated::Mark(grade.mark.clone())).chain(ratings.iter().cloned()) {
        if ratings.contains(&rated) && !out.contains(&rated) && rated != Rated::Unrated {
            out.push(rated);
        }
    }
    if ratings.contains(&Rated::Unrated) {
        out.push(Rated::Unrated);
    }
    out
}

/// The screen above the two status lines, where the full-screen views are drawn.
pub fn main_area(app: &App) -> Rect {
    app.layout().tree.union(app.layout().detail)
}
