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
//!
//! Workloads a–e run on stage 2's heap (`cycles::new_heap()`, no automatic collection, as the
//! Python side runs them with `gc.disable()`); g runs on stage 3's (`generations::new_heap()`),
//! with automatic collection off except in its timed loop, as the Python side runs it.

use std::time::{Duration, Instant};

use cycles::{GcHooks, Phase, Tracker};
use generations::{Generations, gc};
use refcount::{Heap, ObjRef, Result};

use crate::report::PHASES;

/// What one run of a workload measured.
pub struct Sample {
    pub elapsed: Duration,
    /// What the time is divided by: N, except for g (the objects its loop creates).
    pub objects: usize,
    /// What `gc.collect()` returned (for create-and-drop, how many objects the loop freed;
    /// for g, how many the automatic collections of its loop found).
    pub collected: usize,
    /// For g: the automatic collections of each generation its loop ran.
    pub collections: Option<[u64; 3]>,
    /// For a collection timed phase by phase ([`Interpreter::time_phases`]): the time of each
    /// of [`crate::report::PHASE_NAMES`].
    pub phases: Option<[Duration; PHASES]>,
}

impl Sample {
    fn of_n(elapsed: Duration, n: usize, collected: usize) -> Sample {
        Sample {
            elapsed,
            objects: n,
            collected,
            collections: None,
            phases: None,
        }
    }
}

/// A workload's function, on the heap of the stage it needs.
pub enum Run {
    Cycles(fn(&mut Interpreter<Tracker>, usize) -> Result<Sample>),
    Generations(fn(&mut Interpreter<Generations>, usize) -> Result<Sample>),
}

pub struct Workload {
    pub id: &'static str,
    pub shape: &'static str,
    pub run: Run,
    /// The timed part is one collection, which runs of their own also time phase by phase
    /// ([`Interpreter::time_phases`]).
    pub phases: bool,
}

/// A stage of the runtime a workload can run on: how to make its heap, as a Python process
/// that has called `gc.disable()`, and its `gc.collect()`.
pub trait Stage: GcHooks + Sized {
    fn new_heap() -> Heap<Self>;
    fn collect(heap: &mut Heap<Self>) -> Result<usize>;
}

impl Stage for Tracker {
    fn new_heap() -> Heap<Self> {
        cycles::new_heap() // stage 2 never collects by itself
    }

    fn collect(heap: &mut Heap<Self>) -> Result<usize> {
        Ok(cycles::collect(heap))
    }
}

impl Stage for Generations {
    fn new_heap() -> Heap<Self> {
        let mut heap = generations::new_heap();
        gc::disable(&mut heap);
        heap
    }

    fn collect(heap: &mut Heap<Self>) -> Result<usize> {
        gc::collect(heap, 2)
    }
}

/// What a Python process has before a workload runs: the heap, and `class S` bound at module
/// level (the Python file's `class S: __slots__ = ('next',)`).
pub struct Interpreter<H: Stage = Tracker> {
    pub heap: Heap<H>,
    /// Borrowed: the module namespace holds it.
    pub class: ObjRef,
    /// Time the collection of workloads a, c and d phase by phase, through the collector's
    /// observer, instead of as a whole (the observer's calls cost a little, so these runs are
    /// not the ones the headline figures come from).
    pub time_phases: bool,
}

impl<H: Stage> Interpreter<H> {
    pub fn new() -> Result<Interpreter<H>> {
        let mut heap = H::new_heap();
        let class = heap.new_class("S")?;
        heap.set_global("S", class)?;
        heap.decref(class)?;
        Ok(Interpreter {
            heap,
            class,
            time_phases: false,
        })
    }
}

pub const WORKLOADS: &[Workload] = &[
    Workload {
        id: "a",
        shape: "N/2 two-node cycles, dropped: collect()",
        run: Run::Cycles(a_two_node_cycles),
        phases: true,
    },
    Workload {
        id: "c",
        shape: "live root list -> N instances -> own []: collect()",
        run: Run::Cycles(c_live_heap),
        phases: true,
    },
    Workload {
        id: "d",
        shape: "one ring of N nodes, dropped: collect()",
        run: Run::Cycles(d_ring),
        phases: true,
    },
    Workload {
        id: "e",
        shape: "create and drop N instances: the loop",
        run: Run::Cycles(e_create_drop),
        phases: false,
    },
    Workload {
        id: "g",
        shape: "old heap of N; 1e6 short-lived, 1/5 in cycles: automatic gc",
        run: Run::Generations(g_generational),
        phases: false,
    },
];

pub fn find(id: &str) -> Option<&'static Workload> {
    WORKLOADS.iter().find(|w| w.id == id)
}

/// `gc.collect()` of a stage-2 heap, timed as a whole or phase by phase. Kept apart
/// (`#[inline(never)]`): `bench profile` counts what runs inside it.
#[inline(never)]
fn timed_collect(py: &mut Interpreter, n: usize) -> Sample {
    if py.time_phases {
        return collect_phase_by_phase(&mut py.heap, n);
    }
    let start = Instant::now();
    let collected = cycles::collect(&mut py.heap);
    Sample::of_n(start.elapsed(), n, collected)
}

/// A full collection with the time of each of its phases ([`crate::report::PHASE_NAMES`]): `update_refs` includes
/// taking the generation's list off the tracker; `finalize`, placing the survivors and
/// looking for finalizers (there are none); `delete_garbage`, clearing the garbage — and so
/// the deallocations it sets off — and what follows until the collection returns.
fn collect_phase_by_phase(heap: &mut Heap<Tracker>, n: usize) -> Sample {
    let mut marks = [Duration::ZERO; PHASES];
    let start = Instant::now();
    let stats = cycles::collect_observed(heap, |phase, _| {
        let ends = match phase {
            Phase::UpdateRefs => 0,
            Phase::SubtractRefs => 1,
            Phase::MoveUnreachable => 2,
            Phase::Final => 3,
            Phase::Examined(_) => return, // one per object, inside move_unreachable
        };
        marks[ends] = start.elapsed();
    });
    marks[4] = start.elapsed();
    let mut phases = marks;
    for i in 1..PHASES {
        phases[i] = marks[i] - marks[i - 1];
    }
    Sample {
        phases: Some(phases),
        ..Sample::of_n(marks[4], n, stats.collected + stats.uncollectable)
    }
}

/// N/2 two-node cycles (`a.next = b; b.next = a`), every outside reference dropped.
fn build_two_node_cycles<H: Stage>(heap: &mut Heap<H>, class: ObjRef, n: usize) -> Result<()> {
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
fn build_ring(heap: &mut Heap<Tracker>, class: ObjRef, n: usize) -> Result<()> {
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
    Ok(timed_collect(py, n))
}

fn c_live_heap(py: &mut Interpreter, n: usize) -> Result<Sample> {
    let (heap, class) = (&mut py.heap, py.class);
    let root = heap.new_list(&[])?; // a Rust local, like the Python function's local `root`
    for _ in 0..n {
        let s = heap.new_instance(class)?;
        let own = heap.new_list(&[])?;
        heap.set_attr(s, "next", own)?;
        heap.decref(own)?;
        heap.list_append(root, s)?;
        heap.decref(s)?;
    }
    let sample = timed_collect(py, n);
    py.heap.decref(root)?; // frees everything, untimed, as in Python, where it happens on return
    Ok(sample)
}

fn d_ring(py: &mut Interpreter, n: usize) -> Result<Sample> {
    build_ring(&mut py.heap, py.class, n)?;
    Ok(timed_collect(py, n))
}

fn e_create_drop(py: &mut Interpreter, n: usize) -> Result<Sample> {
    let (heap, class) = (&mut py.heap, py.class);
    let live_before = heap.live_objects();
    let start = Instant::now();
    create_and_drop(heap, class, n)?;
    let elapsed = start.elapsed();
    let freed = n - (heap.live_objects() - live_before);
    build_two_node_cycles(heap, class, n)?; // for the memory figure only; untimed
    Ok(Sample::of_n(elapsed, n, freed))
}

/// Workload e's timed loop, kept apart (`#[inline(never)]`): `bench profile` counts what runs
/// inside it.
#[inline(never)]
fn create_and_drop(heap: &mut Heap<Tracker>, class: ObjRef, n: usize) -> Result<()> {
    for _ in 0..n {
        let obj = heap.new_instance(class)?; // S()
        heap.decref(obj)?; // the result is discarded
    }
    Ok(())
}

/// How many objects workload g's loop creates, whatever N: its time is divided by this.
pub const G_CREATED: usize = 1_000_000;

/// A root list holding N instances (N + 1 containers), like workload c's without the lists.
pub fn build_old_heap<H: Stage>(heap: &mut Heap<H>, class: ObjRef, n: usize) -> Result<ObjRef> {
    let root = heap.new_list(&[])?;
    for _ in 0..n {
        let s = heap.new_instance(class)?;
        heap.list_append(root, s)?;
        heap.decref(s)?;
    }
    Ok(root)
}

/// Workload g's loop (the Python file's `churn`): `created` instances, in groups of ten: eight
/// `S()` dropped at once, then a two-node cycle (`a.next = b; b.next = a; del a, b`) that only
/// the collector frees.
fn churn<H: Stage>(heap: &mut Heap<H>, class: ObjRef, created: usize) -> Result<()> {
    for _ in 0..created / 10 {
        for _ in 0..8 {
            let obj = heap.new_instance(class)?; // S()
            heap.decref(obj)?;
        }
        let a = heap.new_instance(class)?;
        let b = heap.new_instance(class)?;
        heap.set_attr(a, "next", b)?;
        heap.set_attr(b, "next", a)?;
        heap.decref(a)?;
        heap.decref(b)?;
    }
    Ok(())
}

/// `gc.get_stats()`: per generation, (collections, collected).
fn gc_stats(heap: &Heap<Generations>) -> [(u64, u64); 3] {
    gc::get_stats(heap).map(|s| (s.collections, s.collected))
}

fn g_generational(py: &mut Interpreter<Generations>, n: usize) -> Result<Sample> {
    let (heap, class) = (&mut py.heap, py.class);
    let root = build_old_heap(heap, class, n)?;
    let before = gc_stats(heap);
    let found = gc::collect(heap, 2)?; // untimed: the old heap to generation 2, counts to 0
    gc::enable(heap);
    let start = Instant::now();
    churn(heap, class, G_CREATED)?;
    let elapsed = start.elapsed();
    gc::disable(heap);
    let after = gc_stats(heap);
    let mut collections = [0; 3];
    let mut collected = 0;
    for g in 0..3 {
        collections[g] = after[g].0 - before[g].0;
        collected += after[g].1 - before[g].1;
    }
    collections[2] -= 1; // the untimed gc.collect()
    heap.decref(root)?; // untimed, as in Python, where it happens on return
    Ok(Sample {
        elapsed,
        objects: G_CREATED,
        collected: (collected - found as u64) as usize,
        collections: Some(collections),
        phases: None,
    })
}
