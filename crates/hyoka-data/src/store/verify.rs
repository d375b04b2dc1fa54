//! The last look before a rename: the exact bytes about to be written are loaded as a file would
//! be, and must give the intended document. What would not is named by section and field.

use super::emit::{document_entries, emit_document, section_entries};
use super::layout::{self, Kind, Layout, Node, key_of};
use super::parse::parse_document;
use super::problem::ProblemKind;
use super::splice::splice;
use crate::i18n::Lang;
use crate::store::Describe;
use hyoka_core::model::{Document, Field, HeadField, Section};

/// A field a save would not write, and why, as the loader would have said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedField {
    /// Where it is: the division and section (both `None` for the document's own fields such as
    /// `scale`), and the key in the file.
    pub division: Option<String>,
    pub section: Option<String>,
    pub key: String,
    /// The section field, when the key is one (rating, goals, …).
    pub field: Option<Field>,
    /// The value of the head, when the key is one (stage, preface, …).
    pub head: Option<HeadField>,
    pub problem: ProblemKind,
    /// The section as it would have been written, and as it is on disk, for the dialog.
    pub mine: Option<Section>,
    pub theirs: Option<Section>,
}

impl RefusedField {
    /// `区民部 総務課 目標達成度: 目標達成度「×」は評価の区分にありません。…（保存していません）`
    pub fn describe(&self, lang: Lang) -> String {
        let what = match (self.field, self.head) {
            (Some(field), _) => field.label(lang),
            (None, Some(head)) => head.label(lang),
            (None, None) => self.key.as_str(),
        };
        let place = [self.division.as_deref(), self.section.as_deref(), Some(what)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        crate::i18n::store::refused_field(&place, &self.problem.describe(lang), lang)
    }
}

/// Why a save could not keep a file's own layout and wrote it in hyoka's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutLoss {
    /// Anchors, aliases or tags (`&`, `*`, `!`): replacing an anchored value would change what
    /// its aliases say elsewhere in the file.
    Anchors,
    /// A shape the splice does not know (more than one document, say).
    NotUnderstood,
}

/// The text to write for `doc`: spliced into the text on disk (`on_disk`: that text and the
/// document it loads as) when there is one, else in hyoka's canonical layout. `false` when the
/// text on disk had a layout of its own (comments, blank lines, quoting by hand) that could not
/// be kept: the clerk must be told. Also for whoever writes a merged document into a file
/// (a merge driver): the same rule, the same result.
pub fn rewrite(on_disk: Option<(&str, &Document)>, doc: &Document) -> (String, bool) {
    let (text, lost) = rewrite_explained(on_disk, doc);
    (text, lost.is_none())
}

/// [`rewrite`], saying why the layout was lost when it was. A file whose every line ends in CR LF
/// (saved on Windows) keeps CR LF on every line written.
pub fn rewrite_explained(on_disk: Option<(&str, &Document)>, doc: &Document) -> (String, Option<LayoutLoss>) {
    if let Some(text) = spliced(on_disk, doc, None)
        && parse_document(&text).as_ref() == Ok(doc)
    {
        return (text, None);
    }
    canonical(on_disk, doc)
}

/// `doc` spliced into the text on disk (`on_disk`: that text and the document it loads as), its
/// line ends kept; not loaded back yet. `None` when the splice cannot be made. `known`: the
/// layout of that text, when the caller has it.
pub(crate) fn spliced(on_disk: Option<(&str, &Document)>, doc: &Document, known: Option<&Layout>) -> Option<String> {
    let (text, was) = on_disk?;
    if crlf(text) {
        Some(splice(&text.replace("\r\n", "\n"), was, doc, None)?.replace('\n', "\r\n"))
    } else {
        splice(text, was, doc, known)
    }
}

/// `doc` in hyoka's layout, with the line ends of the text on disk, and why the file's own
/// layout is lost when it had one.
pub(crate) fn canonical(on_disk: Option<(&str, &Document)>, doc: &Document) -> (String, Option<LayoutLoss>) {
    let text = emit_document(doc);
    let Some((was_text, was)) = on_disk else { return (text, None) };
    let crlf = crlf(was_text);
    let lines = if crlf { was_text.replace("\r\n", "\n") } else { was_text.to_owned() };
    // Nothing was lost when the file was in the canonical layout already.
    let lost = (emit_document(was) != lines)
        .then(|| if layout::has_anchors(&lines) { LayoutLoss::Anchors } else { LayoutLoss::NotUnderstood });
    if crlf { (text.replace('\n', "\r\n"), lost) } else { (text, lost) }
}

/// Whether every line of `text` ends in CR LF.
fn crlf(text: &str) -> bool {
    text.contains("\r\n") && !text.replace("\r\n", "").contains('\n')
}

/// Loads `text` as a data file; `Ok` when it gives `doc` exactly.
pub(crate) fn verify(text: &str, doc: &Document, theirs: Option<&Document>) -> Result<(), Vec<RefusedField>> {
    let mut refused = match parse_document(text) {
        Ok(got) if got == *doc => return Ok(()),
        Ok(got) => differences(doc, &got),
        Err(problems) => problems
            .into_iter()
            .map(|p| {
                let (division, section, key) = p.position.map(|at| place_of(text, at.line)).unwrap_or_default();
                refused_at(division, section, key.unwrap_or_default(), p.kind)
            })
            .collect(),
    };
    if refused.is_empty() {
        refused.push(refused_at(None, None, String::new(), ProblemKind::NotKept));
    }
    for field in &mut refused {
        if let (Some(d), Some(s)) = (&field.division, &field.section) {
            field.mine = doc.find_section(d, s).cloned();
            field.theirs = theirs.and_then(|t| t.find_section(d, s)).cloned();
        }
    }
    Err(refused)
}

fn refused_at(division: Option<String>, section: Option<String>, key: String, problem: ProblemKind) -> RefusedField {
    let field = section.as_ref().and_then(|_| Field::ALL.into_iter().find(|f| f.key() == key));
    let head = section.is_none().then(|| HeadField::ALL.into_iter().find(|h| h.key() == key)).flatten();
    RefusedField { division, section, key, field, head, problem, mine: None, theirs: None }
}

/// A value of the head both sides changed, differently: refused once, so that a person sees it.
pub(crate) fn both_changed(head: HeadField) -> RefusedField {
    refused_at(None, None, head.key().to_owned(), ProblemKind::BothChanged)
}

/// The fields in which what was read back differs from what was meant.
fn differences(meant: &Document, got: &Document) -> Vec<RefusedField> {
    let mut out = Vec::new();
    let (a, b) = (document_entries(meant, 0), document_entries(got, 0));
    for entry in a.iter().filter(|e| e.key != "divisions") {
        if !b.contains(entry) {
            out.push(refused_at(None, None, entry.key.to_owned(), ProblemKind::NotKept));
        }
    }
    for division in &meant.divisions {
        for section in &division.sections {
            let name = || (Some(division.name.clone()), Some(section.name.clone()));
            let Some(back) = got.find_section(&division.name, &section.name) else {
                let (d, s) = name();
                out.push(refused_at(d, s, "name".to_owned(), ProblemKind::NotKept));
                continue;
            };
            let theirs = section_entries(back, 0);
            for entry in section_entries(section, 0).iter().filter(|e| !theirs.contains(e)) {
                let (d, s) = name();
                out.push(refused_at(d, s, entry.key.to_owned(), ProblemKind::NotKept));
            }
        }
    }
    out
}

/// The division, section and key whose lines hold `line` (1-based) of `text`.
fn place_of(text: &str, line: u64) -> (Option<String>, Option<String>, Option<String>) {
    let Some(layout) = layout::read(text) else { return (None, None, None) };
    let holds =
        |node_start: usize, node_end: usize| line_of(text, node_start) <= line && line <= line_of(text, node_end);
    let mut place = (None, None, None);
    let Some((key, value)) = entry_at(&layout.root, &holds) else { return place };
    place.2 = key_of(key).map(str::to_owned);
    if place.2.as_deref() != Some("divisions") {
        return place;
    }
    let Some(division) = item_at(value, &holds) else { return place };
    place.0 = name_of(division);
    let Some((key, value)) = entry_at(division, &holds) else { return place };
    place.2 = key_of(key).map(str::to_owned);
    if place.2.as_deref() != Some("sections") {
        return place;
    }
    let Some(section) = item_at(value, &holds) else { return place };
    place.1 = name_of(section);
    place.2 = entry_at(section, &holds).and_then(|(k, _)| key_of(k)).map(str::to_owned);
    place
}

fn entry_at<'n>(map: &'n Node, holds: &dyn Fn(usize, usize) -> bool) -> Option<&'n (Node, Node)> {
    let Kind::Map { entries, .. } = &map.kind else { return None };
    entries.iter().find(|(k, v)| holds(k.start, v.end.max(k.end)))
}

fn item_at<'n>(seq: &'n Node, holds: &dyn Fn(usize, usize) -> bool) -> Option<&'n Node> {
    let Kind::Seq { items, .. } = &seq.kind else { return None };
    items.iter().find(|item| holds(item.start, item.end))
}

fn name_of(map: &Node) -> Option<String> {
    let Kind::Map { entries, .. } = &map.kind else { return None };
    entries.iter().find(|(k, _)| key_of(k) == Some("name")).and_then(|(_, v)| key_of(v)).map(str::to_owned)
}

fn line_of(text: &str, pos: usize) -> u64 {
    text.get(..pos).map_or(0, |before| before.matches('\n').count()) as u64 + 1
}
