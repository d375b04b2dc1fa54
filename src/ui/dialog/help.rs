//! The key help: the bindings in force, from the same table the keys are dispatched by.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::command::{Command, Context};
use crate::i18n::screen::Words;
use crate::ui::centered;
use crate::ui::style::{self, dim};

pub fn draw(frame: &mut Frame, app: &App, scroll: u16) {
    let measure = app.ambiguous_width();
    // Above the two status lines, which keep saying where one is (ヘルプ) and what is unsaved.
    let main = crate::ui::review::main_area(app);
    let area = centered(main, 78, main.height);
    let rows = app.keymap().help(app.lang());
    let place_width = rows.iter().map(|r| measure.display_width(r.place)).max().unwrap_or(0);
    let keys_width = rows.iter().map(|r| measure.display_width(&r.keys)).max().unwrap_or(0).min(24);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = rows
        .iter()
        .map(|r| {
            let place =
                format!("{}{}", r.place, " ".repeat(place_width.saturating_sub(measure.display_width(r.place))));
            let keys = measure.truncate(&r.keys, keys_width);
            let keys = format!("{keys}{}", " ".repeat(keys_width.saturating_sub(measure.display_width(&keys))));
            let rest = inner_width.saturating_sub(place_width + keys_width + 4);
            Line::from(vec![
                Span::styled(measure.padded_for_cells(format!(" {place} ")), dim()),
                Span::styled(measure.padded_for_cells(format!("{keys}  ")), style::bold()),
                Span::raw(measure.padded_for_cells(measure.truncate(&r.does, rest))),
            ])
        })
        .collect();
    let scroll_keys = app.keymap().keys_named(Context::Help, &[Command::Up, Command::Down]);
    let title = Words::HelpTitle { scroll: scroll_keys }.text(app.lang());
    crate::ui::parts::scrolled_box(frame, area, lines, scroll, &title, measure);
}
