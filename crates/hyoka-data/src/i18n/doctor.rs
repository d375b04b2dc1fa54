//! What `hyoka doctor` says: each problem of the deployment, and the command that fixes it.

use std::path::Path;

use super::Lang;
use crate::git::shell_word;
use hyoka_core::tr;

/// A problem found, with what it needs to be said.
pub enum Said<'a> {
    Umask { mask: u32 },
    FolderNotShared { folder: &'a Path, group: &'a str },
    NoSetgid { folder: &'a Path, group: &'a str },
    FileGroup { file: &'a Path, group: &'a str, has: &'a str },
    FileNotShared { file: &'a Path, group: &'a str },
    Lock { why: String, lock: &'a Path },
    StaleTemp { file: &'a Path },
    StaleLock { file: &'a Path },
    Dubious { top: &'a str },
    SharedWithoutCommits { office: &'a Path },
    SettingsWrong { why: &'a str },
    NoReviewers { office: &'a Path },
    Utc { office: &'a Path },
    Keepalive { config: &'a Path },
}

impl Said<'_> {
    /// The problem, and the command that fixes it.
    pub fn text(&self, lang: Lang) -> (String, String) {
        match self {
            Said::Umask { mask } => (
                tr!(
                    lang,
                    "umask が {mask:04o} です。共有のデータフォルダーに git やエディターが作るファイルを、同じグループの人が書き換えられません。",
                    "the umask is {mask:04o}: files git or an editor create in the shared data folder cannot be written by the group."
                ),
                "echo 'umask 002' >> ~/.profile   # or for everyone: session optional pam_umask.so umask=0002 in /etc/pam.d/common-session".to_owned(),
            ),
            Said::FolderNotShared { folder, group } => (
                { let p = folder.display(); tr!(lang, "フォルダー {p} にグループ {group} が書き込めません。", "the group {group} may not write the folder {p}.") },
                format!("sudo chmod g+w {}", word(folder)),
            ),
            Said::NoSetgid { folder, group } => (
                { let p = folder.display(); tr!(lang, "フォルダー {p} に setgid がありません。中に作られるファイルがグループ {group} になりません。", "the folder {p} has no setgid bit: files made in it do not get the group {group}.") },
                format!("sudo chmod g+s {}", word(folder)),
            ),
            Said::FileGroup { file, group, has } => (
                { let p = file.display(); tr!(lang, "{p} のグループが {has} です（フォルダーは {group}）。", "{p} belongs to the group {has} (its folder to {group}).") },
                format!("sudo chgrp {group} {}", word(file)),
            ),
            Said::FileNotShared { file, group } => (
                { let p = file.display(); tr!(lang, "{p} をグループ {group} が書き換えられません。", "the group {group} may not write {p}.") },
                format!("sudo chmod g+w {}", word(file)),
            ),
            Said::Lock { why, lock } => (why.clone(), format!("ls -l {}   # hyoka doctor again when the save is over", word(lock))),
            Said::StaleTemp { file } => (
                { let p = file.display(); tr!(lang, "途中で止まった保存の一時ファイル {p} が残っています。", "a temporary file of a save that was killed is left: {p}.") },
                format!("rm {}", word(file)),
            ),
            Said::StaleLock { file } => (
                { let p = file.display(); tr!(lang, "誰も使っていないロックファイル {p} が残っています（保存の邪魔はしません）。", "a lock file nobody holds is left: {p} (it blocks no save).") },
                format!("rm {}", word(file)),
            ),
            Said::Dubious { top } => (
                tr!(
                    lang,
                    "git が {top} を持ち主の違うリポジトリとして断ります（dubious ownership）。コミットも履歴も使えません。",
                    "git refuses {top} as a repository owned by someone else (dubious ownership): no commits, no history."
                ),
                format!("sudo git config --system --add safe.directory {}", shell_word(top)),
            ),
            Said::SharedWithoutCommits { office } => (
                { let p = office.display(); tr!(lang, "共有の作業ツリーですが、事務所の設定 {p} で保存ごとのコミットが有効になっていません。誰の保存がどれか、git に残りません。", "a shared work tree without commits on save in the office's settings {p}: git does not keep whose save was which.") },
                format!("echo 'git: {{ commit: true }}' | sudo tee -a {}", word(office)),
            ),
            Said::SettingsWrong { why } => (
                tr!(lang, "設定が読めません: {why}", "the settings cannot be read: {why}"),
                tr!(lang, "# 示された行と桁を直してください", "# fix the line and column named"),
            ),
            Said::NoReviewers { office } => (
                { let p = office.display(); tr!(lang, "審査者がどこにも決められていません（事務所の設定 {p} がありません）。誰も承認できません。", "no reviewers are named anywhere (no office settings {p}): nobody can approve.") },
                format!("echo 'reviewers: {{ group: hyoka-reviewers }}' | sudo tee {}", word(office)),
            ),
            Said::Utc { office } => (
                tr!(
                    lang,
                    "サーバーの時刻が UTC で、事務所の時間帯も決められていません。記録の時刻が +00:00 になり、画面の時刻が 9 時間ずれます。",
                    "the server runs in UTC and the office names no time zone: stamps read +00:00 and times on screen are nine hours off."
                ),
                format!("echo 'time_zone: \"+09:00\"' | sudo tee -a {}", word(office)),
            ),
            Said::Keepalive { config } => (
                { let p = config.display(); tr!(lang, "sshd に ClientAliveInterval がありません（{p}）。切れた接続の hyoka がいつまでも残ります。", "sshd has no ClientAliveInterval ({p}): the hyoka of a dead connection lingers.") },
                "echo 'ClientAliveInterval 60' | sudo tee /etc/ssh/sshd_config.d/hyoka.conf && sudo systemctl reload ssh".to_owned(),
            ),
        }
    }
}

/// A path as one word for the shell, for the commands doctor prints.
fn word(path: &Path) -> String {
    shell_word(&path.display().to_string())
}
