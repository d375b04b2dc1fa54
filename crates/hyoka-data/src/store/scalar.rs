//! How one string is written as a YAML scalar so that every reader takes it back unchanged.
//!
//! Plain where that is safe for YAML 1.2 (our reader) and 1.1 (PyYAML, ruamel, older tools the
//! office may run over the files), a `|-` block for multi-line text, double quotes otherwise.

use std::fmt::Write as _;

/// Characters that may not stand raw in a YAML file, or that readers treat as line breaks or
/// byte-order marks: written as escapes. YAML 1.2 allows tab, LF, CR, U+0020–U+007E, U+0085,
/// U+00A0–U+D7FF, U+E000–U+FFFD and U+10000 up; everything else (C0 and C1 controls, DEL, the
/// noncharacters U+FFFE and U+FFFF) must be escaped, and U+0085, U+2028, U+2029, U+FEFF are
/// escaped too because some readers break lines at them or drop them.
pub(crate) fn needs_escape(c: char) -> bool {
    let printable = matches!(c as u32, 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x1_0000..);
    !printable || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

/// `Some("-")` or `Some("")` when the text is best written as a literal block (`|-` or `|`).
pub(crate) fn block_chomping(text: &str) -> Option<&'static str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if !body.contains('\n') || body.ends_with('\n') {
        return None;
    }
    let first_line = body.split('\n').next().unwrap_or_default();
    let safe = !first_line.starts_with([' ', '\t'])
        && !first_line.is_empty()
        && !body.chars().any(|c| c != '\n' && needs_escape(c))
        && body.split('\n').all(|line| line.is_empty() || !line.trim_start_matches([' ', '\t']).is_empty());
    if !safe {
        return None;
    }
    Some(if text.ends_with('\n') { "" } else { "-" })
}

/// A scalar in block context: plain where YAML reads it back as the same string, else quoted.
pub(crate) fn block_scalar(text: &str) -> String {
    if is_plain_safe(text, false) { text.to_owned() } else { double_quoted(text) }
}

/// A scalar inside `{ … }`: plain only when it is plainly safe for every reader. Readers differ
/// most here (PyYAML ends a plain scalar at `?` and at `:` inside braces, YAML 1.2 readers do not),
/// so no indicator character may stand anywhere in it.
pub(crate) fn flow_scalar(text: &str) -> String {
    let indicator = |c: char| "-?:,[]{}#&*!|>'\"%@`\\~".contains(c);
    let plainly_safe = is_plain_safe(text, true) && !text.contains(indicator) && !text.contains('\t');
    if plainly_safe { text.to_owned() } else { double_quoted(text) }
}

fn is_plain_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.starts_with([' ', '\t']) || text.ends_with([' ', '\t']) || text.ends_with(':') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if text.contains(": ") || text.contains(" #") || text.chars().any(needs_escape) {
        return false;
    }
    if in_flow && text.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    !resolves_to_non_string(text)
}

/// Words and numbers that a YAML 1.1 or 1.2 reader would take for something other than a string.
fn resolves_to_non_string(text: &str) -> bool {
    const WORDS: [&str; 14] =
        ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan"];
    // `=` is YAML 1.1's "value" key and `<<` its merge key: PyYAML refuses or merges them.
    if WORDS.iter().any(|w| w.eq_ignore_ascii_case(text)) || text == "=" || text == "<<" {
        return true;
    }
    // 1.5, 0x1F, 1_000, 12:30 (sexagesimal in YAML 1.1), 2008-11-30, and timestamps with a space
    // such as `2001-12-14 21:59:43.10 -5`, which YAML 1.1 readers turn into dates.
    text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "_+-.: ".contains(c))
}

pub(crate) fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) && (c as u32) > 0xFFFF => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noncharacters_and_yaml_1_1_specials_are_quoted() {
        assert_eq!(block_scalar("a\u{FFFE}b"), "\"a\\uFFFEb\"");
        assert_eq!(block_scalar("\u{FFFF}"), "\"\\uFFFF\"");
        assert_eq!(block_scalar("="), "\"=\"");
        assert_eq!(block_scalar("<<"), "\"<<\"");
        assert_eq!(block_scalar("2001-12-14 21:59:43"), "\"2001-12-14 21:59:43\"");
        assert_eq!(block_scalar("1割増加"), "1割増加");
        assert_eq!(block_chomping("a\n\u{FFFE}"), None);
    }

    #[test]
    fn a_flow_scalar_is_plain_only_without_any_indicator() {
        assert_eq!(flow_scalar("◎"), "◎");
        assert_eq!(flow_scalar("ある程度達成できた"), "ある程度達成できた");
        assert_eq!(flow_scalar("ほぼ 達成"), "ほぼ 達成");
        for text in ["漢?", "1'? ~", "a:b", "x#y", "a-b", "~", "a\tb", "達成（8割)?"] {
            assert!(flow_scalar(text).starts_with('"'), "{text} is quoted");
        }
    }
}
