//! The warning before opening a file another live hyoka of the same account holds unsaved work
//! in (as vim's "ATTENTION" for a swap file), and its choices.

use crate::i18n::Lang;
use crate::tr;

/// What is known of the other hyoka's work, ready to be said.
pub struct Other<'a> {
    pub file: &'a str,
    pub terminal: &'a str,
    pub pid: u32,
    pub since: &'a str,
    pub fields: usize,
}

pub fn attention(other: &Other<'_>, lang: Lang) -> String {
    let Other { file, terminal, pid, since, fields } = other;
    tr!(
        lang,
        "ATTENTION（注意）\n\
         別の hyoka（あなたのもの）が、このファイルに保存していない変更を持ったまま動いています:\n\
         \x20 ファイル: {file}\n\
         \x20 端末: {terminal}（プロセス {pid}）\n\
         \x20 開いた時刻: {since}\n\
         \x20 保存していない変更: {fields} 項目\n\
         接続が切れたままの端末かもしれません。このまま開くと、その変更はこちらには見えません。\n\
         \x20 t  引き継ぐ: あちらの hyoka に変更を記録させて終了させ、復元の画面に進む\n\
         \x20 o  このまま開く\n\
         \x20 q  やめる\n",
        "ATTENTION\n\
         Another hyoka of yours is running with unsaved work in this file:\n\
         \x20 file: {file}\n\
         \x20 terminal: {terminal} (process {pid})\n\
         \x20 since: {since}\n\
         \x20 unsaved: {fields} fields\n\
         It may be a terminal whose connection was lost. Opened as it is, that work is not seen here.\n\
         \x20 t  take over: the other hyoka keeps its work in its journal and quits; then restore it\n\
         \x20 o  open anyway\n\
         \x20 q  quit\n"
    )
}

pub fn choose(lang: Lang) -> String {
    tr!(lang, "選んでください [t/o/q]: ", "choose [t/o/q]: ")
}

pub fn unknown_terminal(lang: Lang) -> String {
    tr!(lang, "不明", "unknown")
}

pub fn took_over(done: bool, lang: Lang) -> String {
    if done {
        tr!(lang, "あちらの hyoka は変更を記録して終了しました。", "the other hyoka kept its work and quit.")
    } else {
        tr!(
            lang,
            "あちらの hyoka が終了しません。このまま開きます（変更はあちらに残っています）。",
            "the other hyoka did not quit; opening anyway (its work stays with it)."
        )
    }
}
