//! `update`: the only function that changes the state. It never touches the terminal or the
//! disk: what must happen outside comes back as effects, and their outcomes come in as actions.

use super::action::{Action, Effect};
use super::dialog::{self, Handled, Next};
use super::editing;
use super::state::{App, Focus, Mode, Node, Tone};
use super::{changes, cycle, panes, reading, review, saving, small, start, sync, tree};
use crate::command::Command;
use crate::i18n::app::Msg;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let batch_read = matches!(action, Action::FilesRead(_));
    let mut effects = match action {
        Action::Resize(width, height) => {
            app.relayout(width, height);
            if app.layout.too_small
                && let Mode::Editing(_) = app.mode
                && let Mode::Editing(editor) = std::mem::replace(&mut app.mode, Mode::Browse)
            {
                // Nothing can be edited on a screen too small to show the editor; the text stays.
                editing::finish(*editor, app);
            }
            Vec::new()
        }
        // The clock changes nothing on screen by itself: no layout, no tree, twice a second.
        Action::Tick => {
            let effects = sync::tick(app);
            // A quiet tick changes nothing on screen; one after the readers' batches brings them
            // into the views.
            if !std::mem::take(&mut app.reading.views_due) {
                return effects;
            }
            effects
        }
        Action::Saved(report) => saving::saved(app, *report),
        Action::DiskChanged(report) => sync::disk_changed(app, *report),
        Action::Exported(report) => dialog::export::exported(app, report),
        Action::Said { text, warning } => {
            app.say(if warning { Tone::Error } else { Tone::Info }, Msg::Raw(text));
            Vec::new()
        }
        Action::History(page) => changes::page(app, *page),
        Action::HistoryDiff { request, entry, diff } => {
            changes::diff(app, request, entry, diff);
            Vec::new()
        }
        Action::HistoryFailed { request, why } => {
            changes::failed(app, request, why);
            Vec::new()
        }
        Action::NewYearWritten(report) => cycle::steps::new_year_written(app, *report),
        Action::Rights(rights) => {
            start::rights(app, &rights);
            Vec::new()
        }
        Action::ReviewsKept { file, kept } => {
            dialog::ask::reviews_kept(app, file, kept);
            Vec::new()
        }
        Action::JournalWritten(problem) => {
            sync::journal_written(app, problem);
            Vec::new()
        }
        Action::Start => start::start(app),
        Action::Identified(identity) => match start::identified(app, identity) {
            Some(waiting) => update(app, Action::Command(waiting)),
            None => Vec::new(),
        },
        Action::JournalsFound(found) => start::journals_found(app, found),
        Action::MergesWaiting(waiting) => {
            start::merges_waiting(app, *waiting);
            Vec::new()
        }
        Action::FilesRead(read) => reading::files_read(app, read),
        user => {
            app.reading.chosen = true;
            if matches!(user, Action::Command(_) | Action::Unbound) {
                app.message = None;
            }
            app.generation += 1;
            let command = match &user {
                Action::Command(command) => Some(*command),
                _ => None,
            };
            app.name_wait = start::NameWait::default();
            let effects = match small::handle(app, &user) {
                Some(effects) => effects,
                None => dispatch(app, user),
            };
            if app.name_wait.asked {
                app.name_wait.then = command;
            }
            // The text being typed is work too: journaled with its file (a return comment as well).
            match &app.mode {
                Mode::Editing(editor) => {
                    app.unjournaled.insert(editor.section.file);
                }
                Mode::Comment(dialog) => {
                    app.unjournaled.insert(dialog.section.file);
                }
                _ => {}
            }
            effects
        }
    };
    // What needs every file (search hits, the filter, the table, the summary) takes in what the
    // readers brought at the next tick, not at each of their batches: done per batch, it would
    // go over every file read so far some ten times a second, and a city's reading would hold
    // the keys up. The last batch is taken in at once.
    if batch_read && app.reading.unread > 0 {
        app.reading.views_due = true;
    } else {
        review::refresh(app);
    }
    let (width, height) = (app.layout.width, app.layout.height);
    app.relayout(width, height);
    review::after_layout(app);
    tree::keep_cursor_in_view(app);
    app.learn_publishable_on_screen();
    effects.extend(reading::follow_cursor(app));
    debug_assert!(app.rows.len() > 20_000 || app.kept_is_true(), "what is kept up to date differs from a count");
    effects
}

/// Keys and pastes go to whoever has the keys: a dialog, the editor, or the tree and panes. The
/// dialog is taken out of the state while its handler runs; what the handler answers decides
/// whether it goes back (see [`dialog::Next`]).
fn dispatch(app: &mut App, action: Action) -> Vec<Effect> {
    match std::mem::replace(&mut app.mode, Mode::Browse) {
        Mode::Browse => match action {
            Action::Command(command) => browse(app, command),
            Action::Paste(_) => {
                app.say(Tone::Info, Msg::PasteNeedsEditing);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Mode::Editing(editor) => match editing::handle(*editor, app, action) {
            editing::Handled::Done(effects) => effects,
            editing::Handled::EndedThen(command) => browse(app, command),
        },
        Mode::Help { scroll } => {
            let handled = dialog::help::handle(scroll, app, action);
            back(app, handled, |scroll| Mode::Help { scroll })
        }
        Mode::Messages { scroll } => {
            back(app, dialog::messages::handle(scroll, &action), |scroll| Mode::Messages { scroll })
        }
        Mode::ConfirmQuit => {
            let handled = dialog::quit::handle(app, action);
            back(app, handled, |()| Mode::ConfirmQuit)
        }
        Mode::Resolve(conflict) => {
            let handled = dialog::conflict::handle(conflict, app, action);
            back(app, handled, Mode::Resolve)
        }
        Mode::Recover(recovery) => {
            let handled = dialog::recovery::handle(recovery, app, action);
            back(app, handled, Mode::Recover)
        }
        Mode::Export(export) => {
            let handled = dialog::export::handle(export, app, action);
            back(app, handled, Mode::Export)
        }
        Mode::Changes(view) => {
            let handled = changes::handle(view, app, action);
            back(app, handled, Mode::Changes)
        }
        Mode::Search(prompt) => {
            let handled = review::search::handle(prompt, app, action);
            back(app, handled, Mode::Search)
        }
        Mode::Filter(filter) => {
            let handled = review::filter::handle(filter, app, action);
            back(app, handled, Mode::Filter)
        }
        Mode::Table(table) => {
            let handled = review::table::handle(table, app, action);
            back(app, handled, Mode::Table)
        }
        Mode::Years(years) => {
            let handled = review::years::handle(years, app, action);
            back(app, handled, Mode::Years)
        }
        Mode::Summary(summary) => {
            let handled = review::summary::handle(summary, app, action);
            back(app, handled, Mode::Summary)
        }
        Mode::Ask(ask) => {
            let handled = dialog::ask::handle(ask, app, action);
            back(app, handled, Mode::Ask)
        }
        Mode::Comment(comment) => {
            let handled = dialog::comment::handle(comment, app, action);
            back(app, handled, Mode::Comment)
        }
    }
}

/// Puts a dialog that stays back into the state.
fn back<T>(app: &mut App, (next, effects): Handled<T>, mode: impl FnOnce(T) -> Mode) -> Vec<Effect> {
    if let Next::Stay(dialog) = next {
        // A dialog that stays opened nothing else meanwhile.
        debug_assert!(matches!(app.mode, Mode::Browse), "a dialog stayed open over another");
        app.mode = mode(dialog);
    }
    effects
}

/// A command while the tree and the panes have the keys.
fn browse(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::Save => return saving::save(app),
        Command::Quit => {
            if (app.has_unsaved() || app.merge_questions() > 0) && !app.read_only {
                app.mode = Mode::ConfirmQuit;
            } else {
                app.should_quit = true;
            }
        }
        Command::Help => app.mode = Mode::Help { scroll: 0 },
        Command::Messages => app.mode = Mode::Messages { scroll: 0 },
        Command::Export => dialog::export::open(app),
        Command::History => return changes::open(app),
        Command::Redraw => return vec![Effect::Redraw],
        Command::Zoom => zoom(app),
        Command::Search => review::search::open(app),
        Command::NextHit | Command::PrevHit => review::search::step(app, command == Command::NextHit),
        Command::EndSearch => review::search::end(app),
        Command::Filter => review::filter::open(app),
        Command::ClearFilter => review::filter::clear(app),
        Command::Table => review::table::open(app),
        Command::PrevYear | Command::NextYear => review::years::step(app, command == Command::NextYear),
        Command::Years => review::years::open(app),
        Command::Summary => review::summary::open(app),
        Command::Submit | Command::Approve | Command::ReturnSection | Command::NextStage | Command::NewYear => {
            return cycle::handle(app, command);
        }
        Command::Undo | Command::Redo if app.read_only => app.say(Tone::Error, Msg::ReadOnlySession),
        Command::Undo => undo_redo(app, true),
        Command::Redo => undo_redo(app, false),
        Command::NextPane => cycle_focus(app, true),
        Command::PrevPane => cycle_focus(app, false),
        Command::Back => app.focus = Focus::Tree,
        command => match app.focus {
            Focus::Tree => tree::handle(app, command),
            Focus::Pane(field) => panes::handle(app, field, command),
        },
    }
    Vec::new()
}

fn zoom(app: &mut App) {
    app.zoom = match (app.zoom, app.focus) {
        (Some(_), _) => None,
        (None, Focus::Pane(field)) => Some(field.pane()),
        (None, Focus::Tree) => {
            app.say(Tone::Info, Msg::ZoomNeedsPane);
            None
        }
    };
}

fn undo_redo(app: &mut App, undo: bool) {
    let step = if undo { app.history.undo() } else { app.history.redo() };
    let Some(step) = step.cloned() else {
        app.say(Tone::Info, if undo { Msg::NothingToUndo } else { Msg::NothingToRedo });
        return;
    };
    let restored: Vec<_> = if undo {
        step.befores().map(|(at, s)| (at, s.clone())).collect()
    } else {
        step.afters().map(|(at, s)| (at, s.clone())).collect()
    };
    for (at, section) in restored {
        // Back to what is on disk: with the stamps the save wrote (who submitted it, and when),
        // which the step, recorded before that save, does not have.
        let on_disk = app.files.get(at.file).and_then(|f| f.loaded_state()?.saved_twin(at.division, &section).cloned());
        let section = on_disk.unwrap_or(section);
        app.edit_section(at, |s| *s = section);
    }
    let Some(at) = step.section() else { return };
    app.cursor = Node::Section(at);
    tree::expand_to(app, at);
    app.clamp_goal_cursor();
    let name = app.section(at).map(|s| s.name.clone()).unwrap_or_default();
    let fields = step.fields().iter().map(|f| f.label(app.lang).to_owned()).collect::<Vec<_>>();
    let fields = fields.join(app.lang.pick("・", ", "));
    app.say(Tone::Info, if undo { Msg::Undid { name, fields } } else { Msg::Redid { name, fields } });
}

fn cycle_focus(app: &mut App, forward: bool) {
    if app.selected().is_none() {
        app.focus = Focus::Tree;
        app.say(Tone::Info, Msg::ChooseSectionFirst);
        return;
    }
    app.focus = app.focus.beside(!forward);
    if app.zoom.is_some() {
        // Zoomed, Tab shows the next pane alone.
        app.zoom = match app.focus {
            Focus::Pane(field) => Some(field),
            Focus::Tree => None,
        };
    }
}
