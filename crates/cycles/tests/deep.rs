//! Deep and large structures: the collector walks arrays, never the Rust stack, so a ring of a
//! million objects and a chain a million deep collect on a test thread's default stack.
//! Each test prints its collection time per object to stderr (`--nocapture` shows it).

use std::time::Instant;

use cycles::{GcHeap, check_tracking, collect};
use refcount::{ObjRef, Result};

const N: usize = 1_000_000;

/// Collects, returning what `collect` returned, and prints the time per object.
fn timed_collect(heap: &mut GcHeap, what: &str) -> usize {
    let tracked = heap.hooks().len();
    let start = Instant::now();
    let collected = collect(heap);
    let elapsed = start.elapsed();
    eprintln!(
        "{what}: collect() = {collected} in {elapsed:.2?}, {:.1} ns per tracked object",
        elapsed.as_nanos() as f64 / tracked as f64
    );
    collected
}

#[test]
fn a_million_node_ring_is_collected() -> Result<()> {
    let mut heap = cycles::new_heap();
    let node = heap.new_class("Node")?;
    heap.set_global("Node", node)?;
    heap.decref(node)?;
    let name = heap.intern("next")?; // interned names live on: count it in the baseline
    heap.decref(name)?;
    let baseline = heap.live_objects();
    let first = heap.new_instance(node)?;
    let mut last = first;
    for _ in 1..N {
        let next = heap.new_instance(node)?;
        heap.set_attr(last, "next", next)?; // last.next = next
        if last != first {
            heap.decref(last)?;
        }
        last = next;
    }
    heap.set_attr(last, "next", first)?; // close the ring
    heap.decref(last)?;
    heap.decref(first)?;
    assert_eq!(
        heap.live_objects(),
        baseline + N,
        "reference counting leaks the ring"
    );
    assert_eq!(timed_collect(&mut heap, "ring of 1e6 instances"), N);
    assert_eq!(heap.live_objects(), baseline);
    heap.check_invariants()?;
    check_tracking(&heap)
}

/// `x = None; for _ in range(N): x = [x]`, bound to `name`; returns (innermost, outermost).
fn nest(heap: &mut GcHeap, name: &str) -> Result<(ObjRef, ObjRef)> {
    let none = heap.none()?;
    heap.set_global(name, none)?;
    heap.decref(none)?;
    let mut innermost = None;
    for _ in 0..N {
        let inner = heap.get_global(name)?;
        let outer = heap.new_list(&[inner])?;
        innermost.get_or_insert(outer);
        heap.set_global(name, outer)?;
        heap.decref(outer)?;
    }
    Ok((innermost.expect("N > 0"), heap.get_global(name)?))
}

#[test]
fn a_million_deep_chain_is_examined_and_collected() -> Result<()> {
    let mut heap = cycles::new_heap();
    let name = heap.intern("x")?;
    heap.decref(name)?;
    let baseline = heap.live_objects();
    let (innermost, outermost) = nest(&mut heap, "x")?;

    // Reachable from a global: allocation order puts the innermost list first, so the walk
    // finds a million tentatively unreachable lists before the outermost one, then moves them
    // back one level at a time.
    assert_eq!(timed_collect(&mut heap, "1e6-deep reachable chain"), 0);
    assert_eq!(heap.live_objects(), baseline + N);

    // Now make it a cycle through all its depth, and garbage.
    heap.list_append(innermost, outermost)?;
    heap.del_global("x")?;
    assert_eq!(
        heap.live_objects(),
        baseline + N,
        "the cycle keeps the chain alive"
    );
    assert_eq!(
        timed_collect(&mut heap, "1e6-deep chain closed into a cycle"),
        N
    );
    assert_eq!(heap.live_objects(), baseline);
    heap.check_invariants()?;
    check_tracking(&heap)
}
