//! A distribution of ratings as counts and bars of block characters, for the overview of a file or
//! a division. Bars are measured in display columns, so they keep their length where the terminal
//! draws the block character two columns wide.

use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::state::Counts;
use crate::i18n::review::ReviewWords;
use crate::ui::style::{self, dim};
use hyoka_core::text::{AmbiguousWidth, sanitize};

const BLOCK: &str = "█";

/// A bar for `n` of `total` in `cells` display columns.
pub fn bar(n: usize, total: usize, cells: usize, measure: AmbiguousWidth) -> String {
    let unit = measure.display_width(BLOCK).max(1);
    let filled = if total == 0 { 0 } else { (cells * n).div_ceil(total).min(cells) };
    BLOCK.repeat(filled / unit)
}

/// Text padded to `width` display columns.
pub fn pad(text: &str, width: usize, measure: AmbiguousWidth) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(measure.display_width(text))))
}

/// Text moved right to end at `width` display columns (`format!("{:>5}")` counts characters, so
/// that 課数 would end two columns further right than the numbers under it).
pub fn right(text: &str, width: usize, measure: AmbiguousWidth) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(measure.display_width(text))))
}

/// "目標達成度の分布（11課）", one line per mark with its count and bar, unrated, and then the
/// empty fields and the last change.
pub fn lines(app: &App, counts: &Counts, width: usize) -> Vec<Line<'static>> {
    let measure = app.ambiguous_width();
    let lang = app.lang();
    let unrated = ReviewWords::Unrated.text(lang);
    let mut rows: Vec<(String, usize)> =
        counts.grades.iter().map(|(mark, label, n)| (sanitize(&format!("{mark} {label}")).into_owned(), *n)).collect();
    rows.push((unrated, counts.unrated));
    let label_width = rows.iter().map(|(l, _)| measure.display_width(l)).max().unwrap_or(0);
    let count_width = counts.sections.to_string().len();
    let bar_cells = width.saturating_sub(label_width + count_width + 3);
    let title = format!(
        "{}（{}）",
        ReviewWords::Distribution.text(lang),
        ReviewWords::Sections { n: counts.sections }.text(lang)
    );
    let mut out = vec![Line::styled(measure.padded_for_cells(title), style::bold())];
    for (label, n) in rows {
        out.push(Line::from(vec![
            Span::raw(measure.padded_for_cells(format!("{} {n:>count_width$} ", pad(&label, label_width, measure)))),
            Span::styled(measure.padded_for_cells(bar(n, counts.sections, bar_cells, measure)), style::bold()),
        ]));
    }
    let last = match &counts.last {
        Some((at, by)) => {
            let at = crate::i18n::cycle::moment(*at, app.calendar(), app.lang());
            ReviewWords::LastChange { at, by: sanitize(by).into_owned() }
        }
        None => ReviewWords::NeverChanged,
    };
    out.push(Line::styled(
        measure.padded_for_cells(format!(
            "{}   {}",
            ReviewWords::Incomplete { n: counts.incomplete }.text(lang),
            last.text(lang)
        )),
        dim(),
    ));
    out
}
