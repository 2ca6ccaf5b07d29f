//! The steps stage 3 adds to stage 2's collection ([`cycles::GcHooks`]): delayed tracking,
//! the long-lived counts, the debug messages, `DEBUG_SAVEALL` and the statistics. Public so
//! that a later stage's hooks can delegate to them.

use cycles::{GcHooks, Stats};
use refcount::{Heap, Kind, ObjRef, Object};

use crate::gc::{DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE};
use crate::{Generational, NUM_GENERATIONS};

/// Tuples and dicts may be left untracked while they hold nothing that could be in a cycle.
pub fn delays_tracking(kind: Kind) -> bool {
    matches!(kind, Kind::Tuple | Kind::Dict)
}

// ANCHOR: may_be_tracked
/// `_PyObject_GC_MAY_BE_TRACKED`: could this object be part of a cycle, now or later? Every
/// container could, except a tuple that is untracked (it never will be tracked again: its
/// items cannot change).
pub(crate) fn may_be_tracked<H: GcHooks>(heap: &Heap<H>, obj: ObjRef) -> bool {
    match heap.kind(obj) {
        Ok(Kind::Tuple) => heap.hooks().tracker().is_tracked(obj),
        Ok(kind) => kind.is_container(),
        Err(_) => false,
    }
}
// ANCHOR_END: may_be_tracked

// ANCHOR: survivors_found
/// CPython's steps 4 and 5, on the objects a collection found reachable, before they move to
/// the older generation: untrack the tuples that cannot be in a cycle (`untrack_tuples`); in
/// a full collection, the dicts too (`untrack_dicts`); and keep the counts the 25 % rule
/// reads.
pub fn survivors_found<H: Generational>(
    heap: &mut Heap<H>,
    survivors: &[ObjRef],
    generation: usize,
) {
    let full = generation == NUM_GENERATIONS - 1;
    for &op in survivors {
        let untrack = match heap.get(op) {
            Ok(Object::Tuple(items)) => !items.iter().any(|&i| may_be_tracked(heap, i)),
            Ok(Object::Dict(dict)) if full => !dict
                .entries()
                .iter()
                .any(|&(k, v)| may_be_tracked(heap, k) || may_be_tracked(heap, v)),
            _ => false,
        };
        if untrack {
            heap.hooks_mut().tracker_mut().untrack(op);
        }
    }
    let tracker = heap.hooks().tracker();
    let moving = survivors
        .iter()
        .filter(|&&op| tracker.is_tracked(op))
        .count() as i64;
    let gc = heap.hooks_mut().gc_mut();
    if full {
        gc.long_lived_pending = 0;
        gc.long_lived_total = moving;
    } else if generation == NUM_GENERATIONS - 2 {
        gc.long_lived_pending += moving;
    }
}
// ANCHOR_END: survivors_found

/// `gc: collectable <list 0x7f…>`, the way `debug_cycle` names an object.
fn debug_cycle<H: Generational>(heap: &mut Heap<H>, message: &str, op: ObjRef) {
    let type_name = heap.type_name(op).unwrap_or_default();
    let id = heap.id(op).unwrap_or_default();
    let line = format!("gc: {message} <{type_name} {id:#x}>");
    heap.hooks_mut().gc_mut().debug_line(&line);
}

/// Step 7: `DEBUG_COLLECTABLE` names every object found unreachable.
pub fn debug_collectable<H: Generational>(heap: &mut Heap<H>, unreachable: &[ObjRef]) {
    if heap.hooks().gc().debug & DEBUG_COLLECTABLE != 0 {
        for &op in unreachable {
            debug_cycle(heap, "collectable", op);
        }
    }
}

/// Step 11 under `DEBUG_SAVEALL`: the garbage goes to `gc.garbage` instead of being cleared.
pub fn save_all<H: Generational>(heap: &mut Heap<H>, op: ObjRef) -> bool {
    if heap.hooks().gc().debug & DEBUG_SAVEALL == 0 {
        return false;
    }
    match crate::gc::garbage(heap).and_then(|garbage| heap.list_append(garbage, op)) {
        Ok(()) => true,
        Err(error) => {
            heap.report_unraisable(op, error);
            false
        }
    }
}

/// The `DEBUG_STATS` header of a collection.
pub(crate) fn debug_header<H: Generational>(heap: &mut Heap<H>, generation: usize) {
    let tracker = heap.hooks().tracker();
    let sizes: Vec<String> = (0..NUM_GENERATIONS)
        .map(|g| tracker.count(g).to_string())
        .collect();
    let permanent = tracker.count(tracker.permanent());
    let gc = heap.hooks_mut().gc_mut();
    gc.debug_line(&format!("gc: collecting generation {generation}..."));
    gc.debug_line(&format!(
        "gc: objects in each generation: {}",
        sizes.join(" ")
    ));
    gc.debug_line(&format!("gc: objects in permanent generation: {permanent}"));
}

// ANCHOR: collection_done
/// Steps 12 and 15: name the uncollectable objects (`DEBUG_UNCOLLECTABLE`), report the
/// totals (`DEBUG_STATS`), and add the collection to `gc.get_stats()`.
pub fn collection_done<H: Generational>(
    heap: &mut Heap<H>,
    stats: &Stats,
    uncollectable: &[ObjRef],
) {
    let debug = heap.hooks().gc().debug;
    if debug & DEBUG_UNCOLLECTABLE != 0 {
        for &op in uncollectable {
            debug_cycle(heap, "uncollectable", op);
        }
    }
    let gc = heap.hooks_mut().gc_mut();
    if debug & DEBUG_STATS != 0 {
        let elapsed = gc.started.take().map_or(0.0, |t| t.elapsed().as_secs_f64());
        let (n, m) = (stats.uncollectable, stats.collected);
        gc.debug_line(&format!(
            "gc: done, {} unreachable, {n} uncollectable, {elapsed:.4}s elapsed",
            n + m
        ));
    }
    let generation = &mut gc.stats[stats.generation];
    generation.collections += 1;
    generation.collected += stats.collected as u64;
    generation.uncollectable += stats.uncollectable as u64;
}
// ANCHOR_END: collection_done
