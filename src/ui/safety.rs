//! The dialogs that protect work: conflicting saves, and recovery of unsaved work.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{block, dim, w};
use crate::app::{App, Recovery, Resolution};
use crate::i18n::Lang;
use crate::text::{caret_cell, edit_rows, sanitize, truncate, wrap};

fn dialog_area(frame: &Frame) -> Rect {
    let area = frame.area();
    area.centered(
        Constraint::Length(area.width.saturating_sub(4).min(100)),
        Constraint::Length(area.height.saturating_sub(2)),
    )
}

/// The text width inside the conflict dialog's boxes, for the combined editor's ↑↓.
pub fn conflict_text_width(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let dialog =
        area.centered(Constraint::Length(area.width.saturating_sub(4).min(100)), Constraint::Length(area.height));
    usize::from(dialog.width.saturating_sub(4))
}

fn text_box(frame: &mut Frame, area: Rect, title: String, text: &str, style: Style) {
    let frame_block = block().title(w(title)).border_style(style);
    let inner = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    let empty = text.is_empty();
    let lines: Vec<Line> = if empty {
        vec![Line::styled(w("（空）"), dim())]
    } else {
        wrap(&sanitize(text), usize::from(inner.width)).into_iter().map(|l| Line::from(w(l))).collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn conflict(frame: &mut Frame, app: &App, r: &Resolution) {
    let lang = app.lang;
    let area = dialog_area(frame);
    frame.render_widget(Clear, area);
    let Some(c) = r.conflicts.get(r.index) else { return };
    let title = match lang {
        Lang::Ja => format!(" 同時に編集された項目 {}/{} ", r.index + 1, r.conflicts.len()),
        Lang::En => format!(" Edited by two people {}/{} ", r.index + 1, r.conflicts.len()),
    };
    let outer = block().title(w(title)).border_style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let place = format!("{} › {} › {}", c.division, c.section, c.field.label(lang));
    let explain = lang.pick(
        "あなたが編集している間に、他の人が同じ項目を保存しました。残す内容を選んでください。",
        "While you were editing, someone else saved the same field. Choose what to keep.",
    );
    let explain_lines = wrap(explain, usize::from(inner.width));
    let [head, mine, theirs, keys] = Layout::vertical([
        Constraint::Length(1 + explain_lines.len() as u16),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let mut head_lines = vec![Line::styled(
        w(truncate(&sanitize(&place), usize::from(head.width))),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    head_lines.extend(explain_lines.into_iter().map(|l| Line::from(w(l))));
    frame.render_widget(Paragraph::new(head_lines), head);
    let who = match (&c.their_by, c.their_at) {
        (Some(by), Some(at)) => format!("{by}, {}", at.format("%Y-%m-%d %H:%M")),
        (Some(by), None) => by.clone(),
        (None, Some(at)) => at.format("%Y-%m-%d %H:%M").to_string(),
        (None, None) => lang.pick("不明", "unknown").to_owned(),
    };
    let theirs_title = match lang {
        Lang::Ja => format!(" t: 相手の内容（{who}） "),
        Lang::En => format!(" t: theirs ({who}) "),
    };
    match &r.combined {
        Some(textarea) => {
            let both = mine.union(theirs);
            let frame_block = block()
                .title(w(
                    lang.pick(" 合わせた内容を編集中（Esc で決定） ", " Editing the combined text (Esc to use it) ")
                ))
                .border_style(Style::new().fg(Color::Yellow));
            let inner = frame_block.inner(both);
            frame.render_widget(frame_block, both);
            let rows = edit_rows(textarea.lines(), usize::from(inner.width));
            let cursor = textarea.cursor();
            let (row, col) = caret_cell(&rows, cursor.0, cursor.1);
            let top = (row + 1).saturating_sub(usize::from(inner.height));
            let shown: Vec<Line> =
                rows.iter().skip(top).take(usize::from(inner.height)).map(|r| Line::from(w(&r.shown))).collect();
            frame.render_widget(Paragraph::new(shown), inner);
            let (x, y) = (inner.x + col.min(usize::from(inner.width)) as u16, inner.y + (row - top) as u16);
            if x < inner.right() && y < inner.bottom() {
                frame.buffer_mut()[(x, y)].set_style(Style::new().add_modifier(Modifier::REVERSED));
                frame.set_cursor_position((x, y));
            }
        }
        None => {
            text_box(
                frame,
                mine,
                lang.pick(" m: あなたの内容 ", " m: yours ").to_owned(),
                &c.mine,
                Style::new().fg(Color::Cyan),
            );
            text_box(frame, theirs, theirs_title, &c.theirs, Style::new().fg(Color::Magenta));
        }
    }
    let hint = if r.combined.is_some() {
        lang.pick("Esc: この内容にする", "Esc: use this text")
    } else {
        lang.pick(
            "m: 自分の内容  t: 相手の内容  e: 合わせて編集  Esc: 保存をやめる",
            "m: keep yours  t: keep theirs  e: edit both together  Esc: cancel the save",
        )
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            w(truncate(hint, usize::from(keys.width))),
            Style::new().add_modifier(Modifier::BOLD),
        )),
        keys,
    );
}

pub fn recovery(frame: &mut Frame, app: &App, r: &Recovery) {
    let lang = app.lang;
    let area = dialog_area(frame);
    frame.render_widget(Clear, area);
    let Some(entry) = r.entries.get(r.index) else { return };
    let path = app.files.get(entry.file).map(|f| f.path.display().to_string()).unwrap_or_default();
    let title = match lang {
        Lang::Ja => format!(" 保存されていない変更があります {}/{} ", r.index + 1, r.entries.len()),
        Lang::En => format!(" Unsaved changes found {}/{} ", r.index + 1, r.entries.len()),
    };
    let outer = block().title(w(title)).border_style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    let when = entry
        .written
        .map(|t| {
            let at = chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d %H:%M:%S");
            match lang {
                Lang::Ja => format!("（{at}）"),
                Lang::En => format!(" ({at})"),
            }
        })
        .unwrap_or_default();
    let mut lines: Vec<Line> = Vec::new();
    if let Some(scroll) = r.diff_scroll {
        for difference in &entry.differences {
            let place = difference.place(lang);
            lines.push(Line::styled(w(truncate(&sanitize(&place), width)), Style::new().add_modifier(Modifier::BOLD)));
            for l in wrap(&sanitize(&difference.before), width.saturating_sub(2)) {
                lines.push(Line::styled(w(format!("- {l}")), Style::new().fg(Color::Red)));
            }
            for l in wrap(&sanitize(&difference.after), width.saturating_sub(2)) {
                lines.push(Line::styled(w(format!("+ {l}")), Style::new().fg(Color::Green)));
            }
            lines.push(Line::default());
        }
        let visible = usize::from(inner.height.saturating_sub(1));
        let scroll = usize::from(scroll).min(lines.len().saturating_sub(visible));
        let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
        shown.push(Line::styled(
            w(lang.pick("↑↓: スクロール  他のキー: 戻る", "↑↓: scroll  any other key: back")),
            dim(),
        ));
        frame.render_widget(Paragraph::new(shown), inner);
        return;
    }
    let explain = match lang {
        Lang::Ja => format!(
            "前回 hyoka が保存せずに終わったとき{when}の、{path} の変更が残っています（{}項目）。",
            entry.differences.len()
        ),
        Lang::En => {
            format!(
                "hyoka ended without saving{when}; the unsaved changes to {} field{} of {path} were kept.",
                entry.differences.len(),
                if entry.differences.len() == 1 { "" } else { "s" }
            )
        }
    };
    lines.extend(wrap(&sanitize(&explain), width).into_iter().map(|l| Line::from(w(l))));
    lines.push(Line::default());
    for difference in entry.differences.iter().take(usize::from(inner.height.saturating_sub(6))) {
        lines.push(Line::from(w(truncate(&format!("・{}", sanitize(&difference.place(lang))), width))));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        w(truncate(
            lang.pick(
                "r: 変更を戻す  d: 変更の中身を見る  x: 変更を捨てる",
                "r: restore the changes  d: show them  x: throw them away",
            ),
            width,
        )),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
