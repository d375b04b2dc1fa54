//! The whole site in memory, file by file: where each page goes, and the pages themselves.
//!
//! `kamigyo/2008.yaml` gives `kamigyo/2008.html` with `kamigyo/2008.csv` and `kamigyo/2008.xlsx`
//! beside it; each fiscal year gets `summary/2008.html`; `index.html` leads to all of them.
//! Organisations come in the order of their first file's path, years newest first.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::PublishError;
use super::index_page::{self, IndexPage, Year};
use super::page::INDEX;
use super::select::{Selection, Table};
use super::summary_page::{self, SummaryPage};
use super::table_page::{self, TablePage};
use crate::i18n::Lang;
use crate::interchange::{csv, xlsx};
use hyoka_core::model::era_date;

/// How the site is made: its language, and the day to print as the day of publication (none unless asked).
#[derive(Clone, Copy, Debug, Default)]
pub struct SiteOptions {
    pub lang: Lang,
    pub date: Option<NaiveDate>,
}

/// Every file of the site by its place (`kamigyo/2008.html`), in a stable order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Site {
    pub(super) files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// How many of the files are pages (the rest are the tables' CSV and xlsx).
    pub fn pages(&self) -> usize {
        self.files.keys().filter(|p| p.ends_with(".html")).count()
    }
}

/// The site of `selection`. Refuses (naming the files) two files that would make the same page or
/// hold the same organisation and year, and a table the CSV or xlsx export cannot carry.
pub fn build(selection: &Selection, options: &SiteOptions) -> Result<Site, PublishError> {
    let tables = &selection.tables;
    let stems: Vec<String> = tables.iter().map(|t| stem(&t.source.relative)).collect();
    let years: BTreeSet<i32> = tables.iter().map(|t| t.source.doc.fiscal_year).collect();
    check_places(tables, &stems, &years)?;
    let date = options.date.map(|d| match options.lang {
        Lang::Ja => era_date(d),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    });
    let date = date.as_deref();
    let mut organizations: Vec<(String, BTreeMap<i32, String>)> = Vec::new();
    for (table, stem) in tables.iter().zip(&stems) {
        let doc = &table.source.doc;
        let page = format!("{stem}.html");
        match organizations.iter_mut().find(|(name, _)| *name == doc.organization) {
            Some((_, pages)) => {
                pages.insert(doc.fiscal_year, page);
            }
            None => organizations.push((doc.organization.clone(), BTreeMap::from([(doc.fiscal_year, page)]))),
        }
    }
    let mut files = BTreeMap::new();
    for (table, stem) in tables.iter().zip(&stems) {
        let doc = &table.source.doc;
        let export_error = |error| PublishError::Export { path: table.source.path.clone(), error: Box::new(error) };
        let csv_bytes = csv::export_csv(doc).into_bytes();
        let xlsx_bytes = xlsx::export_workbook(doc).map_err(export_error)?;
        let (page, csv, xlsx) = (format!("{stem}.html"), format!("{stem}.csv"), format!("{stem}.xlsx"));
        let years = organizations
            .iter()
            .find(|(name, _)| *name == doc.organization)
            .map(|(_, pages)| pages.iter().rev().map(|(year, page)| (*year, page.clone())).collect())
            .unwrap_or_default();
        let html = table_page::render(&TablePage {
            lang: options.lang,
            doc,
            left_out: table.left_out,
            path: &page,
            csv: (&csv, csv_bytes.len()),
            xlsx: (&xlsx, xlsx_bytes.len()),
            years,
            summary: &summary_path(doc.fiscal_year),
            date,
        });
        files.insert(page, html.into_bytes());
        files.insert(csv, csv_bytes);
        files.insert(xlsx, xlsx_bytes);
    }
    let mut index_years = Vec::new();
    for &year in years.iter().rev() {
        let path = summary_path(year);
        let of_year: Vec<(&Table, &String)> =
            tables.iter().zip(&stems).filter(|(t, _)| t.source.doc.fiscal_year == year).collect();
        let pages: Vec<String> = of_year.iter().map(|(_, stem)| format!("{stem}.html")).collect();
        let docs = of_year.iter().zip(&pages).map(|((t, _), page)| (&t.source.doc, page.as_str())).collect();
        let summary = SummaryPage { lang: options.lang, year, path: &path, tables: docs, date };
        let sections = of_year.iter().flat_map(|(t, _)| &t.source.doc.divisions).map(|d| d.sections.len()).sum();
        files.insert(path.clone(), summary_page::render(&summary).into_bytes());
        index_years.push(Year { year, summary: path, organizations: of_year.len(), sections });
    }
    let index = IndexPage { lang: options.lang, organizations, years: index_years, date };
    files.insert(INDEX.to_owned(), index_page::render(&index).into_bytes());
    Ok(Site { files })
}

fn summary_path(year: i32) -> String {
    format!("summary/{year}.html")
}

/// `kamigyo/2008.yaml` → `kamigyo/2008`: the place of a table's files, `/`-separated.
fn stem(relative: &Path) -> String {
    let parts: Vec<String> =
        relative.with_extension("").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// Every place is taken once: by one data file, or by the index and the summaries.
fn check_places(tables: &[Table], stems: &[String], years: &BTreeSet<i32>) -> Result<(), PublishError> {
    let mut taken: BTreeMap<String, PathBuf> = BTreeMap::new();
    for reserved in years.iter().map(|y| summary_path(*y)).chain([INDEX.to_owned()]) {
        taken.insert(reserved.clone(), PathBuf::from(reserved));
    }
    for (table, stem) in tables.iter().zip(stems) {
        for page in ["html", "csv", "xlsx"].map(|ext| format!("{stem}.{ext}")) {
            if let Some(first) = taken.insert(page.clone(), table.source.path.clone()) {
                return Err(PublishError::Clash { first, second: table.source.path.clone(), page });
            }
        }
    }
    for (i, table) in tables.iter().enumerate() {
        let doc = &table.source.doc;
        let twin = tables
            .iter()
            .take(i)
            .find(|t| t.source.doc.organization == doc.organization && t.source.doc.fiscal_year == doc.fiscal_year);
        if let Some(first) = twin {
            return Err(PublishError::SameYearTwice {
                title: doc.title(),
                first: first.source.path.clone(),
                second: table.source.path.clone(),
            });
        }
    }
    Ok(())
}
