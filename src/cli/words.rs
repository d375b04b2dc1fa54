//! The command line in the language in force: clap parses it, but its help and its errors are in
//! the words of the catalogue (`i18n::cli_args`), Japanese unless `--lang en` or `HYOKA_LANG=en`
//! (or the settings file) says otherwise.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory as _, FromArgMatches as _};

use super::args::Cli;
use crate::i18n::Lang;
use crate::i18n::cli_args::{about, argument, value_name};
use crate::i18n::cli_errors::{Frame, UsageError};
use hyoka_data::config::{config_path, load_config};

/// The command line read; a mistake in it is said in the language in force (exit code 2), and
/// `--help` and `--version` are printed (exit code 0).
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let lang = language(&args);
    let command = command(lang);
    // The subcommand the line names, for the usage line under a mistake.
    let named = args.iter().skip(1).filter_map(|a| a.to_str()).find_map(|a| command.find_subcommand(a)).cloned();
    let usage = match &named {
        Some(sub) => usage(sub, sub.get_name(), lang),
        None => usage(&command, "", lang),
    };
    let parsed = command.try_get_matches_from(args).and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.map_err(|error| match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Rendered from the command below: already in the language in force.
            let _ = error.print();
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
        _ => {
            eprintln!("{}", explain(&error, &usage, lang));
            ExitCode::from(2)
        }
    })
}

/// The language before the command line is parsed: `--lang`, then `HYOKA_LANG`, then the settings file.
fn language(args: &[OsString]) -> Lang {
    let mut given = None;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.to_str() {
            Some("--lang") => args.get(i + 1).and_then(|v| v.to_str()),
            Some(other) => other.strip_prefix("--lang="),
            None => None,
        };
        match value {
            Some("en") => given = Some(Lang::En),
            Some("ja") => given = Some(Lang::Ja),
            _ => {}
        }
    }
    let configured = || config_path().and_then(|path| load_config(&path).ok()).and_then(|loaded| loaded.config.lang);
    given.or_else(Lang::from_env).or_else(configured).unwrap_or_default()
}

/// hyoka's command line with every word of its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let version = Arg::new("version").short('V').long("version").action(ArgAction::Version);
    localized(Cli::command().arg(version), "", lang)
}

fn localized(command: Command, name: &str, lang: Lang) -> Command {
    let (short, more) = about(name, lang).unwrap_or_default();
    let long = match more {
        Some(more) => format!("{short}\n\n{more}"),
        None => short.clone(),
    };
    let help = Arg::new("help").short('h').long("help").action(ArgAction::Help);
    let command = command
        .about(short)
        .long_about(long)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(help)
        .subcommand_help_heading(Frame::Commands.text(lang))
        .mut_args(|arg| localized_arg(arg, name, lang));
    let usage = usage(&command, name, lang);
    command
        .override_usage(usage)
        .help_template(format!("{{about}}\n\n{}: {{usage}}\n\n{{all-args}}\n", Frame::Usage.text(lang)))
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_owned();
            localized(sub, &name, lang)
        })
}

fn localized_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let mut help = argument(command, &id, lang).unwrap_or_default();
    let values: Vec<String> =
        arg.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_owned()).collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        help.push(' ');
        help.push_str(&Frame::Values(values.join(", ")).text(lang));
    }
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() {
        help.push(' ');
        help.push_str(&Frame::Default(defaults.join(",")).text(lang));
    }
    let heading = if arg.is_positional() { Frame::Arguments } else { Frame::Options };
    let name = shown_name(&arg).map(|name| value_name(&name, lang));
    let arg = arg.help(help).help_heading(heading.text(lang));
    match name {
        // Said above in the catalogue's words, not in clap's.
        Some(name) => arg.value_name(name).hide_possible_values(true).hide_default_value(true),
        None => arg,
    }
}

/// The name clap shows for an argument's value (`PATH`), when it takes one.
fn shown_name(arg: &Arg) -> Option<String> {
    if !arg.get_action().takes_values() {
        return None;
    }
    match arg.get_value_names().and_then(|names| names.first()) {
        Some(name) => Some(name.as_str().to_owned()),
        None => Some(arg.get_id().as_str().to_uppercase()),
    }
}

/// "hyoka export [オプション] <パス>": the usage line, in the words of `lang`.
fn usage(command: &Command, name: &str, lang: Lang) -> String {
    let mut parts = vec!["hyoka".to_owned()];
    if !name.is_empty() {
        parts.push(name.to_owned());
    }
    parts.push(Frame::OptionsWord.text(lang));
    for arg in command.get_positionals() {
        let value = shown_name(arg).map(|n| value_name(&n, lang)).unwrap_or_default();
        parts.push(if arg.is_required_set() { format!("<{value}>") } else { format!("[{value}]") });
    }
    if command.has_subcommands() {
        parts.push(Frame::CommandWord.text(lang));
    }
    parts.join(" ")
}

/// A mistake on the command line: what it is, the usage line, and where to read more.
fn explain(error: &clap::Error, usage: &str, lang: Lang) -> String {
    let one = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => list.first().cloned(),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let all = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = || one(ContextKind::InvalidArg).unwrap_or_default();
    let mistake = match error.kind() {
        ErrorKind::InvalidValue => UsageError::InvalidValue {
            arg: arg(),
            value: one(ContextKind::InvalidValue).unwrap_or_default(),
            valid: all(ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => {
            UsageError::Unreadable { arg: arg(), value: one(ContextKind::InvalidValue).unwrap_or_default() }
        }
        ErrorKind::UnknownArgument => {
            UsageError::UnknownArgument { arg: arg(), suggestion: one(ContextKind::SuggestedArg) }
        }
        ErrorKind::InvalidSubcommand => UsageError::UnknownCommand {
            command: one(ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion: one(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            UsageError::Missing { args: all(ContextKind::InvalidArg) }
        }
        ErrorKind::ArgumentConflict => UsageError::Conflict { arg: arg(), other: one(ContextKind::PriorArg) },
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            UsageError::WrongCount { arg: arg() }
        }
        ErrorKind::InvalidUtf8 => UsageError::NotUtf8,
        _ => UsageError::Other,
    };
    let command: Vec<&str> = usage.split(' ').take_while(|w| !w.starts_with(['[', '<'])).collect();
    let more = Frame::MoreHelp(command.join(" "));
    format!("hyoka: {}\n\n{}: {usage}\n{}", mistake.text(lang), Frame::Usage.text(lang), more.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::cli_args::argument;

    #[test]
    fn every_command_and_argument_has_its_words_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            let top = command(lang);
            top.clone().debug_assert();
            let cli = Cli::command();
            let mut commands = vec![("", &cli)];
            commands.extend(cli.get_subcommands().map(|s| (s.get_name(), s)));
            for (name, cmd) in commands {
                assert!(about(name, lang).is_some(), "{name:?} has no words");
                for arg in cmd.get_arguments() {
                    let id = arg.get_id().as_str();
                    assert!(argument(name, id, lang).is_some(), "{name:?} {id} has no words");
                }
            }
        }
    }
}
