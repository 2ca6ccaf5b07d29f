//! Generates every program output the book shows, or checks that none is stale.
//!
//! * `bookgen generate` runs each chapter example (listed in `EXAMPLES`) and each Python program
//!   of the book (`book/python/**/*.py`, with `python3`) and writes their outputs under
//!   `book/generated/`, where the chapters `{{#include}}` them.
//! * `bookgen check` does the same in memory and fails on any difference, on a generated file
//!   that nothing produces any more, and on a missing one. Python outputs are checked only
//!   when `python3` is CPython 3.11, the version the book describes; otherwise it says so.
//!   It also fails on a generated file that no chapter shows (`{{#include}}` or image): an
//!   output nobody reads is either missing from the book or not worth generating.
//!
//! An example prints its experiments one after the other, each under a `== name ==` line;
//! each experiment's output becomes `book/generated/<example>/<name>.txt`. The example also
//! records every experiment's trace (`--trace`), and the plots listed in `plots.rs` are drawn
//! from those traces into `book/generated/<example>/*.svg`. The step-through players of the
//! collector (`players.rs`) are recorded from collections run here, on the runtime crates, and
//! written as HTML fragments to `book/generated/players/*.html`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use memviz::tracefile;
use pymem::cpython::cpython_311;

mod player_html;
mod players;
mod plots;

/// The examples whose outputs and traces the book shows.
const EXAMPLES: &[&str] = &[
    "ch01_refcount",
    "ch03_cycles",
    "ch02_watching",
    "ch04_generations",
    "ch05_finalizers",
];

/// The Python programs of the book whose output on `pyrun` the chapter "Python on our
/// runtime" shows beside CPython's (every program is compared in `tests/pyrun_vs_cpython.rs`).
const PYRUN_SHOWN: &[&str] = &[
    "ch01/del.py",
    "ch05/exception_cycle.py",
    "ch05/order_gc.py",
    "ch07/refcounts.py",
];

/// Generated folders that belong to other tools and are not checked here: the benchmark
/// plots are measurements of one machine on one day, not reproducible outputs.
const NOT_CHECKED: &[&str] = &["bench"];

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mode = std::env::args().nth(1).unwrap_or_default();
    let result = match mode.as_str() {
        "generate" => generate(&root),
        "check" => check(&root),
        _ => Err("usage: bookgen generate | bookgen check".to_string()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("bookgen: {message}");
            ExitCode::FAILURE
        }
    }
}

/// What the generators produce: path under `book/generated` → contents.
struct Produced {
    files: BTreeMap<PathBuf, String>,
    /// Why some outputs could not be produced here (they are left as they are).
    skipped: Vec<String>,
    /// Path prefixes whose files were not produced because of a skip.
    skipped_dirs: Vec<PathBuf>,
}

fn produce(root: &Path) -> Result<Produced, String> {
    let mut produced = Produced {
        files: BTreeMap::new(),
        skipped: vec![],
        skipped_dirs: vec![],
    };
    for &name in EXAMPLES {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let trace_path = root.join("target/bookgen").join(format!("{name}.json"));
        std::fs::create_dir_all(trace_path.parent().expect("has one"))
            .map_err(|e| e.to_string())?;
        let trace_arg = trace_path.to_string_lossy().to_string();
        let stdout = run(Command::new(cargo).current_dir(root).args([
            "run",
            "--quiet",
            "--example",
            name,
            "--",
            "--trace",
            &trace_arg,
        ]))?;
        for (experiment, output) in split_experiments(&stdout, name)? {
            produced.files.insert(
                PathBuf::from(&name).join(format!("{experiment}.txt")),
                output,
            );
        }
        let traces = tracefile::load(&trace_path).map_err(|e| e.to_string())?;
        for plot in plots::PLOTS.iter().filter(|p| p.example == name) {
            let svg = (plot.draw)(&traces).map_err(|e| format!("{}: {e}", plot.file))?;
            produced.files.insert(PathBuf::from(plot.file), svg);
        }
    }
    for (file, html) in players::produce()? {
        produced.files.insert(PathBuf::from(file), html);
    }
    let python_dir = root.join("book/python");
    for program in PYRUN_SHOWN {
        let path = python_dir.join(program);
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let options = pyrun::Options {
            capture: true,
            ..pyrun::Options::default()
        };
        let outcome = pyrun::run(&path.to_string_lossy(), &source, &options);
        let text: String = outcome.output.iter().map(|(_, t)| t.as_str()).collect();
        if outcome.status != 0 {
            return Err(format!(
                "pyrun {program}: exit status {}\n{text}",
                outcome.status
            ));
        }
        produced
            .files
            .insert(Path::new("pyrun").join(program).with_extension("txt"), text);
    }
    match cpython_311() {
        Ok(()) => {
            for script in files_with_extension(&python_dir, "py")? {
                let relative = script.strip_prefix(&python_dir).expect("below python_dir");
                // stderr is merged: CPython reports errors in `__del__` there.
                let command = format!("python3 -u '{}' 2>&1", script.display());
                let output = run(Command::new("sh").current_dir(root).args(["-c", &command]))?;
                produced.files.insert(
                    Path::new("python").join(relative).with_extension("txt"),
                    output,
                );
            }
        }
        Err(why) => {
            produced
                .skipped
                .push(format!("CPython outputs not regenerated: {why}"));
            produced.skipped_dirs.push(PathBuf::from("python"));
        }
    }
    Ok(produced)
}

/// Splits an example's output into its experiments.
fn split_experiments(stdout: &str, example: &str) -> Result<Vec<(String, String)>, String> {
    let mut experiments: Vec<(String, String)> = Vec::new();
    for line in stdout.split_inclusive('\n') {
        let header = line
            .trim_end()
            .strip_prefix("== ")
            .and_then(|l| l.strip_suffix(" =="));
        match (header, experiments.last_mut()) {
            (Some(name), _) => experiments.push((name.to_string(), String::new())),
            (None, Some((_, output))) => output.push_str(line),
            (None, None) => return Err(format!("{example}: output before the first `== name ==`")),
        }
    }
    Ok(experiments)
}

fn run(command: &mut Command) -> Result<String, String> {
    let out = command.output().map_err(|e| format!("{command:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{command:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("{command:?}: output is not UTF-8: {e}"))
}

fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn generated_dir(root: &Path) -> PathBuf {
    root.join("book/generated")
}

fn generate(root: &Path) -> Result<bool, String> {
    let produced = produce(root)?;
    let dir = generated_dir(root);
    for (path, contents) in &produced.files {
        let target = dir.join(path);
        std::fs::create_dir_all(target.parent().expect("has a parent"))
            .map_err(|e| e.to_string())?;
        if std::fs::read_to_string(&target).ok().as_deref() != Some(contents.as_str()) {
            std::fs::write(&target, contents).map_err(|e| format!("{}: {e}", target.display()))?;
            println!(
                "wrote {}",
                target.strip_prefix(root).unwrap_or(&target).display()
            );
        }
    }
    for orphan in orphans(root, &produced)? {
        std::fs::remove_file(dir.join(&orphan)).map_err(|e| e.to_string())?;
        println!(
            "removed book/generated/{} (nothing produces it)",
            orphan.display()
        );
    }
    for why in &produced.skipped {
        println!("SKIP: {why}");
    }
    println!("{} outputs up to date", produced.files.len());
    Ok(true)
}

fn check(root: &Path) -> Result<bool, String> {
    let produced = produce(root)?;
    let dir = generated_dir(root);
    let (mut passed, mut failed) = (0, 0);
    let mut stale = false;
    for (path, contents) in &produced.files {
        let shown = format!("book/generated/{}", path.display());
        match std::fs::read_to_string(dir.join(path)) {
            Ok(on_disk) if on_disk == *contents => {
                passed += 1;
                println!("ok    {shown}");
            }
            Ok(on_disk) => {
                failed += 1;
                stale = true;
                let line = first_difference(&on_disk, contents);
                println!("STALE {shown}: differs from a fresh run at line {line}");
            }
            Err(_) => {
                failed += 1;
                stale = true;
                println!("MISSING {shown}");
            }
        }
    }
    for orphan in orphans(root, &produced)? {
        failed += 1;
        stale = true;
        println!(
            "ORPHAN book/generated/{}: nothing produces it",
            orphan.display()
        );
    }
    for unshown in unshown(root)? {
        failed += 1;
        println!("UNSHOWN book/generated/{unshown}: no chapter includes or shows it");
    }
    for why in &produced.skipped {
        println!("SKIP: {why}");
    }
    if stale {
        println!("regenerate with: scripts/generate");
    }
    println!("{passed} passed, {failed} failed");
    Ok(failed == 0)
}

fn first_difference(a: &str, b: &str) -> usize {
    let mut lines = a.lines().zip(b.lines());
    let same = lines.by_ref().take_while(|(x, y)| x == y).count();
    same + 1
}

/// Generated files (benchmark plots aside) that no chapter refers to, as `generated/<path>` in
/// an `{{#include}}` or an image link.
fn unshown(root: &Path) -> Result<Vec<String>, String> {
    let book = root.join("book");
    let mut shown = std::collections::BTreeSet::new();
    for chapter in files_with_extension(&book, "md")? {
        if chapter.starts_with(generated_dir(root)) {
            continue;
        }
        let text = std::fs::read_to_string(&chapter).map_err(|e| e.to_string())?;
        for reference in text.split("generated/").skip(1) {
            let end = reference
                .find(|c: char| c.is_whitespace() || matches!(c, ')' | '}' | ':' | '"' | '\''))
                .unwrap_or(reference.len());
            shown.insert(reference[..end].to_string());
        }
    }
    let dir = generated_dir(root);
    let mut all = files_with_extension(&dir, "txt")?;
    all.extend(files_with_extension(&dir, "svg")?);
    all.extend(files_with_extension(&dir, "html")?);
    Ok(all
        .iter()
        .filter_map(|p| p.strip_prefix(&dir).ok())
        .filter(|p| !NOT_CHECKED.iter().any(|d| p.starts_with(d)))
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| !shown.contains(p))
        .collect())
}

/// Generated files that no generator produced (and that no skip or other tool explains).
fn orphans(root: &Path, produced: &Produced) -> Result<Vec<PathBuf>, String> {
    let dir = generated_dir(root);
    let mut all = files_with_extension(&dir, "txt")?;
    all.extend(files_with_extension(&dir, "svg")?);
    all.extend(files_with_extension(&dir, "html")?);
    Ok(all
        .into_iter()
        .filter_map(|p| p.strip_prefix(&dir).ok().map(Path::to_path_buf))
        .filter(|p| !produced.files.contains_key(p))
        .filter(|p| !produced.skipped_dirs.iter().any(|d| p.starts_with(d)))
        .filter(|p| !NOT_CHECKED.iter().any(|d| p.starts_with(d)))
        .collect())
}
