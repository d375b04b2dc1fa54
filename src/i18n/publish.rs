//! What `hyoka publish` says: what was published and where, what was left out and why, what stopped
//! it, and what changed since an earlier publication. (The site's own words are in
//! `hyoka_data::i18n::publish`.)

use std::path::Path;

use super::Lang;
use crate::tr;

pub enum PublishCliMsg<'a> {
    Published {
        out: &'a Path,
        tables: usize,
        years: usize,
        files: usize,
    },
    /// Sections not approved, under `publish: approved_only`.
    LeftOut {
        count: usize,
    },
    LeftOutSection {
        title: &'a str,
        division: &'a str,
        section: &'a str,
        status: &'a str,
    },
    /// Files not at the `published` stage (without `--all`).
    NotAtStage {
        count: usize,
    },
    NotAtStageFile {
        path: &'a Path,
        stage: &'a str,
    },
    /// A file without `stage:`.
    NoStage,
    NothingToPublish {
        files: usize,
    },
    Broken {
        broken: usize,
        files: usize,
    },
    NotPublishable {
        files: usize,
        problems: usize,
    },
    /// Said after every refusal.
    NothingWritten,
    Since {
        revision: &'a str,
        count: usize,
    },
    Unchanged {
        revision: &'a str,
    },
    Added {
        path: &'a str,
    },
    Changed {
        path: &'a str,
    },
    Removed {
        path: &'a str,
    },
}

impl PublishCliMsg<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            PublishCliMsg::Published { out, tables, years, files } => {
                let out = out.display();
                tr!(
                    lang,
                    "公表しました: {out}（表 {tables}件・{years}年度分の集計、ファイル {files}件）",
                    "published: {out} ({tables} tables, summaries of {years} years, {files} files)"
                )
            }
            PublishCliMsg::LeftOut { count } => tr!(
                lang,
                "承認されていないため載せなかった課 {count}件（データフォルダの設定 publish: approved_only）:",
                "{count} sections left out as not approved (publish: approved_only in the data folder's settings):"
            ),
            PublishCliMsg::LeftOutSection { title, division, section, status } => {
                tr!(lang, "  {title} {division} {section}（{status}）", "  {title} {division} {section} ({status})")
            }
            PublishCliMsg::NotAtStage { count } => tr!(
                lang,
                "公表の段階（stage: published）にないため載せなかったファイル {count}件（すべて載せるには --all）:",
                "{count} files left out as not at the published stage (stage: published; --all takes every file):"
            ),
            PublishCliMsg::NotAtStageFile { path, stage } => {
                let path = path.display();
                tr!(lang, "  {path}（{stage}）", "  {path} ({stage})")
            }
            PublishCliMsg::NoStage => tr!(lang, "段階の指定なし", "no stage"),
            PublishCliMsg::NothingToPublish { files } => tr!(
                lang,
                "公表するファイルがありません: {files}件のどれも公表の段階（stage: published）にありません。段階を進めるか、--all ですべてを公表してください。",
                "nothing to publish: none of the {files} files is at the published stage (stage: published); move them on, or publish every file with --all."
            ),
            PublishCliMsg::Broken { broken, files } => tr!(
                lang,
                "{files}件中{broken}件のデータファイルが読めません。直してから公表してください。",
                "{broken} of {files} data files do not read; fix them before publishing."
            ),
            PublishCliMsg::NotPublishable { files, problems } => tr!(
                lang,
                "{files}件のファイルに、公表用の表に載せられないところが{problems}か所あります（hyoka check --publishable と同じ検査）。直してから公表してください。",
                "{files} files have {problems} places the published table cannot carry (as hyoka check --publishable finds); fix them before publishing."
            ),
            PublishCliMsg::NothingWritten => {
                tr!(
                    lang,
                    "公表しませんでした。前の公表はそのままです。",
                    "nothing was published; the previous site is unchanged."
                )
            }
            PublishCliMsg::Since { revision, count } => tr!(
                lang,
                "{revision} から内容が変わったファイル {count}件:",
                "{count} files whose content changed since {revision}:"
            ),
            PublishCliMsg::Unchanged { revision } => {
                tr!(lang, "{revision} から内容が変わったファイルはありません。", "nothing changed since {revision}.")
            }
            PublishCliMsg::Added { path } => tr!(lang, "  追加 {path}", "  added   {path}"),
            PublishCliMsg::Changed { path } => tr!(lang, "  変更 {path}", "  changed {path}"),
            PublishCliMsg::Removed { path } => tr!(lang, "  削除 {path}", "  removed {path}"),
        }
    }
}
