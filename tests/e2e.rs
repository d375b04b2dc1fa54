//! End-to-end: the real `hyoka` binary in a pseudo-terminal, driven with the keys a clerk presses,
//! read back through a vt100 screen, and checked against the YAML it leaves on disk.
//!
//! Every wait has a deadline; on any failure the child is killed (see `Drop for Tui`) and the
//! panic message carries the screen as it was, so a failing run never hangs and says what it saw.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use std::fs;

use common::clerk::*;
use common::docs::*;
use common::pty::*;
use common::workspace::*;

// ---------------------------------------------------------------------------------------------

#[test]
fn navigate_edit_save_quit() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    assert!(tui.row(0).starts_with("┌ 所属一覧"), "tree at the top left:\n{}", tui.dump());
    {
        let parser = tui.parser();
        assert!(parser.screen().alternate_screen(), "the app draws on the alternate screen");
        assert!(parser.screen().bracketed_paste(), "the app asks for bracketed paste");
    }

    tui.press("j");
    tui.wait_for_status("区民部 › まちづくり推進課");
    tui.press("j");
    tui.wait_for_status("区民部 › 市民窓口課");
    tui.press("j");
    tui.wait_for_status("区民部 › 市民税課");
    assert!(tui.status_line().contains("上京区役所 平成20年度 › 区民部 › 市民税課"), "{}", tui.dump());
    assert!(tui.status_line().contains("保存済み"), "nothing changed yet:\n{}", tui.dump());

    focus_pane(&mut tui, 4, "振り返り Enter:編集");
    start_editing(&mut tui);
    let added = "（追記：窓口アンケートで満足度95%）";
    tui.press(added);
    tui.wait_for_status("未保存 1課");
    tui.wait_for("満足度95%）");
    stop_editing(&mut tui);
    assert!(tui.status_line().contains("未保存 1課"), "{}", tui.dump());

    save(&mut tui);
    assert!(tui.hint_line().contains(FILE), "the message names the file:\n{}", tui.dump());
    quit_expecting_success(&mut tui);
    tui.wait_restored();

    let before = ws.before();
    let after = ws.on_disk();
    let was = section(&before, "市民税課");
    let now = section(&after, "市民税課");
    assert_eq!(now.reflection, format!("{}{added}", was.reflection));
    assert_eq!(
        (&now.goals_intro, &now.goals, &now.progress, &now.rating),
        (&was.goals_intro, &was.goals, &was.progress, &was.rating)
    );
    assert_stamped(now);
    assert_only_changed(&before, &after, "市民税課");

    let raw = ws.bytes_on_disk();
    let needle = added.as_bytes();
    assert!(raw.windows(needle.len()).any(|w| w == needle), "the file holds the typed text as plain UTF-8");
    assert!(!String::from_utf8_lossy(&raw).contains("\\u"), "no escaped characters in the file");
    assert_eq!(String::from_utf8_lossy(&raw).matches("updated_by:").count(), 1, "only one section is stamped");
    assert_eq!(ws.listing(), vec![ws.file()], "no stray files next to the saved one");
}

#[test]
fn rating_and_quit_dialog_save() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    assert!(tui.screen_text().contains("○ ほぼ達成できた"), "総務課 starts at ○:\n{}", tui.dump());

    focus_pane(&mut tui, 3, "目標達成度 1-4:達成度");
    tui.press("3");
    tui.wait_for("△ ある程度達成できた");
    tui.wait_for_status("未保存 1課");

    tui.press("q");
    tui.wait_for("保存していない変更があります");
    assert!(tui.screen_text().contains("s:保存して終了"), "{}", tui.dump());
    assert!(tui.screen_text().contains("d:保存せず終了"), "{}", tui.dump());
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "nothing is written before s");

    tui.press("s");
    let status = tui.wait_exit();
    assert!(status.success(), "s in the quit dialog exits 0, got {status:?}");
    tui.wait_restored();

    let before = ws.before();
    let after = ws.on_disk();
    let now = section(&after, "総務課");
    assert_eq!(now.rating.as_deref(), Some("△"));
    assert_eq!(now.reflection, section(&before, "総務課").reflection);
    assert_eq!(now.progress, section(&before, "総務課").progress);
    assert_stamped(now);
    assert_only_changed(&before, &after, "総務課");
}

#[test]
fn quit_dialog_discard_leaves_file_untouched() {
    let ws = Workspace::kamigyo();
    let listing = ws.listing();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();

    focus_pane(&mut tui, 2, "11月末現在の取組状況 Enter:編集");
    start_editing(&mut tui);
    tui.press("捨てる予定の文");
    tui.wait_for("捨てる予定の文");
    stop_editing(&mut tui);
    tui.wait_for_status("未保存 1課");

    tui.press("q");
    tui.wait_for("保存していない変更があります");
    tui.press("d");
    let status = tui.wait_exit();
    assert!(status.success(), "d in the quit dialog exits 0, got {status:?}");
    tui.wait_restored();

    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "discarding leaves the file byte for byte");
    assert_eq!(ws.listing(), listing, "and creates no other file");
}

#[test]
fn bracketed_paste_inserts_multiline_japanese() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();

    focus_pane(&mut tui, 2, "11月末現在の取組状況 Enter:編集");
    start_editing(&mut tui);
    // The caret starts at the end of the text: a new line, then paste two lines there.
    // Terminals send line breaks in a paste as CR.
    tui.press(ENTER);
    tui.paste("・一行目\r・二行目");
    tui.wait_for("・二行目");
    tui.wait_for_status("未保存 1課");
    stop_editing(&mut tui);
    save(&mut tui);
    quit_expecting_success(&mut tui);

    let before = ws.before();
    let after = ws.on_disk();
    let was = section(&before, "総務課");
    let now = section(&after, "総務課");
    assert!(now.progress.ends_with("\n・一行目\n・二行目"), "progress on disk: {:?}", now.progress);
    assert_eq!(now.progress, format!("{}\n・一行目\n・二行目", was.progress), "pasted at the end of the text");
    assert!(!now.progress.contains('\r'), "no CR reaches the file");
    assert_eq!(now.reflection, was.reflection);
    assert_stamped(now);
    assert_only_changed(&before, &after, "総務課");
}

#[test]
fn resize_redraws() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 40, 120);
    tui.wait_ready();
    assert_eq!(tui.rows().len(), 40);
    assert!(tui.row(39).starts_with("↑↓:移動"), "key hints on the last row:\n{}", tui.dump());

    tui.resize(24, 80);
    tui.wait_until("the 80x24 layout: tree border on row 0, key hints on row 23", |t| {
        let rows = t.rows();
        rows.len() == 24
            && rows[0].starts_with("┌ 所属一覧")
            && rows[0].trim_end().ends_with('┐')
            && rows[23].starts_with("↑↓:移動")
            && rows[22].contains("総務課")
    });
    let rows = tui.rows();
    // The right-hand panes close at the new right edge: the last cell of row 0 is a corner.
    let corner = tui.parser().screen().cell(0, 79).map(|c| c.contents().to_owned());
    assert_eq!(corner.as_deref(), Some("┐"), "row 0 ends at column 80:\n{}", tui.dump());
    assert!(rows[22].contains("閲覧"), "status line redrawn:\n{}", tui.dump());
    assert!(rows[21].starts_with('└'), "tree bottom border just above the status line:\n{}", tui.dump());

    // Still alive and responsive at the new size.
    tui.press("j");
    tui.wait_for_status("まちづくり推進課");
    quit_expecting_success(&mut tui);
    assert_eq!(ws.bytes_on_disk(), ws.original.as_bytes(), "browsing changes nothing");
}

// ---------------------------------------------------------------------------------------------
// Untrusted text and the terminal's ambiguous width.

#[test]
fn escape_sequences_in_data_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = concat!(
        "organization: \"上京区役所\\e[2J\"\n",
        "fiscal_year: 2008\n",
        "divisions:\n",
        "  - name: 区民部\n",
        "    sections:\n",
        "      - name: \"総務課\\u202E逆\"\n",
        "        goals:\n",
        "          - \"複写\\e]52;c;SGVsbG8=\\a終り\"\n",
        "        progress: \"画面消去\\e[2J後\"\n",
        "        reflection: \"C1制御\\x9b31m赤\"\n",
    );
    fs::write(dir.path().join("hostile.yaml"), hostile).expect("write the hostile file");
    let mut tui = Tui::spawn(dir.path(), 30, 100);
    tui.wait_for("所属一覧");
    tui.wait_for("複写␛]52;c;SGVsbG8=␇終り");
    tui.wait_for("画面消去␛[2J後");
    tui.wait_for("C1制御<U+009B>31m赤");
    tui.wait_for("総務課<U+202E>逆");
    // The editor shows the same stand-ins.
    focus_pane(&mut tui, 2, "Enter:編集");
    start_editing(&mut tui);
    tui.wait_for("画面消去␛[2J後");
    stop_editing(&mut tui);
    tui.press("q");
    let _ = tui.wait_exit();
    let raw = tui.raw_output();
    assert!(!contains(&raw, b"\x1b]52"), "OSC 52 (clipboard) reached the terminal");
    assert!(!contains(&raw, b"\x07"), "BEL reached the terminal");
    assert!(!contains(&raw, "消去\x1b[2J".as_bytes()), "the data's clear-screen reached the terminal");
    assert!(!contains(&raw, "\u{9b}".as_bytes()), "a C1 control reached the terminal");
    assert!(!contains(&raw, "\u{202e}".as_bytes()), "a bidi override reached the terminal");
    assert_eq!(fs::read_to_string(dir.path().join("hostile.yaml")).ok().as_deref(), Some(hostile), "data unchanged");
}

#[test]
fn the_ambiguous_width_is_asked_from_the_terminal() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    assert!(contains(&tui.raw_output(), "◎\x1b[6n".as_bytes()), "hyoka asked where the cursor went after ◎");
    // This terminal (vt100) draws ◎ one column wide: box-drawing borders.
    assert!(tui.row(0).starts_with("┌ 所属一覧"), "{}", tui.dump());
    tui.press("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn ambiguous_width_two_draws_ascii_borders() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn_with(ws.path(), 30, 100, &["--ambiguous-width", "2"]);
    tui.wait_ready();
    assert!(!contains(&tui.raw_output(), "◎\x1b[6n".as_bytes()), "a set width asks nothing");
    assert!(tui.row(0).starts_with("+ 所属一覧 -"), "{}", tui.dump());
    tui.press("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn e_exports_the_document_outside_the_data_and_asks_before_making_a_folder() {
    let ws = Workspace::kamigyo();
    let home = tempfile::tempdir().expect("a home of the test's");
    let mut tui = Tui::spawn_with_state(ws.path(), home.path(), 30, 100, &[]);
    tui.wait_ready();
    tui.press("e");
    tui.wait_for("書き出し先（編集できます）");
    tui.wait_for("hyoka-exports/kamigyo/2008.html");
    tui.press("\t");
    tui.wait_for("hyoka-exports/kamigyo/2008.csv");
    tui.press(ENTER);
    tui.wait_for_hint("作ってよければもう一度 Enter");
    let folder = home.path().join("hyoka-exports/kamigyo");
    assert!(!folder.exists(), "no folder is made before the clerk says so");
    tui.press(ENTER);
    tui.wait_for_hint("書き出しました:");
    let csv = fs::read(folder.join("2008.csv")).expect("the CSV is in the export folder");
    assert!(csv.starts_with(b"\xef\xbb\xbf"), "UTF-8 with BOM");
    assert!(String::from_utf8_lossy(&csv).contains("市民税課"));
    let listing: Vec<_> = ws.listing().into_iter().filter(|p| !p.starts_with(home.path())).collect();
    assert_eq!(listing, [ws.file()], "nothing new inside the data folder");
    quit_expecting_success(&mut tui);
}

#[test]
fn esc_followed_at_once_by_keys_is_not_lost() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn(ws.path(), 30, 100);
    tui.wait_ready();
    tui.press("jjj");
    tui.wait_for_status("市民税課");
    focus_pane(&mut tui, 4, "Enter:編集");
    // Esc from the pane to the tree, then three steps up, all in one write (one SSH packet).
    tui.press("\x1bkkk");
    tui.wait_for_status("総務課");
    quit_expecting_success(&mut tui);
}

#[test]
fn with_no_color_the_tree_cursor_is_still_seen() {
    let ws = Workspace::kamigyo();
    let mut tui = Tui::spawn_with_env(ws.path(), 30, 100, &[], &[("NO_COLOR", "1".into())]);
    tui.wait_ready();
    let row =
        u16::try_from(tui.rows().iter().position(|r| r.contains("総務課")).expect("総務課 in the tree")).expect("row");
    let parser = tui.parser();
    let col = (0..30).find(|&c| parser.screen().cell(row, c).is_some_and(|cell| cell.contents() == "総")).expect("総");
    let cell = parser.screen().cell(row, col).expect("the cell of 総");
    assert!(cell.inverse(), "the cursor row is reverse video without colours");
    // The status bar follows the grey border of the pane above it: a colour switched off there must
    // not switch its reverse video off too (crossterm writes `ESC [ m` for a colour NO_COLOR hides).
    let bar: Vec<(String, bool)> = (0..12)
        .filter_map(|c| parser.screen().cell(28, c))
        .filter(|cell| cell.has_contents())
        .map(|cell| (cell.contents().to_owned(), cell.inverse()))
        .collect();
    assert!(bar.iter().all(|(_, inverse)| *inverse), "the status bar is reverse video from its first cell: {bar:?}");
    drop(parser);
    let raw = tui.raw_output();
    let raw = String::from_utf8_lossy(&raw);
    assert!(!raw.contains("\x1b[38;") && !raw.contains("\x1b[48;"), "no colour is sent");
}
