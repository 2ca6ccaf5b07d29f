//! Watching a collection: the state of every examined object after each phase.

use refcount::{Heap, Hooks, ObjRef};

use crate::Tracker;
use crate::collect::{COLLECTING, GcHead, RESURRECTED, UNREACHABLE};

/// A moment in a collection at which [`crate::collect_observed`] calls its observer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// `update_refs` is done: every examined object's `gc_refs` is its reference count.
    UpdateRefs,
    /// `subtract_refs` is done: `gc_refs` counts only the references from *outside* the
    /// examined set. Objects with `gc_refs > 0` are certainly reachable.
    SubtractRefs,
    /// `move_unreachable` has just examined this object. Between these steps some objects
    /// are *tentatively* unreachable: a reachable object found later may still move them back.
    Examined(ObjRef),
    /// `move_unreachable` is done: every examined object is reachable or unreachable.
    MoveUnreachable,
    /// Finalizers have run and resurrection has been handled. The objects still unreachable
    /// are exactly those `delete_garbage` clears next, and what `collect` counts.
    Final,
}

/// Where an examined object stands at some phase of a collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Set {
    /// Not yet reached by `move_unreachable`'s walk.
    Unexamined,
    /// Found reachable from outside the examined set.
    Reachable,
    /// On the unreachable list during the walk; a reachable object may still move it back.
    TentativelyUnreachable,
    /// Unreachable: garbage, unless a finalizer resurrects it.
    Unreachable,
    /// Was unreachable, but a finalizer made it reachable again: it survives, uncounted.
    Resurrected,
    /// Freed by reference counting while finalizers ran (a finalizer broke its cycle).
    Freed,
}

/// One examined object at one phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub obj: ObjRef,
    /// The collector's scratch count (0 for an object freed meanwhile).
    pub gc_refs: u64,
    pub set: Set,
}

/// An owned copy of a [`View`], for keeping after the collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub phase: Phase,
    pub entries: Vec<Entry>,
}

impl Snapshot {
    /// The entry of `obj`, if it was examined.
    pub fn entry(&self, obj: ObjRef) -> Option<Entry> {
        self.entries.iter().find(|e| e.obj == obj).copied()
    }
}

/// What a collection did, in numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// The generation collected (with every younger one).
    pub generation: usize,
    /// Tracked objects examined.
    pub scanned: usize,
    /// Found unreachable by the first analysis, before finalizers ran.
    pub unreachable: usize,
    /// Finalizers (`__del__`) called.
    pub finalized: usize,
    /// Unreachable objects that finalizers made reachable again.
    pub resurrected: usize,
    /// Unreachable objects cleared by the collector.
    pub collected: usize,
    /// Unreachable objects a stage decided it cannot collect (stage 4: legacy finalizers).
    /// `collected + uncollectable` is what `gc.collect()` returns.
    pub uncollectable: usize,
}

/// The collector's state at one phase, borrowed for the duration of an observer call.
pub struct View<'a, H: Hooks = Tracker> {
    pub(crate) heap: &'a Heap<H>,
    pub(crate) heads: &'a [GcHead],
    pub(crate) scanned: &'a [ObjRef],
    pub(crate) phase: Phase,
}

impl<'a, H: Hooks> View<'a, H> {
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The heap, for reading (to name objects in a diagram, say).
    pub fn heap(&self) -> &'a Heap<H> {
        self.heap
    }

    /// The examined objects, in the order the collection examines them (the tracked set's
    /// order when it started).
    pub fn scanned(&self) -> &'a [ObjRef] {
        self.scanned
    }

    /// Every examined object's `gc_refs` and set.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        self.scanned.iter().map(|&obj| self.entry_of(obj))
    }

    /// The entry of `obj`, if this collection examines it (a linear search: for tests and
    /// diagrams, not for the collector).
    pub fn entry(&self, obj: ObjRef) -> Option<Entry> {
        self.scanned.contains(&obj).then(|| self.entry_of(obj))
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            phase: self.phase,
            entries: self.entries().collect(),
        }
    }

    fn entry_of(&self, obj: ObjRef) -> Entry {
        let head = self.heads[obj.index()];
        let flag = |f: u8| head.flags & f != 0;
        let set = match self.phase {
            Phase::Final if !self.heap.is_alive(obj) => Set::Freed,
            Phase::Final if flag(RESURRECTED) => Set::Resurrected,
            Phase::Final | Phase::MoveUnreachable if flag(UNREACHABLE) => Set::Unreachable,
            _ if flag(UNREACHABLE) => Set::TentativelyUnreachable,
            _ if flag(COLLECTING) => Set::Unexamined,
            _ => Set::Reachable,
        };
        let gc_refs = if set == Set::Freed { 0 } else { head.gc_refs };
        Entry {
            obj,
            gc_refs: gc_refs.into(),
            set,
        }
    }
}
