//! `bench point WORKLOAD N RUNS`: one workload at one size, in this fresh process; prints
//! one JSON line, the same keys as `bench/cpython_workloads.py` prints.

use crate::report::{PHASES, Point};
use crate::workloads::{Interpreter, Run, Sample, Stage, Workload};

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
/// With `phases`, the workloads whose timed part is a collection then run as many times again,
/// timed phase by phase.
pub fn measure(workload: &Workload, n: usize, runs: usize, phases: bool) -> Result<Point, String> {
    let phase_runs = if workload.phases && phases { runs } else { 0 };
    match workload.run {
        Run::Cycles(run) => measure_on(run, n, runs, phase_runs),
        Run::Generations(run) => measure_on(run, n, runs, phase_runs),
    }
}

fn measure_on<H: Stage>(
    run: fn(&mut Interpreter<H>, usize) -> refcount::Result<Sample>,
    n: usize,
    runs: usize,
    phase_runs: usize,
) -> Result<Point, String> {
    let mut py = Interpreter::<H>::new().map_err(|e| e.to_string())?;
    H::collect(&mut py.heap).map_err(|e| e.to_string())?;
    let baseline = status_kib("VmRSS");
    let mut times = Vec::with_capacity(runs);
    let mut first: Option<(usize, Option<[u64; 3]>)> = None;
    let mut objects = n;
    for i in 0..runs {
        // start each run from a clean heap, untimed
        H::collect(&mut py.heap).map_err(|e| format!("run {i}: {e}"))?;
        let sample = run(&mut py, n).map_err(|e| format!("run {i}: {e}"))?;
        let counted = (sample.collected, sample.collections);
        if let Some(previous) = first
            && previous != counted
        {
            let shown = |(objects, collections): (usize, Option<[u64; 3]>)| match collections {
                Some(c) => format!("{objects} objects in {c:?} collections"),
                None => format!("{objects} objects"),
            };
            return Err(format!(
                "run {i} collected {}, an earlier run {}",
                shown(counted),
                shown(previous)
            ));
        }
        first = Some(counted);
        objects = sample.objects;
        times.push(sample.elapsed.as_nanos() as f64);
    }
    let peak = status_kib("VmHWM");
    let (collected, collections) = first.unwrap_or((0, None));
    // Then the runs timed phase by phase, for the workloads whose timed part is a collection.
    py.time_phases = true;
    let mut phases: [Vec<f64>; PHASES] = Default::default();
    for i in 0..phase_runs {
        H::collect(&mut py.heap).map_err(|e| format!("phase run {i}: {e}"))?;
        let sample = run(&mut py, n).map_err(|e| format!("phase run {i}: {e}"))?;
        let times = sample.phases.ok_or("a phase run was not timed by phase")?;
        for (phase, time) in phases.iter_mut().zip(times) {
            phase.push(time.as_nanos() as f64 / objects as f64);
        }
    }
    let phases = (phase_runs > 0).then(|| phases.map(|mut times| median(&mut times)));
    Ok(Point {
        ns_per_object: median(&mut times) / objects as f64,
        collected: collected as u64,
        bytes_per_object: Some(peak.saturating_sub(baseline) as f64 * 1024.0 / n as f64),
        collections,
        phases_ns_per_object: phases,
    })
}
