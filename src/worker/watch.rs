//! Looking at the open files on disk: what changed since we last read or wrote them.

use crate::app::{DiskChange, DiskCheck, DiskReport, disk_stamp};
use crate::store::{LoadError, Problem, ProblemKind, decode, parse_document, read_data_file};

/// A report for every file that changed (or went away) since its stamp; nothing for the others.
pub fn check(checks: Vec<DiskCheck>) -> Vec<DiskReport> {
    checks.into_iter().filter_map(check_one).collect()
}

fn check_one(check: DiskCheck) -> Option<DiskReport> {
    let metadata = match std::fs::metadata(&check.path) {
        Ok(m) => m,
        Err(e) if check.gone => {
            let _ = e;
            return None;
        }
        Err(e) => return Some(DiskReport { file: check.file, stamp: None, change: DiskChange::Gone(e.to_string()) }),
    };
    let stamp = disk_stamp(&metadata);
    if stamp == check.stamp && !check.gone {
        return None;
    }
    let broken = |problems: Vec<Problem>| DiskChange::Broken(LoadError { path: check.path.clone(), problems });
    let change = match read_data_file(&check.path) {
        Err(e) => broken(vec![Problem::at(None, ProblemKind::Read { detail: e.to_string() })]),
        Ok(bytes) => match decode(&bytes) {
            Err(problem) => broken(vec![problem]),
            Ok(text) => match parse_document(&text) {
                Ok(doc) => DiskChange::Changed { doc, text },
                Err(problems) => broken(problems),
            },
        },
    };
    Some(DiskReport { file: check.file, stamp, change })
}
