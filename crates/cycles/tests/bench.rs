//! Collection times on the workloads of reference/performance.md, in ns per logical node.
//! Timing, not checking: run with
//! `cargo test -p cycles --release --test bench -- --ignored --nocapture`.
//!
//! * a: N/2 two-node cycles of instances, dropped — one collection frees them all;
//! * c: a live heap, a root list → N instances → each holding its own empty list, no garbage;
//! * d: one ring of N instances, dropped.
//!
//! Only the collection is timed (it includes the frees that reference counting does when the
//! collector breaks the cycles). Each time is the median of 5 runs. In separate runs, an
//! observer splits the collection: `detect` is the time up to the end of `move_unreachable`,
//! `final` up to the end of finalization and resurrection handling; the rest is
//! `delete_garbage` and the frees it causes.

use std::time::{Duration, Instant};

use cycles::{GcHeap, Phase, collect, collect_observed};
use refcount::Result;

const RUNS: usize = 5;

fn build(workload: char, n: usize) -> Result<GcHeap> {
    let mut heap = cycles::new_heap();
    let node = heap.new_class("S")?;
    heap.set_global("S", node)?;
    heap.decref(node)?;
    match workload {
        'a' => {
            for _ in 0..n / 2 {
                let a = heap.new_instance(node)?;
                let b = heap.new_instance(node)?;
                heap.set_attr(a, "next", b)?;
                heap.set_attr(b, "next", a)?;
                heap.decref(a)?;
                heap.decref(b)?;
            }
        }
        'c' => {
            let root = heap.new_list(&[])?;
            heap.set_global("root", root)?;
            heap.decref(root)?;
            for _ in 0..n {
                let obj = heap.new_instance(node)?;
                let own = heap.new_list(&[])?;
                heap.set_attr(obj, "next", own)?;
                heap.decref(own)?;
                heap.list_append(root, obj)?;
                heap.decref(obj)?;
            }
        }
        'd' => {
            let first = heap.new_instance(node)?;
            let mut last = first;
            for _ in 1..n {
                let next = heap.new_instance(node)?;
                heap.set_attr(last, "next", next)?;
                if last != first {
                    heap.decref(last)?;
                }
                last = next;
            }
            heap.set_attr(last, "next", first)?;
            heap.decref(last)?;
            heap.decref(first)?;
        }
        _ => unreachable!(),
    }
    Ok(heap)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
#[ignore = "timing: run with --release -- --ignored --nocapture"]
fn collection_time_per_object() -> Result<()> {
    eprintln!("workload        N   total ns/node   detect ns/node   final ns/node   (collected)");
    for workload in ['a', 'c', 'd'] {
        for n in [10_000, 100_000, 1_000_000] {
            let mut totals = Vec::new();
            let mut detects = Vec::new();
            let mut finals = Vec::new();
            let mut collected = 0;
            for _ in 0..RUNS {
                let mut heap = build(workload, n)?;
                let start = Instant::now();
                collected = collect(&mut heap);
                totals.push(start.elapsed());

                let mut heap = build(workload, n)?;
                let (mut detected, mut finalized) = (None, None);
                let start = Instant::now();
                collect_observed(&mut heap, |phase, _| match phase {
                    Phase::MoveUnreachable => detected = Some(start.elapsed()),
                    Phase::Final => finalized = Some(start.elapsed()),
                    _ => {}
                });
                detects.push(detected.expect("the phase is reported"));
                finals.push(finalized.expect("the phase is reported"));
            }
            let per = |d: Duration| d.as_nanos() as f64 / n as f64;
            eprintln!(
                "{workload} {n:>13} {:>15.1} {:>16.1} {:>15.1}   ({collected})",
                per(median(totals)),
                per(median(detects)),
                per(median(finals))
            );
        }
    }
    Ok(())
}
