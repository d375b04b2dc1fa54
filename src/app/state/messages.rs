//! The line at the bottom that says what just happened, and a log of the last ones.

use std::collections::VecDeque;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// How many messages the log keeps.
const KEPT: usize = 50;

#[derive(Clone, Debug, Default)]
pub struct MessageLog {
    entries: VecDeque<Message>,
}

impl MessageLog {
    pub fn push(&mut self, message: Message) {
        if self.entries.len() == KEPT {
            self.entries.pop_front();
        }
        self.entries.push_back(message);
    }

    /// Newest last.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &Message> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
