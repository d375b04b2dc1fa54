//! Every `App` the tests make is made here: the sample as a loaded file, a folder opened as the
//! screen opens it, by a clerk or a reviewer. Change how an App is built in this file only.

use std::path::Path;

use hyoka::app::{App, FileEntry, SectionRef, Settings};
use hyoka::i18n::Lang;
use hyoka::store::parse_document;
use hyoka::text::AmbiguousWidth;
use hyoka::worker::load_workspace;

use super::docs::SAMPLE;

/// Where the sample lives in the repository; the status line shows this path.
pub const SAMPLE_PATH: &str = "data/kamigyo/2008.yaml";

/// The sample's 区民部 総務課, the first section: where the cursor opens.
pub const SOMU: SectionRef = SectionRef { file: 0, division: 0, section: 0 };
/// The sample's 区民部 市民税課.
pub const SHIMINZEI: SectionRef = SectionRef { file: 0, division: 0, section: 3 };

/// Section `section` of division `division` of the first file.
pub fn at(division: usize, section: usize) -> SectionRef {
    SectionRef { file: 0, division, section }
}

/// The sample, in Japanese, as if opened from `data/kamigyo/2008.yaml`; nothing read from disk.
pub fn sample_app() -> App {
    sample_app_in(Lang::Ja)
}

/// A data file's text (the sample, or a copy of it) as if opened from `data/kamigyo/2008.yaml`.
pub fn app_from_text(text: &str) -> App {
    app_from_text_on(text, AmbiguousWidth::Narrow)
}

/// The same, on a terminal that draws ambiguous characters `ambiguous_width` wide.
pub fn app_from_text_on(text: &str, ambiguous_width: AmbiguousWidth) -> App {
    let doc = parse_document(text).expect("the file parses");
    App::new(vec![FileEntry::loaded(SAMPLE_PATH, doc, text)], settings_on(Lang::Ja, ambiguous_width))
}

/// The sample with the screen's words in `lang`.
pub fn sample_app_in(lang: Lang) -> App {
    sample_app_on(lang, AmbiguousWidth::Narrow)
}

/// The sample in `lang`, on a terminal that draws ambiguous characters `ambiguous_width` wide.
pub fn sample_app_on(lang: Lang, ambiguous_width: AmbiguousWidth) -> App {
    let doc = parse_document(SAMPLE).expect("the sample parses");
    App::new(vec![FileEntry::loaded(SAMPLE_PATH, doc, SAMPLE)], settings_on(lang, ambiguous_width))
}

/// The login the tests save as, unless a test says otherwise.
pub const TESTER: &str = "tester";

/// Settings in `lang`, with the tester at the keys (not a reviewer): the worker's answer to who is
/// at the keys, given at once.
pub fn settings(lang: Lang) -> Settings {
    Settings::new(lang).known_as(TESTER, false)
}

/// The same, for a terminal that draws ◎ ○ △ × ① and the box-drawing characters `ambiguous_width`
/// wide: `Wide` as PuTTY, RLogin, TeraTerm or vim's ambiwidth=double set so (`Narrow` by default).
pub fn settings_on(lang: Lang, ambiguous_width: AmbiguousWidth) -> Settings {
    Settings { ambiguous_width, ..settings(lang) }
}

/// Files already loaded (perhaps changed by the test), shown in `lang`.
pub fn app_of(files: Vec<FileEntry>, lang: Lang) -> App {
    App::new(files, settings(lang))
}

/// The sample with its document changed before it is opened (a status, a stage, a review, as a
/// file on disk would have them).
pub fn sample_with(lang: Lang, change: impl FnOnce(&mut hyoka::model::Document)) -> App {
    text_with(SAMPLE, lang, change)
}

/// A data file's text (the sample, or a copy of it) with its document changed before it is opened.
pub fn text_with(text: &str, lang: Lang, change: impl FnOnce(&mut hyoka::model::Document)) -> App {
    text_with_on(text, (lang, AmbiguousWidth::Narrow), change)
}

/// The same, on a terminal that draws ambiguous characters `ambiguous_width` wide.
pub fn text_with_on(
    text: &str,
    (lang, ambiguous_width): (Lang, AmbiguousWidth),
    change: impl FnOnce(&mut hyoka::model::Document),
) -> App {
    let mut doc = parse_document(text).expect("the file parses");
    change(&mut doc);
    let text = hyoka::store::emit_document(&doc);
    App::new(vec![FileEntry::loaded(SAMPLE_PATH, doc, text)], settings_on(lang, ambiguous_width))
}

/// A folder (or one file) as `hyoka PATH` opens it, in Japanese.
pub fn open(path: &Path) -> App {
    open_on(path, AmbiguousWidth::Narrow)
}

/// The same, on a terminal that draws ambiguous characters `ambiguous_width` wide.
pub fn open_on(path: &Path, ambiguous_width: AmbiguousWidth) -> App {
    App::new(load_workspace(path).expect("the folder loads"), settings_on(Lang::Ja, ambiguous_width))
}

/// A folder opened by `user` (the name stamped on what they save); a reviewer if `reviewer`.
pub fn open_as(path: &Path, user: &str, reviewer: bool) -> App {
    open_with(path, Settings::new(Lang::Ja).known_as(user, reviewer))
}

/// A folder opened with `settings` (read-only, another calendar, …).
pub fn open_with(path: &Path, settings: Settings) -> App {
    App::new(load_workspace(path).expect("the folder loads"), settings)
}

/// The name of the section under the cursor (empty on a file or a division).
pub fn selected_name(app: &App) -> String {
    app.selected().and_then(|s| app.section(s)).map(|s| s.name.clone()).unwrap_or_default()
}
