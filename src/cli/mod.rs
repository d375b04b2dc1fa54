//! The command line: what `hyoka` accepts (clap), and the commands that run without a screen.

mod check;
mod export;
mod git_setup;
mod import;
mod list;
mod merge_driver;
mod new_year;
mod publish;
mod report;
mod summary;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::app::keymap::{KeyConfigError, Keymap};
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;
use hyoka_data::config::{AmbiguousSetting, Config, config_path, load_config};
use hyoka_data::interchange::Format;
use hyoka_data::interchange::columns::ColumnMap;
use hyoka_data::interchange::decode::TextEncoding;
use hyoka_data::interchange::import::{ImportOptions, InputFormat};
use report::ReportFormat;

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
    /// 保存するたびに git にコミットする（設定ファイルの git: { commit: true } と同じ）
    /// / commit each save to git (as `git: { commit: true }` in the settings file)
    #[arg(long)]
    pub commit: bool,
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
        /// 公表用の表（hyoka export --format tsv）に書き出せないところも報告する
        /// / also report what the published table (export --format tsv) would refuse
        #[arg(long)]
        publishable: bool,
    },
    /// 公表用の表（タブ区切り・カンマ区切りのテキストか Excel .xlsx）を取り込んで YAML を作る
    /// / import the published table (tab- or comma-separated text, or .xlsx) into YAML
    ///
    /// 形式は --format か拡張子（.xlsx .csv、ほかはタブ区切り）で、文字コードは BOM か --encoding で決まります
    /// （BOM がなければ UTF-8）。最後に、部・課・目標の数と警告をまとめて表示します。フォルダを渡すと、
    /// 中の表をすべて -o のフォルダに 組織名/年度.yaml として取り込みます。
    ///
    /// The format comes from --format or the extension (.xlsx, .csv, otherwise tab-separated), the
    /// encoding from the byte-order mark or --encoding (UTF-8 without either). A summary of what was
    /// read (divisions, sections, goals, warnings) ends every import. A folder imports every table in
    /// it into the -o folder, as ORGANISATION/YEAR.yaml.
    Import {
        /// 取り込む表かフォルダ / the table (tab- or comma-separated text, or an .xlsx workbook), or a folder of them
        table: PathBuf,
        /// 書き出す YAML（- なら標準出力。フォルダを取り込むときは書き出し先のフォルダ）
        /// / the YAML file to write (- for standard output; for a folder, the folder to write into)
        #[arg(short, long, required_unless_present = "dry_run")]
        output: Option<PathBuf>,
        /// 形式（省略すると拡張子から） / the table's format; by default from the extension
        #[arg(short, long, value_enum)]
        format: Option<InputFormat>,
        /// 文字コード（BOM がないとき。Excel の「CSV」「テキスト」は cp932） / the encoding when there is no BOM
        #[arg(long, value_enum)]
        encoding: Option<TextEncoding>,
        /// xlsx のシート名（省略すると表のある最初のシート） / the sheet; by default the first with the table
        #[arg(long)]
        sheet: Option<String>,
        /// 列の意味（見出しか列の文字で）: 'goals=組織目標,progress=取組内容,rating=評価,reflection=成果'
        /// / which column holds which field, by heading or column letter
        #[arg(long, value_name = "FIELD=COLUMN,…")]
        columns: Option<String>,
        /// 組織名（前書きから読めないとき） / organisation, when the preface does not say
        #[arg(long)]
        organization: Option<String>,
        /// 年度の西暦（2008 = 平成20年度） / fiscal year as a Western year
        #[arg(long)]
        fiscal_year: Option<i32>,
        /// 既存のファイルを上書きする / overwrite an existing file
        #[arg(long)]
        force: bool,
        /// 書き込まずに、YAML と要約を表示する / print the YAML and the summary, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// 使えるキー（設定ファイルの keys: を反映）を表で表示する / print the key bindings in force
    Keys,
    /// 目標達成度の分布を組織・年度・部ごとに表示する / the distribution of ratings per organisation, year and division
    ///
    /// 終了コード / exit codes: 0 成功 / done; 1 読めないデータファイルがある（ほかは集計）/ a data file could not
    /// be read (the others are summed up); 2 使い方の誤り・データがない / usage, or no data files.
    #[command(after_help = SUMMARY_EXAMPLES)]
    Summary {
        /// データのフォルダかファイル / a data folder or file
        #[arg(default_value = "data")]
        path: PathBuf,
        /// 出力の形式 / output format
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
    },
    /// 条件に合う課を一覧にする / list the sections that match
    ///
    /// 終了コード / exit codes: 0 該当あり / sections listed; 1 読めないデータファイルがある（ほかは一覧）/ a data
    /// file could not be read (the others are listed); 2 使い方の誤り・データがない / usage, or no data files;
    /// 3 該当なし / no section matches.
    #[command(after_help = LIST_EXAMPLES)]
    List {
        /// データのフォルダかファイル / a data folder or file
        #[arg(default_value = "data")]
        path: PathBuf,
        /// 達成度（カンマ区切り、未評価も） / ratings, comma-separated: ◎,○,△,×,未評価
        #[arg(long, value_delimiter = ',')]
        rating: Vec<String>,
        /// 未記入の項目がある課だけ / only sections with an empty field
        #[arg(long)]
        incomplete: bool,
        /// この語句を含む課（全角・半角、大文字・小文字を区別しない） / holding this text (width and case ignored)
        #[arg(long)]
        search: Option<String>,
        /// ひらがなとカタカナを区別しない / hiragana and katakana alike in --search
        #[arg(long)]
        kana: bool,
        /// この日以降に更新された課 / changed on or after this day (2008-11-30)
        #[arg(long)]
        since: Option<String>,
        /// この人が更新した課 / last changed by this login name
        #[arg(long)]
        by: Option<String>,
        /// 出力の形式 / output format
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
    },
    /// YAML を HTML・CSV・Markdown・表（TSV）・Excel に書き出す / export YAML as html, csv, md, tsv or xlsx
    ///
    /// PATH が YAML ファイルなら、OUT は書き出すファイルです。
    /// PATH がフォルダなら OUT もフォルダで、YAML ファイルごとに同じ相対位置・同じ名前（拡張子だけ違う）で書き出します
    /// （data/kamigyo/2008.yaml → OUT/kamigyo/2008.html）。
    /// 読めない YAML は file:行:桁 で知らせて書き出さず、ほかのファイルは書き出します。
    /// 既存のファイルは --force なしには上書きしません。-o - なら標準出力に書き出します（xlsx は端末には書き出しません）。
    ///
    /// PATH a YAML file: OUT is the file to write, or - for standard output (xlsx only to a pipe or
    /// a file). PATH a folder: OUT is a folder, with one output per
    /// YAML file at the same relative place, named after its stem (data/kamigyo/2008.yaml →
    /// OUT/kamigyo/2008.html). Broken YAML files are reported as file:line:column and not exported;
    /// the others are. Existing files are not overwritten without --force.
    Export {
        /// 書き出す YAML ファイルかフォルダ / a YAML file or a folder of them
        path: PathBuf,
        /// 書き出し先（ファイル、PATH がフォルダならフォルダ、- なら標準出力）
        /// / output file, folder when PATH is a folder, - for standard output
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// 形式。省略すると OUT の拡張子から / the format; by default from OUT's extension
        #[arg(short, long, value_enum)]
        format: Option<Format>,
        /// 既存のファイルを上書きする / overwrite existing files
        #[arg(long)]
        force: bool,
    },
    /// 公表用のウェブサイトを書き出す（組織・年度ごとの表、年度ごとの集計、一覧。CSV・Excel 付き）
    /// / write the published tables as a static site (a page per organisation and year, a summary per year, an index)
    ///
    /// 公表の段階（stage: published）のファイルだけを載せます（--all ならすべて）。データフォルダの設定
    /// （.hyoka.yaml）に publish: approved_only とあれば、承認済みの課だけを載せます。読めないファイルや、
    /// 公表用の表に載せられないところ（hyoka check --publishable）があれば何も書きません。サイトは別の
    /// フォルダに書いてから置き換えるので、途中までのサイトが残ることはありません。
    /// 終了コード: 0 公表した / 1 公表しなかった（前の公表はそのまま）/ 2 使い方の誤り・設定の誤り。
    ///
    /// Only files at the published stage (--all: every file); only approved sections where the data
    /// folder's settings say publish: approved_only. A file that does not read, or that the
    /// published table cannot carry, stops it; the site is written beside SITE and moved in place
    /// whole. Exit codes: 0 published; 1 refused (the old site is unchanged); 2 usage or settings.
    #[command(after_help = PUBLISH_EXAMPLES)]
    Publish {
        /// データのフォルダかファイル / a data folder or file
        #[arg(default_value = "data")]
        path: PathBuf,
        /// 書き出すサイトのフォルダ（hyoka が前に書いたものは置き換え） / the site's folder (replaced when hyoka wrote it)
        #[arg(short, long, value_name = "SITE", required_unless_present = "since")]
        output: Option<PathBuf>,
        /// 段階にかかわらずすべてのファイルを載せる / every file, whatever its stage
        #[arg(long)]
        all: bool,
        /// この版（git のタグやコミット）の公表から内容が変わったファイルを一覧にする
        /// / list the files whose content changed since this git revision's data (a tag or commit)
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        /// 各ページに掲載日として載せる日（2009-04-30）。省略すると日付は載せません
        /// / the day of publication printed on every page (2009-04-30); none unless given
        #[arg(long, value_name = "DAY")]
        date: Option<NaiveDate>,
    },
    /// 次の年度のファイルを作る（組織・部・課・評価の区分を引き継ぎ、ほかは空。上書きはしない）
    /// / write next year's file: same organisation, divisions, sections and scale; never overwrites
    ///
    /// data/kamigyo/2008.yaml → data/kamigyo/2009.yaml。前書きの年度も進めます（平成30年度 → 令和元年度）。
    /// 取組状況の時点は一年後に、段階は goals（年度当初）になります。目標は --keep-goals のときだけ引き継ぎます。
    /// 終了コード: 0 作成 / 1 そのファイルか年度がもうある・元のファイルが読めない / 2 ファイル名に年度がなく -o もない。
    ///
    /// The preface's year moves on (平成30年度 → 令和元年度), the checkpoint a year later, the stage
    /// is goals. Exit codes: 0 written; 1 the file or the year exists, or FILE does not load; 2 no
    /// year in FILE's name and no -o.
    NewYear {
        /// 今年度のファイル / this year's file
        file: PathBuf,
        /// 目標を引き継ぐ / carry the goals over
        #[arg(long)]
        keep_goals: bool,
        /// 書き出すファイル（省略すると年度を一つ進めた名前） / the file to write; by default the name with the year counted on
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// git の設定: データを項目ごとにマージするドライバーとコミット前の検査を入れる（何度実行しても同じ）
    /// / set up a git clone: the field-level merge driver and the pre-commit check (safe to run again)
    GitSetup {
        /// データのフォルダ（この中の .gitattributes に書きます） / the data folder (its .gitattributes is written)
        #[arg(default_value = "data")]
        path: PathBuf,
    },
    /// git が呼ぶマージドライバー: git merge・git pull でデータファイルを項目ごとにマージする
    /// / the merge driver git calls (%O %A %B %P): merges data files field by field
    MergeDriver {
        /// 共通の祖先 (%O) / the common ancestor
        base: PathBuf,
        /// こちら側、結果もここへ (%A) / ours, and where the result goes
        ours: PathBuf,
        /// 向こう側 (%B) / theirs
        theirs: PathBuf,
        /// 作業ツリーでのパス (%P) / the path in the work tree
        path: PathBuf,
    },
}

const SUMMARY_EXAMPLES: &str = "例 / examples:
  hyoka summary data
  hyoka summary data --format json > summary.json
  hyoka summary data/kamigyo --format csv > 上京区.csv";

const PUBLISH_EXAMPLES: &str = "例 / examples:
  hyoka publish data -o site
  hyoka publish data -o site --all --date 2009-04-30
  hyoka publish data --since v2025          # 書き出さずに、変わったファイルだけを表示 / list only
  hyoka publish data -o site --since v2025";

const LIST_EXAMPLES: &str = "例 / examples:
  hyoka list data --rating △,×
  hyoka list data --rating 未評価 --incomplete
  hyoka list data --search ホームページ --format json
  hyoka list data --since 2008-11-01 --by tanaka --format tsv
  hyoka list data --rating × >/dev/null; echo $?   # 0: あり / some, 3: なし / none";

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
    let keymap = match Keymap::with_overrides(&config.keys) {
        Ok(keymap) => keymap,
        Err(e) => {
            let path = config_path().map(|p| p.display().to_string()).unwrap_or_default();
            return fail(&bad_keys(path, e).text(lang));
        }
    };
    match cli.command {
        Some(Command::Check { path, publishable }) => check::run(&path, publishable, lang),
        Some(Command::Import {
            table,
            output,
            format,
            encoding,
            sheet,
            columns,
            organization,
            fiscal_year,
            force,
            dry_run,
        }) => {
            let columns = match columns.as_deref().map(ColumnMap::parse).transpose() {
                Ok(columns) => columns,
                Err(problem) => return fail(&problem.text(lang)),
            };
            let options = ImportOptions { organization, fiscal_year, format, encoding, sheet, columns };
            import::run(&import::ImportArgs { table, output, options, force, dry_run }, lang)
        }
        Some(Command::Export { path, output, format, force }) => export::run(&path, &output, format, force, lang),
        Some(Command::Publish { path, output, all, since, date }) => {
            publish::run(&publish::PublishArgs { path, output, all, since, date }, lang)
        }
        Some(Command::GitSetup { path }) => git_setup::run(&path, lang),
        Some(Command::NewYear { file, keep_goals, output }) => new_year::run(&file, output, keep_goals, lang),
        Some(Command::MergeDriver { base, ours, theirs, path }) => {
            merge_driver::run(&base, &ours, &theirs, &path, lang)
        }
        Some(Command::Summary { path, format }) => summary::run(&path, format, lang),
        Some(Command::List { path, rating, incomplete, search, kana, since, by, format }) => {
            list::run(&path, &list::ListArgs { ratings: rating, incomplete, search, since, by, kana, format }, lang)
        }
        Some(Command::Keys) => {
            print!("{}", keymap.markdown());
            ExitCode::SUCCESS
        }
        None => {
            let files = match open_files(&cli.path, lang) {
                Ok(files) => files,
                Err(code) => return code,
            };
            let read_only = cli.read_only || config.read_only.unwrap_or(false);
            let commit = cli.commit || config.commit.unwrap_or(false);
            let notices = warning.iter().map(|w| w.describe(lang)).collect();
            let data_root = Some(cli.path.clone());
            // The data folder's own settings are the office's word; the user's file only where it has none.
            let reviewers = match hyoka_data::config::data_settings(&cli.path) {
                Ok(Some((_, reviewers))) => Some(reviewers),
                Ok(None) => config.reviewers.clone(),
                Err(message) => return fail(&message),
            };
            let calendar = config.calendar.unwrap_or_default();
            let options = crate::tui::Options {
                lang,
                ambiguous,
                read_only,
                keymap,
                commit,
                notices,
                data_root,
                reviewers,
                calendar,
            };
            match crate::tui::open(files, options) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(signal) => ExitCode::from(128u8.saturating_add(u8::try_from(signal).unwrap_or(0))),
                Err(e) => fail(&CliMsg::TerminalFailed { why: e.to_string() }.text(lang)),
            }
        }
    }
}

/// Says what went wrong on standard error; exit code 2 (usage or environment, not the data).
pub fn fail(message: &str) -> ExitCode {
    eprintln!("hyoka: {message}");
    ExitCode::from(2)
}

/// Every data file under `path`, broken ones included; an unusable path is said and ends the command.
pub fn load(path: &Path, lang: Lang) -> Result<Vec<crate::app::FileEntry>, ExitCode> {
    found(path, lang, crate::worker::load_workspace)
}

/// The data files under `path` as the screen opens on them: named by their first lines, the
/// first one read; the others are read once the screen shows.
fn open_files(path: &Path, lang: Lang) -> Result<Vec<crate::app::FileEntry>, ExitCode> {
    found(path, lang, crate::worker::open_workspace)
}

type Finder = fn(&Path) -> std::io::Result<Vec<crate::app::FileEntry>>;

fn found(path: &Path, lang: Lang, find: Finder) -> Result<Vec<crate::app::FileEntry>, ExitCode> {
    let files = find(path).map_err(|e| fail(&CliMsg::CannotOpen { path, why: e.to_string() }.text(lang)))?;
    if files.is_empty() {
        return Err(fail(&CliMsg::NoDataFiles { path }.text(lang)));
    }
    Ok(files)
}

/// A mistake in the settings file's `keys:`, in the clerk's words.
fn bad_keys(path: String, error: KeyConfigError) -> CliMsg<'static> {
    match error {
        KeyConfigError::UnknownCommand { name, known } => CliMsg::UnknownBinding { path, name, known },
        KeyConfigError::BadKey { name, key } => CliMsg::BadKeyName { path, name, key: key.0 },
        KeyConfigError::Twice { key, context, first, second } => CliMsg::KeyTwice { path, key, context, first, second },
    }
}
