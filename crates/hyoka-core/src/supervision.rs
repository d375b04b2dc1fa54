//! Whether a panic on this thread is caught and reported by the work that runs here (a save
//! that failed, say), so that the panic hook leaves the screen alone; and helper threads that
//! such work starts, supervised as it is.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{Scope, ScopedJoinHandle};

thread_local! {
    /// Set while supervised work runs on this thread.
    static SUPERVISED: Cell<bool> = const { Cell::new(false) };
    /// What the panic hook heard of the last panic caught on this thread (message and place).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// For the panic hook: whether the panic happens under supervision (then it only notes `what`,
/// and neither prints over the screen nor gives the terminal back).
pub fn caught_here(what: &dyn std::fmt::Display) -> bool {
    let supervised = SUPERVISED.with(Cell::get);
    if supervised {
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(what.to_string()));
    }
    supervised
}

/// Does `work` under supervision; a panic of it comes back as what it said, and nothing is
/// printed over the screen.
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was = SUPERVISED.with(|s| s.replace(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    SUPERVISED.with(|s| s.set(was));
    result.map_err(|payload| {
        let heard = LAST_PANIC.with(|last| last.borrow_mut().take());
        let said = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned());
        heard.or(said).unwrap_or_default()
    })
}

/// Work handed to another thread of `scope` while this one goes on: supervised when this thread
/// is, and its panic, if any, goes on here when it is joined. Where no thread can be had, the
/// work is done at once, here.
pub struct Helper<'scope, T>(Done<'scope, T>);

/// `None` inside: the work was not found where it was left (it cannot be: it is taken once,
/// either by the thread or, when none started, here).
enum Done<'scope, T> {
    There(ScopedJoinHandle<'scope, std::thread::Result<Option<T>>>),
    Here(std::thread::Result<Option<T>>),
}

pub fn helper<'scope, T: Send + 'scope, W: FnOnce() -> T + Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    work: W,
) -> Helper<'scope, T> {
    helper_with(scope, std::thread::Builder::new(), work)
}

/// [`helper`] on a thread made by `builder` (a test asks for one no system can make).
fn helper_with<'scope, T: Send + 'scope, W: FnOnce() -> T + Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    builder: std::thread::Builder,
    work: W,
) -> Helper<'scope, T> {
    let supervised = SUPERVISED.with(Cell::get);
    // Kept here as well: a thread that cannot be started drops what it was given.
    let work = Arc::new(Mutex::new(Some(work)));
    let given = Arc::clone(&work);
    let started = builder.spawn_scoped(scope, move || {
        SUPERVISED.with(|s| s.set(supervised));
        let work = given.lock().unwrap_or_else(PoisonError::into_inner).take();
        catch_unwind(AssertUnwindSafe(|| work.map(|work| work()))).map_err(|payload| {
            // What the hook noted on the helper is what the supervisor hears.
            match LAST_PANIC.with(|last| last.borrow_mut().take()) {
                Some(heard) => Box::new(heard),
                None => payload,
            }
        })
    });
    match started {
        Ok(handle) => Helper(Done::There(handle)),
        Err(_) => {
            let work = work.lock().unwrap_or_else(PoisonError::into_inner).take();
            Helper(Done::Here(catch_unwind(AssertUnwindSafe(|| work.map(|work| work())))))
        }
    }
}

impl<T> Helper<'_, T> {
    /// What the work gave; a panic of it goes on on this thread (the hook has already heard it).
    pub fn join(self) -> T {
        let done = match self.0 {
            Done::There(handle) => handle.join().and_then(|result| result),
            Done::Here(result) => result,
        };
        match done {
            Ok(Some(value)) => value,
            Ok(None) => std::panic::resume_unwind(Box::new("the helper's work was lost")),
            Err(payload) => std::panic::resume_unwind(payload),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_helper_of_supervised_work_is_supervised_and_its_panic_is_the_works() {
        let outside = std::thread::scope(|scope| helper(scope, || SUPERVISED.with(Cell::get)).join());
        assert!(!outside, "not supervised unless its starter is");
        let caught = catch(|| {
            std::thread::scope(|scope| {
                let inside = helper(scope, || SUPERVISED.with(Cell::get)).join();
                assert!(inside);
                helper(scope, || -> () { std::panic::panic_any("途中で止まった") }).join();
            })
        });
        assert_eq!(caught, Err("途中で止まった".to_owned()));
        assert!(!SUPERVISED.with(Cell::get), "the flag is given back");
    }

    #[test]
    fn where_no_thread_can_be_had_the_work_is_done_here() {
        let here = std::thread::current().id();
        let impossible = std::thread::Builder::new().stack_size(usize::MAX / 2);
        let ran_on = std::thread::scope(|scope| helper_with(scope, impossible, || std::thread::current().id()).join());
        assert_eq!(ran_on, here);
        let ran_on = std::thread::scope(|scope| helper(scope, || std::thread::current().id()).join());
        assert_ne!(ran_on, here, "a thread of its own where one can be had");
    }
}
