//! Before the screen opens: another live hyoka of this account holding unsaved work in a file
//! about to be opened is said, and can be taken over (see `worker::live`).

use std::io::{BufRead as _, Write as _};
use std::path::Path;

use crate::app::FileEntry;
use crate::i18n::Lang;
use crate::i18n::attention::{Other, attention, choose, took_over, unknown_terminal};
use crate::worker::live::{live_work, take_over};

/// Whether to go on opening the screen.
pub fn ask(journals: &Path, files: &[FileEntry], calendar: crate::i18n::cycle::Calendar, lang: Lang) -> bool {
    for work in live_work(journals, files) {
        let since = work.since.map(|t| {
            crate::i18n::cycle::moment(chrono::DateTime::<chrono::Utc>::from(t).fixed_offset(), calendar, lang)
        });
        let (file, unknown) = (work.file.display().to_string(), unknown_terminal(lang));
        let other = Other {
            file: &file,
            terminal: work.terminal.as_deref().unwrap_or(&unknown),
            pid: work.pid,
            since: since.as_deref().unwrap_or(&unknown),
            fields: work.fields,
        };
        let mut out = std::io::stdout();
        let _ = write!(out, "{}\n{}", attention(&other, lang), choose(lang));
        let _ = out.flush();
        let mut answer = String::new();
        if std::io::stdin().lock().read_line(&mut answer).is_err() {
            return false;
        }
        match answer.trim() {
            "t" | "T" => {
                let _ = writeln!(out, "{}", took_over(take_over(journals, &work), lang));
            }
            "q" | "Q" => return false,
            _ => {}
        }
    }
    true
}
