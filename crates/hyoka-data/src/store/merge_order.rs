//! The order of a merged list (divisions, or the sections of one): the order of the side that
//! changed it, with what the other side added placed after the item it follows there. The order
//! is part of the published table; a merge never moves a renamed or an added item to the end.

/// Every item of `mine` and `theirs`, once. When only we reordered the items the base had, our
/// order stands, else theirs; an item the other side alone has goes after the nearest item before
/// it on that side (first when none).
pub(crate) fn merge_order<K: PartialEq + Clone>(base: &[K], mine: &[K], theirs: &[K]) -> Vec<K> {
    let (skeleton, other) =
        if reordered(base, mine) && !reordered(base, theirs) { (mine, theirs) } else { (theirs, mine) };
    let mut out: Vec<K> = skeleton.to_vec();
    for (pos, item) in other.iter().enumerate() {
        if out.contains(item) {
            continue;
        }
        let before = other.get(..pos).unwrap_or_default();
        let at = before.iter().rev().find_map(|p| out.iter().position(|o| o == p)).map_or(0, |i| i + 1);
        out.insert(at, item.clone());
    }
    out
}

/// Whether the items `side` shares with `base` stand in another order there.
fn reordered<K: PartialEq>(base: &[K], side: &[K]) -> bool {
    let in_side: Vec<&K> = side.iter().filter(|k| base.contains(k)).collect();
    let in_base: Vec<&K> = base.iter().filter(|k| side.contains(k)).collect();
    in_side != in_base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_side_that_reordered_gives_the_order_and_additions_keep_their_neighbours() {
        let base = ["a", "b", "c"];
        assert_eq!(merge_order(&base, &["a", "x", "b", "c"], &["a", "b", "c", "y"]), ["a", "x", "b", "c", "y"]);
        assert_eq!(merge_order(&base, &["c", "a", "b"], &["a", "b", "y", "c"]), ["c", "a", "b", "y"]);
        assert_eq!(merge_order(&base, &["x", "a", "b", "c"], &["b", "a", "c"]), ["x", "b", "a", "c"]);
        // Removed on one side: still listed, for the caller to decide whether it stays.
        assert_eq!(merge_order(&base, &["a", "c"], &["a", "b", "c"]), ["a", "b", "c"]);
    }
}
