//! When collections happen: the count, the thresholds, the 25 % rule, and the callbacks
//! around each collection. Public so that a later stage's hooks can delegate to them.

use std::time::Instant;

use cycles::Stats;
use refcount::{Heap, Kind, ObjRef, Object, Result};

use crate::{Generational, NUM_GENERATIONS, steps};

// ANCHOR: object_created
/// A container is complete: count it, collect if generation 0 is over its threshold, then
/// track it — CPython's `_PyObject_GC_Link` followed by the constructor's `PyObject_GC_Track`.
/// Dicts start untracked; the empty tuple is never tracked (CPython's is a shared singleton).
pub fn object_created<H: Generational>(heap: &mut Heap<H>, obj: ObjRef, kind: Kind) {
    if !kind.is_container() {
        return;
    }
    let gc = heap.hooks_mut().gc_mut();
    gc.counts[0] += 1;
    let over = gc.counts[0] > gc.thresholds[0] && gc.enabled && gc.thresholds[0] != 0;
    if (over || gc.stress) && !gc.collecting {
        gc.collecting = true;
        if gc.stress {
            collect_with_callback(heap, NUM_GENERATIONS - 1);
        } else {
            collect_generations(heap);
        }
        heap.hooks_mut().gc_mut().collecting = false;
    }
    let starts_untracked = match kind {
        Kind::Dict => true,
        Kind::Tuple => matches!(heap.get(obj), Ok(Object::Tuple(items)) if items.is_empty()),
        _ => false,
    };
    if !starts_untracked {
        heap.hooks_mut().tracker_mut().track(obj);
    }
}
// ANCHOR_END: object_created

/// `MAINTAIN_TRACKING`: an untracked dict starts being tracked when it receives a key or a
/// value that may be part of a cycle.
pub fn stored_in_dict<H: Generational>(
    heap: &mut Heap<H>,
    dict: ObjRef,
    key: ObjRef,
    value: ObjRef,
) {
    if !heap.hooks().tracker().is_tracked(dict)
        && (steps::may_be_tracked(heap, key) || steps::may_be_tracked(heap, value))
    {
        heap.hooks_mut().tracker_mut().track(dict);
    }
}

/// A container is freed: untrack it, and take it off generation 0's count
/// (`PyObject_GC_Del`, which never lets the count go below zero).
pub fn before_free<H: Generational>(hooks: &mut H, obj: ObjRef, kind: Kind) {
    hooks.tracker_mut().untrack(obj);
    if kind.is_container() {
        let count = &mut hooks.gc_mut().counts[0];
        *count = (*count - 1).max(0);
    }
}

// ANCHOR: collect_generations
/// An automatic collection: the oldest generation whose count exceeds its threshold, except
/// that a full collection waits while the objects that survived since the last one are fewer
/// than a quarter of those it left (`long_lived_pending < long_lived_total / 4`): without
/// that rule, a program that builds a large structure would pay for a full collection over
/// and over, quadratic in its size. Returns what `gc.collect()` would.
pub fn collect_generations<H: Generational>(heap: &mut Heap<H>) -> usize {
    let gc = heap.hooks().gc();
    for generation in (0..NUM_GENERATIONS).rev() {
        if gc.counts[generation] > gc.thresholds[generation] {
            if generation == NUM_GENERATIONS - 1 && gc.long_lived_pending < gc.long_lived_total / 4
            {
                continue;
            }
            let stats = collect_with_callback(heap, generation);
            return stats.collected + stats.uncollectable;
        }
    }
    0
}
// ANCHOR_END: collect_generations

// ANCHOR: collect_with_callback
/// One collection of `generation` and the younger ones, with the functions in `gc.callbacks`
/// called before ("start") and after ("stop"): CPython's `gc_collect_with_callback`. The
/// caller has checked that no collection is running.
pub fn collect_with_callback<H: Generational>(heap: &mut Heap<H>, generation: usize) -> Stats {
    invoke_gc_callback(heap, "start", generation, 0, 0);
    let stats = collect_main(heap, generation);
    let (collected, uncollectable) = (stats.collected, stats.uncollectable);
    invoke_gc_callback(heap, "stop", generation, collected, uncollectable);
    stats
}

/// The first and the last steps of CPython's `gc_collect_main` (the debug header, the counts),
/// around stage 2's collection, to which this stage's other steps are hooked.
fn collect_main<H: Generational>(heap: &mut Heap<H>, generation: usize) -> Stats {
    if heap.hooks().gc().debug & crate::gc::DEBUG_STATS != 0 {
        steps::debug_header(heap, generation);
        heap.hooks_mut().gc_mut().started = Some(Instant::now());
    }
    let gc = heap.hooks_mut().gc_mut();
    if generation + 1 < NUM_GENERATIONS {
        gc.counts[generation + 1] += 1;
    }
    gc.counts[..=generation].fill(0);
    cycles::gc_collect_main(heap, generation, |_, _| {})
}
// ANCHOR_END: collect_with_callback

// ANCHOR: invoke_gc_callback
/// CPython's `invoke_gc_callback`: if `gc.callbacks` is not empty, one `info` dict for all
/// the callbacks, then `callback(phase, info)` for each, reading the list afresh at every
/// index, since a callback may change it. Each call holds a reference to its callback; an
/// exception it raises is reported as unraisable, in its name, and the others still run.
fn invoke_gc_callback<H: Generational>(
    heap: &mut Heap<H>,
    phase: &str,
    generation: usize,
    collected: usize,
    uncollectable: usize,
) {
    let Some(callbacks) = heap.hooks().gc().callbacks else {
        return; // "we may get called very early"
    };
    let numbers = [generation, collected, uncollectable];
    if let Err(error) = call_each(heap, callbacks, phase, numbers) {
        // Building the arguments failed: CPython's `PyErr_WriteUnraisable(NULL)`.
        heap.report_unraisable_in(format!("gc callbacks ({phase})"), error);
    }
}

fn call_each<H: Generational>(
    heap: &mut Heap<H>,
    callbacks: ObjRef,
    phase: &str,
    [generation, collected, uncollectable]: [usize; 3],
) -> Result<()> {
    if heap.list_len(callbacks)? == 0 {
        return Ok(()); // no info dict is made
    }
    // Py_BuildValue("{sisnsn}", "generation", generation, "collected", collected, ...)
    let info = heap.new_dict()?;
    for (key, value) in [
        ("generation", generation),
        ("collected", collected),
        ("uncollectable", uncollectable),
    ] {
        let (key, value) = (heap.new_str(key)?, heap.new_int(value as i64)?);
        heap.dict_set(info, key, value)?;
        heap.decref(key)?;
        heap.decref(value)?;
    }
    let mut i = 0;
    while i < heap.list_len(callbacks)? {
        let callback = heap.list_get(callbacks, i)?;
        heap.incref(callback)?; // make sure the callback doesn't go away
        // PyObject_CallFunction(cb, "sO", phase, info): a new str for each call.
        let phase = heap.new_str(phase)?;
        heap.call_unraisable(callback, &[phase, info]);
        heap.decref(phase)?;
        heap.decref(callback)?;
        i += 1;
    }
    heap.decref(info)
}
// ANCHOR_END: invoke_gc_callback
