//! The tools every test binary shares (`mod common;`, then `use common::x::*`), one concern a file.
//!
//! - `app`: every `App` the tests build (the sample, a folder opened by a clerk or a reviewer),
//!   and the sample's sections by place;
//!   change how an App is made here only.
//! - `reach`: a state reached by keys and the worker's answers (cursor, focus, a dialog opened as
//!   a merge, a journal or a history would open it): tests never write the state.
//! - `keys`: keys through the key table into `update`, with the worker's part left to the test or
//!   carried out at once; `worker`: the worker's environment with a fixed clock, the save, the
//!   look at the disk, the answer in a dialog.
//! - `draw`: an App drawn into ratatui's TestBackend (in the ambiguous width its settings give).
//! - `terminal`: the cells a terminal receives from a frame, measured as the terminal measures
//!   them; `terms`: terminals as they really behave (one- or two-column ambiguous characters,
//!   xterm -cjk_width, urxvt, mlterm), fed bytes or cells.
//! - `outside`: the harness of test binaries that need a program from outside (git, chromium, …):
//!   where it is missing the test is ignored at run time, never passed; under CI it fails.
//! - `docs`: the sample document, files read back, sections found by name.
//! - `workspace`: the data folder of a test, and the home (HOME, XDG_*, HYOKA_CONFIG) that keeps
//!   a hyoka run away from the machine user's settings and state.
//! - `cli`: `hyoka` commands run sealed in a home of their own.
//! - `pty`: the real binary in a pseudo-terminal, read through vt100; `clerk`: a clerk's steps
//!   there, the keys' bytes, the journals left behind.
//! - `tools`: outside programs (required under CI), the property tests' case counts, and this test
//!   binary run again as a child process.
//!
//! Kits of a part of hyoka build on these: `tests/gitkit/` (a git sandbox), `tests/cyclekit/`
//! (the year's cycle), `tests/reviewkit/` (the reviewer's fixture city).
#![allow(dead_code)] // each test binary uses a part of it
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test helpers")]

pub mod app;
pub mod clerk;
pub mod cli;
pub mod docs;
pub mod draw;
pub mod keys;
pub mod outside;
pub mod pty;
pub mod reach;
pub mod terminal;
pub mod terms;
pub mod tools;
pub mod worker;
pub mod workspace;
