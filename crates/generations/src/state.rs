//! The collector's state: CPython's `struct _gc_runtime_state`, less the lists (which stage 2's
//! tracker keeps).

use std::time::Instant;

use refcount::ObjRef;

use crate::NUM_GENERATIONS;

/// `gc.get_stats()[g]`: what the collections of one generation did, since the heap was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenerationStats {
    pub collections: u64,
    pub collected: u64,
    pub uncollectable: u64,
}

/// Where the `DEBUG_*` messages go: one line at a time, without its newline. CPython writes
/// them to `sys.stderr`, and so does the default sink.
pub type DebugSink = Box<dyn FnMut(&str)>;

// ANCHOR: gc_state
/// Everything CPython's collector keeps between collections besides the generation lists.
pub struct GcState {
    /// `gc.isenabled()`: automatic collection is on.
    pub(crate) enabled: bool,
    /// `generations[g].threshold`: (700, 10, 10). Python ints: CPython accepts any value.
    pub(crate) thresholds: [i64; NUM_GENERATIONS],
    /// `generations[g].count`: for generation 0, container allocations minus deallocations;
    /// for the others, collections of the generation below since this one's last.
    pub(crate) counts: [i64; NUM_GENERATIONS],
    /// Objects that survived a generation-1 collection since the last full collection,
    /// and the objects the last full collection left: the 25 % rule compares them.
    pub(crate) long_lived_pending: i64,
    pub(crate) long_lived_total: i64,
    /// A collection, with its callbacks, is running (`gcstate->collecting`).
    pub(crate) collecting: bool,
    pub(crate) stats: [GenerationStats; NUM_GENERATIONS],
    /// `gc.set_debug` flags.
    pub(crate) debug: i64,
    pub(crate) debug_sink: DebugSink,
    /// When the running collection started, for `DEBUG_STATS`' "elapsed".
    pub(crate) started: Option<Instant>,
    /// `gc.garbage`: a list on the heap, held by the collector.
    pub(crate) garbage: Option<ObjRef>,
    /// `gc.callbacks`: a list on the heap, held by the collector, of the functions called
    /// before and after every collection.
    pub(crate) callbacks: Option<ObjRef>,
    /// Collect at every container allocation (see [`crate::set_stress`]).
    pub(crate) stress: bool,
}
// ANCHOR_END: gc_state

impl Default for GcState {
    fn default() -> Self {
        GcState {
            enabled: true,
            thresholds: [700, 10, 10],
            counts: [0; NUM_GENERATIONS],
            long_lived_pending: 0,
            long_lived_total: 0,
            collecting: false,
            stats: [GenerationStats::default(); NUM_GENERATIONS],
            debug: 0,
            debug_sink: Box::new(|line| eprintln!("{line}")),
            started: None,
            garbage: None,
            callbacks: None,
            stress: false,
        }
    }
}

impl GcState {
    /// Writes one debug line to the sink.
    pub(crate) fn debug_line(&mut self, line: &str) {
        (self.debug_sink)(line);
    }
}
