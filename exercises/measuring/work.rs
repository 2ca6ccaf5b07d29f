//! Edit this file, then run: scripts/course check work
use pymem::exercises::measuring::{Work, Workload, check_work};

/// What one full collection of `workload` at size `n` examines, follows and collects,
/// worked out on paper: nothing is built or timed.
fn predict(workload: Workload, n: u64) -> Work {
    match workload {
        Workload::TwoNodeCycles => todo!("n / 2 two-node cycles, n = {n}"),
        Workload::LiveHeap => todo!("a root list -> n instances -> their own lists"),
        Workload::Ring => todo!("a ring of n instances"),
        Workload::CreateAndDrop => todo!("n instances created and dropped"),
    }
}

fn main() {
    check_work(predict);
}
