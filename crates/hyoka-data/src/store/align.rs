//! Which items of a list were kept, removed and inserted, from their keys: what the splice goes by.

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Keep(usize, usize),
    Remove(usize),
    Insert(usize),
}

/// The smallest change from one key list to the other (similar's Myers diff: a division of a
/// city's thousands of sections must not cost a table of their square), as steps in the order
/// of the new list, a replaced run removed before its successor is inserted.
pub(crate) fn align(old: &[String], new: &[String]) -> Vec<Step> {
    let mut steps = Vec::with_capacity(old.len().max(new.len()));
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, old, new) {
        let (removed, inserted) = match op {
            similar::DiffOp::Equal { old_index, new_index, len } => {
                steps.extend((0..len).map(|k| Step::Keep(old_index + k, new_index + k)));
                continue;
            }
            similar::DiffOp::Delete { old_index, old_len, .. } => (old_index..old_index + old_len, 0..0),
            similar::DiffOp::Insert { new_index, new_len, .. } => (0..0, new_index..new_index + new_len),
            similar::DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (old_index..old_index + old_len, new_index..new_index + new_len)
            }
        };
        steps.extend(removed.map(Step::Remove).chain(inserted.map(Step::Insert)));
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_keeps_the_longest_common_run() {
        let keys = |s: &[&str]| s.iter().map(|k| (*k).to_owned()).collect::<Vec<_>>();
        let steps = align(&keys(&["a", "b", "c"]), &keys(&["a", "x", "c"]));
        assert_eq!(steps, [Step::Keep(0, 0), Step::Remove(1), Step::Insert(1), Step::Keep(2, 2)]);
    }

    #[test]
    fn alignment_of_a_citys_division_touches_only_what_changed() {
        let old: Vec<String> = (0..10_000).map(|n| format!("課{n}")).collect();
        let mut new = old.clone();
        new[4_000] = "改名した課".into();
        new.insert(9_000, "新しい課".into());
        new.remove(10);
        let steps = align(&old, &new);
        let changed: Vec<&Step> = steps.iter().filter(|s| !matches!(s, Step::Keep(..))).collect();
        assert_eq!(changed, [&Step::Remove(10), &Step::Remove(4_000), &Step::Insert(3_999), &Step::Insert(8_999)]);
        assert_eq!(steps.len() - changed.len(), 9_998, "every other section kept");
    }
}
