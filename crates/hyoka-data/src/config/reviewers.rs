//! Who reviews, as a settings file names them: login names and a group, asked of the user
//! database when it counts. Where such a list is trusted from is `authority.rs`.

use serde::Deserialize;

use crate::identity::Identity;

/// `reviewers: { users: [suzuki, kacho01], group: hyoka-reviewers }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewers {
    #[serde(default)]
    pub users: Vec<String>,
    #[serde(default)]
    pub group: Option<String>,
}

impl Reviewers {
    /// Whether `who` is named, or is in the group as the user database says now.
    pub fn include(&self, who: &Identity) -> bool {
        if who.login.is_empty() {
            return false;
        }
        self.users.iter().any(|u| u.trim() == who.login)
            || self.group.as_deref().map(str::trim).is_some_and(|g| !g.is_empty() && who.in_group(g))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::config) fn someone(login: &str) -> Identity {
        Identity { uid: 4242, login: login.to_owned(), full_name: String::new(), groups: vec![0] }
    }

    #[test]
    fn reviewers_are_named_or_in_the_group_as_the_database_says() {
        let by_name = Reviewers { users: vec!["kumin01".into()], group: None };
        assert!(by_name.include(&someone("kumin01")));
        assert!(!by_name.include(&someone("kumin02")));
        let by_group = Reviewers { users: vec![], group: Some("root".into()) };
        assert!(by_group.include(&someone("anyone-in-gid-0")));
        let mut outsider = someone("clerk");
        outsider.groups = vec![4242];
        assert!(!by_group.include(&outsider));
        assert!(!by_group.include(&someone("")));
    }
}
