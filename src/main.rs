//! The `hyoka` command: read the command line, run what it asks, exit with its code.

fn main() -> std::process::ExitCode {
    hyoka::cli::main()
}
