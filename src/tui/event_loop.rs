//! The event loop: terminal events, worker outcomes and signals arrive on one channel; each goes
//! through `update`, its effects go to the worker, and the screen is drawn when something changed.
//! Nothing here waits on the disk, so keys keep working while a save waits for a lock.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as TerminalEvent};

use super::hold::{self, FrameHold};
use super::{terminal, watchdog};
use crate::app::{Action, App, Effect, action_for, split_escape, update};
use crate::worker::{Env, Handed, Outbox, Worker};

/// How often the state hears the time: the journal and the disk are looked at this often.
const TICK: Duration = Duration::from_millis(500);

enum Event {
    Terminal(TerminalEvent),
    Action(Action),
    Signal(i32),
    /// The terminal can no longer be read.
    InputGone,
}

/// Runs the screen on the terminal [`terminal::init`] took over; returns the signal that ended it,
/// or 0 when the user quit.
pub fn run(mut screen: terminal::Screen, app: &mut App, env: &Env) -> io::Result<i32> {
    let outcome = run_on(&mut screen, app, env);
    // Whatever ended the loop (a signal, a terminal that went away, an error), the work is kept first.
    let kept = env.write_journal_now(app);
    terminal::restore();
    // Said where it can still be read: after the terminal is given back, on standard error.
    if let Err(why) = kept {
        eprintln!("{}", crate::i18n::worker::WorkerWords::LastJournalFailed { why }.text(app.lang()));
    }
    outcome
}

fn run_on(screen: &mut terminal::Screen, app: &mut App, env: &Env) -> io::Result<i32> {
    let (sender, events) = channel::<Event>();
    let ending = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let deliver = {
        let (sender, ending) = (sender.clone(), Arc::clone(&ending));
        move |signal: i32| {
            let _ =
                ending.compare_exchange(0, usize::try_from(signal).unwrap_or(1), Ordering::Relaxed, Ordering::Relaxed);
            let _ = sender.send(Event::Signal(signal));
        }
    };
    watchdog::forward_signals(deliver.clone())?;
    watchdog::watch(Arc::clone(&ending), Arc::clone(&done), deliver)?;
    read_terminal(sender.clone())?;
    let outbox: Outbox = {
        let sender = std::sync::Mutex::new(sender);
        Arc::new(move |action| {
            let _ = sender.lock().unwrap_or_else(std::sync::PoisonError::into_inner).send(Event::Action(action));
        })
    };
    let mut worker = Worker::spawn(env, &outbox);
    let size = screen.size()?;
    let effects = update(app, Action::Resize(size.width, size.height));
    run_effects(screen, &mut worker, app, effects)?;
    // Journals, merges git left and who is at the keys: found by the worker while the first frame shows.
    let effects = update(app, Action::Start);
    run_effects(screen, &mut worker, app, effects)?;
    let result = serve(screen, app, &mut worker, &events);
    done.store(true, Ordering::Relaxed);
    result
}

fn serve(
    screen: &mut terminal::Screen,
    app: &mut App,
    worker: &mut Worker,
    events: &std::sync::mpsc::Receiver<Event>,
) -> io::Result<i32> {
    let mut next_tick = Instant::now() + TICK;
    let mut dirty = true;
    let mut hold = FrameHold::default();
    loop {
        if dirty && hold.lets_draw(Instant::now()) {
            screen.draw(|frame| crate::ui::draw(frame, app))?;
            dirty = false;
        }
        if app.should_quit() {
            return Ok(0);
        }
        let wake = match hold.wake_at() {
            Some(held) if dirty => held.min(next_tick),
            _ => next_tick,
        };
        let wait = wake.saturating_duration_since(Instant::now());
        let first = match events.recv_timeout(wait) {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(0),
        };
        if Instant::now() >= next_tick {
            next_tick = Instant::now() + TICK;
            let before = app.message().cloned();
            let effects = update(app, Action::Tick);
            run_effects(screen, worker, app, effects)?;
            dirty |= app.message() != before.as_ref();
        }
        // Everything already waiting is taken before the next frame: keys never queue behind drawing.
        for event in first.into_iter().chain(std::iter::from_fn(|| events.try_recv().ok())) {
            dirty = true;
            hold.release();
            let effects = match event {
                Event::Terminal(TerminalEvent::Key(key)) => {
                    let mut effects = Vec::new();
                    for key in split_escape(key) {
                        if let Some(action) = action_for(app, key) {
                            effects.extend(update(app, action));
                        }
                    }
                    effects
                }
                Event::Terminal(TerminalEvent::Paste(text)) => update(app, Action::Paste(text)),
                Event::Terminal(TerminalEvent::Resize(width, height)) => {
                    // The whole screen again, even at the same size: a terminal may have reflowed
                    // or garbled it while being resized. (Otherwise an unchanged frame sends nothing.)
                    terminal::wipe(screen)?;
                    update(app, Action::Resize(width, height))
                }
                Event::Terminal(_) => Vec::new(),
                Event::Action(action) => update(app, action),
                // A dropped link or a shutdown: every key read before it is in the state, and the
                // journal is written as soon as the loop ends.
                Event::Signal(signal) => return Ok(signal),
                Event::InputGone => return Ok(signal_hook::consts::SIGHUP),
            };
            let saves = hold::saves(&effects);
            run_effects(screen, worker, app, effects)?;
            // A save no worker took has failed already: its message is shown at once.
            if saves && app.saving() {
                hold.save_taken(Instant::now());
            }
        }
    }
}

/// Hands the effects to the worker; what no worker thread could take comes back to `update` at
/// once as its failed outcome (and what that asks for is handed on in turn).
fn run_effects(
    screen: &mut terminal::Screen,
    worker: &mut Worker,
    app: &mut App,
    effects: Vec<Effect>,
) -> io::Result<()> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        match worker.run(effect) {
            Handed::Taken => {}
            Handed::Redraw => terminal::wipe(screen)?,
            Handed::Failed(actions) => {
                for action in actions {
                    queue.extend(update(app, action));
                }
            }
        }
    }
    Ok(())
}

/// Reads the terminal on a thread of its own, so that the loop never waits for a key while
/// outcomes of the worker arrive. Without that thread no key would ever arrive: an error, which
/// ends the screen with the terminal given back.
fn read_terminal(sender: Sender<Event>) -> io::Result<()> {
    let spawned = std::thread::Builder::new().name("hyoka-input".into()).spawn(move || {
        loop {
            match event::read() {
                Ok(event) => {
                    if sender.send(Event::Terminal(event)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = sender.send(Event::InputGone);
                    return;
                }
            }
        }
    });
    spawned.map(drop)
}
