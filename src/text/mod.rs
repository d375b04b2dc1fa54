//! Text as the terminal shows it: display width, wrapping, cutting, and taming control characters.

mod sanitize;
mod width;

pub use sanitize::sanitize;
pub use width::{display_width, truncate, wrap};
