//! Who is running hyoka: the real user id, named by the system's user database (NSS, so that LDAP
//! and SSSD accounts work as local ones do), never by `USER` or `LOGNAME`, which anyone can set.

use nix::unistd::{Gid, Group, Uid, User, getgrouplist, getgroups};

/// An account as the system knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub uid: u32,
    /// The login name: what `updated_by` and `review.by` record.
    pub login: String,
    /// The full name from the user database (GECOS), for git's author; empty when there is none.
    pub full_name: String,
    /// The primary group and every other group the database gives the account now.
    pub groups: Vec<u32>,
}

/// The account could not be named: hyoka will not stamp a guess.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("user id {uid} has no name in the system's user database ({why})")]
pub struct Unnamed {
    pub uid: u32,
    pub why: String,
}

/// Debug builds only: the name the end-to-end tests run as, where a real account would need root.
/// A release build has no such door.
#[cfg(debug_assertions)]
const TEST_LOGIN: &str = "HYOKA_TEST_LOGIN";

/// The account of the process's real user id.
pub fn current() -> Result<Identity, Unnamed> {
    #[cfg(debug_assertions)]
    if let Some(login) = std::env::var(TEST_LOGIN).ok().filter(|l| !l.is_empty()) {
        let mut named = of_name(&login).unwrap_or(Identity {
            uid: u32::MAX,
            login: login.clone(),
            full_name: String::new(),
            groups: Vec::new(),
        });
        named.login = login;
        return Ok(named);
    }
    let uid = Uid::current();
    let user = User::from_uid(uid)
        .map_err(|e| Unnamed { uid: uid.as_raw(), why: e.desc().to_owned() })?
        .ok_or_else(|| Unnamed { uid: uid.as_raw(), why: "no entry".to_owned() })?;
    let mut identity = of_user(&user);
    // The groups this very process holds count too (a `newgrp`, a group given at login).
    if let Ok(held) = getgroups() {
        identity.groups.extend(held.into_iter().map(Gid::as_raw));
    }
    identity.groups.sort_unstable();
    identity.groups.dedup();
    Ok(identity)
}

/// The account named `login` in the user database, with its groups as the database gives them now.
pub fn of_name(login: &str) -> Option<Identity> {
    User::from_name(login).ok().flatten().map(|user| of_user(&user))
}

/// The account with this user id, if the database knows it.
pub fn of_uid(uid: u32) -> Option<Identity> {
    User::from_uid(Uid::from_raw(uid)).ok().flatten().map(|user| of_user(&user))
}

/// The login name of a user id, or the number when the database has none.
pub fn name_of_uid(uid: u32) -> String {
    of_uid(uid).map_or_else(|| uid.to_string(), |i| i.login)
}

fn of_user(user: &User) -> Identity {
    let groups = std::ffi::CString::new(user.name.as_bytes())
        .ok()
        .and_then(|name| getgrouplist(&name, user.gid).ok())
        .unwrap_or_else(|| vec![user.gid]);
    let mut groups: Vec<u32> = groups.into_iter().map(Gid::as_raw).collect();
    groups.sort_unstable();
    groups.dedup();
    let full_name = user.gecos.to_string_lossy().split(',').next().unwrap_or_default().trim().to_owned();
    Identity { uid: user.uid.as_raw(), login: user.name.clone(), full_name, groups }
}

/// The id of a group by its name, from the database.
pub fn group_id(name: &str) -> Option<u32> {
    Group::from_name(name).ok().flatten().map(|g| g.gid.as_raw())
}

/// The name of a group id, or the number when the database has none.
pub fn group_name(gid: u32) -> String {
    Group::from_gid(Gid::from_raw(gid)).ok().flatten().map_or_else(|| gid.to_string(), |g| g.name)
}

impl Identity {
    /// Whether the account is in the group named `group`, as the database says now.
    pub fn in_group(&self, group: &str) -> bool {
        group_id(group).is_some_and(|gid| self.groups.contains(&gid))
    }

    /// Whether this is the system's administrator.
    pub fn is_root(&self) -> bool {
        self.uid == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_process_is_named_by_its_user_id_not_by_its_environment() {
        let me = current().unwrap_or_else(|e| panic!("{e}"));
        if std::env::var_os("HYOKA_TEST_LOGIN").is_none() {
            assert_eq!(me.uid, Uid::current().as_raw());
            assert_eq!(Some(me.login.clone()), of_uid(me.uid).map(|i| i.login));
        }
        let root = of_uid(0).unwrap_or_else(|| panic!("root is in every user database"));
        assert_eq!(root.login, "root");
        assert!(root.groups.contains(&0), "root's primary group is among its groups");
        assert_eq!(group_name(0), "root");
        assert_eq!(group_id("root"), Some(0));
        assert!(root.in_group("root"));
        assert!(!root.in_group("no-such-group-hyk19"));
        assert_eq!(of_name("no-such-user-hyk19"), None);
    }
}
