//! The user's settings file: `$XDG_CONFIG_HOME/hyoka/config.yaml` (or `~/.config/hyoka/…`),
//! or the file named by `HYOKA_CONFIG`. Every key is optional; the command line wins over it.
//!
//! ```yaml
//! lang: ja                 # ja or en
//! ambiguous_width: auto    # auto, 1 or 2: how wide the terminal draws ◎ ○ △ × ① ※ →
//! read_only: true          # reviewers: open everything without the right to change it
//! keys:                    # bindings that replace the defaults (see `hyoka keys`)
//!   tree.down: [j, Down, Ctrl-N]
//! git:
//!   commit: true           # commit each save (as --commit does) when the data are in git
//! calendar: era            # era (令和8年11月26日, the default) or western (2026年11月26日)
//! ```

mod authority;
mod office;
mod publish;
mod reviewers;
mod safe;

pub use authority::{Authority, DATA_SETTINGS, authority, publish_policy};
pub use office::{OFFICE_SETTINGS, Office, OfficeFile, load_office, office_path, parse_office, parse_zone};
pub use publish::PublishPolicy;
pub use reviewers::Reviewers;
pub use safe::{Unsafe, check_safe};

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;
use crate::i18n::store::SettingsMsg;
use crate::store::Describe;

/// How the width of ambiguous characters is chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum AmbiguousSetting {
    /// Ask the terminal at start-up (one column when it does not answer).
    #[default]
    Auto,
    #[cfg_attr(feature = "cli", value(name = "1"))]
    One,
    #[cfg_attr(feature = "cli", value(name = "2"))]
    Two,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub ambiguous_width: Option<AmbiguousSetting>,
    /// Reviewer mode for everyone using this settings file.
    pub read_only: Option<bool>,
    /// Key bindings that replace the defaults: binding name (`tree.down`, `save`) → keys.
    pub keys: std::collections::BTreeMap<String, Vec<String>>,
    /// Commit each save to git (`git: { commit: true }`).
    pub commit: Option<bool>,
    /// `reviewers:` written in a user's own file: never grants the right (said at start).
    pub reviewers: Option<Reviewers>,
    /// Dates in the Western calendar rather than the era's.
    pub calendar: Option<crate::i18n::cycle::Calendar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGit {
    #[serde(default)]
    commit: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    ambiguous_width: Option<String>,
    #[serde(default)]
    read_only: Option<bool>,
    #[serde(default)]
    keys: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    git: Option<RawGit>,
    #[serde(default)]
    reviewers: Option<Reviewers>,
    #[serde(default)]
    calendar: Option<String>,
}

/// Where the settings file is looked for.
pub fn config_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("HYOKA_CONFIG") {
        return Some(PathBuf::from(path));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("hyoka").join("config.yaml"))
}

/// The settings as read, and what could not be read (hyoka goes on with the defaults then).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub config: Config,
    pub warning: Option<ConfigWarning>,
}

/// The settings file is there but cannot be read: a `HOME` the user may not read, a folder or
/// a named pipe in its place. Not a reason to refuse to start.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot read the settings {} ({why})", .path.display())]
pub struct ConfigWarning {
    pub path: PathBuf,
    pub why: String,
}

impl ConfigWarning {
    pub fn describe(&self, lang: Lang) -> String {
        crate::i18n::store::settings_unreadable(&self.path, &self.why, lang)
    }
}

/// Reads the settings; a missing file is no settings, an unreadable one a warning. A file that
/// reads but says something wrong is an error, ready to print in both languages since the
/// language itself may be what is wrong: a reviewer's `read_only: true` must not be ignored.
pub fn load_config(path: &Path) -> Result<Loaded, String> {
    let text = match read_settings(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(e) => {
            let warning = ConfigWarning { path: path.to_path_buf(), why: e.to_string() };
            return Ok(Loaded { config: Config::default(), warning: Some(warning) });
        }
    };
    let config = parse_config(&text).map_err(|why| format!("{}: {why}", path.display()))?;
    Ok(Loaded { config, warning: None })
}

/// A small text file, opened without ever blocking (a named pipe in its place is refused).
fn read_settings(path: &Path) -> std::io::Result<String> {
    use std::io::Read as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a plain file"));
    }
    let mut text = String::new();
    file.take(1024 * 1024).read_to_string(&mut text)?;
    Ok(text)
}

pub fn parse_config(text: &str) -> Result<Config, String> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let raw: RawConfig = serde_saphyr::from_str(text).map_err(|e| {
        // Said as a data file's problem is said, without the parser's hints for programmers.
        let problem = crate::store::explain_parse_error(&e, text);
        let at = problem.position.map(|p| format!("{}:{}: ", p.line, p.column)).unwrap_or_default();
        SettingsMsg::Invalid { at, ja: problem.kind.describe(Lang::Ja), en: problem.kind.describe(Lang::En) }.text()
    })?;
    let lang = match raw.lang.as_deref() {
        None => None,
        Some("ja") => Some(Lang::Ja),
        Some("en") => Some(Lang::En),
        Some(other) => return Err(SettingsMsg::BadLang { value: other }.text()),
    };
    let ambiguous_width = match raw.ambiguous_width.as_deref() {
        None => None,
        Some("auto") => Some(AmbiguousSetting::Auto),
        Some("1") => Some(AmbiguousSetting::One),
        Some("2") => Some(AmbiguousSetting::Two),
        Some(other) => return Err(SettingsMsg::BadAmbiguousWidth { value: other }.text()),
    };
    let commit = raw.git.and_then(|g| g.commit);
    let calendar = match raw.calendar.as_deref() {
        None => None,
        Some("era") => Some(crate::i18n::cycle::Calendar::Era),
        Some("western") => Some(crate::i18n::cycle::Calendar::Western),
        Some(other) => return Err(SettingsMsg::BadCalendar { value: other }.text()),
    };
    let (read_only, keys, reviewers) = (raw.read_only, raw.keys, raw.reviewers);
    Ok(Config { lang, ambiguous_width, read_only, keys, commit, reviewers, calendar })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_and_checked() {
        assert_eq!(
            parse_config("lang: en\nambiguous_width: 2\n"),
            Ok(Config {
                lang: Some(Lang::En),
                ambiguous_width: Some(AmbiguousSetting::Two),
                read_only: None,
                keys: Default::default(),
                commit: None,
                reviewers: None,
                calendar: None,
            })
        );
        assert_eq!(parse_config("git:\n  commit: true\n").map(|c| c.commit), Ok(Some(true)));
        assert!(parse_config("git:\n  comit: true\n").is_err_and(|e| e.contains("comit")));
        assert_eq!(parse_config(""), Ok(Config::default()));
        assert!(parse_config("ambiguous_width: 3\n").is_err_and(|e| e.contains("auto、1、2")));
        assert!(parse_config("colour: red\n").is_err_and(|e| e.starts_with("1:1: ") && e.contains("colour")));
        let duplicate = parse_config("lang: en\nlang: ja\n");
        assert!(duplicate.is_err_and(|e| e.contains("二度") && !e.contains("DuplicateKeyPolicy")));
    }

    #[test]
    fn an_unreadable_settings_path_is_a_warning_and_the_defaults() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // HOME/.config is a file: the settings path below it cannot be read (as for a HOME the
        // user may not enter, which root, running these tests, could enter anyway).
        std::fs::write(dir.path().join(".config"), "").unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(".config/hyoka/config.yaml");
        let loaded = load_config(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.config, Config::default());
        let warning = loaded.warning.unwrap_or_else(|| panic!("a warning"));
        assert!(
            warning.describe(Lang::Ja).contains("読めません")
                && warning.describe(Lang::Ja).contains("既定の設定で続けます")
        );
        assert!(warning.describe(Lang::En).contains("going on with the defaults"));
        // A folder in its place, too.
        let loaded = load_config(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.warning.is_some());
        assert_eq!(load_config(&dir.path().join("none.yaml")), Ok(Loaded::default()));
    }
}
