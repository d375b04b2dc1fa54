//! Bytes to text in the encodings spreadsheets save, chosen by byte-order mark or `--encoding`.
//!
//! Bytes to text: the encodings spreadsheet programs save tables in, chosen by byte-order mark or by `--encoding`,
//! never guessed.
//!
//! Excel's "Unicode text" is UTF-16LE with a BOM; "CSV UTF-8" is UTF-8 with a BOM; "CSV" and
//! "Text" on a Japanese Windows are CP932 without one. A BOM decides by itself; without one the
//! text is UTF-8 unless `--encoding` says otherwise. What does not decode is refused with the
//! place of the first bad byte and, where the bytes tell, the flag that would read them.

use encoding_rs::{DecoderResult, Encoding, SHIFT_JIS, UTF_16BE, UTF_16LE};

use super::error::ImportError;
use crate::i18n::interchange::read::{EncodingHint, ReadMsg};

/// The encodings `--encoding` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum TextEncoding {
    #[cfg_attr(feature = "cli", value(name = "utf-8", alias = "utf8"))]
    Utf8,
    #[cfg_attr(feature = "cli", value(name = "utf-16le", alias = "utf-16", alias = "unicode"))]
    Utf16Le,
    #[cfg_attr(feature = "cli", value(name = "utf-16be"))]
    Utf16Be,
    /// Windows' Shift_JIS (Microsoft code page 932, with the NEC and IBM extensions such as ①).
    #[cfg_attr(
        feature = "cli",
        value(name = "cp932", alias = "shift_jis", alias = "shift-jis", alias = "sjis", alias = "windows-31j")
    )]
    Cp932,
}

impl TextEncoding {
    /// The name a summary or a message shows.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Cp932 => "Shift_JIS (CP932)",
        }
    }

    fn flag(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Cp932 => "cp932",
        }
    }

    fn codec(self) -> Option<&'static Encoding> {
        match self {
            TextEncoding::Utf8 => None,
            TextEncoding::Utf16Le => Some(UTF_16LE),
            TextEncoding::Utf16Be => Some(UTF_16BE),
            // encoding_rs's Shift_JIS is the WHATWG one, which is Windows' code page 932.
            TextEncoding::Cp932 => Some(SHIFT_JIS),
        }
    }
}

/// The text, the encoding it was read in, and whether a BOM said so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    pub bom: bool,
}

const BOMS: [(&[u8], TextEncoding); 3] =
    [(b"\xEF\xBB\xBF", TextEncoding::Utf8), (b"\xFF\xFE", TextEncoding::Utf16Le), (b"\xFE\xFF", TextEncoding::Utf16Be)];

pub fn decode(bytes: &[u8], asked: Option<TextEncoding>) -> Result<Decoded, ImportError> {
    if let Some((bom, encoding)) = BOMS.into_iter().find(|(bom, _)| bytes.starts_with(bom)) {
        if let Some(asked) = asked.filter(|a| *a != encoding) {
            return Err(ImportError::whole(ReadMsg::BomDisagrees { bom: encoding.name(), asked: asked.flag() }));
        }
        let text = decode_as(bytes.get(bom.len()..).unwrap_or_default(), encoding)?;
        return Ok(Decoded { text, encoding, bom: true });
    }
    let encoding = asked.unwrap_or(TextEncoding::Utf8);
    if encoding == TextEncoding::Cp932 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        // Japanese CP932 text is practically never valid UTF-8; reading UTF-8 as CP932 is mojibake.
        return Err(ImportError::whole(ReadMsg::Cp932ButUtf8));
    }
    Ok(Decoded { text: decode_as(bytes, encoding)?, encoding, bom: false })
}

fn decode_as(bytes: &[u8], encoding: TextEncoding) -> Result<String, ImportError> {
    let Some(codec) = encoding.codec() else {
        return match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => {
                let good = bytes.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default();
                let (line, column) = end_of(good);
                Err(ImportError::whole(ReadMsg::NotUtf8 { line, column, hint: hint(bytes) }))
            }
        };
    };
    let mut decoder = codec.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length(bytes.len()).unwrap_or(bytes.len()));
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(..) | DecoderResult::OutputFull => {
            let (line, column) = end_of(&text);
            Err(ImportError::whole(ReadMsg::Malformed { encoding: encoding.name(), line, column }))
        }
    }
}

/// The 1-based line and column of the character after `text`: where decoding stopped.
fn end_of(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.trim_end_matches('\r').chars().count());
    (line, column + 1)
}

/// What the bytes say about how they were saved, for the message when they are not UTF-8.
fn hint(bytes: &[u8]) -> EncodingHint {
    if bytes.contains(&0) {
        return EncodingHint::Utf16;
    }
    match SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => {
            // A sheet's blank rows are saved as ",,,,": show the first line with something in it.
            let has_text = |l: &&str| l.chars().any(|c| !c.is_whitespace() && !matches!(c, ',' | '\t'));
            let line = text.lines().map(str::trim).find(has_text).unwrap_or_default();
            EncodingHint::Cp932 {
                first_line: hyoka_core::text::sanitize(&line.chars().take(40).collect::<String>()).into_owned(),
            }
        }
        None => EncodingHint::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(bytes: &[u8], asked: Option<TextEncoding>) -> Option<ReadMsg> {
        decode(bytes, asked).err().map(|e| e.problem)
    }

    #[test]
    fn a_bom_decides_and_is_removed() {
        let utf16: Vec<u8> =
            b"\xFF\xFE".iter().copied().chain("表\t○".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let read = decode(&utf16, None).ok();
        assert_eq!(read, Some(Decoded { text: "表\t○".into(), encoding: TextEncoding::Utf16Le, bom: true }));
        assert_eq!(decode("\u{feff}表".as_bytes(), None).map(|d| d.text).ok().as_deref(), Some("表"));
        let asked = problem(&utf16, Some(TextEncoding::Cp932));
        assert_eq!(asked, Some(ReadMsg::BomDisagrees { bom: "UTF-16LE", asked: "cp932" }));
    }

    #[test]
    fn cp932_is_read_when_asked_and_suggested_when_not() {
        let (bytes, _, _) = SHIFT_JIS.encode("所属等名,①目標\n区民部 総務課,〇");
        let read = decode(&bytes, Some(TextEncoding::Cp932)).map(|d| d.text).ok();
        assert_eq!(read.as_deref(), Some("所属等名,①目標\n区民部 総務課,〇"), "① is CP932's NEC extension");
        let Some(ReadMsg::NotUtf8 { line: 1, column: 1, hint: EncodingHint::Cp932 { first_line } }) =
            problem(&bytes, None)
        else {
            panic!("not refused with the CP932 hint")
        };
        assert_eq!(first_line, "所属等名,①目標");
        assert_eq!(problem("所属".as_bytes(), Some(TextEncoding::Cp932)), Some(ReadMsg::Cp932ButUtf8));
    }

    #[test]
    fn a_bad_byte_is_placed_by_line_and_character() {
        let mut bytes = "一行目\n二行".as_bytes().to_vec();
        bytes.push(0xFF);
        let Some(ReadMsg::NotUtf8 { line, column, .. }) = problem(&bytes, None) else { panic!("accepted") };
        assert_eq!((line, column), (2, 3));
        let odd = problem(b"\xFF\xFEa\0b", None);
        assert_eq!(odd, Some(ReadMsg::Malformed { encoding: "UTF-16LE", line: 1, column: 2 }));
        let nul = problem(b"a\0b\0\xFF", None);
        assert!(matches!(nul, Some(ReadMsg::NotUtf8 { hint: EncodingHint::Utf16, .. })), "{nul:?}");
    }
}
