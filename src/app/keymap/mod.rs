//! Key bindings as data: the defaults, the user's overrides, and what they produce — the command
//! for a key, the rows of the `?` help, the hints of the bottom line, the README's key map.

mod chord;
mod defaults;

use std::collections::BTreeMap;

pub use crate::command::{Command, Context, Now};
pub use chord::{BadKey, Chord, Key};
pub use defaults::{BANNER_HINTS, DEFAULTS, HINTS, SMALL};

use crate::i18n::Lang;
use crate::i18n::keys::{describe, hint_label, place};

/// The bindings in force: the defaults with the settings file's `keys:` applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Row>,
    /// Reviewer mode: the help and the hints leave out every key that edits (they still answer,
    /// saying that nothing can be changed).
    reviewer: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    context: Context,
    command: Command,
    keys: Vec<Chord>,
}

/// A mistake in the settings file's `keys:` section.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyConfigError {
    #[error("keys: '{name}' is not a command")]
    UnknownCommand { name: String, known: Vec<String> },
    #[error("keys: {name}: {key}")]
    BadKey { name: String, key: BadKey },
    #[error("keys: '{key}' is bound twice in {context}")]
    Twice { key: String, context: String, first: String, second: String },
}

/// One hint of the bottom line: the keys, and what they do there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
}

impl std::fmt::Display for Hint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.keys, self.label)
    }
}

/// Hints as the bottom line shows them, two spaces apart.
pub fn joined(hints: &[Hint]) -> String {
    hints.iter().map(Hint::to_string).collect::<Vec<_>>().join("  ")
}

/// One line of the help: where, which keys, what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub place: &'static str,
    pub keys: String,
    pub does: String,
}

impl Default for Keymap {
    fn default() -> Self {
        let rows = DEFAULTS
            .iter()
            .map(|b| Row {
                context: b.context,
                command: b.command,
                keys: b.keys.iter().filter_map(|k| k.parse().ok()).collect(),
            })
            .collect();
        Keymap { rows, reviewer: false }
    }
}

fn full_name(context: Context, command: Command) -> String {
    match context {
        Context::Global => command.name(),
        _ => format!("{}.{}", context.name(), command.name()),
    }
}

impl crate::command::KeyNames for Keymap {
    fn key(&self, context: Context, command: Command) -> String {
        self.key_name(context, command)
    }
}

impl Keymap {
    /// The defaults with `overrides` (binding name → keys) applied; each named binding gets
    /// exactly the keys given. Unknown names, unknown keys and a key bound twice in one place
    /// are refused, so a typo cannot silently leave a command without a key.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, KeyConfigError> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let Some(row) = map.rows.iter_mut().find(|r| full_name(r.context, r.command) == *name) else {
                let known = Keymap::default().rows.iter().map(|r| full_name(r.context, r.command)).collect();
                return Err(KeyConfigError::UnknownCommand { name: name.clone(), known });
            };
            row.keys = keys
                .iter()
                .map(|k| k.parse().map_err(|key| KeyConfigError::BadKey { name: name.clone(), key }))
                .collect::<Result<_, _>>()?;
        }
        map.check_unique()?;
        Ok(map)
    }

    fn check_unique(&self) -> Result<(), KeyConfigError> {
        let mut seen: BTreeMap<(Context, Chord), Command> = BTreeMap::new();
        for row in &self.rows {
            for key in &row.keys {
                if let Some(first) = seen.insert((row.context, *key), row.command)
                    && first != row.command
                {
                    return Err(KeyConfigError::Twice {
                        key: key.to_string(),
                        context: row.context.name().to_owned(),
                        first: full_name(row.context, first),
                        second: full_name(row.context, row.command),
                    });
                }
            }
        }
        Ok(())
    }

    /// The same bindings, shown to a reviewer: no editing key in the help or the hints.
    pub fn for_reviewers(mut self) -> Keymap {
        self.reviewer = true;
        self
    }

    /// Whether the help and hints show this binding.
    fn listed(&self, context: Context, command: Command) -> bool {
        !(self.reviewer && (command.edits() || context.edits()))
    }

    /// The command a key means where `contexts` apply (the first, most specific, wins).
    pub fn lookup(&self, contexts: &[Context], chord: Chord) -> Option<Command> {
        contexts.iter().find_map(|context| {
            self.rows.iter().find(|r| r.context == *context && r.keys.contains(&chord)).map(|r| r.command)
        })
    }

    /// The keys bound to a command in a place.
    pub fn keys(&self, context: Context, command: Command) -> &[Chord] {
        self.rows.iter().find(|r| r.context == context && r.command == command).map_or(&[], |r| &r.keys)
    }

    /// The help's rows, in the table's order, for the keys in force. The nine rating keys are one row.
    pub fn help(&self, lang: Lang) -> Vec<HelpRow> {
        let mut out: Vec<HelpRow> = Vec::new();
        for row in self.rows.iter().filter(|r| !r.keys.is_empty() && self.listed(r.context, r.command)) {
            let keys = row.keys.iter().map(|k| k.shown()).collect::<Vec<_>>().join(" ");
            if let Command::Rate(n) = row.command
                && n > 1
                && let Some(last) = out.last_mut().filter(|r| r.does == self.described(row.context, row.command, lang))
            {
                last.keys = format!("{} {keys}", last.keys);
                continue;
            }
            let (place, does) = (place(row.context, lang), self.described(row.context, row.command, lang));
            // ↑ and ↓ that do the same ("move up / down") are one row.
            if let Some(last) = out.last_mut().filter(|r| r.place == place && r.does == does) {
                last.keys = format!("{} / {keys}", last.keys);
                continue;
            }
            out.push(HelpRow { place, keys, does });
        }
        for row in &mut out {
            if row.keys == "1 2 3 4 5 6 7 8 9" {
                row.keys = "1-9".to_owned();
            }
        }
        out
    }

    /// The bottom line's hints for the place whose bindings come first in `contexts`, whatever
    /// the state (the help's view of them; the screen asks [`Keymap::hints_now`]).
    pub fn hints(&self, contexts: &[Context], lang: Lang) -> String {
        joined(&self.hints_now(contexts, lang, None))
    }

    /// The hints of the place whose bindings come first in `contexts`, as data: only what can
    /// be carried out `now` (every hint when `None`).
    pub fn hints_now(&self, contexts: &[Context], lang: Lang, now: Option<&Now>) -> Vec<Hint> {
        let Some(&context) = contexts.first() else { return Vec::new() };
        let Some((_, groups)) = HINTS.iter().find(|(c, _)| *c == context) else { return Vec::new() };
        self.hints_of(groups, contexts, lang, now)
    }

    /// Hints for `groups` of commands (those sharing a label shown together, "↑↓:移動"), with
    /// the keys bound where `contexts` apply and the words of the first of them.
    pub fn hints_of(&self, groups: &[&[Command]], contexts: &[Context], lang: Lang, now: Option<&Now>) -> Vec<Hint> {
        let Some(&context) = contexts.first() else { return Vec::new() };
        let mut out = Vec::new();
        for group in groups {
            let applies = |command: &&Command| now.is_none_or(|now| command.refused(now).is_none());
            let firsts: Vec<String> = group
                .iter()
                .filter(|command| self.listed(context, **command))
                .filter(applies)
                .filter_map(|command| contexts.iter().find_map(|c| self.keys(*c, *command).first()).map(|k| k.shown()))
                .collect();
            let Some(command) = group.first().filter(|_| !firsts.is_empty()) else { continue };
            let joiner = if firsts.iter().all(|k| k.chars().all(|c| c.is_ascii_digit())) {
                "-"
            } else if firsts.iter().all(|k| k.chars().count() == 1 && !k.is_ascii()) {
                ""
            } else {
                "/"
            };
            out.push(Hint { keys: firsts.join(joiner), label: hint_label(context, *command, lang) });
        }
        out
    }

    /// How a sentence names the keys of `commands` in `context` together ("↑↓", "Tab/↓").
    pub fn keys_named(&self, context: Context, commands: &[Command]) -> String {
        self.hints_of(&[commands], &[context], Lang::Ja, None).first().map(|h| h.keys.clone()).unwrap_or_default()
    }

    /// How a message names the key of `command` where `context` applies: its first key in force,
    /// or, where the user left it without one, its name in the settings file.
    pub fn key_name(&self, context: Context, command: Command) -> String {
        match self.keys(context, command).first() {
            Some(key) => key.shown(),
            None => format!("[{}]", full_name(context, command)),
        }
    }

    /// What a binding does, for the help, naming the other keys it speaks of as they are bound.
    fn described(&self, context: Context, command: Command, lang: Lang) -> String {
        const NAMED: [(&str, Context, Command); 7] = [
            ("{undo}", Context::Global, Command::Undo),
            ("{next}", Context::Global, Command::NextHit),
            ("{previous}", Context::Global, Command::PrevHit),
            ("{mine}", Context::Conflict, Command::KeepMine),
            ("{theirs}", Context::Conflict, Command::KeepTheirs),
            ("{both}", Context::Conflict, Command::EditBoth),
            ("{return}", Context::Global, Command::ReturnSection),
        ];
        let mut does = describe(context, command, lang).to_owned();
        for (token, place, named) in NAMED {
            if does.contains(token) {
                does = does.replace(token, &self.key_name(place, named));
            }
        }
        does
    }

    /// `hyoka keys`: a Markdown table of the bindings in force (the README's key map in English).
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = format!("| {} |\n|---|---|---|\n", crate::i18n::keys::table_heading(lang));
        for row in self.help(lang) {
            out.push_str(&format!("| {} | {} | {} |\n", row.place, row.keys.replace('|', "\\|"), row.does));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Chord {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_most_specific_place_wins_and_modifiers_count() {
        let map = Keymap::default();
        let goals = [Context::Goals, Context::Pane, Context::Global];
        assert_eq!(map.lookup(&goals, key("d")), Some(Command::RemoveGoal));
        assert_eq!(map.lookup(&goals, key("Ctrl-D")), None, "Ctrl-D is not d");
        assert_eq!(map.lookup(&goals, key("Esc")), Some(Command::Back));
        assert_eq!(map.lookup(&goals, key("Ctrl-S")), Some(Command::Save));
        assert_eq!(map.lookup(&[Context::Tree, Context::Global], key("Ctrl-L")), Some(Command::Redraw));
        assert_eq!(map.lookup(&[Context::Tree, Context::Global], key("l")), Some(Command::Expand));
    }

    #[test]
    fn overrides_replace_a_binding_and_mistakes_are_refused() {
        let set = |pairs: &[(&str, &[&str])]| {
            let overrides = pairs
                .iter()
                .map(|(name, keys)| ((*name).to_owned(), keys.iter().map(|k| (*k).to_owned()).collect()))
                .collect();
            Keymap::with_overrides(&overrides)
        };
        let map = set(&[("tree.down", &["n", "Down"]), ("save", &["F2"])]).unwrap_or_else(|e| panic!("{e}"));
        let tree = [Context::Tree, Context::Global];
        assert_eq!(map.lookup(&tree, key("n")), Some(Command::Down));
        assert_eq!(map.lookup(&tree, key("j")), None, "the override replaces the default keys");
        assert_eq!(map.lookup(&tree, key("F2")), Some(Command::Save));
        assert!(map.help(Lang::En).iter().any(|r| r.keys == "F2" && r.does.contains("save")));
        assert!(matches!(set(&[("tree.dwon", &["n"])]), Err(KeyConfigError::UnknownCommand { .. })));
        assert!(matches!(set(&[("tree.down", &["Hyper-n"])]), Err(KeyConfigError::BadKey { .. })));
        assert!(matches!(set(&[("tree.down", &["k"])]), Err(KeyConfigError::Twice { .. })));
    }

    #[test]
    fn hints_name_the_keys_in_force() {
        let map = Keymap::default();
        let tree = map.hints(&[Context::Tree, Context::Global], Lang::Ja);
        assert!(tree.starts_with("↑↓:移動  Enter:開く"), "{tree}");
        let rating = map.hints(&[Context::Rating, Context::Pane, Context::Global], Lang::Ja);
        assert!(rating.starts_with("1-4:"), "{rating}");
        let quit = map.hints(&[Context::Quit], Lang::Ja);
        assert!(quit.starts_with("s:保存して終了  d:保存せず終了"), "{quit}");
    }
}
