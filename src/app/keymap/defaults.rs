//! The default key bindings: one table that drives the dispatch, the `?` help, the bottom line's
//! hints and the README's key map. Users may override any row in the settings file.

use crate::command::{Command, Context};

/// One row: in `context`, these keys do `command`.
pub struct Binding {
    pub context: Context,
    pub command: Command,
    pub keys: &'static [&'static str],
}

const fn bind(context: Context, command: Command, keys: &'static [&'static str]) -> Binding {
    Binding { context, command, keys }
}

use Command as C;
use Context as X;

/// In the order the help lists them.
pub const DEFAULTS: &[Binding] = &[
    bind(X::Tree, C::Up, &["Up", "k"]),
    bind(X::Tree, C::Down, &["Down", "j"]),
    bind(X::Tree, C::Collapse, &["Left", "h"]),
    bind(X::Tree, C::Expand, &["Right", "l"]),
    bind(X::Tree, C::Open, &["Enter"]),
    bind(X::Tree, C::First, &["g", "Home"]),
    bind(X::Tree, C::Last, &["G", "End"]),
    bind(X::Tree, C::PageUp, &["PageUp"]),
    bind(X::Tree, C::PageDown, &["PageDown"]),
    bind(X::Pane, C::Back, &["Esc"]),
    bind(X::Pane, C::Up, &["Up", "k"]),
    bind(X::Pane, C::Down, &["Down", "j"]),
    bind(X::Pane, C::PageUp, &["PageUp"]),
    bind(X::Pane, C::PageDown, &["PageDown"]),
    bind(X::Pane, C::First, &["g", "Home"]),
    bind(X::Pane, C::Last, &["G", "End"]),
    bind(X::Goals, C::Edit, &["Enter", "i"]),
    bind(X::Goals, C::AddGoalAfter, &["a", "o"]),
    bind(X::Goals, C::AddGoalBefore, &["O"]),
    bind(X::Goals, C::RemoveGoal, &["d", "Delete"]),
    bind(X::Goals, C::MoveGoalUp, &["K", "Shift-Up", "Alt-Up"]),
    bind(X::Goals, C::MoveGoalDown, &["J", "Shift-Down", "Alt-Down"]),
    bind(X::Text, C::Edit, &["Enter", "i"]),
    bind(X::Rating, C::Rate(1), &["1"]),
    bind(X::Rating, C::Rate(2), &["2"]),
    bind(X::Rating, C::Rate(3), &["3"]),
    bind(X::Rating, C::Rate(4), &["4"]),
    bind(X::Rating, C::Rate(5), &["5"]),
    bind(X::Rating, C::Rate(6), &["6"]),
    bind(X::Rating, C::Rate(7), &["7"]),
    bind(X::Rating, C::Rate(8), &["8"]),
    bind(X::Rating, C::Rate(9), &["9"]),
    bind(X::Rating, C::CycleRating, &["Space", "Right", "l"]),
    bind(X::Rating, C::CycleRatingBack, &["Left", "h"]),
    bind(X::Rating, C::ClearRating, &["0", "Delete", "Backspace"]),
    bind(X::Global, C::NextPane, &["Tab"]),
    bind(X::Global, C::PrevPane, &["Shift-Tab"]),
    bind(X::Global, C::Undo, &["u", "Ctrl-Z"]),
    bind(X::Global, C::Redo, &["Ctrl-R", "Ctrl-Y"]),
    bind(X::Global, C::Save, &["Ctrl-S"]),
    bind(X::Global, C::Export, &["e"]),
    bind(X::Global, C::Zoom, &["z"]),
    bind(X::Global, C::Redraw, &["Ctrl-L"]),
    bind(X::Global, C::Help, &["?", "F1"]),
    bind(X::Global, C::Quit, &["q", "Ctrl-C"]),
    bind(X::Editing, C::EndEdit, &["Esc"]),
    bind(X::Editing, C::Save, &["Ctrl-S"]),
    bind(X::Editing, C::NextPane, &["Tab"]),
    bind(X::Editing, C::PrevPane, &["Shift-Tab"]),
    bind(X::Editing, C::Quit, &["Ctrl-C"]),
    bind(X::TextInput, C::NewLine, &["Enter"]),
    bind(X::TextInput, C::CaretLeft, &["Left", "Ctrl-B"]),
    bind(X::TextInput, C::CaretRight, &["Right", "Ctrl-F"]),
    bind(X::TextInput, C::CaretUp, &["Up", "Ctrl-P"]),
    bind(X::TextInput, C::CaretDown, &["Down", "Ctrl-N"]),
    bind(X::TextInput, C::LineStart, &["Home", "Ctrl-A"]),
    bind(X::TextInput, C::LineEnd, &["End", "Ctrl-E"]),
    bind(X::TextInput, C::PageUp, &["PageUp"]),
    bind(X::TextInput, C::PageDown, &["PageDown"]),
    bind(X::TextInput, C::DeleteBack, &["Backspace", "Ctrl-H"]),
    bind(X::TextInput, C::DeleteForward, &["Delete", "Ctrl-D"]),
    bind(X::TextInput, C::UndoTyping, &["Ctrl-Z", "Ctrl-U"]),
    bind(X::TextInput, C::RedoTyping, &["Ctrl-Y", "Ctrl-R"]),
    bind(X::Help, C::Up, &["Up", "k"]),
    bind(X::Help, C::Down, &["Down", "j"]),
    bind(X::Help, C::PageUp, &["PageUp"]),
    bind(X::Help, C::PageDown, &["PageDown", "Space"]),
    bind(X::Quit, C::SaveAndQuit, &["s", "y"]),
    bind(X::Quit, C::DiscardAndQuit, &["d", "n"]),
    bind(X::Quit, C::Back, &["Esc", "c", "q"]),
    bind(X::Conflict, C::KeepMine, &["m"]),
    bind(X::Conflict, C::KeepTheirs, &["t"]),
    bind(X::Conflict, C::EditBoth, &["e"]),
    bind(X::Conflict, C::Cancel, &["Esc", "Ctrl-C"]),
    bind(X::Combined, C::UseCombined, &["Ctrl-S"]),
    bind(X::Combined, C::Back, &["Esc"]),
    bind(X::Combined, C::Cancel, &["Ctrl-C"]),
    bind(X::Recovery, C::Restore, &["r"]),
    bind(X::Recovery, C::ShowDiff, &["d"]),
    bind(X::Recovery, C::Discard, &["x"]),
    bind(X::Recovery, C::Later, &["Esc", "q", "Ctrl-C"]),
    bind(X::ConfirmDiscard, C::ConfirmDiscard, &["y", "x"]),
    bind(X::RecoveryDiff, C::Up, &["Up", "k"]),
    bind(X::RecoveryDiff, C::Down, &["Down", "j"]),
    bind(X::Export, C::Write, &["Enter"]),
    bind(X::Export, C::Cancel, &["Esc", "Ctrl-C"]),
    bind(X::Export, C::NextFormat, &["Tab", "Down"]),
    bind(X::Export, C::PrevFormat, &["Shift-Tab", "Up"]),
];

/// What the bottom line offers in each place, in order; commands sharing a label are shown
/// together ("↑↓:移動").
pub const HINTS: &[(Context, &[&[Command]])] = &[
    (X::Tree, &[&[C::Up, C::Down], &[C::Open], &[C::NextPane], &[C::Save], &[C::Help], &[C::Quit]]),
    (
        X::Goals,
        &[&[C::Edit], &[C::AddGoalAfter], &[C::RemoveGoal], &[C::MoveGoalUp, C::MoveGoalDown], &[C::Back], &[C::Undo]],
    ),
    (
        X::Rating,
        &[&[C::Rate(1), C::Rate(4)], &[C::CycleRating], &[C::ClearRating], &[C::NextPane], &[C::Back], &[C::Undo]],
    ),
    (X::Text, &[&[C::Edit], &[C::Up, C::Down], &[C::NextPane], &[C::Back], &[C::Save], &[C::Help]]),
    (X::Editing, &[&[C::EndEdit], &[C::Save], &[C::UndoTyping], &[C::RedoTyping], &[C::NewLine]]),
    (X::Help, &[&[C::Up, C::Down], &[C::PageDown]]),
    (X::Quit, &[&[C::SaveAndQuit], &[C::DiscardAndQuit], &[C::Back]]),
    (X::Conflict, &[&[C::KeepMine], &[C::KeepTheirs], &[C::EditBoth], &[C::Cancel]]),
    (X::Combined, &[&[C::UseCombined], &[C::Back], &[C::Cancel]]),
    (X::Recovery, &[&[C::Restore], &[C::ShowDiff], &[C::Discard], &[C::Later]]),
    (X::ConfirmDiscard, &[&[C::ConfirmDiscard]]),
    (X::RecoveryDiff, &[&[C::Up, C::Down]]),
    (X::Export, &[&[C::NextFormat], &[C::Write], &[C::Cancel]]),
];
