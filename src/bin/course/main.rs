//! `scripts/course`: the book's exercises as coursework.
//!
//! Every exercise is a file the student edits, `exercises/<chapter>/<name>.rs`, copied from
//! its starter in `course/starters/` the first time the command runs; its reference solution
//! is `course/solutions/<chapter>/<name>.rs`. `course/exercises.txt` lists them. Progress is
//! kept in `.course-state` (ignored by git). See `scripts/course help`.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

mod catalog;
mod runner;

use catalog::{Course, Exercise, Which};
use runner::{Outcome, Toolchain};

const USAGE: &str = "\
usage: scripts/course [--dir DIR] COMMAND

  list                       every exercise, by chapter, with its status
  check [EXERCISE|CHAPTER]   build and check your files (all of them without an argument)
  hint EXERCISE              a hint for that exercise
  reset EXERCISE|CHAPTER|--all [--yes]
                             put the starter back (asks first if you changed the file)
  watch [EXERCISE|CHAPTER]   check again whenever you save; starts at the first one not done
  check --solutions [...]    check the reference solutions (they must pass)
  check --starters [...]     check the starters as shipped (they must fail)

A CHAPTER is its number (ch01) or its folder name (refcount). Your files are under exercises/;
with --dir DIR, under DIR/exercises/ (a teacher grading a student's folder, say).";

/// `println!` that ignores a closed stdout (`scripts/course list | head`) instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Where progress is kept, in the student's tree; `.gitignore` lists it.
const STATE: &str = ".course-state";

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let style = Style::detect();
    match run(&root, &args, &style) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("{}: {message}", style.red("error"));
            ExitCode::from(2)
        }
    }
}

fn run(root: &Path, args: &[String], style: &Style) -> Result<bool, String> {
    let mut course = Course::load(root)?;
    let mut words: Vec<&str> = args.iter().map(String::as_str).collect();
    if let ["--dir", dir, ..] = words[..] {
        let dir = PathBuf::from(dir);
        if !dir.is_dir() {
            return Err(format!("--dir {}: not a folder", dir.display()));
        }
        course.work = dir
            .canonicalize()
            .map_err(|e| format!("--dir {}: {e}", dir.display()))?;
        words.drain(..2);
    }
    match words.as_slice() {
        [] | ["help" | "--help" | "-h"] => {
            out!("{USAGE}");
            Ok(true)
        }
        ["list"] => {
            copy_missing_starters(&course)?;
            list(&course, style);
            Ok(true)
        }
        ["check", "--solutions", rest @ ..] => {
            check_shipped(&course, one(rest)?, Which::Solution, style)
        }
        ["check", "--starters", rest @ ..] => {
            check_shipped(&course, one(rest)?, Which::Starter, style)
        }
        ["check", rest @ ..] => {
            copy_missing_starters(&course)?;
            check(&course, one(rest)?, style)
        }
        ["hint", name] => {
            let e = exercise(&course, name)?;
            out!("{} {}: {}", course.number(e), e.name, e.title);
            out!("{}", wrap(&e.hint, 92));
            out!(
                "Your file: {}",
                course.relative(&course.path(e, Which::Work))
            );
            out!(
                "The chapter: book/{}, exercise {}",
                course.chapter(e).book,
                course.number(e)
            );
            Ok(true)
        }
        ["hint"] => {
            Err("which exercise? `scripts/course hint NAME` (see `scripts/course list`)".into())
        }
        ["reset", rest @ ..] => reset(&course, rest, style),
        ["watch", rest @ ..] => {
            copy_missing_starters(&course)?;
            watch(&course, one(rest)?, style)
        }
        [command, ..] => Err(format!("unknown command `{command}`\n\n{USAGE}")),
    }
}

/// At most one selector argument.
fn one<'a>(rest: &[&'a str]) -> Result<Option<&'a str>, String> {
    match rest {
        [] => Ok(None),
        [arg] if !arg.starts_with('-') => Ok(Some(arg)),
        _ => Err(format!(
            "expected at most one EXERCISE or CHAPTER, got {rest:?}\n\n{USAGE}"
        )),
    }
}

fn exercise<'a>(course: &'a Course, name: &str) -> Result<&'a Exercise, String> {
    match course.select(Some(name))?.as_slice() {
        [e] if e.name == name => Ok(e),
        _ => Err(format!(
            "`{name}` is a chapter; name one exercise (see `scripts/course list`)"
        )),
    }
}

// ------------------------------------------------------------------------------- the files

/// Copies every starter whose file is missing from `exercises/`: on a fresh clone, all.
fn copy_missing_starters(course: &Course) -> Result<(), String> {
    let mut created = 0;
    for e in &course.exercises {
        let work = course.path(e, Which::Work);
        if !work.exists() {
            copy_starter(course, e)?;
            created += 1;
        }
    }
    if created > 0 {
        out!("Copied {created} starter(s) into exercises/: those are the files you edit.\n");
    }
    Ok(())
}

fn copy_starter(course: &Course, e: &Exercise) -> Result<(), String> {
    let (from, to) = (course.path(e, Which::Starter), course.path(e, Which::Work));
    std::fs::create_dir_all(to.parent().unwrap())
        .and_then(|()| std::fs::copy(&from, &to))
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn read(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

fn digest(bytes: &[u8]) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}", h.finish())
}

// ------------------------------------------------------------------------------- progress

/// `.course-state`: one line per checked exercise, `NAME passed|failed DIGEST`, the digest
/// of the file that was checked. A file changed since is "edited, not checked".
struct State {
    path: PathBuf,
    results: BTreeMap<String, (bool, String)>,
}

impl State {
    fn load(course: &Course) -> State {
        let path = course.work.join(STATE);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let results = text
            .lines()
            .filter_map(|l| {
                let mut f = l.split_whitespace();
                let (name, result, digest) = (f.next()?, f.next()?, f.next()?);
                Some((name.to_string(), (result == "passed", digest.to_string())))
            })
            .collect();
        State { path, results }
    }

    fn save(&self) {
        let text: String = self
            .results
            .iter()
            .map(|(name, (passed, digest))| {
                format!(
                    "{name} {} {digest}\n",
                    if *passed { "passed" } else { "failed" }
                )
            })
            .collect();
        let tmp = self.path.with_extension("tmp");
        if std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, &self.path))
            .is_err()
        {
            eprintln!(
                "warning: could not save progress to {}",
                self.path.display()
            );
        }
    }

    fn status(&self, course: &Course, e: &Exercise) -> Status {
        let work = read(&course.path(e, Which::Work));
        let Some(work) = work else {
            return Status::NotStarted;
        };
        if Some(&work) == read(&course.path(e, Which::Starter)).as_ref() {
            return Status::NotStarted;
        }
        match self.results.get(&e.name) {
            Some((passed, recorded)) if *recorded == digest(&work) => {
                if *passed {
                    Status::Done
                } else {
                    Status::Failing
                }
            }
            _ => Status::Edited,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    NotStarted,
    Edited,
    Failing,
    Done,
}

// ------------------------------------------------------------------------------- list

fn list(course: &Course, style: &Style) {
    let state = State::load(course);
    let mut done = 0;
    let mut next: Option<&Exercise> = None;
    for (c, chapter) in course.chapters.iter().enumerate() {
        out!(
            "{}",
            style.bold(&format!(
                "Chapter {} · {} (ch{:02}, {})",
                chapter.number, chapter.title, chapter.number, chapter.id
            ))
        );
        for e in course.exercises.iter().filter(|e| e.chapter == c) {
            let status = state.status(course, e);
            let label = match status {
                Status::NotStarted => style.dim("not started"),
                Status::Edited => style.yellow("edited, not checked"),
                Status::Failing => style.red("failing"),
                Status::Done => style.green("done"),
            };
            if status == Status::Done {
                done += 1;
            } else if next.is_none() {
                next = Some(e);
            }
            out!(
                "  {:<5} {:<10} {:<44} {label}",
                course.number(e),
                e.name,
                plain_title(&e.title)
            );
        }
        out!();
    }
    out!("{done} of {} done.", course.exercises.len());
    if let Some(e) = next {
        out!(
            "Next: {} {}, in {}: `{cmd} check {}` (or `{cmd} watch`).",
            course.number(e),
            e.name,
            course.relative(&course.path(e, Which::Work)),
            e.name,
            cmd = command(course),
        );
    }
}

/// How to call this command again for the same tree.
fn command(course: &Course) -> String {
    if course.work == course.root {
        "scripts/course".to_string()
    } else {
        format!("scripts/course --dir {}", course.work.display())
    }
}

fn plain_title(title: &str) -> String {
    title.replace('`', "")
}

// ------------------------------------------------------------------------------- check

/// Builds and runs `jobs` on all cores, calling `report` for each in order as soon as it and
/// every one before it are done.
fn run_all(
    course: &Course,
    toolchain: &Toolchain,
    jobs: &[(&Exercise, Which)],
    mut report: impl FnMut(&Exercise, Which, Outcome),
) {
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(jobs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(&(e, which)) = jobs.get(i) else {
                        break;
                    };
                    let key = format!(
                        "{}-{}-{}",
                        course.chapter(e).id,
                        e.name,
                        match which {
                            // One binary per student tree, so that two trees never share one.
                            Which::Work => format!(
                                "work-{}",
                                &digest(course.work.as_os_str().as_encoded_bytes())[..8]
                            ),
                            Which::Starter => "starter".to_string(),
                            Which::Solution => "solution".to_string(),
                        }
                    );
                    let outcome = toolchain.run(&course.root, &course.path(e, which), &key);
                    if send.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut printed = 0;
        for (i, outcome) in receive {
            waiting.insert(i, outcome);
            while let Some(outcome) = waiting.remove(&printed) {
                let (e, which) = jobs[printed];
                report(e, which, outcome);
                printed += 1;
            }
        }
    });
}

/// `check [SELECTION]`: the student's files. Exit status 0 only if every one passes.
fn check(course: &Course, arg: Option<&str>, style: &Style) -> Result<bool, String> {
    let selected = course.select(arg)?;
    let toolchain = Toolchain::prepare(&course.root, style.color)?;
    let mut state = State::load(course);
    let jobs: Vec<(&Exercise, Which)> = selected.iter().map(|&e| (e, Which::Work)).collect();
    let (mut passed, mut failed) = (0, 0);
    run_all(course, &toolchain, &jobs, |e, _, outcome| {
        let file = course.path(e, Which::Work);
        let headline = format!("{} {}", course.number(e), e.name);
        let ok = matches!(outcome, Outcome::Passed(_));
        match outcome {
            Outcome::Passed(output) => {
                out!("{} {headline}: passes", style.green("✓"));
                print_indented(&output);
            }
            Outcome::Failed(output) => {
                out!(
                    "{} {headline}: fails ({})",
                    style.red("✗"),
                    course.relative(&file)
                );
                print_indented(&output);
                if output.contains("not yet implemented") {
                    out!(
                        "    Replace the todo!() in {}; `scripts/course hint {}` helps.",
                        course.relative(&file),
                        e.name
                    );
                }
            }
            Outcome::BuildFailed(messages) => {
                out!(
                    "{} {headline}: does not compile ({})",
                    style.red("✗"),
                    course.relative(&file)
                );
                print_indented(&messages);
            }
            Outcome::TimedOut => {
                out!(
                    "{} {headline}: still running after two minutes; stopped (a loop that never ends?)",
                    style.red("✗")
                );
            }
        }
        if let Some(bytes) = read(&file) {
            state.results.insert(e.name.clone(), (ok, digest(&bytes)));
        }
        if ok {
            passed += 1;
        } else {
            failed += 1;
        }
    });
    state.save();
    out!("{passed} passed, {failed} failed");
    Ok(failed == 0)
}

/// `check --solutions` / `check --starters`: the shipped files. Solutions must pass; starters
/// must compile and fail (a starter that passes untouched teaches nothing). Progress is not
/// touched.
fn check_shipped(
    course: &Course,
    arg: Option<&str>,
    which: Which,
    style: &Style,
) -> Result<bool, String> {
    let selected = course.select(arg)?;
    let toolchain = Toolchain::prepare(&course.root, style.color)?;
    let jobs: Vec<(&Exercise, Which)> = selected.iter().map(|&e| (e, which)).collect();
    let (mut passed, mut failed) = (0, 0);
    run_all(course, &toolchain, &jobs, |e, which, outcome| {
        let file = course.relative(&course.path(e, which));
        let headline = format!("{} {} ({file})", course.number(e), e.name);
        let (ok, what, output) = match (which, outcome) {
            (Which::Solution, Outcome::Passed(o)) => (true, "the solution passes", o),
            (Which::Solution, Outcome::Failed(o)) => (false, "the solution FAILS its check", o),
            (Which::Starter, Outcome::Failed(_)) => {
                (true, "the starter fails, as it should", String::new())
            }
            (Which::Starter, Outcome::Passed(o)) => {
                (false, "the starter PASSES its check untouched", o)
            }
            (_, Outcome::BuildFailed(m)) => (false, "does not compile", m),
            (_, Outcome::TimedOut) => (false, "timed out", String::new()),
            (Which::Work, _) => unreachable!("shipped files only"),
        };
        let mark = if ok {
            style.green("✓")
        } else {
            style.red("✗")
        };
        out!("{mark} {headline}: {what}");
        if !ok {
            print_indented(&output);
        }
        if ok {
            passed += 1;
        } else {
            failed += 1;
        }
    });
    out!("{passed} passed, {failed} failed");
    Ok(failed == 0)
}

fn print_indented(text: &str) {
    for line in text.trim_matches('\n').trim_end().lines() {
        out!("    {line}");
    }
}

// ------------------------------------------------------------------------------- reset

fn reset(course: &Course, rest: &[&str], style: &Style) -> Result<bool, String> {
    let yes = rest.contains(&"--yes") || rest.contains(&"-y");
    let rest: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|a| !["--yes", "-y"].contains(a))
        .collect();
    let selected = match rest.as_slice() {
        ["--all"] => course.select(None)?,
        [arg] if !arg.starts_with('-') => course.select(Some(arg))?,
        _ => {
            return Err(format!(
                "reset what? `scripts/course reset EXERCISE`, `reset CHAPTER` or `reset --all`\n\n{USAGE}"
            ));
        }
    };
    let changed: Vec<&Exercise> = selected
        .iter()
        .copied()
        .filter(|e| {
            let work = read(&course.path(e, Which::Work));
            work.is_some() && work != read(&course.path(e, Which::Starter))
        })
        .collect();
    let person = std::io::stdin().is_terminal() && std::env::var_os("CI").is_none();
    if !changed.is_empty() && person && !yes {
        out!("This throws away your changes to:");
        for e in &changed {
            out!("  {}", course.relative(&course.path(e, Which::Work)));
        }
        print!(
            "Reset {}? [y/N] ",
            if changed.len() == 1 { "it" } else { "them" }
        );
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            out!("Nothing was reset.");
            return Ok(false);
        }
    }
    let mut state = State::load(course);
    for e in &selected {
        copy_starter(course, e)?;
        state.results.remove(&e.name);
        out!(
            "{} {} {}: back to the starter",
            style.green("reset"),
            course.number(e),
            course.relative(&course.path(e, Which::Work))
        );
    }
    state.save();
    Ok(true)
}

// ------------------------------------------------------------------------------- watch

/// Checks the first selected exercise that is not done, then checks again each time one of
/// the selected files is saved, moving on when the current one passes. Polls twice a second.
fn watch(course: &Course, arg: Option<&str>, style: &Style) -> Result<bool, String> {
    let selected = course.select(arg)?;
    let stamp = |e: &Exercise| -> Option<(SystemTime, u64)> {
        let meta = std::fs::metadata(course.path(e, Which::Work)).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    };
    let pending = || {
        let state = State::load(course);
        selected
            .iter()
            .copied()
            .find(|e| state.status(course, e) != Status::Done)
    };
    let Some(mut current) = pending() else {
        out!("Every exercise here is done. `scripts/course list` shows them all.");
        return Ok(true);
    };
    let mut seen: Vec<_> = selected.iter().map(|e| stamp(e)).collect();
    out!(
        "{}",
        style.bold(&format!(
            "Watching {}: save a file to check it again; Ctrl-C stops.",
            course.relative(&course.work.join("exercises"))
        ))
    );
    let mut to_check = Some(current);
    loop {
        if let Some(e) = to_check.take() {
            out!(
                "\n{}",
                style.bold(&format!(
                    "== {} {}: {} ==",
                    course.number(e),
                    e.name,
                    plain_title(&e.title)
                ))
            );
            check(course, Some(&e.name), style)?;
            if e.name == current.name && State::load(course).status(course, e) == Status::Done {
                match pending() {
                    Some(next) => {
                        current = next;
                        out!(
                            "\nNext: {} {}, in {} (`scripts/course hint {}` for a hint).",
                            course.number(next),
                            next.name,
                            course.relative(&course.path(next, Which::Work)),
                            next.name
                        );
                    }
                    None => {
                        out!("\nEvery exercise here is done.");
                        return Ok(true);
                    }
                }
            }
        }
        std::thread::sleep(Duration::from_millis(500));
        for (i, e) in selected.iter().enumerate() {
            let now = stamp(e);
            if now != seen[i] {
                seen[i] = now;
                to_check = Some(e);
            }
        }
    }
}

// ------------------------------------------------------------------------------- output

/// Colour only on a terminal, and never with `NO_COLOR` set.
struct Style {
    color: bool,
}

impl Style {
    fn detect() -> Style {
        Style {
            color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn red(&self, t: &str) -> String {
        self.paint("31", t)
    }
    fn green(&self, t: &str) -> String {
        self.paint("32", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.paint("33", t)
    }
    fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
    fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}
