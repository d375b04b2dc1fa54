//! Whether a panic on this thread is caught and reported by the work that runs here (a save
//! that failed, say), so that the panic hook leaves the screen alone; and helper threads that
//! such work starts, supervised as it is.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
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
/// is, and its panic, if any, goes on here when it is joined.
pub struct Helper<'scope, T>(ScopedJoinHandle<'scope, std::thread::Result<T>>);

pub fn helper<'scope, T: Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Helper<'scope, T> {
    let supervised = SUPERVISED.with(Cell::get);
    Helper(scope.spawn(move || {
        SUPERVISED.with(|s| s.set(supervised));
        catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
            // What the hook noted on the helper is what the supervisor hears.
            match LAST_PANIC.with(|last| last.borrow_mut().take()) {
                Some(heard) => Box::new(heard),
                None => payload,
            }
        })
    }))
}

impl<T> Helper<'_, T> {
    /// What the work gave; a panic of it goes on on this thread (the hook has already heard it).
    pub fn join(self) -> T {
        match self.0.join() {
            Ok(Ok(value)) => value,
            Ok(Err(payload)) | Err(payload) => std::panic::resume_unwind(payload),
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
}
