//! The words clap itself writes around the help (`Usage:`, `Options:`) and what a mistake on the
//! command line is called, by the kind of clap's error.

use super::Lang;
use crate::tr;

/// The words clap itself would write in English.
pub enum Frame {
    Usage,
    Arguments,
    Options,
    Commands,
    OptionsWord,
    CommandWord,
    /// After an argument's help: the value used when it is left out.
    Default(String),
    /// After an argument's help: the values it takes.
    Values(String),
    /// After an error: where to read more.
    MoreHelp(String),
}

impl Frame {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Frame::Usage => tr!(lang, "使い方", "Usage"),
            Frame::Arguments => tr!(lang, "引数", "Arguments"),
            Frame::Options => tr!(lang, "オプション", "Options"),
            Frame::Commands => tr!(lang, "コマンド", "Commands"),
            Frame::OptionsWord => tr!(lang, "[オプション]", "[OPTIONS]"),
            Frame::CommandWord => tr!(lang, "[コマンド]", "[COMMAND]"),
            Frame::Default(value) => tr!(lang, "［省略時: {value}］", "[default: {value}]"),
            Frame::Values(values) => tr!(lang, "［{values} のどれか］", "[one of: {values}]"),
            Frame::MoreHelp(command) => tr!(lang, "詳しくは {command} --help", "for more, {command} --help"),
        }
    }
}

/// A mistake on the command line, from clap's error of that kind.
pub enum UsageError {
    /// `--format xml`
    InvalidValue {
        arg: String,
        value: String,
        valid: Vec<String>,
    },
    /// `--fiscal-year 二〇〇八`: a value of the right kind could not be read from it.
    Unreadable {
        arg: String,
        value: String,
    },
    UnknownArgument {
        arg: String,
        suggestion: Option<String>,
    },
    UnknownCommand {
        command: String,
        suggestion: Option<String>,
    },
    Missing {
        args: Vec<String>,
    },
    Conflict {
        arg: String,
        other: Option<String>,
    },
    WrongCount {
        arg: String,
    },
    NotUtf8,
    Other,
}

impl UsageError {
    pub fn text(&self, lang: Lang) -> String {
        let said = match self {
            UsageError::InvalidValue { arg, value, valid } => {
                let valid = valid.join(lang.pick("・", ", "));
                tr!(
                    lang,
                    "{arg} に「{value}」は使えません。使えるのは {valid} です。",
                    "'{value}' is not a value of {arg}; use one of {valid}."
                )
            }
            UsageError::Unreadable { arg, value } => {
                tr!(lang, "{arg} の値「{value}」を読めません。", "cannot read the value '{value}' of {arg}.")
            }
            UsageError::UnknownArgument { arg, .. } => {
                tr!(lang, "「{arg}」という引数・オプションはありません。", "there is no argument or option '{arg}'.")
            }
            UsageError::UnknownCommand { command, .. } => {
                tr!(lang, "「{command}」というコマンドはありません。", "there is no command '{command}'.")
            }
            UsageError::Missing { args } => {
                let args = args.join(lang.pick("・", ", "));
                tr!(lang, "{args} を指定してください。", "{args} must be given.")
            }
            UsageError::Conflict { arg, other: Some(other) } => {
                tr!(lang, "{arg} と {other} は一緒には使えません。", "{arg} cannot be used with {other}.")
            }
            UsageError::Conflict { arg, other: None } => {
                tr!(lang, "{arg} はここでは使えません。", "{arg} cannot be used here.")
            }
            UsageError::WrongCount { arg } => {
                tr!(lang, "{arg} の値の数が違います。", "{arg} has the wrong number of values.")
            }
            UsageError::NotUtf8 => tr!(lang, "引数が UTF-8 ではありません。", "an argument is not UTF-8."),
            UsageError::Other => tr!(lang, "コマンドラインを読めません。", "the command line cannot be read."),
        };
        let suggestion = match self {
            UsageError::UnknownArgument { suggestion: Some(s), .. }
            | UsageError::UnknownCommand { suggestion: Some(s), .. } => {
                tr!(lang, "「{s}」のことですか。", "did you mean '{s}'?")
            }
            _ => String::new(),
        };
        if suggestion.is_empty() { said } else { format!("{said}{}{suggestion}", lang.pick("", " ")) }
    }
}
