//! The CPython the book compares with: found once, in one place, by the book's generator and
//! by the runtime crates' comparison tests (which include this file with `#[path]`).

use std::process::Command;

/// `Ok` when `python3` is CPython 3.11, the version the runtime models; otherwise why not.
pub fn cpython_311() -> Result<(), String> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys; print(sys.implementation.name, *sys.version_info[:2])",
        ])
        .output()
        .map_err(|e| format!("python3 not found ({e})"))?;
    match String::from_utf8_lossy(&out.stdout).trim() {
        "cpython 3 11" => Ok(()),
        other => Err(format!("python3 is `{other}`, not CPython 3.11")),
    }
}

/// Runs `program` with `python3 -c` and returns its standard output; panics, with the
/// program's standard error, if it fails. For tests.
pub fn run_python(program: &str) -> String {
    let out = Command::new("python3")
        .args(["-c", program])
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "{program}\n{stderr}"
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
