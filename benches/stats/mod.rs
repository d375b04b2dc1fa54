//! What every bench prints with its figures: the machine, how loaded it was, and a spread of
//! times (min, median, p90, p99, max) rather than one number.
#![allow(dead_code)]

use std::time::Duration;

/// `nproc`, the CPU model and the memory, as the README gives them.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = info.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split_once(':'));
    let model = model.map_or("unknown CPU", |(_, m)| m.trim());
    let memory = std::fs::read_to_string("/proc/meminfo").ok().and_then(|m| {
        let line = m.lines().find(|l| l.starts_with("MemTotal:"))?.to_owned();
        line.split_whitespace().nth(1)?.parse::<f64>().ok()
    });
    let gib = memory.map_or(String::new(), |kib| format!(", {:.0} GiB", kib / 1024.0 / 1024.0));
    format!("{cpus} cores, {model}{gib}")
}

/// The load average over the last minute (`/proc/loadavg`): how busy the machine was.
pub fn load() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().next().unwrap_or("?").to_owned()
}

/// The machine and its load, for the first line of a bench's output.
pub fn header(what: &str) -> String {
    format!("{what} — {}; load average {} at the start", machine(), load())
}

/// Times sorted, read as a spread.
pub struct Spread(Vec<Duration>);

impl Spread {
    pub fn of(mut times: Vec<Duration>) -> Spread {
        times.sort_unstable();
        Spread(times)
    }

    /// The time `p` of the way up (0.5 the median, 0.9 the 90th percentile), nearest rank.
    pub fn at(&self, p: f64) -> Duration {
        let rank = ((self.0.len() as f64 * p).ceil() as usize).clamp(1, self.0.len().max(1));
        self.0.get(rank - 1).copied().unwrap_or_default()
    }

    pub fn min(&self) -> Duration {
        self.0.first().copied().unwrap_or_default()
    }

    pub fn max(&self) -> Duration {
        self.0.last().copied().unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// "min 3.1 / p50 4.0 / p90 5.2 / p99 9.8 / max 9.8 ms (n 60)"
    pub fn line(&self) -> String {
        let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
        format!(
            "min {} / p50 {} / p90 {} / p99 {} / max {} ms (n {})",
            ms(self.min()),
            ms(self.at(0.5)),
            ms(self.at(0.9)),
            ms(self.at(0.99)),
            ms(self.max()),
            self.len()
        )
    }
}
