//! The two bottom lines: where you are and what is unsaved; then a message or the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::w;
use crate::app::{App, Focus, Mode, Node, Tone};
use crate::model::Field;
use crate::text::{display_width, sanitize, truncate};

pub fn draw(frame: &mut Frame, app: &App, status: Rect, hints: Rect) {
    let width = usize::from(status.width);
    let lang = app.lang;
    let place = location(app);
    let mode = match &app.mode {
        Mode::Editing(_) => lang.pick("編集中", "editing"),
        Mode::Help { .. } => lang.pick("ヘルプ", "help"),
        Mode::ConfirmQuit => lang.pick("終了確認", "quit?"),
        Mode::Resolve(_) => lang.pick("競合", "conflict"),
        Mode::Recover(_) => lang.pick("復元", "recovery"),
        Mode::Export(_) => lang.pick("書き出し", "export"),
        Mode::Browse if app.read_only => lang.pick("閲覧専用", "read-only"),
        Mode::Browse => lang.pick("閲覧", "browse"),
    };
    let unsaved = app.dirty_sections().len();
    let (saved_text, saved_style) = if unsaved > 0 || app.has_unsaved() {
        (
            match lang {
                crate::i18n::Lang::Ja => format!(" 未保存 {}課 ", unsaved.max(1)),
                crate::i18n::Lang::En => format!(" unsaved: {} ", unsaved.max(1)),
            },
            Style::new().bg(Color::Yellow).fg(Color::Black).add_modifier(Modifier::BOLD),
        )
    } else {
        (lang.pick(" 保存済み ", " saved ").to_owned(), Style::new().bg(Color::Green).fg(Color::Black))
    };
    let mode_text = format!(" {mode} ");
    let right = display_width(&mode_text) + display_width(&saved_text);
    let place = truncate(&format!(" {place}"), width.saturating_sub(right));
    let pad = width.saturating_sub(display_width(&place) + right);
    let bar = Style::new().bg(Color::DarkGray).fg(Color::White);
    let line = Line::from(vec![
        Span::styled(w(place), bar),
        Span::styled(" ".repeat(pad), bar),
        Span::styled(w(mode_text), Style::new().bg(Color::Blue).fg(Color::White)),
        Span::styled(w(saved_text), saved_style),
    ]);
    frame.render_widget(Paragraph::new(line), status);

    let bottom = match &app.message {
        Some((text, tone)) => {
            let style = match tone {
                Tone::Info => Style::new().fg(Color::Green),
                Tone::Error => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            };
            Line::styled(w(truncate(&sanitize(text), usize::from(hints.width))), style)
        }
        None => Line::styled(w(truncate(key_hints(app), usize::from(hints.width))), Style::new().fg(Color::DarkGray)),
    };
    frame.render_widget(Paragraph::new(bottom), hints);
}

/// "data/kamigyo/2008.yaml 上京区役所 平成20年度 › 区民部 › 総務課"
fn location(app: &App) -> String {
    let file = match app.cursor {
        Node::File(f) | Node::Division(f, _) => f,
        Node::Section(at) => at.file,
    };
    let path = app.files.get(file).map(|f| f.path.display().to_string()).unwrap_or_default();
    let mut parts = vec![];
    if app.doc(file).is_none() {
        parts.push(app.lang.pick("読み込めないファイル", "file that cannot be read").to_owned());
    }
    if let Some(doc) = app.doc(file) {
        parts.push(doc.title());
        let division = match app.cursor {
            Node::Division(_, d) => Some(d),
            Node::Section(at) => Some(at.division),
            Node::File(_) => None,
        };
        if let Some(d) = division.and_then(|d| doc.divisions.get(d)) {
            parts.push(d.name.clone());
        }
        if let Some(s) = app.selected().and_then(|at| app.section(at)) {
            parts.push(s.name.clone());
        }
    }
    sanitize(&format!("{} │ {path}", parts.join(" › "))).into_owned()
}

fn key_hints(app: &App) -> &'static str {
    let lang = app.lang;
    match (&app.mode, app.focus) {
        (Mode::Resolve(_), _) => lang.pick(
            "m:自分の内容  t:相手の内容  e:合わせて編集  Esc:保存をやめる",
            "m:keep yours  t:keep theirs  e:edit both  Esc:cancel the save",
        ),
        (Mode::Recover(_), _) => lang.pick("r:戻す  d:中身を見る  x:捨てる", "r:restore  d:show  x:discard"),
        (Mode::Export(_), _) => {
            lang.pick("Tab:形式  Enter:書き出す  Esc:やめる", "Tab:format  Enter:export  Esc:cancel")
        }
        (Mode::Editing(_), _) => lang.pick(
            "Esc:編集終了  Ctrl-S:保存  Ctrl-Z:元に戻す  Ctrl-Y:やり直す  Enter:改行",
            "Esc:done  Ctrl-S:save  Ctrl-Z:undo  Ctrl-Y:redo  Enter:new line",
        ),
        (_, Focus::Tree) => lang.pick(
            "↑↓:移動  Enter:開く  Tab:欄へ  Ctrl-S:保存  ?:ヘルプ  q:終了   *:未保存 !:未記入あり",
            "↑↓:move  Enter:open  Tab:panes  Ctrl-S:save  ?:help  q:quit   *:unsaved !:empty fields",
        ),
        (_, Focus::Pane(Field::Rating)) => lang.pick(
            "1-4:達成度  Space:切替  0:未評価  Tab:次の欄  Esc:一覧  u:元に戻す  ?:ヘルプ",
            "1-4:rating  Space:cycle  0:clear  Tab:next  Esc:tree  u:undo  ?:help",
        ),
        (_, Focus::Pane(Field::Goals)) => lang.pick(
            "Enter:編集  a:追加  d:削除  K/J:並べ替え  Tab:次の欄  Esc:一覧  u:元に戻す",
            "Enter:edit  a:add  d:remove  K/J:reorder  Tab:next  Esc:tree  u:undo",
        ),
        (_, Focus::Pane(_)) => lang.pick(
            "Enter:編集  ↑↓:スクロール  Tab:次の欄  Esc:一覧  Ctrl-S:保存  ?:ヘルプ",
            "Enter:edit  ↑↓:scroll  Tab:next  Esc:tree  Ctrl-S:save  ?:help",
        ),
    }
}
