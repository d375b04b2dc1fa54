//! A real `sshd` of the test's own, on a free loopback port, with its own host key and
//! configuration: started by the test and stopped when dropped. Clients log in with a key the test
//! makes; the accounts are the test's.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::Account;

pub const SSHD: &str = "/usr/sbin/sshd";

pub struct Sshd {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

/// sshd is here; where it is missing the test is ignored (a failure under CI, where `.ci/run`
/// installs openssh-server).
pub fn need_sshd() {
    if !Path::new(SSHD).exists() {
        crate::common::outside::missing("sshd (apt-get install openssh-server)");
    }
}

fn keygen(path: &Path) {
    let out = Command::new("ssh-keygen").args(["-q", "-t", "ed25519", "-N", "", "-f"]).arg(path).output().unwrap();
    assert!(out.status.success(), "ssh-keygen: {}", String::from_utf8_lossy(&out.stderr));
}

impl Sshd {
    /// Lets `accounts` log in with the test's key; `set_env` is given to every session (sshd's `SetEnv`).
    pub fn start(accounts: &[&Account], set_env: &[(&str, String)]) -> Sshd {
        let dir = tempfile::Builder::new().prefix("hyk19-sshd-").tempdir().unwrap();
        // sshd's privilege separation needs its empty folder, made by the package's service elsewhere.
        std::fs::create_dir_all("/run/sshd").unwrap();
        keygen(&dir.path().join("host"));
        keygen(&dir.path().join("client"));
        let public = std::fs::read_to_string(dir.path().join("client.pub")).unwrap();
        let keys = dir.path().join("keys");
        std::fs::create_dir(&keys).unwrap();
        for account in accounts {
            std::fs::write(keys.join(&account.name), &public).unwrap();
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let env: String = set_env.iter().map(|(k, v)| format!(" {k}={v}")).collect();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nPidFile {pid}\nUsePAM no\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
             AuthorizedKeysFile {keys}/%u\nStrictModes no\nAcceptEnv LANG LC_*\nLogLevel ERROR\n{set}",
            host = dir.path().join("host").display(),
            pid = dir.path().join("sshd.pid").display(),
            keys = keys.display(),
            set = if env.is_empty() { String::new() } else { format!("SetEnv{env}\n") },
        );
        let config_path = dir.path().join("sshd_config");
        std::fs::write(&config_path, config).unwrap();
        let child = Command::new(SSHD)
            .args(["-D", "-e", "-f"])
            .arg(&config_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            // Its log (the readiness probe below is logged as a closed connection) stays in its folder.
            .stderr(std::fs::File::create(dir.path().join("sshd.log")).unwrap())
            .spawn()
            .expect("start sshd");
        let sshd = Sshd { child, port, dir };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(10), "sshd did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        sshd
    }

    /// What git runs to reach this server (`GIT_SSH_COMMAND`), with the test's key.
    pub fn ssh_command(&self) -> String {
        format!(
            "ssh -i {} -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
             -o BatchMode=yes -o LogLevel=ERROR",
            self.key().display()
        )
    }

    pub fn key(&self) -> PathBuf {
        self.dir.path().join("client")
    }

    /// The URL of `repo` on this server for `account`.
    pub fn url(&self, account: &Account, repo: &Path) -> String {
        format!("ssh://{}@127.0.0.1:{}{}", account.name, self.port, repo.display())
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
