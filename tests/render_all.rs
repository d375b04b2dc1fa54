//! Every screen hyoka can show — each view, each dialog, editing in each pane — drawn at the
//! smallest usable size, at 80×24 and at 200×60, in both ambiguous widths, and measured by the
//! Unicode width table itself (not hyoka's own measuring): every row fills the terminal exactly.
//! The data is the sample with half-width katakana in every kind of text (ﾎｰﾑﾍﾟｰｼﾞ, ﾃﾞｰﾀ: a
//! cluster is two columns in the terminal, and ratatui alone would give it three).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

mod termkit;

use hyoka::app::{
    Action, App, Ask, ChangesView, CommentDialog, Conflict, FileEntry, Focus, JournalWork, Mode, Node, Question,
    Recovery, RecoveryEntry, SectionRef, View, load_workspace, update,
};
use hyoka::command::Command;
use hyoka::git::Scope;
use hyoka::i18n::Lang;
use hyoka::layout::{MIN_HEIGHT, MIN_WIDTH};
use hyoka::model::{Field, Review, Section, Stage, Status, next_year};
use hyoka::store::{FieldConflict, parse_document};
use hyoka::text::{AmbiguousWidth, set_ambiguous_width};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use termkit::{Kind, Term};
use unicode_width::UnicodeWidthStr;

fn app() -> App {
    let text = include_str!("fixtures/halfwidth/2008.yaml");
    let doc = parse_document(text).expect("sample parses");
    App::new(vec![FileEntry::loaded("data/kamigyo/2008.yaml", doc, text)], Lang::Ja)
}

fn conflict(question: Question) -> Mode {
    Mode::Resolve(Box::new(Conflict {
        file: 0,
        conflicts: vec![question],
        index: 0,
        chosen: vec![None],
        combined: None,
    }))
}

fn field_question() -> Question {
    let mut mine = Section::new("市民税課");
    mine.reflection = "窓口対応で、来庁者の理解を得るのに時間がかかった。（私の追記◎）".into();
    let mut theirs = mine.clone();
    theirs.reflection = "窓口対応で、来庁者の理解を得るのに時間がかかった。（田中さんの追記△）".into();
    Question::Field(Box::new(FieldConflict {
        division: "区民部".into(),
        section: "市民税課".into(),
        field: Field::Reflection,
        mine: mine.reflection.clone(),
        theirs: theirs.reflection.clone(),
        mine_section: mine,
        theirs_section: theirs,
        their_by: Some("tanaka".into()),
        their_at: None,
    }))
}

fn recovery(app: &App, view: View) -> Mode {
    let doc = app.doc(0).cloned().expect("doc");
    let mut mine = doc.clone();
    mine.divisions[0].sections[0].reflection.push_str("（追記×）");
    let differences = hyoka::app::journal::differences(&doc, &mine);
    Mode::Recover(Box::new(Recovery {
        entries: vec![RecoveryEntry {
            file: 0,
            journal_path: "/state/x.journal".into(),
            original: "/elsewhere/2008.yaml".into(),
            work: JournalWork { base: doc, mine, pending: Vec::new() },
            written: None,
            differences,
        }],
        index: 0,
        view,
    }))
}

/// Every screen, as a name and the state that shows it.
/// The history view with two commits, the selected one's change full of ambiguous characters.
fn history(scope: Scope) -> Mode {
    use hyoka::git::{Change, CommitDiff, CommitInfo, Entry, FieldDiff, SectionDiff, char_diff};
    let entry = |subject: &str, field: Field| Entry {
        commit: CommitInfo {
            id: "0".repeat(40),
            parents: Vec::new(),
            author: "田中 一郎".into(),
            email: String::new(),
            time: chrono::DateTime::parse_from_rfc3339("2026-11-20T14:03:00+09:00").ok(),
            subject: subject.into(),
        },
        changes: vec![Change::Field { division: "区民部".into(), section: "総務課".into(), field }],
        unreadable: false,
        created: false,
    };
    let (before, after) = (
        "○ ①※→ 市民対応については、ﾎｰﾑﾍﾟｰｼﾞで概ね達成".repeat(3),
        "◎ ②※→ 窓口対応については、ﾎｰﾑﾍﾞｰｽﾞでほぼ達成".repeat(3),
    );
    let field = FieldDiff { field: Field::Reflection, spans: char_diff(&before, &after), before, after };
    let diff = CommitDiff {
        head: Vec::new(),
        sections: vec![SectionDiff {
            division: "区民部".into(),
            section: "総務課".into(),
            before: None,
            after: None,
            fields: vec![field],
        }],
    };
    let mut view = ChangesView::new(1, 0, scope);
    view.entries =
        vec![(0, entry("区民部 総務課: 振り返り ◎", Field::Reflection)), (1, entry("評価 ①", Field::Rating))];
    (view.total, view.examined, view.complete, view.reading) = (2, 2, true, false);
    view.diff = Some((0, diff));
    Mode::Changes(Box::new(view))
}

fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut add = |name, set: &dyn Fn(&mut App)| {
        let mut app = app();
        set(&mut app);
        out.push((name, app));
    };
    add("tree", &|_| {});
    add("file overview", &|a| a.cursor = Node::File(0));
    add("division overview", &|a| a.cursor = Node::Division(0, 0));
    for field in Field::PANES {
        add("pane", &move |a| a.focus = Focus::Pane(field));
    }
    for field in [Field::Goals, Field::Progress, Field::Reflection] {
        add("editing", &move |a| {
            a.focus = Focus::Pane(field);
            update(a, Command::Edit.into());
            update(a, Action::Paste("◎○△×①※→".into()));
        });
    }
    add("zoomed", &|a| {
        a.focus = Focus::Pane(Field::Progress);
        update(a, Command::Zoom.into());
    });
    add("lead-in", &|a| a.cursor = Node::Section(SectionRef { file: 0, division: 0, section: 2 }));
    add("help", &|a| a.mode = Mode::Help { scroll: 0 });
    add("messages", &|a| {
        a.focus = Focus::Pane(Field::Rating);
        update(a, Command::Rate(9).into());
        a.mode = Mode::Messages { scroll: 0 };
    });
    add("quit", &|a| {
        a.focus = Focus::Pane(Field::Rating);
        update(a, Command::Rate(3).into());
        update(a, Command::Quit.into());
    });
    add("export", &|a| {
        update(a, Command::Export.into());
    });
    add("conflict", &|a| a.mode = conflict(field_question()));
    add("conflict, edit both", &|a| {
        a.mode = conflict(field_question());
        update(a, Command::EditBoth.into());
    });
    add("section gone", &|a| {
        let mine = Box::new(a.section(SectionRef { file: 0, division: 0, section: 0 }).cloned().unwrap_or_default());
        a.mode = conflict(Question::Gone { division: "区民部".into(), section: "総務課".into(), mine });
    });
    add("recovery", &|a| a.mode = recovery(a, View::Question));
    add("recovery changes", &|a| a.mode = recovery(a, View::Changes(0)));
    add("recovery discard?", &|a| a.mode = recovery(a, View::ConfirmDiscard));
    add("history of a section", &|a| {
        a.mode = history(Scope::Section { division: "区民部".into(), section: "総務課".into() });
    });
    add("history of the file", &|a| a.mode = history(Scope::File));
    add("history, reading", &|a| a.mode = Mode::Changes(Box::new(ChangesView::new(1, 0, Scope::File))));
    // The year's cycle: the review above the panes, a reviewer's keys, marks of the goals, the
    // stage in the overviews, the questions, the comment being written.
    add("returned", &|a| returned(a, "数値目標を入れてください。\n◎○△×①※→ も幅どおりに。".repeat(3).as_str()));
    add("submitted, reviewer", &|a| {
        a.reviewer = true;
        a.edit_section(SOMU, |s| s.status = Status::Submitted);
    });
    add("goal marks", &|a| {
        a.focus = Focus::Pane(Field::Goals);
        update(a, Command::Rate(2).into());
        update(a, Command::Down.into());
        update(a, Command::Rate(1).into());
    });
    add("division at a stage", &|a| {
        staged(a, Stage::Midyear);
        a.cursor = Node::Division(0, 0);
    });
    add("file at a stage", &|a| {
        staged(a, Stage::Yearend);
        a.cursor = Node::File(0);
    });
    add("ask submit", &|a| {
        update(a, Command::Submit.into());
    });
    add("ask next stage", &|a| a.mode = Mode::Ask(Box::new(Ask::NextStage { file: 0, to: Stage::Yearend })));
    add("ask new year", &|a| {
        let doc = a.doc(0).cloned().unwrap();
        let (without, with_goals) = (Box::new(next_year(&doc, false)), Box::new(next_year(&doc, true)));
        a.mode =
            Mode::Ask(Box::new(Ask::NewYear { file: 0, path: "data/kamigyo/2009.yaml".into(), without, with_goals }));
    });
    // The reviewer's views.
    add("search", &|a| {
        update(a, Command::Search.into());
        update(a, Action::Paste("ﾍﾟｰｼﾞ".into()));
    });
    add("search hits", &|a| {
        update(a, Command::Search.into());
        update(a, Action::Paste("ﾍﾟｰｼﾞ".into()));
        update(a, Command::Accept.into());
    });
    add("filter", &|a| {
        update(a, Command::Filter.into());
    });
    add("table", &|a| {
        update(a, Command::Table.into());
    });
    add("years", &|a| {
        update(a, Command::Years.into());
    });
    add("summary", &|a| {
        update(a, Command::Summary.into());
    });
    add("comment", &|a| {
        a.mode = Mode::Comment(Box::new(CommentDialog::new(SOMU)));
        update(a, Action::Paste("◎○△×①※→ 目標に数値を入れてください。\n二行目".repeat(4)));
    });
    out
}

const SOMU: SectionRef = SectionRef { file: 0, division: 0, section: 0 };

fn returned(app: &mut App, comment: &str) {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
    app.edit_section(SOMU, |s| {
        s.status = Status::Returned;
        s.review = Some(Review { by: "suzuki".into(), at, comment: comment.into() });
    });
}

fn staged(app: &mut App, stage: Stage) {
    if let Some(loaded) = app.files[0].loaded_mut() {
        loaded.edit(|d| d.stage = Some(stage));
    }
    returned(app, "理由");
}

/// What the terminal receives for one row: cells not skipped, and after a cell `n` columns wide
/// the next `n - 1` not sent.
fn sent(buffer: &Buffer, y: u16) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        let cell = &buffer[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if cell.diff_option == CellDiffOption::Skip {
            continue;
        }
        skip = cell.cell_width().saturating_sub(1);
        out.push(cell.symbol().to_owned());
    }
    out
}

/// The terminal's own measure, from the Unicode table: ambiguous characters two columns wide in
/// the wide set-up.
fn terminal_width(symbols: &[String], wide: bool) -> usize {
    symbols.iter().map(|s| if wide { s.width_cjk() } else { s.width() }).sum()
}

#[test]
fn every_screen_fits_at_every_size_in_both_ambiguous_widths() {
    let sizes = [(MIN_WIDTH, MIN_HEIGHT), (80, 24), (200, 60)];
    for wide in [false, true] {
        set_ambiguous_width(if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow });
        for (name, mut app) in screens() {
            for (width, height) in sizes {
                update(&mut app, Action::Resize(width, height));
                let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
                terminal.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws");
                let buffer = terminal.backend().buffer();
                for y in 0..height {
                    let row = sent(buffer, y);
                    let text = row.concat();
                    let measured = terminal_width(&row, wide);
                    assert_eq!(
                        measured,
                        usize::from(width),
                        "{name} at {width}×{height}, wide {wide}: row {y} is {measured} columns: {text}"
                    );
                    assert!(!text.chars().any(char::is_control), "{name}: a control character reaches the terminal");
                    if wide {
                        assert!(
                            !text.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
                            "{name} at {width}×{height}: a box-drawing character in wide mode, row {y}: {text}"
                        );
                    }
                }
            }
        }
    }
    set_ambiguous_width(AmbiguousWidth::Narrow);
}

#[test]
fn a_broken_file_and_a_too_small_terminal_fit_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("tests/fixtures/broken/bad_rating.yaml", dir.path().join("2009.yaml")).expect("copy");
    let mut broken = App::new(load_workspace(dir.path()).expect("loads"), Lang::Ja);
    let mut small = app();
    let mut tiny = app();
    for wide in [false, true] {
        set_ambiguous_width(if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow });
        for (app, width, height) in [(&mut broken, 80, 24), (&mut small, 30, 8), (&mut tiny, 12, 3)] {
            update(app, Action::Resize(width, height));
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
            terminal.draw(|frame| hyoka::ui::draw(frame, app)).expect("draws");
            for y in 0..height {
                let row = sent(terminal.backend().buffer(), y);
                assert_eq!(terminal_width(&row, wide), usize::from(width), "row {y}: {}", row.concat());
            }
        }
    }
    set_ambiguous_width(AmbiguousWidth::Narrow);
}

#[test]
fn a_wide_terminal_shows_each_frame_exactly_after_every_change() {
    set_ambiguous_width(AmbiguousWidth::Wide);
    let (width, height) = (100u16, 30u16);
    let mut app = app();
    update(&mut app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    // A terminal that draws ambiguous characters two columns wide, fed only what ratatui sends.
    let mut shown = Term::new(Kind::Exact { wide: true }, width, height);
    let mut previous = Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
    let mut steps: Vec<Action> = vec![Command::NextPane.into(), Command::NextPane.into(), Command::NextPane.into()];
    steps.extend((0..6).map(|_| Action::from(Command::CycleRating)));
    steps.extend([Command::Back.into(), Command::Down.into(), Command::Down.into(), Command::Up.into()]);
    steps.push(Command::NextPane.into());
    steps.extend((0..4).map(|_| Action::from(Command::Down)));
    for (n, step) in steps.into_iter().enumerate() {
        // The frame as drawn (not the test backend's copy, which keeps only what was sent).
        let next = terminal.draw(|frame| hyoka::ui::draw(frame, &app)).expect("draws").buffer.clone();
        for (x, y, cell) in previous.diff(&next) {
            shown.print_at(x, y, cell.symbol());
        }
        for y in 0..height {
            assert_eq!(shown.seen(y), shown.expected(&next, y), "after step {n}, row {y}");
        }
        previous = next;
        update(&mut app, step);
    }
    set_ambiguous_width(AmbiguousWidth::Narrow);
}
