//! A save as the worker carries it out: stamp the sections that changed, then lock, merge and
//! write through the store, however long another hyoka holds the lock.

use chrono::{DateTime, FixedOffset};

use super::load::disk_stamp;
use crate::app::{SaveJob, SaveReport};
use hyoka_core::model::{Document, Review};
use hyoka_data::store::{FaultPlan, KnownLayout, SaveRequest};

/// `known`: the layout of the text the file last had, if the worker knows it.
pub fn save(
    job: SaveJob,
    now: DateTime<FixedOffset>,
    faults: &dyn FaultPlan,
    known: Option<&KnownLayout>,
) -> SaveReport {
    let mut mine = job.mine;
    stamp(&mut mine, &job.base, now, &job.user);
    let request = SaveRequest {
        path: &job.path,
        root: &job.root,
        base_digest: job.base_digest,
        base: &job.base,
        mine: &mine,
        reviewer: job.reviewer,
    };
    let outcome = hyoka_data::store::save_knowing(&request, known, faults);
    let stamp = std::fs::metadata(&job.path).ok().as_ref().and_then(disk_stamp);
    SaveReport { file: job.file, sent: Some(mine), outcome, stamp }
}

/// Who changed a section and when: only the sections whose content differs from the base get
/// new stamps, so that `git diff` shows the field changed and its section's two stamp lines. A
/// review given in this save is stamped with the same time.
pub fn stamp(mine: &mut Document, base: &Document, now: DateTime<FixedOffset>, user: &str) {
    for division in &mut mine.divisions {
        for section in &mut division.sections {
            let before = base.find_section(&division.name, &section.name);
            if before.is_some_and(|b| b.same_content(section)) {
                continue;
            }
            section.updated = Some(now);
            section.updated_by = Some(user.to_owned());
            let old_review = before.and_then(|b| b.review.as_ref());
            if let Some(review) = section.review.as_mut().filter(|r| !Review::same_word(old_review, Some(r))) {
                review.at = now;
            }
        }
    }
}
