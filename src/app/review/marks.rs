//! Where the search's hits fall in the panes' wrapped lines, so that drawing only paints them:
//! computed after the layout, for the section on screen only.

use std::ops::Range;

use crate::app::state::{App, Marks, Node};
use hyoka_core::text::fold::find;
use hyoka_core::text::sanitize;

pub fn compute(app: &App) -> Marks {
    let (Some(search), Some(at)) = (&app.review.search, app.selected()) else { return Marks::default() };
    let Some(section) = app.section(at) else { return Marks::default() };
    let (query, kana) = (search.folded.as_str(), app.review.kana);
    let layout = &app.layout;
    let intro = (!section.goals_intro.is_empty()).then_some(&section.goals_intro);
    let goal_texts = intro.into_iter().chain(&section.goals);
    Marks {
        section: Some(at),
        goals: goal_texts
            .zip(&layout.goal_items)
            .map(|(text, item)| line_marks(&sanitize(text), &item.lines, query, kana))
            .collect(),
        progress: line_marks(&sanitize(&section.progress), &layout.progress_lines, query, kana),
        reflection: line_marks(&sanitize(&section.reflection), &layout.reflection_lines, query, kana),
    }
}

/// The hits of `text` cut along its wrapped `lines` (consecutive pieces of it), as byte ranges
/// within each line. A hit wrapped over two lines is marked on both.
pub fn line_marks(text: &str, lines: &[String], query: &str, kana: bool) -> Vec<Vec<Range<usize>>> {
    let found = find(text, query, kana);
    let mut from = 0;
    lines
        .iter()
        .map(|line| {
            let start = text.get(from..).and_then(|rest| rest.find(line.as_str())).map_or(from, |i| from + i);
            let end = start + line.len();
            from = end;
            found
                .iter()
                .filter(|r| r.start < end && r.end > start)
                .map(|r| r.start.max(start) - start..r.end.min(end) - start)
                .collect()
        })
        .collect()
}

/// The distribution of the file or division under the cursor, for its overview.
pub fn here(app: &App) -> Option<(Node, crate::app::state::Counts)> {
    let counts = match app.cursor {
        Node::File(file) => super::counts::of_document(app.doc(file)?),
        Node::Division(file, division) => super::counts::of_division(app.doc(file)?, division),
        Node::Section(_) => return None,
    };
    Some((app.cursor, counts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_core::text::fold::fold;

    #[test]
    fn a_hit_wrapped_over_two_lines_is_marked_on_both() {
        let text = "ホームページの改善に取り組み、アクセス件数の1割増加を目指します。";
        let lines = hyoka_core::text::AmbiguousWidth::Narrow.wrap(text, 16);
        let marks = line_marks(text, &lines, &fold("アクセス件数", false), false);
        let marked: Vec<String> = lines
            .iter()
            .zip(&marks)
            .flat_map(|(line, ranges)| ranges.iter().map(|r| line[r.clone()].to_owned()).collect::<Vec<_>>())
            .collect();
        assert_eq!(marked.concat(), "アクセス件数");
        assert_eq!(marked.len(), 2, "{lines:?} {marked:?}");
    }
}
