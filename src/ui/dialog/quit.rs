//! The question before quitting with unsaved work.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::App;
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use crate::ui::centered;
use crate::ui::style::{self, block};

pub fn draw(frame: &mut Frame, app: &App) {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let (sections, drafts) = (app.unsaved_sections(), app.unsent_drafts());
    let mut said = Vec::new();
    match app.merge_questions() {
        0 if sections == 0 && drafts > 0 => {}
        0 => said.push(Words::QuitQuestion { sections: sections.max(1) }.text(lang)),
        fields => said.push(Words::QuitMergeQuestion { fields }.text(lang)),
    }
    if drafts > 0 {
        // A comment not sent is neither saved nor lost by quitting: where it goes is said.
        let key = |command| app.keymap().key_name(Context::Quit, command);
        let (save, discard) = (key(Command::SaveAndQuit), key(Command::DiscardAndQuit));
        said.push(Words::QuitDrafts { count: drafts, save, discard }.text(lang));
    }
    let choices = app.hint_line();
    let room = usize::from(frame.area().width.saturating_sub(4)).clamp(1, 72);
    let mut lines: Vec<Line> =
        said.iter().flat_map(|s| measure.wrap(s, room)).map(|l| Line::from(measure.padded_for_cells(l))).collect();
    let widest = lines.iter().map(Line::width).chain([measure.display_width(&choices)]).max().unwrap_or(0);
    lines.push(Line::default());
    lines.push(Line::styled(measure.padded_for_cells(choices), style::bold()));
    let width = u16::try_from(widest + 4).unwrap_or(u16::MAX);
    let area = centered(frame.area(), width, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(
            block(measure).title(measure.padded_for_cells(Words::QuitTitle.text(lang))).border_style(style::dialog()),
        ),
        area,
    );
}
