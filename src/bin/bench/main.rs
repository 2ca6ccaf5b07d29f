//! The benchmark harness: our runtime against CPython 3.11 on the workloads of
//! `shared/reference/performance.md`, in one run. Use it through `scripts/bench`.
//!
//! * `bench run [options]` (the default) runs, for every workload and size, a fresh process of
//!   each side — `bench point` for ours, `bench/cpython_workloads.py` for CPython — prints a
//!   progress line per point to stderr and to stdout the table, then the time of each phase
//!   of our collections (workloads a, c, d), writes
//!   `target/bench/report.json` (a JSON list of records), `target/bench/meta.json` (machine,
//!   date, versions, options) and the plots `ns-per-object.svg` and `speedup.svg` (to
//!   `target/bench/`, and to `book/generated/bench/` unless `--quick` or `--no-book-plots`).
//!   It exits 1 if a point failed on either side or the two sides collected different counts.
//! * `bench point WORKLOAD N RUNS` runs one workload at one size in this process and prints
//!   one JSON line: `ns_per_object` (median of RUNS), `collected`, `bytes_per_object`; for a
//!   collection (a, c, d), RUNS more runs timed phase by phase give `phases_ns_per_object`
//!   (not with `--no-phases`).
//! * `bench young OLD YOUNG RUNS [to-old]` times one generation-0 collection of YOUNG
//!   containers with OLD live objects in generation 2 (which the young ones refer to, with
//!   `to-old`) and prints one JSON line: `ns_per_collection` (median of RUNS), `collected`
//!   (see `young.rs`).
//! * `bench profile [N]` runs workloads a, c, d and e under callgrind and prints, per phase,
//!   the instructions and bytes per object (see `profile.rs`).
//! * `bench list` prints the workloads.

mod plot;
mod point;
mod profile;
mod report;
mod run;
mod workloads;
mod young;

use std::process::ExitCode;

fn point_main(args: &[String]) -> Result<(), String> {
    let (phases, args) = match args {
        [rest @ .., last] if last == "--no-phases" => (false, rest),
        _ => (true, args),
    };
    let [workload, n, runs] = args else {
        return Err(run::USAGE.to_string());
    };
    let workload = workloads::find(workload).ok_or_else(|| {
        let ids: Vec<_> = workloads::WORKLOADS.iter().map(|w| w.id).collect();
        format!("unknown workload {workload:?} (have {ids:?})")
    })?;
    let n: usize = n
        .parse()
        .ok()
        .filter(|&n| n >= 2)
        .ok_or_else(|| format!("bad N {n:?}: a whole number, at least 2"))?;
    let runs: usize = runs
        .parse()
        .ok()
        .filter(|&r| r >= 1)
        .ok_or_else(|| format!("bad RUNS {runs:?}"))?;
    let point = point::measure(workload, n, runs, phases)?;
    println!(
        "{}",
        serde_json::to_string(&point).map_err(|e| e.to_string())?
    );
    Ok(())
}

fn young_main(args: &[String]) -> Result<(), String> {
    let (to_old, args) = match args {
        [rest @ .., last] if last == "to-old" => (true, rest),
        _ => (false, args),
    };
    let [old, young, runs] = args else {
        return Err(run::USAGE.to_string());
    };
    let number = |text: &String, min: usize| {
        text.parse()
            .ok()
            .filter(|&v: &usize| v >= min)
            .ok_or_else(|| format!("bad number {text:?}"))
    };
    let (old, young, runs) = (number(old, 0)?, number(young, 4)?, number(runs, 1)?);
    let point = young::measure(old, young, runs, to_old)?;
    println!(
        "{}",
        serde_json::to_string(&point).map_err(|e| e.to_string())?
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("point") => match point_main(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("bench point: {message}");
                ExitCode::FAILURE
            }
        },
        Some("young") => match young_main(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("bench young: {message}");
                ExitCode::FAILURE
            }
        },
        Some("list") => {
            for w in workloads::WORKLOADS {
                println!("{}\t{}", w.id, w.shape);
            }
            ExitCode::SUCCESS
        }
        Some("profile") => {
            profile::main(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &args[1..])
        }
        Some("run") => run::main(&args[1..]),
        _ => run::main(&args),
    }
}
