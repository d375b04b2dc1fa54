//! `hyoka doctor`: the deployment as the account running it sees it — umask, the data folder's
//! group and rights, locks, git's ownership check, commits on save in a shared work tree, the
//! reviewers' files, the time zone, leftovers of killed saves, sshd's keepalive. Each problem
//! comes with the command that fixes it.

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::{Authority, OfficeFile, authority};
use crate::git::Git;
use crate::i18n::Lang;
use crate::i18n::doctor::Said;
use crate::identity::group_name;

/// What was checked, and the problems found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub checked: Vec<&'static str>,
    pub problems: Vec<Finding>,
}

/// One problem: which check found it, what is wrong, and the command that fixes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub check: &'static str,
    pub problem: String,
    pub fix: String,
}

/// Where doctor looks besides the data: the office's settings and sshd's configuration.
pub struct Places {
    pub office: PathBuf,
    pub sshd_config: PathBuf,
}

impl Report {
    fn add(&mut self, check: &'static str, said: Said<'_>, lang: Lang) {
        let (problem, fix) = said.text(lang);
        self.problems.push(Finding { check, problem, fix });
    }
}

/// Checks the deployment of the data folder `data`.
pub fn examine(data: &Path, places: &Places, lang: Lang) -> Report {
    // Absolute, so that each fix can be run from anywhere.
    let data = &std::fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
    let mut report = Report::default();
    let found = authority(data, &places.office);
    let folders = folders_of(data);
    let shared = folders.iter().any(|f| std::fs::metadata(f).is_ok_and(|m| m.mode() & 0o020 != 0));
    report.checked.push("umask");
    if let Some(mask) = umask()
        && shared
        && mask & 0o020 != 0
    {
        report.add("umask", Said::Umask { mask }, lang);
    }
    report.checked.push("folder");
    for folder in &folders {
        check_folder(&mut report, folder, shared, lang);
    }
    report.checked.push("locks");
    for file in data_files(&folders) {
        if let Err(refused) = crate::store::lock(&file, Duration::ZERO) {
            let why = crate::i18n::office::lock_refused(&refused, &file, lang);
            report.add("locks", Said::Lock { why, lock: refused.lock_file() }, lang);
        }
    }
    report.checked.push("leftovers");
    for folder in &folders {
        leftovers(&mut report, folder, lang);
    }
    report.checked.push("git");
    let office = found.as_ref().ok().and_then(Authority::office_settings);
    if let Some(git) = Git::find() {
        check_git(&mut report, &git, data, shared, office.and_then(|o| o.commit) == Some(true), &places.office, lang);
    }
    report.checked.push("reviewers");
    match &found {
        Err(why) => report.add("reviewers", Said::SettingsWrong { why }, lang),
        Ok(found) => check_reviewers(&mut report, found, &places.office, lang),
    }
    report.checked.push("time_zone");
    if office.and_then(|o| o.time_zone).is_none() && chrono::Local::now().offset().local_minus_utc() == 0 {
        report.add("time_zone", Said::Utc { office: &places.office }, lang);
    }
    report.checked.push("sshd");
    if let Some(interval) = keepalive(&places.sshd_config)
        && interval == 0
    {
        report.add("sshd", Said::Keepalive { config: &places.sshd_config }, lang);
    }
    report
}

/// The data folder and every folder below it (not into `.git` and other dot folders).
fn folders_of(data: &Path) -> Vec<PathBuf> {
    let start = if data.is_dir() { data.to_path_buf() } else { data.parent().unwrap_or(Path::new(".")).to_path_buf() };
    let mut out = vec![start.clone()];
    let mut pending = vec![start];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !hidden && entry.file_type().is_ok_and(|t| t.is_dir()) {
                out.push(entry.path());
                pending.push(entry.path());
            }
        }
    }
    out
}

fn data_files(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = folders
        .iter()
        .flat_map(|f| std::fs::read_dir(f).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| crate::store::is_data_path(p) && p.is_file())
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    files.sort();
    files
}

/// The process's umask, as the system reports it.
fn umask() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("Umask:"))?;
    u32::from_str_radix(line.trim(), 8).ok()
}

fn check_folder(report: &mut Report, folder: &Path, shared: bool, lang: Lang) {
    let Ok(meta) = std::fs::metadata(folder) else { return };
    let group = group_name(meta.gid());
    if shared && meta.mode() & 0o020 == 0 {
        report.add("folder", Said::FolderNotShared { folder, group: &group }, lang);
    }
    if shared && meta.mode() & 0o2000 == 0 {
        report.add("folder", Said::NoSetgid { folder, group: &group }, lang);
    }
    for file in data_files(&[folder.to_path_buf()]) {
        let Ok(m) = std::fs::metadata(&file) else { continue };
        if shared && m.gid() != meta.gid() {
            report.add("folder", Said::FileGroup { file: &file, group: &group, has: &group_name(m.gid()) }, lang);
        }
        if shared && m.mode() & 0o020 == 0 {
            report.add("folder", Said::FileNotShared { file: &file, group: &group }, lang);
        }
    }
}

fn leftovers(report: &mut Report, folder: &Path, lang: Lang) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if let Some(pid) = temp_pid(&name) {
            if !Path::new(&format!("/proc/{pid}")).exists() {
                report.add("leftovers", Said::StaleTemp { file: &path }, lang);
            }
        } else if name.starts_with('.')
            && name.ends_with(".lock")
            && std::fs::symlink_metadata(&path).is_ok_and(|m| crate::store::holder(&m).is_none())
        {
            report.add("leftovers", Said::StaleLock { file: &path }, lang);
        }
    }
}

/// The process number in `.2008.yaml.hyoka-1234.tmp` or `.2009.yaml.hyoka-new-1234.tmp`.
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, pid) = rest.rsplit_once(".hyoka-")?;
    pid.strip_prefix("new-").unwrap_or(pid).parse().ok()
}

fn check_git(
    report: &mut Report,
    git: &Git,
    data: &Path,
    shared: bool,
    office_commits: bool,
    office: &Path,
    lang: Lang,
) {
    let dir = if data.is_dir() { data } else { data.parent().unwrap_or(Path::new(".")) };
    let Ok(out) = git.output(dir, ["rev-parse", "--show-toplevel"]) else { return };
    let said = String::from_utf8_lossy(&out.stderr);
    if said.contains("dubious ownership") {
        let top = said
            .lines()
            .find_map(|l| l.trim().strip_prefix("git config --global --add safe.directory "))
            .map_or_else(|| dir.display().to_string(), |t| t.trim().to_owned());
        report.add("git", Said::Dubious { top: &top }, lang);
        return;
    }
    if out.status.success() && shared && !office_commits {
        report.add("git", Said::SharedWithoutCommits { office }, lang);
    }
}

fn check_reviewers(report: &mut Report, found: &Authority, office: &Path, lang: Lang) {
    match &found.office {
        Some(OfficeFile::Ignored(why)) => {
            let (problem, fix) = (crate::i18n::office::office_ignored(why, lang), why.fix(why.path()));
            report.problems.push(Finding { check: "reviewers", problem, fix });
        }
        _ if found.repository.is_none() && found.office_settings().and_then(|o| o.reviewers.as_ref()).is_none() => {
            report.add("reviewers", Said::NoReviewers { office }, lang);
        }
        _ => {}
    }
    for why in &found.ignored {
        let (problem, fix) = (crate::i18n::office::reviewers_ignored(why, lang), why.fix(why.path()));
        report.problems.push(Finding { check: "reviewers", problem, fix });
    }
}

/// sshd's `ClientAliveInterval` (0 when not set); `None` when its configuration cannot be read.
fn keepalive(config: &Path) -> Option<u64> {
    let main = std::fs::read_to_string(config).ok()?;
    let mut texts = Vec::new();
    // sshd takes the first value given; the drop-in folder is read where `Include` names it (first, on Debian).
    if let Some(dir) = config.parent() {
        let mut dropins: Vec<PathBuf> = std::fs::read_dir(dir.join("sshd_config.d"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "conf"))
            .collect();
        dropins.sort();
        texts.extend(dropins.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    texts.push(main);
    let value = texts.iter().flat_map(|t| t.lines()).find_map(|line| {
        let mut words = line.split_whitespace();
        words.next().is_some_and(|w| w.eq_ignore_ascii_case("ClientAliveInterval")).then(|| words.next())?
    });
    Some(value.and_then(|v| v.trim_end_matches('s').parse().ok()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_killed_saves_are_known_by_their_names() {
        assert_eq!(temp_pid(".2008.yaml.hyoka-1234.tmp"), Some(1234));
        assert_eq!(temp_pid(".2009.yaml.hyoka-new-77.tmp"), Some(77));
        assert_eq!(temp_pid("2008.yaml"), None);
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let config = dir.path().join("sshd_config");
        std::fs::write(&config, "Port 22\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(keepalive(&config), Some(0));
        std::fs::create_dir(dir.path().join("sshd_config.d")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("sshd_config.d/hyoka.conf"), "ClientAliveInterval 60\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(keepalive(&config), Some(60));
        assert_eq!(keepalive(&dir.path().join("none")), None);
    }
}
