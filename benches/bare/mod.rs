//! The baseline for opening files: serde-saphyr into plain structs, one file after another.
//!
//! One thread, nothing validated, no positions kept.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
pub struct PlainDocument {
    pub organization: String,
    pub fiscal_year: i64,
    #[serde(default)]
    pub checkpoint: Option<String>,
    #[serde(default)]
    pub preface: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub scale: Option<Vec<PlainGrade>>,
    pub divisions: Vec<PlainDivision>,
}

#[derive(Deserialize)]
pub struct PlainGrade {
    pub mark: String,
    pub label: String,
}

#[derive(Deserialize)]
pub struct PlainDivision {
    pub name: String,
    #[serde(default)]
    pub sections: Vec<PlainSection>,
}

#[derive(Deserialize)]
pub struct PlainSection {
    pub name: String,
    #[serde(default)]
    pub goals_intro: Option<String>,
    #[serde(default)]
    pub goals_numbered_from: Option<i64>,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub progress: Option<String>,
    #[serde(default)]
    pub rating: Option<String>,
    #[serde(default)]
    pub reflection: Option<String>,
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub updated_by: Option<String>,
}

/// The `*.yaml` files under `dir`, sorted (found as plainly as they are parsed).
pub fn files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Every file read and parsed in turn.
pub fn parse(files: &[PathBuf]) -> Result<Vec<PlainDocument>, Box<dyn std::error::Error>> {
    files.iter().map(|path| Ok(serde_saphyr::from_str(&std::fs::read_to_string(path)?)?)).collect()
}
