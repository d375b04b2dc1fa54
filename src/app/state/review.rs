//! The reviewer's tools as plain data kept between views: the search and the filter with what
//! they let through, the search index, and the highlights of the panes. (Each view's own state is
//! with its keys, in `app/review/`.)

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::refs::{Node, SectionRef};

/// Everything the reviewer's tools keep between key presses.
#[derive(Clone, Debug, Default)]
pub struct Review {
    /// The search in force (after `/` … Enter), whose hits are marked and stepped through.
    pub search: Option<Search>,
    /// Hiragana and katakana match each other (Tab in the search prompt).
    pub kana: bool,
    pub filter: Filter,
    pub index: SearchIndex,
    /// Which sections the filter lets through, per file, division and section; `None`: no filter.
    pub shown: Option<Vec<Vec<Vec<bool>>>>,
    pub hits: Hits,
    /// The hits of the section on screen, per pane line, for highlighting.
    pub marks: Marks,
    /// The distribution of the file or division under the cursor.
    pub here: Option<(Node, Counts)>,
    /// The file versions the above were computed from; a difference means: look again.
    pub seen: Vec<u64>,
    /// [`Loaded::latest_version`](super::Loaded::latest_version) when `seen` was last compared:
    /// while it stays, no document changed and nothing is compared.
    pub clock: u64,
    /// The search or the filter changed since the above were computed.
    pub stale: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// As typed.
    pub query: String,
    /// As compared (NFKC, lower case, kana as asked).
    pub folded: String,
    /// The hit the cursor was last sent to, an index into [`Hits::order`].
    pub current: Option<usize>,
}

/// The rows with hits, in tree order, and the number of hits in and under every row.
#[derive(Clone, Debug, Default)]
pub struct Hits {
    /// Rows whose own text holds the search (names of files and divisions, a section's fields).
    pub order: Vec<(Node, usize)>,
    /// Hits in a row and everything under it (a division counts its sections').
    pub counts: HashMap<Node, usize>,
    pub total: usize,
}

/// Byte ranges of the hits in each line of the panes' wrapped texts (as in `app.layout`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub section: Option<SectionRef>,
    /// Per goal row (the lead-in first, as `layout.goal_items`), per line.
    pub goals: Vec<Vec<Vec<Range<usize>>>>,
    pub progress: Vec<Vec<Range<usize>>>,
    pub reflection: Vec<Vec<Range<usize>>>,
}

/// What a filter asks for; every part given must hold. Empty: everything is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Any of these ratings (none given: any rating).
    pub ratings: BTreeSet<Rated>,
    /// Only sections with an empty field.
    pub incomplete: bool,
    /// Changed on or after this day (`updated`).
    pub since: Option<NaiveDate>,
    /// Changed by this login name (`updated_by`).
    pub by: Option<String>,
    /// Holding this text (as the search compares it).
    pub word: Option<String>,
    /// Any of these statuses (none given: any status).
    pub statuses: BTreeSet<hyoka_core::model::Status>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// A rating a filter can ask for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rated {
    Mark(String),
    Unrated,
}

/// The text of every file as the search compares it, built once per change of a file.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    pub kana: bool,
    pub files: Vec<Option<FileIndex>>,
}

#[derive(Clone, Debug, Default)]
pub struct FileIndex {
    /// The [`Loaded::version`](super::Loaded::version) it was built from.
    pub version: u64,
    /// Organisation and fiscal year, as the tree names the file.
    pub head: String,
    pub divisions: Vec<String>,
    /// Each section's name and fields, joined by a character no query holds.
    pub sections: Vec<Vec<String>>,
}

/// How the sections of a file, a division or everything are rated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// (mark, label, how many) in the order of the scale.
    pub grades: Vec<(String, String, usize)>,
    pub unrated: usize,
    /// Sections with an empty field.
    pub incomplete: usize,
    pub sections: usize,
    /// The latest `updated`, with its `updated_by`.
    pub last: Option<(DateTime<FixedOffset>, String)>,
}
