//! `hyoka` commands as a script runs them: the real binary, sealed into a home of its own (no
//! settings, journals or language of the machine's user), run from the package folder.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::workspace::{Home, Vars};

/// The binary cargo built for these tests.
pub const HYOKA: &str = env!("CARGO_BIN_EXE_hyoka");

/// `hyoka ARGS` with a home of its own; how it ended.
pub fn hyoka(args: &[&str]) -> Output {
    Cli::new().args(args).output()
}

/// What a command wrote, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A `hyoka` command to be run; what the test adds (settings, environment, folder) goes over the
/// sealed defaults.
pub struct Cli {
    command: Command,
    home: Home,
}

impl Cli {
    pub fn new() -> Cli {
        let home = Home::new();
        let mut command = Command::new(HYOKA);
        command.current_dir(env!("CARGO_MANIFEST_DIR")).stdin(Stdio::null());
        let cli = Cli { command, home };
        let vars = cli.home.vars();
        cli.vars(&vars)
    }

    pub fn home(&self) -> &Home {
        &self.home
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cli {
        self.command.arg(arg);
        self
    }

    pub fn args(mut self, args: &[&str]) -> Cli {
        self.command.args(args);
        self
    }

    /// A settings file with `text`, as a clerk's `~/.config/hyoka/config.yaml` would be.
    pub fn settings(self, text: &str) -> Cli {
        self.home.write_settings(text);
        self
    }

    /// Settings looked for where a clerk's are (`~/.config/hyoka/config.yaml`), with `home` as
    /// HOME: no HYOKA_CONFIG, no XDG_CONFIG_HOME.
    pub fn clerks_settings_in(self, home: &Path) -> Cli {
        self.env("HOME", home).env_remove("HYOKA_CONFIG").env_remove("XDG_CONFIG_HOME")
    }

    pub fn current_dir(mut self, dir: &Path) -> Cli {
        self.command.current_dir(dir);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cli {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Cli {
        self.command.env_remove(key);
        self
    }

    /// More variables to set or remove (a git sandbox's, say).
    pub fn vars(mut self, vars: &Vars) -> Cli {
        for (key, value) in vars {
            match value {
                Some(value) => self.command.env(key, value),
                None => self.command.env_remove(key),
            };
        }
        self
    }

    pub fn output(mut self) -> Output {
        self.command.output().expect("hyoka runs")
    }
}
