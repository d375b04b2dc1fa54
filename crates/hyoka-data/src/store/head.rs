//! A data file's first lines, read before the file itself: the organisation and fiscal year that
//! name it in the tree while a city's worth of files is still being read. Only what is certain is
//! taken (a plain or simply quoted value on a top-level line); anything else leaves the file to be
//! named by its path until it is read whole.

use std::io::Read as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

/// How much of a file is looked at: hyoka writes the two keys first, and a file written by hand
/// that puts them further down is named by its path until it is read.
pub const HEAD_BYTES: usize = 1024;

/// What a file's head says; `None` for what it does not say plainly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileHead {
    pub organization: Option<String>,
    pub fiscal_year: Option<i32>,
}

/// The head of the file at `path`; an empty one when it cannot be read (its error comes when the
/// file is read whole).
pub fn read_head(path: &Path) -> FileHead {
    // Found a plain file a moment ago; opened without blocking (a pipe put there since gives nothing).
    let opened = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path);
    let Ok(file) = opened else { return FileHead::default() };
    let mut bytes = Vec::with_capacity(HEAD_BYTES);
    if file.take(HEAD_BYTES as u64).read_to_end(&mut bytes).is_err() {
        return FileHead::default();
    }
    head_of(&bytes, bytes.len() < HEAD_BYTES)
}

/// The head in the first bytes of a file (`whole`: they are all of it, so the last line is complete).
pub fn head_of(bytes: &[u8], whole: bool) -> FileHead {
    // Only whole lines, and only as far as they are UTF-8.
    let valid = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(bytes.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or_default(),
    };
    let complete =
        if whole && valid.len() == bytes.len() { valid } else { valid.rsplit_once('\n').map_or("", |(l, _)| l) };
    let mut head = FileHead::default();
    for line in complete.trim_start_matches('\u{feff}').lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(value) = line.strip_prefix("organization:") {
            head.organization = scalar(value).filter(|v| !v.trim().is_empty());
        } else if let Some(value) = line.strip_prefix("fiscal_year:") {
            head.fiscal_year = scalar(value).and_then(|v| v.parse().ok()).filter(|y| (1900..=2999).contains(y));
        } else if line.starts_with("divisions:") || line == "---" || line.starts_with("...") {
            break;
        }
    }
    head
}

/// The value after a key, when it is written plainly: unquoted without anything YAML would read
/// otherwise, or in quotes without escapes. A comment after it is left out.
fn scalar(after_key: &str) -> Option<String> {
    if !after_key.starts_with(' ') && !after_key.is_empty() {
        return None;
    }
    let value = after_key.trim();
    let value = match value.find(" #") {
        Some(at) => value.get(..at)?.trim_end(),
        None => value,
    };
    let quoted = |q: char| value.strip_prefix(q).and_then(|v| v.strip_suffix(q)).filter(|v| !v.contains([q, '\\']));
    if let Some(inner) = quoted('\'').or_else(|| quoted('"')) {
        return Some(inner.to_owned());
    }
    let special = |c: char| "'\"&*!|>{}[]%@`#,?:-".contains(c);
    let plain = !value.is_empty() && !value.starts_with(special) && !value.contains(": ") && !value.ends_with(':');
    plain.then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organisation_and_year_come_from_the_first_lines_when_they_are_plain() {
        let head = |text: &str| head_of(text.as_bytes(), true);
        let sample = include_str!("../../../../data/kamigyo/2008.yaml");
        assert_eq!(head(sample), FileHead { organization: Some("上京区役所".into()), fiscal_year: Some(2008) });
        let quoted = "\u{feff}organization: '北区役所'  # 区役所\r\nfiscal_year: 2024\r\ndivisions: []\r\n";
        assert_eq!(head(quoted), FileHead { organization: Some("北区役所".into()), fiscal_year: Some(2024) });
        // What a YAML reader would read otherwise is not guessed at.
        for unsure in ["organization: &a 上京区役所", "organization: \"上\\u4eac\"", "organization:", "organization: |"]
        {
            assert_eq!(head(unsure).organization, None, "{unsure}");
        }
        assert_eq!(head("fiscal_year: 平成20\n").fiscal_year, None);
        assert_eq!(head("divisions: []\norganization: 後\n").organization, None, "after the divisions: not the head");
        // A line cut off by the end of what was read is not taken.
        let cut = "fiscal_year: 2008\norganization: 上京区";
        assert_eq!(head_of(cut.as_bytes(), false), FileHead { organization: None, fiscal_year: Some(2008) });
        assert_eq!(
            head_of(b"fiscal_year: 2008\n\xff", false).fiscal_year,
            Some(2008),
            "bytes that are not UTF-8 end it"
        );
    }
}
