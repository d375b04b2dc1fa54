//! Reading one data file whole: opened without blocking, looked at as opened, read in one go,
//! checked to be UTF-8 and parsed. A reader of many files hands in one buffer for all of them:
//! a city's worth of reads then allocates it once, not once a file.

use std::fs;
use std::io::{self, Read as _};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::files::{MAX_FILE_BYTES, kind_of, open_plain};
use super::parse::parse_document;
use super::problem::{LoadError, Position, Problem, ProblemKind};
use hyoka_core::model::Document;

/// Reads a data file again (while open, or before a save), refusing what `discover` refuses:
/// something that is no plain file (a FIFO would block for ever) or too large.
pub fn read_data_file(path: &Path) -> io::Result<Vec<u8>> {
    let file = open_plain(path, false)?;
    let mut bytes = Vec::new();
    read_opened(&file, &mut bytes)?;
    Ok(bytes)
}

/// The bytes of an opened data file into `buffer`, read at once into room its size asks for.
fn read_opened(file: &fs::File, buffer: &mut Vec<u8>) -> io::Result<()> {
    buffer.clear();
    if file.metadata()?.len() > MAX_FILE_BYTES {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "larger than a data file can be"));
    }
    let mut file = file;
    file.read_to_end(buffer)?;
    if buffer.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "larger than a data file can be"));
    }
    Ok(())
}

/// Reads and validates one file. Every way of failing names the file.
pub fn load_file(path: &Path) -> Result<(Document, String), LoadError> {
    load_file_stamped(path).map(|(doc, text, _)| (doc, text))
}

/// [`load_file`], with what the file was when it was read (its time, length and inode).
pub fn load_file_stamped(path: &Path) -> Result<(Document, String, fs::Metadata), LoadError> {
    let mut buffer = Vec::new();
    let (doc, _, metadata) = load_into(path, &mut buffer)?;
    let text = decode(buffer).map_err(|problem| LoadError { path: path.to_path_buf(), problems: vec![problem] })?;
    Ok((doc, text, metadata))
}

/// [`load_file_stamped`], the text read into `buffer` (kept for the next file) and lent out.
pub fn load_into<'b>(path: &Path, buffer: &'b mut Vec<u8>) -> Result<(Document, &'b str, fs::Metadata), LoadError> {
    let fail = |kind| LoadError { path: path.to_path_buf(), problems: vec![Problem::at(None, kind)] };
    let read = |e: io::Error| fail(ProblemKind::Read { detail: e.to_string() });
    // Opened without blocking and looked at as opened: one open and one look for a file that
    // reads, and a folder, a pipe or a device named as what it is.
    let file = match fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path) {
        Ok(file) => file,
        Err(e) => {
            return Err(match fs::metadata(path) {
                Ok(m) if !m.is_file() => fail(ProblemKind::NotAFile { what: kind_of(&m) }),
                _ => read(e),
            });
        }
    };
    let metadata = file.metadata().map_err(read)?;
    if !metadata.is_file() {
        return Err(fail(ProblemKind::NotAFile { what: kind_of(&metadata) }));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(fail(ProblemKind::TooLarge { bytes: metadata.len(), limit: MAX_FILE_BYTES }));
    }
    read_opened(&file, buffer).map_err(read)?;
    let text = utf8(buffer).map_err(|problem| LoadError { path: path.to_path_buf(), problems: vec![problem] })?;
    // A broken file is rare and read by a person: worth a second look for all its problems.
    let doc = parse_document(text)
        .map_err(|_| LoadError { path: path.to_path_buf(), problems: super::all_problems(text) })?;
    Ok((doc, text, metadata))
}

/// The bytes as UTF-8 text, or where the first byte that is not UTF-8 stands. Checked by
/// `encoding_rs` (already here for the tables' encodings) with the vector instructions the
/// processor has: several times faster than the standard check on Japanese text, which is a
/// tenth of the time a file takes to read.
fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(std::borrow::Cow::Borrowed(text)) => Ok(text),
        _ => std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e.valid_up_to())),
    }
}

/// UTF-8 text (the bytes themselves, not a copy), or where the first byte that is not UTF-8 stands.
pub fn decode(bytes: Vec<u8>) -> Result<String, Problem> {
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error().valid_up_to()))
}

/// Where the first byte that is not UTF-8 stands, after the `good` bytes before it.
fn not_utf8(bytes: &[u8], good: usize) -> Problem {
    let good = String::from_utf8_lossy(bytes.get(..good).unwrap_or_default());
    let line = good.matches('\n').count() as u64 + 1;
    let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    Problem::at(Some(Position { line, column }), ProblemKind::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_byte_that_is_not_utf8_is_located() {
        let problem = decode(b"a: 1\nb: \xe6\x97\xa5\xff\n".to_vec()).err();
        assert_eq!(problem.and_then(|p| p.position), Some(Position { line: 2, column: 5 }));
    }

    #[test]
    fn one_buffer_reads_file_after_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let sample = include_str!("../../../../data/kamigyo/2008.yaml");
        let (long, short) = (dir.path().join("long.yaml"), dir.path().join("short.yaml"));
        std::fs::write(&long, sample).unwrap_or_else(|e| panic!("{e}"));
        let small = sample.split("divisions:").next().unwrap_or_default().to_owned() + "divisions: []\n";
        std::fs::write(&short, &small).unwrap_or_else(|e| panic!("{e}"));
        let mut buffer = Vec::new();
        let (_, text, _) = load_into(&long, &mut buffer).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(text, sample);
        let (doc, text, metadata) = load_into(&short, &mut buffer).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((text, doc.divisions.len(), metadata.len()), (small.as_str(), 0, small.len() as u64));
    }
}
