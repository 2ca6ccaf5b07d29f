//! `bench point WORKLOAD N RUNS`: one workload at one size, in this fresh process; prints
//! one JSON line, the same three keys as `bench/cpython_workloads.py` prints.

use crate::report::Point;
use crate::workloads::{Interpreter, Workload};

/// A `kB` field of `/proc/self/status` (`VmRSS`, `VmHWM`), in KiB; 0 if it cannot be read.
pub fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| {
            let rest = line.strip_prefix(field)?.strip_prefix(':')?;
            rest.split_whitespace().next()?.parse().ok()
        })
        .unwrap_or(0)
}

/// The median as Python's `statistics.median` computes it: the mean of the two middle values
/// when there is an even number of them.
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// Runs `workload` `runs` times at size `n`, as the Python side does: all runs on one heap
/// (one "interpreter"), each started by an untimed `collect()`. The peak memory is the
/// process's high-water mark over all runs, above the resident size before the first.
pub fn measure(workload: &Workload, n: usize, runs: usize) -> Result<Point, String> {
    let mut py = Interpreter::new().map_err(|e| e.to_string())?;
    cycles::collect(&mut py.heap);
    let baseline = status_kib("VmRSS");
    let mut times = Vec::with_capacity(runs);
    let mut collected = None;
    for run in 0..runs {
        cycles::collect(&mut py.heap); // start each run from a clean heap, untimed
        let sample = (workload.run)(&mut py, n).map_err(|e| format!("run {run}: {e}"))?;
        if let Some(previous) = collected
            && previous != sample.collected
        {
            return Err(format!(
                "run {run} collected {} objects, an earlier run {previous}",
                sample.collected
            ));
        }
        collected = Some(sample.collected);
        times.push(sample.elapsed.as_nanos() as f64);
    }
    let peak = status_kib("VmHWM");
    Ok(Point {
        ns_per_object: median(&mut times) / n as f64,
        collected: collected.unwrap_or(0) as u64,
        bytes_per_object: Some(peak.saturating_sub(baseline) as f64 * 1024.0 / n as f64),
    })
}
