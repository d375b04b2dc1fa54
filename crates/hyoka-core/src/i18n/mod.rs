//! The language hyoka speaks, the `tr!` macro that keeps a message's two wordings side by side, and
//! the words of the documents themselves (fields, stages, statuses, dates). Each layer above keeps
//! the catalogue of what it says in an `i18n` module of its own.

pub mod cycle;
mod fields;
pub mod zone;

/// Which language hyoka speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Picks Japanese or English text; keeps each message's two wordings side by side.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// `HYOKA_LANG=en` (or `ja`) chooses without a flag, e.g. in a shared shell profile.
    pub fn from_env() -> Option<Lang> {
        match std::env::var("HYOKA_LANG").ok()?.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "ja" | "japanese" => Some(Lang::Ja),
            _ => None,
        }
    }
}

/// One message in both languages, formatted only in the one asked for:
/// `tr!(lang, "「{path}」を開けません", "cannot open '{path}'")`, with the names in scope.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $ja:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Ja => format!($ja),
            $crate::i18n::Lang::En => format!($en),
        }
    };
}
