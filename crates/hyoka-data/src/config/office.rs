//! The office's own settings, in a place the clerks cannot write: `/etc/hyoka/office.yaml`, or the
//! path fixed when hyoka is built (`HYOKA_OFFICE_SETTINGS=/path cargo install …`). Who reviews,
//! whether every save is a commit, and the office's time zone — for every account alike.
//!
//! ```yaml
//! reviewers: { users: [suzuki], group: hyoka-reviewers }
//! git: { commit: true }      # every save of every account is a commit (a shared work tree)
//! time_zone: "+09:00"        # stamps and times on screen; the system's zone when left out
//! publish: approved_only     # hyoka publish: only approved sections (all by default)
//! ```

use std::path::{Path, PathBuf};

use chrono::FixedOffset;
use serde::Deserialize;

use super::publish::PublishPolicy;
use super::reviewers::Reviewers;
use super::safe::{Unsafe, check_safe};
use crate::i18n::Lang;
use crate::store::Describe;

/// Where the office's settings are, as fixed at build time. No variable of the environment moves
/// it in a release build.
pub const OFFICE_SETTINGS: &str = match option_env!("HYOKA_OFFICE_SETTINGS") {
    Some(path) => path,
    None => "/etc/hyoka/office.yaml",
};

/// The office's settings file in force. Debug builds (the tests) may name another with the
/// variable `HYOKA_OFFICE_SETTINGS`; a release build never reads it.
pub fn office_path() -> PathBuf {
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os("HYOKA_OFFICE_SETTINGS").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    PathBuf::from(OFFICE_SETTINGS)
}

/// Whether the office's file is the one a test named (its owner is then not checked: a test
/// that is not root cannot make a root-owned file).
fn named_by_a_test() -> bool {
    cfg!(debug_assertions) && std::env::var_os("HYOKA_OFFICE_SETTINGS").is_some_and(|p| !p.is_empty())
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Office {
    pub reviewers: Option<Reviewers>,
    /// Every save is committed, whatever each user's own settings say.
    pub commit: Option<bool>,
    pub time_zone: Option<FixedOffset>,
    /// What `hyoka publish` puts on the site.
    pub publish: Option<PublishPolicy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGit {
    #[serde(default)]
    commit: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    #[serde(default)]
    reviewers: Option<Reviewers>,
    #[serde(default)]
    git: Option<RawGit>,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    publish: Option<PublishPolicy>,
}

/// How the office's settings were found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficeFile {
    Missing,
    Read(Office),
    /// There, but someone other than root could change it: ignored, and said.
    Ignored(Unsafe),
}

/// Reads the office's settings at `path`. A mistake in a trusted file is an error in both
/// languages: what the office decided must never be guessed.
pub fn load_office(path: &Path) -> Result<OfficeFile, String> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(OfficeFile::Missing);
    }
    let top = path.parent().and_then(Path::parent).unwrap_or(Path::new("/"));
    if !named_by_a_test()
        && let Err(why) = check_safe(path, top, &|_| false)
    {
        return Ok(OfficeFile::Ignored(why));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: 読めません（{e}） / cannot be read ({e})", path.display()))?;
    parse_office(&text).map(OfficeFile::Read).map_err(|why| format!("{}: {why}", path.display()))
}

pub fn parse_office(text: &str) -> Result<Office, String> {
    if text.trim().is_empty() {
        return Ok(Office::default());
    }
    let raw: RawOffice = serde_saphyr::from_str(text).map_err(|e| {
        let problem = crate::store::explain_parse_error(&e, text);
        let at = problem.position.map(|p| format!("{}:{}: ", p.line, p.column)).unwrap_or_default();
        let (ja, en) = (problem.kind.describe(Lang::Ja), problem.kind.describe(Lang::En));
        format!(
            "{at}事務所の設定（使える項目は reviewers, git, time_zone, publish）: {ja} / the office's settings: {en}"
        )
    })?;
    let time_zone = match raw.time_zone.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(zone) => Some(parse_zone(zone).ok_or_else(|| {
            format!(
                "time_zone: 「{zone}」は時差として読めません（例: \"+09:00\"） / \
                 \"{zone}\" is no UTC offset (for example \"+09:00\")"
            )
        })?),
    };
    Ok(Office { reviewers: raw.reviewers, commit: raw.git.and_then(|g| g.commit), time_zone, publish: raw.publish })
}

/// `+09:00`, `+0900`, `UTC`, `Z`: a fixed offset from UTC (the offices of Japan keep no summer time).
pub fn parse_zone(zone: &str) -> Option<FixedOffset> {
    if matches!(zone, "UTC" | "Z" | "utc") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match zone.as_bytes().first()? {
        b'+' => (1, zone.get(1..)?),
        b'-' => (-1, zone.get(1..)?),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) || rest.len() > 5 {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..)?.parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offices_settings_are_read_and_checked() {
        let office = parse_office("reviewers: { users: [suzuki] }\ngit: { commit: true }\ntime_zone: \"+09:00\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(office.reviewers.map(|r| r.users), Some(vec!["suzuki".to_owned()]));
        assert_eq!(office.commit, Some(true));
        assert_eq!(office.time_zone, FixedOffset::east_opt(9 * 3600));
        assert!(parse_office("time_zone: Tokyo\n").is_err_and(|e| e.contains("+09:00")));
        assert!(parse_office("reviewer: []\n").is_err_and(|e| e.contains("1:1")));
        assert_eq!(parse_zone("-0330"), FixedOffset::west_opt(3 * 3600 + 30 * 60));
        assert_eq!(parse_zone("UTC"), FixedOffset::east_opt(0));
        assert_eq!(parse_zone("+9"), None);
        assert_eq!(parse_zone("+25:00"), None);
    }

    #[test]
    fn an_office_file_anyone_may_change_is_ignored() {
        use std::os::unix::fs::PermissionsExt as _;
        if named_by_a_test() {
            return; // the variable decides where the office's file is, and its owner is not checked
        }
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let etc = dir.path().join("etc");
        std::fs::create_dir(&etc).unwrap_or_else(|e| panic!("{e}"));
        let file = etc.join("office.yaml");
        std::fs::write(&file, "reviewers: { users: [clerk] }\n").unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(load_office(&file), Ok(OfficeFile::Ignored(Unsafe::Writable { .. }))));
        assert_eq!(load_office(&etc.join("none.yaml")), Ok(OfficeFile::Missing));
    }
}
