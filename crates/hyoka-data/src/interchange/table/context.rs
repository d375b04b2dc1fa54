//! What each row of the table's body is read against: the header's columns, the legend's scale and
//! the source the cells came from. Shared by the readers of a section's names and of its fields.

use super::Source;
use super::header::Columns;
use hyoka_core::model::Grade;

/// What a row is read against.
pub(crate) struct Context<'a> {
    pub columns: &'a Columns,
    /// The legend's scale, or the usual one where the table has no legend.
    pub scale: &'a [Grade],
    pub source: Source,
}
