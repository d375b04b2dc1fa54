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

use common::outside;
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

/// The flags every headless Chromium of these tests runs with: nothing fetched from outside, no
/// profile but the empty one given. Without Chromium the test is ignored (a failure under CI).
pub fn chromium(profile: &Path) -> Command {
    let mut command = Command::new(outside::need("chromium"));
    command.args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]);
    command.args(["--disable-background-networking", "--disable-component-update", "--disable-sync"]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

outside_tests!(
    files: ["tests/publish/main.rs", "tests/publish/accessibility.rs", "tests/publish/printing.rs", "tests/publish/refusals.rs", "tests/publish/selection.rs", "tests/publish/since.rs", "tests/publish/site.rs"];
    accessibility::every_page_passes_axe_core_at_desktop_and_phone_widths_and_works_by_keyboard,
    printing::a_table_page_prints_a4_landscape_with_its_header_on_every_page_and_every_row_whole,
    printing::a_summary_prints_each_organisations_chart_and_numbers_whole,
    refusals::a_table_the_published_layout_cannot_carry_stops_it_and_the_old_site_stays,
    refusals::a_data_file_that_does_not_read_stops_it,
    refusals::a_folder_hyoka_did_not_write_is_never_replaced,
    refusals::a_new_publication_replaces_hyokas_pages_and_keeps_the_sites_own_dot_files,
    refusals::an_empty_folder_or_one_with_only_dot_files_is_taken,
    selection::only_files_at_the_published_stage_unless_all,
    selection::approved_only_publishes_the_approved_sections_and_names_the_others,
    selection::a_mistake_in_the_office_settings_stops_it_with_its_place,
    since::the_files_whose_content_changed_since_a_tag_are_listed,
    since::a_revision_git_does_not_know_is_said_and_nothing_is_written,
    site::the_fixture_becomes_an_index_a_page_per_table_with_its_data_and_a_summary_per_year,
    site::every_link_resolves_within_the_site_and_nothing_comes_from_outside,
    site::every_page_is_japanese_with_one_h1_headings_in_order_and_a_title_that_names_it,
    site::a_table_page_carries_every_text_of_its_file_and_its_data_are_the_exports,
    site::the_index_has_the_newest_year_first_and_the_summary_counts_as_hyoka_summary,
    site::the_same_data_give_the_same_bytes_and_a_day_only_when_asked,
);
