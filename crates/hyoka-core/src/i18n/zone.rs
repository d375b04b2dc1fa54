//! The office's time zone: stamps are written in it and every time on screen is shown in it, so
//! that a server kept in UTC still says 13:58 for a save at 13:58 in the office.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, Local, Utc};

/// Set once at start: `Some(zone)` from the office's settings, `None` for the system's zone. Never
/// set (the library in tests): times are shown in the offset they were stamped with.
static OFFICE_ZONE: OnceLock<Option<FixedOffset>> = OnceLock::new();

/// Decides the zone for this process (the first call counts).
pub fn set_office_zone(zone: Option<FixedOffset>) {
    let _ = OFFICE_ZONE.set(zone);
}

/// `at` as the office's clocks show it.
pub fn in_office_zone(at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    match OFFICE_ZONE.get() {
        None => at,
        Some(Some(zone)) => at.with_timezone(zone),
        Some(None) => at.with_timezone(&Local).fixed_offset(),
    }
}

/// Now, in the office's zone (the system's when the office names none).
pub fn office_now() -> DateTime<FixedOffset> {
    match OFFICE_ZONE.get() {
        Some(Some(zone)) => Utc::now().with_timezone(zone),
        _ => Local::now().fixed_offset(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_the_offices_zone_once_it_is_set() {
        let at = DateTime::parse_from_rfc3339("2026-11-26T04:58:00+00:00").unwrap_or_default();
        assert_eq!(in_office_zone(at).to_rfc3339(), "2026-11-26T04:58:00+00:00", "unset: as stamped");
        set_office_zone(FixedOffset::east_opt(9 * 3600));
        assert_eq!(in_office_zone(at).to_rfc3339(), "2026-11-26T13:58:00+09:00");
        assert_eq!(office_now().offset().local_minus_utc(), 9 * 3600);
    }
}
