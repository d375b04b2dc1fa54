//! A question of the year's cycle (submit, approve, next stage, new year), wrapped to its box.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, Ask, ReviewsKept};
use crate::i18n::cycle::{CycleWords, Kept, stage_name};
use crate::ui::centered;
use crate::ui::style::{self, block};
use hyoka_core::model::{Section, Stage, Status};
use hyoka_core::text::sanitize;

pub fn draw(frame: &mut Frame, app: &App, ask: &Ask) {
    let measure = app.ambiguous_width();
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
            (CycleWords::SubmitTitle, vec![CycleWords::AskSubmit { name, missing }])
        }
        Ask::Approve(at) => {
            let name = app.section(*at).map(|s| s.name.clone()).unwrap_or_default();
            (CycleWords::ApproveTitle, vec![CycleWords::AskApprove { name }])
        }
        Ask::NextStage { file, to, kept } => (CycleWords::StageTitle, next_stage(app, *file, *to, *kept)),
        Ask::NewYear { path, without, .. } => {
            let (title, path) = (without.title(), path.display().to_string());
            (CycleWords::NewYearTitle, vec![CycleWords::AskNewYear { title, path }])
        }
    };
    let question = question.iter().map(|words| words.text(lang)).collect::<Vec<_>>().join(lang.pick("", " "));
    let area = frame.area();
    let width = area.width.saturating_sub(8).min(72);
    let text_width = usize::from(width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = measure
        .wrap(&sanitize(&question), text_width)
        .into_iter()
        .map(|l| Line::from(measure.padded_for_cells(l)))
        .collect();
    lines.push(Line::default());
    let hints = measure.truncate(&app.hint_line(), text_width);
    lines.push(Line::styled(measure.padded_for_cells(hints), style::bold()));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(area, width, height);
    frame.render_widget(Clear, area);
    let outer = block(measure).title(measure.padded_for_cells(title.text(lang))).border_style(style::dialog());
    frame.render_widget(Paragraph::new(lines).block(outer), area);
}

/// The question of the move to the next stage: what it does, what it leaves undone, what it
/// clears and where that is kept — each as it is for this file, here.
fn next_stage(app: &App, file: usize, to: Stage, kept: Option<ReviewsKept>) -> Vec<CycleWords> {
    let lang = app.lang();
    let Some(doc) = app.doc(file) else { return Vec::new() };
    let from = doc.stage.map_or("—", |s| stage_name(s, lang)).to_owned();
    let mut said = vec![CycleWords::AskNextStage { title: doc.title(), from, to: stage_name(to, lang).to_owned() }];
    let sections: Vec<&Section> = doc.divisions.iter().flat_map(|d| &d.sections).collect();
    let count = |status: Status| sections.iter().filter(|s| s.status == status).count();
    let fields = app.stage_fields(file);
    said.push(CycleWords::StageUndone {
        total: sections.len(),
        unsubmitted: count(Status::Draft) + count(Status::Returned),
        waiting: count(Status::Submitted),
        empty: sections.iter().filter(|s| fields.iter().any(|f| f.is_empty(s))).count(),
        fields: fields.iter().map(|f| f.label(lang)).collect::<Vec<_>>().join("・"),
    });
    let reviewed = sections.iter().filter(|s| s.review.is_some()).count();
    if reviewed > 0 {
        said.push(CycleWords::ReviewsCleared { count: reviewed });
        said.push(CycleWords::Kept(match kept {
            None => Kept::Looking,
            Some(ReviewsKept::Committed) => Kept::InGit,
            Some(ReviewsKept::Uncommitted) => Kept::Uncommitted,
            Some(ReviewsKept::NoRepository) => Kept::NoRepository,
            Some(ReviewsKept::NoGit) => Kept::NoGit,
            Some(ReviewsKept::Unknown) => Kept::Unknown,
        }));
    }
    said.push(CycleWords::SavedAtOnce);
    said
}
