//! Undo and redo of finished changes (a rating, the goal list, an edit once it ends), in steps
//! that may hold several changes: adding a goal and writing it are undone together.

use hyoka_core::model::{Field, Section};

use super::refs::SectionRef;

/// A change of one section: what it was and what it became.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub section: SectionRef,
    pub before: Section,
    pub after: Section,
}

/// What one press of `u` takes back: the changes in the order they were made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Step(pub Vec<Change>);

impl Step {
    /// The sections as they were before the step, to put back on undo (last change first).
    pub fn befores(&self) -> impl Iterator<Item = (SectionRef, &Section)> {
        self.0.iter().rev().map(|c| (c.section, &c.before))
    }

    /// The sections as they were after the step, to put back on redo.
    pub fn afters(&self) -> impl Iterator<Item = (SectionRef, &Section)> {
        self.0.iter().map(|c| (c.section, &c.after))
    }

    pub fn section(&self) -> Option<SectionRef> {
        self.0.first().map(|c| c.section)
    }

    /// The fields the step changed, in the table's order.
    pub fn fields(&self) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| self.0.iter().any(|c| !f.equal(&c.before, &c.after))).collect()
    }
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Changes of a step still being made (a new goal while it is written).
    open: Option<Step>,
}

impl History {
    /// Records a change: into the open step, or as a step of its own. A new change ends redo.
    pub fn record(&mut self, change: Change) {
        self.redo.clear();
        match &mut self.open {
            Some(step) => step.0.push(change),
            None => self.undo.push(Step(vec![change])),
        }
    }

    /// Starts a step that gathers every change until [`History::commit`].
    pub fn begin(&mut self) {
        self.commit();
        self.open = Some(Step::default());
    }

    /// Ends the open step; an empty one leaves nothing to undo.
    pub fn commit(&mut self) {
        if let Some(step) = self.open.take().filter(|s| !s.0.is_empty()) {
            self.undo.push(step);
        }
    }

    /// Ends the open step without keeping it; returns it so that its changes can be taken back.
    pub fn abandon(&mut self) -> Option<Step> {
        self.open.take()
    }

    pub fn undo(&mut self) -> Option<&Step> {
        self.commit();
        let step = self.undo.pop()?;
        self.redo.push(step);
        self.redo.last()
    }

    pub fn redo(&mut self) -> Option<&Step> {
        self.commit();
        let step = self.redo.pop()?;
        self.undo.push(step);
        self.undo.last()
    }

    /// Forgets everything: positions no longer hold after work came in from elsewhere, and a
    /// step would put back a whole section over what was just taken in.
    pub fn clear(&mut self) {
        *self = History::default();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.open.as_ref().is_some_and(|s| !s.0.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(n: usize) -> Change {
        let at = SectionRef { file: 0, division: 0, section: n };
        Change { section: at, before: Section::new(format!("{n}前")), after: Section::new(format!("{n}後")) }
    }

    #[test]
    fn a_step_gathers_its_changes_and_undoes_them_last_first() {
        let mut history = History::default();
        history.record(change(0));
        history.begin();
        history.record(change(1));
        history.record(change(2));
        history.commit();
        let step = history.undo().cloned().unwrap_or_default();
        let names: Vec<String> = step.befores().map(|(_, s)| s.name.clone()).collect();
        assert_eq!(names, ["2前", "1前"]);
        assert_eq!(history.redo().map(|s| s.0.len()), Some(2));
        history.record(change(3));
        assert!(history.redo().is_none(), "a new change ends redo");
        history.begin();
        history.record(change(4));
        assert_eq!(history.abandon().map(|s| s.0.len()), Some(1));
        assert_eq!(history.undo().and_then(Step::section).map(|s| s.section), Some(3));
    }
}
