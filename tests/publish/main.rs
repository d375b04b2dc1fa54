//! `hyoka publish`: the site of `tests/fixtures/review/` (two organisations, three years) built by the
//! real binary, then read as a person and a browser would: every page, link and file; what is and is
//! not published; a refusal that leaves the old site as it was; the same bytes twice; what changed
//! since a git tag; axe-core in Chromium; the pages printed to PDF.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod accessibility;
#[path = "../common/mod.rs"]
mod common;
#[path = "../gitkit/mod.rs"]
mod gitkit;
mod printing;
mod refusals;
mod selection;
mod since;
mod site;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review");

/// A copy of the review fixture in a folder of its own (`data/kamigyo/2008.yaml`, …), with room
/// beside it for the site and for the settings and state the binary is given.
pub struct Office {
    pub dir: TempDir,
}

impl Office {
    pub fn with_fixture() -> Office {
        let dir = tempfile::tempdir().expect("temp dir");
        for organization in ["kamigyo", "kitayama"] {
            let to = dir.path().join("data").join(organization);
            std::fs::create_dir_all(&to).unwrap();
            for year in [2006, 2007, 2008] {
                let from = Path::new(FIXTURE).join(organization).join(format!("{year}.yaml"));
                std::fs::copy(from, to.join(format!("{year}.yaml"))).unwrap();
            }
        }
        Office { dir }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    pub fn file(&self, relative: &str) -> PathBuf {
        self.data().join(relative)
    }

    /// Changes a data file's text: `from` must be in it.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.file(relative);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{relative} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// Puts a file at the cycle's `published` stage.
    pub fn publish_stage(&self, relative: &str) {
        self.edit(relative, "\ncheckpoint:", "\nstage: published\ncheckpoint:");
    }

    /// `hyoka publish` with `args`, run in the office's folder with settings and state of its own.
    pub fn publish(&self, args: &[&str]) -> Output {
        let home = self.dir.path().join("home");
        let mut command = Command::new(env!("CARGO_BIN_EXE_hyoka"));
        command
            .current_dir(self.dir.path())
            .env_remove("HYOKA_LANG")
            .env("HOME", &home)
            .env("HYOKA_CONFIG", home.join("config.yaml"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .arg("publish")
            .args(args);
        command.output().expect("hyoka runs")
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `root` by its path relative to it (`/`-separated), with its bytes.
pub fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The site of the whole fixture (`--all`: its files name no stage), built once into an office.
pub fn fixture_site() -> Office {
    let office = Office::with_fixture();
    let out = office.publish(&["data", "-o", "site", "--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    office
}

/// Something outside Rust a test needs (a program, the npm packages). Under CI (`CI` set and not
/// "false") a missing one fails the test, since `.ci/run` installs it; elsewhere the test says so
/// and does nothing. The one place that decides, so that it can become "ignored" at run time.
pub fn needed(what: &str, found: Option<PathBuf>) -> Option<PathBuf> {
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(!ci, "{what} is missing, and CI must run this test: .ci/run installs it");
        eprintln!("NOT RUN: {what} is missing here (.ci/run installs it)");
    }
    found
}

/// A program from the PATH.
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file());
    needed(name, found)
}

/// The flags every headless Chromium of these tests runs with: nothing fetched from outside, no
/// profile but the empty one given.
pub fn chromium(profile: &Path) -> Option<Command> {
    let mut command = Command::new(tool("chromium")?);
    command.args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]);
    command.args(["--disable-background-networking", "--disable-component-update", "--disable-sync"]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    Some(command)
}
