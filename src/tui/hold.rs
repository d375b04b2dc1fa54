//! When a frame may wait: the one that would only say a save has started waits a moment for the
//! save's outcome, so that a save that ends at once shows 保存しました without a flash of 保存中…
//! (and the terminal, over SSH too, is not sent a frame nobody could read). A save that waits
//! for another hyoka's lock shows 保存中… once the moment is over; a key shows its frame at once.

use std::time::{Duration, Instant};

use crate::app::Effect;

/// How long the frame after Ctrl-S waits for the save's outcome: below what a person notices.
pub const SAVE_GRACE: Duration = Duration::from_millis(100);

/// Whether the next frame is being held back, and until when.
#[derive(Debug, Default)]
pub struct FrameHold {
    until: Option<Instant>,
}

impl FrameHold {
    /// A save was handed to a worker at `now`, which took it (one no worker took has failed
    /// already, and says so at once).
    pub fn save_taken(&mut self, now: Instant) {
        self.until = Some(now + SAVE_GRACE);
    }

    /// A key, a resize, an outcome of the worker: what it changes is shown at once.
    pub fn release(&mut self) {
        self.until = None;
    }

    /// Whether a frame that is due may be drawn at `now`.
    pub fn lets_draw(&mut self, now: Instant) -> bool {
        match self.until {
            Some(until) if now < until => false,
            _ => {
                self.until = None;
                true
            }
        }
    }

    /// When the loop must wake to draw the frame held back, if one is.
    pub fn wake_at(&self) -> Option<Instant> {
        self.until
    }
}

/// Whether `effects` hand a save on.
pub fn saves(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Save(_)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::SaveJob;

    #[test]
    fn the_frame_after_a_save_waits_for_its_outcome_or_the_grace_and_no_longer() {
        let start = Instant::now();
        let mut hold = FrameHold::default();
        assert!(hold.lets_draw(start), "nothing held");
        assert!(!saves(&[Effect::Redraw]) && saves(&[Effect::Redraw, Effect::Save(Vec::<SaveJob>::new())]));
        hold.save_taken(start);
        assert!(!hold.lets_draw(start + SAVE_GRACE / 2));
        assert_eq!(hold.wake_at(), Some(start + SAVE_GRACE));
        assert!(hold.lets_draw(start + SAVE_GRACE), "a save that waits for a lock shows 保存中… after the grace");
        assert_eq!(hold.wake_at(), None);
        hold.save_taken(start);
        hold.release();
        assert!(hold.lets_draw(start), "the outcome, or a key, is shown at once");
    }
}
