//! What the rest of hyoka may read of the state: every field through a shared reference, none
//! writable. Drawing, the event loop, the worker and the tests see the state only this way.

use std::collections::HashSet;
use std::path::Path;

use super::app::{App, Mode, TextScroll};
use super::files::FileEntry;
use super::history::History;
use super::messages::{Message, MessageLog};
use super::refs::{Focus, Node};
use super::review::Review;
use super::settings::Identity;
use crate::app::keymap::{Hint, Keymap, joined};
use crate::i18n::Lang;
use crate::i18n::cycle::Calendar;
use crate::layout::Layout;
use hyoka_core::model::Field;

impl App {
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn files(&self) -> &[FileEntry] {
        &self.files
    }

    pub fn collapsed(&self) -> &HashSet<Node> {
        &self.collapsed
    }

    /// How many files are read, of how many, while some are still being read in the background.
    pub fn reading(&self) -> Option<(usize, usize)> {
        (self.reading.unread > 0).then(|| (self.files.len() - self.reading.unread, self.files.len()))
    }

    pub fn cursor(&self) -> Node {
        self.cursor
    }

    pub fn tree_offset(&self) -> usize {
        self.tree_offset
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn goal_cursor(&self) -> usize {
        self.goal_cursor
    }

    pub fn goal_scroll(&self) -> u16 {
        self.goal_scroll
    }

    pub fn scroll(&self) -> TextScroll {
        self.scroll
    }

    pub fn zoom(&self) -> Option<Field> {
        self.zoom
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn log(&self) -> &MessageLog {
        &self.log
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The hints of the place where the keys are: only what can be carried out there now.
    pub fn hints(&self) -> Vec<Hint> {
        self.keymap.hints_now(crate::app::contexts(self), self.lang, Some(&self.now()))
    }

    /// The hints as the bottom line shows them.
    pub fn hint_line(&self) -> String {
        joined(&self.hints())
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    pub fn quit_after_save(&self) -> bool {
        self.quit_after_save
    }

    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Who is at the keys, once the worker has looked it up.
    pub fn identity(&self) -> Option<&Identity> {
        self.identity.as_ref()
    }

    /// The login name that saves, or `None` while it is being looked up.
    pub fn user(&self) -> Option<&str> {
        self.identity.as_ref().map(|i| i.user.as_str())
    }

    /// The office names this login a reviewer: it may approve and return sections.
    pub fn reviewer(&self) -> bool {
        self.identity.as_ref().is_some_and(|i| i.reviewer)
    }

    pub fn calendar(&self) -> Calendar {
        self.calendar
    }

    pub fn export_dir(&self) -> Option<&Path> {
        self.export_dir.as_deref()
    }

    pub fn no_color(&self) -> bool {
        self.no_color
    }

    /// How wide the terminal draws ambiguous characters: what everything on the screen is measured with.
    pub fn ambiguous_width(&self) -> hyoka_core::text::AmbiguousWidth {
        self.ambiguous_width
    }

    pub fn review(&self) -> &Review {
        &self.review
    }

    pub fn data_root(&self) -> Option<&Path> {
        self.data_root.as_deref()
    }
}
