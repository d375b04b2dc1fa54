//! The reviewer's words: search, filter, the distribution of ratings, the table, the years and
//! the summary, and their keys in the help.

use super::Lang;
use crate::command::{Command, Context, KeyNames};
use crate::tr;

/// What the bottom line says about the reviewer's tools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewMsg {
    NoHits {
        query: String,
    },
    NoSearch,
    NoHitsShown,
    SearchEnded,
    HitPosition {
        at: usize,
        of: usize,
        hits: usize,
    },
    NoFilter,
    FilterCleared,
    FilterMatchesNothing,
    Filtered {
        sections: usize,
    },
    BadDay {
        text: String,
    },
    ChooseSection,
    NoOtherYear {
        forward: bool,
    },
    HiddenByFilter {
        year: String,
    },
    SteppedTo {
        year: String,
        absent: Vec<String>,
        name: String,
    },
    AbsentIn {
        years: Vec<String>,
        name: String,
    },
    ExportInsideData {
        path: String,
    },
    BadMark {
        mark: String,
    },
    /// Said of what looked only at the files read so far, while the others are being read.
    SoFar {
        said: Box<ReviewMsg>,
        read: usize,
        total: usize,
    },
}

impl ReviewMsg {
    /// The message in `lang`, naming keys as `keys` binds them (the screen's table in force).
    pub fn keyed(&self, lang: Lang, keys: &dyn KeyNames) -> String {
        let key = |context, command| keys.key(context, command);
        let clear = || key(Context::Global, Command::ClearFilter);
        match self {
            ReviewMsg::SoFar { said, read, total } => {
                let (said, read, total) =
                    (said.keyed(lang, keys), super::screen::grouped(*read), super::screen::grouped(*total));
                tr!(
                    lang,
                    "{said}（読み込み中 {read}/{total}：まだ読んでいないファイルは含みません）",
                    "{said} (reading {read}/{total}: the files not read yet are not included)"
                )
            }
            ReviewMsg::NoHits { query } => tr!(lang, "「{query}」は見つかりません。", "'{query}' was not found."),
            ReviewMsg::NoSearch => {
                let search = key(Context::Global, Command::Search);
                tr!(lang, "検索していません。{search} で検索します。", "No search: press {search} to search.")
            }
            ReviewMsg::NoHitsShown => {
                tr!(lang, "絞り込みで表示している課には見つかりません。", "Not found in the sections the filter shows.")
            }
            ReviewMsg::SearchEnded => tr!(lang, "検索を終えました。", "Search ended."),
            ReviewMsg::HitPosition { at, of, hits } => {
                let (next, previous) = (key(Context::Global, Command::NextHit), key(Context::Global, Command::PrevHit));
                let end = key(Context::Tree, Command::EndSearch);
                tr!(
                    lang,
                    "検索 {at}/{of}（{hits}件）  {next}:次 {previous}:前 {end}:終了",
                    "hit {at}/{of} ({hits} in all)  {next}:next {previous}:previous {end}:end"
                )
            }
            ReviewMsg::NoFilter => tr!(lang, "絞り込んでいません。", "No filter is set."),
            ReviewMsg::FilterCleared => {
                tr!(lang, "絞り込みを解除しました。", "Filter cleared: every section is shown.")
            }
            ReviewMsg::FilterMatchesNothing => tr!(
                lang,
                "この条件に当てはまる課はありません。条件を変えてください。",
                "No section matches: change the filter."
            ),
            ReviewMsg::Filtered { sections } => {
                let clear = clear();
                tr!(
                    lang,
                    "{sections}課を表示しています。{clear} で解除します。",
                    "{sections} sections shown. {clear} clears the filter."
                )
            }
            ReviewMsg::BadDay { text } => tr!(
                lang,
                "「{text}」は日付として読めません。2008-11-30 のように書いてください。",
                "'{text}' is not a date: write it as 2008-11-30."
            ),
            ReviewMsg::ChooseSection => tr!(lang, "先に課を選んでください。", "Choose a section first."),
            ReviewMsg::NoOtherYear { forward: true } => {
                tr!(
                    lang,
                    "この組織の次の年度のファイルはありません。",
                    "No later fiscal year of this organisation is open."
                )
            }
            ReviewMsg::NoOtherYear { forward: false } => tr!(
                lang,
                "この組織の前の年度のファイルはありません。",
                "No earlier fiscal year of this organisation is open."
            ),
            ReviewMsg::HiddenByFilter { year } => {
                let clear = clear();
                tr!(
                    lang,
                    "{year}のこの課は絞り込みで隠れています（{clear} で解除）。",
                    "This section of {year} is hidden by the filter ({clear} clears it)."
                )
            }
            ReviewMsg::SteppedTo { year, absent, name } if absent.is_empty() => {
                tr!(lang, "{year}の {name}", "{name}, {year}")
            }
            ReviewMsg::SteppedTo { year, absent, name } => {
                let absent = absent.join("・");
                tr!(
                    lang,
                    "{year}の {name}（{absent}には {name} がありません）",
                    "{name}, {year} ({absent} has no {name})"
                )
            }
            ReviewMsg::AbsentIn { years, name } => {
                let years = years.join("・");
                tr!(
                    lang,
                    "{years}には {name} がありません（名前か部が変わったのかもしれません）。",
                    "{years} has no {name} (it may have been renamed or moved)."
                )
            }
            ReviewMsg::BadMark { mark } => tr!(
                lang,
                "--rating「{mark}」は達成度ではありません。◎ ○ △ × 未評価 をカンマで区切って書いてください。",
                "--rating '{mark}' is not a rating: give ◎ ○ △ × or unrated, separated by commas."
            ),
            ReviewMsg::ExportInsideData { path } => tr!(
                lang,
                "閲覧専用では、データのフォルダの中には書き出せません（{path}）。別の場所を入力してください。",
                "Read-only: nothing is written inside the data folder ({path}). Type another place."
            ),
        }
    }
}

/// The columns of the table of every section, worded by their headings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Column {
    #[default]
    File,
    Division,
    Section,
    Rating,
    Goals,
    Complete,
    Updated,
    UpdatedBy,
}

impl Column {
    /// The column to the right of this one, round to the first; to the left with `back`.
    pub fn beside(self, back: bool) -> Column {
        use Column::{Complete, Division, File, Goals, Rating, Section, Updated, UpdatedBy};
        match (self, back) {
            (File, false) | (Section, true) => Division,
            (Division, false) | (Rating, true) => Section,
            (Section, false) | (Goals, true) => Rating,
            (Rating, false) | (Complete, true) => Goals,
            (Goals, false) | (Updated, true) => Complete,
            (Complete, false) | (UpdatedBy, true) => Updated,
            (Updated, false) | (File, true) => UpdatedBy,
            (UpdatedBy, false) | (Division, true) => File,
        }
    }

    pub const ALL: [Column; 8] = [
        Column::File,
        Column::Division,
        Column::Section,
        Column::Rating,
        Column::Goals,
        Column::Complete,
        Column::Updated,
        Column::UpdatedBy,
    ];
}

/// Labels of the reviewer's views.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewWords {
    SearchLabel,
    /// Whether hiragana and katakana match each other, with the key that switches it.
    KanaOn {
        key: String,
    },
    KanaOff {
        key: String,
    },
    FilterTitle,
    Unrated,
    IncompleteOnly,
    Since,
    By,
    Word,
    Incomplete {
        n: usize,
    },
    Sections {
        n: usize,
    },
    LastChange {
        at: String,
        by: String,
    },
    NeverChanged,
    TableTitle {
        rows: usize,
    },
    Header(Column),
    SummaryTitle {
        files: usize,
    },
    Organization,
    FiscalYear,
    YearsTitle,
    RatingHeading,
    GoalsHeading,
    ReflectionHeading,
    AbsentThisYear,
    Absent,
    FilterBadge,
    Distribution,
    /// Column headings of the summaries.
    SectionsHeader,
    IncompleteHeader,
    LastChangeHeader,
}

impl ReviewWords {
    pub fn text(&self, lang: Lang) -> String {
        use Column as C;
        let fixed = |ja: &str, en: &str| lang.pick(ja, en).to_owned();
        match self {
            ReviewWords::SearchLabel => fixed("検索: ", "Search: "),
            ReviewWords::KanaOn { key } => tr!(lang, " かな=カナ（{key}） ", " kana alike ({key}) "),
            ReviewWords::KanaOff { key } => tr!(lang, " かな≠カナ（{key}） ", " kana apart ({key}) "),
            ReviewWords::FilterTitle => fixed(" 絞り込み ", " Filter "),
            ReviewWords::Unrated => fixed("未評価", "not rated"),
            ReviewWords::IncompleteOnly => fixed("未記入のある課だけ", "only sections with empty fields"),
            ReviewWords::Since => fixed("この日以降に更新（2008-11-30）: ", "changed since (2008-11-30): "),
            ReviewWords::By => fixed("更新した人: ", "changed by: "),
            ReviewWords::Word => fixed("語句: ", "text: "),
            ReviewWords::Incomplete { n } => tr!(lang, "未記入 {n}", "empty {n}"),
            ReviewWords::Sections { n } => tr!(lang, "{n}課", "{n} sections"),
            ReviewWords::LastChange { at, by } => tr!(lang, "最終更新 {at} {by}", "last change {at} {by}"),
            ReviewWords::NeverChanged => fixed("最終更新 ―", "last change ―"),
            ReviewWords::TableTitle { rows } => {
                tr!(lang, " 課の一覧（{rows}課） ", " Every section ({rows}) ")
            }
            ReviewWords::Header(column) => {
                let (ja, en) = match column {
                    C::File => ("組織・年度", "organisation, year"),
                    C::Division => ("部", "division"),
                    C::Section => ("課", "section"),
                    C::Rating => ("達成度", "rating"),
                    C::Goals => ("目標数", "goals"),
                    C::Complete => ("記入", "filled"),
                    C::Updated => ("更新", "updated"),
                    C::UpdatedBy => ("更新者", "by"),
                };
                fixed(ja, en)
            }
            ReviewWords::SummaryTitle { files } => {
                tr!(lang, " 全体の集計（{files}ファイル） ", " Summary of every file ({files}) ")
            }
            ReviewWords::Organization => fixed("組織", "organisation"),
            ReviewWords::FiscalYear => fixed("年度", "year"),
            ReviewWords::YearsTitle => fixed(" 年度ごとの比較 ", " Through the years "),
            ReviewWords::RatingHeading => fixed("【目標達成度】", "[Achievement]"),
            ReviewWords::GoalsHeading => fixed("【所属等の目標】", "[Goals]"),
            ReviewWords::ReflectionHeading => fixed("【振り返り】", "[Reflection]"),
            ReviewWords::AbsentThisYear => fixed(
                "この年度には、この部・課名の課がありません（名前か部が変わったのかもしれません）。",
                "No section of this division and name this year (it may have been renamed or moved).",
            ),
            ReviewWords::Absent => fixed("なし", "none"),
            ReviewWords::FilterBadge => fixed("絞込", "filter"),
            ReviewWords::Distribution => fixed("目標達成度の分布", "Ratings"),
            ReviewWords::SectionsHeader => fixed("課数", "sections"),
            ReviewWords::IncompleteHeader => fixed("未記入", "empty"),
            ReviewWords::LastChangeHeader => fixed("最終更新", "last change"),
        }
    }
}

/// The help's place names of the reviewer's views.
pub fn place(context: Context) -> Option<(&'static str, &'static str)> {
    Some(match context {
        Context::Search => ("検索の入力", "search"),
        Context::Filter => ("絞り込み", "filter"),
        Context::Table => ("課の一覧", "table"),
        Context::Years => ("年度の比較", "years"),
        Context::Summary => ("全体の集計", "summary"),
        _ => return None,
    })
}

/// What the reviewer's bindings do, for the help.
pub fn describe(context: Context, command: Command) -> Option<(&'static str, &'static str)> {
    use Command as C;
    use Context as X;
    Some(match (context, command) {
        (_, C::Search) => (
            "検索（全ファイルの全項目。全角・半角、大文字・小文字を区別しない）",
            "search every text of every file (width and case ignored)",
        ),
        (_, C::NextHit) => ("次の検索結果", "next hit"),
        (_, C::PrevHit) => ("前の検索結果", "previous hit"),
        (_, C::EndSearch) => ("検索を終える（カーソルはそのまま）", "end the search (the cursor stays)"),
        (_, C::ToggleKana) => ("ひらがな・カタカナを区別する／しない", "hiragana and katakana alike / apart"),
        (X::Search, C::Accept) => {
            ("検索結果に移る（{next}・{previous} で次・前）", "keep the hits ({next}, {previous} step through them)")
        }
        (X::Search | X::Filter, C::Close) => ("やめる", "cancel"),
        (_, C::Filter) => (
            "絞り込み（達成度・未記入・更新日・更新者・語句）",
            "filter (rating, empty fields, changed since or by, text)",
        ),
        (_, C::ClearFilter) => ("絞り込みを解除", "clear the filter"),
        (X::Filter, C::Up | C::Down) => ("項目を選ぶ", "choose a line"),
        (X::Filter, C::Toggle) => ("選ぶ・外す", "tick / untick"),
        (X::Filter, C::Accept) => ("この条件で絞り込む", "apply the filter"),
        (_, C::Table) => ("課の一覧表", "table of every section"),
        (_, C::PrevYear) => ("前の年度の同じ課", "the same section a year earlier"),
        (_, C::NextYear) => ("次の年度の同じ課", "the same section a year later"),
        (_, C::Years) => ("この課を年度ごとに並べて比較", "this section through the years, side by side"),
        (_, C::Summary) => ("全組織・全年度の集計", "summary of every organisation and year"),
        (X::Table | X::Summary | X::Years, C::Up | C::Down) => ("上下に移動", "move up / down"),
        (X::Table | X::Years, C::PrevColumn | C::NextColumn) => ("左右の列へ", "column left / right"),
        (X::Table, C::SortBy) => {
            ("選んだ列で並べ替え（もう一度で逆順）", "sort by the chosen column (again: reversed)")
        }
        (X::Table, C::Accept) => ("この課を開く", "open the section"),
        (_, C::Close) => ("閉じる", "close"),
        _ => return None,
    })
}

/// The short words of the bottom line for the reviewer's keys.
pub fn hint_label(command: Command) -> Option<(&'static str, &'static str)> {
    use Command as C;
    Some(match command {
        C::Search => ("検索", "search"),
        C::Filter => ("絞込", "filter"),
        C::Table => ("一覧表", "table"),
        C::Accept => ("決定", "ok"),
        C::ToggleKana => ("かな・カナ", "kana"),
        C::Close => ("閉じる", "close"),
        C::Toggle => ("選ぶ", "tick"),
        C::PrevColumn | C::NextColumn => ("列", "column"),
        C::SortBy => ("並べ替え", "sort"),
        _ => return None,
    })
}
