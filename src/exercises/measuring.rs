//! The checks of chapter "Measuring": counting the work of a collection instead of timing it.

use cycles::GcHeap;
use refcount::Result;

/// The benchmark's workloads, in the shapes `scripts/bench` times. Every one starts from what
/// the benchmark's interpreter has before it runs: the module namespace, and `class S` bound
/// in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    /// a: `n / 2` two-node cycles (`a.next = b; b.next = a`), every outside reference dropped.
    TwoNodeCycles,
    /// c: a live root list holding `n` instances of `S`, each holding its own empty list.
    LiveHeap,
    /// d: one ring of `n` instances, every outside reference dropped.
    Ring,
    /// e: `n` instances created and dropped one after the other (`S()` in a loop).
    CreateAndDrop,
}

/// What one full collection does, counted rather than timed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Work {
    /// Tracked objects the collection examines (`Stats::scanned`): `update_refs` copies each
    /// one's count, `move_unreachable` looks at each one.
    pub examined: u64,
    /// References held by the examined objects, each followed once by `subtract_refs`.
    pub references: u64,
    /// What the collection returns: the objects found unreachable and cleared.
    pub collected: u64,
}

/// Builds `workload` with `n` as its size on a fresh heap, and returns the heap with the
/// workload's root still held (the live heap's root list), ready for `cycles::collect`.
pub fn build(workload: Workload, n: usize) -> Result<GcHeap> {
    let mut heap = cycles::new_heap();
    let class = heap.new_class("S")?;
    heap.set_global("S", class)?;
    heap.decref(class)?; // borrowed from here on: the namespace holds it
    match workload {
        Workload::TwoNodeCycles => {
            for _ in 0..n / 2 {
                let (a, b) = (heap.new_instance(class)?, heap.new_instance(class)?);
                heap.set_attr(a, "next", b)?;
                heap.set_attr(b, "next", a)?;
                heap.decref(a)?;
                heap.decref(b)?;
            }
        }
        Workload::LiveHeap => {
            let root = heap.new_list(&[])?; // kept: the function's local `root`
            for _ in 0..n {
                let s = heap.new_instance(class)?;
                let own = heap.new_list(&[])?;
                heap.set_attr(s, "next", own)?;
                heap.decref(own)?;
                heap.list_append(root, s)?;
                heap.decref(s)?;
            }
        }
        Workload::Ring => {
            if n > 0 {
                let first = heap.new_instance(class)?;
                let mut last = first;
                for _ in 1..n {
                    let node = heap.new_instance(class)?;
                    heap.set_attr(last, "next", node)?;
                    if last != first {
                        heap.decref(last)?;
                    }
                    last = node;
                }
                heap.set_attr(last, "next", first)?;
                if last != first {
                    heap.decref(last)?;
                }
                heap.decref(first)?;
            }
        }
        Workload::CreateAndDrop => {
            for _ in 0..n {
                let obj = heap.new_instance(class)?;
                heap.decref(obj)?;
            }
        }
    }
    Ok(heap)
}

/// Runs one collection of `workload` at size `n` and counts its work.
pub fn measure(workload: Workload, n: usize) -> Result<Work> {
    let mut heap = build(workload, n)?;
    let mut references = 0;
    for obj in heap.hooks().tracked() {
        heap.visit_referents(obj, |_| references += 1)?;
    }
    let stats = cycles::collect_observed(&mut heap, |_, _| {});
    Ok(Work {
        examined: stats.scanned as u64,
        references,
        collected: stats.collected as u64,
    })
}

/// Exercise 6.1: `predict(workload, n)` says, without building anything, what one full
/// collection of `workload` at size `n` examines, follows and collects.
///
/// ```
/// use pymem::exercises::measuring::{check_work, Work};
/// // Only the garbage: wrong, a collection examines the live objects too.
/// let caught = std::panic::catch_unwind(|| check_work(|_, n| Work {
///     examined: n,
///     references: n,
///     collected: n,
/// }));
/// assert!(caught.is_err());
/// ```
pub fn check_work(predict: impl Fn(Workload, u64) -> Work) {
    use Workload::*;
    for workload in [TwoNodeCycles, LiveHeap, Ring, CreateAndDrop] {
        for n in [2, 10, 1000, 4096] {
            let actual = measure(workload, n).expect("the workload runs");
            let predicted = predict(workload, n as u64);
            let wrong = |what: &str, yours: u64, real: u64| {
                panic!(
                    "{workload:?} with n = {n}: you predicted {yours} {what}, the collection \
                     had {real}. {}",
                    match what {
                        "objects examined" =>
                            "Every tracked container is examined, garbage \
                            or not, including what the program had before the workload ran.",
                        "references followed" =>
                            "Count every reference each examined \
                            object holds: attribute values, list items, dict keys and values, \
                            an instance's class, and the attribute names a class keeps.",
                        _ =>
                            "Only objects that reference counting could not free are left \
                            for the collector.",
                    }
                )
            };
            if predicted.examined != actual.examined {
                wrong("objects examined", predicted.examined, actual.examined);
            }
            if predicted.references != actual.references {
                wrong(
                    "references followed",
                    predicted.references,
                    actual.references,
                );
            }
            if predicted.collected != actual.collected {
                wrong("objects collected", predicted.collected, actual.collected);
            }
        }
    }
}
