//! `hyoka pre-receive`: what the server's hook runs for each push. The pusher is the account
//! running the hook (over SSH, the one who pushed), reviewers are the office's settings on the
//! server; a refused push names each file, section and rule in the pusher's language.

use std::io::Read as _;
use std::process::ExitCode;

use crate::i18n::Lang;
use hyoka_data::config::{OfficeFile, load_office, office_path};
use hyoka_data::git::{Git, GitError, Pusher, check_push};
use hyoka_data::i18n::office::{breach, push_refused, unnamed};

/// Exit 0 lets the push in; 1 refuses it (git then updates nothing).
pub fn run(lang: Lang) -> ExitCode {
    let lang = pushers_language().unwrap_or(lang);
    let refuse = |message: String| {
        eprintln!("hyoka: {message}");
        ExitCode::FAILURE
    };
    let who = match hyoka_data::identity::current() {
        Ok(who) => who,
        Err(e) => return refuse(unnamed(&e, lang)),
    };
    let reviewers = match load_office(&office_path()) {
        Ok(OfficeFile::Read(office)) => office.reviewers,
        Ok(OfficeFile::Missing) => None,
        Ok(OfficeFile::Ignored(why)) => return refuse(hyoka_data::i18n::office::office_ignored(&why, lang)),
        Err(message) => return refuse(message),
    };
    let pusher = Pusher {
        reviewer: reviewers.as_ref().is_some_and(|r| r.include(&who)),
        admin: who.is_root(),
        login: who.login.clone(),
    };
    let mut updates = String::new();
    if std::io::stdin().read_to_string(&mut updates).is_err() {
        return refuse(
            GitError::Protocol { detail: "pre-receive: no ref updates on standard input".into() }.describe(lang),
        );
    }
    let Some(git) = Git::find() else { return refuse(GitError::NotInstalled.describe(lang)) };
    let dir = std::env::current_dir().unwrap_or_else(|_| ".".into());
    match check_push(&git, &dir, &updates, &pusher) {
        Ok(breaches) if breaches.is_empty() => ExitCode::SUCCESS,
        Ok(breaches) => {
            let (head, end) = push_refused(breaches.len(), lang);
            eprintln!("{head}");
            for b in &breaches {
                eprintln!("  {}", breach(b, &who.login, lang));
            }
            eprintln!("{end}");
            ExitCode::FAILURE
        }
        Err(e) => refuse(e.describe(lang)),
    }
}

/// The pusher's language as their SSH session passed it (`LANG`, which sshd accepts by default),
/// or `HYOKA_LANG`.
fn pushers_language() -> Option<Lang> {
    Lang::from_env().or_else(|| {
        let lang = std::env::var("LC_ALL").ok().filter(|v| !v.is_empty()).or_else(|| std::env::var("LANG").ok())?;
        if lang.starts_with("ja") {
            Some(Lang::Ja)
        } else if lang.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    })
}
