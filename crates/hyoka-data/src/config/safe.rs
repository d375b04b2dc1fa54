//! Whether a settings file that grants rights can be trusted, judged as sshd's `StrictModes`
//! judges `authorized_keys`: owned by someone trusted, writable by no one else, and in folders
//! that no one but their owner can write (else the file could be moved away and replaced).

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use crate::identity::name_of_uid;

/// Why a file that would grant rights is not trusted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsafe {
    /// Owned by an account that may not grant rights (the owner's login).
    Owner {
        path: PathBuf,
        owner: String,
    },
    /// The file can be written by its group or by everyone.
    Writable {
        path: PathBuf,
    },
    /// A folder on the way can be written by others than its owner, or belongs to someone else.
    Folder {
        path: PathBuf,
        owner: String,
    },
    /// A link, a folder or something else where a plain file belongs.
    NotAFile {
        path: PathBuf,
    },
    Unreadable {
        path: PathBuf,
        why: String,
    },
}

impl Unsafe {
    pub fn path(&self) -> &Path {
        match self {
            Unsafe::Owner { path, .. }
            | Unsafe::Writable { path }
            | Unsafe::Folder { path, .. }
            | Unsafe::NotAFile { path }
            | Unsafe::Unreadable { path, .. } => path,
        }
    }

    /// The command an administrator runs to make it safe.
    pub fn fix(&self, file: &Path) -> String {
        let word = |p: &Path| crate::git::shell_word(&p.display().to_string());
        match self {
            Unsafe::Owner { .. } | Unsafe::Writable { .. } | Unsafe::NotAFile { .. } | Unsafe::Unreadable { .. } => {
                format!("sudo chown root: {0} && sudo chmod 644 {0}", word(file))
            }
            Unsafe::Folder { path, .. } => format!("sudo chown root: {0} && sudo chmod go-w {0}", word(path)),
        }
    }
}

/// Checks `file` and every folder from its own up to `top` (included). `trusted` says whether
/// an owner other than root may grant rights.
pub fn check_safe(file: &Path, top: &Path, trusted: &dyn Fn(u32) -> bool) -> Result<(), Unsafe> {
    let metadata = std::fs::symlink_metadata(file)
        .map_err(|e| Unsafe::Unreadable { path: file.to_path_buf(), why: e.to_string() })?;
    if !metadata.file_type().is_file() {
        return Err(Unsafe::NotAFile { path: file.to_path_buf() });
    }
    let owner = metadata.uid();
    if owner != 0 && !trusted(owner) {
        return Err(Unsafe::Owner { path: file.to_path_buf(), owner: name_of_uid(owner) });
    }
    if metadata.mode() & 0o022 != 0 {
        return Err(Unsafe::Writable { path: file.to_path_buf() });
    }
    for folder in file.ancestors().skip(1) {
        if folder.as_os_str().is_empty() {
            break;
        }
        let m = std::fs::metadata(folder)
            .map_err(|e| Unsafe::Unreadable { path: folder.to_path_buf(), why: e.to_string() })?;
        if (m.uid() != 0 && m.uid() != owner) || m.mode() & 0o022 != 0 {
            return Err(Unsafe::Folder { path: folder.to_path_buf(), owner: name_of_uid(m.uid()) });
        }
        if folder == top {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    fn mode(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn a_file_is_safe_only_when_no_one_else_can_write_it_or_its_folders() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let top = dir.path().to_path_buf();
        let data = top.join("data");
        std::fs::create_dir(&data).unwrap_or_else(|e| panic!("{e}"));
        let file = data.join(".hyoka.yaml");
        std::fs::write(&file, "").unwrap_or_else(|e| panic!("{e}"));
        let me = nix::unistd::Uid::current().as_raw();
        let trust_me = move |uid: u32| uid == me;
        let trust_none = |_: u32| false;
        mode(&top, 0o755);
        mode(&data, 0o755);
        mode(&file, 0o644);
        assert_eq!(check_safe(&file, &top, &trust_me), Ok(()));
        if me != 0 {
            assert!(matches!(check_safe(&file, &top, &trust_none), Err(Unsafe::Owner { .. })));
        }
        mode(&file, 0o664);
        assert_eq!(check_safe(&file, &top, &trust_me), Err(Unsafe::Writable { path: file.clone() }));
        mode(&file, 0o644);
        // A group-writable folder: the file could be moved away and another put in its place.
        mode(&data, 0o2775);
        assert!(matches!(check_safe(&file, &top, &trust_me), Err(Unsafe::Folder { path, .. }) if path == data));
        mode(&data, 0o755);
        mode(&top, 0o777);
        assert!(matches!(check_safe(&file, &top, &trust_me), Err(Unsafe::Folder { path, .. }) if path == top));
        // Above the top nothing is looked at.
        mode(&top, 0o755);
        assert_eq!(check_safe(&file, &data, &trust_me), Ok(()));
        let link = data.join("link.yaml");
        std::os::unix::fs::symlink(&file, &link).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(check_safe(&link, &top, &trust_me), Err(Unsafe::NotAFile { path: link }));
    }
}
