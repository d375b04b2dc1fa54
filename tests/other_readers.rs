//! What hyoka writes, other YAML readers read the same: every scale mark and label, every name
//! and text, through PyYAML (YAML 1.1, what an office's own scripts are likely to use). Under
//! `CI=true` a missing PyYAML fails the test; `.ci/run` installs `python3-yaml`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use std::io::Write as _;
use std::process::{Command, Stdio};

use hyoka::model::{Division, Document, Grade, Section};
use hyoka::store::emit_document;

/// PyYAML's reading of `yaml`, as JSON; `None` (the test says it is skipped) without PyYAML.
fn pyyaml(yaml: &str) -> Option<Result<serde_json::Value, String>> {
    let script =
        "import sys, json, yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read()), ensure_ascii=False, default=str))";
    let child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let missing = |why: String| {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "PyYAML is required under CI (.ci/run installs python3-yaml): {why}"
        );
        eprintln!("skipped: {why}");
        None
    };
    let mut child = match child {
        Ok(child) => child,
        Err(e) => return missing(format!("python3: {e}")),
    };
    child.stdin.take().unwrap().write_all(yaml.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if stderr.contains("No module named 'yaml'") {
        return missing("PyYAML is not installed".into());
    }
    if !out.status.success() {
        return Some(Err(stderr));
    }
    Some(Ok(serde_json::from_slice(&out.stdout).unwrap()))
}

/// Marks and labels the trial found, every ASCII punctuation mark alone and inside a word, and
/// words YAML 1.1 takes for something else.
fn awkward() -> Vec<String> {
    let mut texts: Vec<String> = [
        "1'? ~",
        "漢?",
        "a:b",
        "a: b",
        "x #y",
        "?",
        "-",
        "- a",
        "a, b",
        "[x]",
        "{y}",
        "~",
        "=",
        "<<",
        "yes",
        "No",
        "1.5",
        "12:30",
        "2008-11-30",
        "◎",
        "ほぼ 達成",
        "達成（8割）",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for c in (0x21u8..0x7f).map(char::from).filter(|c| !c.is_ascii_alphanumeric()) {
        texts.push(c.to_string());
        texts.push(format!("漢{c}"));
        texts.push(format!("{c}字"));
        texts.push(format!("a{c}b"));
    }
    texts
}

#[test]
fn pyyaml_reads_every_awkward_mark_label_and_name_as_hyoka_wrote_it() {
    let texts = awkward();
    let scale: Vec<Grade> = texts.iter().map(|t| Grade { mark: t.clone(), label: format!("{t}{t}") }).collect();
    let sections = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Section { reflection: t.clone(), goals: vec![t.clone()], ..Section::new(format!("{t}課{i}")) })
        .collect();
    let doc = Document {
        organization: "上京区役所".into(),
        fiscal_year: 2008,
        stage: None,
        checkpoint: None,
        preface: Some("～前書き: 1'? ~～".into()),
        notes: None,
        scale: Some(scale),
        divisions: vec![Division { name: "区民部".into(), sections }],
    };
    let yaml = emit_document(&doc);
    let Some(read) = pyyaml(&yaml) else { return };
    let read = read.unwrap_or_else(|e| panic!("PyYAML refuses what hyoka wrote: {e}"));
    for (i, t) in texts.iter().enumerate() {
        let grade = &read["scale"][i];
        assert_eq!(
            (grade["mark"].as_str(), grade["label"].as_str()),
            (Some(t.as_str()), Some(format!("{t}{t}").as_str())),
            "scale {i}"
        );
        let section = &read["divisions"][0]["sections"][i];
        assert_eq!(section["name"].as_str(), Some(format!("{t}課{i}").as_str()));
        assert_eq!(section["reflection"].as_str(), Some(t.as_str()), "reflection {t:?}");
        assert_eq!(section["goals"][0].as_str(), Some(t.as_str()), "goal {t:?}");
    }
    assert_eq!(read["preface"].as_str(), doc.preface.as_deref());
}
