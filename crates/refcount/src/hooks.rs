//! Extension points for the later stages of the runtime.

use crate::{Heap, Kind, ObjRef};

// ANCHOR: hooks
/// Code that wants to hear about every new object, every store into a dict and every free,
/// without the heap knowing who it is. The cycle detector (the chapter "Cycles and the cycle
/// detector") keeps its lists of tracked containers this way, just as CPython's constructors
/// call `PyObject_GC_Track` and its deallocators `PyObject_GC_UnTrack`.
///
/// The heap is generic over its hooks, so a heap without hooks pays nothing for them: every
/// method does nothing unless a stage overrides it.
pub trait Hooks: Default + Sized + 'static {
    /// A new object is complete: its constructor has finished, and the caller holds the one
    /// reference to it. The hook gets the whole heap, so it may act on it — stage 3 starts an
    /// automatic collection here, as CPython's allocator does (`_PyObject_GC_Link`), before it
    /// tracks the new object.
    fn object_created(_heap: &mut Heap<Self>, _obj: ObjRef, _kind: Kind) {}

    /// `key` and `value` have just been stored into `dict`: CPython's `MAINTAIN_TRACKING`,
    /// which starts tracking a dict when it receives something that may be in a cycle.
    fn stored_in_dict(_heap: &mut Heap<Self>, _dict: ObjRef, _key: ObjRef, _value: ObjRef) {}

    /// Whether [`Hooks::dealloc_hook`] must run for this dying object. Asked of every object
    /// the deallocator takes apart, so it must be cheap; stage 4 answers "it has weak
    /// references, or a legacy finalizer".
    fn wants_dealloc_hook(_heap: &Heap<Self>, _obj: ObjRef) -> bool {
        false
    }

    /// A step of deallocation, after `__del__` has run without resurrecting the object and
    /// before its references are dropped: where CPython's `subtype_dealloc` clears the
    /// object's weak references (running their callbacks) and calls its legacy `tp_del`. The
    /// deallocator holds a temporary reference meanwhile, as during `__del__`; if the hook
    /// stores a new reference to the object, it is resurrected and not freed.
    fn dealloc_hook(_heap: &mut Heap<Self>, _obj: ObjRef) {}

    /// The object is about to be freed: its finalizer has run and not resurrected it, and its
    /// references are about to be dropped.
    fn before_free(&mut self, _obj: ObjRef, _kind: Kind) {}
}
// ANCHOR_END: hooks

/// The hooks of a heap that has no later stage attached: they do nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoHooks;

impl Hooks for NoHooks {}
