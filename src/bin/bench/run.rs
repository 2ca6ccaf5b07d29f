//! `bench run`: both sides, every workload at every size, one fresh process per point and
//! side, then the table, `target/bench/report.json`, `target/bench/meta.json` and the plots.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::plot;
use crate::report::{CPython, Point, Record, YoungPoint, phases_table, table, write_report};
use crate::workloads::WORKLOADS;

const DEFAULT_SIZES: &[usize] = &[10_000, 100_000, 1_000_000, 3_000_000];
const DEFAULT_RUNS: usize = 5;
const QUICK_SIZES: &[usize] = &[1_000, 10_000];
const QUICK_RUNS: usize = 3;
/// The young-collection measurement: a generation 0 of this many containers, timed with no
/// old objects and with this many (fewer in a quick run), median of this many collections
/// (see `young.rs`).
const YOUNG_SIZE: usize = 10_000;
const YOUNG_OLD: usize = 1_000_000;
const QUICK_YOUNG_OLD: usize = 100_000;
const YOUNG_RUNS: usize = 21;
/// What the young collection's time with old objects may be, over its time without.
const YOUNG_GOAL: f64 = 1.5;

/// Under the table: what CPython's two columns are.
const CLASSES_NOTE: &str =
    "CPython: class S with __slots__ = ('next',) / plain class S; speed-up over the faster";

pub const USAGE: &str = "\
usage: bench [run] [--sizes N,N,...] [--runs K] [--quick] [--workloads a,c,...]
                   [--out DIR] [--book-plots | --no-book-plots] [--python EXE] [--no-young]
       bench point WORKLOAD N RUNS [--no-phases]
                                      one point of our side, as one JSON line
       bench profile [N] [--no-book-plots]
                                      callgrind's count of each phase, per object (N = 1e6)
       bench young OLD YOUNG RUNS [to-old]
                                      one generation-0 collection with OLD old objects
       bench list                     the workloads

  --sizes       sizes N, e.g. 10000,1e5,3e6 (default 1e4,1e5,1e6,3e6)
  --runs        runs per point; each point reports the median (default 5)
  --quick       smoke run: sizes 1000,10000, 3 runs, no plots in the book
  --workloads   only these workloads (default: all)
  --out         where report.json, meta.json and the plots go (default target/bench)
  --book-plots  also write the plots to book/generated/bench/ (the default unless --quick)
  --python      the CPython to compare with (default $PYTHON, else python3)
  --no-young    skip the young-collection measurement (a gen-0 collection of 1e4 containers
                with no old objects, with 1e6 (1e5 with --quick), and with 1e6 that the
                young objects refer to)";

struct Options {
    sizes: Vec<usize>,
    runs: usize,
    quick: bool,
    workloads: Vec<String>,
    out: PathBuf,
    book_plots: bool,
    python: String,
    young: bool,
}

/// `10000`, `10_000`, `1e4`, `3e6` → a whole number of objects, at least 2.
pub(crate) fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim().replace('_', "");
    let value = if text.contains(['e', 'E']) {
        let v: f64 = text.parse().map_err(|_| format!("bad size {text:?}"))?;
        if v.fract() != 0.0 || v > 1e12 {
            return Err(format!("size {text:?} is not a whole number of objects"));
        }
        v as usize
    } else {
        text.parse().map_err(|_| format!("bad size {text:?}"))?
    };
    if value < 2 {
        return Err(format!("size {text:?}: N must be at least 2"));
    }
    Ok(value)
}

fn parse_options(args: &[String], root: &Path) -> Result<Options, String> {
    let mut sizes = None;
    let mut runs = None;
    let mut quick = false;
    let mut workloads = None;
    let mut out = root.join("target/bench");
    let mut book_plots = None;
    let mut python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let mut young = true;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--sizes" => {
                let list = value("--sizes")?;
                sizes = Some(list.split(',').map(parse_size).collect::<Result<_, _>>()?);
            }
            "--runs" => {
                let k = value("--runs")?;
                runs = Some(
                    k.parse()
                        .ok()
                        .filter(|&k: &usize| k >= 1)
                        .ok_or(format!("bad --runs {k:?}"))?,
                );
            }
            "--quick" => quick = true,
            "--workloads" => {
                let list = value("--workloads")?;
                workloads = Some(list.split(',').map(|s| s.trim().to_string()).collect());
            }
            "--out" => out = PathBuf::from(value("--out")?),
            "--book-plots" => book_plots = Some(true),
            "--no-book-plots" => book_plots = Some(false),
            "--python" => python = value("--python")?,
            "--no-young" => young = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let (default_sizes, default_runs) = if quick {
        (QUICK_SIZES, QUICK_RUNS)
    } else {
        (DEFAULT_SIZES, DEFAULT_RUNS)
    };
    Ok(Options {
        sizes: sizes.unwrap_or_else(|| default_sizes.to_vec()),
        runs: runs.unwrap_or(default_runs),
        quick,
        workloads: workloads
            .unwrap_or_else(|| WORKLOADS.iter().map(|w| w.id.to_string()).collect()),
        out,
        book_plots: book_plots.unwrap_or(!quick),
        python,
        young,
    })
}

/// The last non-empty line of a side's output, as a [`Point`] (or a [`YoungPoint`]).
fn parse_point<T: serde::de::DeserializeOwned>(stdout: &[u8]) -> Result<T, String> {
    let text = String::from_utf8_lossy(stdout);
    let line = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .ok_or("it printed nothing")?;
    serde_json::from_str(line).map_err(|e| format!("cannot parse {line:?}: {e}"))
}

/// Runs one side's point process and reads its JSON line.
fn run_side<T: serde::de::DeserializeOwned>(command: &mut Command) -> Result<T, String> {
    let output = command
        .output()
        .map_err(|e| format!("cannot start {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    parse_point(&output.stdout)
}

/// What `cpython_workloads.py --about` says: its Python and its workload ids.
#[derive(serde::Deserialize)]
struct About {
    python: String,
    workloads: Vec<String>,
    /// The classes a CPython point can run with: the harness runs both of these.
    #[serde(default)]
    classes: Vec<String>,
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// `model name` of /proc/cpuinfo.
fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            let (key, value) = l.split_once(':')?;
            (key.trim() == "model name").then(|| value.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

/// The current UTC time, `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days, H. Hinnant's algorithm).
fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn write_file(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn main(args: &[String]) -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let options = match parse_options(args, &root) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("bench: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&root, &options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("bench: {message}");
            ExitCode::from(2)
        }
    }
}

/// Returns whether every point ran on both sides and the collected counts agree.
fn run(root: &Path, options: &Options) -> Result<bool, String> {
    let script = root.join("bench/cpython_workloads.py");
    let about = command_output(
        &options.python,
        &[script.to_str().ok_or("non-UTF-8 path")?, "--about"],
    )
    .ok_or_else(|| format!("`{} {} --about` failed", options.python, script.display()))?;
    let about: About = serde_json::from_str(&about).map_err(|e| format!("--about: {e}"))?;
    let ours: Vec<&str> = WORKLOADS.iter().map(|w| w.id).collect();
    if ours != about.workloads {
        return Err(format!(
            "the two sides define different workloads: ours {ours:?}, {} {:?}",
            script.display(),
            about.workloads
        ));
    }
    if !["slots", "plain"]
        .iter()
        .all(|c| about.classes.iter().any(|a| a == c))
    {
        return Err(format!(
            "{} offers the classes {:?}; the harness runs \"slots\" and \"plain\"",
            script.display(),
            about.classes
        ));
    }
    if let Some(unknown) = options
        .workloads
        .iter()
        .find(|w| !ours.contains(&w.as_str()))
    {
        return Err(format!("unknown workload {unknown:?} (have {ours:?})"));
    }
    if !about.python.starts_with("CPython 3.11") {
        eprintln!(
            "bench: WARNING: comparing with {}, not CPython 3.11",
            about.python
        );
    }
    let exe = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    let selected: Vec<_> = WORKLOADS
        .iter()
        .filter(|w| options.workloads.iter().any(|id| id == w.id))
        .collect();
    let total = selected.len() * options.sizes.len();
    let started = Instant::now();
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for workload in &selected {
        for &n in &options.sizes {
            let point_started = Instant::now();
            let (n_arg, runs_arg) = (n.to_string(), options.runs.to_string());
            let ours: Result<Point, _> =
                run_side(Command::new(&exe).args(["point", workload.id, &n_arg, &runs_arg]));
            // CPython twice: with the `__slots__` class and with the plain one.
            let cpython_with = |class: &str| -> Result<Point, String> {
                run_side(Command::new(&options.python).arg(&script).args([
                    workload.id,
                    &n_arg,
                    &runs_arg,
                    class,
                ]))
            };
            let slots = cpython_with("slots");
            let plain = cpython_with("plain");
            let sides = [
                ("ours", &ours),
                ("CPython (slots)", &slots),
                ("CPython (plain)", &plain),
            ];
            for (side, result) in sides {
                if let Err(e) = result {
                    let problem = format!("{} N={n}: {side} failed: {e}", workload.id);
                    eprintln!("bench: ERROR: {problem}");
                    problems.push(problem);
                }
            }
            let cpython = CPython {
                slots: slots.as_ref().ok(),
                plain: plain.as_ref().ok(),
            };
            let record = Record::new(workload.id, n as u64, ours.as_ref().ok(), cpython);
            let ns = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.1}"));
            // Workload g: the automatic collections of each generation, each side.
            let collections =
                |side: &Result<Point, String>| side.as_ref().ok().and_then(|p| p.collections);
            let shown = |c: Option<[u64; 3]>| {
                c.map_or("-".to_string(), |[g0, g1, g2]| format!("{g0}+{g1}+{g2}"))
            };
            let collections_shown = match (collections(&ours), collections(&slots)) {
                (None, None) => String::new(),
                (o, c) => format!("  collections by generation {}/{}", shown(o), shown(c)),
            };
            eprintln!(
                "[{:>2}/{total}] {} N={n:<9} ours {:>7} ns/obj  CPython {:>7} / {:>7} ns/obj (slots/plain)  {:>7}  collected {}/{}{collections_shown}  ({:.1} s)",
                records.len() + 1,
                workload.id,
                ns(record.ours_ns_per_object),
                ns(record.cpython_slots_ns_per_object),
                ns(record.cpython_plain_ns_per_object),
                record
                    .speedup
                    .map_or("-".to_string(), |s| format!("{s:.2}x")),
                record
                    .ours_collected
                    .map_or("-".to_string(), |c| c.to_string()),
                record
                    .cpython_collected
                    .map_or("-".to_string(), |c| c.to_string()),
                point_started.elapsed().as_secs_f64()
            );
            // Every side must have done the same work: ours against each of CPython's runs.
            for (side, cpython) in [("CPython (slots)", &slots), ("CPython (plain)", &plain)] {
                let (Ok(o), Ok(c)) = (&ours, cpython) else {
                    continue;
                };
                if o.collected != c.collected {
                    let problem = format!(
                        "{} N={n}: ours collected {} objects, {side} {}",
                        workload.id, o.collected, c.collected
                    );
                    eprintln!("bench: !!!!!!!! MISMATCH: {problem} !!!!!!!!");
                    problems.push(format!("MISMATCH {problem}"));
                }
                if o.collections != c.collections {
                    let problem = format!(
                        "{} N={n}: ours ran {} collections (generations 0+1+2), {side} {}",
                        workload.id,
                        shown(o.collections),
                        shown(c.collections)
                    );
                    eprintln!("bench: !!!!!!!! MISMATCH: {problem} !!!!!!!!");
                    problems.push(format!("MISMATCH {problem}"));
                }
            }
            records.push(record);
        }
    }

    println!("{}{CLASSES_NOTE}", table(&records));
    let phases = phases_table(&records);
    println!("ns per object in each phase of our collection (in runs of their own):\n{phases}");
    let young = if options.young {
        let old = if options.quick {
            QUICK_YOUNG_OLD
        } else {
            YOUNG_OLD
        };
        let young = young_collections(&exe, &script, options, old, &mut problems);
        print!("{}", young_table(&young));
        Some(young)
    } else {
        None
    };

    let report = options.out.join("report.json");
    write_report(&report, &records).map_err(|e| format!("{}: {e}", report.display()))?;
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = cpu_model();
    let date = utc_now();
    // The plots print the caption on one line; the table, shown in the book, on two.
    let machine = format!(
        "{nproc} cores, {model}; {} vs ours (release build); {date}",
        about.python
    );
    let method = format!(
        "median of {} runs, each size in a fresh process",
        options.runs
    );
    let caption = format!("{machine}; {method}");
    let shapes: Vec<(&str, &str)> = selected.iter().map(|w| (w.id, w.shape)).collect();
    let mut plot_files = Vec::new();
    let plots = [
        (
            "ns-per-object.svg",
            plot::ns_per_object(
                &records,
                &shapes,
                "ns per object, ours and CPython (lower is better)",
                &caption,
            ),
        ),
        (
            "speedup.svg",
            plot::speedup(
                &records,
                &shapes,
                "Speed-up over CPython (the faster CPython class's time / ours)",
                &caption,
            ),
        ),
    ];
    let mut dirs = vec![options.out.clone()];
    if options.book_plots {
        dirs.push(root.join("book/generated/bench"));
        // The table too, with where and when it was measured, for the Measuring chapter.
        let path = root.join("book/generated/bench/table.txt");
        write_file(
            &path,
            &format!(
                "{}\n{machine};\n{method};\n{CLASSES_NOTE}\n",
                table(&records).trim_end()
            ),
        )?;
        let path = root.join("book/generated/bench/phases.txt");
        write_file(
            &path,
            &format!("{}\n{machine};\n{method}\n", phases.trim_end()),
        )?;
        if let Some(young) = &young {
            let path = root.join("book/generated/bench/young.txt");
            write_file(
                &path,
                &format!("{}\n{machine}\n", young_table(young).trim()),
            )?;
        }
    }
    for (name, svg) in plots {
        match svg {
            Ok(svg) => {
                for dir in &dirs {
                    let path = dir.join(name);
                    write_file(&path, &svg)?;
                    let shown = path.strip_prefix(root).unwrap_or(&path);
                    plot_files.push(shown.display().to_string());
                }
            }
            Err(e) => eprintln!("bench: {name}: {e}"),
        }
    }
    let meta = serde_json::json!({
        "date": date,
        "machine": {
            "nproc": nproc,
            "model_name": model,
            "kernel": std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
        },
        "rustc": command_output("rustc", &["-V"]).unwrap_or_default(),
        "python": about.python,
        "git": command_output("git", &["-C", root.to_str().unwrap_or("."), "describe", "--always", "--dirty"])
            .unwrap_or_default(),
        "sizes": options.sizes,
        "runs": options.runs,
        "quick": options.quick,
        "workloads": shapes.iter().map(|(id, shape)| (id.to_string(), shape.to_string()))
            .collect::<std::collections::BTreeMap<_, _>>(),
        "timing": "ns_per_object: median over the runs of the timed part / N (workload g: / the 1e6 objects its loop creates); ours: release build of src/bin/bench, CPython: bench/cpython_workloads.py, once with class S: __slots__ = ('next',) and once with class S: pass; cpython_ns_per_object and speedup are the faster class's",
        "memory": "bytes_per_object: (VmHWM at the end - VmRSS before the first run) / N; workload e: N live instances of workload a's shape built after its loop",
        "seconds": (started.elapsed().as_secs_f64() * 10.0).round() / 10.0,
        "plots": plot_files,
        "young": young.map(|sides| serde_json::json!({
            "what": format!("one gc.collect(0) of {YOUNG_SIZE} young containers (half garbage), median of {YOUNG_RUNS}, with old live objects in generation 2 (young -> old: the young objects refer to them)"),
            "ours_ns": sides.iter().map(|s| (s.case(), s.ours.as_ref().map(|p| p.ns_per_collection))).collect::<std::collections::BTreeMap<_, _>>(),
            "cpython_ns": sides.iter().map(|s| (s.case(), s.cpython.as_ref().map(|p| p.ns_per_collection))).collect::<std::collections::BTreeMap<_, _>>(),
        })),
    });
    let meta_path = options.out.join("meta.json");
    write_file(
        &meta_path,
        &(serde_json::to_string_pretty(&meta).map_err(|e| e.to_string())? + "\n"),
    )?;
    eprintln!(
        "bench: {} points in {:.1} s; wrote {}, {}{}",
        records.len(),
        started.elapsed().as_secs_f64(),
        report.display(),
        meta_path.display(),
        if plot_files.is_empty() {
            String::new()
        } else {
            format!(", {}", plot_files.join(", "))
        }
    );
    if problems.is_empty() {
        Ok(true)
    } else {
        eprintln!("bench: {} PROBLEM(S):", problems.len());
        for p in &problems {
            eprintln!("bench:   {p}");
        }
        Ok(false)
    }
}

/// The young-collection measurement in one case, both sides.
struct Young {
    old: usize,
    /// The young objects refer to old ones.
    to_old: bool,
    ours: Option<YoungPoint>,
    cpython: Option<YoungPoint>,
}

impl Young {
    fn case(&self) -> String {
        match (self.old, self.to_old) {
            (0, _) => "no old objects".to_string(),
            (old, false) => format!("{} old", short_count(old)),
            (old, true) => format!("{} old, young -> old", short_count(old)),
        }
    }
}

/// Times one generation-0 collection with no old objects, with `old`, and with `old` that the
/// young objects refer to, on both sides, each in a fresh process. A failed side, or
/// collected counts that differ, is a problem; a ratio over the goal, a warning.
fn young_collections(
    exe: &Path,
    script: &Path,
    options: &Options,
    old: usize,
    problems: &mut Vec<String>,
) -> Vec<Young> {
    let mut measured = Vec::new();
    for (old, to_old) in [(0, false), (old, false), (old, true)] {
        let started = Instant::now();
        let mut args: Vec<String> = [old, YOUNG_SIZE, YOUNG_RUNS]
            .map(|v| v.to_string())
            .to_vec();
        if to_old {
            args.push("to-old".to_string());
        }
        let ours = run_side::<YoungPoint>(Command::new(exe).arg("young").args(&args));
        let cpython = run_side::<YoungPoint>(
            Command::new(&options.python)
                .arg(script)
                .arg("--young")
                .args(&args),
        );
        let mut case = Young {
            old,
            to_old,
            ours: None,
            cpython: None,
        };
        for (side, result) in [("ours", &ours), ("CPython", &cpython)] {
            if let Err(e) = result {
                let problem = format!("young collection, {}: {side} failed: {e}", case.case());
                eprintln!("bench: ERROR: {problem}");
                problems.push(problem);
            }
        }
        let us = |p: &Result<YoungPoint, String>| {
            p.as_ref().map_or("-".to_string(), |p| {
                format!("{:.1}", p.ns_per_collection / 1e3)
            })
        };
        eprintln!(
            "[young] {:<22} ours {:>8} us  CPython {:>8} us  per gen-0 collection of {YOUNG_SIZE}  ({:.1} s)",
            case.case(),
            us(&ours),
            us(&cpython),
            started.elapsed().as_secs_f64()
        );
        if let (Ok(o), Ok(c)) = (&ours, &cpython)
            && o.collected != c.collected
        {
            let problem = format!(
                "young collection, {}: ours collected {}, CPython {}",
                case.case(),
                o.collected,
                c.collected
            );
            eprintln!("bench: !!!!!!!! MISMATCH: {problem} !!!!!!!!");
            problems.push(format!("MISMATCH {problem}"));
        }
        (case.ours, case.cpython) = (ours.ok(), cpython.ok());
        measured.push(case);
    }
    for (i, case) in measured.iter().enumerate().skip(1) {
        if let Some(ratio) = young_ratio(&measured, i, |y| y.ours.as_ref())
            && ratio > YOUNG_GOAL
        {
            eprintln!(
                "bench: WARNING: our generation-0 collection takes {ratio:.2}x as long with {} as with none (goal: at most {YOUNG_GOAL}x)",
                case.case()
            );
        }
    }
    measured
}

/// Case `i`'s time over the time with no old objects (case 0), for one side.
fn young_ratio(
    measured: &[Young],
    i: usize,
    side: fn(&Young) -> Option<&YoungPoint>,
) -> Option<f64> {
    let none = side(measured.first()?)?;
    let some = side(measured.get(i)?)?;
    (none.ns_per_collection > 0.0).then(|| some.ns_per_collection / none.ns_per_collection)
}

/// The young-collection lines printed after the table.
fn young_table(measured: &[Young]) -> String {
    use std::fmt::Write as _;
    let us = |p: Option<&YoungPoint>| {
        p.map_or("-".to_string(), |p| {
            format!("{:.1}", p.ns_per_collection / 1e3)
        })
    };
    let ratio = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.2}x"));
    let collected = |p: Option<&YoungPoint>| p.map_or("-".to_string(), |p| p.collected.to_string());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nyoung collection: one gc.collect(0) of {YOUNG_SIZE} young containers (half garbage), median of {YOUNG_RUNS};\nratio: over the time with no old objects"
    );
    let _ = writeln!(
        out,
        "{:<24} {:>10} {:>11} {:>10} {:>13} {:>22}",
        "old generations",
        "ours us",
        "CPython us",
        "ours ratio",
        "CPython ratio",
        "collected ours/CPython"
    );
    for (i, y) in measured.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:<24} {:>10} {:>11} {:>10} {:>13} {:>22}",
            y.case(),
            us(y.ours.as_ref()),
            us(y.cpython.as_ref()),
            ratio(young_ratio(measured, i, |y| y.ours.as_ref())),
            ratio(young_ratio(measured, i, |y| y.cpython.as_ref())),
            format!(
                "{} / {}",
                collected(y.ours.as_ref()),
                collected(y.cpython.as_ref())
            )
        );
    }
    out
}

/// `1000000` → `1e6`, `100000` → `1e5`; other numbers as they are.
fn short_count(n: usize) -> String {
    let text = n.to_string();
    let zeros = text.len() - text.trim_end_matches('0').len();
    match text.trim_end_matches('0') {
        "1" if zeros > 2 => format!("1e{zeros}"),
        _ => text,
    }
}
