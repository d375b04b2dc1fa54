//! What the data-file layer says: problems in a file, saves that failed or were refused, settings.

use std::path::Path;

use super::Lang;
use hyoka_core::model::{Expected, ProblemKind};
use hyoka_core::tr;

/// A problem found in a data file: what is wrong and what to do about it.
pub fn problem(kind: &ProblemKind, lang: Lang) -> String {
    match kind {
        ProblemKind::Syntax { detail } => tr!(
            lang,
            "YAMLとして読めません（{detail}）。字下げや「:」の後の空白を確かめてください。",
            "this is not valid YAML ({detail}); check the indentation and the space after each ':'."
        ),
        ProblemKind::Tab => tr!(
            lang,
            "タブ文字があります。字下げや値の前には空白を使ってください（タブを空白に置き換えてください）。",
            "there is a tab here; YAML wants spaces for indentation and before values (replace the tab with spaces)."
        ),
        ProblemKind::FullWidthIndent => tr!(
            lang,
            "全角スペースで字下げされています。字下げは半角スペースで書いてください（全角スペース1つは半角2つ分）。",
            "this line is indented with full-width spaces (U+3000); indent with ordinary spaces (two for each)."
        ),
        ProblemKind::UnclosedQuote => tr!(
            lang,
            "引用符（\" または '）が閉じていません。閉じる引用符を書き足すか、引用符を消してください。",
            "a quote (\" or ') is not closed; add the closing quote or remove the opening one."
        ),
        ProblemKind::ForbiddenCharacter { code } => tr!(
            lang,
            "ファイルに置けない文字 U+{code:04X} があります（貼り付けた文章に紛れ込んだ制御文字など）。その文字を消してください。",
            "there is a character U+{code:04X} that a YAML file cannot hold (often a control character in pasted text); remove it."
        ),
        ProblemKind::DuplicateKey { key: Some(key) } => tr!(
            lang,
            "項目「{key}」が同じところに二度あります。一つにまとめてください。",
            "the key '{key}' appears twice in the same place; keep one."
        ),
        ProblemKind::DuplicateKey { key: None } => tr!(
            lang,
            "同じ項目名が同じところに二度あります。一つにまとめてください。",
            "a key appears twice in the same place; keep one."
        ),
        ProblemKind::SeveralDocuments => tr!(
            lang,
            "「---」の後に二つ目の文書があります。一つのファイルには一つの表だけを書いてください（「---」から後を別のファイルに移すか消してください）。",
            "a '---' starts a second document; a file holds one table only (move what follows '---' to another file, or remove it)."
        ),
        ProblemKind::WrongType { expected } => {
            let (ja, en) = expected_words(*expected);
            tr!(
                lang,
                "ここには{ja}を書いてください（書かれている値は読めないか、大きすぎます）。",
                "{en} belongs here (the value written cannot be read, or is too large)."
            )
        }
        ProblemKind::UnknownAnchor => tr!(
            lang,
            "「*名前」が指す「&名前」がありません。値をそのまま書いてください。",
            "an alias '*name' refers to no anchor '&name'; write the value itself."
        ),
        ProblemKind::TooComplex => tr!(
            lang,
            "入れ子や参照（& と *）が多すぎるか深すぎるので読みません。値をそのまま書いてください。",
            "nesting or aliases (& and *) go too deep or too far, so the file is not read; write the values themselves."
        ),
        ProblemKind::UnknownKey { key, allowed } => {
            let (ja, en) = (allowed.join("、"), allowed.join(", "));
            tr!(
                lang,
                "知らない項目名「{key}」があります。使える項目名は {ja} です。綴りを直すか、その行を消してください。",
                "unknown key '{key}'; the keys allowed here are {en}. Fix the spelling or remove the line."
            )
        }
        ProblemKind::MissingField { field } => {
            tr!(
                lang,
                "必要な項目「{field}」がありません。書き足してください。",
                "the required key '{field}' is missing; add it."
            )
        }
        ProblemKind::RatingNotOnScale { mark, allowed } => {
            let mut chars = mark.chars();
            let look = match (chars.next(), chars.next()) {
                (Some(c), None) => crate::interchange::table::lookalike::usual_look(c),
                _ => None,
            };
            if let Some(usual) = look.filter(|u| allowed.iter().any(|a| a.chars().eq([*u]))) {
                // 〇 (the kanji zero) for ○: the same on the screen, another character in the file.
                let (found, usual_point) = (super::interchange::spelled(mark), super::interchange::code_point(usual));
                return tr!(
                    lang,
                    "目標達成度「{found}」は「{usual}」（{usual_point}）に似ていますが、別の文字です。「{usual}」に書き直してください。",
                    "the rating '{found}' looks like '{usual}' ({usual_point}) but is another character; write '{usual}'."
                );
            }
            let allowed = allowed.join(" ");
            tr!(
                lang,
                "目標達成度「{mark}」は評価の区分にありません。{allowed} のどれかにしてください。",
                "the rating '{mark}' is not on the scale; use one of {allowed}."
            )
        }
        ProblemKind::DuplicateDivision { name, first_line } => tr!(
            lang,
            "部「{name}」が二度出てきます（最初は{first_line}行目）。一つにまとめてください。",
            "the division '{name}' appears twice (first on line {first_line}); merge them into one."
        ),
        ProblemKind::DuplicateSection { division, name, first_line } => tr!(
            lang,
            "{division}に課「{name}」が二度出てきます（最初は{first_line}行目）。一つにまとめてください。",
            "the section '{name}' appears twice in {division} (first on line {first_line}); merge them into one."
        ),
        ProblemKind::EmptyName { what } => {
            let ja = if *what == "division" { "部" } else { "課" };
            tr!(lang, "{ja}の名前が空です。名前を書いてください。", "a {what} has an empty name; write its name.")
        }
        ProblemKind::BadDate { field, value } => {
            let form =
                if *field == "updated" || *field == "review.at" { "2008-11-30T17:00:00+09:00" } else { "2008-11-30" };
            tr!(
                lang,
                "「{field}」の日付「{value}」が読めません。{form}の形で書いてください。",
                "the date '{value}' in '{field}' cannot be read; write it as {form}."
            )
        }
        ProblemKind::BadFiscalYear { value } => tr!(
            lang,
            "年度「{value}」は西暦4桁で書いてください（平成20年度なら 2008）。",
            "the fiscal year {value} must be a four-digit year (2008 for 平成20年度)."
        ),
        ProblemKind::DuplicateMark { mark } => tr!(
            lang,
            "評価の区分に記号「{mark}」が二度あります。一つにしてください。",
            "the mark '{mark}' appears twice in the scale; keep one."
        ),
        ProblemKind::BadGoalNumber { value } => tr!(
            lang,
            "goals_numbered_from「{value}」は最初の目標の番号です。1～20（①～⑳）にするか、その行を消してください。",
            "goals_numbered_from {value} must be the first goal's number, 1 to 20 (① to ⑳); fix it or remove the line."
        ),
        kind @ (ProblemKind::BadStage { .. }
        | ProblemKind::BadStatus { .. }
        | ProblemKind::NoReview { .. }
        | ProblemKind::ReviewOfDraft { .. }
        | ProblemKind::ReturnedWithoutComment) => super::cycle::problem(kind, lang).unwrap_or_default(),
        ProblemKind::Read { detail } => tr!(
            lang,
            "ファイルを読めません（{detail}）。ファイルの場所と権限を確かめてください。",
            "the file cannot be read ({detail}); check its location and permissions."
        ),
        ProblemKind::NotUtf8 => {
            tr!(
                lang,
                "文字コードがUTF-8ではありません。UTF-8で保存し直してください。",
                "the file is not UTF-8; save it again as UTF-8."
            )
        }
        ProblemKind::TooLarge { bytes, limit } => {
            let (mb, limit) = (bytes / 1_048_576, limit / 1_048_576);
            tr!(
                lang,
                "ファイルが大きすぎます（{mb} MB）。読み込める大きさは {limit} MB までです。正しいファイルか確かめてください。",
                "the file is too large ({mb} MB; at most {limit} MB is read). Check that it is the right file."
            )
        }
        ProblemKind::NotAFile { what } => {
            let (ja, en) = match *what {
                "folder" => ("名前が .yaml のフォルダ", "a folder named .yaml"),
                "fifo" => ("名前付きパイプ", "a named pipe"),
                _ => ("特殊なファイル", "a special file"),
            };
            tr!(
                lang,
                "これはデータファイルではありません（{ja}）。YAMLファイルを指定してください。",
                "this is not a data file ({en}); give a YAML file."
            )
        }
        ProblemKind::LinkOutside { target } => tr!(
            lang,
            "データのフォルダの外（{target}）を指すリンクなので開きません。ファイルをデータのフォルダに置いてください。",
            "this link points outside the data folder ({target}) and is not opened; put the file in the data folder."
        ),
        ProblemKind::NotKept => tr!(
            lang,
            "この値は書き出して読み直すと同じになりません。値を確かめてください。",
            "written out and read back, this value would not be the same; check it."
        ),
        ProblemKind::BothChanged => tr!(
            lang,
            "他の人が同時に別の値に変えました。自分の値のままでよければ、もう一度 Ctrl-S を押してください。",
            "someone else changed it to another value meanwhile; if yours is right, press Ctrl-S again."
        ),
    }
}

fn expected_words(expected: Expected) -> (&'static str, &'static str) {
    match expected {
        Expected::Value => (
            "一つの値（「[」「{」「- 」で始まらない、括弧の閉じた値）",
            "a single value (not starting with '[', '{' or '- ', brackets closed)",
        ),
        Expected::Number => ("数字（年度なら西暦4桁）", "a number (a four-digit year for the fiscal year)"),
        Expected::Text => ("文字", "text"),
        Expected::List => ("「- 」で始まる行の並び", "a list of lines starting with '- '"),
        Expected::Mapping => ("「項目名: 値」の形", "'key: value' lines"),
        Expected::Other => ("別の形の値", "another kind of value"),
    }
}

/// Why a save did not happen; the edits are still on screen.
pub enum SaveMsg<'a> {
    ReadOnly,
    DiskUnreadable { why: String },
    NotAFile { what: &'static str },
    LinkOutside { target: &'a Path },
    Refused { fields: String },
    Io { why: String },
    Interrupted { why: String },
}

impl SaveMsg<'_> {
    pub fn text(&self, path: &Path, lang: Lang) -> String {
        let path = path.display();
        match self {
            SaveMsg::ReadOnly => tr!(
                lang,
                "{path} は書き込み禁止になっています。変更は画面に残っています。担当者に書き込み権限を頼んでから、もう一度 Ctrl-S を押してください。",
                "{path} has been made read-only. Your changes are kept on screen; ask for write permission, then press Ctrl-S again."
            ),
            SaveMsg::DiskUnreadable { why } => tr!(
                lang,
                "{path} を保存できません: ディスク上のファイルが壊れています（{why}）。上書きはしていません。ファイルを直してからもう一度 Ctrl-S を押してください。",
                "cannot save {path}: the file on disk is broken ({why}). Nothing was overwritten; fix the file and press Ctrl-S again."
            ),
            SaveMsg::NotAFile { what } => {
                let (ja, en) = match *what {
                    "folder" => ("フォルダ", "a folder"),
                    "fifo" => ("名前付きパイプ", "a named pipe"),
                    _ => ("特殊なファイル", "a special file"),
                };
                tr!(
                    lang,
                    "{path} を保存できません: 開いた後で{ja}に置き換えられました。上書きはしていません。変更は画面に残っています。",
                    "cannot save {path}: it was replaced by {en} after it was opened. Nothing was written; your edits are kept."
                )
            }
            SaveMsg::LinkOutside { target } => {
                let target = target.display();
                tr!(
                    lang,
                    "{path} を保存できません: データのフォルダの外（{target}）を指すリンクに置き換えられました。外には書きません。変更は画面に残っています。",
                    "cannot save {path}: it was replaced by a link out of the data folder (to {target}). Nothing was written there; your edits are kept."
                )
            }
            SaveMsg::Refused { fields } => tr!(
                lang,
                "{path} は保存していません。書き込むと読み込めなくなる項目があります: {fields}。その項目を直してから、もう一度 Ctrl-S を押してください。",
                "{path} was not saved: these fields would make it unreadable: {fields}. Correct them, then press Ctrl-S again."
            ),
            SaveMsg::Interrupted { why } => tr!(
                lang,
                "{path} の保存が途中で止まりました（hyoka の内部の誤り: {why}）。ファイルは元のままで、変更は画面と作業の控えに残っています。もう一度 Ctrl-S を押してください。繰り返すときは管理者に知らせてください。",
                "saving {path} stopped half-way (an error inside hyoka: {why}). The file is as it was; your changes are on screen and in the journal. Press Ctrl-S again; if it happens again, tell your administrator."
            ),
            SaveMsg::Io { why } => tr!(
                lang,
                "{path} を保存できません（{why}）。元のファイルはそのままで、変更も残っています。空き容量と書き込み権限を確かめて、もう一度 Ctrl-S を押してください。",
                "cannot save {path} ({why}). The file is unchanged and your edits are kept; check free space and write permission, then press Ctrl-S again."
            ),
        }
    }
}

/// One field a save refused to write, named by its place: `区民部 総務課 目標達成度: …`.
pub fn refused_field(place: &str, what: &str, lang: Lang) -> String {
    tr!(lang, "{place}: {what}（保存していません）", "{place}: {what} (not saved)")
}

/// The settings could not be read; hyoka goes on with the defaults.
pub fn settings_unreadable(path: &Path, why: &str, lang: Lang) -> String {
    let path = path.display();
    tr!(
        lang,
        "設定ファイル {path} を読めません（{why}）。既定の設定で続けます。",
        "cannot read the settings {path} ({why}); going on with the defaults."
    )
}

/// A settings file that reads but says something wrong. Said in both languages at once, since
/// the language setting itself may be what is wrong.
pub enum SettingsMsg<'a> {
    Invalid { at: String, ja: String, en: String },
    BadLang { value: &'a str },
    BadAmbiguousWidth { value: &'a str },
    BadCalendar { value: &'a str },
}

impl SettingsMsg<'_> {
    pub fn text(&self) -> String {
        match self {
            SettingsMsg::Invalid { at, ja, en } => format!(
                "{at}設定ファイルの書き方が違います（使える項目は lang、ambiguous_width、read_only、keys、git、reviewers、calendar）: {ja} / the settings file is not valid: {en}"
            ),
            SettingsMsg::BadLang { value } => {
                format!("lang: 「{value}」は使えません。ja か en にしてください / use ja or en")
            }
            SettingsMsg::BadAmbiguousWidth { value } => format!(
                "ambiguous_width: 「{value}」は使えません。auto、1、2 のどれかにしてください / use auto, 1 or 2"
            ),
            SettingsMsg::BadCalendar { value } => format!(
                "calendar: 「{value}」は使えません。era（和暦）か western（西暦）にしてください / use era or western"
            ),
        }
    }
}

/// Why a file's own layout could not be kept, as the start of a sentence.
pub fn layout_loss(why: crate::store::LayoutLoss, lang: Lang) -> String {
    match why {
        crate::store::LayoutLoss::Anchors => tr!(
            lang,
            "このファイルはアンカーや別名・タグ（&、*、!）を使っているため、",
            "the file uses anchors, aliases or tags (&, *, !), so"
        ),
        crate::store::LayoutLoss::NotUnderstood => tr!(
            lang,
            "このファイルの書き方（複数の文書など）は hyoka が部分的には書き換えられないため、",
            "hyoka cannot rewrite part of this file's layout (several documents, say), so"
        ),
    }
}
