//! The published site (`hyoka publish`): every organisation's table for every fiscal year as pages a
//! plain web server or a CMS can carry, accessible (JIS X 8341-3:2016 level AA) and printable.
//!
//! - [`select`]: which files and sections are published (the cycle's stage, the office's policy);
//! - [`build`]: the site in memory, page by page: the index, a page per table with its CSV and xlsx
//!   beside it, a summary per fiscal year. The same data give the same bytes: no clock is read,
//!   and everything comes in the order of the data files' paths;
//! - [`write_site`]: the site written into a new folder and moved in place whole;
//! - [`documents_at`] and [`changes`]: the site of an earlier revision of the data, and what differs.
//!
//! Pages use relative links only, no script and nothing from outside the site; every text goes
//! through [`crate::interchange::html`]'s escaping (control characters shown, markup inert).

mod chart;
mod counts;
mod error;
mod href;
mod index_page;
mod page;
mod select;
mod since;
mod site;
mod style;
mod summary_page;
mod table_page;
mod write;

pub use error::PublishError;
pub use select::{LeftOut, Selection, Source, Table, select};
pub use since::{Change, ChangeKind, changes, documents_at};
pub use site::{Site, SiteOptions, build};
pub use write::write_site;
