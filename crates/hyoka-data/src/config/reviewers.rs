//! Who may approve and return sections: login names, or the members of a Unix group, named by
//! the data folder's own settings (`.hyoka.yaml`, kept in the repository with the data: the
//! office's word) or, where it names none, by the user's settings file. Never by a flag.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;
use crate::store::Describe;

/// The data folder's settings file, next to the data (a dot file: never taken for a data file).
pub const DATA_SETTINGS: &str = ".hyoka.yaml";

/// `reviewers: { users: [suzuki, kacho01], group: hyoka-reviewers }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewers {
    #[serde(default)]
    pub users: Vec<String>,
    #[serde(default)]
    pub group: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDataSettings {
    #[serde(default)]
    reviewers: Option<Reviewers>,
    /// What `hyoka publish` takes (read by `config::publish_policy`).
    #[serde(default)]
    pub(super) publish: Option<super::publish::PublishPolicy>,
}

/// The data folder's settings for data opened at `root` (a folder, or a file): the first
/// `.hyoka.yaml` in its folder or a folder above it, up to the top of its git work tree (only its
/// own folder outside git). `Ok(None)` when there is none; an unreadable or wrong one is an
/// error in both languages, since who reviews must never be guessed.
pub fn data_settings(root: &Path) -> Result<Option<(PathBuf, Reviewers)>, String> {
    Ok(read_data_settings(root)?.and_then(|(path, raw)| raw.reviewers.map(|r| (path, r))))
}

/// The data folder's settings file and what it says, found as [`data_settings`] describes.
pub(super) fn read_data_settings(root: &Path) -> Result<Option<(PathBuf, RawDataSettings)>, String> {
    let start = if root.is_dir() { root.to_path_buf() } else { root.parent().unwrap_or(Path::new(".")).to_path_buf() };
    let start = std::path::absolute(&start).unwrap_or(start);
    let ancestors: Vec<&Path> = start.ancestors().collect();
    let top = ancestors.iter().position(|dir| dir.join(".git").exists());
    let searched = ancestors.get(..top.map_or(1, |top| top + 1)).unwrap_or(&ancestors);
    let Some(path) = searched.iter().map(|dir| dir.join(DATA_SETTINGS)).find(|p| p.exists()) else {
        return Ok(None);
    };
    let say = |ja: String, en: String| format!("{}: {ja} / {en}", path.display());
    let text = std::fs::read_to_string(&path)
        .map_err(|e| say(format!("読めません（{e}）"), format!("cannot be read ({e})")))?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let raw: RawDataSettings = serde_saphyr::from_str(&text).map_err(|e| {
        let problem = crate::store::explain_parse_error(&e, &text);
        let at = problem.position.map(|p| format!("{}:{}: ", p.line, p.column)).unwrap_or_default();
        let (ja, en) = (problem.kind.describe(Lang::Ja), problem.kind.describe(Lang::En));
        say(
            format!("{at}データフォルダの設定（使える項目は reviewers と publish）: {ja}"),
            format!("the data folder's settings: {en}"),
        )
    })?;
    Ok(Some((path, raw)))
}

/// Whether `login` is a reviewer: named in `users`, or a member of `group` as `/etc/group` lists
/// it (`group_file`), or with that group as its primary group in `/etc/passwd` (`passwd`).
pub fn is_reviewer(login: &str, reviewers: &Reviewers, group_file: &str, passwd: &str) -> bool {
    if login.is_empty() {
        return false;
    }
    if reviewers.users.iter().any(|u| u.trim() == login) {
        return true;
    }
    let Some(group) = reviewers.group.as_deref().map(str::trim).filter(|g| !g.is_empty()) else { return false };
    let Some((gid, members)) = group_file.lines().find_map(|line| {
        let mut fields = line.split(':');
        (fields.next()? == group).then_some(())?;
        let gid = fields.nth(1)?;
        Some((gid.to_owned(), fields.next().unwrap_or_default().to_owned()))
    }) else {
        return false;
    };
    members.split(',').any(|m| m.trim() == login)
        || passwd.lines().any(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            fields.first() == Some(&login) && fields.get(3) == Some(&gid.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviewers_are_named_or_in_the_group() {
        let group = "wheel:x:10:root\nhyoka-reviewers:x:1201:suzuki,tanaka\nstaff:x:50:\n";
        let passwd = "kacho:x:1002:1201:課長:/home/kacho:/bin/sh\nclerk:x:1003:100::/home/clerk:/bin/sh\n";
        let by_name = Reviewers { users: vec!["kumin01".into()], group: None };
        assert!(is_reviewer("kumin01", &by_name, group, passwd));
        assert!(!is_reviewer("kumin02", &by_name, group, passwd));
        let by_group = Reviewers { users: vec![], group: Some("hyoka-reviewers".into()) };
        assert!(is_reviewer("tanaka", &by_group, group, passwd), "a member");
        assert!(is_reviewer("kacho", &by_group, group, passwd), "the group is kacho's primary group");
        assert!(!is_reviewer("clerk", &by_group, group, passwd));
        assert!(!is_reviewer("suzuki", &Reviewers { users: vec![], group: Some("staff".into()) }, group, passwd));
        assert!(!is_reviewer("", &by_group, "", ""));
    }

    #[test]
    fn the_settings_file_names_reviewers_and_the_calendar() {
        let config = crate::config::parse_config("reviewers:\n  users: [suzuki]\n  group: shinsa\ncalendar: western\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let reviewers = config.reviewers.unwrap_or_default();
        assert_eq!((reviewers.users, reviewers.group.as_deref()), (vec!["suzuki".to_owned()], Some("shinsa")));
        assert_eq!(config.calendar, Some(crate::i18n::cycle::Calendar::Western));
        let wrong = crate::config::parse_config("reviewers:\n  user: [suzuki]\n").err().unwrap_or_default();
        assert!(wrong.contains("user") && wrong.contains("2:3"), "{wrong}");
    }

    #[test]
    fn the_data_folders_settings_are_found_up_to_the_work_tree_and_checked() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = dir.path().join("data/kamigyo");
        std::fs::create_dir_all(&data).unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir(dir.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(data_settings(&data), Ok(None));
        std::fs::write(dir.path().join("data").join(DATA_SETTINGS), "reviewers:\n  users: [suzuki]\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let found = data_settings(&data.join("2008.yaml")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(found.map(|(_, r)| r.users), Some(vec!["suzuki".to_owned()]));
        std::fs::write(dir.path().join("data").join(DATA_SETTINGS), "reviewer: [suzuki]\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let wrong = data_settings(&data).err().unwrap_or_default();
        assert!(wrong.contains("1:1") && wrong.contains("reviewer"), "{wrong}");
    }
}
