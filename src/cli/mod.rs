//! The command line: what `hyoka` accepts (clap), and the commands that run without a screen.

mod check;
mod export;
mod import;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{AmbiguousSetting, Config, config_path, load_config};
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use crate::interchange::Format;
use crate::interchange::tsv::ImportOptions;

/// 評価 hyoka — 所属等の目標・取組状況・目標達成度・振り返りを端末で書く・読む
/// (goals, progress, rating and reflection of each section, in the terminal)
#[derive(Parser)]
#[command(version)]
pub struct Cli {
    /// 開くデータ: YAMLファイルかフォルダ（中の *.yaml をすべて開く） / a YAML file or a folder of them
    #[arg(default_value = "data")]
    pub path: PathBuf,
    /// 表示の言語 / language of the screen and messages (also HYOKA_LANG)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// ◎○△×①※→ などの幅: auto は端末に尋ねる / columns the terminal gives ambiguous characters; auto asks it
    #[arg(long, value_enum)]
    pub ambiguous_width: Option<AmbiguousSetting>,
    /// 閲覧専用（部長・企画担当向け）: 書き換え・保存・ロック・記録を一切しない
    /// / reviewer mode: no edits, no saves, no lock files, no journal
    #[arg(long)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// データを検査するだけ（誤りがあれば終了コード1）。git の pre-commit フックにも使えます
    /// / validate without opening the screen; exits 1 on any error
    Check {
        #[arg(default_value = "data")]
        path: PathBuf,
    },
    /// 公表用の表（タブ区切り .tsv か Excel .xlsx）を取り込んで YAML を作る
    /// / import the published table (tab-separated, or .xlsx) into YAML
    Import {
        /// 取り込む表（.xlsx なら Excel の最初のシート） / the table: tab-separated text, or the first sheet of an .xlsx
        table: PathBuf,
        /// 書き出す YAML / the YAML file to write
        #[arg(short, long)]
        output: PathBuf,
        /// 組織名（前書きから読めないとき） / organisation, when the preface does not say
        #[arg(long)]
        organization: Option<String>,
        /// 年度の西暦（2008 = 平成20年度） / fiscal year as a Western year
        #[arg(long)]
        fiscal_year: Option<i32>,
        /// 既存のファイルを上書きする / overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// YAML を HTML・CSV・Markdown・表（TSV）・Excel に書き出す / export YAML as html, csv, md, tsv or xlsx
    ///
    /// PATH が YAML ファイルなら、OUT は書き出すファイルです。
    /// PATH がフォルダなら OUT もフォルダで、YAML ファイルごとに同じ相対位置・同じ名前（拡張子だけ違う）で書き出します
    /// （data/kamigyo/2008.yaml → OUT/kamigyo/2008.html）。
    /// 読めない YAML は file:行:桁 で知らせて書き出さず、ほかのファイルは書き出します。
    /// 既存のファイルは --force なしには上書きしません。
    ///
    /// PATH a YAML file: OUT is the file to write. PATH a folder: OUT is a folder, with one output per
    /// YAML file at the same relative place, named after its stem (data/kamigyo/2008.yaml →
    /// OUT/kamigyo/2008.html). Broken YAML files are reported as file:line:column and not exported;
    /// the others are. Existing files are not overwritten without --force.
    Export {
        /// 書き出す YAML ファイルかフォルダ / a YAML file or a folder of them
        path: PathBuf,
        /// 書き出し先（ファイル、PATH がフォルダならフォルダ） / output file, or folder when PATH is a folder
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// 形式。省略すると OUT の拡張子から / the format; by default from OUT's extension
        #[arg(short, long, value_enum)]
        format: Option<Format>,
        /// 既存のファイルを上書きする / overwrite existing files
        #[arg(long)]
        force: bool,
    },
}

/// Runs what the command line asks for; the exit code says how it went.
pub fn run(cli: Cli) -> ExitCode {
    let (config, warning) = match config_path().map(|path| load_config(&path)) {
        Some(Ok(loaded)) => (loaded.config, loaded.warning),
        None => (Config::default(), None),
        Some(Err(message)) => return fail(&message),
    };
    let lang = cli.lang.or_else(Lang::from_env).or(config.lang).unwrap_or_default();
    if let Some(warning) = &warning {
        // Before the screen takes the terminal, so that it is seen (and in the log of a command).
        eprintln!("hyoka: {}", warning.describe(lang));
    }
    let ambiguous = cli.ambiguous_width.or(config.ambiguous_width).unwrap_or_default();
    match cli.command {
        Some(Command::Check { path }) => check::run(&path, lang),
        Some(Command::Import { table, output, organization, fiscal_year, force }) => {
            import::run(&table, &output, &ImportOptions { organization, fiscal_year }, force, lang)
        }
        Some(Command::Export { path, output, format, force }) => export::run(&path, &output, format, force, lang),
        None => crate::tui::open(&cli.path, lang, ambiguous, cli.read_only || config.read_only.unwrap_or(false)),
    }
}

/// Says what went wrong on standard error; exit code 2 (usage or environment, not the data).
pub fn fail(message: &str) -> ExitCode {
    eprintln!("hyoka: {message}");
    ExitCode::from(2)
}

/// Every data file under `path`, broken ones included; an unusable path is said and ends the command.
pub fn load(path: &Path, lang: Lang) -> Result<Vec<crate::app::FileEntry>, ExitCode> {
    let files = crate::app::load_workspace(path)
        .map_err(|e| fail(&CliMsg::CannotOpen { path, why: e.to_string() }.text(lang)))?;
    if files.is_empty() {
        return Err(fail(&CliMsg::NoDataFiles { path }.text(lang)));
    }
    Ok(files)
}
