//! Bad input is never a panic, a fault of the runtime or a hang: every program of the book and
//! of the differential suite, cut short at many points and with bytes changed, runs to an exit
//! status of 0, 1 (an exception, a syntax error), 2 (outside the subset) or 4 (stopped after a
//! statement budget, for the cuts that leave a loop without its way out).

use std::path::Path;

use pyrun::{Options, Stream};

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut found = Vec::new();
    for dir in ["book/python", "tests/pyrun/programs"] {
        let mut pending = vec![root.join(dir)];
        while let Some(dir) = pending.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "py") {
                    let text = std::fs::read_to_string(&path).expect("a program");
                    found.push((path.display().to_string(), text));
                }
            }
        }
    }
    found.sort();
    found
}

/// A tiny deterministic generator (xorshift), so the test needs no dependency.
fn random(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed | 1;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    }
}

fn run(name: &str, source: &str) -> i32 {
    let options = Options {
        capture: true,
        max_statements: Some(20_000),
        ..Options::default()
    };
    let outcome = pyrun::run(name, source, &options);
    let stderr = outcome.text(Stream::Stderr);
    assert!(
        matches!(outcome.status, 0 | 1 | 2 | 4),
        "{name}: exit status {}\n--- source\n{source}\n--- stderr\n{stderr}",
        outcome.status
    );
    outcome.status
}

#[test]
fn truncated_programs_end_cleanly() {
    for (name, source) in sources() {
        let cuts: Vec<usize> = source
            .char_indices()
            .map(|(i, _)| i)
            .filter(|i| i % 211 == 0)
            .collect();
        for cut in cuts {
            run(&name, &source[..cut]);
        }
    }
}

#[test]
fn mutated_programs_end_cleanly() {
    let mut next = random(0x5eed);
    let alphabet = b" \n()[]{}:,.=+-*/%<>!'\"#\\0123456789abcdefxyz_";
    for (name, source) in sources() {
        for _ in 0..3 {
            let mut bytes = source.clone().into_bytes();
            for _ in 0..1 + next(3) {
                let at = next(bytes.len() as u64) as usize;
                bytes[at] = alphabet[next(alphabet.len() as u64) as usize];
            }
            if let Ok(text) = String::from_utf8(bytes) {
                run(&name, &text);
            }
        }
    }
}
