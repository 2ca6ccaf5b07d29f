//! The collection itself, in the order of CPython 3.11's `gc_collect_main`.
//!
//! Each pass is a function the compiler keeps apart (`#[inline(never)]`): it runs once per
//! collection, so the call costs nothing, and a profile shows each pass on its own
//! (`scripts/bench profile`, in the chapter Measuring).

use std::collections::BTreeMap;

use refcount::trace::Event;
use refcount::{Heap, Hooks, ObjRef};

use crate::Tracker;
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

// ANCHOR: gc_hooks
/// The hooks of a heap the cycle detector can collect. They keep the [`Tracker`], and they
/// may add steps to a collection, at the places where CPython 3.11's `gc_collect_main` has
/// them. Every step does nothing unless a stage overrides it: stage 2's own hooks, the bare
/// [`Tracker`], add nothing. A later stage implements this trait for its own hooks and calls
/// [`gc_collect_main`]; it never copies a pass.
pub trait GcHooks: Hooks {
    fn tracker(&self) -> &Tracker;
    fn tracker_mut(&mut self) -> &mut Tracker;

    /// Kinds of container this stage leaves untracked while they cannot be in a cycle
    /// (CPython's delayed tracking of tuples and dicts). Stage 2 tracks every container.
    fn delays_tracking(_kind: refcount::Kind) -> bool {
        false
    }

    /// CPython's steps 4–5: the objects found reachable (in the order the walk found them)
    /// are about to move to the next older generation. Stage 3 untracks tuples and dicts
    /// here and counts long-lived objects.
    fn survivors_found(_heap: &mut Heap<Self>, _survivors: &[ObjRef], _generation: usize) {}

    /// CPython's steps 6–8, between finding the garbage and finalizing it. A stage may move
    /// objects from `unreachable` to `uncollectable` (stage 4: legacy finalizers and what they
    /// reach), report them (stage 3: `DEBUG_COLLECTABLE`) or clear weak references to them
    /// and call their callbacks (stage 4). Returns how many objects outside `unreachable`
    /// that freed (weak references whose callback dropped their last reference), which
    /// CPython counts as collected.
    fn unreachable_found(
        _heap: &mut Heap<Self>,
        _unreachable: &mut Vec<ObjRef>,
        _uncollectable: &mut Vec<ObjRef>,
    ) -> usize {
        0
    }

    /// CPython's step 11, for each object about to be cleared: return true to keep the
    /// object instead of clearing it (stage 3's `DEBUG_SAVEALL` appends it to `gc.garbage`).
    fn save_instead_of_clearing(_heap: &mut Heap<Self>, _op: ObjRef) -> bool {
        false
    }

    /// CPython's steps 12–15, once the garbage is cleared: `stats` says what the collection
    /// did; the uncollectable objects move to the older generation right after this.
    fn collection_done(_heap: &mut Heap<Self>, _stats: &Stats, _uncollectable: &[ObjRef]) {}
}
// ANCHOR_END: gc_hooks

/// Everything a collection needs besides the heap. It lives in the [`Tracker`] between
/// collections, so its arrays are allocated once and reused.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Indexed by `ObjRef::index()`; as long as the heap's slot array.
    heads: Vec<GcHead>,
    /// The objects examined (the first `scanned` entries), then the objects
    /// `move_unreachable` moved back to be examined again.
    young: Vec<ObjRef>,
    /// What is left of CPython's `young` list after `move_unreachable`: the objects found
    /// reachable, in the order they were found.
    reachable: Vec<ObjRef>,
    /// CPython's `unreachable` list.
    unreachable: Vec<ObjRef>,
    /// CPython's `finalizers` list: unreachable, but a stage decided they cannot be collected.
    uncollectable: Vec<ObjRef>,
    /// CPython's `final_unreachable`: what is left after resurrection is handled.
    still_unreachable: Vec<ObjRef>,
}

// ANCHOR: update_refs
/// Step 1: every candidate's `gc_refs` starts as its reference count, and the candidate is
/// marked as part of the collection.
#[inline(never)]
fn update_refs<H: Hooks>(heap: &Heap<H>, heads: &mut [GcHead], young: &[ObjRef]) {
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
#[inline(never)]
fn subtract_refs<H: Hooks>(heap: &Heap<H>, heads: &mut [GcHead], young: &[ObjRef]) {
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

/// The lists one reachability analysis reads and fills.
struct Lists<'a> {
    young: &'a mut Vec<ObjRef>,
    reachable: &'a mut Vec<ObjRef>,
    unreachable: &'a mut Vec<ObjRef>,
}

// ANCHOR: move_unreachable
/// Step 3: one walk over the candidates, front to back. An object with `gc_refs > 0` is
/// reachable, and so is everything it refers to. An object with `gc_refs == 0` is only
/// *tentatively* unreachable: it goes to the unreachable list, and comes back to the end of
/// `young` (to be walked again) if a reachable object refers to it after all.
///
/// No recursion: the objects still to examine are the rest of `young`, however deep the
/// graph. The reachable objects are collected in the order the walk finds them, which is the
/// order CPython's `young` list is left in.
#[inline(never)]
fn move_unreachable<H: Hooks, O: FnMut(Phase, &View<'_, H>)>(
    heap: &Heap<H>,
    heads: &mut [GcHead],
    lists: &mut Lists<'_>,
    scanned: usize,
    observe: &mut O,
) {
    let Lists {
        young,
        reachable,
        unreachable,
    } = lists;
    let mut next = 0;
    while next < young.len() {
        let op = young[next];
        next += 1;
        if heads[op.index()].gc_refs > 0 {
            heap.visit_referents_of_live(op, |referent| visit_reachable(heads, young, referent));
            heads[op.index()].flags &= !COLLECTING; // done: reachable
            reachable.push(op);
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
    // Only `visit_reachable` lengthens `young`, when it moves an object back: if it never did,
    // every entry is still unreachable and there is nothing to remove.
    if young.len() > scanned {
        unreachable.retain(|op| heads[op.index()].flags & UNREACHABLE != 0);
    }
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
/// appends them to `reachable` and `unreachable`. Reads the heap, never changes it.
fn deduce_unreachable<H: Hooks, O: FnMut(Phase, &View<'_, H>)>(
    heap: &Heap<H>,
    heads: &mut [GcHead],
    lists: &mut Lists<'_>,
    observe: &mut O,
) {
    let scanned = lists.young.len();
    update_refs(heap, heads, lists.young);
    observe(
        Phase::UpdateRefs,
        &view(heap, heads, lists.young, Phase::UpdateRefs),
    );
    subtract_refs(heap, heads, lists.young);
    observe(
        Phase::SubtractRefs,
        &view(heap, heads, lists.young, Phase::SubtractRefs),
    );
    move_unreachable(heap, heads, lists, scanned, observe);
    let young = &lists.young[..scanned];
    observe(
        Phase::MoveUnreachable,
        &view(heap, heads, young, Phase::MoveUnreachable),
    );
}
// ANCHOR_END: deduce_unreachable

fn view<'a, H: Hooks>(
    heap: &'a Heap<H>,
    heads: &'a [GcHead],
    scanned: &'a [ObjRef],
    phase: Phase,
) -> View<'a, H> {
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
#[inline(never)]
fn finalize_garbage<H: Hooks>(heap: &mut Heap<H>, unreachable: &[ObjRef]) -> usize {
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
/// from outside the set is put in `resurrected`, with everything it reaches. The rest goes
/// to `still_unreachable`.
fn handle_resurrected_objects<H: Hooks>(
    heap: &mut Heap<H>,
    heads: &mut Vec<GcHead>,
    unreachable: &mut Vec<ObjRef>,
    resurrected: &mut Vec<ObjRef>,
    still_unreachable: &mut Vec<ObjRef>,
) {
    for &op in unreachable.iter() {
        heads[op.index()].flags = 0; // gc_list_clear_collecting
    }
    unreachable.retain(|&op| heap.is_alive(op)); // some were freed while finalizers ran
    heads.resize(heap.slot_count(), GcHead::default()); // and some allocated
    let mut lists = Lists {
        young: unreachable,
        reachable: resurrected,
        unreachable: still_unreachable,
    };
    deduce_unreachable(heap, heads, &mut lists, &mut |_, _| {});
    for &op in resurrected.iter() {
        heads[op.index()].flags |= RESURRECTED;
        if heap.tracing() {
            let id = heap.id(op).unwrap_or_default();
            heap.record(Event::Resurrect { id });
        }
    }
}
// ANCHOR_END: handle_resurrected_objects

// ANCHOR: delete_garbage
/// Break the cycles: `tp_clear` each unreachable object, so that it drops the references
/// it holds. The collector frees nothing itself — the counts of the objects in the cycle fall
/// to zero and reference counting frees them, in its usual order.
///
/// A temporary reference keeps `op` alive for the duration of its own clear, however the
/// drops cascade; when it is released, `op` is freed if nothing else holds it. An object
/// still alive after that (something outside the garbage still refers to it) moves to the
/// `old` generation, "it may die later".
#[inline(never)]
fn delete_garbage<H: GcHooks>(heap: &mut Heap<H>, collectable: &[ObjRef], old: usize) {
    for &op in collectable {
        if !heap.is_alive(op) {
            continue; // freed already, by the clearing of an object before it
        }
        if !H::save_instead_of_clearing(heap, op) && heap.incref(op).is_ok() {
            if let Err(error) = heap.clear(op) {
                heap.report_unraisable(op, error);
            }
            if let Err(error) = heap.decref(op) {
                // Only a finalizer that dropped a reference it did not own can cause this.
                heap.report_unraisable(op, error);
            }
        }
        if heap.is_alive(op) {
            heap.hooks_mut().tracker_mut().place(op, old);
        }
    }
}
// ANCHOR_END: delete_garbage

// ANCHOR: collect
/// Collects generation `generation` and every younger one, in the steps and the order of
/// CPython 3.11's `gc_collect_main`, calling `observe` after each phase (see [`Phase`]).
/// Survivors move to the next older generation (the oldest keeps its own). Returns what the
/// collection did; `collected + uncollectable` is what `gc.collect()` returns.
///
/// While a collection runs, another one started by a finalizer does nothing and returns
/// zeros, as in CPython. With a closure that does nothing, the observation compiles away.
///
/// # Panics
/// If `generation` is not one of the tracker's generations: [`Tracker::generations`].
pub fn gc_collect_main<H: GcHooks, O: FnMut(Phase, &View<'_, H>)>(
    heap: &mut Heap<H>,
    generation: usize,
    mut observe: O,
) -> Stats {
    let tracker = heap.hooks_mut().tracker_mut();
    assert!(
        generation < tracker.generations(),
        "no generation {generation}"
    );
    if tracker.collecting {
        return Stats::default();
    }
    tracker.collecting = true;
    let old = (generation + 1).min(tracker.generations() - 1);
    let mut scratch = std::mem::take(&mut tracker.scratch);
    let Scratch {
        heads,
        young,
        reachable,
        unreachable,
        uncollectable,
        still_unreachable,
    } = &mut scratch;
    tracker.take_young(generation, young); // merge the younger generations into this one
    reachable.clear();
    unreachable.clear();
    uncollectable.clear();
    still_unreachable.clear();
    heads.resize(heap.slot_count(), GcHead::default());
    let scanned = young.len();
    if heap.tracing() {
        let values = [("generation", generation), ("scanned", scanned)];
        heap.record(stage_event("gc_start", values));
    }

    // Which objects are reachable only from each other?
    let mut lists = Lists {
        young: &mut *young,
        reachable: &mut *reachable,
        unreachable: &mut *unreachable,
    };
    deduce_unreachable(heap, heads, &mut lists, &mut observe);
    // The survivors move on to the older generation.
    H::survivors_found(heap, reachable, generation);
    heap.hooks_mut().tracker_mut().place_all(reachable, old);
    let freed_by_hooks = H::unreachable_found(heap, unreachable, uncollectable);
    for &op in uncollectable.iter() {
        // No longer part of the collection (`gc_clear_collecting` in CPython's
        // `move_legacy_finalizers`): the second analysis must not count or move it.
        heads[op.index()].flags = 0;
    }
    let mut stats = Stats {
        generation,
        scanned,
        unreachable: unreachable.len() + uncollectable.len(),
        ..Stats::default()
    };

    // Finalize them all, then keep what the finalizers resurrected. If no finalizer ran,
    // nothing can have changed, and CPython's second analysis would find the same set.
    stats.finalized = finalize_garbage(heap, unreachable);
    reachable.clear();
    if stats.finalized > 0 {
        handle_resurrected_objects(heap, heads, unreachable, reachable, still_unreachable);
        heap.hooks_mut().tracker_mut().place_all(reachable, old);
    } else {
        std::mem::swap(unreachable, still_unreachable);
    }
    stats.resurrected = reachable.len();
    stats.collected = still_unreachable.len() + freed_by_hooks;
    stats.uncollectable = uncollectable.len();
    observe(
        Phase::Final,
        &view(heap, heads, &young[..scanned], Phase::Final),
    );

    // Break the cycles; reference counting frees them.
    delete_garbage(heap, still_unreachable, old);
    H::collection_done(heap, &stats, uncollectable);
    heap.hooks_mut().tracker_mut().place_all(uncollectable, old);

    for &op in &young[..scanned] {
        heads[op.index()].flags = 0; // every object examined, whatever became of it
    }
    if heap.tracing() {
        heap.record(stage_event(
            "gc_collect",
            [
                ("generation", stats.generation),
                ("scanned", stats.scanned),
                ("unreachable", stats.unreachable),
                ("finalized", stats.finalized),
                ("resurrected", stats.resurrected),
                ("collected", stats.collected),
                ("uncollectable", stats.uncollectable),
            ],
        ));
    }
    let tracker = heap.hooks_mut().tracker_mut();
    tracker.scratch = scratch;
    tracker.collecting = false;
    stats
}

/// A full collection, observed: [`gc_collect_main`] of the oldest generation.
pub fn collect_observed<H: GcHooks, O: FnMut(Phase, &View<'_, H>)>(
    heap: &mut Heap<H>,
    observe: O,
) -> Stats {
    let oldest = heap.hooks().tracker().generations() - 1;
    gc_collect_main(heap, oldest, observe)
}

/// `gc.collect()`: collects every unreachable cycle and returns how many objects were found
/// unreachable and cleared (resurrected objects are not counted).
pub fn collect<H: GcHooks>(heap: &mut Heap<H>) -> usize {
    let stats = collect_observed(heap, |_, _| {});
    stats.collected + stats.uncollectable
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
