//! What `hyoka` accepts on its command line. The words of its help and its errors are not here but
//! in the catalogue (`i18n::cli_args`), in the language in force: see `cli::words`.

use std::path::PathBuf;

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
        #[arg(short, long, required_unless_present = "dry_run")]
        output: Option<PathBuf>,
        #[arg(short, long, value_enum)]
        format: Option<InputFormat>,
        #[arg(long, value_enum)]
        encoding: Option<TextEncoding>,
        #[arg(long)]
        sheet: Option<String>,
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
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        #[arg(short, long, value_enum)]
        format: Option<Format>,
        #[arg(long)]
        force: bool,
    },
    NewYear {
        file: PathBuf,
        #[arg(long)]
        keep_goals: bool,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    GitSetup {
        #[arg(default_value = "data")]
        path: PathBuf,
    },
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        path: PathBuf,
    },
}
