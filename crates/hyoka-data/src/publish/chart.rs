//! A bar chart as inline SVG: one bar per grade, each labelled with its mark and words and its
//! number, so that nothing is said by colour alone; its title and description are its text
//! alternative (`role="img"`), and the page shows the same numbers as a table.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::interchange::html::escape;

/// Each bar under its words: a label line, then the bar.
const ROW: usize = 52;
const LABEL: usize = 17;
const BAR: usize = 22;
const FONT: usize = 15;
/// The longest bar: narrow enough that a phone shows the chart at its own size.
const BAR_AREA: usize = 260;
/// Room for the number after the longest bar.
const AFTER: usize = 50;

/// `bars`: each bar's words ("◎ 達成できた") and number; `spoken`: the same as one sentence.
pub(super) fn bar_chart(id: &str, title: &str, spoken: &str, bars: &[(String, usize)]) -> String {
    // A full-width character is about one font size wide.
    let widest = bars.iter().map(|(label, _)| UnicodeWidthStr::width(label.as_str())).max().unwrap_or(0);
    let width = (widest * FONT).div_ceil(2).max(BAR_AREA + AFTER) + 4;
    let height = bars.len() * ROW + 4;
    let most = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"{FONT}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(spoken)
    );
    for (i, (label, count)) in bars.iter().enumerate() {
        let top = 2 + i * ROW;
        let bar_top = top + LABEL + 4;
        let length = count * BAR_AREA / most;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\" fill=\"#1a1a1a\">{}</text>\
             <rect x=\"0\" y=\"{bar_top}\" width=\"{length}\" height=\"{BAR}\" fill=\"#0017c1\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#1a1a1a\">{count}</text>",
            top + LABEL - 3,
            escape(label),
            length + 6,
            bar_top + BAR - 6,
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_as_long_as_their_numbers_and_say_them() {
        let bars = vec![("◎ 達成できた".to_owned(), 4), ("未評価".to_owned(), 1), ("× <なし>".to_owned(), 0)];
        let svg = bar_chart("c1", "分布", "◎ 達成できた 4課、未評価 1課", &bars);
        assert!(svg.starts_with("<svg class=\"chart\" role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
        assert!(svg.contains("<title id=\"c1-title\">分布</title>"));
        assert!(svg.contains("<desc id=\"c1-desc\">◎ 達成できた 4課、未評価 1課</desc>"));
        assert!(svg.contains(&format!("width=\"{BAR_AREA}\" height=\"{BAR}\"")), "the largest fills the area");
        assert!(svg.contains(&format!("width=\"{}\" height=\"{BAR}\"", BAR_AREA / 4)));
        assert!(svg.contains("width=\"0\"") && svg.contains(">0</text>"), "nothing is still said");
        assert!(svg.contains("× &lt;なし&gt;"));
    }
}
