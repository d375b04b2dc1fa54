//! A question of the year's cycle (submit, approve, next stage, new year), wrapped to its box.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, Ask};
use crate::i18n::cycle::{CycleWords, stage_name};
use crate::ui::centered;
use crate::ui::style::{self, block, w};
use hyoka_core::text::{sanitize, truncate, wrap};

pub fn draw(frame: &mut Frame, app: &App, ask: &Ask) {
    let lang = app.lang();
    let (title, question) = match ask {
        Ask::Submit(at) => {
            let section = app.section(*at);
            let missing = section
                .map(|s| app.stage_fields(at.file).iter().filter(|f| f.is_empty(s)).map(|f| f.label(lang)))
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("・");
            let name = section.map(|s| s.name.clone()).unwrap_or_default();
            (CycleWords::SubmitTitle, CycleWords::AskSubmit { name, missing })
        }
        Ask::Approve(at) => {
            let name = app.section(*at).map(|s| s.name.clone()).unwrap_or_default();
            (CycleWords::ApproveTitle, CycleWords::AskApprove { name })
        }
        Ask::NextStage { file, to } => {
            let doc = app.doc(*file);
            let title = doc.map(|d| d.title()).unwrap_or_default();
            let from = doc.and_then(|d| d.stage).map_or("—", |s| stage_name(s, lang)).to_owned();
            (CycleWords::StageTitle, CycleWords::AskNextStage { title, from, to: stage_name(*to, lang).to_owned() })
        }
        Ask::NewYear { path, without, .. } => {
            let (title, path) = (without.title(), path.display().to_string());
            (CycleWords::NewYearTitle, CycleWords::AskNewYear { title, path })
        }
    };
    let area = frame.area();
    let width = area.width.saturating_sub(8).min(72);
    let text_width = usize::from(width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> =
        wrap(&sanitize(&question.text(lang)), text_width).into_iter().map(|l| Line::from(w(l))).collect();
    lines.push(Line::default());
    let hints = truncate(&app.hint_line(), text_width);
    lines.push(Line::styled(w(hints), style::bold()));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(area, width, height);
    frame.render_widget(Clear, area);
    let outer = block().title(w(title.text(lang))).border_style(style::dialog());
    frame.render_widget(Paragraph::new(lines).block(outer), area);
}
