//! A key with its modifiers, as bindings name it ("Ctrl-S", "Shift-Tab", "G", "PageDown") and as
//! the terminal reports it, made comparable.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key press as bindings see it. Letters carry their case instead of Shift ("G" is Shift-g), so
/// that a terminal reporting Shift or not for a capital letter makes no difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// The keys that can be bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

const NAMED: [(&str, Key); 15] = [
    ("Enter", Key::Enter),
    ("Esc", Key::Esc),
    ("Tab", Key::Tab),
    ("Backspace", Key::Backspace),
    ("Delete", Key::Delete),
    ("Insert", Key::Insert),
    ("Up", Key::Up),
    ("Down", Key::Down),
    ("Left", Key::Left),
    ("Right", Key::Right),
    ("Home", Key::Home),
    ("End", Key::End),
    ("PageUp", Key::PageUp),
    ("PageDown", Key::PageDown),
    ("Space", Key::Char(' ')),
];

impl Chord {
    pub const fn plain(key: Key) -> Chord {
        Chord { key, ctrl: false, alt: false, shift: false }
    }

    /// The chord of a key event; `None` for keys hyoka never binds (media keys, bare modifiers).
    pub fn from_event(event: KeyEvent) -> Option<Chord> {
        let m = event.modifiers;
        let ctrl = m.contains(KeyModifiers::CONTROL);
        let alt = m.contains(KeyModifiers::ALT);
        let mut shift = m.contains(KeyModifiers::SHIFT);
        let key = match event.code {
            KeyCode::Char(c) => {
                // The character already says Shift ("G", "?"); Ctrl-letters come lower or upper case.
                shift = false;
                Key::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => {
                shift = true;
                Key::Tab
            }
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            KeyCode::Insert => Key::Insert,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::F(n) => Key::F(n),
            _ => return None,
        };
        Some(Chord { key, ctrl, alt, shift })
    }

    /// A character typed into a text, when the chord is one.
    pub fn typed(self) -> Option<char> {
        match self.key {
            Key::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// The chord as the help shows it: arrows as ↑↓←→.
    pub fn shown(self) -> String {
        let base = match self.key {
            Key::Up => "↑".to_owned(),
            Key::Down => "↓".to_owned(),
            Key::Left => "←".to_owned(),
            Key::Right => "→".to_owned(),
            _ => return self.to_string(),
        };
        self.with_modifiers(&base)
    }

    fn with_modifiers(self, base: &str) -> String {
        let mut out = String::new();
        for (on, name) in [(self.ctrl, "Ctrl-"), (self.alt, "Alt-"), (self.shift, "Shift-")] {
            if on {
                out.push_str(name);
            }
        }
        out.push_str(base);
        out
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let base = match self.key {
            Key::Char(' ') => "Space".to_owned(),
            Key::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            Key::Char(c) => c.to_string(),
            Key::F(n) => format!("F{n}"),
            key => NAMED.iter().find(|(_, k)| *k == key).map_or("?", |(name, _)| name).to_owned(),
        };
        f.write_str(&self.with_modifiers(&base))
    }
}

/// Why a key name in the settings file is not understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a key")]
pub struct BadKey(pub String);

impl FromStr for Chord {
    type Err = BadKey;

    /// "j", "G", "?", "Ctrl-S", "Shift-Tab", "Alt-Up", "PageDown", "F1", "Space".
    fn from_str(text: &str) -> Result<Chord, BadKey> {
        let bad = || BadKey(text.to_owned());
        let mut chord = Chord::plain(Key::Esc);
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (on, len) = if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                (&mut chord.ctrl, 5)
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                (&mut chord.alt, 4)
            } else if lower.starts_with("shift-") || lower.starts_with("shift+") {
                (&mut chord.shift, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break; // "Ctrl-" alone, or the key "-" after a modifier is handled below
            }
            *on = true;
            rest = rest.get(len..).ok_or_else(bad)?;
        }
        let mut chars = rest.chars();
        chord.key = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if chord.ctrl {
                    Key::Char(c.to_ascii_lowercase())
                } else {
                    Key::Char(c)
                }
            }
            _ => {
                if let Some(n) = rest.strip_prefix(['F', 'f']).and_then(|n| n.parse::<u8>().ok()) {
                    Key::F(n)
                } else {
                    NAMED.iter().find(|(name, _)| name.eq_ignore_ascii_case(rest)).map(|(_, k)| *k).ok_or_else(bad)?
                }
            }
        };
        if chord.shift && matches!(chord.key, Key::Char(_)) && !chord.ctrl {
            // "Shift-g" is what the terminal reports as "G".
            if let Key::Char(c) = chord.key {
                chord.key = Key::Char(c.to_ascii_uppercase());
            }
            chord.shift = false;
        }
        Ok(chord)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Chord {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn names_and_events_meet_in_one_form() {
        let event = |code, modifiers| Chord::from_event(KeyEvent::new(code, modifiers));
        assert_eq!(event(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(parse("G")));
        assert_eq!(event(KeyCode::Char('G'), KeyModifiers::NONE), Some(parse("Shift-g")));
        assert_eq!(event(KeyCode::BackTab, KeyModifiers::SHIFT), Some(parse("Shift-Tab")));
        assert_eq!(event(KeyCode::Char('s'), KeyModifiers::CONTROL), Some(parse("Ctrl-S")));
        assert_eq!(event(KeyCode::Char('S'), KeyModifiers::CONTROL | KeyModifiers::SHIFT), Some(parse("ctrl+s")));
        assert_eq!(event(KeyCode::Char(' '), KeyModifiers::NONE), Some(parse("Space")));
        assert_eq!(event(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(parse("?")));
        assert_eq!(event(KeyCode::Up, KeyModifiers::ALT), Some(parse("Alt-Up")));
        assert_eq!(event(KeyCode::F(5), KeyModifiers::NONE), Some(parse("F5")));
        assert_eq!(event(KeyCode::Char('-'), KeyModifiers::CONTROL), Some(parse("Ctrl--")));
        assert_ne!(parse("Ctrl-D"), parse("d"), "a modifier is part of the binding");
    }

    #[test]
    fn chords_print_as_they_are_written() {
        for text in ["Ctrl-S", "Shift-Tab", "G", "?", "PageDown", "Space", "F2", "Alt-Up", "Ctrl-L"] {
            assert_eq!(parse(text).to_string(), text);
        }
        assert_eq!(parse("Shift-Up").shown(), "Shift-↑");
        assert_eq!("Ctrl-".parse::<Chord>(), Err(BadKey("Ctrl-".into())));
        assert_eq!("Hyper-X".parse::<Chord>(), Err(BadKey("Hyper-X".into())));
    }
}
