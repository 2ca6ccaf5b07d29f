//! Extension points for the later stages of the runtime.

use crate::{Kind, ObjRef};

// ANCHOR: hooks
/// Code that wants to hear about every allocation and every free, without the heap knowing
/// who it is. The cycle detector (the chapter "Cycles and the cycle detector") keeps its list
/// of tracked containers this way, just as CPython's allocator calls `_PyObject_GC_Link` and
/// `tp_dealloc` calls `PyObject_GC_UnTrack`.
///
/// The heap is generic over its hooks, so a heap without hooks pays nothing for them.
pub trait Hooks: Default + 'static {
    /// A new object has been created and initialised.
    fn on_alloc(&mut self, _obj: ObjRef, _kind: Kind) {}
    /// The object is about to be freed: its finalizer has run and not resurrected it, and its
    /// references are about to be dropped.
    fn before_free(&mut self, _obj: ObjRef, _kind: Kind) {}
}
// ANCHOR_END: hooks

/// The hooks of a heap that has no later stage attached: they do nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoHooks;

impl Hooks for NoHooks {}
