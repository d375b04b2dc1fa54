//! The server's gate (`pre-receive`, installed by `hyoka git-setup --server`): every commit a push
//! brings is compared with its parents, and the push is refused when an account that is not a
//! reviewer approves, returns or moves a stage, when `review.by` or `updated_by` name someone
//! other than the pusher, or when a clerk changes a submitted or approved section. The server,
//! not the client, decides (as GitLab's protected branches and Gerrit's approvals do).

use std::path::Path;

use super::error::GitError;
use super::run::Git;
use crate::config::DATA_SETTINGS;
use crate::store::{is_data_path, parse_document};
use hyoka_core::model::{Document, Section, Status};

/// The rule a change broke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Approved or returned by someone who is not a reviewer.
    NotReviewer { status: Status },
    /// The file's stage moved, by someone who is not a reviewer.
    Stage,
    /// `review.by` or `updated_by` (`key`) names `name`, who did not push.
    NamedOther { key: &'static str, name: String },
    /// A clerk changed a section that is submitted or approved (`status` before the change).
    Locked { status: Status },
    /// A clerk changed the reviewers' file.
    Settings,
}

/// One refused change: the file, the section (empty for the file as a whole) and the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    pub commit: String,
    pub file: String,
    pub place: String,
    pub rule: Rule,
}

/// Who pushes: the login, and whether the office names them a reviewer (root, the
/// administrator's own schedule, stands for the office).
#[derive(Clone, Debug)]
pub struct Pusher {
    pub login: String,
    pub reviewer: bool,
    pub admin: bool,
}

const ZERO: &str = "0000000000000000000000000000000000000000";

/// Checks what a push brings (`old new ref` lines, as git gives the hook), in the repository at
/// `dir`. Only commits the repository does not have yet are looked at.
pub fn check_push(git: &Git, dir: &Path, updates: &str, pusher: &Pusher) -> Result<Vec<Breach>, GitError> {
    let mut breaches = Vec::new();
    for line in updates.lines() {
        let mut words = line.split_whitespace();
        let (Some(_old), Some(new), Some(_name)) = (words.next(), words.next(), words.next()) else { continue };
        if new.bytes().all(|b| b == b'0') {
            continue; // a branch deleted: no content to judge
        }
        let listed = git.run(dir, ["rev-list", "--reverse", "--parents", new, "--not", "--all"])?;
        for commit_line in String::from_utf8_lossy(&listed).lines() {
            let mut ids = commit_line.split_whitespace();
            let Some(commit) = ids.next() else { continue };
            let parents: Vec<&str> = ids.collect();
            breaches.extend(check_commit(git, dir, commit, &parents, pusher)?);
        }
    }
    Ok(breaches)
}

fn check_commit(
    git: &Git,
    dir: &Path,
    commit: &str,
    parents: &[&str],
    pusher: &Pusher,
) -> Result<Vec<Breach>, GitError> {
    let first = parents.first().copied().unwrap_or(ZERO);
    let changed = if first == ZERO {
        git.run(dir, ["diff-tree", "-r", "--root", "--no-commit-id", "--name-only", "-z", commit])?
    } else {
        git.run(dir, ["diff-tree", "-r", "--name-only", "-z", first, commit])?
    };
    let mut breaches = Vec::new();
    for path in changed.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path).into_owned();
        let file = |rule| Breach { commit: commit.to_owned(), file: path.clone(), place: String::new(), rule };
        if Path::new(&path).file_name().is_some_and(|n| n == DATA_SETTINGS) {
            if !(pusher.reviewer || pusher.admin) {
                breaches.push(file(Rule::Settings));
            }
            continue;
        }
        if !is_data_path(Path::new(&path)) {
            continue;
        }
        let Some(new) = version(git, dir, commit, &path) else { continue };
        let olds: Vec<Option<Document>> =
            if parents.is_empty() { vec![None] } else { parents.iter().map(|p| version(git, dir, p, &path)).collect() };
        // A merge is judged by what it decided itself: what equals one of its parents was judged
        // with the commit that brought it.
        let mut found: Option<Vec<(String, Rule)>> = None;
        for old in &olds {
            let these = judge(old.as_ref(), &new, pusher);
            found = Some(match found {
                None => these,
                Some(before) => before.into_iter().filter(|b| these.contains(b)).collect(),
            });
        }
        for (place, rule) in found.unwrap_or_default() {
            breaches.push(Breach { commit: commit.to_owned(), file: path.clone(), place, rule });
        }
    }
    Ok(breaches)
}

/// The document of `path` in `commit`, when there and readable.
fn version(git: &Git, dir: &Path, commit: &str, path: &str) -> Option<Document> {
    let bytes = git.run(dir, ["cat-file", "blob", &format!("{commit}:{path}")]).ok()?;
    parse_document(std::str::from_utf8(&bytes).ok()?).ok()
}

/// What `pusher` may not have done between `old` and `new` of one data file: (place, rule).
pub fn judge(old: Option<&Document>, new: &Document, pusher: &Pusher) -> Vec<(String, Rule)> {
    let mut out = Vec::new();
    if pusher.admin {
        return out;
    }
    if old.is_some_and(|o| o.stage != new.stage) && !pusher.reviewer {
        out.push((String::new(), Rule::Stage));
    }
    for division in &new.divisions {
        for section in &division.sections {
            let before = old.and_then(|o| o.find_section(&division.name, &section.name));
            let place = format!("{} {}", division.name, section.name);
            out.extend(judge_section(before, section, pusher).into_iter().map(|rule| (place.clone(), rule)));
        }
    }
    out
}

fn judge_section(before: Option<&Section>, after: &Section, pusher: &Pusher) -> Vec<Rule> {
    let mut out = Vec::new();
    let (old_status, old_review) = (before.map_or(Status::Draft, |b| b.status), before.and_then(|b| b.review.as_ref()));
    if after.status != old_status && matches!(after.status, Status::Approved | Status::Returned) && !pusher.reviewer {
        out.push(Rule::NotReviewer { status: after.status });
    }
    if let Some(review) = &after.review
        && old_review != Some(review)
        && review.by != pusher.login
    {
        out.push(Rule::NamedOther { key: "review.by", name: review.by.clone() });
    }
    if let Some(by) = &after.updated_by
        && before.and_then(|b| b.updated_by.as_ref()) != Some(by)
        && *by != pusher.login
    {
        out.push(Rule::NamedOther { key: "updated_by", name: by.clone() });
    }
    if old_status.locks_clerks() && !pusher.reviewer && before.is_some_and(|b| !b.same_content(after)) {
        out.push(Rule::Locked { status: old_status });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        parse_document(include_str!("../../../../data/kamigyo/2008.yaml")).unwrap_or_else(|p| panic!("{p:?}"))
    }

    fn somu(doc: &mut Document) -> &mut Section {
        doc.find_section_mut("区民部", "総務課").unwrap_or_else(|| panic!("総務課"))
    }

    #[test]
    fn a_clerk_may_not_approve_sign_for_another_or_change_what_waits_for_review() {
        let clerk = Pusher { login: "clerk1".into(), reviewer: false, admin: false };
        let reviewer = Pusher { login: "suzuki".into(), reviewer: true, admin: false };
        let mut old = sample();
        somu(&mut old).status = Status::Submitted;
        let mut approved = old.clone();
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+09:00").unwrap_or_default();
        somu(&mut approved).status = Status::Approved;
        somu(&mut approved).review =
            Some(hyoka_core::model::Review { by: "suzuki".into(), at, comment: String::new() });
        let by_clerk = judge(Some(&old), &approved, &clerk);
        assert!(by_clerk.contains(&("区民部 総務課".into(), Rule::NotReviewer { status: Status::Approved })));
        assert!(
            by_clerk.contains(&("区民部 総務課".into(), Rule::NamedOther { key: "review.by", name: "suzuki".into() }))
        );
        assert!(by_clerk.contains(&("区民部 総務課".into(), Rule::Locked { status: Status::Submitted })));
        assert_eq!(judge(Some(&old), &approved, &reviewer), vec![]);
        let mut edited = old.clone();
        somu(&mut edited).reflection.push_str("（追記）");
        somu(&mut edited).updated_by = Some("clerk1".into());
        assert_eq!(
            judge(Some(&old), &edited, &clerk),
            vec![("区民部 総務課".into(), Rule::Locked { status: Status::Submitted })]
        );
        let mut staged = old.clone();
        staged.stage = Some(hyoka_core::model::Stage::Yearend);
        assert_eq!(judge(Some(&old), &staged, &clerk), vec![(String::new(), Rule::Stage)]);
        let admin = Pusher { login: "root".into(), reviewer: false, admin: true };
        assert_eq!(judge(Some(&old), &approved, &admin), vec![]);
    }
}
