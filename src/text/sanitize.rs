//! Data files come from git and other people: nothing in them may drive the terminal.

/// Replaces every character that a terminal would act upon (escape sequences, C0/C1 controls,
/// bidirectional overrides) with a visible stand-in; tabs become spaces. Line breaks stay.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c != '\n' && (c as u32) < 0x20 => {
                // U+2400.. "control pictures": ␛ for ESC, ␇ for BEL, …
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
            }
            '\u{7f}' => out.push('␡'),
            c if needs_replacing(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn needs_replacing(c: char) -> bool {
    (c != '\n' && c.is_control())
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(sanitize("x\u{9b}y"), "x<U+009B>y");
        assert_eq!(sanitize("\u{202e}abc"), "<U+202E>abc");
        assert_eq!(sanitize("一\n二\tend"), "一\n二    end");
        assert!(matches!(sanitize("普通の文"), std::borrow::Cow::Borrowed(_)));
    }
}
