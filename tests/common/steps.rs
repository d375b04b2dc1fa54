//! Steps several end-to-end tests share: hyoka as a given login, the journal files of a state
//! folder, and waiting for something outside the screen.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{DEADLINE, Tui};

/// hyoka as `user` (USER and LOGNAME of the process, as the login gives them), its first screen up.
pub fn as_user(dir: &Path, user: &str) -> Tui {
    let env = [("USER", PathBuf::from(user)), ("LOGNAME", PathBuf::from(user))];
    let mut tui = Tui::spawn_with_env(dir, 30, 110, &[], &env);
    tui.wait_ready();
    tui
}

/// The journal files in a state folder (not the temporary files they are written through, nor
/// the lock files that mark their hyokas alive).
pub fn journals(state: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(state.join("hyoka"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "journal"))
                .collect()
        })
        .unwrap_or_default()
}

/// Polls until `ok` holds; fails the test after the deadline.
pub fn wait_until(what: &str, ok: impl Fn() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}
