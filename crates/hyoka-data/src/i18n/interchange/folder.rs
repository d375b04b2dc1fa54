//! What `hyoka import DIR -o data/` says: a line per table, the total, and why a file was left out.

use super::summary::Counts;
use crate::i18n::Lang;
use hyoka_core::tr;

pub enum FolderMsg<'a> {
    /// One table read: where it goes and what it held.
    File {
        path: &'a str,
        output: &'a str,
        counts: &'a Counts,
        warnings: usize,
    },
    /// The organisation a table names cannot be a folder's name.
    NotAFolderName {
        name: &'a str,
    },
    /// Two tables of one organisation and year.
    SameOutput {
        output: &'a str,
        first: &'a str,
    },
    Total {
        files: usize,
        imported: usize,
        failed: usize,
        counts: &'a Counts,
    },
    NoTables {
        folder: &'a str,
    },
    NeedsOutput,
    OutputNotFolder {
        path: &'a str,
    },
    DryRun,
}

impl FolderMsg<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FolderMsg::File { path, output, counts, warnings } => {
                let counts = counts.text(lang);
                let said = match warnings {
                    0 => String::new(),
                    n => tr!(lang, "、警告 {n}件", ", {n} warnings"),
                };
                tr!(lang, "{path} → {output}（{counts}{said}）", "{path} → {output} ({counts}{said})")
            }
            FolderMsg::NotAFolderName { name } => tr!(
                lang,
                "組織名「{name}」はフォルダの名前にできません（「/」を含む名前や「.」で始まる名前など）。この表は -o でファイルを指定して一つずつ取り込んでください。",
                "the organisation '{name}' cannot name a folder (it holds / or starts with .); import this table on its own with -o FILE."
            ),
            FolderMsg::SameOutput { output, first } => tr!(
                lang,
                "{output} には {first} の表を書き出します（同じ組織・年度の表が二つあります）。どちらかをフォルダから外してください。",
                "{output} is where {first} goes already (two tables of one organisation and year); take one of them out of the folder."
            ),
            FolderMsg::Total { files, imported, failed: 0, counts } => {
                let counts = counts.text(lang);
                tr!(
                    lang,
                    "合計: {files}ファイル中 {imported}ファイルを取り込みました（{counts}）。",
                    "total: imported {imported} of {files} files ({counts})."
                )
            }
            FolderMsg::Total { files, imported, failed, counts } => {
                let counts = counts.text(lang);
                tr!(
                    lang,
                    "合計: {files}ファイル中 {imported}ファイルを取り込みました（{counts}）。{failed}ファイルは取り込めませんでした（理由は上にあります）。",
                    "total: imported {imported} of {files} files ({counts}); {failed} could not be imported (the reasons are above)."
                )
            }
            FolderMsg::NoTables { folder } => tr!(
                lang,
                "{folder} に表のファイル（.xlsx .csv .tsv .txt）がありません。",
                "{folder} holds no table file (.xlsx .csv .tsv .txt)."
            ),
            FolderMsg::NeedsOutput => tr!(
                lang,
                "フォルダを取り込むときは、-o に書き出し先のフォルダを指定してください（例: -o data）。表ごとに data/組織名/年度.yaml ができます。",
                "to import a folder, give the folder to write into with -o (e.g. -o data); each table becomes data/ORGANISATION/YEAR.yaml."
            ),
            FolderMsg::OutputNotFolder { path } => tr!(
                lang,
                "{path} はフォルダではありません。フォルダを取り込むときは、-o に書き出し先のフォルダを指定してください。",
                "{path} is not a folder; to import a folder, give the folder to write into with -o."
            ),
            FolderMsg::DryRun => tr!(lang, "--dry-run: 何も書き込んでいません。", "--dry-run: nothing was written."),
        }
    }
}
