//! The harness's results: what each side measured at one point, the records of
//! `target/bench/report.json`, and the table printed at the end of a run.
//!
//! Depends on nothing else of the binary, so `tests/bench_smoke.rs` includes this file and
//! checks the report's exact format.

use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// What one side prints for one workload at one size: the JSON line of the Rust binary's
/// `point` mode and of `bench/cpython_workloads.py`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Median over the runs of the timed part, divided by N (workload g: by the objects its
    /// loop creates).
    pub ns_per_object: f64,
    /// What the collection returned (workload e: the objects the loop freed; g: the objects
    /// its loop's automatic collections found).
    pub collected: u64,
    /// (VmHWM at the end − VmRSS before the first run) / N; null if not measured.
    pub bytes_per_object: Option<f64>,
    /// Workload g only: the automatic collections of each generation in its timed loop
    /// (absent for the others). Checked against the other side's, not in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collections: Option<[u64; 3]>,
    /// Ours, workloads a, c and d: the median time of each phase of the collection, divided by
    /// N, from runs of their own (`workloads::PHASE_NAMES`). Absent for the others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phases_ns_per_object: Option<[f64; PHASES]>,
}

/// The phases of one collection that ours times apart, as the collector's observer sees them
/// go by: each is the time from one observation to the next. `update_refs` includes taking
/// the generation's list off the tracker; `finalize`, placing the survivors and looking for
/// finalizers; `delete_garbage`, clearing the garbage (and so every deallocation it sets off)
/// and what follows until the collection returns.
pub const PHASE_NAMES: [&str; PHASES] = [
    "update_refs",
    "subtract_refs",
    "move_unreachable",
    "finalize",
    "delete_garbage",
];
pub const PHASES: usize = 5;

/// One element of `target/bench/report.json` (a JSON list of these, nothing around it). A side
/// whose process failed has nulls.
///
/// CPython runs each point twice, with a `__slots__` class and with a plain one
/// (`bench/cpython_workloads.py ... slots|plain`); `cpython_ns_per_object` and `speedup` are
/// those of the faster of the two (`cpython_faster`), and both are kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub workload: String,
    pub n: u64,
    pub ours_ns_per_object: Option<f64>,
    /// The faster of CPython's two classes.
    pub cpython_ns_per_object: Option<f64>,
    /// The faster of CPython's time over ours: above 1, we are faster.
    pub speedup: Option<f64>,
    pub ours_collected: Option<u64>,
    /// What CPython's `__slots__` run collected (the plain one's must be the same).
    pub cpython_collected: Option<u64>,
    pub ours_bytes_per_object: Option<f64>,
    /// The smaller of CPython's two classes.
    pub cpython_bytes_per_object: Option<f64>,
    /// Which of CPython's classes was faster: `"slots"` or `"plain"`.
    pub cpython_faster: Option<String>,
    pub cpython_slots_ns_per_object: Option<f64>,
    pub cpython_plain_ns_per_object: Option<f64>,
    pub cpython_slots_bytes_per_object: Option<f64>,
    pub cpython_plain_bytes_per_object: Option<f64>,
    /// Ours, per phase of the collection (see [`PHASE_NAMES`]); null for e and g.
    pub ours_phases_ns_per_object: Option<[f64; PHASES]>,
}

/// The keys of every record, exactly.
pub const REPORT_KEYS: [&str; 15] = [
    "workload",
    "n",
    "ours_ns_per_object",
    "cpython_ns_per_object",
    "speedup",
    "ours_collected",
    "cpython_collected",
    "ours_bytes_per_object",
    "cpython_bytes_per_object",
    "cpython_faster",
    "cpython_slots_ns_per_object",
    "cpython_plain_ns_per_object",
    "cpython_slots_bytes_per_object",
    "cpython_plain_bytes_per_object",
    "ours_phases_ns_per_object",
];

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// What CPython measured at one point, with each of its two classes.
#[derive(Clone, Copy, Debug, Default)]
pub struct CPython<'a> {
    pub slots: Option<&'a Point>,
    pub plain: Option<&'a Point>,
}

impl CPython<'_> {
    /// The faster of the two classes that ran, and its name.
    pub fn faster(&self) -> Option<(&'static str, &Point)> {
        match (self.slots, self.plain) {
            (Some(s), Some(p)) if p.ns_per_object < s.ns_per_object => Some(("plain", p)),
            (Some(s), _) => Some(("slots", s)),
            (None, Some(p)) => Some(("plain", p)),
            (None, None) => None,
        }
    }
}

impl Record {
    pub fn new(workload: &str, n: u64, ours: Option<&Point>, cpython: CPython<'_>) -> Record {
        let ns = |p: Option<&Point>| p.map(|p| round(p.ns_per_object, 3));
        let bytes = |p: Option<&Point>| p.and_then(|p| p.bytes_per_object).map(|b| round(b, 1));
        let faster = cpython.faster();
        let best = faster.map(|(_, p)| p);
        let speedup = match (ours, best) {
            (Some(o), Some(c)) if o.ns_per_object > 0.0 => {
                Some(round(c.ns_per_object / o.ns_per_object, 3))
            }
            _ => None,
        };
        let smallest = [bytes(cpython.slots), bytes(cpython.plain)]
            .into_iter()
            .flatten()
            .reduce(f64::min);
        Record {
            workload: workload.to_string(),
            n,
            ours_ns_per_object: ns(ours),
            cpython_ns_per_object: ns(best),
            speedup,
            ours_collected: ours.map(|p| p.collected),
            cpython_collected: cpython.slots.or(cpython.plain).map(|p| p.collected),
            ours_bytes_per_object: bytes(ours),
            cpython_bytes_per_object: smallest,
            cpython_faster: faster.map(|(name, _)| name.to_string()),
            cpython_slots_ns_per_object: ns(cpython.slots),
            cpython_plain_ns_per_object: ns(cpython.plain),
            cpython_slots_bytes_per_object: bytes(cpython.slots),
            cpython_plain_bytes_per_object: bytes(cpython.plain),
            ours_phases_ns_per_object: ours
                .and_then(|p| p.phases_ns_per_object)
                .map(|phases| phases.map(|ns| round(ns, 3))),
        }
    }

    /// Both sides ran and reported the same number of objects collected.
    pub fn collected_agree(&self) -> bool {
        matches!((self.ours_collected, self.cpython_collected), (Some(o), Some(c)) if o == c)
    }
}

/// Writes the records as a JSON list, one record per line.
pub fn write_report(path: &Path, records: &[Record]) -> std::io::Result<()> {
    let mut out = String::from("[\n");
    for (i, record) in records.iter().enumerate() {
        let value = serde_json::to_value(record).map_err(std::io::Error::other)?;
        let keys: Vec<&str> = value
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        if keys.len() != REPORT_KEYS.len() || !REPORT_KEYS.iter().all(|k| keys.contains(k)) {
            return Err(std::io::Error::other(format!("a record has keys {keys:?}")));
        }
        let line = serde_json::to_string(record).map_err(std::io::Error::other)?;
        let comma = if i + 1 < records.len() { "," } else { "" };
        let _ = writeln!(out, "  {line}{comma}");
    }
    out.push_str("]\n");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, out)
}

fn or_dash<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// The table a run prints at the end, one line per record: CPython's time with each class,
/// the speed-up over the faster one, and the memory of each. Rows whose collected counts
/// disagree end with `<-- MISMATCH`.
pub fn table(records: &[Record]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<8} {:>9} {:>11} {:>15} {:>8} {:>18} {:>22}",
        "workload",
        "N",
        "ours ns/obj",
        "CPy slots/plain",
        "speed-up",
        "collected ours/CPy",
        "bytes ours/slots/plain"
    );
    for r in records {
        let ns = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"));
        let bytes = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{v:.0}"));
        let speedup = r
            .speedup
            .map_or_else(|| "-".to_string(), |s| format!("{s:.2}x"));
        let cpython = format!(
            "{} / {}",
            ns(r.cpython_slots_ns_per_object),
            ns(r.cpython_plain_ns_per_object)
        );
        let collected = format!(
            "{} / {}",
            or_dash(r.ours_collected),
            or_dash(r.cpython_collected)
        );
        let memory = format!(
            "{} / {} / {}",
            bytes(r.ours_bytes_per_object),
            bytes(r.cpython_slots_bytes_per_object),
            bytes(r.cpython_plain_bytes_per_object)
        );
        let flag = if r.collected_agree() {
            ""
        } else {
            "  <-- MISMATCH"
        };
        let _ = writeln!(
            out,
            "{:<8} {:>9} {:>11} {:>15} {:>8} {:>18} {:>22}{flag}",
            r.workload,
            r.n,
            ns(r.ours_ns_per_object),
            cpython,
            speedup,
            collected,
            memory
        );
    }
    out
}

/// Where the time of our collections goes: one line per record that has phases, the cost
/// per object of each phase (ns, divided by N like the headline) and their sum.
pub fn phases_table(records: &[Record]) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:<8} {:>9}", "workload", "N");
    for name in PHASE_NAMES {
        let _ = write!(out, " {name}");
    }
    let _ = writeln!(out, " {:>6}", "sum");
    for r in records {
        let Some(phases) = r.ours_phases_ns_per_object else {
            continue;
        };
        let _ = write!(out, "{:<8} {:>9}", r.workload, r.n);
        for (name, ns) in PHASE_NAMES.iter().zip(phases) {
            let _ = write!(out, " {ns:>width$.1}", width = name.len());
        }
        let _ = writeln!(out, " {:>6.1}", phases.iter().sum::<f64>());
    }
    out
}

/// What `bench young OLD YOUNG RUNS` and `cpython_workloads.py --young OLD YOUNG RUNS` print:
/// the median time of one generation-0 collection, and what it collected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YoungPoint {
    pub ns_per_collection: f64,
    pub collected: u64,
}
