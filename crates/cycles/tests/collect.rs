//! What `collect` returns and does, checked against the numbers CPython 3.11.7 prints for the
//! same programs (reference/cpython-gc.md B07, B08, B16, B18, and the edge cases noted per
//! test, each run with CPython 3.11.7).

use std::cell::RefCell;
use std::rc::Rc;

use cycles::{GcHeap, Phase, Set, Snapshot, check_tracking, collect, collect_observed, is_tracked};
use refcount::trace::Event;
use refcount::{Error, ObjRef, Result};

/// Checks the heap's counts and the tracked set.
fn check(heap: &GcHeap) -> Result<()> {
    heap.check_invariants()?;
    check_tracking(heap)
}

/// `class Name: ...` at module level: the class is bound to a global, as in Python, so it is
/// reachable from outside and never part of the garbage.
fn class(heap: &mut GcHeap, name: &str) -> Result<ObjRef> {
    let class = heap.new_class(name)?;
    heap.set_global(name, class)?;
    heap.decref(class)?;
    Ok(class)
}

/// A class whose `__del__` logs the object's `name` attribute; when `resurrect` is set it
/// also does `global saved; saved = self`.
fn logging_class(
    heap: &mut GcHeap,
    name: &str,
    log: &Rc<RefCell<Vec<String>>>,
    resurrect: bool,
) -> Result<ObjRef> {
    let log = Rc::clone(log);
    let class = heap.new_class_with_del(name, move |heap, this| {
        let name = heap.get_attr(this, "name")?;
        log.borrow_mut().push(heap.as_str(name)?.to_string());
        if resurrect {
            heap.set_global("saved", this)?;
        }
        Ok(())
    })?;
    heap.set_global(name, class)?;
    heap.decref(class)?;
    Ok(class)
}

fn instance_named(heap: &mut GcHeap, class: ObjRef, name: &str) -> Result<ObjRef> {
    let obj = heap.new_instance(class)?;
    let value = heap.new_str(name)?;
    heap.set_attr(obj, "name", value)?;
    heap.decref(value)?;
    Ok(obj)
}

#[test]
fn only_containers_are_tracked() -> Result<()> {
    let mut heap = cycles::new_heap();
    let int = heap.new_int(1000)?;
    let small = heap.new_int(10)?;
    let s = heap.new_str("text")?;
    let none = heap.none()?;
    let t = heap.new_bool(true)?;
    for atom in [int, small, s, none, t] {
        assert!(!is_tracked(&heap, atom), "{}", heap.describe(atom));
    }
    let node = class(&mut heap, "Node")?;
    let tuple = heap.new_tuple(&[int])?;
    let list = heap.new_list(&[])?;
    let dict = heap.new_dict()?;
    let obj = heap.new_instance(node)?;
    for container in [node, tuple, list, dict, obj, heap.globals()] {
        assert!(is_tracked(&heap, container), "{}", heap.describe(container));
    }
    check(&heap)?;
    for r in [int, small, s, none, t, tuple, list, dict, obj] {
        heap.decref(r)?;
    }
    assert!(!is_tracked(&heap, list), "untracked when freed");
    let reused = heap.new_int(5000)?;
    assert!(!is_tracked(&heap, reused), "a reused slot starts untracked");
    heap.decref(reused)?;
    assert_eq!(heap.hooks().len(), 2, "the module namespace and the class");
    check(&heap)
}

#[test]
fn the_tracked_set_stays_dense_through_frees() -> Result<()> {
    let mut heap = cycles::new_heap();
    let lists: Vec<ObjRef> = (0..100)
        .map(|_| heap.new_list(&[]))
        .collect::<Result<_>>()?;
    for (i, &list) in lists.iter().enumerate() {
        if i % 3 != 1 {
            heap.decref(list)?;
        }
        check(&heap)?;
    }
    assert_eq!(heap.hooks().len(), 1 + 33);
    Ok(())
}

#[test]
fn self_referencing_containers_b07() -> Result<()> {
    // l = []; l.append(l); del l -> 1
    let mut heap = cycles::new_heap();
    let list = heap.new_list(&[])?;
    heap.list_append(list, list)?;
    assert_eq!(
        heap.getrefcount(list)?,
        3,
        "name + self-reference + argument"
    );
    heap.decref(list)?;
    assert!(heap.is_alive(list), "reference counting alone leaks it");
    assert_eq!(collect(&mut heap), 1);
    assert!(!heap.is_alive(list));
    check(&heap)?;

    // d = {}; d["self"] = d; del d -> 1
    let dict = heap.new_dict()?;
    let key = heap.new_str("self")?;
    heap.dict_set(dict, key, dict)?;
    heap.decref(key)?;
    heap.decref(dict)?;
    assert_eq!(collect(&mut heap), 1);
    assert!(!heap.is_alive(dict));

    // l = []; t = (l,); l.append(t); del l, t -> 2
    let list = heap.new_list(&[])?;
    let tuple = heap.new_tuple(&[list])?;
    heap.list_append(list, tuple)?;
    heap.decref(list)?;
    heap.decref(tuple)?;
    assert_eq!(collect(&mut heap), 2);
    assert!(!heap.is_alive(list) && !heap.is_alive(tuple));
    assert_eq!(collect(&mut heap), 0);
    check(&heap)
}

#[test]
fn a_two_node_cycle_of_instances_b08() -> Result<()> {
    let mut heap = cycles::new_heap();
    let node = class(&mut heap, "Node")?;
    for (materialise_dicts, expected) in [(false, 2), (true, 4)] {
        let a = heap.new_instance(node)?;
        let b = heap.new_instance(node)?;
        heap.set_attr(a, "other", b)?;
        heap.set_attr(b, "other", a)?;
        if materialise_dicts {
            heap.instance_dict(a)?; // a.__dict__: a real dict object now exists
            heap.instance_dict(b)?;
        }
        heap.decref(a)?;
        heap.decref(b)?;
        assert!(heap.is_alive(a) && heap.is_alive(b));
        assert_eq!(collect(&mut heap), expected, "dicts: {materialise_dicts}");
        assert!(!heap.is_alive(a) && !heap.is_alive(b));
        check(&heap)?;
    }
    assert_eq!(collect(&mut heap), 0, "nothing left");
    assert!(heap.is_alive(node), "the class is bound to a global");
    Ok(())
}

#[test]
fn an_unbound_class_is_garbage_with_its_instances() -> Result<()> {
    // Our classes hold no cycle of their own (CPython's do, through __mro__ and descriptors),
    // so a class that only its garbage instances refer to is collected with them: 2 + 1.
    let mut heap = cycles::new_heap();
    let node = heap.new_class("Node")?;
    let a = heap.new_instance(node)?;
    let b = heap.new_instance(node)?;
    heap.set_attr(a, "other", b)?;
    heap.set_attr(b, "other", a)?;
    for r in [a, b, node] {
        heap.decref(r)?;
    }
    assert_eq!(collect(&mut heap), 3);
    assert!(!heap.is_alive(node));
    check(&heap)
}

#[test]
fn del_on_a_cycle_runs_once_then_the_cycle_is_freed_b16() -> Result<()> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut heap = cycles::new_heap();
    let a_class = logging_class(&mut heap, "A", &log, false)?;
    let a = instance_named(&mut heap, a_class, "a")?;
    let b = instance_named(&mut heap, a_class, "b")?;
    heap.set_attr(a, "peer", b)?;
    heap.set_attr(b, "peer", a)?;
    heap.decref(a)?;
    heap.decref(b)?;
    assert!(heap.is_alive(a), "after del, alive: True");
    let stats = collect_observed(&mut heap, |_, _| {});
    assert_eq!(stats.collected, 2);
    assert_eq!((stats.finalized, stats.resurrected), (2, 0));
    assert_eq!(
        *log.borrow(),
        ["a", "b"],
        "in the unreachable list's order, as 3.11 prints"
    );
    assert!(!heap.is_alive(a) && !heap.is_alive(b));
    assert_eq!(collect(&mut heap), 0);
    assert_eq!(log.borrow().len(), 2, "calls: 2");
    check(&heap)
}

#[test]
fn resurrection_is_not_counted_and_del_never_runs_twice_b18() -> Result<()> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut heap = cycles::new_heap();
    let none = heap.none()?;
    heap.set_global("saved", none)?;
    heap.decref(none)?;
    let lazarus = logging_class(&mut heap, "Lazarus", &log, true)?;
    let x = instance_named(&mut heap, lazarus, "x")?;
    heap.set_attr(x, "me", x)?; // a self-cycle
    heap.decref(x)?;

    let mut snapshots = Vec::new();
    let stats = collect_observed(&mut heap, |_, view| {
        if view.phase() == Phase::Final {
            snapshots.push(view.snapshot());
        }
    });
    assert_eq!(stats.collected, 0, "collect #1 -> 0");
    assert_eq!((stats.unreachable, stats.resurrected), (1, 1));
    assert_eq!(log.borrow().len(), 1, "dels: 1");
    assert!(heap.is_alive(x), "alive: True");
    assert_eq!(heap.get_global("saved")?, x);
    assert!(heap.is_finalized(x)?, "is_finalized: True");
    assert_eq!(snapshots[0].entry(x).map(|e| e.set), Some(Set::Resurrected));
    check(&heap)?;

    let none = heap.none()?;
    heap.set_global("saved", none)?; // saved = None: garbage again
    heap.decref(none)?;
    assert!(heap.is_alive(x), "still in its self-cycle");
    assert_eq!(collect(&mut heap), 1, "collect #2 -> 1");
    assert_eq!(log.borrow().len(), 1, "dels: 1 -- not called again");
    assert!(!heap.is_alive(x));
    check(&heap)
}

#[test]
fn resurrection_keeps_what_the_object_refers_to() -> Result<()> {
    // test_gc's test_resurrection_is_transitive: the cargo keeps its identity. The resurrected
    // object and its cargo are not counted; a plain cycle collected alongside is.
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut heap = cycles::new_heap();
    let lazarus = logging_class(&mut heap, "Lazarus", &log, true)?;
    let x = instance_named(&mut heap, lazarus, "x")?;
    let cargo = heap.new_list(&[x])?; // x.cargo = [x]: a cycle through a list
    heap.set_attr(x, "cargo", cargo)?;
    let other = heap.new_list(&[])?;
    heap.list_append(other, other)?;
    for r in [x, cargo, other] {
        heap.decref(r)?;
    }
    let stats = collect_observed(&mut heap, |_, _| {});
    assert_eq!(
        (stats.unreachable, stats.resurrected, stats.collected),
        (3, 2, 1)
    );
    assert!(heap.is_alive(x) && heap.is_alive(cargo) && !heap.is_alive(other));
    assert_eq!(heap.get_attr(x, "cargo")?, cargo);
    check(&heap)
}

#[test]
fn a_finalizer_that_breaks_its_cycle_leaves_nothing_to_count() -> Result<()> {
    // CPython 3.11.7: `def __del__(self): self.peer = None` on a two-node cycle prints
    // "del a", "del b" and collect() -> 0: both die by reference counting while the
    // finalizers run, so nothing is left for delete_garbage.
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut heap = cycles::new_heap();
    let logged = Rc::clone(&log);
    let a_class = heap.new_class_with_del("A", move |heap, this| {
        let name = heap.get_attr(this, "name")?;
        logged.borrow_mut().push(heap.as_str(name)?.to_string());
        let none = heap.none()?;
        heap.set_attr(this, "peer", none)?;
        heap.decref(none)
    })?;
    heap.set_global("A", a_class)?;
    heap.decref(a_class)?;
    let a = instance_named(&mut heap, a_class, "a")?;
    let b = instance_named(&mut heap, a_class, "b")?;
    heap.set_attr(a, "peer", b)?;
    heap.set_attr(b, "peer", a)?;
    heap.decref(a)?;
    heap.decref(b)?;
    let mut final_sets = Vec::new();
    let stats = collect_observed(&mut heap, |_, view| {
        if view.phase() == Phase::Final {
            final_sets = [a, b].map(|r| view.entry(r).map(|e| e.set)).to_vec();
        }
    });
    assert_eq!(*log.borrow(), ["a", "b"]);
    assert_eq!((stats.unreachable, stats.collected), (2, 0));
    assert_eq!(final_sets, [Some(Set::Freed), Some(Set::Freed)]);
    assert!(!heap.is_alive(a) && !heap.is_alive(b));
    check(&heap)
}

#[test]
fn a_collection_started_by_a_finalizer_does_nothing() -> Result<()> {
    // CPython 3.11.7: gc.collect() inside __del__ during a collection -> 0; outer -> 1.
    let inner = Rc::new(RefCell::new(Vec::new()));
    let mut heap = cycles::new_heap();
    let seen = Rc::clone(&inner);
    let r_class = heap.new_class_with_del("R", move |heap, _| {
        assert!(heap.hooks().is_collecting());
        seen.borrow_mut().push(collect(heap));
        Ok(())
    })?;
    heap.set_global("R", r_class)?;
    heap.decref(r_class)?;
    let x = heap.new_instance(r_class)?;
    heap.set_attr(x, "me", x)?;
    heap.decref(x)?;
    assert_eq!(collect(&mut heap), 1);
    assert_eq!(*inner.borrow(), [0]);
    assert!(!heap.hooks().is_collecting());
    check(&heap)
}

#[test]
fn an_exception_in_del_is_reported_and_the_cycle_still_collected() -> Result<()> {
    let mut heap = cycles::new_heap();
    let broken = heap.new_class_with_del("E", |_, _| Err(Error::raise("ValueError", "oops")))?;
    heap.set_global("E", broken)?;
    heap.decref(broken)?;
    let e = heap.new_instance(broken)?;
    heap.set_attr(e, "me", e)?;
    let id = heap.id(heap.class_attr(broken, "__del__")?.expect("a __del__"))?;
    heap.decref(e)?;
    assert_eq!(collect(&mut heap), 1, "error -> 1");
    let reported = heap.take_unraisable();
    assert_eq!(reported.len(), 1);
    assert_eq!(
        reported[0].to_string(),
        format!("Exception ignored in: <function E.__del__ at {id:#x}>\nValueError: oops")
    );
    check(&heap)
}

#[test]
fn a_new_object_that_refers_back_resurrects_its_creator() -> Result<()> {
    // CPython 3.11.7: `def __del__(self): self.x = [self]` on a self-cycle: collect() -> 0
    // (the new list, outside the examined set, refers to the object), then -> 2.
    let mut heap = cycles::new_heap();
    let n_class = heap.new_class_with_del("N", |heap, this| {
        let list = heap.new_list(&[this])?;
        heap.set_attr(this, "x", list)?;
        heap.decref(list)
    })?;
    heap.set_global("N", n_class)?;
    heap.decref(n_class)?;
    let n = heap.new_instance(n_class)?;
    heap.set_attr(n, "me", n)?;
    heap.decref(n)?;
    assert_eq!(collect(&mut heap), 0);
    assert!(heap.is_alive(n));
    check(&heap)?;
    assert_eq!(collect(&mut heap), 2, "the instance and the list");
    assert!(!heap.is_alive(n));
    check(&heap)
}

#[test]
fn an_object_being_finalized_by_refcounting_is_reachable() -> Result<()> {
    // `__del__` on the reference-counting path runs with the deallocator's reference; a
    // collection started from inside it must not treat the dying object as garbage.
    let result = Rc::new(RefCell::new(None));
    let mut heap = cycles::new_heap();
    let seen = Rc::clone(&result);
    let d_class = heap.new_class_with_del("D", move |heap, this| {
        let stats = collect_observed(heap, |_, _| {});
        *seen.borrow_mut() = Some((stats.collected, heap.is_alive(this)));
        heap.check_invariants()
    })?;
    let d = heap.new_instance(d_class)?;
    heap.decref(d_class)?;
    heap.decref(d)?;
    assert_eq!(*result.borrow(), Some((0, true)));
    assert!(heap.take_unraisable().is_empty());
    assert!(!heap.is_alive(d));
    check(&heap)
}

/// The example of CPython's InternalDocs/garbage_collector.md: link_1 → link_2 → link_3 →
/// link_1, with `A = link_1` held from outside, and link_4 in a self-cycle with nothing
/// else. In 3.11 `gc.collect()` returns 1 (the docs' 2 counts a `__dict__` that 3.11 does not
/// create).
#[test]
fn the_phases_of_the_internal_docs_example() -> Result<()> {
    let mut heap = cycles::new_heap();
    let link = class(&mut heap, "Link")?;
    let link_3 = heap.new_instance(link)?;
    let link_2 = heap.new_instance(link)?;
    heap.set_attr(link_2, "next_link", link_3)?;
    let link_1 = heap.new_instance(link)?;
    heap.set_attr(link_1, "next_link", link_2)?;
    heap.set_attr(link_3, "next_link", link_1)?;
    // A = link_1: our handle stays, a reference from outside the heap. (Bound to a global, it
    // would be held by the module namespace, itself a tracked dict: link_1's gc_refs would
    // then drop to 0 and the namespace, held by the runtime, would be the one with 1.)
    let a = link_1;
    let link_4 = heap.new_instance(link)?;
    heap.set_attr(link_4, "next_link", link_4)?;
    for r in [link_2, link_3, link_4] {
        heap.decref(r)?;
    }

    let mut snapshots: Vec<Snapshot> = Vec::new();
    let collected = collect_observed(&mut heap, |_, view| snapshots.push(view.snapshot()));
    assert_eq!(collected.collected, 1);
    assert!(!heap.is_alive(link_4));
    let links = [link_1, link_2, link_3, link_4];
    let state = |s: &Snapshot| links.map(|l| s.entry(l).map(|e| (e.gc_refs, e.set)).unwrap());
    let phase = |p: Phase| snapshots.iter().find(|s| s.phase == p).unwrap();
    use Set::*;
    assert_eq!(
        state(phase(Phase::UpdateRefs)),
        [
            (2, Unexamined),
            (1, Unexamined),
            (1, Unexamined),
            (1, Unexamined)
        ],
        "refcounts: link_1 is held by A and by link_3"
    );
    assert_eq!(
        state(phase(Phase::SubtractRefs)),
        [
            (1, Unexamined),
            (0, Unexamined),
            (0, Unexamined),
            (0, Unexamined)
        ],
        "only A's reference comes from outside the examined set"
    );
    // Tracked in allocation order (namespace, class, link_3, link_2, link_1, link_4): the
    // walk meets link_3 and link_2 before link_1 and puts them aside tentatively...
    let after_link_1 = phase(Phase::Examined(link_1));
    assert_eq!(
        state(after_link_1),
        [
            (1, Reachable),
            (1, Unexamined),
            (0, TentativelyUnreachable),
            (0, Unexamined)
        ],
        "link_1 is reachable, and moved link_2 back"
    );
    assert_eq!(
        state(phase(Phase::MoveUnreachable)),
        [
            (1, Reachable),
            (1, Reachable),
            (1, Reachable),
            (0, Unreachable)
        ]
    );
    let order: Vec<ObjRef> = snapshots
        .iter()
        .filter_map(|s| match s.phase {
            Phase::Examined(obj) if links.contains(&obj) => Some(obj),
            _ => None,
        })
        .collect();
    assert_eq!(
        order,
        [link_3, link_2, link_1, link_4, link_2, link_3],
        "moved-back objects are examined again at the end"
    );
    assert_eq!(
        state(phase(Phase::Final))[3],
        (0, Unreachable),
        "what delete_garbage clears"
    );
    assert_eq!(collected.scanned, 6, "namespace, class and the four links");
    check(&heap)?;
    heap.decref(a)?; // del A: now the three links are a garbage cycle
    assert_eq!(collect(&mut heap), 3);
    check(&heap)
}

#[test]
fn a_trace_records_the_collection() -> Result<()> {
    let mut heap = cycles::new_heap();
    let list = heap.new_list(&[])?;
    heap.list_append(list, list)?;
    heap.decref(list)?;
    heap.start_trace();
    assert_eq!(collect(&mut heap), 1);
    let events = heap.stop_trace().events;
    let stage = |name: &str| {
        events.iter().find_map(|e| match e {
            Event::Stage { name: n, values } if n == name => Some(values.clone()),
            _ => None,
        })
    };
    assert_eq!(stage("gc_start").unwrap()["scanned"], 2);
    let done = stage("gc_collect").unwrap();
    assert_eq!((done["scanned"], done["collected"]), (2, 1));
    assert!(matches!(events.first(), Some(Event::Stage { .. })));
    assert!(matches!(events.last(), Some(Event::Stage { .. })));
    assert!(
        events.iter().any(|e| matches!(e, Event::Free { .. })),
        "reference counting frees the list, inside the collection"
    );
    Ok(())
}
