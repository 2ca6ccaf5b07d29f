//! Handles: how Rust code names an object in the heap.

use std::fmt;
use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

/// A small, copyable name for an object: the index of its slot in the heap's arena plus the
/// slot's generation at the time the object was allocated.
///
/// A handle does not own a reference; it is a *name*, like a `PyObject *` in C. When the object
/// is freed its slot's generation moves on, so an old handle is detected as stale instead of
/// silently naming whatever object reuses the slot.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ObjRef {
    index: u32,
    generation: NonZeroU32,
}

impl ObjRef {
    pub(crate) fn new(index: u32, generation: NonZeroU32) -> Self {
        ObjRef { index, generation }
    }

    /// The arena slot this handle points at. Dense and small, so later stages can keep
    /// per-object scratch data in plain arrays indexed by it.
    pub fn index(self) -> usize {
        self.index as usize
    }

    pub(crate) fn tag(self) -> NonZeroU32 {
        self.generation
    }

    /// The slot generation this handle was issued for.
    pub fn generation(self) -> u32 {
        self.generation.get()
    }
}

impl fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}.{}", self.index, self.generation)
    }
}

impl fmt::Display for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
