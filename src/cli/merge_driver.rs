//! `hyoka merge-driver %O %A %B %P`: git's merge of a data file, done field by field.
//!
//! git runs it at the top of the work tree with three temporary files (the common ancestor, ours,
//! theirs) and the file's path; the result goes into the second file. Exit 0 means merged, 1
//! means conflicts (git then stops the merge), 2 that it could not run.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::i18n::git::GitMsg;
use hyoka_data::git::{
    Git, MergeRecord, MergeResult, Operation, Repo, forget_conflicts, merge_texts, record_conflicts,
};

pub fn run(base: &Path, ours: &Path, theirs: &Path, path: &Path, lang: Lang) -> ExitCode {
    let cannot = |why: String| {
        eprintln!("{}", GitMsg::DriverCannot { why: &why }.text(lang));
        ExitCode::from(2)
    };
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let (base_bytes, ours_bytes, theirs_bytes) = match (read(base), read(ours), read(theirs)) {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return cannot(e),
    };
    let git = Git::find();
    let repo = git.as_ref().and_then(|g| Repo::discover(g, Path::new(".")).ok());
    let shown = path.display().to_string();
    let texts = (String::from_utf8(base_bytes), String::from_utf8(ours_bytes), String::from_utf8(theirs_bytes));
    let (Ok(base_text), Ok(ours_text), Ok(theirs_text)) = texts else {
        return line_merge(git.as_ref(), base, ours, theirs, &shown, "not UTF-8", lang);
    };
    // During a rebase git's "ours" is the branch replayed onto and "theirs" the clerk's own commit
    // being replayed: the dialog's "mine" is the clerk's, so the sides are swapped.
    let rebasing = repo.as_ref().and_then(|r| r.operation().ok().flatten()) == Some(Operation::Rebase);
    let (mine, other) = if rebasing { (&theirs_text, &ours_text) } else { (&ours_text, &theirs_text) };
    let result = merge_texts(&base_text, mine, other);
    let (text, code) = match result {
        MergeResult::NotMine { why } => {
            if let Some(repo) = &repo {
                let _ = forget_conflicts(repo, path);
            }
            return line_merge(git.as_ref(), base, ours, theirs, &shown, &why, lang);
        }
        MergeResult::Clean { text, revived, kept, layout_lost } => {
            say_removed_and_changed(&shown, &revived, &kept, lang);
            if let Some(why) = layout_lost {
                eprintln!("{}", GitMsg::DriverLayout { path: &shown, why }.text(lang));
            }
            if let Some(repo) = &repo
                && let Err(e) = forget_conflicts(repo, path)
            {
                return cannot(e.describe(lang));
            }
            (text, ExitCode::SUCCESS)
        }
        MergeResult::Conflicted { text, conflicts, revived, kept } => {
            say_removed_and_changed(&shown, &revived, &kept, lang);
            let fields = conflicts
                .iter()
                .map(|c| {
                    let fields: Vec<&str> = c.fields().map(|f| f.label(lang)).collect();
                    format!("{} {} {}", c.division, c.section, fields.join("・"))
                })
                .collect::<Vec<_>>()
                .join(", ");
            eprintln!("{}", GitMsg::DriverConflicts { path: &shown, fields: &fields }.text(lang));
            if let Some(repo) = &repo {
                let record = MergeRecord {
                    relative: path.to_path_buf(),
                    base: base_text.clone(),
                    mine: mine.clone(),
                    theirs: other.clone(),
                    written: text.clone(),
                };
                if let Err(e) = record_conflicts(repo, &record) {
                    return cannot(e.describe(lang));
                }
            }
            (text, ExitCode::FAILURE)
        }
    };
    match std::fs::write(ours, text) {
        Ok(()) => code,
        Err(e) => cannot(format!("{}: {e}", ours.display())),
    }
}

/// Both directions of "removed on one side, changed on the other" are said: nothing is lost,
/// and nothing comes back unannounced.
fn say_removed_and_changed(path: &str, revived: &[String], kept: &[String], lang: Lang) {
    if !revived.is_empty() {
        eprintln!("{}", GitMsg::DriverRevived { path, sections: &revived.join(", ") }.text(lang));
    }
    if !kept.is_empty() {
        eprintln!("{}", GitMsg::DriverKept { path, sections: &kept.join(", ") }.text(lang));
    }
}

/// git's own line merge, with its conflict markers, for files hyoka cannot merge by field.
fn line_merge(
    git: Option<&Git>,
    base: &Path,
    ours: &Path,
    theirs: &Path,
    shown: &str,
    why: &str,
    lang: Lang,
) -> ExitCode {
    eprintln!("{}", GitMsg::DriverFallback { path: shown, why }.text(lang));
    let Some(git) = git else { return ExitCode::from(2) };
    let mut command = git.command(Path::new("."));
    command.args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"]).args([ours, base, theirs]);
    match command.status().map(|s| s.code()) {
        Ok(Some(0)) => ExitCode::SUCCESS,
        Ok(Some(n)) if n > 0 => ExitCode::FAILURE,
        _ => ExitCode::from(2),
    }
}
