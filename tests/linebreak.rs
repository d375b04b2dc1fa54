//! Japanese line breaking on the seed's real texts: no rule broken, nothing lost, lines full.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test")]

mod common;

use common::docs::sample;
use common::draw::BOTH_WIDTHS;
use hyoka::text::{break_positions, may_end_line, may_start_line};

/// Every paragraph of every long text in the seed.
fn paragraphs() -> Vec<String> {
    let doc = sample();
    let mut out = vec![doc.preface.clone().unwrap_or_default()];
    for section in doc.divisions.iter().flat_map(|d| &d.sections) {
        out.extend(section.goals.iter().cloned());
        out.extend(section.progress.split('\n').map(str::to_owned));
        out.push(section.reflection.clone());
    }
    out.retain(|p| !p.is_empty());
    out
}

#[test]
fn the_seed_wraps_by_the_rules_at_every_pane_width() {
    let paragraphs = paragraphs();
    assert!(paragraphs.len() > 30);
    // In both ambiguous widths: the seed's ①②・※ count two columns in the wide one.
    for (measure, width) in BOTH_WIDTHS.into_iter().flat_map(|m| [20, 33, 41, 60].map(|w| (m, w))) {
        for text in &paragraphs {
            let lines = measure.wrap(text, width);
            assert_eq!(lines.concat(), *text, "nothing lost or added at width {width}");
            for (n, line) in lines.iter().enumerate() {
                let shown = line.trim_end_matches(' ');
                assert!(measure.display_width(shown) <= width, "too wide at {width}: {line}");
                let first = line.chars().next().unwrap_or('a');
                let last = shown.chars().next_back().unwrap_or('a');
                assert!(n == 0 || may_start_line(first), "line starts with {first} at {width}: {lines:#?}");
                assert!(n + 1 == lines.len() || may_end_line(last), "line ends with {last} at {width}: {lines:#?}");
                if n + 1 < lines.len() {
                    // As full as the rules allow: the next line's first unbreakable piece (up to
                    // its first allowed break) would not have fitted here.
                    let next = &lines[n + 1];
                    let offset: usize = lines[..=n].iter().map(String::len).sum();
                    let piece_end = break_positions(text)
                        .into_iter()
                        .find(|&b| b > offset)
                        .map_or(next.len(), |b| (b - offset).min(next.len()));
                    let piece = next[..piece_end].trim_end_matches(' ');
                    let free = width - measure.display_width(shown);
                    assert!(
                        measure.display_width(piece) > free,
                        "'{piece}' would fit after line {n} at {width}: {lines:#?}"
                    );
                }
            }
        }
    }
}

#[test]
fn numbers_and_their_units_stay_together_when_they_fit() {
    let text = "ホームページの改善にも取り組み、アクセス件数は目標の1割には達しなかったが4%増加した。";
    for (measure, width) in BOTH_WIDTHS.into_iter().flat_map(|m| (8..60).map(move |w| (m, w))) {
        let lines = measure.wrap(text, width);
        assert!(lines.iter().any(|l| l.contains("4%")), "width {width}: {lines:?}");
        assert!(lines.iter().any(|l| l.contains("1割")), "width {width}: {lines:?}");
    }
}
