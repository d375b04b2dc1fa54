//! The two bottom lines: where you are and what is unsaved; then a message or the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::style::{self, dim};
use crate::app::{App, FileState, Mode, Node, Tone};
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, status: Rect, hints: Rect) {
    let measure = app.ambiguous_width();
    let width = usize::from(status.width);
    let lang = app.lang();
    let mode = Words::Mode { mode: mode_name(app) }.text(lang);
    let saving = app.saving();
    let file = app.files().get(app.cursor().file());
    let broken = file.is_some_and(|f| matches!(f.state, FileState::Broken(_)));
    let unsaved = app.unsaved_sections();
    let (saved_text, saved_style) = if saving {
        (Words::SavingBadge.text(lang), style::warning())
    } else if unsaved > 0 || app.documents_unsaved() {
        (Words::UnsavedBadge { sections: unsaved.max(1) }.text(lang), style::warning())
    } else if let comments @ 1.. = app.unsent_drafts() {
        // Only return comments written and not sent: no section is unsaved, and Ctrl-S sends none.
        (Words::UnsentBadge { comments }.text(lang), style::warning())
    } else if broken {
        (Words::BrokenBadge.text(lang), style::error().add_modifier(Modifier::REVERSED))
    } else {
        (Words::SavedBadge.text(lang), style::good())
    };
    let mode_text = format!("{} {mode} ", super::review::status_note(app));
    let right = measure.display_width(&mode_text) + measure.display_width(&saved_text);
    let place = measure.truncate(&format!(" {}", location(app)), width.saturating_sub(right));
    let pad = width.saturating_sub(measure.display_width(&place) + right);
    let bar = Style::new().add_modifier(Modifier::REVERSED);
    let line = Line::from(vec![
        Span::styled(measure.padded_for_cells(place), bar),
        Span::styled(" ".repeat(pad), bar),
        Span::styled(measure.padded_for_cells(mode_text), style::bold()),
        Span::styled(measure.padded_for_cells(saved_text), saved_style),
    ]);
    super::parts::put_lines(frame.buffer_mut(), [line], status);

    let bottom = match &app.message() {
        Some(message) => {
            let style = match message.tone {
                Tone::Info => Style::new(),
                Tone::Error => style::error(),
            };
            let text = sanitize(&message.text);
            let room = usize::from(hints.width);
            // A message too long for the line ends in the key that shows it whole.
            let whole = app.keymap().keys(Context::Global, Command::Messages).first().map(|k| k.shown());
            let line = match whole {
                Some(key) if measure.display_width(&text) > room => {
                    let tail = format!(" {key}:{}", Words::WholeMessage.text(lang));
                    format!("{}{tail}", measure.truncate(&text, room.saturating_sub(measure.display_width(&tail))))
                }
                _ => measure.truncate(&text, room),
            };
            Line::styled(measure.padded_for_cells(line), style)
        }
        None => {
            let keys = app.hint_line();
            let legend = Words::TreeLegend.text(lang);
            // The legend only where it fits whole: a cut legend says nothing.
            let room = usize::from(hints.width);
            let text = if matches!(app.mode(), Mode::Browse)
                && measure.display_width(&keys) + 3 + measure.display_width(&legend) <= room
            {
                format!("{keys}   {legend}")
            } else {
                keys
            };
            Line::styled(measure.padded_for_cells(measure.truncate(&text, room)), dim())
        }
    };
    super::parts::put_lines(frame.buffer_mut(), [bottom], hints);
}

fn mode_name(app: &App) -> crate::i18n::screen::ModeName {
    use crate::i18n::screen::ModeName;
    match &app.mode() {
        Mode::Editing(_) | Mode::Comment(_) => ModeName::Editing,
        Mode::Help { .. } | Mode::Messages { .. } => ModeName::Help,
        Mode::ConfirmQuit => ModeName::Quit,
        Mode::Resolve(_) => ModeName::Conflict,
        Mode::Recover(_) => ModeName::Recovery,
        Mode::Export(_) => ModeName::Export,
        Mode::Changes(_) => ModeName::History,
        Mode::Search(_) | Mode::Filter(_) | Mode::Table(_) | Mode::Years(_) | Mode::Summary(_) => {
            if app.read_only() {
                ModeName::ReadOnly
            } else {
                ModeName::Browse
            }
        }
        Mode::Ask(_) => ModeName::Browse,
        Mode::Browse if app.read_only() => ModeName::ReadOnly,
        Mode::Browse => ModeName::Browse,
    }
}

/// "上京区役所 平成20年度 › 区民部 › 総務課 │ data/kamigyo/2008.yaml"
fn location(app: &App) -> String {
    let file = app.cursor().file();
    let path = app.files().get(file).map(|f| f.path.display().to_string()).unwrap_or_default();
    let mut parts = vec![];
    match app.doc(file) {
        None => parts.push(Words::UnreadableFile.text(app.lang())),
        Some(doc) => {
            match doc.stage {
                Some(stage) => {
                    parts.push(format!("{}［{}］", doc.title(), crate::i18n::cycle::stage_short(stage, app.lang())))
                }
                None => parts.push(doc.title()),
            }
            let division = match app.cursor() {
                Node::Division(_, d) => Some(d),
                Node::Section(at) => Some(at.division),
                Node::File(_) => None,
            };
            if let Some(d) = division.and_then(|d| doc.divisions.get(d)) {
                parts.push(d.name.clone());
            }
            if let Some(s) = app.selected().and_then(|at| app.section(at)) {
                parts.push(s.name.clone());
            }
        }
    }
    sanitize(&format!("{} ｜ {path}", parts.join(" › "))).into_owned()
}
