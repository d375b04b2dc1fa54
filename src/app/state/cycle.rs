//! The state of the year's cycle on screen: a question waiting for yes or no, and the comment a
//! reviewer writes when returning a section.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use super::editor::text_box;
use super::refs::SectionRef;
use hyoka_core::model::{Document, Stage};

/// What a question of the cycle asks about.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// Hand the section to the reviewers.
    Submit(SectionRef),
    Approve(SectionRef),
    /// Move a file to its next stage (every section back to a draft).
    NextStage {
        file: usize,
        to: Stage,
    },
    /// Write next year's file: `with_goals` and `without` are the two documents offered.
    NewYear {
        file: usize,
        path: PathBuf,
        without: Box<Document>,
        with_goals: Box<Document>,
    },
}

/// A reviewer returning a section, writing why.
pub struct CommentDialog {
    pub section: SectionRef,
    pub textarea: TextArea<'static>,
}

impl CommentDialog {
    pub fn new(section: SectionRef) -> CommentDialog {
        CommentDialog { section, textarea: text_box("") }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }
}
