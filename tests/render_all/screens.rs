//! Every screen hyoka can show, each as a name and the state that shows it, reached by keys and
//! the worker's answers as a person reaches them.

use crate::common::app::app_from_text_on;
use crate::common::docs::HALF_WIDTH;
use hyoka::app::{Action, App, DiskChange, DiskReport, Focus, Node, SectionRef, update};
use hyoka::command::Command;
use hyoka::i18n::Lang;
use hyoka::model::{Field, Review, Section, Stage, Status};
use hyoka::store::FieldConflict;
use hyoka::text::AmbiguousWidth;

/// The sample with half-width katakana in every kind of text, on a terminal that draws ambiguous
/// characters `measure` wide.
pub fn app(measure: AmbiguousWidth) -> App {
    app_from_text_on(HALF_WIDTH, measure)
}

/// The same, its document changed before it is opened (a status, a stage, a review).
fn app_with(measure: AmbiguousWidth, change: impl FnOnce(&mut hyoka::model::Document)) -> App {
    crate::common::app::text_with_on(HALF_WIDTH, (Lang::Ja, measure), change)
}

fn field_question() -> FieldConflict {
    let mut mine = Section::new("市民税課");
    mine.reflection = "窓口対応で、来庁者の理解を得るのに時間がかかった。（私の追記◎）".into();
    let mut theirs = mine.clone();
    theirs.reflection = "窓口対応で、来庁者の理解を得るのに時間がかかった。（田中さんの追記△）".into();
    FieldConflict {
        division: "区民部".into(),
        section: "市民税課".into(),
        field: Field::Reflection,
        with: Vec::new(),
        mine: mine.reflection.clone(),
        theirs: theirs.reflection.clone(),
        mine_section: mine,
        theirs_section: theirs,
        their_by: Some("tanaka".into()),
        their_at: None,
    }
}

/// A journal left with an addition to 総務課's reflection, the data file moved since; then the
/// keys that show the view asked for.
fn recovery(app: &mut App, keys: &[Command]) {
    let doc = app.doc(0).cloned().expect("doc");
    let mut mine = doc.clone();
    mine.divisions[0].sections[0].reflection.push_str("（追記×）");
    crate::common::reach::journal_left(app, doc, mine, "/elsewhere/2008.yaml");
    for key in keys {
        update(app, (*key).into());
    }
}

/// The history view with two commits, the selected one's change full of ambiguous characters.
fn history(app: &mut App) {
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
        merged: Vec::new(),
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
            current: Some(("区民部".into(), "総務課".into())),
            renamed_from: None,
        }],
    };
    let entries = vec![(0, entry("区民部 総務課: 振り返り ◎", Field::Reflection)), (1, entry("評価 ①", Field::Rating))];
    crate::common::reach::history_read(app, entries, Some(diff));
}

/// Every screen, as a name and the state that shows it, on a terminal that draws ambiguous
/// characters `measure` wide.
pub fn screens(measure: AmbiguousWidth) -> Vec<(&'static str, App)> {
    use crate::common::reach::{command as press, focus, go_to, identify, merge_left};
    let mut out = Vec::new();
    let mut add = |name, set: &dyn Fn(&mut App)| {
        let mut app = app(measure);
        set(&mut app);
        out.push((name, app));
    };
    add("tree", &|_| {});
    add("file overview", &|a| go_to(a, Node::File(0)));
    add("division overview", &|a| go_to(a, Node::Division(0, 0)));
    for field in Field::PANES {
        add("pane", &move |a| focus(a, Focus::Pane(field)));
    }
    for field in [Field::Goals, Field::Progress, Field::Reflection] {
        add("editing", &move |a| {
            focus(a, Focus::Pane(field));
            update(a, Command::Edit.into());
            update(a, Action::Paste("◎○△×①※→".into()));
        });
    }
    add("zoomed", &|a| {
        focus(a, Focus::Pane(Field::Progress));
        update(a, Command::Zoom.into());
    });
    add("lead-in", &|a| go_to(a, Node::Section(SectionRef { file: 0, division: 0, section: 2 })));
    add("help", &|a| {
        press(a, Command::Help);
    });
    add("messages", &|a| {
        focus(a, Focus::Pane(Field::Rating));
        update(a, Command::Rate(9).into());
        press(a, Command::Messages);
    });
    add("quit", &|a| {
        focus(a, Focus::Pane(Field::Rating));
        update(a, Command::Rate(3).into());
        update(a, Command::Quit.into());
    });
    add("export", &|a| {
        update(a, Command::Export.into());
    });
    add("conflict", &|a| merge_left(a, vec![field_question()]));
    add("conflict, edit both", &|a| {
        merge_left(a, vec![field_question()]);
        update(a, Command::EditBoth.into());
    });
    add("conflict over an approval, for a clerk", &|a| {
        // The clerk's unsaved reflection in 総務課, and the reviewer's approval of other text on
        // disk: asked at the save as one question the clerk can only answer with theirs.
        focus(a, Focus::Pane(Field::Reflection));
        update(a, Command::Edit.into());
        update(a, Action::Paste("（書きかけ）".into()));
        update(a, Command::EndEdit.into());
        let mut theirs = a.doc(0).cloned().expect("doc");
        let somu = &mut theirs.divisions[0].sections[0];
        somu.status = hyoka::model::Status::Approved;
        somu.reflection.push_str("（承認済みの文）");
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
        somu.review = Some(Review { by: "suzuki".into(), at, comment: String::new() });
        let text = hyoka::store::emit_document(&theirs);
        let change = DiskChange::Changed { doc: theirs, text, merge: Vec::new() };
        update(a, Action::DiskChanged(Box::new(DiskReport { file: 0, stamp: None, change })));
        update(a, Command::Save.into());
    });
    add("section gone", &|a| {
        // 総務課 changed here, then renamed by someone else on disk: asked at the save.
        focus(a, Focus::Pane(Field::Rating));
        update(a, Command::Rate(1).into());
        let mut theirs = a.doc(0).cloned().expect("doc");
        theirs.divisions[0].sections[0].name = "総務企画課".into();
        let text = hyoka::store::emit_document(&theirs);
        let change = DiskChange::Changed { doc: theirs, text, merge: Vec::new() };
        update(a, Action::DiskChanged(Box::new(DiskReport { file: 0, stamp: None, change })));
        update(a, Command::Save.into());
    });
    add("recovery", &|a| recovery(a, &[]));
    add("recovery changes", &|a| recovery(a, &[Command::ShowDiff]));
    add("recovery discard?", &|a| recovery(a, &[Command::Discard]));
    add("history of a section", &|a| history(a));
    add("history of the file", &|a| {
        go_to(a, Node::File(0));
        history(a);
    });
    add("history, reading", &|a| {
        go_to(a, Node::File(0));
        press(a, Command::History);
    });
    // The year's cycle: the review above the panes, a reviewer's keys, marks of the goals, the
    // stage in the overviews, the questions, the comment being written.
    add("returned", &|a| {
        *a = returned(a.ambiguous_width(), "数値目標を入れてください。\n◎○△×①※→ も幅どおりに。".repeat(3).as_str())
    });
    add("submitted, reviewer", &|a| {
        *a = app_with(a.ambiguous_width(), |d| d.divisions[0].sections[0].status = Status::Submitted);
        identify(a, "suzuki", true);
    });
    add("goal marks", &|a| {
        focus(a, Focus::Pane(Field::Goals));
        update(a, Command::Rate(2).into());
        update(a, Command::Down.into());
        update(a, Command::Rate(1).into());
    });
    add("division at a stage", &|a| {
        *a = staged(a.ambiguous_width(), Stage::Midyear);
        go_to(a, Node::Division(0, 0));
    });
    add("file at a stage", &|a| {
        *a = staged(a.ambiguous_width(), Stage::Yearend);
        go_to(a, Node::File(0));
    });
    add("ask submit", &|a| {
        update(a, Command::Submit.into());
    });
    add("ask next stage", &|a| {
        *a = staged(a.ambiguous_width(), Stage::Midyear);
        identify(a, "suzuki", true);
        go_to(a, Node::File(0));
        press(a, Command::NextStage);
    });
    add("ask next stage, no repository", &|a| {
        *a = staged(a.ambiguous_width(), Stage::Midyear);
        identify(a, "suzuki", true);
        go_to(a, Node::File(0));
        press(a, Command::NextStage);
        update(a, Action::ReviewsKept { file: 0, kept: hyoka::app::ReviewsKept::NoRepository });
    });
    add("ask new year", &|a| {
        go_to(a, Node::File(0));
        press(a, Command::NewYear);
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
        *a = app_with(a.ambiguous_width(), |d| d.divisions[0].sections[0].status = Status::Submitted);
        identify(a, "suzuki", true);
        press(a, Command::ReturnSection);
        update(a, Action::Paste("◎○△×①※→ 目標に数値を入れてください。\n二行目".repeat(4)));
    });
    add("unpublishable, editing", &|a| {
        focus(a, Focus::Pane(Field::Reflection));
        update(a, Command::Edit.into());
        update(a, Command::LineEnd.into());
        update(a, Action::Paste("\n◎○△×①※→ 来年度も".into()));
    });
    add("recovery of a comment", &|a| {
        let doc = a.doc(0).cloned().expect("doc");
        let draft = hyoka::app::Draft {
            division: "区民部".into(), section: "総務課".into(), text: "◎○△×①※→".into()
        };
        let work = hyoka::app::JournalWork { base: doc.clone(), mine: doc, pending: Vec::new(), drafts: vec![draft] };
        let content = hyoka::app::journal::JournalContent { file: a.files()[0].canonical.clone(), work };
        let left = hyoka::app::LeftJournal { path: "/state/x.journal".into(), content, written: None, moved: false };
        update(a, Action::JournalsFound(Ok(vec![left])));
        update(a, Command::ShowDiff.into());
    });
    // A reviewer writing why 総務課 is returned, then the keys given.
    let comment = |a: &mut App, keys: &[Command]| {
        *a = app_with(a.ambiguous_width(), |d| d.divisions[0].sections[0].status = Status::Submitted);
        identify(a, "suzuki", true);
        press(a, Command::ReturnSection);
        update(a, Action::Paste("◎○△×①※→ 目標に数値を".into()));
        keys.iter().for_each(|key| drop(press(a, *key)));
    };
    add("comment, discard?", &|a| comment(a, &[Command::Discard]));
    add("quit with a comment not sent", &|a| comment(a, &[Command::Cancel, Command::Quit]));
    out
}

/// The sample with 総務課 returned by suzuki with `comment`.
fn returned(measure: AmbiguousWidth, comment: &str) -> App {
    app_with(measure, |d| return_somu(d, comment))
}

fn return_somu(doc: &mut hyoka::model::Document, comment: &str) {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap();
    let somu = &mut doc.divisions[0].sections[0];
    somu.status = Status::Returned;
    somu.review = Some(Review { by: "suzuki".into(), at, comment: comment.into() });
}

/// The sample at `stage`, with 総務課 returned.
fn staged(measure: AmbiguousWidth, stage: Stage) -> App {
    app_with(measure, |d| {
        d.stage = Some(stage);
        return_somu(d, "理由");
    })
}
