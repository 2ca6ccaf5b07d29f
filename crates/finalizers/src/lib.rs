//! # finalizers — stage 4 of the book's runtime: weak references, legacy finalizers and
//! `gc.garbage`
//!
//! Stages 1–3 run `__del__` with PEP 442's rules: once per object, all the finalizers of a
//! garbage cycle before anything in it is broken, resurrection allowed. This stage adds what
//! CPython 3.11 has besides `__del__` for code that must run when an object dies:
//!
//! * **Weak references** ([`weakref`]): `weakref.ref(obj, callback)` names an object without
//!   keeping it alive. When the object dies, every weak reference to it is killed first, then
//!   the callbacks run, newest first — from the deallocator, after `__del__`
//!   (`PyObject_ClearWeakRefs` in `subtype_dealloc`), or from the collector, before any
//!   `__del__` (`handle_weakrefs`), where a weak reference that is garbage itself gets no
//!   callback. `weakref.finalize` and `WeakValueDictionary` are built on them, as in
//!   CPython's `weakref.py`.
//! * **Legacy finalizers** ([`legacy`]): a class given a `tp_del` (CPython's own tests use
//!   `_testcapi.with_tp_del`) makes every garbage cycle it is part of uncollectable: the
//!   collector moves it, and what it reaches, to `gc.garbage` and never breaks it.
//!
//! Callbacks, finalizers and `gc.callbacks` entries are stage 1's function objects, so what
//! they hold is on the heap, where the collector sees it; an exception one raises is reported
//! as CPython reports it ("Exception ignored in: …") and the deallocation or collection goes
//! on. Nothing of stages 1–3 is copied: the deallocator calls this stage through
//! [`refcount::Hooks::dealloc_hook`], the collector through [`cycles::GcHooks`], and the
//! `gc` module is stage 3's, generic over the heap's hooks.
//!
//! ```
//! use finalizers::weakref;
//!
//! let mut heap = finalizers::new_heap();
//! let class = heap.new_class("C")?;
//! let obj = heap.new_instance(class)?;                  // obj = C()
//! let r = weakref::ref_(&mut heap, obj, None)?;        // r = weakref.ref(obj)
//! assert_eq!(heap.weakref_get(r)?, Some(obj));         // r() is obj
//! assert_eq!(weakref::getweakrefcount(&heap, obj)?, 1);
//! heap.decref(obj)?;                                   // del obj
//! assert_eq!(heap.weakref_get(r)?, None);              // r() is None
//! # Ok::<(), refcount::Error>(())
//! ```
//!
//! Where this stage differs from CPython 3.11, on purpose:
//!
//! * Weak reference lists live beside the heap, in a map keyed by handle, not in the
//!   objects: few objects have one, and the heap's slots stay small.
//! * `PyObject_ClearWeakRefs` gathers the callbacks of several weak references in a tuple,
//!   which is an allocation and moves generation 0's count; here they are gathered in a Rust
//!   vector.
//! * The collector moves a weak reference whose callback it called to the end of the older
//!   generation; here it stays where the survivors were placed, so `gc.get_objects()` may
//!   list it earlier.
//! * An exception from a `__tp_del__` is reported in the function's name; CPython names the
//!   bound method.
#![forbid(unsafe_code)]

pub mod legacy;
mod weaklists;
pub mod weakref;

use std::collections::HashSet;

use cycles::{GcHooks, Stats, Tracker};
use generations::{GcState, Generational, NUM_GENERATIONS, automatic, gc, steps};
use refcount::{Heap, Hooks, Kind, ObjRef};

pub use weaklists::WeakLists;

/// What stage 4 keeps beside the heap: stage 3 has its [`GcState`], this stage has this.
#[derive(Debug, Default)]
pub struct FinalizerState {
    pub(crate) weak: WeakLists,
    /// The classes with a legacy finalizer (`tp_del`).
    pub(crate) legacy: HashSet<ObjRef>,
    /// `weakref.finalize` and its `_registry`, and `weakref.WeakValueDictionary`, made when
    /// first needed and held by the runtime.
    pub(crate) finalize_class: Option<ObjRef>,
    pub(crate) finalize_registry: Option<ObjRef>,
    pub(crate) weak_value_dictionary_class: Option<ObjRef>,
}

/// The hooks of a heap with stage 4 attached: they keep a [`FinalizerState`] on top of stage
/// 3's, which the `weakref` functions and the steps of this stage need.
pub trait Finalizing: Generational {
    fn finalizers(&self) -> &FinalizerState;
    fn finalizers_mut(&mut self) -> &mut FinalizerState;
}

// ANCHOR: finalizers
/// Stage 4's hooks: stage 3's tracker and collector state, and this stage's.
pub struct Finalizers {
    tracker: Tracker,
    gc: GcState,
    state: FinalizerState,
}

impl Default for Finalizers {
    fn default() -> Self {
        Finalizers {
            tracker: Tracker::with_generations(NUM_GENERATIONS),
            gc: GcState::default(),
            state: FinalizerState::default(),
        }
    }
}

impl Hooks for Finalizers {
    fn object_created(heap: &mut Heap<Self>, obj: ObjRef, kind: Kind) {
        automatic::object_created(heap, obj, kind);
    }

    fn stored_in_dict(heap: &mut Heap<Self>, dict: ObjRef, key: ObjRef, value: ObjRef) {
        automatic::stored_in_dict(heap, dict, key, value);
    }

    fn wants_dealloc_hook(heap: &Heap<Self>, obj: ObjRef) -> bool {
        heap.hooks().state.weak.has_any(obj) || legacy::has_legacy_finalizer(heap, obj)
    }

    /// `subtype_dealloc` after `__del__`: clear the weak references, then `tp_del`.
    fn dealloc_hook(heap: &mut Heap<Self>, obj: ObjRef) {
        weaklists::clear_weakrefs(heap, obj);
        if legacy::has_legacy_finalizer(heap, obj) {
            legacy::call_tp_del(heap, obj);
        }
    }

    fn before_free(&mut self, obj: ObjRef, kind: Kind) {
        automatic::before_free(self, obj, kind);
        match kind {
            Kind::WeakRef => self.state.weak.unlink(obj),
            Kind::Class => {
                self.state.legacy.remove(&obj);
            }
            _ => {}
        }
    }
}

impl GcHooks for Finalizers {
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

    /// CPython's steps 6–8: legacy finalizers and what they reach become uncollectable, the
    /// rest is reported (`DEBUG_COLLECTABLE`), and weak references to it are killed.
    fn unreachable_found(
        heap: &mut Heap<Self>,
        unreachable: &mut Vec<ObjRef>,
        uncollectable: &mut Vec<ObjRef>,
    ) -> usize {
        legacy::move_legacy_finalizers(heap, unreachable, uncollectable);
        steps::debug_collectable(heap, unreachable);
        weaklists::handle_weakrefs(heap, unreachable)
    }

    fn save_instead_of_clearing(heap: &mut Heap<Self>, op: ObjRef) -> bool {
        steps::save_all(heap, op)
    }

    fn collection_done(heap: &mut Heap<Self>, stats: &Stats, uncollectable: &[ObjRef]) {
        steps::collection_done(heap, stats, uncollectable);
        handle_legacy_finalizers(heap, uncollectable);
    }
}

impl Generational for Finalizers {
    fn gc(&self) -> &GcState {
        &self.gc
    }

    fn gc_mut(&mut self) -> &mut GcState {
        &mut self.gc
    }
}
// ANCHOR_END: finalizers

impl Finalizing for Finalizers {
    fn finalizers(&self) -> &FinalizerState {
        &self.state
    }

    fn finalizers_mut(&mut self) -> &mut FinalizerState {
        &mut self.state
    }
}

// ANCHOR: handle_legacy_finalizers
/// `handle_legacy_finalizers`, once the collectable garbage is cleared: the uncollectable
/// objects that have a legacy finalizer (all of them under `DEBUG_SAVEALL`) are appended to
/// `gc.garbage`, which keeps them alive; the programmer has to deal with them.
fn handle_legacy_finalizers<H: Finalizing>(heap: &mut Heap<H>, uncollectable: &[ObjRef]) {
    let save_all = gc::get_debug(heap) & gc::DEBUG_SAVEALL != 0;
    for &op in uncollectable {
        if save_all || legacy::has_legacy_finalizer(heap, op) {
            let appended = gc::garbage(heap).and_then(|garbage| heap.list_append(garbage, op));
            if let Err(error) = appended {
                heap.report_unraisable_in("gc.garbage".into(), error);
                break;
            }
        }
    }
}
// ANCHOR_END: handle_legacy_finalizers

/// A heap with weak references, legacy finalizers, generations and the `gc` module.
pub type FinHeap = Heap<Finalizers>;

/// A fresh heap with stage 4 attached: stage 3's [`generations::new_heap`], with these hooks.
pub fn new_heap() -> FinHeap {
    generations::new_heap_with_hooks()
}

/// Checks what stage 4 keeps beside the heap: every weak reference in a list is alive, is in
/// the list of the object it refers to, and that object is alive; every object with a list
/// supports weak references. With [`Heap::check_invariants`] and
/// [`cycles::check_tracking`], the whole runtime's bookkeeping.
pub fn check_weakrefs<H: Finalizing>(heap: &Heap<H>) -> refcount::Result<()> {
    let broken = |message: String| Err(refcount::Error::Invariant { message });
    for obj in heap.objects() {
        for &weakref in heap.hooks().finalizers().weak.of(obj) {
            if heap.weakref_get(weakref) != Ok(Some(obj)) {
                return broken(format!(
                    "{} is in the weak reference list of {} but does not refer to it",
                    heap.describe(weakref),
                    heap.describe(obj)
                ));
            }
        }
    }
    for obj in heap.objects() {
        if let Ok(refcount::Object::WeakRef(w)) = heap.get(obj)
            && let Some(referent) = w.referent()
            && heap.is_alive(referent)
            && !heap.hooks().finalizers().weak.of(referent).contains(&obj)
        {
            return broken(format!(
                "{} refers to {} but is not in its list",
                heap.describe(obj),
                heap.describe(referent)
            ));
        }
    }
    Ok(())
}
