//! Keys inside the text editor that must respect grapheme clusters and the soft-wrapped rows:
//! the caret never stops inside a cluster (か + ゛, 葛 + variation selector, a ZWJ emoji), and
//! ↑↓ move by the rows the user sees, not by the lines of the text.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use crate::text::{caret_cell, edit_rows, grapheme_stops, position_in_row};

/// Applies one key to the editor; `width` is the editor's text width on screen.
pub fn edit_key(textarea: &mut TextArea<'static>, key: KeyEvent, width: usize) {
    // The editor's own text selection (Shift+movement) is never drawn, and typing over an unseen
    // selection would delete text: movement keys move, with or without Shift.
    let key = KeyEvent::new_with_kind(
        key.code,
        if matches!(key.code, KeyCode::Char(_)) { key.modifiers } else { key.modifiers - KeyModifiers::SHIFT },
        key.kind,
    );
    textarea.cancel_selection();
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let plain = !ctrl && !alt;
    match key.code {
        KeyCode::Char('z') if ctrl => {
            textarea.undo();
        }
        KeyCode::Char('y') if ctrl => {
            textarea.redo();
        }
        KeyCode::Left if plain => step(textarea, false),
        KeyCode::Char('b') if ctrl => step(textarea, false),
        KeyCode::Right if plain => step(textarea, true),
        KeyCode::Char('f') if ctrl => step(textarea, true),
        KeyCode::Backspace if plain => delete(textarea, false),
        KeyCode::Char('h') if ctrl => delete(textarea, false),
        KeyCode::Delete if plain => delete(textarea, true),
        KeyCode::Char('d') if ctrl => delete(textarea, true),
        KeyCode::Up if plain => vertical(textarea, width, false),
        KeyCode::Char('p') if ctrl => vertical(textarea, width, false),
        KeyCode::Down if plain => vertical(textarea, width, true),
        KeyCode::Char('n') if ctrl => vertical(textarea, width, true),
        // The editor's own paging needs a view size it is never given: page by rows ourselves.
        KeyCode::PageUp => (0..PAGE).for_each(|_| vertical(textarea, width, false)),
        KeyCode::PageDown => (0..PAGE).for_each(|_| vertical(textarea, width, true)),
        // Cut and paste of the editor's own clipboard work on the unseen selection: not offered.
        KeyCode::Char('x' | 'v' | 'c') if ctrl => {}
        _ => {
            textarea.input(key);
        }
    }
    snap_to_cluster(textarea);
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
fn vertical(textarea: &mut TextArea<'static>, width: usize, down: bool) {
    let rows = edit_rows(textarea.lines(), width);
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

    fn press(textarea: &mut TextArea<'static>, code: KeyCode) {
        edit_key(textarea, KeyEvent::new(code, KeyModifiers::NONE), 20);
    }

    #[test]
    fn the_caret_steps_over_whole_clusters() {
        let mut t = editor("か\u{3099}葛\u{E0100}👨\u{200D}👩\u{200D}👧１");
        let positions: Vec<usize> = (0..5)
            .map(|_| {
                press(&mut t, KeyCode::Left);
                t.cursor().1
            })
            .collect();
        assert_eq!(positions, [9, 4, 2, 0, 0]);
        press(&mut t, KeyCode::Right);
        assert_eq!(t.cursor().1, 2);
    }

    #[test]
    fn backspace_and_delete_remove_whole_clusters_in_one_undo_step() {
        let mut t = editor("が葛\u{E0100}か\u{3099}");
        press(&mut t, KeyCode::Backspace);
        assert_eq!(t.lines(), ["が葛\u{E0100}"]);
        press(&mut t, KeyCode::Home);
        press(&mut t, KeyCode::Right);
        press(&mut t, KeyCode::Delete);
        assert_eq!(t.lines(), ["が"]);
        edit_key(&mut t, KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL), 20);
        assert_eq!(t.lines(), ["が葛\u{E0100}"]);
    }

    #[test]
    fn up_and_down_follow_the_rows_on_screen() {
        // 15 full-width characters in 10 columns: three rows of five.
        let mut t = editor("あいうえおかきくけこさしすせそ");
        press(&mut t, KeyCode::Home);
        edit_key(&mut t, KeyEvent::new(KeyCode::Down, KeyModifiers::NONE), 10);
        assert_eq!(t.cursor(), ratatui_textarea::DataCursor(0, 5), "one row down, not the next line");
        edit_key(&mut t, KeyEvent::new(KeyCode::Down, KeyModifiers::NONE), 10);
        assert_eq!(t.cursor().1, 10);
        edit_key(&mut t, KeyEvent::new(KeyCode::Up, KeyModifiers::NONE), 10);
        assert_eq!(t.cursor().1, 5);
    }

    #[test]
    fn shift_movement_selects_nothing_that_typing_could_replace() {
        let mut t = editor("一行目\n二行目");
        edit_key(&mut t, KeyEvent::new(KeyCode::Home, KeyModifiers::SHIFT), 20);
        press(&mut t, KeyCode::Char('Z'));
        assert_eq!(t.lines(), ["一行目", "Z二行目"]);
    }

    #[test]
    fn page_keys_move_by_rows() {
        let text = (0..20).map(|i| format!("行{i}")).collect::<Vec<_>>().join("\n");
        let mut t = editor(&text);
        press(&mut t, KeyCode::PageUp);
        assert_eq!(t.cursor().0, 19 - PAGE);
        press(&mut t, KeyCode::PageDown);
        assert_eq!(t.cursor().0, 19);
    }

    #[test]
    fn typed_japanese_and_full_width_digits_arrive_intact() {
        let mut t = editor("");
        for c in "満足度９５％です".chars() {
            press(&mut t, KeyCode::Char(c));
        }
        assert_eq!(t.lines(), ["満足度９５％です"]);
    }
}
