//! The words of the published site (`hyoka publish`) and of its refusals: headings, captions, link
//! texts, what a screen reader hears for a mark, and why a site was not written.
//!
//! The site is built in Japanese (`lang="ja"`), the language of the documents it carries; the
//! English wording stands beside each word as in every catalogue.

use std::path::Path;

use super::Lang;
use hyoka_core::tr;

/// A word or sentence of the site.
pub enum SiteWord<'a> {
    /// The site's name, at the top of every page.
    SiteName,
    SkipToContent,
    /// The label of the path from the index to the page.
    Breadcrumbs,
    IndexIntro,
    IndexTablesHeading,
    IndexTablesCaption,
    Organization,
    /// A cell of the index for a year an organisation published nothing.
    NoTable,
    YearSummariesHeading,
    YearSummaryLink {
        year: &'a str,
        organizations: usize,
        sections: usize,
    },
    TablePageTitle {
        title: &'a str,
    },
    LegendHeading,
    DataHeading,
    CsvLink {
        size: &'a str,
    },
    XlsxLink {
        size: &'a str,
    },
    TableCaption {
        title: &'a str,
        divisions: usize,
        sections: usize,
    },
    SectionName,
    Goals,
    /// The progress column's heading after its checkpoint ("11月末現在の取組状況").
    ProgressNote,
    LookingBack,
    Rating,
    Reflection,
    /// The reflection's column named in a cell, where the header row is not shown (a phone).
    ReflectionShort,
    Unrated,
    SectionsLeftOut {
        count: usize,
    },
    OtherYears {
        organization: &'a str,
    },
    YearSummary {
        year: &'a str,
    },
    SummaryTitle {
        year: &'a str,
    },
    SummaryIntro {
        organizations: usize,
        sections: usize,
    },
    OrganizationsHeading,
    OrganizationsCaption {
        year: &'a str,
    },
    Total,
    Sections,
    Division,
    ChartCaption {
        title: &'a str,
    },
    /// One bar of the chart, for its text alternative: "◎ 達成できた 3課".
    ChartBar {
        label: &'a str,
        count: usize,
    },
    DivisionsCaption {
        title: &'a str,
    },
    SeeTable {
        title: &'a str,
    },
    PublishedOn {
        date: &'a str,
    },
    Kilobytes {
        size: &'a str,
    },
    /// The index: site name and what it holds.
    IndexTitle,
}

impl SiteWord<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SiteWord::SiteName => tr!(lang, "所属等の目標 公表資料", "Section goals: published tables"),
            SiteWord::SkipToContent => tr!(lang, "本文へ移動", "Skip to the content"),
            SiteWord::Breadcrumbs => tr!(lang, "現在位置", "You are here"),
            SiteWord::IndexTitle => tr!(lang, "所属等の目標 公表資料の一覧", "Section goals: every published table"),
            SiteWord::IndexIntro => tr!(
                lang,
                "各組織が年度ごとに掲げた所属等の目標と、その取組状況、目標達成度、振り返りを公表しています。",
                "The goals each organisation set for a fiscal year, with the progress, the rating and the reflection."
            ),
            SiteWord::IndexTablesHeading => tr!(lang, "組織・年度別の表", "Tables by organisation and year"),
            SiteWord::IndexTablesCaption => {
                tr!(lang, "組織・年度別の表（年度は新しい順）", "Tables by organisation and year (newest first)")
            }
            SiteWord::Organization => tr!(lang, "組織", "Organisation"),
            SiteWord::NoTable => tr!(lang, "なし", "none"),
            SiteWord::YearSummariesHeading => tr!(lang, "年度別の集計", "Summaries by year"),
            SiteWord::YearSummaryLink { year, organizations, sections } => tr!(
                lang,
                "{year}の集計（{organizations}組織・{sections}課）",
                "{year}: summary ({organizations} organisations, {sections} sections)"
            ),
            SiteWord::TablePageTitle { title } => tr!(lang, "{title} 所属等の目標", "{title}: section goals"),
            SiteWord::LegendHeading => tr!(lang, "目標達成度の凡例", "Legend of the ratings"),
            SiteWord::DataHeading => tr!(lang, "この表のデータ", "This table as data"),
            SiteWord::CsvLink { size } => tr!(lang, "CSV形式（UTF-8、{size}）", "CSV (UTF-8, {size})"),
            SiteWord::XlsxLink { size } => tr!(lang, "Excel形式（xlsx、{size}）", "Excel (xlsx, {size})"),
            SiteWord::TableCaption { title, divisions, sections } => tr!(
                lang,
                "{title} 所属等の目標（{divisions}部・{sections}課）",
                "{title}: section goals ({divisions} divisions, {sections} sections)"
            ),
            SiteWord::SectionName => tr!(lang, "所属等名", "Section"),
            SiteWord::Goals => tr!(lang, "所属等の目標", "Goals"),
            SiteWord::ProgressNote => tr!(lang, "（目標達成状況、課題等）", " (progress, issues)"),
            SiteWord::LookingBack => tr!(lang, "今年度の取組を振り返って（評価）", "Looking back on the year"),
            SiteWord::Rating => tr!(lang, "目標達成度", "Rating"),
            SiteWord::Reflection => tr!(
                lang,
                "良かった点や反省すべき点、今後どのように取り組んでいくか等",
                "What went well or not, and what comes next"
            ),
            SiteWord::ReflectionShort => tr!(lang, "振り返り", "Reflection"),
            SiteWord::Unrated => tr!(lang, "未評価", "not rated"),
            SiteWord::SectionsLeftOut { count } => tr!(
                lang,
                "このほか、承認前の{count}課は掲載していません。",
                "{count} more sections are not shown until they are approved."
            ),
            SiteWord::OtherYears { organization } => tr!(lang, "{organization}の各年度", "{organization}: every year"),
            SiteWord::YearSummary { year } => tr!(lang, "{year}の集計", "{year}: summary"),
            SiteWord::SummaryTitle { year } => tr!(lang, "{year} 目標達成度の集計", "{year}: ratings summed up"),
            SiteWord::SummaryIntro { organizations, sections } => tr!(
                lang,
                "{organizations}組織・{sections}課の目標達成度を、課の数で示します。",
                "The ratings of {sections} sections in {organizations} organisations, as numbers of sections."
            ),
            SiteWord::OrganizationsHeading => tr!(lang, "組織ごとの集計", "By organisation"),
            SiteWord::OrganizationsCaption { year } => {
                tr!(lang, "{year} 組織ごとの目標達成度（課の数）", "{year}: ratings by organisation (sections)")
            }
            SiteWord::Total => tr!(lang, "計", "Total"),
            SiteWord::Sections => tr!(lang, "課数", "Sections"),
            SiteWord::Division => tr!(lang, "部", "Division"),
            SiteWord::ChartCaption { title } => {
                tr!(lang, "{title} 目標達成度の分布（課の数）", "{title}: ratings (sections)")
            }
            SiteWord::ChartBar { label, count } => tr!(lang, "{label} {count}課", "{label}: {count}"),
            SiteWord::DivisionsCaption { title } => {
                tr!(lang, "{title} 部ごとの目標達成度（課の数）", "{title}: ratings by division (sections)")
            }
            SiteWord::SeeTable { title } => tr!(lang, "{title}の表", "{title}: the table"),
            SiteWord::PublishedOn { date } => tr!(lang, "掲載日 {date}", "Published {date}"),
            SiteWord::Kilobytes { size } => tr!(lang, "{size}KB", "{size} KB"),
        }
    }
}

/// Why a site was not written; nothing of the old site changed.
pub enum PublishMsg<'a> {
    /// Two data files would make the same page.
    Clash {
        first: &'a Path,
        second: &'a Path,
        page: &'a str,
    },
    /// Two data files hold the same organisation and year.
    SameYearTwice {
        title: &'a str,
        first: &'a Path,
        second: &'a Path,
    },
    /// The output folder holds something other than a site hyoka wrote.
    NotASite {
        path: &'a Path,
    },
    /// The output folder is the data folder, inside it, or holds it.
    OverData {
        path: &'a Path,
    },
    Write {
        path: &'a Path,
        why: String,
    },
    Export {
        path: &'a Path,
        why: String,
    },
    /// `--since` names no commit git knows.
    Revision {
        revision: &'a str,
    },
    /// A data file of that revision does not read (its problems as `path:line:column: what`).
    OldFile {
        problems: &'a str,
    },
}

impl PublishMsg<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            PublishMsg::Clash { first, second, page } => {
                let (first, second) = (first.display(), second.display());
                tr!(
                    lang,
                    "{first} と {second} が同じページ {page} になります。どちらかのファイル名を変えてください。",
                    "{first} and {second} would both become the page {page}; rename one of them."
                )
            }
            PublishMsg::SameYearTwice { title, first, second } => {
                let (first, second) = (first.display(), second.display());
                tr!(
                    lang,
                    "{title} のファイルが二つあります（{first} と {second}）。一つにしてください。",
                    "there are two files for {title} ({first} and {second}); keep one."
                )
            }
            PublishMsg::NotASite { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} には hyoka が書いたのではないファイルがあります。公表先には、空のフォルダか、前に hyoka publish で書いたフォルダを指定してください（中身は置き換えられます）。",
                    "{path} holds files hyoka did not write; publish into an empty folder, or one hyoka publish wrote before (its contents are replaced)."
                )
            }
            PublishMsg::OverData { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} はデータのフォルダと重なっています。公表先はデータの外にしてください。",
                    "{path} overlaps the data folder; publish outside the data."
                )
            }
            PublishMsg::Write { path, why } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} を書けませんでした（{why}）。前の公表はそのままです。空き容量と書き込みの権限を確かめてください。",
                    "could not write {path} ({why}); the previous site is unchanged. Check the free space and the permissions."
                )
            }
            PublishMsg::Export { path, why } => {
                let path = path.display();
                tr!(lang, "{path}: {why}", "{path}: {why}")
            }
            PublishMsg::Revision { revision } => tr!(
                lang,
                "「{revision}」という版が git にありません。タグ名かコミットを確かめてください（git tag、git log）。",
                "git knows no revision '{revision}'; check the tag or commit (git tag, git log)."
            ),
            PublishMsg::OldFile { problems } => tr!(
                lang,
                "前の版のデータが読めないため、比べられません:\n{problems}",
                "the earlier revision's data do not read, so nothing can be compared:\n{problems}"
            ),
        }
    }
}
