//! The office server in a test: real Unix accounts and groups (made for the test, removed after it
//! even when it fails), a shared data folder as the README sets it up, and hyoka run as each
//! account in a pseudo-terminal under umask 022. Creating accounts needs root (CI runs as root);
//! elsewhere these tests say so and fail, unless `HYOKA_SKIP_ACCOUNT_TESTS=1` allows them to be
//! ignored (CI never sets it, and under `CI=true` they never are).
#![allow(dead_code)] // each test file uses a part of it
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test helpers")]

pub mod sshd;

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use portable_pty::CommandBuilder;

use crate::common::pty::Tui;

pub const HYOKA: &str = env!("CARGO_BIN_EXE_hyoka");

/// This test makes accounts: it needs root. Not root: a failure, unless explicitly allowed to be
/// ignored (`HYOKA_SKIP_ACCOUNT_TESTS=1`, never under CI).
pub fn need_accounts() {
    if nix::unistd::Uid::effective().is_root() {
        return;
    }
    let allowed = std::env::var("HYOKA_SKIP_ACCOUNT_TESTS").as_deref() == Ok("1");
    assert!(
        allowed && !crate::common::outside::under_ci(),
        "this test makes Unix accounts and needs root (CI runs as root); \
         HYOKA_SKIP_ACCOUNT_TESTS=1 lets it be ignored outside CI"
    );
    crate::common::outside::missing("root (the test makes Unix accounts; HYOKA_SKIP_ACCOUNT_TESTS=1)");
}

/// A name no other test and no earlier run uses: `hyk19` and something unique.
pub fn unique(role: &str) -> String {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::SeqCst);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("hyk19{role}{}x{n}x{}", std::process::id() % 100_000, nanos % 10_000)
}

fn run(program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A Unix group, removed when dropped.
pub struct Group {
    pub name: String,
    pub gid: u32,
}

impl Group {
    pub fn new(role: &str) -> Group {
        let name = unique(role);
        run("groupadd", &[&name]);
        let gid = hyoka::identity::group_id(&name).expect("the new group is in the database");
        Group { name, gid }
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let _ = Command::new("groupdel").arg(&self.name).output();
    }
}

/// A Unix account with a home of its own (removed with the account).
pub struct Account {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: PathBuf,
}

impl Account {
    /// An account whose primary group is its own, in `groups` besides.
    pub fn new(role: &str, groups: &[&Group]) -> Account {
        let name = unique(role);
        let home = PathBuf::from("/tmp").join(format!("{name}-home"));
        let extra = groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>().join(",");
        let mut args = vec!["-m", "-d", home.to_str().unwrap(), "-s", "/bin/sh", "-p", "*", "-U"];
        if !extra.is_empty() {
            args.extend(["-G", extra.as_str()]);
        }
        args.push(&name);
        run("useradd", &args);
        let user = nix::unistd::User::from_name(&name).unwrap().expect("the new account is in the database");
        Account { name, uid: user.uid.as_raw(), gid: user.gid.as_raw(), home }
    }

    /// A command run as this account (real and effective ids, its groups), umask 022, in `dir`,
    /// with a sealed environment: its home, no settings but the office's file given.
    pub fn command(&self, dir: &Path, office: &Path, program_and_args: &[&str]) -> Command {
        let mut command = Command::new("setpriv");
        command.args(self.setpriv_args()).arg("sh").arg("-c").arg("umask 022; exec \"$@\"").arg("sh");
        command.args(program_and_args).current_dir(dir).env_clear();
        for (key, value) in self.env(office) {
            command.env(key, value);
        }
        command
    }

    pub fn output(&self, dir: &Path, office: &Path, program_and_args: &[&str]) -> Output {
        self.command(dir, office, program_and_args).output().expect("run as the account")
    }

    fn setpriv_args(&self) -> Vec<String> {
        vec![
            format!("--reuid={}", self.uid),
            format!("--regid={}", self.gid),
            "--init-groups".to_owned(),
            "--".to_owned(),
        ]
    }

    /// What the account's session has: its home and nothing of the test runner's.
    pub fn env(&self, office: &Path) -> Vec<(String, String)> {
        let home = self.home.display().to_string();
        vec![
            ("HOME".into(), home.clone()),
            ("PATH".into(), "/usr/local/bin:/usr/bin:/bin".into()),
            ("USER".into(), self.name.clone()),
            ("LOGNAME".into(), self.name.clone()),
            ("TERM".into(), "xterm-256color".into()),
            ("LANG".into(), "C.UTF-8".into()),
            ("TZ".into(), "JST-9".into()),
            ("XDG_STATE_HOME".into(), format!("{home}/.state")),
            ("XDG_CONFIG_HOME".into(), format!("{home}/.config")),
            ("HYOKA_CONFIG".into(), format!("{home}/no-settings.yaml")),
            ("HYOKA_OFFICE_SETTINGS".into(), office.display().to_string()),
            ("GIT_CONFIG_NOSYSTEM".into(), "1".into()),
        ]
    }

    /// hyoka on `data` as this account, in a pseudo-terminal; `extra` environment wins.
    pub fn hyoka(&self, dir: &Path, office: &Path, args: &[&str], extra: &[(&str, &str)]) -> Tui {
        let mut cmd = CommandBuilder::new("setpriv");
        cmd.args(self.setpriv_args());
        cmd.args(["sh", "-c", "umask 022; exec \"$@\"", "sh", HYOKA]);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env_clear();
        for (key, value) in self.env(office) {
            cmd.env(key, value);
        }
        for (key, value) in extra {
            cmd.env(key, value);
        }
        let mut tui = Tui::spawn_command(cmd, 30, 110);
        tui.wait_for("所属一覧");
        tui
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").args(["-r", &self.name]).output();
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// The office: a folder every account may enter, the clerks' group, and the office's settings.
pub struct Office {
    pub dir: tempfile::TempDir,
    pub clerks: Group,
}

impl Office {
    pub fn new() -> Office {
        let dir = tempfile::Builder::new().prefix("hyk19-office-").tempdir().expect("temporary folder");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let office = Office { dir, clerks: Group::new("g") };
        office.set_settings("");
        office
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The office's settings file (root's, 0644), which a debug build reads in place of /etc/hyoka/office.yaml.
    pub fn settings(&self) -> PathBuf {
        self.path("etc/office.yaml")
    }

    pub fn set_settings(&self, text: &str) {
        let path = self.settings();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::set_permissions(path.parent().unwrap(), std::fs::Permissions::from_mode(0o755)).unwrap();
        // Replaced at once, as an editor saves: hyoka must take in the new list while it runs.
        let temp = path.with_extension("new");
        std::fs::write(&temp, text).unwrap();
        std::fs::set_permissions(&temp, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::rename(&temp, &path).unwrap();
    }

    /// The shared data folder as the README makes it: the clerks' group, setgid, group-writable,
    /// holding the sample as `kamigyo/2008.yaml` (0664). Returns the data folder.
    pub fn shared_data(&self, under: &str) -> PathBuf {
        let data = self.path(under);
        let folder = data.join("kamigyo");
        std::fs::create_dir_all(&folder).unwrap();
        for dir in [&data, &folder] {
            std::os::unix::fs::chown(dir, None, Some(self.clerks.gid)).unwrap();
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o2775)).unwrap();
        }
        let file = folder.join("2008.yaml");
        std::fs::write(&file, SAMPLE_TEXT).unwrap();
        std::os::unix::fs::chown(&file, None, Some(self.clerks.gid)).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).unwrap();
        data
    }
}

pub use crate::common::docs::SAMPLE as SAMPLE_TEXT;

/// The mode bits and group of a path.
pub fn mode_and_group(path: &Path) -> (u32, u32) {
    let m = std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (m.mode() & 0o7777, m.gid())
}
