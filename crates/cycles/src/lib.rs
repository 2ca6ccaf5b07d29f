//! # cycles — stage 2 of the book's runtime: CPython 3.11's cycle detector
//!
//! Reference counting (stage 1, the `refcount` crate) frees an object the moment its last
//! reference goes, but an object in a reference cycle always has a reference: from the
//! cycle. `a.other = b; b.other = a; del a, b` leaks forever. This crate finds such cycles and
//! breaks them, with the algorithm of CPython 3.11's `Modules/gcmodule.c`. The book's chapter
//! "Cycles and the cycle detector" builds and explains it.
//!
//! **Tracking.** Only containers (tuples, lists, dicts, classes, instances) can be part of a
//! cycle. A heap built by [`new_heap`] reports every new object and every free to a
//! [`Tracker`], which keeps the live containers in generation lists, in the order they were
//! tracked: CPython's generation lists.
//!
//! **Finding the garbage without roots.** The collector does not know the program's roots
//! (Rust variables, here; the interpreter's stacks, in CPython). It does not need to. For every
//! tracked object it copies the reference count into a scratch `gc_refs` (`update_refs`),
//! then subtracts every reference that one tracked object holds to another
//! (`subtract_refs`). What remains in `gc_refs` counts the references from *outside*: an
//! object with `gc_refs > 0` is certainly reachable. `move_unreachable` then walks the tracked
//! objects once, front to back: an object with outside references is reachable, and so is
//! everything it refers to; an object without is put on the unreachable list *tentatively*,
//! and moved back if a reachable object turns out to refer to it. No recursion: the walk is a
//! loop over an array that grows at the end, so a chain a million objects deep costs nothing
//! more than a million separate objects.
//!
//! **Breaking the cycles, PEP 442's way.** First the `__del__` of every unreachable object
//! that has not been finalized yet runs, all of them before anything is broken, so that each
//! sees intact objects (`finalize_garbage`). A finalizer may *resurrect* its object by storing
//! a reference to it, so reachability is computed again on the unreachable set alone
//! (`handle_resurrected_objects`): what is reachable now survives and is not counted. Then
//! every remaining object is cleared, CPython's `tp_clear`, which drops the references it
//! holds (`delete_garbage`). The collector never frees memory itself: the counts of the
//! objects in the cycle fall to zero, and reference counting frees them.
//!
//! [`collect`] returns what `gc.collect()` returns in CPython 3.11 for the same graph: the
//! number of unreachable objects found and cleared. [`collect_observed`] does the same and
//! shows the collector's state after each phase, for the book's diagrams and for tests.
//!
//! ```
//! let mut heap = cycles::new_heap();
//! let a = heap.new_list(&[])?;
//! heap.list_append(a, a)?;             // a.append(a): a cycle of one
//! heap.decref(a)?;                     // del a: the count stays at 1, held by the cycle
//! assert!(heap.is_alive(a));
//! assert_eq!(cycles::collect(&mut heap), 1); // gc.collect()
//! assert!(!heap.is_alive(a));
//! # Ok::<(), refcount::Error>(())
//! ```
//!
//! Where this stage differs from CPython 3.11, on purpose:
//!
//! * One generation: every collection examines every tracked object, as `gc.collect()` does.
//!   Generations, thresholds and automatic collection are stage 3, which extends this crate
//!   through [`GcHooks`] and [`gc_collect_main`] (written once, for any number of
//!   generations, with named places for a later stage's steps).
//! * Every container is tracked from creation to free. CPython 3.11 delays tracking: dicts
//!   start untracked, and tuples of atoms are untracked by the collection that examines them
//!   (stage 3 does both). Such objects cannot be in a cycle, so the counts `collect` returns
//!   are the same.
//! * The second reachability analysis runs only if some finalizer ran: without user code
//!   running, nothing can have changed. CPython runs it anyway.
//! * No weak references and no legacy (`tp_del`) finalizers, hence no `gc.garbage` yet
//!   (stage 4).
//! * A class holds its attributes (its `__del__` among them) and its instances' attribute
//!   names, but no `__mro__`, so it is never in a cycle by itself; CPython's classes are. A
//!   class bound to a global is reachable either way; a class that only garbage instances
//!   refer to is collected with them and counts as itself and its functions here, more
//!   objects in CPython (its dict, `__mro__`, …).
#![forbid(unsafe_code)]

mod collect;
mod observe;
mod tracker;

use refcount::{Heap, ObjRef};

pub use collect::{GcHooks, collect, collect_observed, gc_collect_main};
pub use observe::{Entry, Phase, Set, Snapshot, Stats, View};
pub use tracker::{Tracker, check_tracking};

/// A heap whose containers are tracked for the cycle detector.
pub type GcHeap = Heap<Tracker>;

/// A fresh heap with a [`Tracker`] attached: the same runtime as stage 1, plus [`collect`].
pub fn new_heap() -> GcHeap {
    Heap::with_hooks(Tracker::default())
}

/// `gc.is_tracked(obj)`: whether the cycle detector looks at the object. False for a
/// stale handle.
pub fn is_tracked<H: GcHooks>(heap: &Heap<H>, obj: ObjRef) -> bool {
    heap.is_alive(obj) && heap.hooks().tracker().is_tracked(obj)
}
