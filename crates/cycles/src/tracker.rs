//! Container tracking: which objects the cycle detector looks at.

use refcount::{Error, Hooks, Kind, ObjRef, Result};

use crate::GcHeap;
use crate::collect::Scratch;

/// `position` value of a slot whose object is not tracked.
const NOT_TRACKED: u32 = u32::MAX;

// ANCHOR: tracker
/// The set of tracked containers: CPython's generation list, as a dense array.
///
/// A heap built with this tracker (`Heap<Tracker>`, see [`crate::new_heap`]) reports every
/// allocation and every free to it. Containers — tuples, lists, dicts, classes and instances,
/// the kinds for which [`Kind::is_container`] holds — are tracked from their allocation until
/// they are freed, as CPython's constructors call `PyObject_GC_Track` and its deallocators
/// `PyObject_GC_UnTrack`. Ints, strs, None and bools hold no references, can never be part of
/// a cycle, and are never tracked.
///
/// CPython links tracked objects into a doubly linked list through their `PyGC_Head`. Here
/// they sit in a `Vec`, and a second array indexed by slot says where each one is, so that
/// untracking is a `swap_remove`: constant time, and the set stays dense for the collector to
/// walk.
#[derive(Debug, Default)]
pub struct Tracker {
    /// Every tracked object, in no particular order.
    tracked: Vec<ObjRef>,
    /// Indexed by `ObjRef::index()`: where that slot's object is in `tracked`, or NOT_TRACKED.
    position: Vec<u32>,
    /// The collector's scratch arrays, kept between collections so that a collection
    /// allocates nothing once they have grown to the heap's size.
    pub(crate) scratch: Scratch,
    /// A collection is running (CPython's `gcstate->collecting`).
    pub(crate) collecting: bool,
}

impl Hooks for Tracker {
    fn on_alloc(&mut self, obj: ObjRef, kind: Kind) {
        if kind.is_container() {
            self.track(obj);
        }
    }

    fn before_free(&mut self, obj: ObjRef, _kind: Kind) {
        self.untrack(obj);
    }
}

impl Tracker {
    /// `_PyObject_GC_TRACK`: append to the tracked set.
    fn track(&mut self, obj: ObjRef) {
        let slot = obj.index();
        if self.position.len() <= slot {
            self.position.resize(slot + 1, NOT_TRACKED);
        }
        self.position[slot] = self.tracked.len() as u32;
        self.tracked.push(obj);
    }

    /// `PyObject_GC_UnTrack`: remove from the tracked set by moving the last element into the
    /// hole. Objects that were never tracked are ignored.
    fn untrack(&mut self, obj: ObjRef) {
        let Some(&pos) = self.position.get(obj.index()) else {
            return;
        };
        if pos == NOT_TRACKED {
            return;
        }
        self.position[obj.index()] = NOT_TRACKED;
        self.tracked.swap_remove(pos as usize);
        if let Some(&moved) = self.tracked.get(pos as usize) {
            self.position[moved.index()] = pos;
        }
    }
}
// ANCHOR_END: tracker

impl Tracker {
    /// The tracked objects, in the order a collection examines them.
    pub fn tracked(&self) -> &[ObjRef] {
        &self.tracked
    }

    /// How many objects are tracked (what `len(gc.get_objects())` would say).
    pub fn len(&self) -> usize {
        self.tracked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tracked.is_empty()
    }

    /// `gc.is_tracked(obj)`. False for a stale handle.
    pub fn is_tracked(&self, obj: ObjRef) -> bool {
        match self.position.get(obj.index()) {
            Some(&pos) if pos != NOT_TRACKED => self.tracked[pos as usize] == obj,
            _ => false,
        }
    }

    /// Whether a collection is running right now (a finalizer can be called from one).
    pub fn is_collecting(&self) -> bool {
        self.collecting
    }
}

/// Checks that the tracked set is exactly the heap's live containers, each once, and that the
/// position index agrees with it. For tests, next to [`refcount::Heap::check_invariants`].
pub fn check_tracking(heap: &GcHeap) -> Result<()> {
    let broken = |message: String| Err(Error::Invariant { message });
    let tracker = heap.hooks();
    let mut containers = 0;
    for obj in heap.objects() {
        let container = heap.kind(obj)?.is_container();
        containers += usize::from(container);
        if container != tracker.is_tracked(obj) {
            return broken(format!(
                "{} is {}tracked",
                heap.describe(obj),
                if container { "not " } else { "" }
            ));
        }
    }
    if containers != tracker.tracked.len() {
        return broken(format!(
            "{} objects tracked, {containers} live containers",
            tracker.tracked.len()
        ));
    }
    for (pos, obj) in tracker.tracked.iter().enumerate() {
        if tracker.position.get(obj.index()) != Some(&(pos as u32)) {
            return broken(format!("the position index is wrong for {obj}"));
        }
    }
    Ok(())
}
