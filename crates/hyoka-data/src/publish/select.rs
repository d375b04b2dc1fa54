//! What is published: the files at the cycle's `published` stage (or every file, when asked), and
//! within them every section, or only the approved ones where the office says `approved_only`.

use std::path::PathBuf;

use crate::config::PublishPolicy;
use hyoka_core::model::{Document, Stage, Status};

/// A data file to publish from: where it was read (for messages) and where it lies under the data
/// folder (which becomes its place in the site: `kamigyo/2008.yaml` → `kamigyo/2008.html`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub relative: PathBuf,
    pub doc: Document,
}

/// One table of the site: its source with the sections left out already taken away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub source: Source,
    /// How many sections were left out, so that the page can say so.
    pub left_out: usize,
}

/// A section that is not published because it is not approved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub path: PathBuf,
    /// "上京区役所 平成20年度".
    pub title: String,
    pub division: String,
    pub section: String,
    pub status: Status,
}

/// What the site is made of, and what was passed over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// In the order of the sources' relative paths.
    pub tables: Vec<Table>,
    /// Files not at the `published` stage, with the stage they are at (without `--all`).
    pub not_at_stage: Vec<(PathBuf, Option<Stage>)>,
    pub left_out: Vec<LeftOut>,
}

/// Chooses what to publish. `all` takes every file whatever its stage; `policy` decides the sections.
/// A division left without sections is left out with them.
pub fn select(mut sources: Vec<Source>, all: bool, policy: PublishPolicy) -> Selection {
    sources.sort_by(|a, b| a.relative.cmp(&b.relative));
    let mut selection = Selection::default();
    for mut source in sources {
        if !all && source.doc.stage != Some(Stage::Published) {
            selection.not_at_stage.push((source.path, source.doc.stage));
            continue;
        }
        let before = selection.left_out.len();
        if policy == PublishPolicy::ApprovedOnly {
            let title = source.doc.title();
            for division in &mut source.doc.divisions {
                division.sections.retain(|section| {
                    let keep = section.status == Status::Approved;
                    if !keep {
                        selection.left_out.push(LeftOut {
                            path: source.path.clone(),
                            title: title.clone(),
                            division: division.name.clone(),
                            section: section.name.clone(),
                            status: section.status,
                        });
                    }
                    keep
                });
            }
            source.doc.divisions.retain(|d| !d.sections.is_empty());
        }
        let left_out = selection.left_out.len() - before;
        selection.tables.push(Table { source, left_out });
    }
    selection
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyoka_core::model::{Division, Section};

    fn source(name: &str, stage: Option<Stage>, statuses: &[Status]) -> Source {
        let sections = statuses
            .iter()
            .enumerate()
            .map(|(i, status)| Section { status: *status, ..Section::new(format!("第{i}課")) })
            .collect();
        let doc = Document {
            stage,
            divisions: vec![Division { name: "区民部".into(), sections }],
            ..Document::new("上京区役所", 2008)
        };
        Source { path: PathBuf::from("data").join(name), relative: PathBuf::from(name), doc }
    }

    #[test]
    fn only_published_files_unless_all() {
        let sources = vec![
            source("b.yaml", Some(Stage::Published), &[Status::Draft]),
            source("a.yaml", Some(Stage::Yearend), &[Status::Draft]),
            source("c.yaml", None, &[]),
        ];
        let chosen = select(sources.clone(), false, PublishPolicy::All);
        let names: Vec<_> = chosen.tables.iter().map(|t| t.source.relative.clone()).collect();
        assert_eq!(names, [PathBuf::from("b.yaml")]);
        assert_eq!(
            chosen.not_at_stage,
            [(PathBuf::from("data/a.yaml"), Some(Stage::Yearend)), (PathBuf::from("data/c.yaml"), None)]
        );
        let every = select(sources, true, PublishPolicy::All);
        let names: Vec<_> = every.tables.iter().map(|t| t.source.relative.display().to_string()).collect();
        assert_eq!(names, ["a.yaml", "b.yaml", "c.yaml"], "in the order of the paths");
        assert!(every.not_at_stage.is_empty());
    }

    #[test]
    fn approved_only_leaves_out_and_names_the_others() {
        let statuses = [Status::Approved, Status::Submitted, Status::Draft];
        let chosen =
            select(vec![source("a.yaml", Some(Stage::Published), &statuses)], false, PublishPolicy::ApprovedOnly);
        let table = &chosen.tables[0];
        let kept: Vec<_> = table.source.doc.divisions[0].sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(kept, ["第0課"]);
        assert_eq!(table.left_out, 2);
        let named: Vec<_> = chosen.left_out.iter().map(|l| (l.section.as_str(), l.status)).collect();
        assert_eq!(named, [("第1課", Status::Submitted), ("第2課", Status::Draft)]);
        assert_eq!(chosen.left_out[0].title, "上京区役所 平成20年度");
        let none = select(vec![source("a.yaml", None, &[Status::Draft])], true, PublishPolicy::ApprovedOnly);
        assert!(none.tables[0].source.doc.divisions.is_empty(), "an empty division goes with its sections");
    }
}
