//! Noticing that hyoka's terminal is gone (the SSH link dropped, the tmux pane was killed) and
//! that signals arrive, and making sure hyoka then ends.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// Sends each SIGHUP, SIGTERM and SIGINT to `deliver` as it arrives.
pub fn forward_signals(deliver: impl Fn(i32) + Send + 'static) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::Builder::new().name("hyoka-signals".into()).spawn(move || {
        for signal in signals.forever() {
            deliver(signal);
        }
    })?;
    Ok(())
}

/// When the terminal device is deleted, reports a hang-up through `deliver`. Once something has
/// asked hyoka to end (`ending` holds the signal), the process is ended 2–2.5 seconds later if the
/// loop has not finished by then: crossterm's input read can spin for ever on a dead terminal
/// (crossterm issue #793). The work is kept either way: the journal is brought up to date at every
/// tick of the loop, and once more when the loop ends in time.
pub fn watch(
    ending: Arc<AtomicUsize>,
    done: Arc<AtomicBool>,
    deliver: impl Fn(i32) + Send + 'static,
) -> std::io::Result<()> {
    let spawned = std::thread::Builder::new().name("hyoka-watchdog".into()).spawn(move || {
        let mut reported = false;
        let mut since: Option<Instant> = None;
        loop {
            // Twice a second, as the event loop's tick: a dead terminal is noticed within half a
            // second, and an idle hyoka is not woken ten times a second for it.
            std::thread::sleep(Duration::from_millis(500));
            if done.load(Ordering::Relaxed) {
                return;
            }
            let terminal_gone = std::fs::read_link("/proc/self/fd/0")
                .is_ok_and(|target| target.to_string_lossy().ends_with(" (deleted)"));
            if terminal_gone && !reported {
                reported = true;
                deliver(SIGHUP);
            }
            let caught = ending.load(Ordering::Relaxed);
            if caught == 0 {
                continue;
            }
            if since.get_or_insert_with(Instant::now).elapsed() >= Duration::from_secs(2) {
                std::process::exit(128 + i32::try_from(caught).unwrap_or(0));
            }
        }
    });
    // A machine that cannot start a thread cannot be trusted to keep the work either: an error.
    spawned.map(drop)
}
