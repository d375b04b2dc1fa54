//! What the screen is opened with (the command line, the settings file, the environment) and who
//! is at the keys: known before the first frame, or learnt from the worker.

use crate::app::keymap::Keymap;
use crate::i18n::Lang;
use hyoka_core::text::AmbiguousWidth;

/// What the screen is opened with, from the command line, the settings and the environment: known
/// before the first frame, without reading a file.
#[derive(Default)]
pub struct Settings {
    pub lang: Lang,
    /// Reviewer mode (`--read-only`): nothing is edited, locked, journaled or written.
    pub read_only: bool,
    pub keymap: Keymap,
    /// The data folder as opened; in reviewer mode nothing is ever written inside it.
    pub data_root: Option<std::path::PathBuf>,
    pub calendar: crate::i18n::cycle::Calendar,
    /// Where exports go by default (a folder of the user's, outside the data tree).
    pub export_dir: Option<std::path::PathBuf>,
    /// `NO_COLOR` is set: no colours at all, emphasis by reverse video, bold and underline only.
    pub no_color: bool,
    /// How many columns the terminal gives ◎ ○ △ × ① and the box-drawing characters, as the
    /// terminal answered (or `--ambiguous-width` said): the layout and the drawing measure with it.
    pub ambiguous_width: AmbiguousWidth,
    /// Who is at the keys, when already known (tests); the screen learns it from the worker.
    pub identity: Option<Identity>,
    /// What the clerk must hear at once (settings that could not be read).
    pub notices: Vec<String>,
}

impl Settings {
    /// Everything by default, in `lang`.
    pub fn new(lang: Lang) -> Settings {
        Settings { lang, ..Settings::default() }
    }

    /// Who is at the keys, already known (tests and benchmarks, which have no worker to ask).
    #[must_use]
    pub fn known_as(self, user: &str, reviewer: bool) -> Settings {
        Settings { identity: Some(Identity { user: user.to_owned(), reviewer }), ..self }
    }
}

/// Who is at the keys: the login name that saves and reviews, and whether the office names it a
/// reviewer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub user: String,
    pub reviewer: bool,
}
