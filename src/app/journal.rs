//! What a recovery journal holds and how it is written down: the data file it belongs to, the
//! version the work was made on, the work, and the questions still to be asked at the next save.

use std::path::PathBuf;

/// A journal as read back (with the actions, which carry it).
pub use super::action::JournalContent;
use super::action::JournalWork;
use super::state::{Draft, Pending};
use hyoka_core::model::{Document, Field};
use hyoka_data::store::{emit_document, parse_document};

const HEAD: &str = "# hyoka journal\n";
const FILE: &str = "# file: ";
const PENDING: &str = "# pending: ";
/// A return comment not sent: division, section and its text, escaped.
const DRAFT: &str = "# draft: ";
/// In a pending line: the question is about the section itself (removed or renamed elsewhere).
const SECTION_GONE: &str = "-";
const WITH: &str = "+";
const BASE_MARK: &str = "# base\n";
const MINE_MARK: &str = "# mine\n";

/// The text of a journal for `file`.
pub fn format_journal(file: &std::path::Path, work: &JournalWork) -> String {
    let mut out = String::from(HEAD);
    out.push_str(FILE);
    out.push_str(&escape(&file.to_string_lossy()));
    out.push('\n');
    for p in &work.pending {
        out.push_str(PENDING);
        // The fields that go with it follow its key: `status+progress`.
        let field = p.field.map_or(SECTION_GONE.to_owned(), |f| {
            std::iter::once(f).chain(p.with.iter().copied()).map(Field::key).collect::<Vec<_>>().join(WITH)
        });
        out.push_str(&[escape(&p.division), escape(&p.section), field].join("\t"));
        out.push('\n');
    }
    for draft in &work.drafts {
        out.push_str(DRAFT);
        out.push_str(&[escape(&draft.division), escape(&draft.section), escape(&draft.text)].join("\t"));
        out.push('\n');
    }
    out.push_str(BASE_MARK);
    out.push_str(&emit_document(&work.base));
    out.push_str(MINE_MARK);
    out.push_str(&emit_document(&work.mine));
    out
}

/// Reads a journal; `None` when it is not one or its documents no longer parse.
pub fn parse_journal(text: &str) -> Option<JournalContent> {
    let rest = text.strip_prefix(HEAD)?;
    let (head, documents) = rest.split_once(BASE_MARK)?;
    let (base, mine) = documents.split_once(&format!("\n{MINE_MARK}")).map(|(b, m)| (format!("{b}\n"), m))?;
    let mut file = None;
    let mut pending = Vec::new();
    let mut drafts = Vec::new();
    for line in head.lines() {
        if let Some(draft) = line.strip_prefix(DRAFT) {
            let mut parts = draft.split('\t').map(unescape);
            if let (Some(division), Some(section), Some(text)) = (parts.next(), parts.next(), parts.next()) {
                drafts.push(Draft { division, section, text });
            }
        } else if let Some(path) = line.strip_prefix(FILE) {
            file = Some(PathBuf::from(unescape(path)));
        } else if let Some(question) = line.strip_prefix(PENDING) {
            let mut parts = question.split('\t');
            let (Some(division), Some(section), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let by_key = |key: &str| Field::ALL.into_iter().find(|f| f.key() == key);
            let (field, with) = match key {
                SECTION_GONE => (None, Vec::new()),
                key => {
                    let mut keys = key.split(WITH);
                    let (Some(field), Some(with)) =
                        (keys.next().and_then(by_key), keys.map(by_key).collect::<Option<Vec<Field>>>())
                    else {
                        continue;
                    };
                    (Some(field), with)
                }
            };
            pending.push(Pending { division: unescape(division), section: unescape(section), field, with });
        }
    }
    let work = JournalWork { base: parse_document(&base).ok()?, mine: parse_document(mine).ok()?, pending, drafts };
    Some(JournalContent { file: file?, work })
}

/// One field of unsaved work found in a journal: where, and its text before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub division: String,
    pub section: String,
    pub field: Field,
    pub before: String,
    pub after: String,
}

impl FieldDiff {
    /// "区民部 › 総務課 › 振り返り"
    pub fn place(&self, lang: crate::i18n::Lang) -> String {
        format!("{} › {} › {}", self.division, self.section, self.field.label(lang))
    }
}

/// The fields the work changed.
pub fn differences(base: &Document, mine: &Document) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    for division in &mine.divisions {
        for section in &division.sections {
            let before = base.find_section(&division.name, &section.name);
            for field in Field::ALL {
                let old = before.map(|b| field.text(b)).unwrap_or_default();
                let new = field.text(section);
                if old != new {
                    out.push(FieldDiff {
                        division: division.name.clone(),
                        section: section.name.clone(),
                        field,
                        before: old,
                        after: new,
                    });
                }
            }
        }
    }
    out
}

/// Names may hold any character; the journal's head lines hold no tab or line break.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_reads_back_with_its_questions() {
        let base = parse_document(include_str!("../../data/kamigyo/2008.yaml")).unwrap_or_else(|p| panic!("{p:?}"));
        let mut mine = base.clone();
        mine.divisions[0].sections[3].reflection.push_str("（追記）");
        let pending = vec![
            Pending {
                division: "区民\t部".into(),
                section: "市民税課\\".into(),
                field: Some(Field::Reflection),
                with: Vec::new(),
            },
            Pending {
                division: "区民部".into(),
                section: "納税課".into(),
                field: Some(Field::Status),
                with: vec![Field::Progress, Field::Reflection],
            },
            Pending::gone("区民部", "総務課"),
        ];
        let drafts =
            vec![Draft {
                division: "区民部".into(), section: "総務課".into(), text: "数値を\n\t入れて\\".into()
            }];
        let work = JournalWork { base, mine, pending, drafts };
        let text = format_journal(std::path::Path::new("/data/上京\n区/2008.yaml"), &work);
        let back = parse_journal(&text).unwrap_or_else(|| panic!("parses:\n{text}"));
        assert_eq!(back.file, PathBuf::from("/data/上京\n区/2008.yaml"));
        assert_eq!(back.work, work);
        let diffs = differences(&back.work.base, &back.work.mine);
        assert_eq!(diffs.len(), 1);
        assert_eq!(diffs[0].place(crate::i18n::Lang::Ja), "区民部 › 市民税課 › 振り返り");
        assert!(parse_journal("not a journal").is_none());
    }
}
