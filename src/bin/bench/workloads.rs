//! The benchmark's Rust side: the workloads of `shared/reference/performance.md`, built with the
//! runtime's public API, object for object like `bench/cpython_workloads.py`.
//!
//! A workload is one function and one entry in [`WORKLOADS`], here and in the Python file's
//! `WORKLOADS`; the harness refuses to run when the two tables name different workloads. Like
//! the Python side, where every run happens in the same interpreter, every run of a point
//! happens on the same heap ([`Interpreter`]), cleaned by an untimed `collect()` before it:
//! the function builds its objects (untimed), times only what the workload measures, and
//! leaves what it built to be freed or collected after the clock has stopped.
//!
//! Memory of "e": nothing stays alive in its loop, so after the timed loop it builds
//! workload a's shape (N live instances, untimed), and its peak memory per object is the size
//! of one live instance, the same measurement on both sides.

use std::time::{Duration, Instant};

use cycles::GcHeap;
use refcount::{ObjRef, Result};

/// What one run of a workload measured.
pub struct Sample {
    pub elapsed: Duration,
    /// What `gc.collect()` returned (for create-and-drop, how many objects the loop freed).
    pub collected: usize,
}

pub struct Workload {
    pub id: &'static str,
    pub shape: &'static str,
    pub run: fn(&mut Interpreter, usize) -> Result<Sample>,
}

/// What a Python process has before a workload runs: the heap, and `class S` bound at module
/// level (the Python file's `class S: __slots__ = ('next',)`).
pub struct Interpreter {
    pub heap: GcHeap,
    /// Borrowed: the module namespace holds it.
    pub class: ObjRef,
}

impl Interpreter {
    pub fn new() -> Result<Interpreter> {
        let mut heap = cycles::new_heap();
        let class = heap.new_class("S")?;
        heap.set_global("S", class)?;
        heap.decref(class)?;
        Ok(Interpreter { heap, class })
    }
}

pub const WORKLOADS: &[Workload] = &[
    Workload {
        id: "a",
        shape: "N/2 two-node cycles, dropped: collect()",
        run: a_two_node_cycles,
    },
    Workload {
        id: "c",
        shape: "live root list -> N instances -> own []: collect()",
        run: c_live_heap,
    },
    Workload {
        id: "d",
        shape: "one ring of N nodes, dropped: collect()",
        run: d_ring,
    },
    Workload {
        id: "e",
        shape: "create and drop N instances: the loop",
        run: e_create_drop,
    },
];

pub fn find(id: &str) -> Option<&'static Workload> {
    WORKLOADS.iter().find(|w| w.id == id)
}

/// `gc.collect()`, timed.
fn timed_collect(heap: &mut GcHeap) -> Sample {
    let start = Instant::now();
    let collected = cycles::collect(heap);
    Sample {
        elapsed: start.elapsed(),
        collected,
    }
}

/// N/2 two-node cycles (`a.next = b; b.next = a`), every outside reference dropped.
fn build_two_node_cycles(heap: &mut GcHeap, class: ObjRef, n: usize) -> Result<()> {
    for _ in 0..n / 2 {
        let a = heap.new_instance(class)?;
        let b = heap.new_instance(class)?;
        heap.set_attr(a, "next", b)?;
        heap.set_attr(b, "next", a)?;
        heap.decref(a)?;
        heap.decref(b)?;
    }
    Ok(())
}

/// One ring of N nodes, every outside reference dropped.
fn build_ring(heap: &mut GcHeap, class: ObjRef, n: usize) -> Result<()> {
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
    heap.decref(first)
}

fn a_two_node_cycles(py: &mut Interpreter, n: usize) -> Result<Sample> {
    build_two_node_cycles(&mut py.heap, py.class, n)?;
    Ok(timed_collect(&mut py.heap))
}

fn c_live_heap(py: &mut Interpreter, n: usize) -> Result<Sample> {
    let Interpreter { heap, class } = py;
    let class = *class;
    let root = heap.new_list(&[])?; // a Rust local, like the Python function's local `root`
    for _ in 0..n {
        let s = heap.new_instance(class)?;
        let own = heap.new_list(&[])?;
        heap.set_attr(s, "next", own)?;
        heap.decref(own)?;
        heap.list_append(root, s)?;
        heap.decref(s)?;
    }
    let sample = timed_collect(heap);
    heap.decref(root)?; // frees everything, untimed, as in Python, where it happens on return
    Ok(sample)
}

fn d_ring(py: &mut Interpreter, n: usize) -> Result<Sample> {
    build_ring(&mut py.heap, py.class, n)?;
    Ok(timed_collect(&mut py.heap))
}

fn e_create_drop(py: &mut Interpreter, n: usize) -> Result<Sample> {
    let Interpreter { heap, class } = py;
    let class = *class;
    let live_before = heap.live_objects();
    let start = Instant::now();
    for _ in 0..n {
        let obj = heap.new_instance(class)?; // S()
        heap.decref(obj)?; // the result is discarded
    }
    let elapsed = start.elapsed();
    let freed = n - (heap.live_objects() - live_before);
    build_two_node_cycles(heap, class, n)?; // for the memory figure only; untimed
    Ok(Sample {
        elapsed,
        collected: freed,
    })
}
