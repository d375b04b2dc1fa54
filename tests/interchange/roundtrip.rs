//! The table formats are the importer's inverse: what the table can carry comes back the same.
//!
//! Through the text table and through a workbook, by property tests and with the sample.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use hyoka::interchange::import::ImportOptions;
use hyoka::interchange::tsv::{export_table, import_table};
use hyoka::interchange::xlsx;
use hyoka::model::{Division, Document, Grade, Section, fiscal_year_label};
use proptest::prelude::*;

use super::{SEED, options_for, sample};

fn from_workbook(bytes: &[u8], options: &ImportOptions) -> Result<Document, String> {
    xlsx::import_workbook(bytes, options).map(|(doc, _)| doc).map_err(|e| e.to_string())
}

#[test]
fn the_sample_exports_to_the_seed_table_and_back() {
    let doc = sample();
    let text = export_table(&doc).expect("the sample fits the table");
    assert_eq!(import_table(&text, &ImportOptions::default()), Ok(doc));
    // Line for line the seed's, except for the blank lines the publication scattered: two at the top,
    // one among the rows (a page break), and no newline at the end; and the legend, which the seed
    // prints in columns (◎ over ○) and hyoka in its order (issue 22.3: reading order is scale order).
    let lines = |t: &str| t.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect::<Vec<_>>();
    let seed = SEED
        .replace("◎：「達成できた。」 △：「ある程度達成できた。」", "◎：「達成できた。」 ○：「ほぼ達成できた。」")
        .replace(
            "○：「ほぼ達成できた。」 ×：「あまり達成できなかった。」",
            "△：「ある程度達成できた。」 ×：「あまり達成できなかった。」",
        );
    assert_ne!(seed, SEED);
    assert_eq!(lines(&text), lines(&seed));
    // Before the table, blank lines set the preface, the legend and the marker apart, as in the seed.
    let preamble = |t: &str| t.lines().take_while(|l| !l.contains('\t')).map(str::is_empty).collect::<Vec<_>>();
    assert_eq!(preamble(&text), preamble(SEED.trim_start_matches('\n')));
}

/// Words never start with ・ and hold no spaces, so no space ever stands right before a bullet.
fn word() -> impl Strategy<Value = String> {
    (
        "[あ-んア-ン目標達成市民対応課題取組改善A-Za-z0-9、。「」()%=<>&\"'|+@#*_-]",
        "[あ-んア-ン目標達成A-Za-z0-9、。・「」()%=<>&\"|-]{0,6}",
    )
        .prop_map(|(first, rest)| first + &rest)
}

/// One line: words separated by a half- or full-width space.
fn line() -> impl Strategy<Value = String> {
    (word(), prop::collection::vec((prop::sample::select(vec![" ", "　"]), word()), 0..4))
        .prop_map(|(first, rest)| rest.into_iter().fold(first, |line, (space, word)| line + space + &word))
}

/// Text as the table carries it: line breaks only before ・ bullets.
fn bulleted() -> impl Strategy<Value = String> {
    (any::<bool>(), line(), prop::collection::vec(line(), 0..3)).prop_map(|(bullet, first, rest)| {
        let first = if bullet { format!("・{first}") } else { first };
        rest.into_iter().fold(first, |text, line| text + "\n・" + &line)
    })
}

fn optional(text: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), text]
}

/// Goals as a table numbers them: the usual ①②…, or from another first number (③④, a single ④ or ①).
fn goals() -> impl Strategy<Value = (String, Vec<String>, Option<u32>)> {
    (optional(line()), prop::collection::vec(bulleted(), 0..4), prop::option::of(1u32..=17)).prop_map(
        |(intro, mut goals, first)| {
            if !intro.is_empty() && goals.is_empty() {
                goals.push("目標".into());
            }
            let usual = goals.len() > 1 || !intro.is_empty();
            // A first number of 1 says nothing where the goals are numbered anyway.
            let first = first.filter(|n| !goals.is_empty() && (*n != 1 || !usual));
            (intro, goals, first)
        },
    )
}

fn section(index: usize, marks: Vec<String>) -> impl Strategy<Value = Section> {
    let rating = prop::option::of(prop::sample::select(marks.clone()));
    // The goals' own marks ("①○ ③◎" in the rating cell), some goals unrated.
    let goal_marks = prop::collection::vec(prop::option::of(prop::sample::select(marks)), 0..4);
    (line(), goals(), optional(bulleted()), rating, optional(bulleted()), goal_marks).prop_map(
        move |(name, (goals_intro, goals, goals_numbered_from), progress, rating, reflection, goal_marks)| {
            let mut section = Section {
                name: format!("{name}{index}課"),
                goals_intro,
                goals_numbered_from,
                goals,
                progress,
                rating,
                reflection,
                goal_ratings: goal_marks,
                ..Section::default()
            };
            section.tidy_goal_ratings();
            section
        },
    )
}

fn scale() -> impl Strategy<Value = Option<Vec<Grade>>> {
    let marks = prop::sample::subsequence(vec!["◎", "○", "△", "×", "A", "B+", "☆", "S"], 1..6);
    let label = "[あ-んア-ン目標達成A-Za-z0-9、]{1,8}( [あ-ん]{1,4})?";
    prop::option::of(marks.prop_flat_map(move |marks| {
        let n = marks.len();
        prop::collection::vec(label, n).prop_map(move |labels| {
            marks.iter().zip(labels).map(|(m, l)| Grade { mark: (*m).to_owned(), label: l }).collect()
        })
    }))
}

fn checkpoint(fiscal_year: i32) -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((1u32..=12, 1u32..=31).prop_map(move |(month, day)| {
        let year = if month <= 3 { fiscal_year + 1 } else { fiscal_year };
        // Days past the month's end become its last day, the common 月末 case.
        (1..=day).rev().find_map(|d| NaiveDate::from_ymd_opt(year, month, d)).unwrap_or_default()
    }))
}

/// Notes under the table: lines starting with ※, a blank line between two of them at times.
fn notes() -> impl Strategy<Value = Option<String>> {
    prop::option::of((line(), prop::option::of((any::<bool>(), line())))).prop_map(|notes| {
        notes.map(|(first, second)| match second {
            Some((gap, second)) => format!("※{first}\n{}{second}", if gap { "\n" } else { "" }),
            None => format!("※{first}"),
        })
    })
}

/// Documents whose every text the table can carry (see `hyoka::interchange::table::limits`).
fn carriable_document() -> impl Strategy<Value = Document> {
    let organization = prop::sample::select(vec!["上京区役所", "中京区役所", "京都市役所", "ABC役所"]);
    (organization, 1989i32..2040, scale(), optional(line()), any::<bool>(), notes()).prop_flat_map(
        |(organization, fiscal_year, scale, preface_text, has_preface, notes)| {
            let marks: Vec<String> = match &scale {
                Some(grades) => grades.iter().map(|g: &Grade| g.mark.clone()).collect(),
                None => ["◎", "○", "△", "×"].map(str::to_owned).to_vec(),
            };
            let preface = has_preface
                .then(|| format!("～{}、{organization}では、{preface_text}～", fiscal_year_label(fiscal_year)));
            let divisions = prop::collection::vec(1usize..4, 0..4).prop_flat_map(move |counts| {
                let division = |(d, count): (usize, usize)| {
                    let sections: Vec<_> = (0..count).map(|s| section(s, marks.clone())).collect();
                    (word(), sections)
                        .prop_map(move |(name, sections)| Division { name: format!("第{name}{d}部"), sections })
                };
                counts.into_iter().enumerate().map(division).collect::<Vec<_>>()
            });
            (checkpoint(fiscal_year), divisions).prop_map(move |(checkpoint, divisions)| Document {
                organization: organization.to_owned(),
                fiscal_year,
                stage: None,
                checkpoint,
                preface: preface.clone(),
                notes: notes.clone(),
                scale: scale.clone(),
                divisions,
            })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn what_the_table_can_carry_comes_back_the_same(doc in carriable_document()) {
        let text = export_table(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Without a preface the table does not name organisation and year: import asks for them.
        let options = if doc.preface.is_some() { ImportOptions::default() } else { options_for(&doc) };
        prop_assert_eq!(import_table(&text, &options), Ok(doc));
    }
}

#[test]
fn the_sample_goes_through_xlsx_unchanged() {
    let doc = sample();
    let bytes = xlsx::export_workbook(&doc).expect("the sample fits the sheet");
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip file");
    assert_eq!(from_workbook(&bytes, &ImportOptions::default()), Ok(doc));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A sheet's cells hold real line breaks: any line break comes back, not only before ・.
    #[test]
    fn sheets_carry_line_breaks_anywhere(doc in carriable_document(), at in 1usize..4) {
        let mut doc = doc;
        for section in doc.divisions.iter_mut().flat_map(|d| &mut d.sections) {
            section.progress = section.progress.replace(" ", "\n").replacen('・', "二行目\nと・", at);
        }
        let bytes = xlsx::export_workbook(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(from_workbook(&bytes, &options_for(&doc)), Ok(doc));
    }
}

#[test]
fn the_sheet_has_the_table_layout_and_no_formulas() {
    let mut doc = sample();
    doc.divisions[0].sections[0].reflection = "=SUM(A1)".into();
    let bytes = xlsx::export_workbook(&doc).expect("exports");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).expect("calamine reads it");
    assert_eq!(book.sheet_names(), ["所属等の目標"]);
    let range = book.worksheet_range_at(0).expect("a sheet").expect("readable");
    let cell = |row: usize, col: usize| range.get((row, col)).map(Data::to_string).unwrap_or_default();
    assert!(cell(0, 0).starts_with("～平成20年度"));
    assert_eq!(cell(11, 0), "区民部 総務課");
    assert_eq!(cell(11, 1).lines().count(), 2, "each goal on its own line");
    assert_eq!(cell(11, 4), "=SUM(A1)", "a text, read back as written");
    let formulas = book.worksheet_formula("所属等の目標").expect("formulas readable");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell is a formula");
    // The header as the published table has it: three headings over two rows, one over two columns.
    let merges = book.merge_cells_by_sheet_name("所属等の目標").expect("merges readable");
    let spans: Vec<_> = merges.iter().filter(|m| m.start.0 == 9).map(|m| (m.start, m.end)).collect();
    assert_eq!(spans, [((9, 0), (10, 0)), ((9, 1), (10, 1)), ((9, 2), (10, 2)), ((9, 3), (9, 4))]);
    assert_eq!(from_workbook(&bytes, &ImportOptions::default()), Ok(doc));
}

#[test]
fn notes_and_the_tables_numbering_come_back_through_both_tables() {
    let mut doc = sample();
    doc.notes = Some("※ 平成21年3月末現在の評価です。\n\n※「④」は継続目標。".into());
    doc.divisions[0].sections[1].goals_numbered_from = Some(4);
    doc.divisions[0].sections[0].goals_numbered_from = Some(3);
    let text = export_table(&doc).expect("fits the table");
    assert!(text.contains("\t③笑顔で、"), "{text}");
    assert!(text.contains("区民部 まちづくり推進課\t④親切・丁寧で"), "{text}");
    assert!(text.ends_with("\n\n※ 平成21年3月末現在の評価です。\n\n※「④」は継続目標。\n"), "{text}");
    assert_eq!(import_table(&text, &ImportOptions::default()), Ok(doc.clone()));
    let bytes = xlsx::export_workbook(&doc).expect("fits the sheet");
    assert_eq!(from_workbook(&bytes, &ImportOptions::default()), Ok(doc));
}
