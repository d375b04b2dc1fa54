//! The search: `/` opens the prompt and every key searches again (incremental), Enter keeps the
//! hits marked, `n` / `N` step through them across sections and files, Esc ends the search and
//! leaves the cursor where it is.

use unicode_segmentation::UnicodeSegmentation;

use crate::app::action::Action;
use crate::app::dialog::{Handled, close, stay};
use crate::app::state::{App, Focus, Mode, Node, Search, Tone};
use crate::app::tree;
use crate::command::Command;
use crate::i18n::app::Msg;
use crate::i18n::review::ReviewMsg;
use hyoka_core::text::fold::fold;

/// `/`: the search being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchPrompt {
    pub input: String,
}

/// `/`: the prompt. The index is brought up to date now (once per change of a file), so that
/// each key typed afterwards only searches.
pub(in crate::app) fn open(app: &mut App) {
    super::index::refresh(&mut app.review.index, &app.files, app.review.kana);
    app.mode = Mode::Search(Box::default());
}

pub(in crate::app) fn handle(
    mut prompt: Box<SearchPrompt>,
    app: &mut App,
    action: Action,
) -> Handled<Box<SearchPrompt>> {
    match action {
        Action::Command(Command::Close) => {
            end(app);
            return close();
        }
        Action::Command(Command::Accept) => {
            match &app.review.search {
                Some(search) if app.review.hits.order.is_empty() => {
                    let said = ReviewMsg::NoHits { query: search.query.clone() };
                    // While files are still being read, the search stays: their hits come as they do.
                    match app.reading() {
                        Some((read, total)) => {
                            app.say(Tone::Error, Msg::Review(ReviewMsg::SoFar { said: Box::new(said), read, total }));
                        }
                        None => {
                            app.review.search = None;
                            app.say(Tone::Error, Msg::Review(said));
                        }
                    }
                }
                Some(_) => say_position(app),
                None => {}
            }
            return close();
        }
        Action::Command(Command::ToggleKana) => app.review.kana = !app.review.kana,
        Action::Command(Command::DeleteBack) => {
            let keep = prompt.input.grapheme_indices(true).next_back().map_or(0, |(at, _)| at);
            prompt.input.truncate(keep);
        }
        Action::Type(c) => prompt.input.push(c),
        Action::Paste(text) => prompt.input.push_str(&text.replace(['\r', '\n'], " ")),
        _ => return stay(prompt),
    }
    set_query(app, &prompt.input);
    stay(prompt)
}

/// Searches for `query` anew and moves to its first hit at or after the cursor, as vim's
/// incremental search does.
pub(in crate::app) fn set_query(app: &mut App, query: &str) {
    let folded = fold(query, app.review.kana);
    app.review.search = (!folded.trim().is_empty()).then(|| Search { query: query.to_owned(), folded, current: None });
    app.review.stale = true;
    super::refresh(app);
    let here = key(app.cursor);
    let order = &app.review.hits.order;
    let found = order.iter().position(|(node, _)| key(*node) >= here).or((!order.is_empty()).then_some(0));
    if let Some(i) = found {
        go(app, i);
    }
}

/// `n` / `N`: the next or previous row with hits, round the end.
pub(in crate::app) fn step(app: &mut App, forward: bool) {
    if app.review.search.is_none() {
        app.say(Tone::Info, Msg::Review(ReviewMsg::NoSearch));
        return;
    }
    let order = &app.review.hits.order;
    if order.is_empty() {
        app.say(Tone::Info, Msg::Review(ReviewMsg::NoHitsShown));
        return;
    }
    let here = key(app.cursor);
    let found = if forward {
        order.iter().position(|(node, _)| key(*node) > here).unwrap_or(0)
    } else {
        order.iter().rposition(|(node, _)| key(*node) < here).unwrap_or(order.len() - 1)
    };
    go(app, found);
    say_position(app);
}

/// Esc: the search ends; the cursor stays where the search took it.
pub(in crate::app) fn end(app: &mut App) {
    if app.review.search.take().is_some() {
        app.review.stale = true;
        app.say(Tone::Info, Msg::Review(ReviewMsg::SearchEnded));
    }
}

fn go(app: &mut App, index: usize) {
    let Some((node, _)) = app.review.hits.order.get(index).copied() else { return };
    match node {
        Node::Section(at) => tree::expand_to(app, at),
        Node::Division(file, _) => {
            app.fold(Node::File(file), false);
        }
        Node::File(_) => {}
    }
    if !matches!(node, Node::Section(_)) {
        app.focus = Focus::Tree;
    }
    tree::select(app, node);
    if let Some(search) = &mut app.review.search {
        search.current = Some(index);
    }
}

fn say_position(app: &mut App) {
    if let Some((at, of)) = position(app) {
        app.say(Tone::Info, Msg::Review(ReviewMsg::HitPosition { at, of, hits: app.review.hits.total }));
    }
}

/// "3/17": the row under the cursor among the rows with hits (0 when it has none).
pub fn position(app: &App) -> Option<(usize, usize)> {
    app.review.search.as_ref()?;
    let order = &app.review.hits.order;
    let at = order.iter().position(|(node, _)| *node == app.cursor).map_or(0, |i| i + 1);
    Some((at, order.len()))
}

/// A row's place in tree order, to find the hit after the cursor.
fn key(node: Node) -> (usize, usize, usize) {
    match node {
        Node::File(f) => (f, 0, 0),
        Node::Division(f, d) => (f, d + 1, 0),
        Node::Section(at) => (at.file, at.division + 1, at.section + 1),
    }
}
