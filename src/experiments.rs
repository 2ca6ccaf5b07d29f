//! The command line every chapter example shares.
//!
//! ```text
//! cargo run --example ch01_refcount                       # every experiment
//! cargo run --example ch01_refcount -- del id-reuse       # the ones named
//! cargo run --example ch01_refcount -- --list             # their names
//! cargo run --example ch01_refcount -- --trace t.json     # also record each one's trace
//! ```
//!
//! Each experiment gets a fresh heap. With `--trace FILE`, each heap records its events and
//! the file gets one run per experiment (see `memviz::tracefile`).

use std::path::PathBuf;
use std::process::ExitCode;

use memviz::tracefile::{self, Run, TraceFile};
use refcount::{Heap, Hooks, NoHooks, Result};

/// An experiment: a Python program, statement by statement, on a fresh heap (a stage-1 heap,
/// or a later stage's heap with its hooks).
pub type Experiment<H = NoHooks> = fn(&mut Heap<H>) -> Result<()>;

/// Parses the command line, runs the chosen experiments, writes the trace if asked. Each
/// experiment gets a fresh `Heap::with_hooks(H::default())`.
pub fn main<H: Hooks>(experiments: &[(&str, Experiment<H>)]) -> ExitCode {
    main_on(|| Heap::with_hooks(H::default()), experiments)
}

/// [`main`], with each experiment's heap made by `new_heap` (a stage's own constructor).
pub fn main_on<H: Hooks>(
    new_heap: fn() -> Heap<H>,
    experiments: &[(&str, Experiment<H>)],
) -> ExitCode {
    let names: Vec<&str> = experiments.iter().map(|(n, _)| *n).collect();
    let mut chosen: Vec<String> = Vec::new();
    let mut trace_path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--list" => {
                println!("{}", names.join("\n"));
                return ExitCode::SUCCESS;
            }
            "--trace" => match args.next() {
                Some(path) => trace_path = Some(path.into()),
                None => return usage("--trace needs a file name", &names),
            },
            name if names.contains(&name) => chosen.push(arg),
            other => return usage(&format!("unknown experiment {other:?}"), &names),
        }
    }
    let mut runs = Vec::new();
    for (name, experiment) in experiments {
        if !chosen.is_empty() && !chosen.iter().any(|c| c == name) {
            continue;
        }
        if chosen.is_empty() {
            println!("== {name} ==");
        }
        let mut heap = new_heap();
        if trace_path.is_some() {
            heap.start_trace();
        }
        if let Err(error) = experiment(&mut heap) {
            eprintln!("experiment {name} failed: {error}");
            return ExitCode::FAILURE;
        }
        runs.push(Run {
            name: name.to_string(),
            trace: heap.stop_trace(),
        });
    }
    if let Some(path) = trace_path {
        if let Err(error) = tracefile::save(&path, &TraceFile::new(runs)) {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
        eprintln!("trace written to {}", path.display());
    }
    ExitCode::SUCCESS
}

fn usage(problem: &str, names: &[&str]) -> ExitCode {
    eprintln!(
        "{problem}\nusage: [--list] [--trace FILE] [EXPERIMENT...]\nexperiments: {}",
        names.join(", ")
    );
    ExitCode::from(2)
}
