//! hyoka's core: the documents (model) and Japanese text (width, line breaking, folding, editing),
//! with the words of the documents, and how a panic of supervised work is caught — no files, no
//! processes, no terminal.

pub mod i18n;
pub mod model;
pub mod supervision;
pub mod text;
