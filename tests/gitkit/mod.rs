//! A sealed place for tests with real git: its own HOME, git config, identity and hyoka settings,
//! in a temporary folder whose name has Japanese and spaces; nothing outside it is read.
#![allow(dead_code)] // each test file uses a part of it
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test helpers")]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hyoka::git::Git;
use hyoka::model::Document;
use hyoka::store::{Outcome, RealDisk, SaveRequest, TextDigest, emit_document, parse_document, save};
use tempfile::TempDir;

pub const SAMPLE: &str = include_str!("../../data/kamigyo/2008.yaml");
pub const HYOKA: &str = env!("CARGO_BIN_EXE_hyoka");
/// Where the data file lives inside a work tree: Japanese and a space on purpose.
pub const DATA: &str = "データ 置き場";
pub const FILE: &str = "データ 置き場/上京 区/2008.yaml";

pub struct Sandbox {
    pub dir: TempDir,
    env: Vec<(&'static str, Option<OsString>)>,
    program: PathBuf,
}

impl Sandbox {
    /// Where git is missing, the test ends as ignored (`tests/common/outside.rs`); under CI that is a
    /// failure instead, since CI installs git.
    pub fn new() -> Sandbox {
        let Some(git) = Git::find() else { crate::outside::missing("git") };
        let dir = tempfile::Builder::new().prefix("hyoka 試験 ").tempdir().expect("temporary folder");
        let home = dir.path().join("home");
        for sub in ["", ".config", ".state", ".data", ".cache"] {
            std::fs::create_dir_all(home.join(sub)).expect("home");
        }
        let config = home.join(".gitconfig");
        std::fs::write(&config, "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n").expect("config");
        let os = |p: &Path| Some(p.as_os_str().to_owned());
        let text = |s: &str| Some(OsString::from(s));
        let env = vec![
            ("HOME", os(&home)),
            ("GIT_CONFIG_GLOBAL", os(&config)),
            ("GIT_CONFIG_NOSYSTEM", text("1")),
            ("GIT_AUTHOR_NAME", text("試験 太郎")),
            ("GIT_AUTHOR_EMAIL", text("taro@example.invalid")),
            ("GIT_COMMITTER_NAME", text("試験 太郎")),
            ("GIT_COMMITTER_EMAIL", text("taro@example.invalid")),
            ("GIT_TERMINAL_PROMPT", text("0")),
            ("GIT_EDITOR", text("true")),
            ("GIT_CEILING_DIRECTORIES", os(dir.path())),
            ("HYOKA_CONFIG", os(&home.join("hyoka-config.yaml"))),
            ("XDG_CONFIG_HOME", os(&home.join(".config"))),
            ("XDG_STATE_HOME", os(&home.join(".state"))),
            ("XDG_DATA_HOME", os(&home.join(".data"))),
            ("XDG_CACHE_HOME", os(&home.join(".cache"))),
            ("LC_ALL", text("C.UTF-8")),
            ("HYOKA_LANG", None),
            ("GIT_DIR", None),
            ("GIT_WORK_TREE", None),
            ("GIT_INDEX_FILE", None),
            ("GIT_OBJECT_DIRECTORY", None),
            ("GIT_CONFIG_PARAMETERS", None),
            ("GIT_CONFIG_COUNT", None),
        ];
        Sandbox { dir, env, program: git.program().to_path_buf() }
    }

    /// The sealed environment, for a hyoka started in a pseudo-terminal.
    pub fn env_vars(&self) -> Vec<(&'static str, PathBuf)> {
        self.env.iter().filter_map(|(key, value)| value.as_ref().map(|v| (*key, PathBuf::from(v)))).collect()
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

    /// The hyoka binary, sealed.
    pub fn hyoka(&self, dir: &Path, args: &[&str]) -> Output {
        let mut command = self.sealed(Command::new(HYOKA));
        command.current_dir(dir).args(args).output().expect("hyoka runs")
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
}

pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
    std::fs::write(path, text).expect("write");
}

pub fn sample() -> Document {
    parse_document(SAMPLE).expect("the sample parses")
}

pub fn read_doc(path: &Path) -> (Document, String) {
    let text = std::fs::read_to_string(path).expect("read");
    (parse_document(&text).unwrap_or_else(|p| panic!("{} must parse: {p:?}\n{text}", path.display())), text)
}

/// Edits the file through hyoka's own save path (lock, merge with the disk, atomic write), as
/// the screen does: `edit` changes a copy of what is on disk.
pub fn save_with(path: &Path, edit: impl FnOnce(&mut Document)) -> Document {
    let (base, text) = read_doc(path);
    let mut mine = base.clone();
    edit(&mut mine);
    match save(
        &SaveRequest { path, root: path, base_digest: TextDigest::of(&text), base: &base, mine: &mine },
        &RealDisk,
    )
    .expect("the save works")
    {
        Outcome::Saved(saved) => saved.doc,
        Outcome::Conflicted(c) => panic!("unexpected conflict: {:?}", c.conflicts),
        Outcome::Refused(r) => panic!("refused: {:?}", r.fields),
    }
}

pub fn section_mut<'a>(doc: &'a mut Document, division: &str, section: &str) -> &'a mut hyoka::model::Section {
    doc.find_section_mut(division, section).unwrap_or_else(|| panic!("{division} {section}"))
}

pub fn canonical(doc: &Document) -> String {
    emit_document(doc)
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
