//! `pyrun FILE.py`: runs a Python program on the book's runtime, printing what `python3`
//! would. `--trace FILE` saves the heap's events as JSON, `--plot FILE.svg` draws live
//! objects and bytes over the run, `--stress` collects at every allocation.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: pyrun [--trace FILE.json] [--plot FILE.svg] [--stress] PROGRAM.py";

struct Args {
    program: PathBuf,
    trace: Option<PathBuf>,
    plot: Option<PathBuf>,
    stress: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut program, mut trace, mut plot, mut stress) = (None, None, None, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--trace" => trace = Some(args.next().ok_or("--trace needs a file name")?.into()),
            "--plot" => plot = Some(args.next().ok_or("--plot needs a file name")?.into()),
            "--stress" => stress = true,
            "-h" | "--help" => return Err(USAGE.into()),
            other if other.starts_with('-') => {
                return Err(format!("unknown option {other}\n{USAGE}"));
            }
            other if program.is_none() => program = Some(PathBuf::from(other)),
            other => return Err(format!("one program only (also given: {other})\n{USAGE}")),
        }
    }
    let program = program.ok_or(USAGE)?;
    Ok(Args {
        program,
        trace,
        plot,
        stress,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let source = match std::fs::read_to_string(&args.program) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pyrun: can't open file '{}': {e}", args.program.display());
            return ExitCode::from(2);
        }
    };
    let options = pyrun::Options {
        stress: args.stress,
        trace: args.trace.is_some() || args.plot.is_some(),
        capture: false,
        max_statements: None,
    };
    // CPython (since 3.9) names the program by its absolute path, in tracebacks and `__file__`.
    let name = std::path::absolute(&args.program).unwrap_or_else(|_| args.program.clone());
    let outcome = pyrun::run(&name.to_string_lossy(), &source, &options);
    if let Some(trace) = outcome.trace {
        let name = args
            .program
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(path) = &args.trace {
            let file = memviz::tracefile::TraceFile::new(vec![memviz::tracefile::Run {
                name: name.clone(),
                trace: trace.clone(),
            }]);
            if let Err(e) = memviz::tracefile::save(path, &file) {
                eprintln!("pyrun: {e}");
                return ExitCode::from(2);
            }
        }
        if let Some(path) = &args.plot {
            let timeline = memviz::timeline::timeline(&trace);
            let svg = memviz::plot::memory_plot(&name, &[(name.as_str(), &timeline)]);
            match svg
                .map_err(|e| e.to_string())
                .and_then(|svg| std::fs::write(path, svg).map_err(|e| e.to_string()))
            {
                Ok(()) => {}
                Err(e) => {
                    eprintln!("pyrun: cannot write the plot {}: {e}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
    }
    ExitCode::from(outcome.status as u8)
}
