//! Building and running an exercise file.
//!
//! An exercise is one Rust file with a `main`. It is compiled by `rustc` directly, linked
//! against the libraries Cargo has already built for the workspace (`pymem`, `refcount`,
//! `cycles`, `generations`, `finalizers`, `memviz`), the way skeptic compiles the book's code
//! blocks: one small crate per file, so a file that does not compile fails only its own
//! exercise, and adding an exercise needs no `Cargo.toml` entry. A binary is rebuilt only when
//! its source or those libraries change.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The workspace libraries an exercise may use.
const LIBRARIES: &[&str] = &[
    "pymem",
    "refcount",
    "cycles",
    "generations",
    "finalizers",
    "memviz",
];

/// An exercise that runs longer than this is stopped and fails.
const TIME_LIMIT: Duration = Duration::from_secs(120);

pub struct Toolchain {
    rustc: String,
    externs: Vec<(String, PathBuf)>,
    deps: PathBuf,
    out: PathBuf,
    /// Changes when a library changes: part of every binary's stamp.
    fingerprint: u64,
    color: bool,
}

/// What building and running one file came to.
pub enum Outcome {
    /// It ran and exited successfully: its check passed.
    Passed(String),
    /// It ran and failed (a check panicked, or a `todo!()` was reached).
    Failed(String),
    /// It did not compile; the compiler's messages.
    BuildFailed(String),
    TimedOut,
}

impl Toolchain {
    /// Has Cargo build the workspace libraries (usually already built: this is quick) and
    /// finds their files in its JSON messages.
    pub fn prepare(root: &Path, color: bool) -> Result<Toolchain, String> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let output = Command::new(&cargo)
            .args([
                "build",
                "--quiet",
                "--lib",
                "--message-format=json-render-diagnostics",
            ])
            .current_dir(root)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run {cargo}: {e}"))?;
        if !output.status.success() {
            return Err("the workspace's libraries do not build (cargo build --lib)".to_string());
        }
        let mut externs = Vec::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if message["reason"] != "compiler-artifact" {
                continue;
            }
            let name = message["target"]["name"].as_str().unwrap_or_default();
            if !LIBRARIES.contains(&name) {
                continue;
            }
            let rlib = message["filenames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.as_str())
                .find(|f| f.ends_with(".rlib"));
            if let Some(rlib) = rlib {
                externs.push((name.to_string(), PathBuf::from(rlib)));
            }
        }
        externs.sort();
        externs.dedup_by(|a, b| a.0 == b.0);
        if externs.len() != LIBRARIES.len() {
            return Err(format!(
                "cargo did not report the libraries {LIBRARIES:?} (found {:?})",
                externs.iter().map(|e| &e.0).collect::<Vec<_>>()
            ));
        }
        let deps = externs[0]
            .1
            .parent()
            .expect("an rlib is in a folder")
            .to_path_buf();
        let target = deps
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>/deps");
        let out = target.join("course");
        std::fs::create_dir_all(&out)
            .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
        let mut hasher = DefaultHasher::new();
        for (name, rlib) in &externs {
            name.hash(&mut hasher);
            rlib.hash(&mut hasher);
            let meta = std::fs::metadata(rlib).map_err(|e| format!("{}: {e}", rlib.display()))?;
            meta.len().hash(&mut hasher);
            meta.modified().ok().hash(&mut hasher);
        }
        Ok(Toolchain {
            rustc,
            externs,
            deps,
            out,
            fingerprint: hasher.finish(),
            color,
        })
    }

    /// Compiles `source` (unless an up-to-date binary exists) and runs it from `root`.
    /// `key` names the binary: one per exercise and copy.
    pub fn run(&self, root: &Path, source: &Path, key: &str) -> Outcome {
        let binary = self.out.join(key);
        let stamp = self.out.join(format!("{key}.stamp"));
        let text = match std::fs::read(source) {
            Ok(text) => text,
            Err(e) => {
                return Outcome::BuildFailed(format!("cannot read {}: {e}", source.display()));
            }
        };
        let mut hasher = DefaultHasher::new();
        (self.fingerprint, &text).hash(&mut hasher);
        let wanted = format!("{:016x}\n", hasher.finish());
        let fresh =
            binary.is_file() && std::fs::read_to_string(&stamp).ok().as_ref() == Some(&wanted);
        if !fresh {
            let _ = std::fs::remove_file(&stamp);
            let mut rustc = Command::new(&self.rustc);
            rustc
                .args(["--edition", "2024", "--crate-type", "bin"])
                .args(["--crate-name", &key.replace('-', "_")])
                .args(["-C", "opt-level=1", "-C", "debuginfo=0"])
                .args(["--color", if self.color { "always" } else { "never" }])
                .arg("-L")
                .arg(format!("dependency={}", self.deps.display()));
            for (name, rlib) in &self.externs {
                rustc
                    .arg("--extern")
                    .arg(format!("{name}={}", rlib.display()));
            }
            // Relative to the root, where rustc runs, so that its messages name the file as the
            // student sees it.
            let shown = source.strip_prefix(root).unwrap_or(source);
            rustc.arg("-o").arg(&binary).arg(shown).current_dir(root);
            match rustc.output() {
                Ok(o) if o.status.success() => {
                    let _ = std::fs::write(&stamp, &wanted);
                }
                Ok(o) => {
                    return Outcome::BuildFailed(String::from_utf8_lossy(&o.stderr).into_owned());
                }
                Err(e) => return Outcome::BuildFailed(format!("cannot run {}: {e}", self.rustc)),
            }
        }
        execute(&binary, root)
    }
}

/// Runs a built exercise with its output captured, within the time limit.
fn execute(binary: &Path, root: &Path) -> Outcome {
    let child = Command::new(binary)
        .current_dir(root)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => return Outcome::BuildFailed(format!("cannot run {}: {e}", binary.display())),
    };
    let mut pipes = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let stdout = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = pipes.0.read_to_string(&mut s);
        s
    });
    let stderr = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = pipes.1.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    let mut output = stdout.join().unwrap_or_default();
    for line in stderr.join().unwrap_or_default().lines() {
        if line.starts_with("note: run with `RUST_BACKTRACE=1`") {
            continue;
        }
        // "thread 'main' (1234) panicked at /root/exercises/x.rs:7:5:" -> "panicked at exercises/x.rs:7:5:"
        let line = match line.find("panicked at ") {
            Some(at) if line.starts_with("thread 'main'") => &line[at..],
            _ => line,
        };
        let root = format!("{}/", root.display());
        let line = line.replace(&root, "");
        // A check's own location says nothing to the student: its message does.
        if line.starts_with("panicked at src/exercises/") {
            output.push_str("the check says:\n");
        } else {
            output.push_str(&line);
            output.push('\n');
        }
    }
    match status {
        Some(s) if s.success() => Outcome::Passed(output),
        Some(_) => Outcome::Failed(output),
        None => Outcome::TimedOut,
    }
}
