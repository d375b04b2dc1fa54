//! The question before quitting with unsaved work.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::App;
use crate::i18n::screen::Words;
use crate::ui::centered;
use crate::ui::style::{self, block, w};
use hyoka_core::text::display_width;

pub fn draw(frame: &mut Frame, app: &App) {
    let question = match app.merge_questions() {
        0 => Words::QuitQuestion { sections: app.unsaved_sections().max(1) }.text(app.lang()),
        fields => Words::QuitMergeQuestion { fields }.text(app.lang()),
    };
    let choices = app.hint_line();
    let width = u16::try_from(display_width(&question).max(display_width(&choices)) + 4).unwrap_or(u16::MAX);
    let area = centered(frame.area(), width, 5);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(vec![Line::from(w(question)), Line::default(), Line::styled(w(choices), style::bold())])
            .block(block().title(w(Words::QuitTitle.text(app.lang()))).border_style(style::dialog())),
        area,
    );
}
