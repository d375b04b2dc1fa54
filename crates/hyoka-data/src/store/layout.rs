//! Where each node of a data file stands in its text: the byte spans a save needs to replace
//! one field and keep every other byte, read with the same parser serde-saphyr reads with.

use std::ops::Range;

use granit_parser::{Event, Parser, ScalarStyle, StructureStyle};

use super::digest::TextDigest;

/// A node of the file and the bytes it covers, from its first character to the end of its last
/// (a block scalar's trailing blank lines and a mapping's trailing comments are not its own).
#[derive(Debug)]
pub(crate) struct Node {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

#[derive(Debug)]
pub(crate) enum Kind {
    Scalar(String),
    /// Key and value pairs; `flow` for `{ … }`.
    Map {
        entries: Vec<(Node, Node)>,
        flow: bool,
    },
    /// Items; `flow` for `[ … ]`.
    Seq {
        items: Vec<Node>,
        flow: bool,
    },
}

/// The file's one document and its comments.
#[derive(Debug)]
pub(crate) struct Layout {
    pub root: Node,
    pub comments: Vec<Range<usize>>,
}

/// The layout of `text`, or `None` for what a splice leaves alone: text that does not parse, more
/// than one document, anchors, aliases and tags (replacing an anchored value would change what
/// its aliases say elsewhere in the file).
pub(crate) fn read(text: &str) -> Option<Layout> {
    #[cfg(test)]
    super::counted::read(super::counted::Read::Layout, text);
    let mut events = Vec::new();
    let mut comments = Vec::new();
    for next in Parser::new_from_str(text) {
        let (event, span) = next.ok()?;
        let range = span.byte_range()?;
        match event {
            Event::Comment(..) => comments.push(range),
            Event::StreamStart | Event::StreamEnd | Event::DocumentStart(..) | Event::DocumentEnd => {}
            Event::Alias(_) | Event::UnresolvedAlias(_) | Event::Anchor(..) => return None,
            other if other.anchor_id().is_some() => return None,
            Event::Scalar(_, _, _, Some(_))
            | Event::SequenceStart(_, _, Some(_))
            | Event::MappingStart(_, _, Some(_)) => {
                return None;
            }
            other => events.push((other, range)),
        }
    }
    let mut cursor = Cursor { text, events: events.into_iter(), depth: 0 };
    let root = cursor.node()?;
    // A second document, or anything after the first, is not ours to splice.
    if cursor.events.next().is_some() {
        return None;
    }
    Some(Layout { root, comments })
}

/// The layout of a text a save wrote, for the next save of the file: one that finds that text on
/// disk does not read its layout again (most of a millisecond in a city's file).
#[derive(Debug)]
pub struct KnownLayout {
    digest: TextDigest,
    layout: Layout,
}

impl KnownLayout {
    /// `None` for a text a splice leaves alone, and for one with CR LF line ends (spliced with
    /// LF ends, whose layout is read then).
    pub fn of(text: &str) -> Option<KnownLayout> {
        if text.contains("\r\n") {
            return None;
        }
        Some(KnownLayout { digest: TextDigest::of(text), layout: read(text)? })
    }

    /// Whether this is the layout of `text`.
    pub fn is_of(&self, text: &str) -> bool {
        self.digest == TextDigest::of(text)
    }

    /// The layout, if it is that of the text of `digest`.
    pub(crate) fn of_text(&self, digest: TextDigest) -> Option<&Layout> {
        (self.digest == digest).then_some(&self.layout)
    }
}

/// Whether the text uses anchors, aliases or tags, which a splice leaves alone.
pub(crate) fn has_anchors(text: &str) -> bool {
    Parser::new_from_str(text).filter_map(Result::ok).any(|(event, _)| match event {
        Event::Alias(_) | Event::UnresolvedAlias(_) | Event::Anchor(..) => true,
        Event::Scalar(_, _, _, Some(_)) | Event::SequenceStart(_, _, Some(_)) | Event::MappingStart(_, _, Some(_)) => {
            true
        }
        other => other.anchor_id().is_some(),
    })
}

struct Cursor<'t> {
    text: &'t str,
    events: std::vec::IntoIter<(Event<'t>, Range<usize>)>,
    depth: usize,
}

/// Deeper than any data file; deeper input is left to the loader's refusal.
const MAX_DEPTH: usize = 64;

impl Cursor<'_> {
    fn node(&mut self) -> Option<Node> {
        let (event, range) = self.events.next()?;
        self.node_from(event, range)
    }

    fn node_from(&mut self, event: Event<'_>, range: Range<usize>) -> Option<Node> {
        match event {
            Event::Scalar(value, style, ..) => {
                let mut end = range.end;
                let mut start = range.start;
                if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                    start = block_header(self.text, range.start)?;
                    // `|+` keeps its trailing blank lines: they are its own, and go with it.
                    let header = self.text.get(start..line_end(self.text, start))?;
                    let keep = header.split(" #").next().unwrap_or(header).contains('+');
                    end = block_end(self.text, range.clone(), keep)?;
                }
                Some(Node { start, end, kind: Kind::Scalar(value.into_owned()) })
            }
            Event::MappingStart(style, ..) => {
                self.enter()?;
                let flow = matches!(style, StructureStyle::Flow);
                let mut entries = Vec::new();
                let end = loop {
                    let (event, at) = self.events.next()?;
                    if matches!(event, Event::MappingEnd) {
                        break at.end;
                    }
                    let key = self.node_from(event, at)?;
                    if !matches!(key.kind, Kind::Scalar(_)) {
                        return None;
                    }
                    let mut value = self.node()?;
                    if value.start == value.end && matches!(&value.kind, Kind::Scalar(s) if s.is_empty()) {
                        // `key:` with nothing after it: the parser places the empty value at the next token.
                        value.start = key.end;
                        value.end = key.end;
                    }
                    entries.push((key, value));
                };
                self.depth -= 1;
                let start = if flow { range.start } else { entries.first().map_or(range.start, |(k, _)| k.start) };
                let end = if flow { end } else { entries.last().map_or(start, |(_, v)| v.end.max(start)) };
                Some(Node { start, end, kind: Kind::Map { entries, flow } })
            }
            Event::SequenceStart(style, ..) => {
                self.enter()?;
                let flow = matches!(style, StructureStyle::Flow);
                let mut items = Vec::new();
                let end = loop {
                    let (event, at) = self.events.next()?;
                    if matches!(event, Event::SequenceEnd) {
                        break at.end;
                    }
                    items.push(self.node_from(event, at)?);
                };
                self.depth -= 1;
                let start = if flow { range.start } else { items.first().map_or(range.start, |i| i.start) };
                let end = if flow { end } else { items.last().map_or(start, |i| i.end.max(start)) };
                Some(Node { start, end, kind: Kind::Seq { items, flow } })
            }
            _ => None,
        }
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }
}

/// Where a block scalar's text really ends: the parser's span runs on to the next token, over
/// blank lines and over comment lines less indented than the text (which end the block). With
/// `keep` (`|+`), its trailing blank lines are its own: it ends at the start of the last of them.
fn block_end(text: &str, range: Range<usize>, keep: bool) -> Option<usize> {
    let content_indent = column(text, range.start);
    let body = text.get(range.clone())?;
    let mut end = range.start;
    let mut offset = range.start;
    for (i, line) in body.split('\n').enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if i > 0 && !blank && indent < content_indent {
            break;
        }
        let whole_line = text.get(offset + line.len()..).is_some_and(|rest| rest.starts_with('\n'));
        if !blank || i == 0 {
            end = offset + line.trim_end_matches([' ', '\t', '\r']).len();
        } else if keep && whole_line {
            end = offset;
        }
        offset += line.len() + 1;
    }
    Some(end)
}

/// The `|` or `>` that starts a block scalar whose text starts at `content`: the parser's span
/// begins with the text, on a later line.
fn block_header(text: &str, content: usize) -> Option<usize> {
    let header_end = line_start(text, content).checked_sub(1)?;
    let mut at = header_end;
    // Blank lines may stand between the header and the text.
    while text.get(line_start(text, at)..at)?.trim().is_empty() {
        at = line_start(text, at).checked_sub(1)?;
    }
    let from = line_start(text, at);
    let line = text.get(from..at)?;
    let code = line.split(" #").next().unwrap_or(line);
    code.rfind(['|', '>']).map(|i| from + i)
}

/// The byte where the line holding `pos` starts.
pub(crate) fn line_start(text: &str, pos: usize) -> usize {
    text.get(..pos).and_then(|before| before.rfind('\n')).map_or(0, |i| i + 1)
}

/// The byte of the line break ending the line that holds `pos` (or the end of the text).
pub(crate) fn line_end(text: &str, pos: usize) -> usize {
    text.get(pos..).and_then(|after| after.find('\n')).map_or(text.len(), |i| pos + i)
}

/// How far `pos` stands from the start of its line, in bytes (indentation is ASCII).
pub(crate) fn column(text: &str, pos: usize) -> usize {
    pos - line_start(text, pos)
}

/// The key of a mapping entry, when it is a plain string.
pub(crate) fn key_of(node: &Node) -> Option<&str> {
    match &node.kind {
        Kind::Scalar(s) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_end_at_the_last_character_of_a_value() {
        let text = "a: |-\n  one\n\n  two\n\n # note\nb: x # c\nc:\nd: [1, 2]\n";
        let layout = read(text).unwrap_or_else(|| panic!("reads"));
        let Kind::Map { entries, .. } = &layout.root.kind else { panic!("a map") };
        let spans: Vec<&str> = entries.iter().map(|(_, v)| text.get(v.start..v.end).unwrap_or("?")).collect();
        assert_eq!(spans, ["|-\n  one\n\n  two", "x", "", "[1, 2]"]);
        assert_eq!(layout.comments.len(), 2);
        assert!(read("a: &x 1\nb: *x\n").is_none(), "anchors are left alone");
    }
}
