//! Hostile input: whatever bytes a data file holds, loading answers with the document or with
//! errors that say where, and never panics, hangs or eats the memory.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test: a broken expectation is a failed test"
)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

use hyoka::store::{Found, MAX_FILE_BYTES, ProblemKind, decode, discover, load_file, parse_document};
use proptest::prelude::*;

/// What loading does with the bytes of a file (without the file system).
fn load_bytes(bytes: &[u8]) -> Result<(), Vec<hyoka::store::Problem>> {
    let text = decode(bytes).map_err(|p| vec![p])?;
    parse_document(&text).map(|_| ())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn any_bytes_load_or_fail_with_a_position(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Err(problems) = load_bytes(&bytes) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.position.is_some(), "no position for {:?}", p.kind);
            }
        }
    }

    #[test]
    fn any_text_shaped_like_yaml_loads_or_fails_with_a_position(text in "([a-z_]{1,12}: ?[-\\[\\]{}&*!|>'\"#%@`,:0-9a-z◎○ \n]{0,20}\n){0,12}") {
        if let Err(problems) = load_bytes(text.as_bytes()) {
            for p in problems {
                prop_assert!(p.position.is_some(), "no position for {:?} in\n{}", p.kind, text);
            }
        }
    }
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut text = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        text.push_str(&format!(
            "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    text.push_str("organization: x\nfiscal_year: 2008\ndivisions: *i\n");
    let problems = load_bytes(text.as_bytes()).expect_err("refused");
    assert!(problems[0].position.is_some());
}

#[test]
fn nesting_ten_thousand_deep_is_refused() {
    let text = format!("organization: x\nfiscal_year: 2008\ndivisions: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let problems = load_bytes(text.as_bytes()).expect_err("refused");
    assert_eq!(problems[0].kind, ProblemKind::TooComplex, "{:?}", problems[0]);
}

#[test]
fn a_fifty_megabyte_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("a sparse 50 MB file");
    let error = load_file(&path).expect_err("refused");
    assert_eq!(error.problems[0].kind, ProblemKind::TooLarge { bytes: 50 * 1024 * 1024, limit: MAX_FILE_BYTES });
    assert!(error.render(hyoka::i18n::Lang::Ja).contains("ファイルが大きすぎます（50 MB）"));
}

#[test]
fn invalid_utf8_is_located() {
    let problems = load_bytes(b"organization: \xe4\xb8\x8a\xff\nfiscal_year: 2008\n").expect_err("refused");
    assert_eq!(problems[0].kind, ProblemKind::NotUtf8);
    assert_eq!(problems[0].position.map(|p| (p.line, p.column)), Some((1, 16)));
}

fn refused_kind(found: &[Found], name: &str) -> Option<ProblemKind> {
    found.iter().find_map(|f| match f {
        Found::Refused(e) if e.path.ends_with(name) => Some(e.problems[0].kind.clone()),
        _ => None,
    })
}

#[test]
fn links_out_of_the_folder_fifos_and_folders_named_yaml_are_refused() {
    let outside = tempfile::tempdir().expect("outside");
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, include_str!("../data/kamigyo/2008.yaml")).expect("write");
    let dir = tempfile::tempdir().expect("data");
    std::fs::write(dir.path().join("2008.yaml"), include_str!("../data/kamigyo/2008.yaml")).expect("write");
    symlink(&secret, dir.path().join("link.yaml")).expect("symlink");
    symlink(dir.path().join("2008.yaml"), dir.path().join("inside.yaml")).expect("symlink inside");
    std::fs::create_dir(dir.path().join("folder.yaml")).expect("mkdir");
    let fifo = dir.path().join("pipe.yaml");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());

    let found = discover(dir.path()).expect("the folder reads");
    assert!(matches!(refused_kind(&found, "link.yaml"), Some(ProblemKind::LinkOutside { .. })));
    assert_eq!(refused_kind(&found, "folder.yaml"), Some(ProblemKind::NotAFile { what: "folder" }));
    assert_eq!(refused_kind(&found, "pipe.yaml"), Some(ProblemKind::NotAFile { what: "fifo" }));
    assert!(found.iter().any(|f| matches!(f, Found::File(p) if p.ends_with("inside.yaml"))), "a link inside is fine");

    // The same paths given on the command line: a clear error, exit 1, and the FIFO never opened.
    for name in ["link.yaml", "folder.yaml", "pipe.yaml"] {
        let out = Command::new(env!("CARGO_BIN_EXE_hyoka"))
            .args(["check", &dir.path().join(name).to_string_lossy()])
            .env("HYOKA_CONFIG", Path::new("/nonexistent"))
            .output()
            .expect("run hyoka check");
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("データのフォルダの外") || stderr.contains("これはデータファイルではありません"),
            "{name}: {stderr}"
        );
    }
}

/// What the loader says about `text`, in both languages.
fn said(text: &str) -> (Vec<ProblemKind>, String, String) {
    let problems = load_bytes(text.as_bytes()).expect_err("refused");
    let render = |lang| problems.iter().map(|p| p.kind.describe(lang)).collect::<Vec<_>>().join("\n");
    (problems.iter().map(|p| p.kind.clone()).collect(), render(hyoka::i18n::Lang::Ja), render(hyoka::i18n::Lang::En))
}

#[test]
fn parser_errors_say_what_a_clerk_can_do_and_never_the_librarys_hints() {
    let cases: [(&str, ProblemKind, &str, &str); 5] = [
        (
            "organization: 上京\u{0}区役所\nfiscal_year: 2008\ndivisions: []\n",
            ProblemKind::ForbiddenCharacter { code: 0 },
            "ファイルに置けない文字 U+0000 があります",
            "a character U+0000 that a YAML file cannot hold",
        ),
        (
            "organization: 上京区役所\nfiscal_year: 99999999999999999999999\ndivisions: []\n",
            ProblemKind::WrongType { expected: hyoka::store::Expected::Number },
            "数字（年度なら西暦4桁）を書いてください",
            "a number (a four-digit year for the fiscal year) belongs here",
        ),
        (
            "organization: 上京区役所\norganization: 中京区役所\nfiscal_year: 2008\ndivisions: []\n",
            ProblemKind::DuplicateKey { key: Some("organization".into()) },
            "項目「organization」が同じところに二度あります",
            "the key 'organization' appears twice",
        ),
        (
            "organization: 上京区役所\nfiscal_year: 2008\ndivisions: []\n---\norganization: x\n",
            ProblemKind::SeveralDocuments,
            "「---」の後に二つ目の文書があります",
            "a '---' starts a second document",
        ),
        (
            "organization: 上京区役所\n\tfiscal_year: 2008\ndivisions: []\n",
            ProblemKind::Tab,
            "タブ文字があります",
            "there is a tab here",
        ),
    ];
    for (text, kind, ja, en) in cases {
        let (kinds, said_ja, said_en) = said(text);
        assert_eq!(kinds, [kind.clone()], "{text:?}");
        assert!(said_ja.contains(ja), "{said_ja}");
        assert!(said_en.contains(en), "{said_en}");
        for hint in ["DuplicateKeyPolicy", "from_str_multiple", "Options", "字下げや「:」の後の空白"] {
            assert!(!said_ja.contains(hint) && !said_en.contains(hint), "{kind:?} says {hint}: {said_ja} / {said_en}");
        }
    }
    // A genuine syntax error still gets the indentation advice.
    let (kinds, ja, _) = said("organization: 上京区役所: 中京\nfiscal_year: 2008\ndivisions: []\n");
    assert!(matches!(kinds[..], [ProblemKind::Syntax { .. }]), "{kinds:?}");
    assert!(ja.contains("字下げや「:」の後の空白を確かめてください"), "{ja}");
}
