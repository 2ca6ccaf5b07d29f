//! `bench young OLD YOUNG RUNS [to-old]`: the time of one generation-0 collection with OLD live
//! objects in the old generations, in this fresh process; prints one JSON line, the same keys
//! as `bench/cpython_workloads.py --young OLD YOUNG RUNS [to-old]` prints.
//!
//! A generational collector exists so that this time depends on the young generation only:
//! `bench run` measures it with no old objects and with a million, and prints the ratio.
//!
//! The old heap is a root list holding OLD instances (workload g's), moved to generation 2 by
//! one full collection. Each run then builds, with automatic collection off, a young
//! generation of YOUNG containers: a list holding YOUNG/2 instances, each referring to the one
//! before it, and YOUNG/4 two-node cycles, dropped. With `to-old`, live instance `j` refers
//! instead to old instance `j * 7919 % OLD` (references from the young generation into the
//! old one, spread over it; the same count of references). One `gc.collect(0)` is timed; it
//! finds the YOUNG/2 objects of the cycles. The list is then dropped, which frees the
//! survivors (now in generation 1).

use std::time::Instant;

use generations::{Generations, gc};
use refcount::{Heap, ObjRef};

use crate::point::median;
use crate::report::YoungPoint;
use crate::workloads::{Interpreter, build_old_heap};

/// The stride of the young-to-old references: a prime, so that they spread over the old heap.
const STRIDE: usize = 7919;

/// The young generation of one run (the Python file's `young_generation`); returns the list.
/// `old` is the old heap's root list and length, when the young objects refer into it.
fn young_generation(
    heap: &mut Heap<Generations>,
    class: ObjRef,
    young: usize,
    old: Option<(ObjRef, usize)>,
) -> refcount::Result<ObjRef> {
    let keep = heap.new_list(&[])?;
    let mut previous = None;
    let mut live = 0;
    for _ in 0..young / 4 {
        for _ in 0..2 {
            let s = heap.new_instance(class)?;
            match old {
                Some((root, len)) => {
                    let target = heap.list_get(root, live * STRIDE % len)?;
                    heap.set_attr(s, "next", target)?;
                }
                None => {
                    if let Some(previous) = previous {
                        heap.set_attr(s, "next", previous)?;
                    }
                }
            }
            live += 1;
            heap.list_append(keep, s)?;
            heap.decref(s)?; // the list holds it
            previous = Some(s);
        }
        let a = heap.new_instance(class)?;
        let b = heap.new_instance(class)?;
        heap.set_attr(a, "next", b)?;
        heap.set_attr(b, "next", a)?;
        heap.decref(a)?;
        heap.decref(b)?;
    }
    Ok(keep)
}

/// Median time of one generation-0 collection over `runs`, with `old` live old objects, which
/// the young ones refer to if `to_old`.
pub fn measure(old: usize, young: usize, runs: usize, to_old: bool) -> Result<YoungPoint, String> {
    let e = |e: refcount::Error| e.to_string();
    let mut py = Interpreter::<Generations>::new().map_err(e)?;
    let Interpreter { heap, class, .. } = &mut py;
    let root = build_old_heap(heap, *class, old).map_err(e)?;
    gc::collect(heap, 2).map_err(e)?; // the old heap to generation 2
    let mut times = Vec::with_capacity(runs);
    let mut collected = None;
    let targets = (to_old && old > 0).then_some((root, old));
    for run in 0..runs {
        let keep = young_generation(heap, *class, young, targets).map_err(e)?;
        let start = Instant::now();
        let found = gc::collect(heap, 0).map_err(e)?;
        times.push(start.elapsed().as_nanos() as f64);
        heap.decref(keep).map_err(e)?;
        if collected.is_some_and(|c| c != found) {
            return Err(format!(
                "run {run} collected {found}, an earlier run {collected:?}"
            ));
        }
        collected = Some(found);
    }
    heap.decref(root).map_err(e)?;
    Ok(YoungPoint {
        ns_per_collection: median(&mut times),
        collected: collected.unwrap_or(0) as u64,
    })
}
