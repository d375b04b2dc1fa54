//! What the reviewer tests share: the fixture city opened as an App, and counts made without
//! hyoka's own search to compare with. Keys are pressed with `tests/common/keys.rs`.
#![allow(dead_code)] // each test file uses a part of it

use hyoka::app::{Action, App, Node, SectionRef, update};
use hyoka::model::{Document, Section};

use crate::common::app::open_on;
use hyoka::text::AmbiguousWidth;

/// Relative, as the tests run in the package folder: the paths on screen do not depend on the checkout.
pub const FIXTURE: &str = "tests/fixtures/review";

pub fn city() -> App {
    city_on(AmbiguousWidth::Narrow)
}

/// The city on a terminal that draws ambiguous characters `measure` wide.
pub fn city_on(measure: AmbiguousWidth) -> App {
    let mut app = open_on(std::path::Path::new(FIXTURE), measure);
    assert_eq!(app.files().len(), 6);
    update(&mut app, Action::Resize(100, 30));
    app
}

pub fn doc(app: &App, file: usize) -> &Document {
    app.doc(file).expect("a readable file")
}

pub fn every_section(app: &App) -> Vec<(SectionRef, &Section)> {
    let mut out = Vec::new();
    for file in 0..app.files().len() {
        for (division, d) in doc(app, file).divisions.iter().enumerate() {
            for (section, s) in d.sections.iter().enumerate() {
                out.push((SectionRef { file, division, section }, s));
            }
        }
    }
    out
}

/// Counted without hyoka's search: every text of a section, plain `str::matches`.
pub fn occurrences(section: &Section, needle: &str) -> usize {
    let texts = [&section.name, &section.goals_intro, &section.progress, &section.reflection];
    texts.iter().map(|t| t.matches(needle).count()).sum::<usize>()
        + section.goals.iter().map(|g| g.matches(needle).count()).sum::<usize>()
}

pub fn shown_sections(app: &App) -> Vec<SectionRef> {
    app.visible_nodes()
        .into_iter()
        .filter_map(|n| match n {
            Node::Section(at) => Some(at),
            _ => None,
        })
        .collect()
}

pub fn name(app: &App, at: SectionRef) -> String {
    format!(
        "{} {} {}",
        doc(app, at.file).fiscal_year,
        doc(app, at.file).divisions[at.division].name,
        app.section(at).unwrap().name
    )
}
