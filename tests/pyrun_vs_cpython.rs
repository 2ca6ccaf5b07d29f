//! The differential suite: every program in `tests/pyrun/programs/` and `book/python/`, run
//! by `python3` (CPython 3.11) and by `pyrun`, must print the same text — standard output and
//! standard error in program order, as `python3 -u` interleaves them — and end with the same
//! exit status. The exceptions are listed, each with its reason, in
//! `tests/pyrun/known_differences.txt`; a listed program that starts to agree fails the test
//! too, so the list stays true.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use pymem::cpython::cpython_311;
use pyrun::{Options, Stream};

/// The programs, by path relative to the workspace root.
fn programs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["tests/pyrun/programs", "book/python"] {
        let mut pending = vec![root.join(dir)];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).expect("program directory") {
                let path = entry.expect("directory entry").path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "py") {
                    let relative = path.strip_prefix(root).expect("under the root");
                    found.push(relative.to_string_lossy().into_owned());
                }
            }
        }
    }
    found.sort();
    found
}

/// `path: reason` entries, the reason continued on indented lines; `#` starts a comment.
fn known_differences() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pyrun/known_differences.txt");
    let text = std::fs::read_to_string(path).expect("tests/pyrun/known_differences.txt");
    let mut entries = BTreeMap::new();
    let mut last: Option<String> = None;
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        if line.starts_with(' ') {
            let path = last.as_ref().expect("a continued reason follows an entry");
            let reason: &mut String = entries.get_mut(path).expect("entered");
            reason.push(' ');
            reason.push_str(line.trim());
        } else {
            let (path, reason) = line.split_once(": ").expect("an entry is `path: reason`");
            entries.insert(path.to_string(), reason.to_string());
            last = Some(path.to_string());
        }
    }
    entries
}

struct Run {
    text: String,
    status: i32,
    time: Duration,
}

fn run_cpython(root: &Path, program: &str) -> Run {
    let start = Instant::now();
    // `sh -c` joins the two streams in one pipe, in the order they are written.
    let out = Command::new("sh")
        .args(["-c", &format!("python3 -u {program} 2>&1")])
        .current_dir(root)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 runs");
    Run {
        text: String::from_utf8_lossy(&out.stdout).into_owned(),
        status: out.status.code().unwrap_or(-1),
        time: start.elapsed(),
    }
}

fn run_pyrun(root: &Path, program: &str) -> Run {
    let source = std::fs::read_to_string(root.join(program)).expect("program source");
    let options = Options {
        capture: true,
        ..Options::default()
    };
    let start = Instant::now();
    // The absolute path, as CPython prints it in tracebacks.
    let outcome = pyrun::run(&root.join(program).to_string_lossy(), &source, &options);
    let text = outcome
        .output
        .iter()
        .map(|(_, t): &(Stream, String)| t.as_str())
        .collect();
    Run {
        text,
        status: outcome.status,
        time: start.elapsed(),
    }
}

#[test]
fn pyrun_prints_what_cpython_prints() {
    if let Err(why) = cpython_311() {
        eprintln!("SKIP: pyrun not compared with CPython: {why}");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let known = known_differences();
    let programs = programs();
    for listed in known.keys() {
        assert!(
            programs.contains(listed),
            "known_differences.txt lists {listed}, which is not a program"
        );
    }
    let (mut agree, mut failures) = (0, Vec::new());
    let (mut ours, mut theirs) = (Duration::ZERO, Duration::ZERO);
    for program in &programs {
        let cpython = run_cpython(&root, program);
        let pyrun = run_pyrun(&root, program);
        ours += pyrun.time;
        theirs += cpython.time;
        let same = cpython.text == pyrun.text && cpython.status == pyrun.status;
        match (same, known.get(program)) {
            (true, None) => agree += 1,
            (false, Some(_)) => {}
            (true, Some(_)) => failures.push(format!(
                "{program} now agrees with CPython: take it out of known_differences.txt"
            )),
            (false, None) => failures.push(format!(
                "{program} differs:\n--- python3 (exit {})\n{}\n--- pyrun (exit {})\n{}",
                cpython.status, cpython.text, pyrun.status, pyrun.text
            )),
        }
    }
    eprintln!(
        "pyrun vs CPython: {agree} of {} programs agree, {} listed differences; time pyrun {:.2} s, python3 {:.2} s",
        programs.len(),
        known.len(),
        ours.as_secs_f64(),
        theirs.as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
