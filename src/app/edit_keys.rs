//! Editing text with the keys of the key map, respecting grapheme clusters and the soft-wrapped
//! rows: the caret never stops inside a cluster (か + ゛, 葛 + variation selector, a ZWJ emoji),
//! and ↑↓ move by the rows the user sees, not by the lines of the text.

use ratatui_textarea::{CursorMove, TextArea};

use crate::command::Command;
use hyoka_core::text::{AmbiguousWidth, caret_cell, edit_rows, grapheme_stops, position_in_row};

/// Carries out one editing command; `width` is the editor's text width on screen, measured with
/// `measure` (the rows ↑↓ move by are the rows drawn). Commands that
/// are not about editing text are left alone (false). Only what the key map lists is done: the
/// editor widget's own key bindings (Ctrl-K, Ctrl-W, …) are never reached.
pub fn apply(textarea: &mut TextArea<'static>, command: Command, width: usize, measure: AmbiguousWidth) -> bool {
    match command {
        Command::CaretLeft => step(textarea, false),
        Command::CaretRight => step(textarea, true),
        Command::CaretUp => vertical(textarea, (width, measure), false),
        Command::CaretDown => vertical(textarea, (width, measure), true),
        Command::LineStart => textarea.move_cursor(CursorMove::Head),
        Command::LineEnd => textarea.move_cursor(CursorMove::End),
        // The editor's own paging needs a view size it is never given: page by rows ourselves.
        Command::PageUp => (0..PAGE).for_each(|_| vertical(textarea, (width, measure), false)),
        Command::PageDown => (0..PAGE).for_each(|_| vertical(textarea, (width, measure), true)),
        Command::DeleteBack => delete(textarea, false),
        Command::DeleteForward => delete(textarea, true),
        Command::NewLine => textarea.insert_newline(),
        Command::UndoTyping => {
            textarea.undo();
        }
        Command::RedoTyping => {
            textarea.redo();
        }
        _ => return false,
    }
    snap_to_cluster(textarea);
    true
}

/// Types one character at the caret.
pub fn type_char(textarea: &mut TextArea<'static>, c: char) {
    textarea.insert_char(c);
}

/// Inserts pasted text; terminals send pasted line breaks as CR.
pub fn paste(textarea: &mut TextArea<'static>, text: &str, one_line: bool) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = if one_line { text.replace('\n', "") } else { text };
    textarea.insert_str(text);
}

/// Rows moved by PageUp / PageDown.
const PAGE: usize = 8;

fn jump(textarea: &mut TextArea<'static>, line: usize, col: usize) {
    // Lines longer than 65 535 characters are out of the editor's jump range: stay put.
    if let (Ok(line), Ok(col)) = (u16::try_from(line), u16::try_from(col)) {
        textarea.move_cursor(CursorMove::Jump(line, col));
    }
}

fn line_stops(textarea: &TextArea<'static>) -> (usize, usize, Vec<usize>) {
    let cursor = textarea.cursor();
    let stops = textarea.lines().get(cursor.0).map(|l| grapheme_stops(l)).unwrap_or_else(|| vec![0]);
    (cursor.0, cursor.1, stops)
}

/// One grapheme cluster left or right; at a line's edge, onto the neighbouring line.
fn step(textarea: &mut TextArea<'static>, forward: bool) {
    let (line, col, stops) = line_stops(textarea);
    let target = if forward { stops.iter().find(|&&s| s > col) } else { stops.iter().rev().find(|&&s| s < col) };
    match target {
        Some(&target) => jump(textarea, line, target),
        None => textarea.move_cursor(if forward { CursorMove::Forward } else { CursorMove::Back }),
    }
}

/// Deletes the whole cluster before (Backspace) or after (Delete) the caret, as one undo step.
fn delete(textarea: &mut TextArea<'static>, forward: bool) {
    let (line, col, stops) = line_stops(textarea);
    if forward {
        match stops.iter().find(|&&s| s > col) {
            Some(&next) => {
                textarea.delete_str(next - col);
            }
            None => {
                textarea.delete_next_char();
            }
        }
    } else {
        match stops.iter().rev().find(|&&s| s < col) {
            Some(&previous) => {
                jump(textarea, line, previous);
                textarea.delete_str(col - previous);
            }
            None => {
                textarea.delete_char();
            }
        }
    }
}

/// Up or down one row as drawn, keeping the column as near as the characters allow.
fn vertical(textarea: &mut TextArea<'static>, (width, measure): (usize, AmbiguousWidth), down: bool) {
    let rows = edit_rows(textarea.lines(), width, measure);
    let cursor = textarea.cursor();
    let (row, column) = caret_cell(&rows, cursor.0, cursor.1);
    let target = if down { row + 1 } else { row.wrapping_sub(1) };
    if let Some(target_row) = rows.get(target) {
        let (line, col) = position_in_row(target_row, column);
        jump(textarea, line, col);
    }
}

/// After any other key (mouse-free editing keys of the editor itself), never rest inside a cluster.
fn snap_to_cluster(textarea: &mut TextArea<'static>) {
    let (line, col, stops) = line_stops(textarea);
    if !stops.contains(&col) {
        let before = stops.iter().rev().find(|&&s| s < col).copied().unwrap_or(0);
        jump(textarea, line, before);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor(text: &str) -> TextArea<'static> {
        let mut textarea = TextArea::new(text.split('\n').map(str::to_owned).collect());
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        textarea
    }

    fn press(textarea: &mut TextArea<'static>, command: Command) {
        apply(textarea, command, 20, AmbiguousWidth::Narrow);
    }

    #[test]
    fn the_caret_steps_over_whole_clusters() {
        let mut t = editor("か\u{3099}葛\u{E0100}👨\u{200D}👩\u{200D}👧１");
        let positions: Vec<usize> = (0..5)
            .map(|_| {
                press(&mut t, Command::CaretLeft);
                t.cursor().1
            })
            .collect();
        assert_eq!(positions, [9, 4, 2, 0, 0]);
        press(&mut t, Command::CaretRight);
        assert_eq!(t.cursor().1, 2);
    }

    #[test]
    fn backspace_and_delete_remove_whole_clusters_in_one_undo_step() {
        let mut t = editor("が葛\u{E0100}か\u{3099}");
        press(&mut t, Command::DeleteBack);
        assert_eq!(t.lines(), ["が葛\u{E0100}"]);
        press(&mut t, Command::LineStart);
        press(&mut t, Command::CaretRight);
        press(&mut t, Command::DeleteForward);
        assert_eq!(t.lines(), ["が"]);
        press(&mut t, Command::UndoTyping);
        assert_eq!(t.lines(), ["が葛\u{E0100}"]);
    }

    #[test]
    fn up_and_down_follow_the_rows_on_screen() {
        // 15 full-width characters in 10 columns: three rows of five.
        let mut t = editor("あいうえおかきくけこさしすせそ");
        press(&mut t, Command::LineStart);
        apply(&mut t, Command::CaretDown, 10, AmbiguousWidth::Narrow);
        assert_eq!(t.cursor(), ratatui_textarea::DataCursor(0, 5), "one row down, not the next line");
        apply(&mut t, Command::CaretDown, 10, AmbiguousWidth::Narrow);
        assert_eq!(t.cursor().1, 10);
        apply(&mut t, Command::CaretUp, 10, AmbiguousWidth::Narrow);
        assert_eq!(t.cursor().1, 5);
    }

    #[test]
    fn page_keys_move_by_rows() {
        let text = (0..20).map(|i| format!("行{i}")).collect::<Vec<_>>().join("\n");
        let mut t = editor(&text);
        press(&mut t, Command::PageUp);
        assert_eq!(t.cursor().0, 19 - PAGE);
        press(&mut t, Command::PageDown);
        assert_eq!(t.cursor().0, 19);
    }

    #[test]
    fn typed_japanese_and_full_width_digits_arrive_intact() {
        let mut t = editor("");
        for c in "満足度９５％です".chars() {
            type_char(&mut t, c);
        }
        assert_eq!(t.lines(), ["満足度９５％です"]);
    }

    #[test]
    fn commands_that_are_not_editing_are_left_to_others() {
        let mut t = editor("一行目");
        assert!(!apply(&mut t, Command::Save, 20, AmbiguousWidth::Narrow));
        assert_eq!(t.lines(), ["一行目"]);
        paste(&mut t, "二\r\n三\r四", false);
        assert_eq!(t.lines(), ["一行目二", "三", "四"]);
    }
}
