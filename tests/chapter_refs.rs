//! Chapter numbers go stale when chapters are inserted or reordered, so the project names
//! chapters by title. This test fails on a numbered reference that does not match
//! `book/SUMMARY.md`:
//!
//! * outside the book (crate docs, examples, tools), "chapter N" must be followed closely by
//!   the title of SUMMARY's N-th chapter, unless the file itself is named `chNN…` with the same
//!   number (`examples/ch03_cycles.rs` may say "chapter 3");
//! * an example `examples/chNN_….rs` included by a chapter must carry that chapter's number;
//! * inside the book, "chapter N" must be a chapter that exists, and from a numbered chapter
//!   an earlier one ("the heap of chapter 1").

use std::path::{Path, PathBuf};

/// The chapters of SUMMARY.md in order: (file, title); index 0 is the unnumbered introduction.
fn chapters(root: &Path) -> Vec<(String, String)> {
    let summary = std::fs::read_to_string(root.join("book/SUMMARY.md")).expect("SUMMARY.md");
    summary
        .lines()
        .filter_map(|line| {
            let line = line.trim().trim_start_matches("- ");
            let (title, rest) = line.strip_prefix('[')?.split_once("](")?;
            let file = rest.strip_suffix(')')?;
            Some((file.to_string(), title.to_string()))
        })
        .collect()
}

fn files(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "generated") {
                files(&path, extensions, out);
            }
        } else if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
}

/// Every "chapter N" in `text`: (line number, N, the text after the number).
fn numbered_references(text: &str) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lower = line.to_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find("chapter ") {
            let start = from + at + "chapter ".len();
            let digits: String = lower[start..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse() {
                // The title may continue on the next line.
                let next = text.lines().nth(i + 1).unwrap_or("");
                let after = format!("{} {}", &line[start + digits.len()..], next.trim());
                found.push((i + 1, n, after));
            }
            from = start;
        }
    }
    found
}

/// The number in a file name `chNN…`, if it has one.
fn file_number(path: &Path) -> Option<usize> {
    let name = path.file_name()?.to_str()?;
    let digits = name.strip_prefix("ch")?.get(..2)?;
    digits.parse().ok()
}

#[test]
fn chapter_numbers_match_the_summary() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let chapters = chapters(&root);
    assert!(chapters.len() > 2, "SUMMARY.md lists the chapters");
    let numbered = chapters.len() - 1; // the introduction has no number
    let title = |n: usize| chapters.get(n).map(|(_, t)| t.as_str());
    let mut errors = Vec::new();

    // Outside the book: a number goes with its title, or with the file's own number.
    let mut code = Vec::new();
    for dir in [
        "crates", "examples", "src", "tests", "benches", "bench", "scripts",
    ] {
        files(&root.join(dir), &["rs", "py", "md", "sh"], &mut code);
    }
    for path in &code {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let shown = path.strip_prefix(&root).unwrap_or(path).display();
        for (line, n, after) in numbered_references(&text) {
            if path.ends_with("tests/chapter_refs.rs") {
                continue; // this file's own explanations
            }
            let titled = title(n).is_some_and(|t| {
                after
                    .char_indices()
                    .take_while(|&(i, _)| i < 12)
                    .any(|(i, _)| after[i..].starts_with(t))
            });
            if n == 0 || n > numbered {
                errors.push(format!("{shown}:{line}: chapter {n} does not exist"));
            } else if !titled && file_number(path) != Some(n) {
                errors.push(format!(
                    "{shown}:{line}: \"chapter {n}\": name the chapter by its title \
                     (SUMMARY.md: chapter {n} is \"{}\")",
                    title(n).unwrap_or("?")
                ));
            }
        }
    }

    // Inside the book: existing chapters, earlier ones; examples carry their chapter's number.
    for (position, (file, _)) in chapters.iter().enumerate() {
        let text = std::fs::read_to_string(root.join("book").join(file)).expect("chapter file");
        for (line, n, _) in numbered_references(&text) {
            let earlier = position == 0 || n < position;
            if n == 0 || n > numbered || !earlier {
                errors.push(format!(
                    "book/{file}:{line}: \"chapter {n}\" (this is chapter {position}; refer to \
                     other chapters by title)"
                ));
            }
        }
        if position == 0 {
            continue;
        }
        for include in text.split("../examples/").skip(1) {
            let name: String = include
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if let Some(n) = file_number(Path::new(&name))
                && n != position
            {
                errors.push(format!(
                    "book/{file}: includes examples/{name}.rs, but this is chapter {position}"
                ));
            }
        }
    }
    assert!(
        errors.is_empty(),
        "chapter references out of step with book/SUMMARY.md:\n{}",
        errors.join("\n")
    );
}
