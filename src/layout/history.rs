//! Where the history view puts its list and its change, and how a change wraps: the same rows
//! for drawing and for scrolling (PageDown, Tab to a field below the fold).

use ratatui::layout::{Constraint, Layout as Split, Rect};

use crate::i18n::Lang;
use crate::i18n::history::HistoryWords;
use hyoka_core::model::Field;
use hyoka_core::text::{AmbiguousWidth, sanitize};
use hyoka_data::git::{CommitDiff, DiffSpan, SpanKind, char_diff};

/// How a piece of a row of the change looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// The section a change belongs to (in the history of a whole file).
    Place,
    /// A field's name; `chosen` for the one `r` puts back.
    Field {
        chosen: bool,
    },
    /// "変更前" / "変更後" before the text.
    Side,
    Same,
    Removed,
    Added,
    Quiet,
}

/// One row of the change as drawn: pieces of text, each with its look.
pub type Row = Vec<(Look, String)>;

/// The list of commits above, the change of the selected one below.
pub fn areas(detail: Rect, entries: usize) -> [Rect; 2] {
    let most = (detail.height * 2 / 5).max(5);
    let wanted = u16::try_from(entries.max(1)).unwrap_or(u16::MAX).saturating_add(2);
    Split::vertical([Constraint::Length(wanted.min(most)), Constraint::Fill(1)]).areas(detail)
}

/// The change as rows at `width` columns measured with `measure`, and the first row of each field
/// that can be put back.
pub fn rows(
    diff: &CommitDiff,
    chosen: usize,
    (width, measure): (usize, AmbiguousWidth),
    file_scope: bool,
    lang: Lang,
) -> (Vec<Row>, Vec<usize>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut starts = Vec::new();
    for head in &diff.head {
        let label = format!("{}: {}", HistoryWords::HeadChanged.text(lang), head.field.label(lang));
        rows.push(vec![(Look::Place, label)]);
        sides(&mut rows, &head.spans, (width, measure), lang);
    }
    for section in &diff.sections {
        if file_scope {
            rows.push(vec![(Look::Place, format!("■ {} {}", section.division, section.section))]);
        }
        if let Some((division, name)) = &section.renamed_from {
            let from = format!("{division} {name}");
            rows.push(vec![(Look::Quiet, HistoryWords::SectionRenamed { from }.text(lang))]);
        }
        for field in &section.fields {
            let chosen = starts.len() == chosen;
            starts.push(rows.len());
            rows.push(vec![(Look::Field { chosen }, field.field.label(lang).to_owned())]);
            if field.field == Field::Status {
                // The status in the screen's language (the diff holds the office's Japanese word).
                let shown = |s: &Option<hyoka_core::model::Section>| {
                    s.as_ref().map(|s| Field::Status.shown(s, lang)).unwrap_or_default()
                };
                sides(&mut rows, &char_diff(&shown(&section.before), &shown(&section.after)), (width, measure), lang);
            } else {
                sides(&mut rows, &field.spans, (width, measure), lang);
            }
        }
    }
    (rows, starts)
}

/// The old text with what went marked, then the new text with what came marked: a 新旧対照表,
/// each side wrapped with a hanging indent after its label.
fn sides(rows: &mut Vec<Row>, spans: &[DiffSpan], (width, measure): (usize, AmbiguousWidth), lang: Lang) {
    for (label, hidden, marked) in [
        (HistoryWords::Before.text(lang), SpanKind::Added, Look::Removed),
        (HistoryWords::After.text(lang), SpanKind::Removed, Look::Added),
    ] {
        let label = format!(" {label} ");
        let indent = measure.display_width(&label);
        let pieces: Vec<(Look, String)> = spans
            .iter()
            .filter(|s| s.kind != hidden)
            .map(|s| (if s.kind == SpanKind::Same { Look::Same } else { marked }, sanitize(&s.text).into_owned()))
            .collect();
        let mut wrapped = wrap_pieces(&pieces, width.saturating_sub(indent).max(2), measure);
        if pieces.is_empty() {
            wrapped = vec![vec![(Look::Quiet, HistoryWords::Nothing.text(lang))]];
        }
        for (i, mut row) in wrapped.into_iter().enumerate() {
            let lead = if i == 0 { label.clone() } else { " ".repeat(indent) };
            row.insert(0, (Look::Side, lead));
            rows.push(row);
        }
    }
}

/// Wraps text made of pieces of several looks as one text (Japanese line breaking applies across
/// pieces), then cuts each row back into its pieces.
pub fn wrap_pieces(pieces: &[(Look, String)], width: usize, measure: AmbiguousWidth) -> Vec<Row> {
    let text: String = pieces.iter().map(|(_, t)| t.as_str()).collect();
    // Where each piece ends in `text`, to hand every byte of a row back to its piece.
    let mut ends = Vec::with_capacity(pieces.len());
    let mut at = 0;
    for (look, piece) in pieces {
        at += piece.len();
        ends.push((at, *look));
    }
    let mut rows = Vec::new();
    let mut from = 0;
    for line in measure.wrap(&text, width) {
        let to = from + line.len();
        let mut row: Row = Vec::new();
        let mut start = from;
        for &(end, look) in &ends {
            if end <= start || start >= to {
                continue;
            }
            let stop = end.min(to);
            if let Some(piece) = text.get(start..stop) {
                row.push((look, piece.to_owned()));
            }
            start = stop;
        }
        rows.push(row);
        // The line break between paragraphs is in `text` but in no line.
        from = to + usize::from(text.get(to..).is_some_and(|rest| rest.starts_with('\n')));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(row: &Row) -> String {
        row.iter().map(|(_, t)| t.as_str()).collect()
    }

    #[test]
    fn pieces_wrap_as_one_text_and_keep_their_looks() {
        let pieces = vec![
            (Look::Same, "市民対応については、".to_owned()),
            (Look::Removed, "概ね".to_owned()),
            (Look::Same, "目標を達成できた。\n次年度も".to_owned()),
        ];
        let rows = wrap_pieces(&pieces, 12, AmbiguousWidth::Narrow);
        let texts: Vec<String> = rows.iter().map(plain).collect();
        assert_eq!(texts, ["市民対応につ", "いては、概ね", "目標を達成で", "きた。", "次年度も"]);
        assert_eq!(rows[1], [(Look::Same, "いては、".to_owned()), (Look::Removed, "概ね".to_owned())]);
        for row in &rows {
            assert!(row.iter().map(|(_, t)| AmbiguousWidth::Narrow.display_width(t)).sum::<usize>() <= 12);
        }
    }

    #[test]
    fn a_change_shows_both_sides_with_what_differs_marked() {
        let spans = char_diff("概ね達成", "ほぼ達成");
        let diff = CommitDiff {
            head: Vec::new(),
            sections: vec![hyoka_data::git::SectionDiff {
                division: "区民部".into(),
                section: "総務課".into(),
                before: None,
                after: None,
                fields: vec![hyoka_data::git::FieldDiff {
                    field: hyoka_core::model::Field::Reflection,
                    before: "概ね達成".into(),
                    after: "ほぼ達成".into(),
                    spans,
                }],
                current: None,
                renamed_from: None,
            }],
        };
        let (rows, starts) = rows(&diff, 0, (40, AmbiguousWidth::Narrow), true, Lang::Ja);
        let texts: Vec<String> = rows.iter().map(plain).collect();
        assert_eq!(texts, ["■ 区民部 総務課", "振り返り", " 変更前 概ね達成", " 変更後 ほぼ達成"]);
        assert_eq!(starts, [1]);
        assert_eq!(rows[1][0].0, Look::Field { chosen: true });
        assert!(rows[2].contains(&(Look::Removed, "概ね".to_owned())));
        assert!(rows[3].contains(&(Look::Added, "ほぼ".to_owned())));
    }
}
