//! # memviz — watching the runtime's memory
//!
//! Everything the book shows about memory over time, or about the shape of a heap, comes from
//! here, computed from real runs:
//!
//! * [`tracefile`]: a run's event trace (stage 1's [`refcount::Trace`]) saved as JSON and
//!   loaded back, with errors that name the file and the problem.
//! * [`timeline`]: live objects and live bytes after every event, with the allocation count
//!   as the clock, and the collections that happened.
//! * [`plot`]: those timelines drawn as SVG with plotters (no system fonts needed).
//! * [`diagram`]: a snapshot of a heap drawn as a mermaid flowchart: names, objects, references,
//!   highlighted sets and per-object scratch numbers.
//!
//! ## The trace file format
//!
//! ```json
//! {
//!   "format": 1,
//!   "runs": [
//!     { "name": "del",
//!       "trace": { "live_objects_at_start": 2, "live_bytes_at_start": 1752,
//!                  "events": [ {"event": "alloc", "id": 139637976744512, "type_name": "MyClass", "size": 56},
//!                              {"event": "incref", "id": 139637976744512, "refcount": 2} ] } }
//!   ]
//! }
//! ```
//!
//! Each event is one of stage 1's [`refcount::Event`]s, tagged by `"event"`: `alloc` (`id`,
//! `type_name`, `size` in bytes), `resize` (`id`, `old_size`, `size`), `incref` and `decref`
//! (`id`, the new `refcount`), `finalize`, `resurrect` (`id`), `free` (`id`, `size`),
//! `unraisable` (`id`, `message`) and `stage` (`name`, `values`: later stages' events, such as
//! a collection: `{"event": "stage", "name": "gc_collect", "values": {"collected": 2}}`).
#![forbid(unsafe_code)]

pub mod diagram;
pub mod plot;
pub mod timeline;
pub mod tracefile;
