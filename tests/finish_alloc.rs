//! `ui::finish` allocates nothing for a cell that needs no change.
//!
//! It passes over every cell of every frame (here Japanese text, ambiguous marks and borders, in
//! both ambiguous widths).
//! Alone in its test binary, since the allocator it counts with is the whole binary's.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test: a broken expectation is a failed test")]

mod common;

use std::alloc::System;

use common::draw::BOTH_WIDTHS;
use hyoka::text::AmbiguousWidth;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn frame(width: u16, height: u16, measure: AmbiguousWidth) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
    let line = "┌ 所属等の目標 ─┐ ①笑顔で、質の高い対応をこころがけ、クレームをゼロにします。◎○△× ・ABC 1割 ";
    for y in 0..height {
        buffer.set_string(0, y, measure.widen(line), Style::new());
    }
    buffer
}

#[test]
fn finishing_a_frame_allocates_nothing_per_cell() {
    for measure in BOTH_WIDTHS {
        let mut buffer = frame(200, 60, measure);
        let region = Region::new(GLOBAL);
        hyoka::ui::finish(&mut buffer, false, measure);
        let allocations = region.change().allocations;
        // The test's own frame is 12,000 cells; a String per cell would be 12,000 allocations.
        assert_eq!(allocations, 0, "ambiguous {measure:?}");
    }
}
