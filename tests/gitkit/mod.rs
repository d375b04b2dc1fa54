//! A sealed place for tests with real git: its own HOME, git config, identity and hyoka settings,
//! in a temporary folder whose name has Japanese and spaces; nothing outside it is read. Built on
//! `tests/common/` (its home, its `hyoka` runner).
#![allow(dead_code)] // each test file uses a part of it
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test helpers")]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hyoka::git::Git;
use hyoka::model::Document;
use hyoka::store::{Outcome, RealDisk, SaveRequest, TextDigest, save};

use crate::common::cli::Cli;
use crate::common::docs::{SAMPLE, read_doc, write};
use crate::common::workspace::{Home, Vars, Workspace};

/// Where the data file lives inside a work tree: Japanese and a space on purpose.
pub const DATA: &str = "データ 置き場";
pub const FILE: &str = "データ 置き場/上京 区/2008.yaml";

pub struct Sandbox {
    dir: Workspace,
    home: Home,
    env: Vars,
    program: PathBuf,
}

impl Sandbox {
    /// Where git is missing, the test ends as ignored (`common::outside`); under CI that is a
    /// failure instead, since CI installs git.
    pub fn new() -> Sandbox {
        let Some(git) = Git::find() else { crate::common::outside::missing("git") };
        let dir = Workspace::named("hyoka 試験 ");
        let home = Home::at(&dir.path().join("home"));
        let config = home.path().join(".gitconfig");
        write(&config, "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n");
        let os = |p: &Path| Some(p.as_os_str().to_owned());
        let text = |s: &str| Some(OsString::from(s));
        let mut env = home.vars();
        env.extend([
            ("GIT_CONFIG_GLOBAL", os(&config)),
            ("GIT_CONFIG_NOSYSTEM", text("1")),
            ("GIT_AUTHOR_NAME", text("試験 太郎")),
            ("GIT_AUTHOR_EMAIL", text("taro@example.invalid")),
            ("GIT_COMMITTER_NAME", text("試験 太郎")),
            ("GIT_COMMITTER_EMAIL", text("taro@example.invalid")),
            ("GIT_TERMINAL_PROMPT", text("0")),
            ("GIT_EDITOR", text("true")),
            ("GIT_CEILING_DIRECTORIES", os(dir.path())),
            ("LC_ALL", text("C.UTF-8")),
            ("GIT_DIR", None),
            ("GIT_WORK_TREE", None),
            ("GIT_INDEX_FILE", None),
            ("GIT_OBJECT_DIRECTORY", None),
            ("GIT_CONFIG_PARAMETERS", None),
            ("GIT_CONFIG_COUNT", None),
        ]);
        Sandbox { dir, home, env, program: git.program().to_path_buf() }
    }

    /// The sealed environment, for a hyoka started in a pseudo-terminal.
    pub fn env_vars(&self) -> Vec<(&'static str, PathBuf)> {
        self.env.iter().filter_map(|(key, value)| value.as_ref().map(|v| (*key, PathBuf::from(v)))).collect()
    }

    /// The home every process here runs in (`home/` in the sandbox), with its settings file.
    pub fn home(&self) -> &Home {
        &self.home
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The library's git handle, sealed like everything else here.
    pub fn git(&self) -> Git {
        self.env.iter().fold(Git::at(&self.program), |git, (key, value)| match value {
            Some(v) => git.env(*key, v),
            None => git.env_remove(*key),
        })
    }

    fn sealed(&self, mut command: Command) -> Command {
        for (key, value) in &self.env {
            match value {
                Some(v) => command.env(key, v),
                None => command.env_remove(key),
            };
        }
        command
    }

    pub fn git_output(&self, dir: &Path, args: &[&str]) -> Output {
        let mut command = self.sealed(Command::new(&self.program));
        command.current_dir(dir).args(args).output().expect("git runs")
    }

    /// Runs git and insists that it worked; its standard output.
    pub fn run_git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git_output(dir, args);
        assert!(out.status.success(), "git {args:?} in {}: {}", dir.display(), String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A hyoka command run in `dir`, sealed.
    pub fn cli(&self, dir: &Path) -> Cli {
        Cli::new().vars(&self.env).current_dir(dir)
    }

    /// The hyoka binary run in `dir`, sealed.
    pub fn hyoka(&self, dir: &Path, args: &[&str]) -> Output {
        self.cli(dir).args(args).output()
    }

    /// A new repository `name` holding the sample at [`FILE`], committed.
    pub fn repo_with_sample(&self, name: &str) -> PathBuf {
        let top = self.path(name);
        std::fs::create_dir_all(&top).expect("repository folder");
        self.run_git(&top, &["init", "-q"]);
        write(&top.join(FILE), SAMPLE);
        self.run_git(&top, &["add", "-A"]);
        self.run_git(&top, &["commit", "-qm", "sample"]);
        top
    }

    /// The data file at [`FILE`] in `top` changed by `edit` and committed by `who` at `when`.
    pub fn commit_edit(&self, top: &Path, (who, when): (&str, &str), message: &str, edit: impl FnOnce(&mut Document)) {
        let (mut doc, _) = read_doc(&top.join(FILE));
        edit(&mut doc);
        write(&top.join(FILE), &canonical(&doc));
        let author = format!("--author={who} <{who}@example.invalid>");
        self.run_git(top, &["commit", "-qam", message, &author, &format!("--date={when}")]);
    }

    /// A bare repository on the office server, made as the README says, on a machine whose git would
    /// call the first branch master.
    pub fn server(&self) -> PathBuf {
        let server = self.path("サーバー/評価 データ.git");
        std::fs::create_dir_all(&server).expect("the server's folder");
        let init = ["init", "-q", "--bare", "--shared=group", "--initial-branch=main"];
        self.run_git(&server, &[&["-c", "init.defaultBranch=master"][..], &init[..]].concat());
        server
    }

    /// An office's clone of `server` at `name`, pulling by merge (on a machine whose git would call
    /// the first branch master).
    pub fn clone_of(&self, server: &Path, name: &str) -> PathBuf {
        let url = server.to_str().expect("a UTF-8 path");
        self.run_git(self.dir.path(), &["-c", "init.defaultBranch=master", "clone", "-q", url, name]);
        let top = self.path(name);
        self.run_git(&top, &["config", "pull.rebase", "false"]);
        top
    }

    /// The sample added at [`FILE`] to the clone `top`, hyoka set up there, committed and pushed.
    pub fn publish_sample(&self, top: &Path) {
        write(&top.join(FILE), SAMPLE);
        assert!(self.hyoka(top, &["git-setup", DATA]).status.success());
        self.run_git(top, &["add", "-A"]);
        self.run_git(top, &["commit", "-qm", "上京区役所 平成20年度"]);
        self.run_git(top, &["push", "-q", "-u", "origin", "main"]);
    }
}

/// Edits the file through hyoka's own save path (lock, merge with the disk, atomic write), as
/// the screen does: `edit` changes a copy of what is on disk.
pub fn save_with(path: &Path, edit: impl FnOnce(&mut Document)) -> Document {
    let (base, text) = read_doc(path);
    let mut mine = base.clone();
    edit(&mut mine);
    match save(
        &SaveRequest {
            path,
            root: path,
            base_digest: TextDigest::of(&text),
            base: &base,
            mine: &mine,
            reviewer: false,
        },
        &RealDisk,
    )
    .expect("the save works")
    {
        Outcome::Saved(saved) => saved.doc,
        Outcome::Conflicted(c) => panic!("unexpected conflict: {:?}", c.conflicts),
        Outcome::Refused(r) => panic!("refused: {:?}", r.fields),
        Outcome::Locked(l) => panic!("locked: {:?}", l.sections),
    }
}

pub fn canonical(doc: &Document) -> String {
    hyoka::store::emit_document(doc)
}

/// One commit for [`Sandbox::fast_import`]: who, when (seconds), the message, the file's text.
pub struct Version {
    pub author: String,
    pub time: i64,
    pub message: String,
    pub text: String,
}

impl Sandbox {
    /// A new repository `name` whose `main` holds `versions` of [`FILE`] as successive commits,
    /// written by one `git fast-import` (a thousand commits in well under a second).
    pub fn fast_import(&self, name: &str, versions: impl IntoIterator<Item = Version>) -> PathBuf {
        use std::io::Write as _;
        let top = self.path(name);
        std::fs::create_dir_all(&top).expect("repository folder");
        self.run_git(&top, &["init", "-q"]);
        let mut stream = Vec::new();
        for v in versions {
            let ident = format!("{} <{}@example.invalid> {} +0900", v.author, v.author, v.time);
            writeln!(stream, "commit refs/heads/main\nauthor {ident}\ncommitter {ident}").unwrap();
            writeln!(stream, "data {}\n{}", v.message.len(), v.message).unwrap();
            writeln!(stream, "M 100644 inline {FILE}\ndata {}\n{}", v.text.len(), v.text).unwrap();
        }
        let mut command = self.sealed(Command::new(&self.program));
        command.current_dir(&top).args(["fast-import", "--quiet"]).stdin(std::process::Stdio::piped());
        let mut child = command.spawn().expect("fast-import runs");
        child.stdin.take().expect("stdin").write_all(&stream).expect("feed fast-import");
        assert!(child.wait().expect("fast-import ends").success());
        self.run_git(&top, &["reset", "-q", "--hard", "main"]);
        top
    }
}

/// The rows of a drawn buffer as text, each wide character once.
pub fn rows_of(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}
