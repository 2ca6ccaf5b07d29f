//! # generations — stage 3 of the book's runtime: generations and the `gc` module
//!
//! Stage 2 (the `cycles` crate) finds garbage cycles when asked. CPython asks by itself: every
//! time a container is allocated it counts, and when the count passes a threshold it collects
//! — but only the *young* objects, because most objects die young and the ones that have
//! survived a few collections will probably survive the next one too. This crate adds what
//! CPython 3.11 builds around the cycle detector (`Modules/gcmodule.c`):
//!
//! * **Three generations** and the permanent one (`gc.freeze()`), kept by stage 2's
//!   [`Tracker`] in CPython's order. A collection of generation *g* examines *g* and every
//!   younger one; survivors move to *g + 1*.
//! * **Automatic collection**: generation 0's count is container allocations minus
//!   deallocations; when it exceeds its threshold (700) the oldest generation whose count
//!   exceeds its threshold is collected, except that a full collection waits until the objects
//!   that survived since the last one are a quarter of those it left (the 25 % rule).
//! * **Delayed tracking**: a dict is tracked only once it holds something that may be in a
//!   cycle, and untracked again by full collections; a tuple whose items cannot be in a cycle
//!   is untracked by the collection that examines it.
//! * **The `gc` module**, one function per Python function, in [`gc`]: thresholds, counts,
//!   statistics, `get_objects`, `get_referrers`, `freeze`, the debug flags, and `gc.garbage`
//!   and `gc.callbacks` as lists on the heap, with CPython's defaults and error messages. A
//!   callback is a function object ([`refcount::Heap::new_function`]), called with the phase
//!   as a str and an `info` dict, as CPython 3.11's `invoke_gc_callback` calls it.
//!
//! Nothing of stage 2 is copied: the collection is stage 2's [`cycles::gc_collect_main`], and
//! this stage adds its steps through [`cycles::GcHooks`]. Stage 4 extends this one the same
//! way: every function here is generic over the [`Generational`] hooks of the heap.
//!
//! ```
//! use generations::gc;
//!
//! let mut heap = generations::new_heap();
//! assert_eq!(gc::get_threshold(&heap), (700, 10, 10));
//! let a = heap.new_list(&[])?;
//! heap.list_append(a, a)?;                 // a = []; a.append(a)
//! assert_eq!(gc::get_count(&heap), (1, 0, 0));
//! heap.decref(a)?;                         // del a: a cycle nobody can reach
//! assert_eq!(gc::collect(&mut heap, 0)?, 1); // gc.collect(0) finds it
//! assert_eq!(gc::get_count(&heap), (0, 1, 0));
//! # Ok::<(), refcount::Error>(())
//! ```
//!
//! Where this stage differs from CPython 3.11, on purpose:
//!
//! * No free lists: CPython keeps up to 80 freed lists and dicts for reuse without calling
//!   `PyObject_GC_Del`, so their deaths do not lower generation 0's count. Here every death
//!   does. A program that frees lists sees a lower `get_count()[0]` than CPython's.
//! * The count starts at zero on a new heap; a CPython program starts with whatever the
//!   interpreter's start-up left.
//! * Automatic collection runs when a container is *complete*, before it is tracked; CPython
//!   runs it inside the allocation, before the constructor fills the object. Neither is
//!   examined by the collection it triggers.
#![forbid(unsafe_code)]

pub mod automatic;
pub mod gc;
mod state;
pub mod steps;

use cycles::{GcHooks, Stats, Tracker};
use refcount::{Heap, Hooks, Kind, ObjRef};

pub use automatic::{collect_generations, collect_with_callback};
pub use state::{DebugSink, GcState, GenerationStats};

/// CPython's `NUM_GENERATIONS`.
pub const NUM_GENERATIONS: usize = 3;

/// The hooks of a heap with stage 3 attached: which the `gc` functions and the collection
/// steps of this crate need. Stage 4's hooks implement it too, by keeping a [`GcState`].
pub trait Generational: GcHooks {
    fn gc(&self) -> &GcState;
    fn gc_mut(&mut self) -> &mut GcState;
}

// ANCHOR: generations
/// Stage 3's hooks: stage 2's tracker, with three generations, and the collector's state.
pub struct Generations {
    tracker: Tracker,
    gc: GcState,
}

impl Default for Generations {
    fn default() -> Self {
        Generations {
            tracker: Tracker::with_generations(NUM_GENERATIONS),
            gc: GcState::default(),
        }
    }
}

impl Hooks for Generations {
    fn object_created(heap: &mut Heap<Self>, obj: ObjRef, kind: Kind) {
        automatic::object_created(heap, obj, kind);
    }

    fn stored_in_dict(heap: &mut Heap<Self>, dict: ObjRef, key: ObjRef, value: ObjRef) {
        automatic::stored_in_dict(heap, dict, key, value);
    }

    fn before_free(&mut self, obj: ObjRef, kind: Kind) {
        automatic::before_free(self, obj, kind);
    }
}

impl GcHooks for Generations {
    fn tracker(&self) -> &Tracker {
        &self.tracker
    }

    fn tracker_mut(&mut self) -> &mut Tracker {
        &mut self.tracker
    }

    fn delays_tracking(kind: Kind) -> bool {
        steps::delays_tracking(kind)
    }

    fn survivors_found(heap: &mut Heap<Self>, survivors: &[ObjRef], generation: usize) {
        steps::survivors_found(heap, survivors, generation);
    }

    fn unreachable_found(
        heap: &mut Heap<Self>,
        unreachable: &mut Vec<ObjRef>,
        _uncollectable: &mut Vec<ObjRef>,
    ) -> usize {
        steps::debug_collectable(heap, unreachable);
        0
    }

    fn save_instead_of_clearing(heap: &mut Heap<Self>, op: ObjRef) -> bool {
        steps::save_all(heap, op)
    }

    fn collection_done(heap: &mut Heap<Self>, stats: &Stats, uncollectable: &[ObjRef]) {
        steps::collection_done(heap, stats, uncollectable);
    }
}

impl Generational for Generations {
    fn gc(&self) -> &GcState {
        &self.gc
    }

    fn gc_mut(&mut self) -> &mut GcState {
        &mut self.gc
    }
}
// ANCHOR_END: generations

/// A heap with generations, automatic collection and the `gc` module.
pub type GenHeap = Heap<Generations>;

/// A fresh heap with stage 3 attached, its counts at zero, and `gc.garbage` and
/// `gc.callbacks` empty lists.
pub fn new_heap() -> GenHeap {
    new_heap_with_hooks()
}

/// [`new_heap`] for any hooks that keep a [`GcState`] (a later stage's).
pub fn new_heap_with_hooks<H: Generational + Default>() -> Heap<H> {
    let mut heap = Heap::with_hooks(H::default());
    gc::garbage(&mut heap).expect("a fresh heap can allocate a list");
    gc::callbacks(&mut heap).expect("a fresh heap can allocate a list");
    heap.hooks_mut().gc_mut().counts = [0; NUM_GENERATIONS];
    heap
}

/// Stress mode: a full collection at every container allocation, whatever the thresholds
/// and even while automatic collection is disabled. Slow; for tests that look for objects
/// a collection at the wrong moment would free or break.
pub fn set_stress<H: Generational>(heap: &mut Heap<H>, on: bool) {
    heap.hooks_mut().gc_mut().stress = on;
}
