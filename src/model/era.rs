//! Japanese eras and the wording of dates as the office writes them.

use chrono::{Datelike, NaiveDate};

/// "平成20年度" for the fiscal year starting April 2008.
///
/// A fiscal year takes the era in force on its first day (1 April), except that
/// fiscal 2019 is called 令和元年度 as offices did after the change of era on 1 May 2019.
pub fn fiscal_year_label(fiscal_year: i32) -> String {
    let (era, first_year) = match fiscal_year {
        y if y >= 2019 => ("令和", 2019),
        y if y >= 1989 => ("平成", 1989),
        y if y >= 1926 => ("昭和", 1926),
        _ => return format!("{fiscal_year}年度"),
    };
    match fiscal_year - first_year + 1 {
        1 => format!("{era}元年度"),
        n => format!("{era}{n}年度"),
    }
}

/// "11月末現在" for 30 November, "10月15日現在" for 15 October.
pub fn checkpoint_phrase(date: NaiveDate) -> String {
    let is_month_end = date.succ_opt().is_none_or(|next| next.month() != date.month());
    if is_month_end {
        format!("{}月末現在", date.month())
    } else {
        format!("{}月{}日現在", date.month(), date.day())
    }
}

/// ①②… for the goals; past ⑳ the circled digits run out and "(21)" is used.
pub fn goal_number(index: usize) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    match CIRCLED.chars().nth(index) {
        Some(c) => c.to_string(),
        None => format!("({})", index + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_years_are_named_by_their_era() {
        assert_eq!(fiscal_year_label(2008), "平成20年度");
        assert_eq!(fiscal_year_label(1989), "平成元年度");
        assert_eq!(fiscal_year_label(1988), "昭和63年度");
        assert_eq!(fiscal_year_label(2019), "令和元年度");
        assert_eq!(fiscal_year_label(2026), "令和8年度");
        assert_eq!(fiscal_year_label(1900), "1900年度");
    }

    #[test]
    fn checkpoint_is_month_end_or_day() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(checkpoint_phrase(d(2008, 11, 30)), "11月末現在");
        assert_eq!(checkpoint_phrase(d(2009, 2, 28)), "2月末現在");
        assert_eq!(checkpoint_phrase(d(2008, 2, 28)), "2月28日現在");
        assert_eq!(checkpoint_phrase(d(2008, 12, 31)), "12月末現在");
        assert_eq!(checkpoint_phrase(d(2008, 10, 15)), "10月15日現在");
    }

    #[test]
    fn goals_are_numbered_with_circled_digits() {
        assert_eq!(goal_number(0), "①");
        assert_eq!(goal_number(19), "⑳");
        assert_eq!(goal_number(20), "(21)");
    }
}
