//! What the tests take from the machine they run on: outside programs (required under CI, which
//! installs them) and the longer property-test runs CI can afford.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// Whether this run is CI's (`CI` set, and not empty or "false").
pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// `found`, the outside program `name`; where it is missing, a failure under CI (`.ci/run`
/// installs it), and elsewhere `None`, with the test saying that it did not run.
pub fn required<T>(name: &str, found: Option<T>) -> Option<T> {
    if found.is_none() {
        assert!(!on_ci(), "{name} is missing, and CI must run this test: .ci/run installs it");
        eprintln!("NOT RUN: {name} is missing here (.ci/run installs it)");
    }
    found
}

/// The program `name` from the PATH, [`required`].
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file());
    required(name, found)
}

/// How many cases a property test runs: `local` here, `local × on_ci` in CI's longer, fuzz-like
/// pass (within its time budget).
pub fn cases(local: u32, on_ci_times: u32) -> u32 {
    if on_ci() { local * on_ci_times } else { local }
}

/// This test binary started again to run only the test `test`, told `var=value`: a child process
/// for the test to watch or kill. Its standard output is piped, its errors dropped.
pub fn child_test(test: &str, var: &str, value: &Path) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(var, value)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the child")
}
