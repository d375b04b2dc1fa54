//! The colours and attributes a terminal writes with, and the bytes that change them.

use std::io::{self, Write};

use ratatui::backend::IntoCrossterm as _;
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, Colors, SetAttribute, SetColors, SetUnderlineColor};
use ratatui::style::{Color, Modifier};

/// The colours and attributes the terminal writes with now.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    pub const PLAIN: Pen =
        Pen { fg: Color::Reset, bg: Color::Reset, underline: Color::Reset, modifier: Modifier::empty() };

    pub fn of(cell: &Cell) -> Pen {
        Pen { fg: cell.fg, bg: cell.bg, underline: cell.underline_color, modifier: cell.modifier }
    }

    /// Changes to `to`, sending only what differs.
    pub fn change(&mut self, w: &mut impl Write, to: Pen) -> io::Result<()> {
        if to.modifier != self.modifier {
            queue_modifiers(w, self.modifier, to.modifier)?;
        }
        if to.fg != self.fg || to.bg != self.bg {
            queue!(w, SetColors(Colors::new(to.fg.into_crossterm(), to.bg.into_crossterm())))?;
        }
        if to.underline != self.underline {
            queue!(w, SetUnderlineColor(to.underline.into_crossterm()))?;
        }
        *self = to;
        Ok(())
    }
}

/// Sends the attributes that change from `from` to `to`, as crossterm's backend does.
fn queue_modifiers(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(w, SetAttribute(Attribute::NoReverse))?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        // Bold and dim are both ended by normal intensity; what stays of them is set again.
        queue!(w, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(w, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(w, SetAttribute(Attribute::Bold))?;
        }
    }
    let ends = [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
        (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, Attribute::NoBlink),
    ];
    for (modifier, attribute) in ends {
        if removed.intersects(modifier) {
            queue!(w, SetAttribute(attribute))?;
        }
    }
    let added = to - from;
    // In crossterm's backend's order; bold and dim were set above when the intensity was reset.
    let starts = [
        (Modifier::REVERSED, Attribute::Reverse, true),
        (Modifier::BOLD, Attribute::Bold, !reset_intensity),
        (Modifier::ITALIC, Attribute::Italic, true),
        (Modifier::UNDERLINED, Attribute::Underlined, true),
        (Modifier::DIM, Attribute::Dim, !reset_intensity),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, true),
        (Modifier::HIDDEN, Attribute::Hidden, true),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, true),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, true),
    ];
    for (modifier, attribute, wanted) in starts {
        if wanted && added.contains(modifier) {
            queue!(w, SetAttribute(attribute))?;
        }
    }
    Ok(())
}
