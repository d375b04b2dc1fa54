//! Which division and section of one version of a file is which in another, also after a rename:
//! what the merge, the history and the questions agree on as "the same section".
//!
//! By name first. A division that is gone under its name is the new division holding every one
//! of its sections (by name, or by their text), when exactly one new division does. A section that is gone under its
//! name is the new section of the same division whose text is the same in every field, when
//! exactly one is; so is one whose name a new section took over while its text went on under a
//! new name (総務課 renamed 総務企画課, and a new 総務課). What neither rule finds is gone; a gone
//! division that shares sections with a new one that is not plainly it is `undecided`.

use hyoka_core::model::{Document, Field, Section};

/// Where each division and section of `before` is in `after`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matching {
    /// Per division of `before`: its index in `after`.
    pub divisions: Vec<Option<usize>>,
    /// Per division and section of `before`: the section's place in `after` (division, section).
    pub sections: Vec<Vec<Option<(usize, usize)>>>,
    /// Divisions of `before` that are gone under their name while a new division shares some of
    /// their sections without plainly being them: a split or a rename with more in it, for a
    /// person to decide.
    pub undecided: Vec<usize>,
}

impl Matching {
    /// The place in `after` of the section at (division, section) of `before`.
    pub fn section(&self, division: usize, section: usize) -> Option<(usize, usize)> {
        *self.sections.get(division)?.get(section)?
    }

    /// The place in `before` of the section at (division, section) of `after`.
    pub fn section_before(&self, division: usize, section: usize) -> Option<(usize, usize)> {
        self.sections.iter().enumerate().find_map(|(d, list)| {
            let s = list.iter().position(|at| *at == Some((division, section)))?;
            Some((d, s))
        })
    }

    /// The index in `before` of the division at `division` of `after`.
    pub fn division_before(&self, division: usize) -> Option<usize> {
        self.divisions.iter().position(|at| *at == Some(division))
    }
}

/// Matches the divisions and sections of `before` with those of `after`.
pub fn matching(before: &Document, after: &Document) -> Matching {
    let divisions = match_divisions(before, after);
    let sections = before
        .divisions
        .iter()
        .zip(&divisions.0)
        .map(|(was, now)| match now.and_then(|j| after.divisions.get(j).map(|d| (j, d))) {
            Some((j, now)) => {
                match_sections(&was.sections, &now.sections).into_iter().map(|at| at.map(|l| (j, l))).collect()
            }
            None => vec![None; was.sections.len()],
        })
        .collect();
    Matching { divisions: divisions.0, sections, undecided: divisions.1 }
}

/// The same text in every field, whatever the name and the stamps.
pub fn same_text(a: &Section, b: &Section) -> bool {
    Field::ALL.iter().all(|f| f.equal(a, b)) && a.goals_numbered_from == b.goals_numbered_from
}

fn match_divisions(before: &Document, after: &Document) -> (Vec<Option<usize>>, Vec<usize>) {
    let by_name = |name: &str| after.divisions.iter().position(|d| d.name == name);
    let mut found: Vec<Option<usize>> = before.divisions.iter().map(|d| by_name(&d.name)).collect();
    let new: Vec<usize> = (0..after.divisions.len()).filter(|j| !found.contains(&Some(*j))).collect();
    // A section is still there under its name, or under another with the same text.
    let kept_in = |was: &Section, now: &[Section]| now.iter().any(|n| n.name == was.name || same_text(was, n));
    let holds_all = |i: usize, j: usize| {
        let (Some(was), Some(now)) = (before.divisions.get(i), after.divisions.get(j)) else { return false };
        !was.sections.is_empty() && was.sections.iter().all(|s| kept_in(s, &now.sections))
    };
    let shares = |i: usize, j: usize| {
        let (Some(was), Some(now)) = (before.divisions.get(i), after.divisions.get(j)) else { return false };
        was.sections.iter().any(|s| kept_in(s, &now.sections))
    };
    let gone: Vec<usize> = (0..before.divisions.len()).filter(|i| found.get(*i) == Some(&None)).collect();
    let mut undecided = Vec::new();
    for &i in &gone {
        let candidates: Vec<usize> = new.iter().copied().filter(|&j| holds_all(i, j)).collect();
        let claimed_by_others = |j: usize| gone.iter().any(|&other| other != i && holds_all(other, j));
        match candidates.as_slice() {
            [j] if !claimed_by_others(*j) => {
                if let Some(slot) = found.get_mut(i) {
                    *slot = Some(*j);
                }
            }
            _ if new.iter().any(|&j| shares(i, j)) => undecided.push(i),
            _ => {}
        }
    }
    (found, undecided)
}

fn match_sections(before: &[Section], after: &[Section]) -> Vec<Option<usize>> {
    let mut found: Vec<Option<usize>> = before.iter().map(|s| after.iter().position(|a| a.name == s.name)).collect();
    let taken = |found: &[Option<usize>], l: usize| found.contains(&Some(l));
    // A gone name: the one new section with the same text.
    for k in 0..before.len() {
        if found.get(k) != Some(&None) {
            continue;
        }
        let Some(was) = before.get(k) else { continue };
        let candidates: Vec<usize> = (0..after.len())
            .filter(|&l| !taken(&found, l) && after.get(l).is_some_and(|a| same_text(was, a)))
            .collect();
        let [l] = candidates.as_slice() else { continue };
        let rivals = (0..before.len())
            .filter(|&o| {
                found.get(o) == Some(&None) && before.get(o).zip(after.get(*l)).is_some_and(|(b, a)| same_text(b, a))
            })
            .count();
        if rivals == 1
            && let Some(slot) = found.get_mut(k)
        {
            *slot = Some(*l);
        }
    }
    // A name taken over: the text went on under a new name, and the old name holds other text.
    for l in 0..after.len() {
        if taken(&found, l) {
            continue;
        }
        let Some(now) = after.get(l) else { continue };
        let owners: Vec<usize> =
            (0..before.len()).filter(|&k| before.get(k).is_some_and(|b| same_text(b, now))).collect();
        let [k] = owners.as_slice() else { continue };
        let Some(Some(under_name)) = found.get(*k).copied() else { continue };
        let rewritten = before.get(*k).zip(after.get(under_name)).is_some_and(|(b, a)| !same_text(b, a));
        let single =
            (0..after.len()).filter(|&o| !taken(&found, o) && after.get(o).is_some_and(|a| same_text(a, now))).count()
                == 1;
        if rewritten
            && single
            && let Some(slot) = found.get_mut(*k)
        {
            *slot = Some(l);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_core::model::Division;

    fn doc(divisions: &[(&str, &[(&str, &str)])]) -> Document {
        Document {
            divisions: divisions
                .iter()
                .map(|(name, sections)| Division {
                    name: (*name).into(),
                    sections: sections
                        .iter()
                        .map(|(s, progress)| Section { progress: (*progress).into(), ..Section::new(*s) })
                        .collect(),
                })
                .collect(),
            ..Document::new("上京区役所", 2008)
        }
    }

    #[test]
    fn a_division_renamed_is_the_new_one_holding_its_sections() {
        let before = doc(&[("区民部", &[("総務課", "a"), ("納税課", "b")]), ("福祉部", &[("福祉課", "c")])]);
        let after = doc(&[("福祉部", &[("福祉課", "c")]), ("市民部", &[("総務課", "a2"), ("納税課", "b")])]);
        let m = matching(&before, &after);
        assert_eq!(m.divisions, [Some(1), Some(0)]);
        assert_eq!(m.section(0, 0), Some((1, 0)));
        assert_eq!(m.section_before(1, 1), Some((0, 1)));
        assert!(m.undecided.is_empty());
    }

    #[test]
    fn a_division_split_in_two_is_undecided() {
        let before = doc(&[("区民部", &[("総務課", "a"), ("納税課", "b")])]);
        let after = doc(&[("市民部", &[("総務課", "a")]), ("税務部", &[("納税課", "b")])]);
        let m = matching(&before, &after);
        assert_eq!(m.divisions, [None]);
        assert_eq!(m.undecided, [0]);
    }

    #[test]
    fn a_section_renamed_keeps_its_text_and_a_new_one_may_take_its_name() {
        let before = doc(&[("区民部", &[("総務課", "a"), ("納税課", "b")])]);
        let renamed = doc(&[("区民部", &[("総務企画課", "a"), ("納税課", "b")])]);
        assert_eq!(matching(&before, &renamed).section(0, 0), Some((0, 0)));
        let reused = doc(&[("区民部", &[("総務企画課", "a"), ("総務課", ""), ("納税課", "b")])]);
        let m = matching(&before, &reused);
        assert_eq!((m.section(0, 0), m.section(0, 1)), (Some((0, 0)), Some((0, 2))));
        assert_eq!(m.section_before(0, 1), None, "the new 総務課 is another section");
        // Two gone sections with the same text: which is which cannot be told.
        let twins = doc(&[("区民部", &[("一課", "x"), ("二課", "x")])]);
        let both_renamed = doc(&[("区民部", &[("三課", "x"), ("四課", "x")])]);
        assert_eq!(matching(&twins, &both_renamed).sections, [vec![None, None]]);
    }
}
