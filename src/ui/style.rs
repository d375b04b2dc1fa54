//! How things look: styles readable on dark and light terminals alike (emphasis by reverse video,
//! bold and underline; colours only as a foreground and background pair), and the borders. Text
//! goes into cells through `AmbiguousWidth::padded_for_cells`, measured as the terminal draws it.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Block;

use hyoka_core::text::AmbiguousWidth;

/// A bordered block; where the terminal draws ambiguous characters wide, the borders are ASCII,
/// since the box-drawing characters are ambiguous too and would push every border out of place.
pub fn block(measure: AmbiguousWidth) -> Block<'static> {
    match measure {
        AmbiguousWidth::Narrow => Block::bordered(),
        AmbiguousWidth::Wide => Block::bordered().border_set(ASCII_BORDER),
    }
}

const ASCII_BORDER: ratatui::symbols::border::Set = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A pane's border: bold in the terminal's own colour when it has the keys, grey otherwise.
pub fn border(focused: bool) -> Style {
    if focused { Style::new().add_modifier(Modifier::BOLD) } else { dim() }
}

/// The border of a pane being edited: double emphasis, no colour a light background would hide.
pub fn editing_border() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

/// Secondary text: hints, the legend, placeholders.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The cursor row of the tree, or the selected goal, where the keys are.
pub fn cursor(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }
}

/// Something to act on: unsaved work. Dark text on yellow, set together so any background works.
pub fn warning() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn good() -> Style {
    Style::new().fg(Color::Black).bg(Color::Green)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// A warning mark on a row drawn in reverse video: white and red set together (red on white there,
/// 5.8:1), so that the terminal's own colours take no part.
pub fn alert() -> Style {
    Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A dialog's frame.
pub fn dialog() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A search hit in the text: dark on yellow, set together so any background works.
pub fn hit() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow)
}

/// The chosen one of several (the export format).
pub fn chosen() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}
