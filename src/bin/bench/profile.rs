//! `bench profile [N]`: where our side's instructions and memory traffic go, phase by phase.
//! Each of workloads a, c, d and e runs once at size N (default 1e6) under valgrind's
//! callgrind with its cache simulator, counting only the timed part (`--toggle-collect` on
//! the function that does it); each phase's counts are those of the calls to its function, the
//! functions it calls included, read from callgrind's output file and divided by N. Bytes are cache misses times the 64-byte line: "into L1" are the
//! lines the level-1 data cache had to fetch, "from memory" those a 32 MiB last-level cache
//! (one chiplet's L3 on this machine's processors) did not hold. Callgrind's counts are the
//! same on every run, however busy the machine is; its cache is a model, not the processor.
//!
//! Prints the table and writes it to `book/generated/bench/profile.txt` unless
//! `--no-book-plots`. Needs `valgrind` (`apt-get install valgrind`); CI does not run it.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};

/// A row of the table: a phase, and the function whose inclusive cost it is.
struct Phase {
    name: &'static str,
    function: &'static str,
}

const COLLECTION: &[Phase] = &[
    Phase {
        name: "take_young",
        function: "cycles::tracker::Tracker::take_young",
    },
    Phase {
        name: "update_refs",
        function: "cycles::collect::update_refs",
    },
    Phase {
        name: "subtract_refs",
        function: "cycles::collect::subtract_refs",
    },
    Phase {
        name: "move_unreachable",
        function: "cycles::collect::move_unreachable",
    },
    Phase {
        name: "place_all",
        function: "cycles::tracker::Tracker::place_all",
    },
    Phase {
        name: "delete_garbage",
        function: "cycles::collect::delete_garbage",
    },
];

const CREATE_DROP: &[Phase] = &[
    Phase {
        name: "new_instance",
        function: "refcount::builtins::<impl refcount::heap::Heap<H>>::new_instance",
    },
    Phase {
        name: "decref",
        function: "refcount::heap::Heap<H>::decref",
    },
];

/// The workloads profiled, each with the function whose run is its timed part, and its rows.
const PROFILED: &[(&str, &str, &[Phase])] = &[
    ("a", "bench::workloads::timed_collect", COLLECTION),
    ("c", "bench::workloads::timed_collect", COLLECTION),
    ("d", "bench::workloads::timed_collect", COLLECTION),
    ("e", "bench::workloads::create_and_drop", CREATE_DROP),
];

/// Callgrind's counts of one function's calls, its callees included.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub instructions: u64,
    /// Level-1 data cache misses, reads and writes.
    pub l1_misses: u64,
    /// Last-level data cache misses, reads and writes.
    pub memory_misses: u64,
}

/// The inclusive counts of every function called while callgrind was counting, by name, read
/// from its output file: each `calls=` line is followed by the position and the inclusive
/// cost of that call, in the order of the `events:` line, and `cfn=` names the function
/// called. Names are compressed: `(12) name` defines number 12, a later `(12)` refers to it,
/// in `fn=` and `cfn=` lines alike.
pub fn inclusive_counts(out: &str) -> HashMap<String, Counts> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut name_of = |field: &str| -> String {
        let field = field.trim();
        match field
            .strip_prefix('(')
            .and_then(|rest| rest.split_once(')'))
        {
            Some((id, "")) => names.get(id).cloned().unwrap_or_default(),
            Some((id, name)) => {
                let name = name.trim().to_string();
                names.insert(id.to_string(), name.clone());
                name
            }
            None => field.to_string(),
        }
    };
    let mut events: Vec<String> = Vec::new();
    let mut totals: HashMap<String, Counts> = HashMap::new();
    let mut callee = String::new();
    let mut call_follows = false;
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("events:") {
            events = rest.split_whitespace().map(str::to_string).collect();
        } else if let Some(rest) = line.strip_prefix("fn=") {
            name_of(rest);
        } else if let Some(rest) = line.strip_prefix("cfn=") {
            callee = name_of(rest);
        } else if line.starts_with("calls=") {
            call_follows = true;
        } else if call_follows {
            call_follows = false;
            let costs = line
                .split_whitespace()
                .skip(1)
                .map(|c| c.parse().unwrap_or(0));
            let total = totals.entry(callee.clone()).or_default();
            for (event, cost) in events.iter().zip(costs) {
                match event.as_str() {
                    "Ir" => total.instructions += cost,
                    "D1mr" | "D1mw" => total.l1_misses += cost,
                    "DLmr" | "DLmw" => total.memory_misses += cost,
                    _ => {}
                }
            }
        }
    }
    totals
}

/// Runs one workload under callgrind, counting only inside `timed`; returns its output file.
fn callgrind(
    exe: &Path,
    workload: &str,
    timed: &str,
    n: usize,
    out: &Path,
) -> Result<String, String> {
    let out_file = out.join(format!("callgrind.{workload}.out"));
    let run = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--cache-sim=yes",
            "--LL=33554432,16,64",
            &format!("--callgrind-out-file={}", out_file.display()),
            &format!("--toggle-collect={timed}"),
        ])
        .arg(exe)
        .args(["point", workload, &n.to_string(), "1", "--no-phases"])
        .output()
        .map_err(|e| {
            format!("cannot run valgrind ({e}): install it, e.g. apt-get install valgrind")
        })?;
    if !run.status.success() {
        return Err(format!(
            "valgrind on workload {workload} failed: {}",
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    std::fs::read_to_string(&out_file).map_err(|e| format!("{}: {e}", out_file.display()))
}

/// One cell: instructions / bytes into L1 / bytes from memory, per object.
fn cell(counts: Option<Counts>, n: usize) -> String {
    counts.map_or_else(
        || "-".to_string(),
        |c| {
            let per = |v: u64| v as f64 / n as f64;
            format!(
                "{:.0} / {:.0} / {:.0}",
                per(c.instructions),
                per(c.l1_misses * 64),
                per(c.memory_misses * 64)
            )
        },
    )
}

fn profile(root: &Path, n: usize, book: bool) -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut columns = Vec::new();
    for &(workload, timed, phases) in PROFILED {
        eprintln!("bench profile: workload {workload}, N = {n}, under callgrind");
        let counts = inclusive_counts(&callgrind(&exe, workload, timed, n, &out)?);
        let whole = *counts
            .get(timed)
            .ok_or_else(|| format!("callgrind counted nothing in {timed} (workload {workload})"))?;
        let rows = phases
            .iter()
            .map(|p| match counts.get(p.function) {
                Some(&c) => Ok((p.name, Some(c))),
                None => Err(format!(
                    "callgrind saw no call to {} in workload {workload}: was it renamed, or \
                     inlined (it must stay #[inline(never)])?",
                    p.function
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        columns.push((workload, rows, whole));
    }
    let names: Vec<&str> = [COLLECTION, CREATE_DROP]
        .iter()
        .flat_map(|phases| phases.iter().map(|p| p.name))
        .chain(["whole"])
        .collect();
    let version = Command::new("valgrind")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let mut table = format!(
        "{version} callgrind, N = {n}, per object (divided by N): instructions / bytes into the\n\
         L1 data cache / bytes from memory past a 32 MiB last-level cache\n"
    );
    let _ = write!(table, "{:<17}", "phase");
    for (workload, ..) in &columns {
        let _ = write!(table, " {workload:>17}");
    }
    table.push('\n');
    for name in names {
        let _ = write!(table, "{name:<17}");
        for (_, rows, whole) in &columns {
            let counts = match name {
                "whole" => Some(*whole),
                _ => rows.iter().find(|(row, _)| *row == name).and_then(|r| r.1),
            };
            let _ = write!(table, " {:>17}", cell(counts, n));
        }
        table.push('\n');
    }
    if book {
        let path = root.join("book/generated/bench/profile.txt");
        std::fs::write(&path, &table).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(table)
}

pub fn main(root: &Path, args: &[String]) -> ExitCode {
    let book = !args.iter().any(|a| a == "--no-book-plots");
    let sizes: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let n = match sizes.as_slice() {
        [] => Ok(1_000_000),
        [n] => crate::run::parse_size(n),
        _ => Err("usage: bench profile [N] [--no-book-plots]".to_string()),
    };
    match n.and_then(|n| profile(root, n, book)) {
        Ok(table) => {
            print!("{table}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bench profile: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of a callgrind output file that matter here (`--cache-sim=yes`).
    const OUT: &str = "\
positions: line
events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
fl=(1) src/bin/bench/workloads.rs
fn=(10) bench::workloads::timed_collect
cfl=(2) crates/cycles/src/collect.rs
cfn=(11) cycles::collect::update_refs
calls=1 101
12 12000032 2000006 2000005 0 1000004 125001 0 996622 75007
cfn=(12) cycles::collect::subtract_refs
calls=1 118
* 50000087 12000027 2000008 6 1125013 1
fl=(2)
fn=(11)
20 5 1
fn=(10)
cfn=(11)
calls=1 101
13 8 0 0 0 2 0 0 1
";

    #[test]
    fn inclusive_counts_add_up_every_call() {
        let counts = inclusive_counts(OUT);
        assert_eq!(
            counts["cycles::collect::update_refs"],
            Counts {
                instructions: 12_000_040,
                l1_misses: 1_125_007,
                memory_misses: 1_071_630,
            }
        );
        // Trailing zero counts may be left out.
        assert_eq!(
            counts["cycles::collect::subtract_refs"],
            Counts {
                instructions: 50_000_087,
                l1_misses: 1_125_014,
                memory_misses: 0,
            }
        );
        assert!(
            !counts.contains_key("bench::workloads::timed_collect"),
            "never called here"
        );
    }

    #[test]
    fn a_cell_is_per_object() {
        let counts = Counts {
            instructions: 2_000_000,
            l1_misses: 1_000_000,
            memory_misses: 500_000,
        };
        assert_eq!(cell(Some(counts), 1_000_000), "2 / 64 / 32");
        assert_eq!(cell(None, 1_000_000), "-");
    }
}
