//! Hostile input: whatever bytes a data file holds, loading answers with the document or with
//! errors that say where, and never panics, hangs or eats the memory.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::cli::hyoka;
use common::tools::cases;
use hyoka::store::Describe as _;
use std::os::unix::fs::symlink;
use std::process::Command;

use hyoka::store::{
    Found, MAX_FILE_BYTES, ProblemKind, decode, discover, emit_document, load_file, parse_document, rewrite,
};
use proptest::prelude::*;

/// What loading does with the bytes of a file (without the file system).
fn load_bytes(bytes: &[u8]) -> Result<(), Vec<hyoka::store::Problem>> {
    let text = decode(bytes.to_vec()).map_err(|p| vec![p])?;
    parse_document(&text).map(|_| ())
}

/// A scalar as it may stand after `key: ` in a hand-edited file, in every style YAML has, with
/// the characters that gave trouble: noncharacters, controls, escapes, YAML 1.1 specials.
fn scalar_source(indent: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
            30 => "[a-zぁ-ん漢・、。 ]{1,6}",
            1 => "[a-zぁ-ん漢・、。=<:#&*!%@`|>?,\\[\\]{} -]{1,6}",
            1 =>
    prop::sample::select(vec![
                "\u{FFFE}", "\u{FFFF}", "\u{FDD0}", "\u{1FFFE}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{1B}", "\u{7F}",
                "\u{0}", "\t", "=", "<<", "2001-12-14 21:59:43", "yes", "~", "1.5", "0x1F", "12:30", "- x", "# x", "a: b",
            ])
            .prop_map(str::to_owned),
        ];
    let escape = prop::sample::select(vec![
        "\\uFFFE",
        "\\uFFFF",
        "\\uFFFE",
        "\\uFFFF",
        "\\U0010FFFF",
        "\\u2028",
        "\\u0085",
        "\\uFEFF",
        "\\uFFFE",
        "\\uFFFF",
        "\\U0001FFFE",
        "\\x00",
        "\\x1b",
        "\\t",
        "\\n",
        "\\N",
        "\\L",
        "\\P",
        "\\\\",
        "\\\"",
        "\\ ",
        "\\_",
        "\\e",
        "\\0",
        "\\uD800",
    ]);
    let pad = " ".repeat(indent);
    prop_oneof![
        3 => prop::collection::vec(piece.clone(), 1..4).prop_map(|p| p.concat()),
        3 => prop::collection::vec(prop_oneof![piece.clone(), escape.prop_map(str::to_owned)], 0..5)
            .prop_map(|p| format!("\"{}\"", p.concat().replace('"', "\\\""))),
        1 => prop::collection::vec(piece.clone(), 0..4).prop_map(|p| format!("'{}'", p.concat().replace('\'', "''"))),
        1 => (prop::sample::select(vec!["|", "|-", "|+", ">", ">-"]), prop::collection::vec(piece, 1..4))
            .prop_map(move |(style, lines)| format!("{style}\n{pad}{}", lines.join(&format!("\n{pad}")))),
    ]
}

/// Text shaped like a data file: the keys hyoka knows, at the right indentation, with any of
/// those scalars as values. Most of it reaches the parser and a good part loads, so that the
/// save-then-load property below is exercised, not only the refusals.
fn yaml_shaped() -> impl Strategy<Value = String> {
    (
        scalar_source(2),
        scalar_source(2),
        prop_oneof![8 => Just("2008"), 1 => prop::sample::select(vec!["99999999999999999999", "x", "[2008"])],
        prop::collection::vec((scalar_source(4), scalar_source(4)), 0..3),
        prop::collection::vec(
            (scalar_source(12), scalar_source(10), scalar_source(10), 0usize..6, scalar_source(12), any::<bool>()),
            1..4,
        ),
    )
        .prop_map(|(organization, preface, year, scale, sections)| {
            let mut out = format!("organization: {organization}\nfiscal_year: {year}\npreface: {preface}\n");
            if !scale.is_empty() {
                out.push_str("scale:\n");
                for (mark, label) in &scale {
                    out.push_str(&format!("  - mark: {mark}\n    label: {label}\n"));
                }
            }
            out.push_str("divisions:\n  - name: 区民部\n    sections:\n");
            for (i, (name, progress, reflection, rating, goal, extra)) in sections.iter().enumerate() {
                let rating = ["◎", "○", "△", "×", "\"\\uFFFE\"", "＊"].get(*rating).copied().unwrap_or("◎");
                out.push_str(&format!("      - name: 課{i}\n        goals:\n          - {goal}\n"));
                out.push_str(&format!("        progress: {progress}\n        reflection: {reflection}\n"));
                if scale.is_empty() {
                    out.push_str(&format!("        rating: {rating}\n"));
                }
                if *extra {
                    out.push_str(&format!("        # 担当: 窓口係\n        updated_by: {name}\n"));
                }
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(500, 20)))]
    #[test]
    fn any_bytes_load_or_fail_with_a_position(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Err(problems) = load_bytes(&bytes) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.position.is_some(), "no position for {:?}", p.kind);
            }
        }
    }

    /// What loads, hyoka writes back (whole, and spliced into the very text) and loads again as
    /// the same document: a file holding an escaped `"\uFFFE"` once loaded and then could not be
    /// saved in a form hyoka would read.
    #[test]
    fn yaml_shaped_text_loads_or_fails_with_a_position_and_what_loads_is_saved_faithfully(text in yaml_shaped()) {
        match parse_document(&text) {
            Ok(doc) => {
                let written = emit_document(&doc);
                prop_assert_eq!(parse_document(&written).ok(), Some(doc.clone()), "written:\n{}", written);
                let mut edited = doc.clone();
                if let Some(section) = edited.section_mut(0, 0) {
                    section.reflection.push('\u{FFFF}');
                    section.progress = "=".into();
                }
                let (spliced, _) = rewrite(Some((&text, &doc)), &edited);
                prop_assert_eq!(parse_document(&spliced).ok(), Some(edited.clone()), "spliced:\n{}", spliced);
            }
            Err(problems) => {
                for p in problems {
                    prop_assert!(p.position.is_some(), "no position for {:?} in\n{}", p.kind, text);
                }
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
        let out = hyoka(&["check", &dir.path().join(name).to_string_lossy()]);
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
        assert_eq!(kinds, std::slice::from_ref(&kind), "{text:?}");
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
