//! `hyoka export` and the reading side of `hyoka import`: files, messages, exit codes.
//! The formats themselves are in the library (`hyoka::interchange`), which does no I/O.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hyoka::i18n::Lang;
use hyoka::interchange::tsv::{ImportOptions, import_table, preface_names_document};
use hyoka::interchange::{self, Format, xlsx};
use hyoka::model::Document;
use hyoka::store::{Found, discover, load_file, write_atomically};

use crate::fail;

/// The table as a document: an `.xlsx` by its extension, tab-separated text otherwise.
pub fn read_table(table: &Path, options: &ImportOptions, lang: Lang) -> Result<Document, ExitCode> {
    let bytes = std::fs::read(table).map_err(|e| {
        fail(match lang {
            Lang::Ja => format!("{} を読めません（{e}）。ファイルの場所と権限を確かめてください。", table.display()),
            Lang::En => format!("cannot read {} ({e}); check the file's location and permissions.", table.display()),
        })
    })?;
    if table.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        return xlsx::import_workbook(&bytes, options).map_err(|e| {
            eprintln!("{}: {}", table.display(), e.describe(lang));
            ExitCode::FAILURE
        });
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(fail(match lang {
            Lang::Ja => format!(
                "{} がUTF-8ではありません。表計算ソフトで「UTF-8 のテキスト」として保存し直してください。",
                table.display()
            ),
            Lang::En => format!("{} is not UTF-8; save it again as UTF-8 text.", table.display()),
        }));
    };
    import_table(&text, options).map_err(|e| {
        eprintln!("{}:{}:{}: {}", table.display(), e.line, e.column, e.describe(lang));
        ExitCode::FAILURE
    })
}

/// `hyoka export`: every YAML file under `path` in `format`. Nothing is written when an output
/// exists without `force`; a broken or unexportable file is reported and skipped, the exit code says so.
pub fn export(path: &Path, output: &Path, format: Option<Format>, force: bool, lang: Lang) -> ExitCode {
    let format = format.or_else(|| output.extension().and_then(|e| e.to_str()).and_then(Format::from_extension));
    let Some(format) = format else {
        return fail(match lang {
            Lang::Ja => "書き出す形式が分かりません。--format html|csv|md|tsv|xlsx を付けるか、出力先に .html などの拡張子を付けてください。".into(),
            Lang::En => "cannot tell the format; add --format html|csv|md|tsv|xlsx or give the output an extension such as .html.".into(),
        });
    };
    let plan = match export_plan(path, output, format, lang) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    if let Some((_, to)) = plan.iter().find(|(_, to)| hyoka::app::is_data_path(to)) {
        return fail(match lang {
            Lang::Ja => {
                format!("{} はデータファイル（.yaml）です。書き出し先には別の名前を指定してください。", to.display())
            }
            Lang::En => format!("{} is a data file (.yaml); give the export another name.", to.display()),
        });
    }
    let existing: Vec<String> =
        plan.iter().filter(|(_, to)| to.exists()).map(|(_, to)| to.display().to_string()).collect();
    if !existing.is_empty() && !force {
        return fail(match lang {
            Lang::Ja => format!("{} はもうあります。上書きするなら --force を付けてください。", existing.join("、")),
            Lang::En => format!("{} exists already; add --force to overwrite.", existing.join(", ")),
        });
    }
    let failed = plan.iter().filter(|(from, to)| !export_one(from, to, format, lang)).count();
    if failed == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "{}",
        match lang {
            Lang::Ja => format!("{}ファイル中{failed}ファイルは書き出せませんでした。", plan.len()),
            Lang::En => format!("{failed} of {} files were not exported.", plan.len()),
        }
    );
    ExitCode::FAILURE
}

/// Which YAML file goes where: a file to the output file (or into the output folder), a folder's
/// files into the output folder at the same relative places, so that files of the same name in
/// different folders (kamigyo/2008.yaml, nakagyo/2008.yaml) do not overwrite each other.
fn export_plan(path: &Path, output: &Path, format: Format, lang: Lang) -> Result<Vec<(Found, PathBuf)>, ExitCode> {
    let sources = discover(path).map_err(|e| {
        fail(match lang {
            Lang::Ja => {
                format!("「{}」を開けません（{e}）。YAMLファイルかデータのフォルダを指定してください。", path.display())
            }
            Lang::En => format!("cannot open '{}' ({e}); give a YAML file or a data folder.", path.display()),
        })
    })?;
    let from_folder = path.is_dir();
    if from_folder && output.is_file() {
        return Err(fail(match lang {
            Lang::Ja => format!(
                "{} はファイルです。フォルダを書き出すときは、出力先にフォルダを指定してください。",
                output.display()
            ),
            Lang::En => {
                format!("{} is a file; when exporting a folder, give a folder as the output.", output.display())
            }
        }));
    }
    if sources.is_empty() {
        return Err(fail(match lang {
            Lang::Ja => format!("「{}」にYAMLファイルがありません。別のフォルダを指定してください。", path.display()),
            Lang::En => format!("there are no YAML files in '{}'; give another folder.", path.display()),
        }));
    }
    let extension = format.extension();
    let target = |source: &Path| -> PathBuf {
        let name = Path::new(source.file_name().unwrap_or_default()).with_extension(extension);
        if from_folder {
            output.join(source.strip_prefix(path).unwrap_or(&name)).with_extension(extension)
        } else if output.is_dir() {
            output.join(name)
        } else {
            output.to_path_buf()
        }
    };
    let plan: Vec<(Found, PathBuf)> = sources
        .into_iter()
        .map(|source| {
            let to = target(source.path());
            (source, to)
        })
        .collect();
    match plan
        .iter()
        .enumerate()
        .find_map(|(i, (from, to))| plan.iter().take(i).find(|(_, t)| t == to).map(|o| (o.0.path(), from.path(), to)))
    {
        Some((other, from, to)) => Err(fail(match lang {
            Lang::Ja => format!(
                "{} と {} はどちらも {} になります。どちらかの名前を変えてください。",
                other.display(),
                from.display(),
                to.display()
            ),
            Lang::En => format!(
                "{} and {} would both be written to {}; rename one of them.",
                other.display(),
                from.display(),
                to.display()
            ),
        })),
        None => Ok(plan),
    }
}

/// Exports one file, saying what happened; false when nothing was written.
fn export_one(from: &Found, to: &Path, format: Format, lang: Lang) -> bool {
    let from = match from {
        Found::File(path) => path,
        Found::Refused(error) => {
            // A FIFO or a link out of the folder: reported, never opened.
            eprintln!("{}", error.render(lang));
            return false;
        }
    };
    let doc = match load_file(from) {
        Ok((doc, _)) => doc,
        Err(e) => {
            eprintln!("{}", e.render(lang));
            return false;
        }
    };
    let bytes = match interchange::export(&doc, format) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: {}", from.display(), e.describe(lang));
            return false;
        }
    };
    let written = match to.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => std::fs::create_dir_all(dir).and_then(|()| write_atomically(to, &bytes)),
        None => write_atomically(to, &bytes),
    };
    if let Err(e) = written {
        eprintln!(
            "hyoka: {}",
            match lang {
                Lang::Ja =>
                    format!("{} に書き込めません（{e}）。フォルダの場所と権限を確かめてください。", to.display()),
                Lang::En =>
                    format!("cannot write {} ({e}); check the folder's location and permissions.", to.display()),
            }
        );
        return false;
    }
    match lang {
        Lang::Ja => println!("書き出しました: {}", to.display()),
        Lang::En => println!("wrote {}", to.display()),
    }
    if matches!(format, Format::Tsv | Format::Xlsx) && !preface_names_document(&doc) {
        identity_note(to, lang);
    }
    true
}

/// The table carries the organisation and year only in its preface; say so before an import fails.
fn identity_note(to: &Path, lang: Lang) {
    eprintln!(
        "{}",
        match lang {
            Lang::Ja => format!(
                "注意: {} の前書きからは組織名と年度が読めません。取り込むときは --organization と --fiscal-year を付けてください。",
                to.display()
            ),
            Lang::En => format!(
                "note: the preface in {} does not name the organisation and fiscal year; give --organization and --fiscal-year when importing it.",
                to.display()
            ),
        }
    );
}
