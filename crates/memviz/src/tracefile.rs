//! Trace files: the traces of one or more runs, as JSON.

use std::fmt;
use std::path::{Path, PathBuf};

use refcount::Trace;
use serde::{Deserialize, Serialize};

/// The format version written by this crate.
pub const FORMAT: u32 = 1;

/// The traces of a program's runs (a chapter example records one run per experiment).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TraceFile {
    pub format: u32,
    pub runs: Vec<Run>,
}

/// One recorded run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub name: String,
    pub trace: Trace,
}

impl TraceFile {
    pub fn new(runs: Vec<Run>) -> Self {
        TraceFile {
            format: FORMAT,
            runs,
        }
    }

    /// The run called `name`.
    pub fn run(&self, name: &str) -> Option<&Trace> {
        self.runs.iter().find(|r| r.name == name).map(|r| &r.trace)
    }
}

/// Why a trace file could not be written or read: always names the file.
#[derive(Debug)]
pub struct TraceFileError {
    pub path: PathBuf,
    pub problem: String,
}

impl fmt::Display for TraceFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "trace file {}: {}", self.path.display(), self.problem)
    }
}

impl std::error::Error for TraceFileError {}

/// Writes a trace file (compact JSON: traces are large).
pub fn save(path: &Path, file: &TraceFile) -> Result<(), TraceFileError> {
    let error = |problem: String| TraceFileError {
        path: path.to_path_buf(),
        problem,
    };
    let json = serde_json::to_string(file).map_err(|e| error(e.to_string()))?;
    std::fs::write(path, json).map_err(|e| error(format!("cannot write: {e}")))
}

/// Reads a trace file back. A file that is not one says where and why, for example
/// `trace file t.json: not a trace file: missing field `runs` at line 1 column 14`.
pub fn load(path: &Path) -> Result<TraceFile, TraceFileError> {
    let error = |problem: String| TraceFileError {
        path: path.to_path_buf(),
        problem,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(format!("cannot read: {e}")))?;
    let file: TraceFile =
        serde_json::from_str(&text).map_err(|e| error(format!("not a trace file: {e}")))?;
    if file.format != FORMAT {
        return Err(error(format!(
            "format {} is not supported (this is {FORMAT})",
            file.format
        )));
    }
    Ok(file)
}
