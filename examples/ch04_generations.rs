//! The experiments of the chapter "Generations and the gc module": automatic, generational
//! collection on the stage-3 heap.
//!
//! `cargo run --example ch04_generations` runs them all; `-- --list` names them.

use std::cell::RefCell;
use std::process::ExitCode;
use std::rc::Rc;

use cycles::GcHooks;
use generations::gc::{self, DEBUG_COLLECTABLE, DEBUG_STATS};
use generations::{GenHeap, Generations};
use pymem::experiments::{self, Experiment};
use refcount::{ObjRef, Result};

const EXPERIMENTS: &[(&str, Experiment<Generations>)] = &[
    ("article-gc", article_gc),
    ("leak-loop-auto", leak_loop_auto),
    ("get-count", get_count),
    ("promotion", promotion),
    ("is-tracked", is_tracked),
    ("thresholds", thresholds),
    ("young-cost", young_cost),
    ("freeze", freeze),
    ("debug-stats", debug_stats),
    ("long-running", long_running),
];

fn main() -> ExitCode {
    experiments::main_on(generations::new_heap, EXPERIMENTS)
}

/// `name = obj` for a new reference `obj`: the namespace takes it over.
fn bind(heap: &mut GenHeap, name: &str, obj: ObjRef) -> Result<()> {
    heap.set_global(name, obj)?;
    heap.decref(obj)
}

/// `class Name: pass` at module level.
fn class(heap: &mut GenHeap, name: &str) -> Result<ObjRef> {
    let class = heap.new_class(name)?;
    bind(heap, name, class)?;
    Ok(class)
}

// ANCHOR: article_gc
/// The article's `gc.isenabled()`, `gc.collect()`, `gc.garbage`.
fn article_gc(heap: &mut GenHeap) -> Result<()> {
    println!("Is Garbage Collection enabled? {}", gc::isenabled(heap));
    gc::collect(heap, 2)?;
    let garbage = gc::garbage(heap)?;
    println!("Garbage after collect: {}", heap.repr(garbage)?);
    Ok(())
}
// ANCHOR_END: article_gc

// ANCHOR: leak_loop_auto
/// The "Cycles" chapter's loop of two-node cycles with automatic collection on: nobody calls
/// `gc.collect()`. A callback counts the collections, as the Python version does.
fn leak_loop_auto(heap: &mut GenHeap) -> Result<()> {
    let node = class(heap, "Node")?;
    let log = Rc::new(RefCell::new(([0; 3], 0, 0))); // collections, found, most Nodes
    let seen = Rc::clone(&log);
    // def watch(phase, info): a function object, which receives a str and a dict
    let watch = heap.new_function("watch", &[], move |heap, _, args| {
        let (phase, info) = (args[0], args[1]);
        let mut log = seen.borrow_mut();
        if heap.as_str(phase)? == "start" {
            let young = heap.hooks().tracker().objects(0);
            let nodes = young.filter(|&o| is_node(heap, o)).count();
            log.2 = log.2.max(nodes);
        } else {
            log.0[gc::info_item(heap, info, "generation")? as usize] += 1;
            log.1 += gc::info_item(heap, info, "collected")?;
        }
        heap.none()
    })?;
    let callbacks = gc::callbacks(heap)?;
    heap.list_append(callbacks, watch)?; // gc.callbacks.append(watch)
    for _ in 0..20_000 {
        let (a, b) = (heap.new_instance(node)?, heap.new_instance(node)?);
        heap.set_attr(a, "next", b)?; // a.next, b.next = b, a
        heap.set_attr(b, "next", a)?;
        heap.decref(a)?; // del a, b
        heap.decref(b)?;
    }
    heap.list_remove(callbacks, watch)?; // gc.callbacks.remove(watch)
    heap.decref(watch)?;
    let (collections, found, most_alive) = *log.borrow();
    println!("pairs created:        20000");
    println!("collections (gen 0, 1, 2): {collections:?}");
    println!("objects they found:   {found}");
    println!("most Nodes alive at once: {most_alive}");
    let nodes = heap.objects().filter(|&o| is_node(heap, o)).count();
    println!("Nodes alive at the end:   {nodes}");
    Ok(())
}

/// `type(o) is Node`.
fn is_node(heap: &GenHeap, obj: ObjRef) -> bool {
    heap.type_name(obj).is_ok_and(|name| name == "Node")
}
// ANCHOR_END: leak_loop_auto

// ANCHOR: get_count
/// How `gc.get_count()` moves.
fn get_count(heap: &mut GenHeap) -> Result<()> {
    let c = class(heap, "C")?;
    gc::disable(heap);
    gc::collect(heap, 2)?;
    println!("after gc.collect():        {:?}", gc::get_count(heap));
    let keep = heap.new_list(&[])?;
    for _ in 0..5 {
        let obj = heap.new_instance(c)?;
        heap.list_append(keep, obj)?; // keep.append(C())
        heap.decref(obj)?;
    }
    println!("a list and 5 instances:    {:?}", gc::get_count(heap));
    let last = heap.list_pop(keep)?; // keep.pop()
    heap.decref(last)?;
    println!("one instance freed:        {:?}", gc::get_count(heap));
    gc::collect(heap, 0)?;
    println!("after gc.collect(0):       {:?}", gc::get_count(heap));
    gc::collect(heap, 0)?;
    println!("after another collect(0):  {:?}", gc::get_count(heap));
    gc::collect(heap, 1)?;
    println!("after gc.collect(1):       {:?}", gc::get_count(heap));
    gc::collect(heap, 2)?;
    println!("after gc.collect(2):       {:?}", gc::get_count(heap));
    heap.decref(keep)
}
// ANCHOR_END: get_count

/// The generations `obj` is listed in by `gc.get_objects(generation=g)`.
fn where_is(heap: &GenHeap, obj: ObjRef) -> Vec<usize> {
    let tracker = heap.hooks().tracker();
    (0..3)
        .filter(|&g| tracker.objects(g).any(|o| o == obj))
        .collect()
}

/// A self-referencing list moving up the generations.
fn promotion(heap: &mut GenHeap) -> Result<()> {
    gc::disable(heap);
    gc::collect(heap, 2)?;
    let l = heap.new_list(&[])?;
    heap.list_append(l, l)?; // l = []; l.append(l)
    bind(heap, "l", l)?;
    println!("new:               {:?}", where_is(heap, l));
    for generation in [0, 0, 1, 2] {
        gc::collect(heap, generation)?;
        println!("after collect({generation}):  {:?}", where_is(heap, l));
    }
    Ok(())
}

/// Which objects the collector looks at: CPython 3.11's delayed tracking.
fn is_tracked(heap: &mut GenHeap) -> Result<()> {
    let c = class(heap, "C")?;
    let n = heap.new_int(2)?;
    bind(heap, "n", n)?;
    let (zero, one, a, none) = (
        heap.new_int(0)?,
        heap.new_int(1)?,
        heap.new_str("a")?,
        heap.none()?,
    );
    let empty_list = heap.new_list(&[])?;
    let dict_of = |heap: &mut GenHeap, value: ObjRef| -> Result<ObjRef> {
        let d = heap.new_dict()?;
        heap.dict_set(d, a, value)?;
        Ok(d)
    };
    let cases = [
        ("0", zero),
        ("'a'", a),
        ("None", none),
        ("()", heap.new_tuple(&[])?),
        ("(1, n)", heap.new_tuple(&[one, n])?),
        ("([],)", heap.new_tuple(&[empty_list])?),
        ("[]", empty_list),
        ("{}", heap.new_dict()?),
        ("{'a': 1}", dict_of(heap, one)?),
        ("{'a': []}", dict_of(heap, empty_list)?),
        ("C()", heap.new_instance(c)?),
        ("C", c),
    ];
    for (label, obj) in cases {
        println!("{label:<11}{}", gc::is_tracked(heap, obj)?);
    }

    let t = heap.new_tuple(&[one, n])?;
    bind(heap, "t", t)?;
    let d = dict_of(heap, empty_list)?; // d = {"a": []}
    bind(heap, "d", d)?;
    heap.dict_set(d, a, one)?; // d["a"] = 1
    let show = |heap: &GenHeap, when: &str| -> Result<()> {
        let (t, d) = (gc::is_tracked(heap, t)?, gc::is_tracked(heap, d)?);
        println!("{when:<21}t {t}  d {d}");
        Ok(())
    };
    show(heap, "before a collection:")?;
    gc::collect(heap, 0)?;
    show(heap, "after collect(0):")?;
    gc::collect(heap, 2)?;
    show(heap, "after collect():")
}

// ANCHOR: thresholds
/// With thresholds (10, 2, 2), which generation each automatic collection collects. An old
/// generation of 11,000 lists stands in for what CPython's start-up leaves there.
fn thresholds(heap: &mut GenHeap) -> Result<()> {
    let startup = heap.new_list(&[])?;
    for _ in 0..11_000 {
        let item = heap.new_list(&[])?;
        heap.list_append(startup, item)?;
        heap.decref(item)?;
    }
    bind(heap, "startup", startup)?;
    gc::collect(heap, 2)?;
    gc::set_threshold(heap, &[10, 2, 2])?;
    let log = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::clone(&log);
    // def cb(phase, info): if phase == "start": log.append(info["generation"])
    let cb = heap.new_function("cb", &[], move |heap, _, args| {
        if heap.as_str(args[0])? == "start" {
            seen.borrow_mut()
                .push(gc::info_item(heap, args[1], "generation")?);
        }
        heap.none()
    })?;
    let callbacks = gc::callbacks(heap)?;
    heap.list_append(callbacks, cb)?; // gc.callbacks.append(cb)
    let junk = heap.new_list(&[])?;
    for _ in 0..200 {
        let item = heap.new_list(&[])?;
        heap.list_append(junk, item)?; // junk.append([])
        heap.decref(item)?;
    }
    heap.list_remove(callbacks, cb)?; // gc.callbacks.remove(cb)
    heap.decref(cb)?;
    println!("{:?}", log.borrow());
    let gc_state = gc::get_count(heap);
    println!("get_count() at the end: {gc_state:?}");
    heap.decref(junk)
}
// ANCHOR_END: thresholds

// ANCHOR: young_cost
/// What one young collection examines, with an old generation of growing size.
fn young_cost(heap: &mut GenHeap) -> Result<()> {
    gc::disable(heap);
    let old = heap.new_list(&[])?;
    bind(heap, "old", old)?;
    for old_size in [0, 10_000, 100_000] {
        while heap.list_len(old)? < old_size {
            let item = heap.new_list(&[])?;
            heap.list_append(old, item)?;
            heap.decref(item)?;
        }
        gc::collect(heap, 2)?; // everything so far is old now
        let young: Vec<ObjRef> = (0..500)
            .map(|_| heap.new_list(&[]))
            .collect::<Result<_>>()?;
        let young_stats = generations::collect_with_callback(heap, 0);
        let full_stats = generations::collect_with_callback(heap, 2);
        println!(
            "old generation {:>6} objects: collect(0) examines {:>3}, collect(2) examines {:>6}",
            old_size, young_stats.scanned, full_stats.scanned
        );
        for list in young {
            heap.decref(list)?;
        }
    }
    Ok(())
}
// ANCHOR_END: young_cost

/// `gc.freeze()` hides objects from every collection until `gc.unfreeze()`.
fn freeze(heap: &mut GenHeap) -> Result<()> {
    gc::disable(heap);
    gc::collect(heap, 2)?;
    println!("frozen at start: {}", gc::get_freeze_count(heap));
    let l = heap.new_list(&[])?;
    heap.list_append(l, l)?;
    bind(heap, "l", l)?;
    gc::freeze(heap);
    let tracked = heap.hooks().tracker().len();
    println!(
        "after freeze(): count {:?}  frozen >= tracked: {}",
        gc::get_count(heap),
        gc::get_freeze_count(heap) >= tracked
    );
    heap.del_global("l")?; // del l
    println!("collect() with the cycle frozen: {}", gc::collect(heap, 2)?);
    gc::unfreeze(heap);
    println!("after unfreeze(): frozen {}", gc::get_freeze_count(heap));
    println!("collect(): {}", gc::collect(heap, 2)?);
    Ok(())
}

/// `gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)`. The elapsed time is the one part
/// that changes from run to run: the book's copy shows it as N.NNNN.
fn debug_stats(heap: &mut GenHeap) -> Result<()> {
    gc::disable(heap);
    let keep = heap.new_list(&[])?;
    bind(heap, "keep", keep)?;
    gc::collect(heap, 2)?;
    let l = heap.new_list(&[])?;
    heap.list_append(l, l)?; // l = []; l.append(l); del l
    heap.decref(l)?;
    gc::set_debug_sink(
        heap,
        Box::new(|line| match line.rsplit_once(", ") {
            Some((head, tail)) if tail.ends_with("s elapsed") => {
                println!("{head}, N.NNNNs elapsed")
            }
            _ => println!("{line}"),
        }),
    );
    gc::set_debug(heap, DEBUG_STATS | DEBUG_COLLECTABLE);
    gc::collect(heap, 2)?;
    gc::set_debug(heap, 0);
    Ok(())
}

// ANCHOR: long_running
/// A long-running program, the shape of a server: every request builds a few containers;
/// every other request leaves a cycle behind, and one in fifty is kept in a cache that only
/// grows. Thresholds (50, 10, 10) instead of (700, 10, 10), so that a run short enough to
/// plot shows all three generations at work; nobody calls `gc.collect()`.
fn long_running(heap: &mut GenHeap) -> Result<()> {
    gc::set_threshold(heap, &[50, 10, 10])?;
    let request = class(heap, "Request")?;
    let cache = heap.new_list(&[])?;
    bind(heap, "cache", cache)?;
    let key = heap.intern("body")?;
    for i in 0..6_000 {
        let req = heap.new_instance(request)?; // req = Request()
        let headers = heap.new_dict()?;
        let body = heap.new_list(&[])?;
        heap.dict_set(headers, key, body)?; // req.headers = {"body": []}
        heap.set_attr(req, "headers", headers)?;
        heap.decref(headers)?;
        heap.decref(body)?;
        if i % 2 == 0 {
            heap.set_attr(req, "me", req)?; // a cycle: only the collector frees it
        }
        if i % 50 == 0 {
            heap.list_append(cache, req)?; // long-lived
        }
        heap.decref(req)?; // the request is over
    }
    let stats = gc::get_stats(heap);
    let collections: Vec<u64> = stats.iter().map(|s| s.collections).collect();
    let collected: Vec<u64> = stats.iter().map(|s| s.collected).collect();
    println!("collections per generation: {collections:?}");
    println!("objects they found:         {collected:?}");
    println!("cache: {} requests", heap.list_len(cache)?);
    heap.decref(key)
}
// ANCHOR_END: long_running
