//! The user's settings file: `$XDG_CONFIG_HOME/hyoka/config.yaml` (or `~/.config/hyoka/…`),
//! or the file named by `HYOKA_CONFIG`. Every key is optional; the command line wins over it.
//!
//! ```yaml
//! lang: ja                 # ja or en
//! ambiguous_width: auto    # auto, 1 or 2: how wide the terminal draws ◎ ○ △ × ① ※ →
//! read_only: true          # reviewers: open everything without the right to change it
//! keys:                    # bindings that replace the defaults (see `hyoka keys`)
//!   tree.down: [j, Down, Ctrl-N]
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;

/// How the width of ambiguous characters is chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AmbiguousSetting {
    /// Ask the terminal at start-up (one column when it does not answer).
    #[default]
    Auto,
    #[value(name = "1")]
    One,
    #[value(name = "2")]
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

/// Reads the settings; a missing file is no settings. The error is ready to print, in both
/// languages since the language itself may be what is wrong.
pub fn load_config(path: &Path) -> Result<Config, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(format!("{}: 設定ファイルを読めません / cannot read the settings ({e})", path.display())),
    };
    parse_config(&text).map_err(|why| format!("{}: {why}", path.display()))
}

pub fn parse_config(text: &str) -> Result<Config, String> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let raw: RawConfig = serde_saphyr::from_str(text).map_err(|e| {
        let at = e.location().map(|l| format!("{}:{}: ", l.line(), l.column())).unwrap_or_default();
        format!(
            "{at}設定ファイルの書き方が違います（使える項目は lang、ambiguous_width、read_only、keys） / the settings file is not valid ({})",
            e.without_snippet().to_string().lines().next().unwrap_or_default()
        )
    })?;
    let lang = match raw.lang.as_deref() {
        None => None,
        Some("ja") => Some(Lang::Ja),
        Some("en") => Some(Lang::En),
        Some(other) => return Err(format!("lang: 「{other}」は使えません。ja か en にしてください / use ja or en")),
    };
    let ambiguous_width = match raw.ambiguous_width.as_deref() {
        None => None,
        Some("auto") => Some(AmbiguousSetting::Auto),
        Some("1") => Some(AmbiguousSetting::One),
        Some("2") => Some(AmbiguousSetting::Two),
        Some(other) => {
            return Err(format!(
                "ambiguous_width: 「{other}」は使えません。auto、1、2 のどれかにしてください / use auto, 1 or 2"
            ));
        }
    };
    Ok(Config { lang, ambiguous_width, read_only: raw.read_only, keys: raw.keys })
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
                keys: Default::default()
            })
        );
        assert_eq!(parse_config(""), Ok(Config::default()));
        assert!(parse_config("ambiguous_width: 3\n").is_err_and(|e| e.contains("auto、1、2")));
        assert!(parse_config("colour: red\n").is_err_and(|e| e.starts_with("1:1: ")));
    }
}
