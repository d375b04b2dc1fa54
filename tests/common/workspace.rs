//! Hermetic folders: the data folder a test works on (a copy of the sample, the fixture city, or
//! files of its own), and the home a hyoka run gets instead of the machine user's (HOME, the XDG
//! folders, HYOKA_CONFIG), so that nothing outside the test is read or written.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use hyoka::model::Document;
use hyoka::store::parse_document;
use tempfile::TempDir;

use super::docs::{SAMPLE, read_doc, write};

/// Where [`Workspace::kamigyo`] puts the sample inside the data folder.
pub const FILE: &str = "kamigyo/2008.yaml";

/// Environment variables to set (`Some`) or to remove (`None`) for a process the test starts.
pub type Vars = Vec<(&'static str, Option<OsString>)>;

/// What a hyoka run may read or write besides its data, all inside one folder: HOME (exports go
/// to `hyoka-exports/` under it), XDG_STATE_HOME the same folder (journals in `hyoka/`), the
/// other XDG folders below it, and HYOKA_CONFIG naming [`Home::settings`], absent until written.
pub struct Home {
    _temporary: Option<TempDir>,
    root: PathBuf,
}

impl Home {
    /// A new temporary home.
    pub fn new() -> Home {
        let dir = tempfile::tempdir().expect("a temporary home");
        Home { root: dir.path().to_path_buf(), _temporary: Some(dir) }
    }

    /// A home in a folder the test keeps, e.g. to start hyoka again on the same journals.
    pub fn at(root: &Path) -> Home {
        Home { _temporary: None, root: root.to_path_buf() }
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The settings file hyoka is pointed at (HYOKA_CONFIG); there only if the test writes it.
    pub fn settings(&self) -> PathBuf {
        self.root.join("config.yaml")
    }

    /// Writes the settings file.
    pub fn write_settings(&self, text: &str) {
        write(&self.settings(), text);
    }

    /// The office's settings a debug build reads here (HYOKA_OFFICE_SETTINGS), as an admin writes
    /// `/etc/hyoka/office.yaml`: who reviews, commits for every account, the time zone.
    pub fn write_office(&self, text: &str) {
        write(&self.path().join("office.yaml"), text);
    }

    /// The variables that seal a process into this home; the language comes from the settings or
    /// `--lang` only.
    pub fn vars(&self) -> Vars {
        let at = |path: PathBuf| Some(path.into_os_string());
        vec![
            ("HOME", at(self.root.clone())),
            ("XDG_STATE_HOME", at(self.root.clone())),
            ("XDG_CONFIG_HOME", at(self.root.join(".config"))),
            ("XDG_DATA_HOME", at(self.root.join(".local/share"))),
            ("XDG_CACHE_HOME", at(self.root.join(".cache"))),
            ("HYOKA_CONFIG", at(self.settings())),
            // No office settings of the machine's (a debug build reads this path instead of
            // /etc/hyoka/office.yaml); a test that names reviewers writes it.
            ("HYOKA_OFFICE_SETTINGS", at(self.path().join("office.yaml"))),
            ("HYOKA_TEST_LOGIN", None),
            ("HYOKA_LANG", None),
        ]
    }
}

/// The data folder of a test: a temporary folder, perhaps with the sample in it.
pub struct Workspace {
    pub dir: TempDir,
    /// The sample's text as copied in (empty for a folder without it).
    pub original: String,
    file: PathBuf,
}

impl Workspace {
    /// An empty temporary folder.
    pub fn empty() -> Workspace {
        Workspace::in_dir(tempfile::tempdir().expect("a temporary folder"))
    }

    /// An empty temporary folder whose name starts with `prefix` (Japanese and spaces, say).
    pub fn named(prefix: &str) -> Workspace {
        Workspace::in_dir(tempfile::Builder::new().prefix(prefix).tempdir().expect("a temporary folder"))
    }

    fn in_dir(dir: TempDir) -> Workspace {
        Workspace { file: dir.path().to_path_buf(), dir, original: String::new() }
    }

    /// The sample at [`FILE`], `kamigyo/2008.yaml`.
    pub fn kamigyo() -> Workspace {
        Workspace::with_sample_at(FILE)
    }

    /// The sample at `rel` inside a temporary folder.
    pub fn with_sample_at(rel: &str) -> Workspace {
        Workspace::with_text_at(rel, SAMPLE)
    }

    /// `text` as the data file `rel` inside a temporary folder.
    pub fn with_text_at(rel: &str, text: &str) -> Workspace {
        let mut ws = Workspace::empty();
        ws.file = ws.write(rel, text);
        ws.original = text.to_owned();
        ws
    }

    /// A copy of the fixture city, `tests/fixtures/review`: two organisations × three years.
    pub fn review_city() -> Workspace {
        let ws = Workspace::empty();
        for org in ["kamigyo", "kitayama"] {
            for year in [2006, 2007, 2008] {
                let rel = format!("{org}/{year}.yaml");
                let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review").join(&rel);
                ws.write(&rel, &fs::read_to_string(from).expect("the fixture reads"));
            }
        }
        ws
    }

    /// Writes `text` at `rel` inside the folder (making folders); its path.
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(rel);
        write(&path, text);
        path
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The data file the folder was made with.
    pub fn file(&self) -> PathBuf {
        self.file.clone()
    }

    pub fn bytes_on_disk(&self) -> Vec<u8> {
        fs::read(self.file()).expect("read the YAML file back")
    }

    pub fn on_disk(&self) -> Document {
        read_doc(&self.file()).0
    }

    pub fn before(&self) -> Document {
        parse_document(&self.original).unwrap_or_else(|p| panic!("the sample must parse: {p:?}"))
    }

    /// Every file name under the workspace, sorted, to catch stray temporary or backup files.
    pub fn listing(&self) -> Vec<PathBuf> {
        files_under(self.path())
    }
}

/// The sample alone as `2008.yaml` in a temporary folder: the folder, and the file's path.
pub fn sample_folder() -> (Workspace, PathBuf) {
    let ws = Workspace::with_sample_at("2008.yaml");
    let file = ws.file();
    (ws, file)
}

/// Every file under `dir` (not folders), sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(next) = folders.pop() {
        for entry in fs::read_dir(&next).expect("list the folder") {
            let path = entry.expect("read a folder entry").path();
            if path.is_dir() { folders.push(path) } else { out.push(path) }
        }
    }
    out.sort();
    out
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn listing(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files_under(dir).into_iter().map(|path| (path.clone(), fs::read(&path).expect("read a file"))).collect()
}
