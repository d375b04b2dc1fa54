//! What a key can be bound to, and where: shared by the key map (app), its wording (i18n) and the help.

mod now;

pub use now::{Now, Refusal};

/// How a sentence names the key of a command in a place: by the key table in force (the
/// settings file's `keys:` applied), so that a message never names a key that does something else.
pub trait KeyNames {
    fn key(&self, context: Context, command: Command) -> String;
}

/// Something a key does. The component that has the keys decides what it means there (↓ moves
/// in the tree, scrolls a pane, moves the caret while editing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Collapse,
    Expand,
    Open,
    NextPane,
    PrevPane,
    Back,
    Edit,
    AddGoalAfter,
    AddGoalBefore,
    RemoveGoal,
    MoveGoalUp,
    MoveGoalDown,
    /// The n-th mark of the document's scale (1-based, as the key says).
    Rate(u8),
    CycleRating,
    CycleRatingBack,
    ClearRating,
    Undo,
    Redo,
    Save,
    Quit,
    Help,
    /// The last messages, in full.
    Messages,
    /// Add (or edit) the lead-in written before the numbered goals.
    EditIntro,
    Export,
    Redraw,
    Zoom,
    EndEdit,
    NewLine,
    CaretLeft,
    CaretRight,
    CaretUp,
    CaretDown,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    UndoTyping,
    RedoTyping,
    SaveAndQuit,
    DiscardAndQuit,
    Cancel,
    KeepMine,
    KeepTheirs,
    EditBoth,
    UseCombined,
    Restore,
    ShowDiff,
    Discard,
    Later,
    ConfirmDiscard,
    Write,
    NextFormat,
    PrevFormat,
    /// The commits that changed the section (or the file) under the cursor.
    History,
    /// Put the value from before the selected commit back, as an ordinary edit.
    PutBack,
    /// Switch the history between the section and the whole file.
    WholeFile,
    /// The reviewer's tools: search, filter, table, years, summary.
    Search,
    NextHit,
    PrevHit,
    EndSearch,
    ToggleKana,
    Accept,
    Filter,
    ClearFilter,
    Toggle,
    Table,
    SortBy,
    PrevColumn,
    NextColumn,
    PrevYear,
    NextYear,
    Years,
    Summary,
    Close,
    /// The year's cycle: hand the section to the reviewer, approve it, return it with a comment,
    /// move the file to its next stage, write next year's file.
    Submit,
    Approve,
    ReturnSection,
    NextStage,
    NewYear,
    /// Yes to a question; keep the goals (new year); send the comment being written.
    Yes,
    KeepGoals,
    Send,
}

/// Where a binding applies. Several contexts are consulted in order (the pane's own, then the
/// panes', then the global ones), so that a specific binding wins over a general one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Tree,
    Pane,
    Goals,
    Rating,
    Text,
    Editing,
    TextInput,
    Help,
    Messages,
    Quit,
    Conflict,
    /// A conflict about a section someone else removed or renamed.
    Gone,
    /// A conflict where the other side is a reviewer's decision: only theirs can be kept.
    Decided,
    Combined,
    Recovery,
    ConfirmDiscard,
    RecoveryDiff,
    Export,
    /// The history view (`H`).
    History,
    /// The search being typed (`/`).
    Search,
    /// The filter dialog (`f`).
    Filter,
    /// The table of every section (`t`).
    Table,
    /// A section through the years (`y`).
    Years,
    /// Every organisation × fiscal year (`S`).
    Summary,
    /// A yes-or-no question (submit, approve, next stage).
    Confirm,
    /// Writing next year's file: with or without the goals.
    NewYear,
    /// The reviewer's comment on a section returned.
    Comment,
}

impl Context {
    pub const ALL: [Context; 28] = [
        Context::Global,
        Context::Tree,
        Context::Pane,
        Context::Goals,
        Context::Rating,
        Context::Text,
        Context::Editing,
        Context::TextInput,
        Context::Help,
        Context::Messages,
        Context::Quit,
        Context::Conflict,
        Context::Gone,
        Context::Decided,
        Context::Combined,
        Context::Recovery,
        Context::ConfirmDiscard,
        Context::RecoveryDiff,
        Context::Export,
        Context::History,
        Context::Search,
        Context::Filter,
        Context::Table,
        Context::Years,
        Context::Summary,
        Context::Confirm,
        Context::NewYear,
        Context::Comment,
    ];

    /// The name in the settings file's `keys:` section ("tree" in `tree.down`).
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Tree => "tree",
            Context::Pane => "pane",
            Context::Goals => "goals",
            Context::Rating => "rating",
            Context::Text => "text",
            Context::Editing => "editing",
            Context::TextInput => "input",
            Context::Help => "help",
            Context::Messages => "messages",
            Context::Quit => "quit",
            Context::Conflict => "conflict",
            Context::Gone => "gone",
            Context::Decided => "decided",
            Context::Combined => "combined",
            Context::Recovery => "recovery",
            Context::ConfirmDiscard => "confirm",
            Context::RecoveryDiff => "changes",
            Context::Export => "export",
            Context::History => "history",
            Context::Search => "search",
            Context::Filter => "filter",
            Context::Table => "table",
            Context::Years => "years",
            Context::Summary => "summary",
            Context::Confirm => "question",
            Context::NewYear => "new_year",
            Context::Comment => "comment",
        }
    }
}

impl Command {
    /// The name in the settings file (`tree.down`, `save`).
    pub fn name(self) -> String {
        let name = match self {
            Command::Up => "up",
            Command::Down => "down",
            Command::PageUp => "page_up",
            Command::PageDown => "page_down",
            Command::First => "first",
            Command::Last => "last",
            Command::Collapse => "collapse",
            Command::Expand => "expand",
            Command::Open => "open",
            Command::NextPane => "next_pane",
            Command::PrevPane => "prev_pane",
            Command::Back => "back",
            Command::Edit => "edit",
            Command::AddGoalAfter => "add_after",
            Command::AddGoalBefore => "add_before",
            Command::RemoveGoal => "remove",
            Command::MoveGoalUp => "move_up",
            Command::MoveGoalDown => "move_down",
            Command::Rate(n) => return format!("rate_{n}"),
            Command::CycleRating => "cycle",
            Command::CycleRatingBack => "cycle_back",
            Command::ClearRating => "clear",
            Command::Undo => "undo",
            Command::Redo => "redo",
            Command::Save => "save",
            Command::Quit => "quit",
            Command::Help => "help",
            Command::Messages => "messages",
            Command::EditIntro => "lead_in",
            Command::Export => "export",
            Command::Redraw => "redraw",
            Command::Zoom => "zoom",
            Command::EndEdit => "end",
            Command::NewLine => "new_line",
            Command::CaretLeft => "left",
            Command::CaretRight => "right",
            Command::CaretUp => "up",
            Command::CaretDown => "down",
            Command::LineStart => "line_start",
            Command::LineEnd => "line_end",
            Command::DeleteBack => "delete_back",
            Command::DeleteForward => "delete_forward",
            Command::UndoTyping => "undo",
            Command::RedoTyping => "redo",
            Command::SaveAndQuit => "save_and_quit",
            Command::DiscardAndQuit => "discard_and_quit",
            Command::Cancel => "cancel",
            Command::KeepMine => "mine",
            Command::KeepTheirs => "theirs",
            Command::EditBoth => "edit_both",
            Command::UseCombined => "use",
            Command::Restore => "restore",
            Command::ShowDiff => "show",
            Command::Discard => "discard",
            Command::Later => "later",
            Command::ConfirmDiscard => "yes",
            Command::Write => "write",
            Command::NextFormat => "next_format",
            Command::PrevFormat => "prev_format",
            Command::History => "history",
            Command::PutBack => "put_back",
            Command::WholeFile => "whole_file",
            Command::Search => "search",
            Command::NextHit => "next_hit",
            Command::PrevHit => "previous_hit",
            Command::EndSearch => "end_search",
            Command::ToggleKana => "kana",
            Command::Accept => "accept",
            Command::Filter => "filter",
            Command::ClearFilter => "clear_filter",
            Command::Toggle => "toggle",
            Command::Table => "table",
            Command::SortBy => "sort",
            Command::PrevColumn => "previous_column",
            Command::NextColumn => "next_column",
            Command::PrevYear => "previous_year",
            Command::NextYear => "next_year",
            Command::Years => "years",
            Command::Summary => "summary",
            Command::Close => "close",
            Command::Submit => "submit",
            Command::Approve => "approve",
            Command::ReturnSection => "return",
            Command::NextStage => "next_stage",
            Command::NewYear => "new_year",
            Command::Yes => "yes",
            Command::KeepGoals => "keep_goals",
            Command::Send => "send",
        };
        name.to_owned()
    }
}

impl Command {
    /// Whether the command changes the data or only serves changing it: reviewer mode
    /// (`--read-only`) lists none of these in its help and hints.
    pub fn edits(self) -> bool {
        matches!(
            self,
            Command::Edit
                | Command::EditIntro
                | Command::AddGoalAfter
                | Command::AddGoalBefore
                | Command::RemoveGoal
                | Command::MoveGoalUp
                | Command::MoveGoalDown
                | Command::Rate(_)
                | Command::CycleRating
                | Command::CycleRatingBack
                | Command::ClearRating
                | Command::Undo
                | Command::Redo
                | Command::Save
                | Command::PutBack
                | Command::Submit
                | Command::Approve
                | Command::ReturnSection
                | Command::NextStage
                | Command::NewYear
        )
    }
}

impl Context {
    /// Places only editing reaches (the editor, the save's dialogs, restoring unsaved work).
    pub fn edits(self) -> bool {
        matches!(
            self,
            Context::Editing
                | Context::Quit
                | Context::Conflict
                | Context::Gone
                | Context::Decided
                | Context::Combined
                | Context::Recovery
                | Context::ConfirmDiscard
                | Context::RecoveryDiff
                | Context::Confirm
                | Context::NewYear
                | Context::Comment
        )
    }
}
