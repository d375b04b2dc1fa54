//! The `hyoka` command: parse the command line, run what it asks, exit with its code.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    hyoka::cli::run(hyoka::cli::Cli::parse())
}
