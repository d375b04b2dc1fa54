//! Japanese eras and the wording of dates as the office writes them, both ways.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

/// The fiscal years a data file may name (`hyoka check` refuses others): four-digit Western years.
pub const FISCAL_YEARS: RangeInclusive<i32> = 1900..=2999;

/// The eras a table may name a year in, with the Western year before each era's first year.
const ERAS: [(&str, i32); 3] = [("令和", 2018), ("平成", 1988), ("昭和", 1925)];

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

/// "令和8年11月26日": a day as the office writes it, in the era in force that day (令和 from
/// 1 May 2019, 平成 from 8 January 1989, 昭和 from 25 December 1926); the first year is 元年.
pub fn era_date(date: NaiveDate) -> String {
    const STARTS: [(&str, i32, u32, u32); 3] = [("令和", 2019, 5, 1), ("平成", 1989, 1, 8), ("昭和", 1926, 12, 25)];
    let era = STARTS.into_iter().find(|(_, y, m, d)| NaiveDate::from_ymd_opt(*y, *m, *d).is_some_and(|s| date >= s));
    let Some((name, first, _, _)) = era else {
        return format!("{}年{}月{}日", date.year(), date.month(), date.day());
    };
    let year = match date.year() - first + 1 {
        1 => "元".to_owned(),
        n => n.to_string(),
    };
    format!("{name}{year}年{}月{}日", date.month(), date.day())
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

/// "平成20年度" (or 令和元年度, full-width digits) anywhere in the text → 2008.
///
/// The first era name directly followed by a number (or 元) and 年度, wherever it stands:
/// "令和への改元を前に、平成30年度…" is 平成30年度. A number too large for any year is no year.
pub fn fiscal_year_in(text: &str) -> Option<i32> {
    let mut previous = None;
    text.char_indices().find_map(|(i, c)| {
        // A year starts a number: "99999年度" holds no year 9999.
        let after_digit = previous.is_some_and(|p: char| p.is_ascii_digit() || ('０'..='９').contains(&p));
        previous = Some(c);
        let (year, rest) = era_year_at(text.get(i..).filter(|_| !after_digit)?)?;
        rest.starts_with("度").then_some(year)
    })
}

/// "令和5年…" or "2023年…" at the start of `text` → (2023, "…"): the Western year and what follows
/// 年. Digits may be full-width; `None` for anything else, a year 0 or a number past four digits.
pub fn era_year_at(text: &str) -> Option<(i32, &str)> {
    if let Some((era, base)) = ERAS.into_iter().find(|(era, _)| text.starts_with(era)) {
        let after = text.get(era.len()..)?;
        let (number, rest) = after.split_once('年')?;
        let n = if number == "元" { 1 } else { small_number(number)? };
        return (n > 0).then(|| (base + n, rest));
    }
    let (number, rest) = text.split_once('年')?;
    let year = small_number(number)?;
    (number.chars().count() == 4).then_some((year, rest))
}

/// A number of one to four digits, half- or full-width ("１１" is 11); `None` for anything else.
pub fn small_number(text: &str) -> Option<i32> {
    if text.is_empty() || text.chars().count() > 4 {
        return None;
    }
    text.chars().try_fold(0i32, |acc, c| {
        let digit = c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))?;
        acc.checked_mul(10)?.checked_add(i32::try_from(digit).ok()?)
    })
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
    fn days_are_named_by_the_era_in_force_that_day() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(era_date(d(2026, 11, 26)), "令和8年11月26日");
        assert_eq!(era_date(d(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(era_date(d(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(era_date(d(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(era_date(d(1989, 1, 8)), "平成元年1月8日");
        assert_eq!(era_date(d(1900, 1, 1)), "1900年1月1日");
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
    fn era_years_are_read_and_bad_numbers_are_none() {
        assert_eq!(fiscal_year_in("～平成20年度、上京区役所では"), Some(2008));
        assert_eq!(fiscal_year_in("令和元年度"), Some(2019));
        assert_eq!(fiscal_year_in("平成２１年度"), Some(2009));
        assert_eq!(fiscal_year_in("令和への改元を前に、平成30年度の目標"), Some(2018));
        assert_eq!(fiscal_year_in("令和の時代"), None);
        assert_eq!(fiscal_year_in("平成99999999999年度"), None, "too large: no overflow, no year");
        assert_eq!(fiscal_year_in("平成0年度"), None);
        assert_eq!(fiscal_year_in("～2023年度、京都市役所では～"), Some(2023));
        assert_eq!(era_year_at("令和5年11月末現在"), Some((2023, "11月末現在")));
        assert_eq!(era_year_at("２０２３年11月"), Some((2023, "11月")));
        assert_eq!(era_year_at("23年11月"), None, "a Western year has four digits");
        assert_eq!(small_number("１１"), Some(11));
        assert_eq!(small_number("1a"), None);
    }

    #[test]
    fn goals_are_numbered_with_circled_digits() {
        assert_eq!(goal_number(0), "①");
        assert_eq!(goal_number(19), "⑳");
        assert_eq!(goal_number(20), "(21)");
    }
}
