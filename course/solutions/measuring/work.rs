use pymem::exercises::measuring::{Work, Workload, check_work};

/// What one full collection of `workload` at size `n` examines, follows and collects,
/// worked out on paper: nothing is built or timed.
fn predict(workload: Workload, n: u64) -> Work {
    // Before any workload: the module namespace (a dict holding the key "S" and the class)
    // and the class S, which holds the attribute name "next" once an instance has one.
    let (start, namespace) = (2, 2);
    let next_key = 1;
    match workload {
        // n instances, each holding `next` and its class; all garbage.
        Workload::TwoNodeCycles | Workload::Ring => Work {
            examined: start + n,
            references: namespace + next_key + 2 * n,
            collected: n,
        },
        // The root list (n items), n instances (next, class), n empty lists; nothing is
        // garbage, and it is the most work of the four.
        Workload::LiveHeap => Work {
            examined: start + 1 + 2 * n,
            references: namespace + next_key + n + 2 * n,
            collected: 0,
        },
        // Reference counting freed every instance at once: the collector finds what was
        // there before, whatever n is. No attribute was ever set.
        Workload::CreateAndDrop => Work {
            examined: start,
            references: namespace,
            collected: 0,
        },
    }
}

fn main() {
    check_work(predict);
}
