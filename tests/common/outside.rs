//! The harness of a test binary whose tests need a program from outside (git, LibreOffice's
//! `soffice`, `chromium`, `pdftotext`): where the program is missing, the test ends as "ignored" in
//! cargo's own summary line (`test result: ok. 5 passed; 0 failed; 2 ignored`), never as a pass
//! that looked at nothing; under CI (`CI` set and not "false") it fails, since `.ci/run` installs
//! the programs.
//!
//! Such a binary has `harness = false` in Cargo.toml, its tests are plain `fn`s, and it ends with
//! `outside_tests!(first_test, second_test, …)`, which makes its `main` (libtest-mimic: the same
//! flags, filters and output as cargo's own harness). A test calls [`need`] for each program, or
//! [`missing`] where it finds one missing by other means. A forgotten name is dead code (clippy
//! refuses it); a function still marked as a test attribute would never run, so the binary fails a
//! trial of its own when its file holds one.
#![allow(dead_code, reason = "each test binary uses a part of it")]
#![allow(clippy::panic, reason = "a test harness: a failure is a panic")]

use std::any::Any;
use std::path::PathBuf;
use std::process::ExitCode;

use libtest_mimic::{Arguments, Completion, Failed, Trial};

/// Why a test was not run: the program it needs is not here.
struct Missing(String);

/// Whether this run is CI's, where a missing program is a failure.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// The program `name` from the PATH; where there is none, the running test ends as ignored (a
/// failure under CI).
pub fn need(name: &str) -> PathBuf {
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file());
    found.unwrap_or_else(|| missing(name))
}

/// Ends the running test: ignored, as `what` is missing here; under CI a failure.
pub fn missing(what: &str) -> ! {
    if under_ci() {
        panic!("{what} is missing, and CI must run this test: .ci/run installs it");
    }
    std::panic::panic_any(Missing(format!("{what} is not installed here (.ci/run installs it)")))
}

/// The binary's tests, run as cargo's harness would; `source` is the text of the file that lists
/// them, checked for tests it would not run.
pub fn run(source: &str, tests: &[(&'static str, fn())]) -> ExitCode {
    let args = Arguments::from_args();
    // A missing program is said once, as the reason of "ignored", not as a panic's message.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<Missing>().is_none() {
            report(info);
        }
    }));
    let marked = source.lines().filter(|l| l.trim_start().starts_with("#[test]")).count();
    let mut trials = vec![Trial::test("every_test_of_this_file_is_listed", move || match marked {
        0 => Ok(()),
        n => Err(Failed::from(format!("{n} functions marked #[test] are never run here: list them in outside_tests!"))),
    })];
    // A test in a module is listed as `module :: test`: named `module::test`, as cargo names it.
    trials
        .extend(tests.iter().map(|&(name, test)| Trial::ignorable_test(name.replace(' ', ""), move || outcome(test))));
    libtest_mimic::run(&args, trials).exit_code()
}

fn outcome(test: fn()) -> Result<Completion, Failed> {
    match std::panic::catch_unwind(test) {
        Ok(()) => Ok(Completion::Completed),
        Err(payload) => match payload.downcast::<Missing>() {
            Ok(missing) => Ok(Completion::ignored_with(missing.0)),
            Err(other) => Err(Failed::from(said(&*other))),
        },
    }
}

/// What a failed test's panic said.
fn said(payload: &(dyn Any + Send)) -> String {
    match (payload.downcast_ref::<String>(), payload.downcast_ref::<&str>()) {
        (Some(text), _) => text.clone(),
        (None, Some(text)) => (*text).to_owned(),
        (None, None) => "the test panicked".to_owned(),
    }
}

/// `main` for a binary of tests that need outside programs: `outside_tests!(a, b, c);`. A binary
/// of several files names each (relative to the package) and its tests by path:
/// `outside_tests!(files: ["tests/x/a.rs", "tests/x/b.rs"]; a::one, b::two);`.
#[macro_export]
macro_rules! outside_tests {
    (files: [$($file:literal),+ $(,)?]; $($test:path),* $(,)?) => {
        fn main() -> std::process::ExitCode {
            let source = concat!($(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $file))),+);
            outside::run(source, &[$((stringify!($test), $test as fn())),*])
        }
    };
    ($($test:ident),* $(,)?) => {
        fn main() -> std::process::ExitCode {
            let source = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", file!()));
            outside::run(source, &[$((stringify!($test), $test as fn())),*])
        }
    };
}
