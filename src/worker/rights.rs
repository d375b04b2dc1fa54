//! Who may review, looked at again while hyoka runs: the office's list, the repository's safe
//! reviewers' file and the account's groups are read every few seconds, and a change reaches the
//! screen as an action — a reviewer taken off the list stops approving without a restart.

use std::path::PathBuf;
use std::time::Duration;

use super::{Env, Outbox};
use crate::app::{Action, Rights};
use crate::i18n::Lang;
use hyoka_data::config::{Authority, authority};
use hyoka_data::identity::{Identity, of_uid};

/// How often the right to review is looked at again.
const EVERY: Duration = Duration::from_secs(2);

/// Where the right comes from: the data opened and the office's settings file.
#[derive(Clone, Debug)]
pub struct RightsSource {
    pub root: PathBuf,
    pub office: PathBuf,
}

impl RightsSource {
    /// Decides the right of `who` from the settings and the user database as they are now. A
    /// settings file that became unreadable or wrong takes the right away until it is mended, and
    /// says so.
    pub fn decide(&self, who: &Identity, lang: Lang) -> Rights {
        let found = match authority(&self.root, &self.office) {
            Ok(found) => found,
            Err(why) => return Rights { reviewer: false, ignored: vec![why] },
        };
        // Groups as the database gives them now (a reviewer taken out of the group loses the right).
        let now = of_uid(who.uid).filter(|i| i.login == who.login).unwrap_or_else(|| who.clone());
        rights(&found, &now, lang)
    }
}

/// The right of `who` under `found`, with the files it ignored when `who` should hear of them.
pub fn rights(found: &Authority, who: &Identity, lang: Lang) -> Rights {
    let ignored = if found.tell_ignored(who) {
        found.ignored.iter().map(|why| hyoka_data::i18n::office::reviewers_ignored(why, lang)).collect()
    } else {
        Vec::new()
    };
    Rights { reviewer: found.is_reviewer(who), ignored }
}

/// Looks again every few seconds, once the worker knows who runs hyoka, and sends what changed.
pub fn watch(env: Env, outbox: Outbox) {
    let Some(source) = env.rights.clone() else { return };
    let spawned = std::thread::Builder::new().name("hyoka-rights".to_owned()).spawn(move || {
        loop {
            std::thread::sleep(EVERY);
            let who = env.identity.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
            let Some((who, last)) = who else { continue };
            let now = source.decide(&who, env.lang);
            if now != last {
                *env.identity.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some((who, now.clone()));
                outbox(Action::Rights(Box::new(now)));
            }
        }
    });
    // Without the thread the right stays as decided at start; hyoka works on.
    drop(spawned);
}
