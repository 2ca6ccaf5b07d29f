//! Python's `gc` module, one function per Python function, with CPython 3.11's defaults,
//! argument checks and messages. Python's exceptions are [`Error::ValueError`] and
//! [`Error::TypeError`], with CPython's texts; a stale handle is [`Error::StaleHandle`].
//!
//! Functions that return a list in Python (`get_objects`, `get_referrers`, `get_referents`)
//! return a *new reference* to a list on the heap, as CPython does: the list holds references
//! to what it lists until the caller drops it.

use refcount::{Error, Heap, ObjRef, Object, Result};

use crate::state::{DebugSink, GenerationStats};
use crate::{Generational, NUM_GENERATIONS, automatic};

/// Print statistics during collection.
pub const DEBUG_STATS: i64 = 1;
/// Print the objects found collectable.
pub const DEBUG_COLLECTABLE: i64 = 2;
/// Print the objects found uncollectable.
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
/// Save every unreachable object in `gc.garbage` instead of freeing it.
pub const DEBUG_SAVEALL: i64 = 32;
/// What a program debugging a leak wants: `COLLECTABLE | UNCOLLECTABLE | SAVEALL`.
pub const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// `gc.enable()`: automatic collection on.
pub fn enable<H: Generational>(heap: &mut Heap<H>) {
    heap.hooks_mut().gc_mut().enabled = true;
}

/// `gc.disable()`: automatic collection off. `collect` still works.
pub fn disable<H: Generational>(heap: &mut Heap<H>) {
    heap.hooks_mut().gc_mut().enabled = false;
}

/// `gc.isenabled()`.
pub fn isenabled<H: Generational>(heap: &Heap<H>) -> bool {
    heap.hooks().gc().enabled
}

// ANCHOR: collect
/// `gc.collect(generation=2)`: collects `generation` and every younger one, with the
/// callbacks, and returns the number of unreachable objects found (collected plus
/// uncollectable). Called while a collection runs — from a finalizer or a callback — it
/// does nothing and returns 0, as CPython does.
pub fn collect<H: Generational>(heap: &mut Heap<H>, generation: i64) -> Result<usize> {
    let Some(generation) = usize::try_from(generation)
        .ok()
        .filter(|&g| g < NUM_GENERATIONS)
    else {
        return Err(value_error("invalid generation"));
    };
    if heap.hooks().gc().collecting {
        return Ok(0);
    }
    heap.hooks_mut().gc_mut().collecting = true;
    let stats = automatic::collect_with_callback(heap, generation);
    heap.hooks_mut().gc_mut().collecting = false;
    Ok(stats.collected + stats.uncollectable)
}
// ANCHOR_END: collect

/// `gc.get_count()`: generation 0's count of container allocations minus deallocations, and
/// for generations 1 and 2 the collections of the generation below since their own last.
pub fn get_count<H: Generational>(heap: &Heap<H>) -> (i64, i64, i64) {
    let [a, b, c] = heap.hooks().gc().counts;
    (a, b, c)
}

/// `gc.get_threshold()`.
pub fn get_threshold<H: Generational>(heap: &Heap<H>) -> (i64, i64, i64) {
    let [a, b, c] = heap.hooks().gc().thresholds;
    (a, b, c)
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`, with Python's arguments as a
/// slice so that the argument count is checked as CPython checks it. Any int is accepted, as
/// in CPython: 0 for `threshold0` turns automatic collection off, and a negative one makes
/// every container allocation collect.
pub fn set_threshold<H: Generational>(heap: &mut Heap<H>, thresholds: &[i64]) -> Result<()> {
    match thresholds.len() {
        0 => Err(type_error(
            "set_threshold() takes at least 1 argument (0 given)",
        )),
        n if n > NUM_GENERATIONS => Err(type_error(format!(
            "set_threshold() takes at most 3 arguments ({n} given)"
        ))),
        n => {
            heap.hooks_mut().gc_mut().thresholds[..n].copy_from_slice(thresholds);
            Ok(())
        }
    }
}

/// `gc.get_stats()`: per generation, the collections run and the objects they found.
pub fn get_stats<H: Generational>(heap: &Heap<H>) -> [GenerationStats; NUM_GENERATIONS] {
    heap.hooks().gc().stats
}

/// `gc.set_debug(flags)`: any int, as in CPython; the `DEBUG_*` bits take effect.
pub fn set_debug<H: Generational>(heap: &mut Heap<H>, flags: i64) {
    heap.hooks_mut().gc_mut().debug = flags;
}

/// `gc.get_debug()`.
pub fn get_debug<H: Generational>(heap: &Heap<H>) -> i64 {
    heap.hooks().gc().debug
}

/// Where the debug messages go (CPython: `sys.stderr`, the default here too).
pub fn set_debug_sink<H: Generational>(heap: &mut Heap<H>, sink: DebugSink) {
    heap.hooks_mut().gc_mut().debug_sink = sink;
}

/// `gc.get_objects(generation=None)`: a new list of the tracked objects of one generation, or
/// of all three (youngest first), never those of the permanent generation. As in CPython,
/// `-1` means all of them.
pub fn get_objects<H: Generational>(heap: &mut Heap<H>, generation: Option<i64>) -> Result<ObjRef> {
    let tracker = heap.hooks().tracker();
    let objects: Vec<ObjRef> = match generation {
        None | Some(-1) => tracker.tracked().collect(),
        Some(g) if g >= NUM_GENERATIONS as i64 => {
            return Err(value_error(format!(
                "generation parameter must be less than the number of available generations ({NUM_GENERATIONS})"
            )));
        }
        Some(g) if g < 0 => {
            return Err(value_error("generation parameter cannot be negative"));
        }
        Some(g) => tracker.objects(g as usize).collect(),
    };
    heap.new_list(&objects)
}

/// `gc.get_referrers(*objs)`: a new list of the tracked objects (generations 0 to 2) that
/// refer to any of `objs`, each once, in generation order.
pub fn get_referrers<H: Generational>(heap: &mut Heap<H>, objs: &[ObjRef]) -> Result<ObjRef> {
    for &obj in objs {
        heap.id(obj)?; // a stale handle is an error, not "no referrers"
    }
    let mut referrers = Vec::new();
    for candidate in heap.hooks().tracker().tracked() {
        let mut refers = false;
        heap.visit_referents(candidate, |r| refers |= objs.contains(&r))?;
        if refers {
            referrers.push(candidate);
        }
    }
    heap.new_list(&referrers)
}

/// `gc.get_referents(*objs)`: a new list of what each container among `objs` refers to, as
/// its `tp_traverse` visits them (a dict whose keys are all strs visits only its values;
/// objects that are not containers contribute nothing).
pub fn get_referents<H: Generational>(heap: &mut Heap<H>, objs: &[ObjRef]) -> Result<ObjRef> {
    let mut referents = Vec::new();
    for &obj in objs {
        match heap.get(obj)? {
            Object::Dict(dict) if dict.has_str_keys_only() => {
                referents.extend(dict.entries().iter().map(|&(_, value)| value));
            }
            Object::Dict(dict) => {
                referents.extend(dict.entries().iter().flat_map(|&(k, v)| [v, k]));
            }
            _ => heap.visit_referents(obj, |r| referents.push(r))?,
        }
    }
    heap.new_list(&referents)
}

/// `gc.is_tracked(obj)`: whether the collector examines the object. Atoms never are; dicts
/// and tuples only while they may be part of a cycle.
pub fn is_tracked<H: Generational>(heap: &Heap<H>, obj: ObjRef) -> Result<bool> {
    heap.id(obj)?;
    Ok(heap.hooks().tracker().is_tracked(obj))
}

/// `gc.is_finalized(obj)`: whether the object's `__del__` has run.
pub fn is_finalized<H: Generational>(heap: &Heap<H>, obj: ObjRef) -> Result<bool> {
    heap.is_finalized(obj)
}

// ANCHOR: freeze
/// `gc.freeze()`: every tracked object moves to the permanent generation, which collections
/// never examine (so a forked child does not write to the pages they are on), and every
/// count goes back to zero.
pub fn freeze<H: Generational>(heap: &mut Heap<H>) {
    let tracker = heap.hooks_mut().tracker_mut();
    let permanent = tracker.permanent();
    for generation in 0..NUM_GENERATIONS {
        tracker.merge(generation, permanent);
    }
    heap.hooks_mut().gc_mut().counts = [0; NUM_GENERATIONS];
}

/// `gc.unfreeze()`: the permanent generation goes back to the oldest generation.
pub fn unfreeze<H: Generational>(heap: &mut Heap<H>) {
    let tracker = heap.hooks_mut().tracker_mut();
    let permanent = tracker.permanent();
    tracker.merge(permanent, NUM_GENERATIONS - 1);
}

/// `gc.get_freeze_count()`: how many objects the permanent generation holds.
pub fn get_freeze_count<H: Generational>(heap: &Heap<H>) -> usize {
    let tracker = heap.hooks().tracker();
    tracker.count(tracker.permanent())
}
// ANCHOR_END: freeze

/// `gc.garbage`: the list of objects the collector could not free (stage 4) or saved
/// (`DEBUG_SAVEALL`). Borrowed: the collector holds it. Mutate it, as in Python; a heap not
/// made by [`crate::new_heap`] gets its list on first use.
pub fn garbage<H: Generational>(heap: &mut Heap<H>) -> Result<ObjRef> {
    if let Some(list) = heap.hooks().gc().garbage {
        return Ok(list);
    }
    let list = heap.new_list(&[])?;
    heap.hooks_mut().gc_mut().garbage = Some(list);
    Ok(list)
}

/// `gc.callbacks`: the list of functions called before and after every collection, each as
/// `callback(phase, info)`: `phase` is the str `"start"` or `"stop"`, `info` a dict of
/// `"generation"`, `"collected"` and `"uncollectable"` (0 and 0 at "start"). Borrowed: the
/// collector holds it. Change it as Python programs do (`list_append`, `list_remove`); a heap
/// not made by [`crate::new_heap`] gets its list on first use. A callback written in Rust is a
/// function object ([`Heap::new_function`]); [`info_item`] reads its `info`.
pub fn callbacks<H: Generational>(heap: &mut Heap<H>) -> Result<ObjRef> {
    if let Some(list) = heap.hooks().gc().callbacks {
        return Ok(list);
    }
    let list = heap.new_list(&[])?;
    heap.hooks_mut().gc_mut().callbacks = Some(list);
    Ok(list)
}

/// `info[key]` for a `gc.callbacks` callback's `info` dict: `info_item(heap, info,
/// "generation")`. A missing key is a `KeyError`, as in Python.
pub fn info_item<H: Generational>(heap: &Heap<H>, info: ObjRef, key: &str) -> Result<i64> {
    let Object::Dict(dict) = heap.get(info)? else {
        return Err(type_error(format!(
            "info must be a dict, not {}",
            heap.type_name(info)?
        )));
    };
    let value = dict
        .entries()
        .iter()
        .find(|&&(k, _)| heap.as_str(k).is_ok_and(|k| k == key))
        .map(|&(_, value)| value);
    match value {
        Some(value) => heap.as_int(value),
        None => Err(Error::KeyError {
            key: format!("'{key}'"),
        }),
    }
}

fn value_error(message: impl Into<String>) -> Error {
    Error::ValueError {
        message: message.into(),
    }
}

fn type_error(message: impl Into<String>) -> Error {
    Error::TypeError {
        message: message.into(),
    }
}
