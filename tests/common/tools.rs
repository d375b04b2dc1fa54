//! What the tests take from the machine they run on: the longer property-test runs CI can afford,
//! and this test binary run again as a child process. (Outside programs: `outside`.)

use std::path::Path;
use std::process::{Child, Command, Stdio};

/// How many cases a property test runs: `local` here, `local × on_ci` in CI's longer, fuzz-like
/// pass (within its time budget).
pub fn cases(local: u32, on_ci_times: u32) -> u32 {
    if super::outside::under_ci() { local * on_ci_times } else { local }
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
