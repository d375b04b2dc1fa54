//! Files hyoka creates beside the data take the folder's group and its group's permissions, as git
//! does with `core.sharedRepository=group`: whatever the creator's umask, the colleagues who may
//! write the folder may write what was created in it.

use std::fs::File;
use std::io;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::Path;

/// Gives `file` (just created in `folder`) the folder's group and, where the folder's group may
/// read or write it, the same right on the file. Only ever adds rights; a group the creator is
/// not a member of is left as the system gave it.
pub fn share_as_folder(file: &File, folder: &Path) -> io::Result<()> {
    let folder = std::fs::metadata(folder)?;
    let ours = file.metadata()?;
    if ours.gid() != folder.gid() {
        let _ = std::os::unix::fs::fchown(file, None, Some(folder.gid()));
    }
    let mode = ours.mode() & 0o7777;
    let wanted = mode | group_bits(folder.mode());
    if wanted != mode {
        file.set_permissions(std::fs::Permissions::from_mode(wanted))?;
    }
    Ok(())
}

/// The rights a file gets for the group of a folder with this mode: read where the group may
/// list it, read and write where the group may write it.
pub fn group_bits(folder_mode: u32) -> u32 {
    match (folder_mode & 0o040 != 0, folder_mode & 0o020 != 0) {
        (_, true) => 0o060,
        (true, false) => 0o040,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_gets_the_group_rights_of_its_folder() {
        assert_eq!(group_bits(0o2775), 0o060);
        assert_eq!(group_bits(0o750), 0o040);
        assert_eq!(group_bits(0o700), 0);
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o2770)).unwrap_or(());
        let path = dir.path().join("2009.yaml");
        let file = File::create(&path).unwrap_or_else(|e| panic!("{e}"));
        file.set_permissions(std::fs::Permissions::from_mode(0o600)).unwrap_or(());
        share_as_folder(&file, dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let mode = std::fs::metadata(&path).map(|m| m.mode() & 0o777).unwrap_or_default();
        assert_eq!(mode, 0o660);
    }
}
