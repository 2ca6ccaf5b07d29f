//! What a cycle collector needs from the heap besides `tp_traverse`
//! ([`Heap::visit_referents`]) and `tp_clear` ([`Heap::clear`]): PEP 442's "finalized"
//! state, and a way to run `__del__` on an object that is *not* being deallocated.
//!
//! Stage 1 runs finalizers only from deallocation, when a count reaches zero. An object in an
//! unreachable cycle never gets there, so CPython's collector calls the finalizers of the whole
//! cycle itself (`finalize_garbage` in `Modules/gcmodule.c`), before it breaks anything. These
//! methods let a later stage do that without reaching into the heap's slots.

use crate::heap::{Heap, State, id_of};
use crate::trace::Event;
use crate::{Hooks, ObjRef, Result};

impl<H: Hooks> Heap<H> {
    /// `gc.is_finalized(obj)`: whether the object's `__del__` has already run (it never runs
    /// twice, PEP 442). A collector skips such objects when it finalizes garbage, and a
    /// program can observe that a resurrected object was finalized.
    pub fn is_finalized(&self, r: ObjRef) -> Result<bool> {
        Ok(self.slot("is_finalized", r)?.finalized)
    }

    /// Whether the object's type has a finalizer (CPython: `tp_finalize != NULL`). Only
    /// instances of classes created with [`Heap::new_class_with_del`] have one.
    pub fn has_finalizer(&self, r: ObjRef) -> Result<bool> {
        Ok(self.slot("has_finalizer", r)?.has_finalizer)
    }

    /// The reference count of an object the caller knows to be alive (a collector's tracked
    /// objects are: the tracker hears of every free). Skips the handle checks of
    /// [`Heap::refcount`], which cost more than the read on a collector's hot path; a stale
    /// handle gives a meaningless count (never undefined behaviour), caught by a debug
    /// assertion in tests.
    #[inline]
    pub fn refcount_of_live(&self, r: ObjRef) -> u64 {
        let slot = &self.slots[r.index()];
        debug_assert!(
            slot.version == r.tag() && slot.state != State::Free,
            "{r} is not alive"
        );
        slot.refcount as u64
    }

    /// [`Heap::visit_referents`] for an object the caller knows to be alive, without the
    /// handle checks (see [`Heap::refcount_of_live`]).
    #[inline]
    pub fn visit_referents_of_live(&self, r: ObjRef, visit: impl FnMut(ObjRef)) {
        let slot = &self.slots[r.index()];
        debug_assert!(
            slot.version == r.tag() && slot.state != State::Free,
            "{r} is not alive"
        );
        slot.object.for_each_referent(visit);
    }

    /// How many live objects have a `__del__` that may still run or has run: zero means a
    /// collection has no finalizers to look for.
    pub fn live_with_finalizer(&self) -> usize {
        self.live_with_finalizer
    }

    // ANCHOR: call_finalizer
    /// Runs the object's `__del__` as the cycle collector's `finalize_garbage` does: only if it
    /// has one and has not been finalized yet; marks it finalized *first*, holds a temporary
    /// reference while the finalizer runs, and drops that reference afterwards. Returns
    /// whether a finalizer ran.
    ///
    /// An exception from the finalizer is reported with [`Heap::report_unraisable`], never
    /// returned. Dropping the temporary reference may free the object, if the finalizer broke
    /// the last references to it; if the finalizer stored a new reference, the object lives on
    /// (it is resurrected, which is for the collector to notice).
    ///
    /// While the finalizer runs, the temporary reference is counted like the deallocator's on
    /// the reference-counting path: the finalizer cannot drop it, and
    /// [`Heap::check_invariants`] accounts for it.
    pub fn call_finalizer(&mut self, r: ObjRef) -> Result<bool> {
        let slot = self.slot("call_finalizer", r)?;
        if slot.finalized || !slot.has_finalizer || slot.state != State::Live {
            return Ok(false);
        }
        let Some(del) = self.finalizer_of(&slot.object) else {
            return Ok(false);
        };
        self.take_ref("call_finalizer", r)?; // Py_INCREF(op)
        let slot = &mut self.slots[r.index()];
        slot.finalized = true; // _PyGCHead_SET_FINALIZED(gc)
        slot.state = State::Finalizing;
        if self.tracing() {
            self.record(Event::Finalize { id: id_of(r) });
        }
        self.call_unraisable(del, &[r]);
        self.slots[r.index()].state = State::Live;
        self.drop_ref(r)?; // Py_DECREF(op): may free it
        Ok(true)
    }
    // ANCHOR_END: call_finalizer
}
