//! What the commands without a screen (`check`, `import`, `export`) and the start-up say.

use std::path::Path;

use super::Lang;
use crate::tr;

/// A message of a command-line command.
pub enum CliMsg<'a> {
    DoctorDone {
        problems: usize,
        checked: String,
    },
    CannotOpen {
        path: &'a Path,
        why: String,
    },
    NoDataFiles {
        path: &'a Path,
    },
    AllGood {
        files: usize,
    },
    SomeBroken {
        broken: usize,
        files: usize,
    },
    /// `check --publishable`: files that read, but that the published table cannot carry.
    NotPublishable {
        files: usize,
        problems: usize,
    },
    OutputExists {
        paths: Vec<String>,
    },
    CannotWrite {
        path: &'a Path,
        why: String,
    },
    CannotRead {
        path: &'a Path,
        why: String,
    },
    Imported {
        path: &'a Path,
        divisions: usize,
        sections: usize,
    },
    TableNotUtf8 {
        path: &'a Path,
    },
    UnknownExportFormat,
    ExportOverData {
        path: &'a Path,
    },
    ExportFolderToFile {
        path: &'a Path,
    },
    ExportClash {
        first: &'a Path,
        second: &'a Path,
        target: &'a Path,
    },
    Exported {
        path: &'a Path,
    },
    ExportsFailed {
        failed: usize,
        files: usize,
    },
    PrefaceNamesNothing {
        path: &'a Path,
    },
    TerminalFailed {
        why: String,
    },
    Signal {
        number: i32,
        why: String,
    },
    UnknownBinding {
        path: String,
        name: String,
        known: Vec<String>,
    },
    BadKeyName {
        path: String,
        name: String,
        key: String,
    },
    KeyTwice {
        path: String,
        key: String,
        context: String,
        first: String,
        second: String,
    },
}

impl CliMsg<'_> {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            CliMsg::DoctorDone { problems: 0, checked } => {
                tr!(lang, "問題はありません（調べたもの: {checked}）。", "all is well (checked: {checked}).")
            }
            CliMsg::DoctorDone { problems, checked } => tr!(
                lang,
                "問題が {problems} 件あります（調べたもの: {checked}）。上のコマンドで直してから、もう一度 hyoka doctor を実行してください。",
                "{problems} problems (checked: {checked}); fix them with the commands above and run hyoka doctor again."
            ),
            CliMsg::CannotOpen { path, why } => {
                let path = path.display();
                tr!(
                    lang,
                    "「{path}」を開けません（{why}）。データのフォルダかYAMLファイルを指定してください（例: hyoka data）。",
                    "cannot open '{path}' ({why}); give a data folder or a YAML file (e.g. hyoka data)."
                )
            }
            CliMsg::NoDataFiles { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "「{path}」にYAMLファイルがありません。hyoka import で表を取り込むか、別のフォルダを指定してください。",
                    "there are no YAML files in '{path}'; import a table with hyoka import or give another folder."
                )
            }
            CliMsg::AllGood { files } => {
                let s = if *files == 1 { "" } else { "s" };
                tr!(lang, "問題ありません（{files}ファイル）。", "all good ({files} file{s}).")
            }
            CliMsg::SomeBroken { broken, files } => {
                tr!(
                    lang,
                    "{files}ファイル中{broken}ファイルに誤りがあります。",
                    "{broken} of {files} files have errors."
                )
            }
            CliMsg::NotPublishable { files, problems } => tr!(
                lang,
                "{files}ファイルに、公表用の表に書き出せないところが{problems}か所あります。直してから hyoka export --format tsv で書き出してください。",
                "{problems} places in {files} files cannot go into the published table; fix them before hyoka export --format tsv."
            ),
            CliMsg::OutputExists { paths } => {
                let (ja, en) = (paths.join("、"), paths.join(", "));
                tr!(
                    lang,
                    "{ja} はもうあります。上書きするなら --force を付けてください。",
                    "{en} exists already; add --force to overwrite."
                )
            }
            CliMsg::CannotWrite { path, why } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} に書き込めません（{why}）。フォルダの場所と権限を確かめてください。",
                    "cannot write {path} ({why}); check the folder's location and permissions."
                )
            }
            CliMsg::CannotRead { path, why } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} を読めません（{why}）。ファイルの場所と権限を確かめてください。",
                    "cannot read {path} ({why}); check the file's location and permissions."
                )
            }
            CliMsg::Imported { path, divisions, sections } => {
                let path = path.display();
                tr!(
                    lang,
                    "書き出しました: {path}（部 {divisions}・課 {sections}）",
                    "wrote {path} ({divisions} divisions, {sections} sections)"
                )
            }
            CliMsg::TableNotUtf8 { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} がUTF-8ではありません。表計算ソフトで「UTF-8 のテキスト」として保存し直してください。",
                    "{path} is not UTF-8; save it again as UTF-8 text."
                )
            }
            CliMsg::UnknownExportFormat => tr!(
                lang,
                "書き出す形式が分かりません。--format html|csv|md|tsv|xlsx を付けるか、出力先に .html などの拡張子を付けてください。",
                "cannot tell the format; add --format html|csv|md|tsv|xlsx or give the output an extension such as .html."
            ),
            CliMsg::ExportOverData { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} はデータファイル（.yaml）です。書き出し先には別の名前を指定してください。",
                    "{path} is a data file (.yaml); give the export another name."
                )
            }
            CliMsg::ExportFolderToFile { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "{path} はファイルです。フォルダを書き出すときは、出力先にフォルダを指定してください。",
                    "{path} is a file; when exporting a folder, give a folder as the output."
                )
            }
            CliMsg::ExportClash { first, second, target } => {
                let (first, second, target) = (first.display(), second.display(), target.display());
                tr!(
                    lang,
                    "{first} と {second} はどちらも {target} になります。どちらかの名前を変えてください。",
                    "{first} and {second} would both be written to {target}; rename one of them."
                )
            }
            CliMsg::Exported { path } => {
                let path = path.display();
                tr!(lang, "書き出しました: {path}", "wrote {path}")
            }
            CliMsg::ExportsFailed { failed, files } => {
                tr!(
                    lang,
                    "{files}ファイル中{failed}ファイルは書き出せませんでした。",
                    "{failed} of {files} files were not exported."
                )
            }
            CliMsg::PrefaceNamesNothing { path } => {
                let path = path.display();
                tr!(
                    lang,
                    "注意: {path} の前書きからは組織名と年度が読めません。取り込むときは --organization と --fiscal-year を付けてください。",
                    "note: the preface in {path} does not name the organisation and fiscal year; give --organization and --fiscal-year when importing it."
                )
            }
            CliMsg::TerminalFailed { why } => tr!(
                lang,
                "端末の操作に失敗しました（{why}）。hyoka は端末（SSH や tmux の中）で起動してください。保存していない変更は記録してあり、次に開くと戻せます。",
                "the terminal failed ({why}); run hyoka inside a terminal (SSH, tmux). Unsaved changes were journaled and can be restored next time."
            ),
            CliMsg::UnknownBinding { path, name, known } => {
                let known = known.join(" ");
                tr!(
                    lang,
                    "{path}: keys: 「{name}」という操作はありません。使える名前: {known}",
                    "{path}: keys: there is no binding '{name}'; the names are: {known}"
                )
            }
            CliMsg::BadKeyName { path, name, key } => tr!(
                lang,
                "{path}: keys: {name} のキー「{key}」が読めません。j、G、Ctrl-S、Shift-Tab、PageDown、F2 のように書いてください。",
                "{path}: keys: {name}: '{key}' is not a key; write keys like j, G, Ctrl-S, Shift-Tab, PageDown, F2."
            ),
            CliMsg::KeyTwice { path, key, context, first, second } => tr!(
                lang,
                "{path}: keys: 「{key}」が {context} で二つの操作（{first} と {second}）に割り当てられています。どちらかを変えてください。",
                "{path}: keys: '{key}' is bound twice in {context} ({first} and {second}); change one of them."
            ),
            CliMsg::Signal { number, why } => {
                tr!(lang, "シグナル {number} を受け取れません（{why}）。", "cannot listen for signal {number} ({why}).")
            }
        }
    }
}
