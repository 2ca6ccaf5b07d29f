//! The event trace: a record of everything the heap did, for plots, diagrams and tests.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

// ANCHOR: event
/// One thing the heap did. Objects are named by their `id()`, which is what a reader sees.
///
/// Serialised with serde as one JSON object per event, tagged by `"event"`, e.g.
/// `{"event":"alloc","id":139637976727552,"type_name":"list","size":56}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A new object, with its `getsizeof` in bytes.
    Alloc {
        id: u64,
        type_name: String,
        size: u64,
    },
    /// A container's `getsizeof` changed (a list or dict grew or shrank).
    Resize { id: u64, old_size: u64, size: u64 },
    /// A reference was taken; `refcount` is the new count.
    Incref { id: u64, refcount: u64 },
    /// A reference was dropped; `refcount` is the new count.
    Decref { id: u64, refcount: u64 },
    /// The object's `__del__` is about to run.
    Finalize { id: u64 },
    /// `__del__` stored a new reference: the object lives on.
    Resurrect { id: u64 },
    /// The object's memory was released.
    Free { id: u64, size: u64 },
    /// An exception escaped a finalizer and was reported, not raised.
    Unraisable { id: u64, message: String },
    /// An event of a later stage of the runtime (a collection starting, a phase ending…):
    /// a name and named numbers, so that stage 1 needs no knowledge of what comes later.
    Stage {
        name: String,
        values: BTreeMap<String, i64>,
    },
}

/// A recording of events, in the order they happened.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// `Heap::live_objects` when recording started: the baseline the events move from.
    pub live_objects_at_start: u64,
    /// `Heap::live_bytes` when recording started.
    pub live_bytes_at_start: u64,
    pub events: Vec<Event>,
}
// ANCHOR_END: event
