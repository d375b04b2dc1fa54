//! What a clerk does in hyoka's screen in a pseudo-terminal, step by step (each waits for the
//! screen to show it happened), the bytes of the keys, and what is left behind: the stamp on a
//! saved section, the journals in the state folder.

use std::fs;
use std::path::{Path, PathBuf};

use hyoka::model::Section;

use super::pty::{TESTER, Tui};

pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const CTRL_S: &str = "\x13";

/// From the tree, Tab `n` times; waits until the focused pane's title (with its key hint) shows.
pub fn focus_pane(tui: &mut Tui, n: usize, focused_title: &str) {
    tui.press(&TAB.repeat(n));
    tui.wait_for(focused_title);
}

pub fn start_editing(tui: &mut Tui) {
    tui.press(ENTER);
    tui.wait_for_status("編集中");
}

pub fn stop_editing(tui: &mut Tui) {
    // A lone Esc: nothing may follow it in the same read, or it becomes Alt+key; hence the wait.
    tui.press(ESC);
    tui.wait_for_status("閲覧");
}

/// From the tree, Tab `n` times to a text pane, start editing and type `text`; waits until it
/// shows. The text is left in the editor, not yet in the document.
pub fn type_in_pane(tui: &mut Tui, n: usize, text: &str) {
    focus_pane(tui, n, "Enter:編集");
    start_editing(tui);
    tui.press(text);
    tui.wait_for(text);
}

pub fn save(tui: &mut Tui) {
    tui.press(CTRL_S);
    tui.wait_for_hint("保存しました:");
    tui.wait_for_status("保存済み");
}

pub fn quit_expecting_success(tui: &mut Tui) {
    tui.press("q");
    let status = tui.wait_exit();
    assert!(status.success(), "hyoka must exit 0 after q, got {status:?}");
}

/// The stamp of a changed section: our login name and a time.
pub fn assert_stamped(section: &Section) {
    assert_eq!(section.updated_by.as_deref(), Some(TESTER), "updated_by of {}", section.name);
    assert!(section.updated.is_some(), "updated of {} must be set", section.name);
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The journal files in the state folder `state` (not the temporary files they are written
/// through, nor the marks of running hyokas).
pub fn journals(state: &Path) -> Vec<PathBuf> {
    fs::read_dir(state.join("hyoka"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "journal"))
                .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect()
        })
        .unwrap_or_default()
}

/// The journal that holds `text`, if one does.
pub fn journal_holding(state: &Path, text: &str) -> Option<PathBuf> {
    journals(state).into_iter().find(|j| fs::read_to_string(j).is_ok_and(|t| t.contains(text)))
}

/// hyoka as `user` (named for the debug build: a release build knows only the real account), its
/// first screen up.
pub fn as_user(dir: &Path, user: &str) -> Tui {
    as_user_with(dir, user, &[])
}

/// hyoka as `user`, with more environment (e.g. the office's settings).
pub fn as_user_with(dir: &Path, user: &str, env: &[(&str, PathBuf)]) -> Tui {
    let mut env = env.to_vec();
    env.push(("HYOKA_TEST_LOGIN", PathBuf::from(user)));
    let mut tui = Tui::spawn_with_env(dir, 30, 110, &[], &env);
    tui.wait_ready();
    tui
}
