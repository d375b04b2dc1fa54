//! Import of the published table as tab-separated text (the seed document's layout).
//!
//! The layout: a preface line (～平成20年度、上京区役所では、…～), the legend of the rating
//! marks, a `<上京区>` marker, two header lines, then one row per section:
//! `部 課 <TAB> goals <TAB> progress <TAB> rating <TAB> reflection`.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;
use crate::model::{Division, Document, Grade, Section};

/// What the caller may set instead of reading it from the preface.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    pub organization: Option<String>,
    pub fiscal_year: Option<i32>,
}

/// A line of the table that cannot be placed: 1-based line and column of the offending cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub column: usize,
    pub ja: String,
    pub en: String,
}

impl ImportError {
    fn new(line: usize, column: usize, ja: impl Into<String>, en: impl Into<String>) -> Self {
        ImportError { line, column, ja: ja.into(), en: en.into() }
    }

    pub fn describe(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}

const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

pub fn import_table(text: &str, options: &ImportOptions) -> Result<Document, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut preface: Option<(usize, String)> = None;
    let mut legend_rows: Vec<Vec<Grade>> = Vec::new();
    let mut checkpoint_phrase: Option<(usize, String)> = None;
    let mut header_lines_seen = 0;
    let mut divisions: Vec<Division> = Vec::new();

    for (index, raw_line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw_line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if header_lines_seen < 2 {
            if cells.len() > 1 {
                if header_lines_seen == 0 {
                    checkpoint_phrase = Some((line_no, cells.get(2).copied().unwrap_or_default().to_owned()));
                }
                header_lines_seen += 1;
                continue;
            }
            let trimmed = line.trim();
            if preface.is_none() && trimmed.starts_with('～') {
                preface = Some((line_no, trimmed.to_owned()));
            } else if let Some(row) = legend_row(trimmed) {
                legend_rows.push(row);
            } else if is_known_decoration(trimmed) {
                // 凡例 heading and the <上京区> marker carry nothing the document keeps.
            } else {
                return Err(ImportError::new(
                    line_no,
                    1,
                    format!(
                        "表の前の行「{trimmed}」の意味が分かりません。前書き（～…～）、凡例（◎：「…」）、<区名> のどれかにしてください。"
                    ),
                    format!(
                        "cannot place the line '{trimmed}' before the table; expected the preface (～…～), the legend (◎：「…」) or the <ward> marker."
                    ),
                ));
            }
            continue;
        }
        let (division, section) = section_row(line_no, &cells, &legend_rows)?;
        match divisions.iter_mut().find(|d| d.name == division) {
            Some(d) => {
                if d.sections.iter().any(|s| s.name == section.name) {
                    return Err(ImportError::new(
                        line_no,
                        1,
                        format!("{division} {} が二度出てきます。", section.name),
                        format!("{division} {} appears twice.", section.name),
                    ));
                }
                d.sections.push(section)
            }
            None => divisions.push(Division { name: division, sections: vec![section] }),
        }
    }

    if header_lines_seen < 2 {
        return Err(ImportError::new(
            text.lines().count().max(1),
            1,
            "表の見出し行（所属等名、所属等の目標…）が見つかりません。",
            "the header lines of the table (所属等名, 所属等の目標, …) were not found.",
        ));
    }
    let (fiscal_year, organization) = identity(preface.as_ref(), options)?;
    let checkpoint = match checkpoint_phrase {
        Some((line, phrase)) => checkpoint_from_header(&phrase, fiscal_year).ok_or_else(|| {
            ImportError::new(
                line,
                1,
                format!("見出し「{phrase}」から取組状況の時点（例: 11月末現在）が読めません。"),
                format!("cannot read the checkpoint (e.g. 11月末現在) from the header '{phrase}'."),
            )
        })?,
        None => None,
    };
    let scale = legend_order(&legend_rows);
    Ok(Document {
        organization,
        fiscal_year,
        checkpoint,
        preface: preface.map(|(_, p)| p),
        scale: (!scale.is_empty()).then_some(scale),
        divisions,
    })
}

fn is_known_decoration(line: &str) -> bool {
    line.contains("凡例")
        || (line.starts_with('<') && line.ends_with('>'))
        || (line.starts_with('＜') && line.ends_with('＞'))
}

/// `◎：「達成できた。」 △：「ある程度達成できた。」` → [◎ 達成できた, △ ある程度達成できた].
fn legend_row(line: &str) -> Option<Vec<Grade>> {
    let mut grades = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find("：「") {
        let mark = rest[..open].trim();
        let after = &rest[open + "：「".len()..];
        let close = after.find('」')?;
        let label = after[..close].trim_end_matches('。');
        if mark.is_empty() || mark.chars().count() > 2 {
            return None;
        }
        grades.push(Grade { mark: mark.to_owned(), label: label.to_owned() });
        rest = &after[close + '」'.len_utf8()..];
    }
    (!grades.is_empty() && rest.trim().is_empty()).then_some(grades)
}

/// The legend is printed in columns (◎ above ○, △ above ×): read it column by column.
fn legend_order(rows: &[Vec<Grade>]) -> Vec<Grade> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width).flat_map(|col| rows.iter().filter_map(move |row| row.get(col).cloned())).collect()
}

fn section_row(line_no: usize, cells: &[&str], legend: &[Vec<Grade>]) -> Result<(String, Section), ImportError> {
    let column_of = |cell: usize| cells[..cell].iter().map(|c| c.chars().count() + 1).sum::<usize>() + 1;
    let filled = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
    if filled > 5 {
        return Err(ImportError::new(
            line_no,
            column_of(5),
            "列が多すぎます。所属等名、目標、取組状況、達成度、振り返りの5列にしてください。",
            "too many columns; a row has five: section, goals, progress, rating, reflection.",
        ));
    }
    let cell = |i: usize| cells.get(i).map_or("", |c| c.trim());
    let name = cell(0);
    let Some((division, section_name)) = name.split_once([' ', '　']) else {
        return Err(ImportError::new(
            line_no,
            1,
            format!("所属等名「{name}」を部と課に分けられません。「区民部 総務課」のように空白で区切ってください。"),
            format!(
                "cannot split '{name}' into division and section; write them separated by a space, like '区民部 総務課'."
            ),
        ));
    };
    let rating = match cell(3) {
        "" => None,
        mark => {
            let marks: Vec<&str> = legend.iter().flatten().map(|g| g.mark.as_str()).collect();
            let known =
                if marks.is_empty() { ["◎", "○", "△", "×"].contains(&mark) } else { marks.contains(&mark) };
            if !known {
                return Err(ImportError::new(
                    line_no,
                    column_of(3),
                    format!("目標達成度「{mark}」は凡例にありません。"),
                    format!("the rating '{mark}' is not in the legend."),
                ));
            }
            Some(mark.to_owned())
        }
    };
    let (goals_intro, goals) = split_goals(cell(1));
    Ok((
        division.trim().to_owned(),
        Section {
            name: section_name.trim().to_owned(),
            goals_intro,
            goals,
            progress: restore_bullets(cell(2)),
            rating,
            reflection: restore_bullets(cell(4)),
            updated: None,
            updated_by: None,
        },
    ))
}

/// `来庁者満足度の向上のため ①A ②B` → ("来庁者満足度の向上のため", [A, B]).
fn split_goals(cell: &str) -> (String, Vec<String>) {
    if cell.is_empty() {
        return (String::new(), Vec::new());
    }
    let mut parts = cell.split(|c| CIRCLED.contains(c));
    let intro = parts.next().unwrap_or_default().trim().to_owned();
    let goals: Vec<String> = parts.map(|g| restore_bullets(g.trim())).filter(|g| !g.is_empty()).collect();
    if goals.is_empty() { (String::new(), vec![restore_bullets(&intro)]) } else { (intro, goals) }
}

/// Cells that held several lines arrive with the lines joined by a space before each `・`.
fn restore_bullets(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if (c == ' ' || c == '　') && chars.peek() == Some(&'・') {
            out.truncate(out.trim_end_matches([' ', '　']).len());
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

fn identity(preface: Option<&(usize, String)>, options: &ImportOptions) -> Result<(i32, String), ImportError> {
    let line = preface.map_or(1, |(l, _)| *l);
    let text = preface.map_or("", |(_, t)| t.as_str());
    let fiscal_year = match options.fiscal_year {
        Some(y) => y,
        None => fiscal_year_in(text).ok_or_else(|| {
            ImportError::new(
                line,
                1,
                "前書きから年度（例: 平成20年度）が読めません。--fiscal-year 2008 のように指定してください。",
                "cannot read the fiscal year (e.g. 平成20年度) from the preface; give it with --fiscal-year 2008.",
            )
        })?,
    };
    let organization = match &options.organization {
        Some(o) => o.clone(),
        None => organization_in(text).ok_or_else(|| {
            ImportError::new(
                line,
                1,
                "前書きから組織名（例: 上京区役所では）が読めません。--organization 上京区役所 のように指定してください。",
                "cannot read the organisation (e.g. 上京区役所では) from the preface; give it with --organization.",
            )
        })?,
    };
    Ok((fiscal_year, organization))
}

/// "平成20年度" (or 令和元年度, full-width digits) anywhere in the text → 2008.
pub fn fiscal_year_in(text: &str) -> Option<i32> {
    for (era, base) in [("令和", 2018), ("平成", 1988), ("昭和", 1925)] {
        let Some(start) = text.find(era) else { continue };
        let rest = &text[start + era.len()..];
        let end = rest.find("年度")?;
        let number = &rest[..end];
        let n: i32 = if number == "元" {
            1
        } else {
            number
                .chars()
                .map(|c| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)))
                .try_fold(0i32, |acc, d| Some(acc * 10 + d? as i32))?
        };
        return Some(base + n);
    }
    None
}

/// "…年度、上京区役所では、…" → 上京区役所.
fn organization_in(text: &str) -> Option<String> {
    let after = text.split_once("年度、").map_or(text, |(_, rest)| rest);
    let (name, _) = after.split_once("では")?;
    let name = name.trim_matches(|c: char| c == '～' || c == '、' || c.is_whitespace());
    (!name.is_empty()).then(|| name.to_owned())
}

/// "11月末現在の取組状況(ウ) …" → 30 November of the fiscal year (January–March: the year after).
fn checkpoint_from_header(header: &str, fiscal_year: i32) -> Option<Option<NaiveDate>> {
    let Some(end) = header.find("現在") else {
        return Some(None);
    };
    let phrase = &header[..end];
    let (month_text, rest) = phrase.split_once('月')?;
    let month: u32 = month_text.trim().parse().ok()?;
    let year = if month <= 3 { fiscal_year + 1 } else { fiscal_year };
    let date = if rest == "末" {
        let first_of_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }?;
        first_of_next.pred_opt()?
    } else {
        let day: u32 = rest.trim_end_matches('日').parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)?
    };
    debug_assert_eq!(date.month(), month);
    Some(Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_rows_are_read_in_columns() {
        let rows = vec![
            legend_row("◎：「達成できた。」 △：「ある程度達成できた。」").unwrap_or_default(),
            legend_row("○：「ほぼ達成できた。」 ×：「あまり達成できなかった。」").unwrap_or_default(),
        ];
        let marks: Vec<_> = legend_order(&rows).into_iter().map(|g| format!("{} {}", g.mark, g.label)).collect();
        assert_eq!(marks, ["◎ 達成できた", "○ ほぼ達成できた", "△ ある程度達成できた", "× あまり達成できなかった"]);
    }

    #[test]
    fn goals_split_at_circled_numbers_keeping_a_lead_in() {
        let (intro, goals) =
            split_goals("来庁者満足度の向上のため ①用件処理に要する時間を短縮します。 ②丁寧な説明を励行します。");
        assert_eq!(intro, "来庁者満足度の向上のため");
        assert_eq!(goals, ["用件処理に要する時間を短縮します。", "丁寧な説明を励行します。"]);
        let (intro, goals) = split_goals("親切・丁寧で、分かりやすい対応をします。");
        assert_eq!((intro.as_str(), goals), ("", vec!["親切・丁寧で、分かりやすい対応をします。".to_owned()]));
    }

    #[test]
    fn bullets_go_back_on_their_own_lines_but_inner_dots_stay() {
        assert_eq!(restore_bullets("・一つ目。 ・二つ目、親切・丁寧。"), "・一つ目。\n・二つ目、親切・丁寧。");
    }

    #[test]
    fn era_years_and_checkpoints() {
        assert_eq!(fiscal_year_in("～平成20年度、上京区役所では"), Some(2008));
        assert_eq!(fiscal_year_in("令和元年度"), Some(2019));
        assert_eq!(fiscal_year_in("平成２１年度"), Some(2009));
        assert_eq!(organization_in("～平成20年度、上京区役所では、市民の"), Some("上京区役所".into()));
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(checkpoint_from_header("11月末現在の取組状況(ウ)", 2008), Some(d(2008, 11, 30)));
        assert_eq!(checkpoint_from_header("2月末現在", 2008), Some(d(2009, 2, 28)));
        assert_eq!(checkpoint_from_header("9月15日現在", 2008), Some(d(2008, 9, 15)));
        assert_eq!(checkpoint_from_header("取組状況", 2008), Some(None));
        assert_eq!(checkpoint_from_header("13月末現在", 2008), None);
    }

    #[test]
    fn a_row_without_division_is_an_error_with_its_line() {
        let text = "～平成20年度、上京区役所では～\n名\t目標\t11月末現在\t評価\t\n\t\t\t達成度\t振り返り\n総務課\t目標\t状況\t○\t振り返り\n";
        let err = import_table(text, &ImportOptions::default()).err();
        assert_eq!(err.as_ref().map(|e| (e.line, e.column)), Some((4, 1)));
        assert!(err.is_some_and(|e| e.ja.contains("部と課に分けられません")));
    }

    #[test]
    fn an_unknown_rating_names_its_column() {
        let text = "～平成20年度、上京区役所では～\n◎：「達成できた。」\n名\t目標\t11月末現在\t評価\t\n\t\t\t達成度\t振り返り\n区民部 総務課\t目標\t状況\t☆\t振り返り\n";
        let err = import_table(text, &ImportOptions::default()).err();
        assert_eq!(err.map(|e| (e.line, e.column)), Some((5, 15)));
    }
}
