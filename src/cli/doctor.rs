//! `hyoka doctor [PATH]`: the deployment checked as this account sees it; each problem with the
//! command that fixes it. Exit 0 when all is well, 1 otherwise; `--format json` for scripts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::Lang;
use hyoka_data::doctor::{Places, examine};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DoctorFormat {
    #[default]
    Text,
    Json,
}

pub fn run(path: &Path, format: DoctorFormat, lang: Lang) -> ExitCode {
    if let Err(e) = std::fs::metadata(path) {
        return super::fail(&crate::i18n::cli::CliMsg::CannotOpen { path, why: e.to_string() }.text(lang));
    }
    let places = Places { office: hyoka_data::config::office_path(), sshd_config: sshd_config() };
    let report = examine(path, &places, lang);
    match format {
        DoctorFormat::Json => {
            let problems: Vec<serde_json::Value> = report
                .problems
                .iter()
                .map(|f| serde_json::json!({ "check": f.check, "problem": f.problem, "fix": f.fix }))
                .collect();
            let out = serde_json::json!({
                "ok": report.problems.is_empty(),
                "path": path.display().to_string(),
                "checked": report.checked,
                "problems": problems,
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        DoctorFormat::Text => {
            for finding in &report.problems {
                println!("✗ [{}] {}\n    {}", finding.check, finding.problem, finding.fix);
            }
            let checked = report.checked.join(", ");
            println!(
                "{}",
                crate::i18n::cli::CliMsg::DoctorDone { problems: report.problems.len(), checked }.text(lang)
            );
        }
    }
    if report.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// sshd's configuration; a debug build (the tests) may name another with `HYOKA_SSHD_CONFIG`.
fn sshd_config() -> PathBuf {
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os("HYOKA_SSHD_CONFIG").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    PathBuf::from("/etc/ssh/sshd_config")
}
