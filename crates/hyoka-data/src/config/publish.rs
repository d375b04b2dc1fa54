//! What the office publishes: `publish:` in the office's settings or the data folder's
//! (`.hyoka.yaml`); which of them counts is
//! `publish_policy` in `authority.rs`, as for who reviews.

use serde::Deserialize;

/// `publish: all` (the default) or `publish: approved_only`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishPolicy {
    /// Every section of a file that is published.
    #[default]
    All,
    /// Only the sections a reviewer approved (`status: approved`); the others are left out and named.
    ApprovedOnly,
}
