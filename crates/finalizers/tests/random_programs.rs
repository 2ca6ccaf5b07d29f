//! Random programs over stage 4: graphs of instances and lists, some classes with a
//! `__del__` (counting, raising, or resurrecting by `global saved_i; saved_i = self`), one
//! with a legacy finalizer (`_testcapi.with_tp_del`), weak references with callbacks that log,
//! raise or drop a global, random deletions, and automatic collection at thresholds
//! (3, 2, 2), some programs in stress mode. The Python program each case mirrors is the list
//! of its [`Op`]s, one statement each.
//!
//! After every step the heap's counts, the generation lists and the weak reference lists must
//! agree with the heap, and every weak reference to a freed object must be dead. At the end
//! (names deleted, one collection, the resurrection globals deleted, the legacy cycles broken,
//! `gc.garbage` cleared, two full collections) everything the program made must be freed;
//! nothing may have been freed twice, finalized twice, or had its callback called twice.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use finalizers::{FinHeap, check_weakrefs, legacy, weakref};
use generations::{gc, set_stress};
use proptest::prelude::*;
use refcount::trace::Event;
use refcount::{Error, Kind, ObjRef, Result};

const VARS: usize = 8;

/// Each class's `__del__`: class 0 has none; `C1` counts; `C2` resurrects (once: PEP 442
/// runs `__del__` once); `C3` raises `ValueError`; `C4` has a legacy finalizer (`__tp_del__`
/// counts) and no `__del__`.
const CLASSES: usize = 5;

#[derive(Clone, Copy, Debug)]
enum Callback {
    /// `weakref.ref(v)`
    Without,
    /// `lambda r: log.append(i)`
    Log,
    /// `lambda r: 1/0`
    Raise,
    /// `lambda r: globals().pop("v{k}", None)`
    DropVar(usize),
}

#[derive(Clone, Copy, Debug)]
enum Where {
    /// `w_i = weakref.ref(...)`: bound to a global of its own.
    Global,
    /// `v{k}.wr = weakref.ref(...)`: held by an object of the graph, maybe garbage with it.
    In(usize),
    /// `weakref.ref(...)`: dropped at once (its callback never runs).
    Dropped,
}

#[derive(Clone, Copy, Debug)]
enum Op {
    /// `v{i} = C{c}()`
    New(usize, usize),
    /// `v{i} = []`
    List(usize),
    /// `v{a}.x{slot} = v{b}` (instance) or `v{a}.append(v{b})` (list)
    Link(usize, u8, usize),
    /// a weak reference to `v{i}`
    Ref(usize, Callback, Where),
    /// `del v{i}`
    Del(usize),
    /// `gc.collect(g)`
    Collect(i64),
}

fn op() -> impl Strategy<Value = Op> {
    let var = 0..VARS;
    let callback = prop_oneof![
        1 => Just(Callback::Without),
        3 => Just(Callback::Log),
        1 => Just(Callback::Raise),
        1 => (0..VARS).prop_map(Callback::DropVar),
    ];
    let place = prop_oneof![
        2 => Just(Where::Global),
        2 => (0..VARS).prop_map(Where::In),
        1 => Just(Where::Dropped),
    ];
    prop_oneof![
        4 => (var.clone(), 0..CLASSES).prop_map(|(i, c)| Op::New(i, c)),
        1 => var.clone().prop_map(Op::List),
        6 => (var.clone(), 0u8..3, var.clone()).prop_map(|(a, s, b)| Op::Link(a, s, b)),
        3 => (var.clone(), callback, place).prop_map(|(i, c, w)| Op::Ref(i, c, w)),
        3 => var.prop_map(Op::Del),
        1 => (0i64..3).prop_map(Op::Collect),
    ]
}

/// What the finalizers and callbacks saw.
#[derive(Default)]
struct Seen {
    dels: HashMap<ObjRef, usize>,
    tp_dels: HashMap<ObjRef, usize>,
    callbacks: HashMap<usize, usize>,
    saved: Vec<String>,
}

type Shared = Rc<RefCell<Seen>>;

fn classes(heap: &mut FinHeap, seen: &Shared) -> Result<Vec<ObjRef>> {
    let mut classes = vec![heap.new_class("C0")?];
    let s = Rc::clone(seen);
    classes.push(heap.new_class_with_del("C1", move |_, this| {
        *s.borrow_mut().dels.entry(this).or_default() += 1;
        Ok(())
    })?);
    let s = Rc::clone(seen);
    classes.push(heap.new_class_with_del("C2", move |heap, this| {
        let name = {
            let mut seen = s.borrow_mut();
            *seen.dels.entry(this).or_default() += 1;
            let name = format!("saved_{}", seen.saved.len());
            seen.saved.push(name.clone());
            name
        };
        heap.set_global(&name, this)
    })?);
    let s = Rc::clone(seen);
    classes.push(heap.new_class_with_del("C3", move |_, this| {
        *s.borrow_mut().dels.entry(this).or_default() += 1;
        Err(Error::raise("ValueError", "oops"))
    })?);
    let s = Rc::clone(seen);
    let tp_del = heap.new_function("C4.__tp_del__", &[], move |heap, _, args| {
        *s.borrow_mut().tp_dels.entry(args[0]).or_default() += 1;
        heap.none()
    })?;
    let legacy_class = heap.new_class_with("C4", &[("__tp_del__", tp_del)])?;
    heap.decref(tp_del)?;
    legacy::with_tp_del(heap, legacy_class)?;
    classes.push(legacy_class);
    Ok(classes)
}

fn var(i: usize) -> String {
    format!("v{i}")
}

fn callback(heap: &mut FinHeap, seen: &Shared, kind: Callback, n: usize) -> Result<Option<ObjRef>> {
    let s = Rc::clone(seen);
    let count = move || *s.borrow_mut().callbacks.entry(n).or_default() += 1;
    Ok(Some(match kind {
        Callback::Without => return Ok(None),
        Callback::Log => heap.new_function("log", &[], move |heap, _, args| {
            count();
            assert_eq!(
                heap.weakref_get(args[0])?,
                None,
                "a callback's weakref is dead"
            );
            heap.none()
        })?,
        Callback::Raise => heap.new_function("cb", &[], move |_, _, _| {
            count();
            Err(Error::raise("ZeroDivisionError", "division by zero"))
        })?,
        Callback::DropVar(k) => heap.new_function("drop", &[], move |heap, _, _| {
            count();
            let _ = heap.del_global(&var(k));
            heap.none()
        })?,
    }))
}

fn heap_ok<T>(result: Result<T>) -> std::result::Result<T, TestCaseError> {
    result.map_err(|e| TestCaseError::fail(e.to_string()))
}

fn check(heap: &FinHeap, weakrefs: &[(ObjRef, ObjRef)]) -> Result<()> {
    heap.check_invariants()?;
    cycles::check_tracking(heap)?;
    check_weakrefs(heap)?;
    for &(w, referent) in weakrefs {
        if heap.is_alive(w) && !heap.is_alive(referent) && heap.weakref_get(w)?.is_some() {
            return Err(Error::Invariant {
                message: format!("{} outlived its referent alive", heap.describe(w)),
            });
        }
    }
    Ok(())
}

/// Runs the program; returns the weak references it made, with their referents.
fn program(
    heap: &mut FinHeap,
    seen: &Shared,
    classes: &[ObjRef],
    ops: &[Op],
) -> Result<Vec<(ObjRef, ObjRef)>> {
    let mut weakrefs = Vec::new();
    for &op in ops {
        match op {
            Op::New(i, c) => {
                let obj = heap.new_instance(classes[c])?;
                heap.set_global(&var(i), obj)?;
                heap.decref(obj)?;
            }
            Op::List(i) => {
                let obj = heap.new_list(&[])?;
                heap.set_global(&var(i), obj)?;
                heap.decref(obj)?;
            }
            Op::Link(a, slot, b) => {
                let (Ok(a), Ok(b)) = (heap.get_global(&var(a)), heap.get_global(&var(b))) else {
                    continue;
                };
                match heap.kind(a)? {
                    Kind::Instance => heap.set_attr(a, &format!("x{slot}"), b)?,
                    Kind::List => heap.list_append(a, b)?,
                    _ => {}
                }
            }
            Op::Ref(i, kind, place) => {
                let Ok(obj) = heap.get_global(&var(i)) else {
                    continue;
                };
                if heap.kind(obj)? != Kind::Instance {
                    continue;
                }
                // Holding `obj` for the call: allocating the callback may collect and run
                // a callback that deletes its name.
                heap.incref(obj)?;
                let cb = callback(heap, seen, kind, weakrefs.len())?;
                let w = weakref::ref_(heap, obj, cb)?;
                if let Some(cb) = cb {
                    heap.decref(cb)?;
                }
                weakrefs.push((w, obj));
                match place {
                    Where::Global => heap.set_global(&format!("w{}", weakrefs.len()), w)?,
                    Where::In(k) => {
                        if let Ok(holder) = heap.get_global(&var(k))
                            && heap.kind(holder)? == Kind::Instance
                        {
                            heap.set_attr(holder, "wr", w)?;
                        }
                    }
                    Where::Dropped => {}
                }
                heap.decref(w)?;
                heap.decref(obj)?;
            }
            Op::Del(i) => {
                let _ = heap.del_global(&var(i));
            }
            Op::Collect(generation) => {
                gc::collect(heap, generation)?;
            }
        }
        check(heap, &weakrefs)?;
    }
    Ok(weakrefs)
}

fn run_case(ops: &[Op], stress: bool) -> std::result::Result<(), TestCaseError> {
    let mut heap = finalizers::new_heap();
    let seen = Shared::default();
    let classes = heap_ok(classes(&mut heap, &seen))?;
    heap_ok(gc::garbage(&mut heap).map(|_| ()))?;
    heap_ok(gc::set_threshold(&mut heap, &[3, 2, 2]))?;
    heap.set_error_sink(|_| {});
    let before: HashSet<ObjRef> = heap.objects().collect();
    heap.start_trace();
    set_stress(&mut heap, stress);
    let weakrefs = heap_ok(program(&mut heap, &seen, &classes, ops))?;
    set_stress(&mut heap, false);

    // del v0..v7, w*; gc.collect()
    let names: Vec<String> = (0..VARS)
        .map(var)
        .chain((0..=weakrefs.len()).map(|i| format!("w{i}")))
        .collect();
    for name in &names {
        let _ = heap.del_global(name);
    }
    heap_ok(gc::collect(&mut heap, 2))?;
    heap_ok(check(&heap, &weakrefs))?;
    // del saved_*; for x in gc.garbage: x.__dict__.clear(); gc.garbage.clear(); then two
    // full collections: only what they resurrected or found uncollectable may be left.
    heap_ok(release(&mut heap, &seen))?;
    heap_ok(check(&heap, &weakrefs))?;
    for _ in 0..2 {
        heap_ok(gc::collect(&mut heap, 2))?;
        heap_ok(check(&heap, &weakrefs))?;
    }
    let kept = heap_ok(reachable_from_saved_and_garbage(&mut heap, &seen))?;
    let left: Vec<String> = heap
        .objects()
        .filter(|o| !before.contains(o) && !kept.contains(o) && heap.kind(*o) != Ok(Kind::Str))
        .map(|o| heap.describe(o))
        .collect();
    prop_assert!(left.is_empty(), "left after two full collections: {left:?}");
    // And once those are released too (each object resurrects at most once), nothing.
    let rounds = seen.borrow().dels.len();
    for _ in 0..=rounds {
        heap_ok(release(&mut heap, &seen))?;
        heap_ok(gc::collect(&mut heap, 2))?;
        heap_ok(check(&heap, &weakrefs))?;
    }
    let left: Vec<String> = heap
        .objects()
        .filter(|o| !before.contains(o) && heap.kind(*o) != Ok(Kind::Str))
        .map(|o| heap.describe(o))
        .collect();
    prop_assert!(left.is_empty(), "left at the end: {left:?}");

    // Nothing freed twice: a Free of an id must follow its Alloc (ids are reused).
    let mut freed_since_alloc: BTreeSet<u64> = BTreeSet::new();
    for event in &heap.stop_trace().events {
        match event {
            Event::Alloc { id, .. } => {
                freed_since_alloc.remove(id);
            }
            Event::Free { id, .. } => {
                prop_assert!(freed_since_alloc.insert(*id), "{id:#x} freed twice");
            }
            _ => {}
        }
    }
    let seen = seen.borrow();
    for (what, counts) in [("__del__", &seen.dels), ("__tp_del__", &seen.tp_dels)] {
        for (obj, n) in counts {
            prop_assert_eq!(*n, 1, "{} of {:?} ran {} times", what, obj, n);
        }
    }
    for (i, n) in &seen.callbacks {
        prop_assert!(*n <= 1, "callback {i} called {n} times");
    }
    Ok(())
}

/// Deletes every resurrection global (deleting one may free an object whose `__del__`
/// resurrects another: until none is left), breaks the legacy cycles in `gc.garbage`
/// (`x.__dict__.clear()`) and clears it.
fn release(heap: &mut FinHeap, seen: &Shared) -> Result<()> {
    let mut done = 0;
    while done < seen.borrow().saved.len() {
        let name = seen.borrow().saved[done].clone();
        let _ = heap.del_global(&name);
        done += 1;
    }
    let garbage = gc::garbage(heap)?;
    while heap.list_len(garbage)? > 0 {
        let obj = heap.list_pop(garbage)?;
        heap.clear(obj)?;
        heap.decref(obj)?;
    }
    Ok(())
}

/// Everything reachable from the resurrection globals and `gc.garbage`.
fn reachable_from_saved_and_garbage(heap: &mut FinHeap, seen: &Shared) -> Result<HashSet<ObjRef>> {
    let mut pending = vec![gc::garbage(heap)?];
    for name in &seen.borrow().saved {
        if let Ok(obj) = heap.get_global(name) {
            pending.push(obj);
        }
    }
    let mut reached = HashSet::new();
    while let Some(obj) = pending.pop() {
        if reached.insert(obj) {
            pending.extend(heap.referents(obj)?);
        }
    }
    Ok(reached)
}

/// How many cases each property runs (the report's count).
const CASES: u32 = 2000;
const STRESS_CASES: u32 = 500;

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn random_programs_with_finalizers_and_weakrefs(ops in prop::collection::vec(op(), 1..80)) {
        run_case(&ops, false)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: STRESS_CASES, ..ProptestConfig::default() })]

    #[test]
    fn random_programs_with_finalizers_and_weakrefs_in_stress_mode(
        ops in prop::collection::vec(op(), 1..60),
    ) {
        run_case(&ops, true)?;
    }
}
