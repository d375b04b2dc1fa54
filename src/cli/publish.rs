//! `hyoka publish PATH -o SITE`: the published tables as a static site, written whole or not at all;
//! `--since REV` lists what changed since the data of an earlier revision.
//!
//! Exit codes: 0 published (or listed); 1 refused — a data file that does not read, a table the
//! published layout cannot carry, nothing at the published stage, an output folder that is not
//! hyoka's, a revision git does not know; 2 a usage mistake or office settings that do not read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{check, fail};
use crate::app::FileState;
use crate::i18n::Lang;
use crate::i18n::publish::PublishCliMsg;
use hyoka_core::i18n::cycle::{stage_name, status_name};
use hyoka_data::config::{PublishPolicy, publish_policy};
use hyoka_data::publish::{
    ChangeKind, PublishError, Selection, Site, SiteOptions, Source, build, changes, documents_at, select, write_site,
};

/// What the command line asked for.
pub struct PublishArgs {
    pub path: PathBuf,
    pub output: Option<PathBuf>,
    pub all: bool,
    pub since: Option<String>,
    pub date: Option<NaiveDate>,
}

pub fn run(args: &PublishArgs, lang: Lang) -> ExitCode {
    let policy = match publish_policy(&args.path) {
        Ok(policy) => policy,
        Err(message) => return fail(&message),
    };
    let files = match super::load(&args.path, lang) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let broken: Vec<_> = files
        .iter()
        .filter_map(|f| match &f.state {
            FileState::Broken(error) => Some(error),
            FileState::Loaded { .. } | FileState::Unread(_) => None,
        })
        .collect();
    if !broken.is_empty() {
        broken.iter().for_each(|e| eprintln!("{}", e.render(lang)));
        return refused(&PublishCliMsg::Broken { broken: broken.len(), files: files.len() }, lang);
    }
    let sources: Vec<Source> = files
        .iter()
        .filter_map(|f| {
            let relative = relative(&args.path, &f.path);
            Some(Source { path: f.path.clone(), relative, doc: f.doc()?.clone() })
        })
        .collect();
    let total = sources.len();
    let selection = select(sources, args.all, policy);
    say_passed_over(&selection, lang);
    if selection.tables.is_empty() {
        return refused(&PublishCliMsg::NothingToPublish { files: total }, lang);
    }
    if let Some(code) = unpublishable(&selection, lang) {
        return code;
    }
    let options = SiteOptions { lang: SITE_LANG, date: args.date };
    let site = match build(&selection, &options) {
        Ok(site) => site,
        Err(error) => return failed(&error, lang),
    };
    let changed = match &args.since {
        Some(revision) => match earlier_site(&args.path, revision, args.all, policy, &options) {
            Ok(old) => Some((revision, changes(&old, &site))),
            Err(error) => return failed(&error, lang),
        },
        None => None,
    };
    if let Some(out) = &args.output {
        if let Err(error) = write_site(&site, out, &args.path) {
            return failed(&error, lang);
        }
        let years = site.files().filter(|(path, _)| path.starts_with("summary/")).count();
        let message = PublishCliMsg::Published { out, tables: selection.tables.len(), years, files: site.len() };
        println!("{}", message.text(lang));
    }
    if let Some((revision, changed)) = changed {
        say_changes(revision, &changed, lang);
    }
    ExitCode::SUCCESS
}

/// The site speaks the documents' language, whatever the command's messages are in.
const SITE_LANG: Lang = Lang::Ja;

/// `data/kamigyo/2008.yaml` under `data` → `kamigyo/2008.yaml`; a single file → its name.
fn relative(root: &Path, path: &Path) -> PathBuf {
    match path.strip_prefix(root) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.to_path_buf(),
        _ => PathBuf::from(path.file_name().unwrap_or_default()),
    }
}

fn say_passed_over(selection: &Selection, lang: Lang) {
    if !selection.left_out.is_empty() {
        println!("{}", PublishCliMsg::LeftOut { count: selection.left_out.len() }.text(lang));
        for left in &selection.left_out {
            let status = status_name(left.status, lang);
            let (title, division, section) = (&left.title, &left.division, &left.section);
            println!("{}", PublishCliMsg::LeftOutSection { title, division, section, status }.text(lang));
        }
    }
    if !selection.not_at_stage.is_empty() {
        println!("{}", PublishCliMsg::NotAtStage { count: selection.not_at_stage.len() }.text(lang));
        for (path, stage) in &selection.not_at_stage {
            let stage = stage.map_or_else(|| PublishCliMsg::NoStage.text(lang), |s| stage_name(s, lang).to_owned());
            println!("{}", PublishCliMsg::NotAtStageFile { path, stage: &stage }.text(lang));
        }
    }
}

/// What `check --publishable` finds in the tables to publish, printed; `Some` stops the publishing.
fn unpublishable(selection: &Selection, lang: Lang) -> Option<ExitCode> {
    let (mut files, mut problems) = (0, 0);
    for table in &selection.tables {
        let lines = check::problem_lines(&table.source.path, &table.source.doc, lang);
        if !lines.is_empty() {
            files += 1;
            problems += lines.len();
        }
        lines.iter().for_each(|line| eprintln!("{line}"));
    }
    (problems > 0).then(|| refused(&PublishCliMsg::NotPublishable { files, problems }, lang))
}

/// The site the data of `revision` made, chosen by the same rules.
fn earlier_site(
    path: &Path,
    revision: &str,
    all: bool,
    policy: PublishPolicy,
    options: &SiteOptions,
) -> Result<Site, PublishError> {
    build(&select(documents_at(path, revision)?, all, policy), options)
}

fn say_changes(revision: &str, changed: &[hyoka_data::publish::Change], lang: Lang) {
    if changed.is_empty() {
        println!("{}", PublishCliMsg::Unchanged { revision }.text(lang));
        return;
    }
    println!("{}", PublishCliMsg::Since { revision, count: changed.len() }.text(lang));
    for change in changed {
        let path = change.path.as_str();
        let line = match change.kind {
            ChangeKind::Added => PublishCliMsg::Added { path },
            ChangeKind::Changed => PublishCliMsg::Changed { path },
            ChangeKind::Removed => PublishCliMsg::Removed { path },
        };
        println!("{}", line.text(lang));
    }
}

fn failed(error: &PublishError, lang: Lang) -> ExitCode {
    eprintln!("hyoka: {}", error.describe(lang));
    eprintln!("{}", PublishCliMsg::NothingWritten.text(lang));
    ExitCode::FAILURE
}

fn refused(message: &PublishCliMsg, lang: Lang) -> ExitCode {
    eprintln!("{}", message.text(lang));
    eprintln!("{}", PublishCliMsg::NothingWritten.text(lang));
    ExitCode::FAILURE
}
