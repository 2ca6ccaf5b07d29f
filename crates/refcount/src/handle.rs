//! Handles: how Rust code names an object in the heap.

use std::fmt;
use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

/// A small, copyable name for an object: the index of its slot in the heap's arena plus the
/// slot's version at the time the object was allocated.
///
/// A handle does not own a reference; it is a *name*, like a `PyObject *` in C. When the object
/// is freed its slot's version moves on, so an old handle is detected as stale instead of
/// silently naming whatever object reuses the slot.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ObjRef {
    index: u32,
    version: NonZeroU32,
}

impl ObjRef {
    pub(crate) fn new(index: u32, version: NonZeroU32) -> Self {
        ObjRef { index, version }
    }

    /// The arena slot this handle points at. Dense and small, so later stages can keep
    /// per-object scratch data in plain arrays indexed by it.
    pub fn index(self) -> usize {
        self.index as usize
    }

    pub(crate) fn tag(self) -> NonZeroU32 {
        self.version
    }

    /// The slot's version this handle was issued for: how many times the slot had been freed
    /// before, plus one. (Not to be confused with the collector's generations.)
    pub fn version(self) -> u32 {
        self.version.get()
    }
}

impl fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}.{}", self.index, self.version)
    }
}

impl fmt::Display for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
