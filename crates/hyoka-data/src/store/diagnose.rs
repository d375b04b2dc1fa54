//! Every problem of a broken file, not only the first: `hyoka check` and the broken-file view list
//! all a clerk has to fix. A problem of the file's shape stops the parser, so each one found is
//! stepped over in a copy of the text (the entry blanked, or the value replaced by an empty one of
//! the kind expected, lines kept where they were) and the parse runs again.

use super::layout::{self, Kind, Node};
use super::parse::{deserialize, validate};
use super::problem::{Expected, Position, Problem, ProblemKind};

/// More rounds than any file written by hand has problems of shape; a bound against loops.
const MAX_ROUNDS: usize = 200;

/// The file's problems in the order found: those of its shape first, then those of its values.
/// A problem that cannot be stepped over (a syntax error, a missing key) ends the list.
pub fn all_problems(text: &str) -> Vec<Problem> {
    let mut text = text.to_owned();
    let mut problems: Vec<Problem> = Vec::new();
    // Lines whose full-width spaces were read as two spaces each: (line, how many).
    let mut widened: Vec<(u64, u64)> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        match deserialize(&text) {
            Ok(raw) => {
                let more = validate(raw).err().unwrap_or_default();
                // A value put in to step over a problem is not a problem of its own.
                let said = |p: &Problem| problems.iter().any(|q| q.position.is_some() && q.position == p.position);
                let more: Vec<Problem> = more.into_iter().filter(|p| !said(p)).collect();
                problems.extend(more);
                break;
            }
            Err(problem) => {
                if let Some((line, column, count)) = full_width_indent(&text, &problem) {
                    // Named as what it is, and read as the indentation it was meant to be.
                    problems.push(Problem::at(Some(Position { line, column }), ProblemKind::FullWidthIndent));
                    text = respaced(&text, line);
                    widened.push((line, count));
                    continue;
                }
                let next = step_over(&text, &problem);
                problems.push(problem);
                match next {
                    Some(next) if next != text => text = next,
                    _ => break,
                }
            }
        }
    }
    // Columns as the clerk's file has them, where a line was widened in the copy.
    for problem in &mut problems {
        if let Some(at) = &mut problem.position
            && let Some((_, count)) = widened.iter().find(|(line, _)| *line == at.line)
            && at.column > 2 * count
        {
            at.column -= count;
        }
    }
    problems
}

/// The line of the problem (or the line above it) when its indentation holds a full-width space
/// before a key or a list item: (line, column of the first full-width space, how many there are).
/// Text that starts with one inside a block (`|-`) reads without a problem and is left alone.
fn full_width_indent(text: &str, problem: &Problem) -> Option<(u64, u64, u64)> {
    let at = problem.position?.line;
    let lines: Vec<&str> = text.split('\n').collect();
    let candidates = [at, at.saturating_sub(1)];
    candidates.into_iter().filter(|&line| line > 0).find_map(|line| {
        let content = lines.get(usize::try_from(line - 1).ok()?)?;
        let indent: String = content.chars().take_while(|c| *c == ' ' || *c == '\u{3000}').collect();
        let rest = content.get(indent.len()..)?;
        let count = indent.chars().filter(|c| *c == '\u{3000}').count();
        let structural = rest.starts_with("- ") || rest.split_once(':').is_some_and(|(key, _)| !key.contains(' '));
        let first = indent.chars().position(|c| c == '\u{3000}')?;
        (count > 0 && structural).then_some((line, first as u64 + 1, count as u64))
    })
}

/// The text with the full-width spaces of one line's indentation as two spaces each.
fn respaced(text: &str, line: u64) -> String {
    let index = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
    text.split('\n')
        .enumerate()
        .map(|(i, content)| {
            if i != index {
                return content.to_owned();
            }
            let indent: String = content.chars().take_while(|c| *c == ' ' || *c == '\u{3000}').collect();
            let rest = content.get(indent.len()..).unwrap_or_default();
            format!("{}{rest}", indent.replace('\u{3000}', "  "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where a part of a document stands in its text: a top-level key, a division, a section, or a
/// key of a section (`item`: the n-th item of that key's list, from 1); `None` when not found.
pub fn locate(
    text: &str,
    division: Option<&str>,
    section: Option<&str>,
    key: Option<&str>,
    item: usize,
) -> Option<Position> {
    let root = layout::read(text)?.root;
    let mut node = &root;
    if let Some(division) = division {
        node = named_item(value_of(node, "divisions")?, division)?;
        if let Some(section) = section {
            node = named_item(value_of(node, "sections")?, section)?;
        }
    }
    if let Some(key) = key {
        let value = value_of(node, key)?;
        node = match (&value.kind, item) {
            (Kind::Seq { items, .. }, n) if n > 0 => items.get(n - 1)?,
            _ => entry_key(node, key)?,
        };
    }
    position(text, node.start)
}

fn entries(node: &Node) -> &[(Node, Node)] {
    match &node.kind {
        Kind::Map { entries, .. } => entries,
        _ => &[],
    }
}

fn entry_key<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    entries(node).iter().find(|(k, _)| layout::key_of(k) == Some(key)).map(|(k, _)| k)
}

fn value_of<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    entries(node).iter().find(|(k, _)| layout::key_of(k) == Some(key)).map(|(_, v)| v)
}

/// The item of a list of divisions or sections whose `name` is `name`.
fn named_item<'n>(list: &'n Node, name: &str) -> Option<&'n Node> {
    let Kind::Seq { items, .. } = &list.kind else { return None };
    items.iter().find(|item| value_of(item, "name").and_then(layout::key_of) == Some(name))
}

/// The 1-based line and column (in characters) of a byte.
fn position(text: &str, at: usize) -> Option<Position> {
    let before = text.get(..at)?;
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    Some(Position { line, column })
}

/// The text with the problem's entry or value made harmless, or `None` where that cannot be done.
fn step_over(text: &str, problem: &Problem) -> Option<String> {
    let at = offset(text, problem.position?)?;
    let root = layout::read(text)?.root;
    match &problem.kind {
        ProblemKind::UnknownKey { .. } | ProblemKind::DuplicateKey { .. } => {
            let (key, value) = entry_at(&root, at)?;
            Some(blank(text, key.start, value.end.max(key.end), ""))
        }
        ProblemKind::WrongType { expected } => {
            let empty = match expected {
                Expected::Text | Expected::Value => "\"\"",
                Expected::Number => "1",
                Expected::List => "[]",
                Expected::Mapping => "{}",
                _ => return None,
            };
            let node = node_at(&root, at)?;
            Some(blank(text, node.start, node.end, empty))
        }
        _ => None,
    }
}

/// The byte of a 1-based line and column (columns count characters).
fn offset(text: &str, at: Position) -> Option<usize> {
    let line = usize::try_from(at.line).ok()?.checked_sub(1)?;
    let column = usize::try_from(at.column).ok()?.checked_sub(1)?;
    let start = if line == 0 { 0 } else { text.match_indices('\n').nth(line - 1)?.0 + 1 };
    let rest = text.get(start..)?;
    Some(start + rest.char_indices().nth(column).map_or(rest.len(), |(i, _)| i))
}

/// The innermost mapping entry whose key stands at (or holds) `at`.
fn entry_at(node: &Node, at: usize) -> Option<(&Node, &Node)> {
    let inner = children(node).find(|child| child.start <= at && at <= child.end).and_then(|c| entry_at(c, at));
    inner.or_else(|| match &node.kind {
        Kind::Map { entries, .. } => entries.iter().find(|(k, _)| k.start <= at && at <= k.end).map(|(k, v)| (k, v)),
        _ => None,
    })
}

/// The innermost node that starts at `at`, else the innermost one that holds it.
fn node_at(node: &Node, at: usize) -> Option<&Node> {
    if node.start == at {
        let deeper = children(node).find(|child| child.start == at).and_then(|c| node_at(c, at));
        return Some(deeper.unwrap_or(node));
    }
    let inner = children(node).find(|child| child.start <= at && at < child.end.max(child.start + 1));
    match inner {
        Some(child) => node_at(child, at),
        None => (node.start <= at && at <= node.end).then_some(node),
    }
}

/// A node's values and items (a key is never the place of a wrong value).
fn children(node: &Node) -> Box<dyn Iterator<Item = &Node> + '_> {
    match &node.kind {
        Kind::Map { entries, .. } => Box::new(entries.iter().map(|(_, v)| v)),
        Kind::Seq { items, .. } => Box::new(items.iter()),
        Kind::Scalar(_) => Box::new(std::iter::empty()),
    }
}

/// `text` with `start..end` replaced by `with`, then spaces where the rest stood; its line breaks
/// stay, so that every later problem keeps its line.
fn blank(text: &str, start: usize, end: usize, with: &str) -> String {
    let (Some(before), Some(span), Some(after)) = (text.get(..start), text.get(start..end), text.get(end..)) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(before);
    out.push_str(with);
    let mut covered = with.chars().count();
    for c in span.chars() {
        if c == '\n' {
            out.push('\n');
            covered = 0;
        } else if covered > 0 {
            covered -= 1;
        } else {
            out.push(' ');
        }
    }
    out.push_str(after);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(u64, String)> {
        all_problems(text)
            .into_iter()
            .map(|p| {
                (
                    p.position.map_or(0, |p| p.line),
                    format!("{:?}", p.kind).split([' ', '{', '(']).next().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    const FILE: &str = "organization: 上京区役所\nfiscal_year: 2008\ndivisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n        colour: red\n        goals:\n          - [a, b]\n        rating: ☆\n      - name: 市民税課\n        progres: はい\n        updated: いつか\n";

    #[test]
    fn an_unknown_key_no_longer_hides_a_bad_rating_or_a_bad_date() {
        assert_eq!(
            kinds(FILE),
            [
                (7, "UnknownKey".to_owned()),
                (9, "WrongType".to_owned()),
                (12, "UnknownKey".to_owned()),
                (10, "RatingNotOnScale".to_owned()),
                (13, "BadDate".to_owned()),
            ]
        );
    }

    #[test]
    fn a_syntax_error_or_a_missing_key_ends_the_list_and_a_good_file_has_none() {
        assert_eq!(all_problems("organization: [\nfiscal_year: x\n").len(), 1, "nothing after a syntax error");
        let missing = all_problems("fiscal_year: 2008\ndivisions: []\n");
        assert!(matches!(&missing[..], [Problem { kind: ProblemKind::MissingField { .. }, .. }]), "{missing:?}");
        assert!(all_problems(include_str!("../../../../data/kamigyo/2008.yaml")).is_empty());
    }

    #[test]
    fn full_width_indentation_is_named_read_as_meant_and_the_rest_still_checked() {
        let fw = |n: usize| "\u{3000}".repeat(n);
        let text = format!(
            "organization: 上京区役所\nfiscal_year: 2008\ndivisions:\n  - name: 区民部\n    sections:\n      - name: 総務課\n        goals:\n{}- 笑顔で\n{}colour: red\n        rating: ☆\n",
            fw(5),
            fw(4)
        );
        let found: Vec<(u64, u64, String)> = all_problems(&text)
            .into_iter()
            .map(|p| {
                let at = p.position.unwrap_or(Position { line: 0, column: 0 });
                (at.line, at.column, format!("{:?}", p.kind).split([' ', '{']).next().unwrap_or_default().to_owned())
            })
            .collect();
        assert_eq!(
            found,
            [
                (8, 1, "FullWidthIndent".to_owned()),
                (9, 1, "FullWidthIndent".to_owned()),
                (9, 5, "UnknownKey".to_owned()),
                (10, 17, "RatingNotOnScale".to_owned()),
            ]
        );
    }

    #[test]
    fn places_are_found_by_name() {
        let at = |d, s, k, i| locate(FILE, d, s, k, i).map(|p| (p.line, p.column));
        assert_eq!(at(None, None, Some("fiscal_year"), 0), Some((2, 1)));
        assert_eq!(at(Some("区民部"), None, None, 0), Some((4, 5)));
        assert_eq!(at(Some("区民部"), Some("市民税課"), None, 0), Some((11, 9)));
        assert_eq!(at(Some("区民部"), Some("総務課"), Some("rating"), 0), Some((10, 9)));
        assert_eq!(at(Some("区民部"), Some("総務課"), Some("goals"), 1), Some((9, 13)));
        assert_eq!(at(Some("福祉部"), None, None, 0), None);
    }

    #[test]
    fn blanking_keeps_every_line_where_it_was() {
        let text = "a: 1\nb:\n  - x\n  - y\nc: 2\n";
        let out = blank(text, 5, 20, "[]");
        assert_eq!(out.lines().count(), text.lines().count());
        assert!(out.starts_with("a: 1\n[]"));
        assert!(out.ends_with("c: 2\n"));
    }
}
