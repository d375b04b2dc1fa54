//! Writes a generated city to a folder: `cargo run --release --example city -- OUT [--scale 1|4|16]`.
//!
//! Scale 1 is 20 organisations × 10 fiscal years × 50 sections (10,000 sections, about 20 MB),
//! made of the sample's own sentences (see `benches/city/mod.rs`); the same scale always writes
//! the same bytes. Open it with `hyoka OUT`, check it with `hyoka check OUT`.

#[path = "../benches/city/mod.rs"]
mod city;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("city: {message}");
            eprintln!("usage: cargo run --release --example city -- OUT [--scale 1|4|16]");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut out: Option<PathBuf> = None;
    let mut scale = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scale" => {
                let value = args.next().ok_or("--scale needs a number")?;
                scale = value.parse().map_err(|_| format!("--scale {value}: not a number"))?;
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ if out.is_none() => out = Some(PathBuf::from(arg)),
            _ => return Err(format!("one folder only ({arg})")),
        }
    }
    if !matches!(scale, 1 | 4 | 16) {
        return Err(format!("--scale {scale}: 1, 4 or 16"));
    }
    let out = out.ok_or("the folder to write to is missing")?;
    let started = std::time::Instant::now();
    let written = city::write(&out, scale)?;
    println!(
        "{}: {} files, {} sections, {:.1} MB ({:.0} bytes a section) in {:.1?}",
        out.display(),
        written.files,
        written.sections,
        written.bytes as f64 / 1e6,
        written.bytes as f64 / written.sections.max(1) as f64,
        started.elapsed()
    );
    Ok(())
}
