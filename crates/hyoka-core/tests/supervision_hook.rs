//! With a panic hook like the screen's (it asks `caught_here` first), the panic of a helper of
//! supervised work reaches the supervisor with what the hook heard: the message and its place.
//! A binary of its own: the hook is the process's.

use hyoka_core::supervision::{catch, caught_here, helper};

#[test]
fn what_the_hook_heard_of_a_helpers_panic_is_what_the_supervisor_hears() {
    let printed = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let seen = std::sync::Arc::clone(&printed);
    std::panic::set_hook(Box::new(move |info| {
        if !caught_here(info) {
            seen.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }));
    let caught = catch(|| {
        std::thread::scope(|scope| helper(scope, || -> u8 { panic!("書き込みの途中で止まった") }).join())
    });
    let _ = std::panic::take_hook();
    let said = caught.err().unwrap_or_default();
    assert!(said.contains("書き込みの途中で止まった") && said.contains("supervision_hook.rs"), "{said}");
    assert!(!printed.load(std::sync::atomic::Ordering::SeqCst), "the hook left the screen alone");
}
