//! The collection itself, in the order of CPython 3.11's `gc_collect_main`.

use std::collections::BTreeMap;

use refcount::ObjRef;
use refcount::trace::Event;

use crate::GcHeap;
use crate::observe::{Phase, Stats, View};

// ANCHOR: gc_head
/// The collector's scratch data for one object, indexed by slot. CPython keeps the same data
/// in the object's `PyGC_Head` while a collection runs: `gc_refs` in the upper bits of
/// `_gc_prev`, the flags in its low bits and in `_gc_next`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct GcHead {
    /// During a collection, first the reference count, then the references from outside.
    pub(crate) gc_refs: u32,
    pub(crate) flags: u8,
}

/// In the set being examined and not yet found reachable (`PREV_MASK_COLLECTING`).
pub(crate) const COLLECTING: u8 = 1;
/// On the unreachable list (`NEXT_MASK_UNREACHABLE`).
pub(crate) const UNREACHABLE: u8 = 2;
/// Unreachable, then made reachable by a finalizer. For observers only: CPython just moves
/// such objects to an older generation.
pub(crate) const RESURRECTED: u8 = 4;
// ANCHOR_END: gc_head

/// Everything a collection needs besides the heap. It lives in the [`crate::Tracker`] between
/// collections, so its arrays are allocated once and reused.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Indexed by `ObjRef::index()`; as long as the heap's slot array.
    heads: Vec<GcHead>,
    /// The objects examined (the first `scanned` entries), then the objects
    /// `move_unreachable` moved back to be examined again: CPython's `young` list.
    young: Vec<ObjRef>,
    /// CPython's `unreachable` list.
    unreachable: Vec<ObjRef>,
    /// CPython's `final_unreachable`: what is left after resurrection is handled.
    still_unreachable: Vec<ObjRef>,
}

// ANCHOR: update_refs
/// Step 1: every candidate's `gc_refs` starts as its reference count, and the candidate is
/// marked as part of the collection.
fn update_refs(heap: &GcHeap, heads: &mut [GcHead], young: &[ObjRef]) {
    for &op in young {
        // Tracked objects are alive, and a live object's count is at least 1.
        let refcount = heap.refcount_of_live(op);
        debug_assert!(refcount > 0, "a tracked object has refcount 0");
        heads[op.index()] = GcHead {
            gc_refs: refcount as u32, // a count is a u32 in the heap
            flags: COLLECTING,
        };
    }
}
// ANCHOR_END: update_refs

// ANCHOR: subtract_refs
/// Step 2: for every reference from one candidate to another, take one off the referent's
/// `gc_refs`. What remains counts the references from outside the candidates: from Rust code,
/// from untracked holders, from objects that are not being collected.
fn subtract_refs(heap: &GcHeap, heads: &mut [GcHead], young: &[ObjRef]) {
    for &op in young {
        heap.visit_referents_of_live(op, |referent| visit_decref(heads, referent));
    }
}

fn visit_decref(heads: &mut [GcHead], op: ObjRef) {
    if let Some(head) = heads.get_mut(op.index())
        && head.flags & COLLECTING != 0
    {
        debug_assert!(head.gc_refs > 0, "refcount is too small");
        head.gc_refs -= 1;
    }
}
// ANCHOR_END: subtract_refs

// ANCHOR: move_unreachable
/// Step 3: one walk over the candidates, front to back. An object with `gc_refs > 0` is
/// reachable, and so is everything it refers to. An object with `gc_refs == 0` is only
/// *tentatively* unreachable: it goes to the unreachable list, and comes back to the end of
/// `young` (to be walked again) if a reachable object refers to it after all.
///
/// No recursion: the objects still to examine are the rest of `young`, however deep the
/// graph.
fn move_unreachable<O: FnMut(Phase, &View<'_>)>(
    heap: &GcHeap,
    heads: &mut [GcHead],
    young: &mut Vec<ObjRef>,
    scanned: usize,
    unreachable: &mut Vec<ObjRef>,
    observe: &mut O,
) {
    let mut next = 0;
    while next < young.len() {
        let op = young[next];
        next += 1;
        if heads[op.index()].gc_refs > 0 {
            heap.visit_referents_of_live(op, |referent| visit_reachable(heads, young, referent));
            heads[op.index()].flags &= !COLLECTING; // done: reachable
        } else {
            heads[op.index()].flags |= UNREACHABLE;
            unreachable.push(op);
        }
        observe(
            Phase::Examined(op),
            &View {
                heap,
                heads,
                scanned: &young[..scanned],
                phase: Phase::Examined(op),
            },
        );
    }
    // Objects moved back left their old entry behind; each object is listed at most once.
    unreachable.retain(|op| heads[op.index()].flags & UNREACHABLE != 0);
}

/// Called for each referent of a reachable object.
fn visit_reachable(heads: &mut [GcHead], young: &mut Vec<ObjRef>, op: ObjRef) {
    let Some(head) = heads.get_mut(op.index()) else {
        return;
    };
    if head.flags & COLLECTING == 0 {
        return; // not a candidate, or already found reachable
    }
    if head.flags & UNREACHABLE != 0 {
        // Tentatively unreachable, but reachable after all: back to the end of young.
        head.flags &= !UNREACHABLE;
        head.gc_refs = 1;
        young.push(op);
    } else if head.gc_refs == 0 {
        // Still ahead of the walk: make sure the walk sees it as reachable when it gets there.
        head.gc_refs = 1;
    }
}
// ANCHOR_END: move_unreachable

// ANCHOR: deduce_unreachable
/// Steps 1–3: splits `young` into what is reachable from outside it and what is not, and
/// appends the latter to `unreachable`. Reads the heap, never changes it.
fn deduce_unreachable<O: FnMut(Phase, &View<'_>)>(
    heap: &GcHeap,
    heads: &mut [GcHead],
    young: &mut Vec<ObjRef>,
    unreachable: &mut Vec<ObjRef>,
    observe: &mut O,
) {
    let scanned = young.len();
    update_refs(heap, heads, young);
    observe(
        Phase::UpdateRefs,
        &view(heap, heads, young, Phase::UpdateRefs),
    );
    subtract_refs(heap, heads, young);
    observe(
        Phase::SubtractRefs,
        &view(heap, heads, young, Phase::SubtractRefs),
    );
    move_unreachable(heap, heads, young, scanned, unreachable, observe);
    let young = &young[..scanned];
    observe(
        Phase::MoveUnreachable,
        &view(heap, heads, young, Phase::MoveUnreachable),
    );
}
// ANCHOR_END: deduce_unreachable

fn view<'a>(
    heap: &'a GcHeap,
    heads: &'a [GcHead],
    scanned: &'a [ObjRef],
    phase: Phase,
) -> View<'a> {
    View {
        heap,
        heads,
        scanned,
        phase,
    }
}

// ANCHOR: finalize_garbage
/// PEP 442: run the `__del__` of every unreachable object not finalized before, *before*
/// anything is cleared, so that every finalizer sees intact objects. Returns how many ran.
fn finalize_garbage(heap: &mut GcHeap, unreachable: &[ObjRef]) -> usize {
    if heap.live_with_finalizer() == 0 {
        return 0; // no object anywhere has a __del__
    }
    let mut finalized = 0;
    for &op in unreachable {
        // A finalizer that ran earlier in this loop may have freed `op` (by breaking its
        // cycle), exactly as CPython's list loses objects that are deallocated.
        if heap.is_alive(op) && heap.call_finalizer(op) == Ok(true) {
            finalized += 1;
        }
    }
    finalized
}
// ANCHOR_END: finalize_garbage

// ANCHOR: handle_resurrected_objects
/// After finalizers ran, some unreachable objects may be reachable again: a `__del__` stored
/// a reference to its object (or to another one) somewhere reachable. Recompute reachability
/// on the unreachable set alone, with fresh reference counts: whatever now has references
/// from outside the set survives, with everything it reaches. The rest goes to
/// `still_unreachable`. Returns how many objects were resurrected.
fn handle_resurrected_objects(
    heap: &mut GcHeap,
    heads: &mut Vec<GcHead>,
    unreachable: &mut Vec<ObjRef>,
    still_unreachable: &mut Vec<ObjRef>,
) -> usize {
    for &op in unreachable.iter() {
        heads[op.index()].flags = 0; // gc_list_clear_collecting
    }
    unreachable.retain(|&op| heap.is_alive(op)); // some were freed while finalizers ran
    heads.resize(heap.slot_count(), GcHead::default()); // and some allocated
    let scanned = unreachable.len();
    deduce_unreachable(heap, heads, unreachable, still_unreachable, &mut |_, _| {});
    let mut resurrected = 0;
    for &op in &unreachable[..scanned] {
        let head = &mut heads[op.index()];
        if head.flags & UNREACHABLE == 0 {
            head.flags |= RESURRECTED;
            resurrected += 1;
            if heap.tracing() {
                let id = heap.id(op).unwrap_or_default();
                heap.record(Event::Resurrect { id });
            }
        }
    }
    resurrected
}
// ANCHOR_END: handle_resurrected_objects

// ANCHOR: delete_garbage
/// Break the cycles: `tp_clear` each unreachable object, so that it drops the references
/// it holds. The collector frees nothing itself — the counts of the objects in the cycle fall
/// to zero and reference counting frees them, in its usual order.
///
/// A temporary reference keeps `op` alive for the duration of its own clear, however the
/// drops cascade; when it is released, `op` is freed if nothing else holds it.
fn delete_garbage(heap: &mut GcHeap, collectable: &[ObjRef]) {
    for &op in collectable {
        if !heap.is_alive(op) {
            continue; // freed already, by the clearing of an object before it
        }
        if heap.incref(op).is_err() {
            continue;
        }
        if let Err(error) = heap.clear(op) {
            heap.report_unraisable(op, error);
        }
        if let Err(error) = heap.decref(op) {
            // Only a finalizer that dropped a reference it did not own can cause this.
            heap.report_unraisable(op, error);
        }
    }
}
// ANCHOR_END: delete_garbage

// ANCHOR: collect
/// Runs one collection of every tracked object, like CPython 3.11's `gc.collect()`, calling
/// `observe` after each phase (see [`Phase`]). Returns what the collection did;
/// `Stats::collected` is what `gc.collect()` returns.
///
/// While a collection runs, another one started by a finalizer does nothing and returns
/// zeros, as in CPython. With a closure that does nothing, the observation compiles away.
pub fn collect_observed<O: FnMut(Phase, &View<'_>)>(heap: &mut GcHeap, mut observe: O) -> Stats {
    if heap.hooks().collecting {
        return Stats::default();
    }
    heap.hooks_mut().collecting = true;
    let mut scratch = std::mem::take(&mut heap.hooks_mut().scratch);
    let Scratch {
        heads,
        young,
        unreachable,
        still_unreachable,
    } = &mut scratch;
    young.clear();
    young.extend_from_slice(heap.hooks().tracked());
    unreachable.clear();
    still_unreachable.clear();
    heads.resize(heap.slot_count(), GcHead::default());
    let scanned = young.len();
    if heap.tracing() {
        heap.record(stage_event("gc_start", [("scanned", scanned)]));
    }

    // Which objects are reachable only from each other?
    deduce_unreachable(heap, heads, young, unreachable, &mut observe);
    let mut stats = Stats {
        scanned,
        unreachable: unreachable.len(),
        ..Stats::default()
    };

    // Finalize them all, then keep what the finalizers resurrected. If no finalizer ran,
    // nothing can have changed, and CPython's second analysis would find the same set.
    stats.finalized = finalize_garbage(heap, unreachable);
    if stats.finalized > 0 {
        stats.resurrected = handle_resurrected_objects(heap, heads, unreachable, still_unreachable);
    } else {
        std::mem::swap(unreachable, still_unreachable);
    }
    stats.collected = still_unreachable.len();
    observe(
        Phase::Final,
        &view(heap, heads, &young[..scanned], Phase::Final),
    );

    // Break the cycles; reference counting frees them.
    delete_garbage(heap, still_unreachable);

    for &op in &young[..scanned] {
        heads[op.index()].flags = 0; // every object examined, whatever became of it
    }
    if heap.tracing() {
        heap.record(stage_event(
            "gc_collect",
            [
                ("scanned", stats.scanned),
                ("unreachable", stats.unreachable),
                ("finalized", stats.finalized),
                ("resurrected", stats.resurrected),
                ("collected", stats.collected),
            ],
        ));
    }
    heap.hooks_mut().scratch = scratch;
    heap.hooks_mut().collecting = false;
    stats
}

/// `gc.collect()`: collects every unreachable cycle and returns how many objects were found
/// unreachable and cleared (resurrected objects are not counted).
pub fn collect(heap: &mut GcHeap) -> usize {
    collect_observed(heap, |_, _| {}).collected
}
// ANCHOR_END: collect

fn stage_event<const N: usize>(name: &str, values: [(&str, usize); N]) -> Event {
    Event::Stage {
        name: name.to_string(),
        values: values
            .iter()
            .map(|&(k, v)| (k.to_string(), v as i64))
            .collect::<BTreeMap<_, _>>(),
    }
}
