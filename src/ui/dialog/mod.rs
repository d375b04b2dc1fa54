//! The dialogs as drawn, one file each, named as their components in `app/dialog/`.

pub mod ask;
pub mod comment;
pub mod conflict;
pub mod export;
pub mod help;
pub mod messages;
pub mod quit;
pub mod recovery;
