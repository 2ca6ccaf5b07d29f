//! The coursework's round trip, as a student and a teacher see it, on a fresh student tree
//! (`scripts/course --dir`): everything starts not done, a chapter's starters fail with the
//! checks' explanations, the solutions copied in pass, `reset` brings the starters back.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs the course runner on the student tree `dir`; returns (exit code, stdout + stderr).
fn course(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_course"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("CI", "true")
        .env("NO_COLOR", "1")
        .output()
        .expect("the course runner runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

fn fresh_tree(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pymem-course-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_student_round_trip() {
    let dir = fresh_tree("round-trip");
    let (code, text) = course(&dir, &["list"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("0 of "), "{text}");
    assert!(
        !text.contains("done\n"),
        "nothing is done on a fresh tree:\n{text}"
    );

    let (code, text) = course(&dir, &["check", "ch01"]);
    assert_eq!(code, 1, "the starters fail:\n{text}");
    assert!(text.contains("not yet implemented"), "{text}");
    assert!(text.contains("0 passed, 4 failed"), "{text}");

    // A wrong answer gets the check's explanation.
    let referrers = dir.join("exercises/refcount/referrers.rs");
    let starter = std::fs::read_to_string(&referrers).unwrap();
    let wrong = starter.replace(
            "    todo!(\n        \"which live objects hold {target:?} in {} slots?\",\n        heap.slot_count()\n    )",
            "    let _ = (heap, target);\n    Vec::new()",
    );
    assert_ne!(
        wrong, starter,
        "the starter's todo!() is where this test expects it"
    );
    std::fs::write(&referrers, wrong).unwrap();
    let (code, text) = course(&dir, &["check", "referrers"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("the check says:"), "{text}");
    assert!(text.contains("the holders of the target are"), "{text}");

    for entry in std::fs::read_dir(root().join("course/solutions/refcount")).unwrap() {
        let from = entry.unwrap().path();
        std::fs::copy(
            &from,
            dir.join("exercises/refcount")
                .join(from.file_name().unwrap()),
        )
        .unwrap();
    }
    let (code, text) = course(&dir, &["check", "refcount"]);
    assert_eq!(code, 0, "the solutions pass:\n{text}");
    assert!(text.contains("4 passed, 0 failed"), "{text}");
    let (_, text) = course(&dir, &["list"]);
    assert!(text.contains("4 of "), "{text}");

    let (code, text) = course(&dir, &["reset", "ch01"]);
    assert_eq!(code, 0, "CI is set: no question asked\n{text}");
    for entry in std::fs::read_dir(root().join("course/starters/refcount")).unwrap() {
        let starter = entry.unwrap().path();
        let work = dir
            .join("exercises/refcount")
            .join(starter.file_name().unwrap());
        assert_eq!(
            std::fs::read(&work).unwrap(),
            std::fs::read(&starter).unwrap(),
            "{} is the starter again",
            work.display()
        );
    }
    let (_, text) = course(&dir, &["list"]);
    assert!(text.contains("0 of "), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_names_and_commands_are_explained() {
    let dir = fresh_tree("errors");
    let (code, text) = course(&dir, &["check", "nosuch"]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("no exercise or chapter is called `nosuch`"),
        "{text}"
    );
    assert!(
        text.contains("referrers, swap"),
        "the valid names are listed:\n{text}"
    );
    let (code, text) = course(&dir, &["hint", "ch01"]);
    assert_eq!(code, 2, "{text}");
    let (code, text) = course(&dir, &["frobnicate"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("usage:"), "{text}");
    let (code, text) = course(&dir, &["hint", "swap"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("incref"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
