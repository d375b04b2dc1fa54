//! What `hyoka` accepts on its command line. The words of its help and its errors are not here but
//! in the catalogue (`i18n::cli_args`), in the language in force: see `cli::words`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::builder::{OsStringValueParser, TypedValueParser as _};
use clap::{Parser, Subcommand};

use super::report::ReportFormat;
use crate::i18n::Lang;
use hyoka_data::config::AmbiguousSetting;
use hyoka_data::interchange::Format;
use hyoka_data::interchange::decode::TextEncoding;
use hyoka_data::interchange::import::InputFormat;

#[derive(Parser)]
#[command(version)]
pub struct Cli {
    #[arg(default_value = "data")]
    pub path: PathBuf,
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[arg(long, value_enum)]
    pub ambiguous_width: Option<AmbiguousSetting>,
    #[arg(long)]
    pub read_only: bool,
    #[arg(long)]
    pub commit: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    Check {
        #[arg(default_value = "data")]
        path: PathBuf,
        #[arg(long)]
        publishable: bool,
    },
    Import {
        table: PathBuf,
        #[arg(short, long, required_unless_present = "dry_run", value_parser = output())]
        output: Option<Output>,
        #[arg(short, long, value_enum)]
        format: Option<InputFormat>,
        #[arg(long, value_enum)]
        encoding: Option<TextEncoding>,
        #[arg(long)]
        sheet: Option<String>,
        #[arg(long, value_name = "FIELD=COLUMN,…")]
        columns: Option<String>,
        #[arg(long)]
        organization: Option<String>,
        #[arg(long)]
        fiscal_year: Option<i32>,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        dry_run: bool,
    },
    Keys,
    Summary {
        #[arg(default_value = "data")]
        path: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
    },
    List {
        #[arg(default_value = "data")]
        path: PathBuf,
        #[arg(long, value_delimiter = ',')]
        rating: Vec<String>,
        #[arg(long)]
        incomplete: bool,
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        kana: bool,
        #[arg(long)]
        since: Option<String>,
        #[arg(long)]
        by: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
    },
    Export {
        path: PathBuf,
        #[arg(short, long, value_name = "OUT", value_parser = output())]
        output: Output,
        #[arg(short, long, value_enum)]
        format: Option<Format>,
        #[arg(long)]
        force: bool,
    },
    Publish {
        #[arg(default_value = "data")]
        path: PathBuf,
        #[arg(short, long, value_name = "SITE", required_unless_present = "since")]
        output: Option<PathBuf>,
        #[arg(long)]
        all: bool,
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        #[arg(long, value_name = "DAY")]
        date: Option<chrono::NaiveDate>,
    },
    NewYear {
        file: PathBuf,
        #[arg(long)]
        keep_goals: bool,
        #[arg(short, long, value_parser = output())]
        output: Option<Output>,
    },
    GitSetup {
        #[arg(default_value = "data")]
        path: PathBuf,
        #[arg(long, value_name = "REPO.git", conflicts_with = "path")]
        server: Option<PathBuf>,
    },
    /// What the server's pre-receive hook runs (installed by `git-setup --server`; not typed by hand).
    #[command(hide = true)]
    PreReceive,
    Doctor {
        #[arg(default_value = "data")]
        path: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: super::doctor::DoctorFormat,
    },
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        path: PathBuf,
    },
}

/// Where a command writes (`-o`): `-` is standard output, never a file of that name, in every
/// command (a 10 KB workbook named `-` once landed at the top of this repository).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    /// The file to write, unless it is standard output.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Output::Stdout => None,
            Output::File(path) => Some(path),
        }
    }
}

impl From<OsString> for Output {
    fn from(given: OsString) -> Output {
        if given == "-" { Output::Stdout } else { Output::File(PathBuf::from(given)) }
    }
}

fn output() -> impl clap::builder::TypedValueParser<Value = Output> {
    OsStringValueParser::new().map(Output::from)
}
