//! From a trace to numbers over time.

use refcount::{Event, Trace};

/// The heap after one event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    /// Allocations since the trace started: the clock of the memory plots. It moves only when
    /// the program allocates, as CPython's collector counts time.
    pub allocations: u64,
    /// Position of the event in the trace.
    pub event: u64,
    pub live_objects: u64,
    pub live_bytes: u64,
}

/// A collection found in the trace (a `gc_collect` stage event).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Collection {
    pub allocations: u64,
    pub event: u64,
    /// What the collection returned: the unreachable objects it found.
    pub collected: i64,
    /// The generation collected (0 for a collector with one generation).
    pub generation: i64,
}

/// Live objects and bytes after every event, and the collections.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub points: Vec<Point>,
    pub collections: Vec<Collection>,
}

// ANCHOR: timeline
/// Replays a trace. Sizes of objects allocated before the trace started are not known, but
/// every event that changes the byte count carries the sizes it needs.
pub fn timeline(trace: &Trace) -> Timeline {
    let mut now = Point {
        allocations: 0,
        event: 0,
        live_objects: trace.live_objects_at_start,
        live_bytes: trace.live_bytes_at_start,
    };
    let mut out = Timeline {
        points: vec![now],
        collections: Vec::new(),
    };
    for (i, event) in trace.events.iter().enumerate() {
        now.event = i as u64 + 1;
        match event {
            Event::Alloc { size, .. } => {
                now.allocations += 1;
                now.live_objects += 1;
                now.live_bytes += size;
            }
            Event::Resize { old_size, size, .. } => {
                now.live_bytes = (now.live_bytes + size).saturating_sub(*old_size);
            }
            Event::Free { size, .. } => {
                now.live_objects = now.live_objects.saturating_sub(1);
                now.live_bytes = now.live_bytes.saturating_sub(*size);
            }
            Event::Stage { name, values } if name == "gc_collect" => {
                let value = |key: &str| values.get(key).copied().unwrap_or(0);
                out.collections.push(Collection {
                    allocations: now.allocations,
                    event: now.event,
                    collected: value("collected") + value("uncollectable"),
                    generation: value("generation"),
                });
            }
            _ => continue, // the heap's size did not change
        }
        out.points.push(now);
    }
    out
}
// ANCHOR_END: timeline

/// The reference count of the object with `id` after each event that changed it, as
/// (event position, count) pairs, starting when it was allocated or first touched.
pub fn refcount_history(trace: &Trace, id: u64) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for (i, event) in trace.events.iter().enumerate() {
        let at = i as u64 + 1;
        match *event {
            Event::Alloc { id: e, .. } if e == id => out.push((at, 1)),
            Event::Incref { id: e, refcount } | Event::Decref { id: e, refcount } if e == id => {
                out.push((at, refcount))
            }
            Event::Free { id: e, .. } if e == id => break,
            _ => {}
        }
    }
    out
}
