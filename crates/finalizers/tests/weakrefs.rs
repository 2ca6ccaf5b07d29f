//! Weak references, their callbacks and legacy finalizers, on both paths, against what
//! CPython 3.11 does with the program in each test's comment (run with python3 3.11.7).

use std::cell::RefCell;
use std::rc::Rc;

use finalizers::{FinHeap, check_weakrefs, legacy, weakref};
use generations::gc;
use refcount::{Error, ObjRef, Result};

type Log = Rc<RefCell<Vec<String>>>;

fn check(heap: &FinHeap) -> Result<()> {
    heap.check_invariants()?;
    cycles::check_tracking(heap)?;
    check_weakrefs(heap)
}

/// A function that logs `message` when called, and what the weak reference it gets says.
fn logger(heap: &mut FinHeap, log: &Log, message: &str) -> Result<ObjRef> {
    let (log, message) = (Rc::clone(log), message.to_string());
    heap.new_function("<lambda>", &[], move |heap, _, args| {
        let dead = heap.weakref_get(args[0])?.is_none();
        log.borrow_mut().push(format!("{message} (dead: {dead})"));
        heap.none()
    })
}

/// `class C: def __del__(self): log(f"__del__ sees r() alive: {r() is not None}")`
fn class_with_del(heap: &mut FinHeap, log: &Log) -> Result<ObjRef> {
    let log = Rc::clone(log);
    heap.new_class_with_del("C", move |heap, _| {
        let r = heap.get_global("r")?;
        let alive = heap.weakref_get(r)?.is_some();
        log.borrow_mut()
            .push(format!("__del__ sees r() alive: {alive}"));
        Ok(())
    })
}

#[test]
fn the_basic_reference_is_shared_and_callbacks_are_listed_newest_first() -> Result<()> {
    // c = C(); r1 = ref(c, cb1); r2 = ref(c, cb2); r0 = ref(c)
    // ref(c) is r0 → True; getweakrefcount(c) → 3; getweakrefs(c) → [r0, r2, r1]
    let mut heap = finalizers::new_heap();
    let log = Log::default();
    let class = heap.new_class("C")?;
    let c = heap.new_instance(class)?;
    let (cb1, cb2) = (
        logger(&mut heap, &log, "cb1")?,
        logger(&mut heap, &log, "cb2")?,
    );
    let r1 = weakref::ref_(&mut heap, c, Some(cb1))?;
    let r2 = weakref::ref_(&mut heap, c, Some(cb2))?;
    let r0 = weakref::ref_(&mut heap, c, None)?;
    let again = weakref::ref_(&mut heap, c, None)?;
    assert_eq!(again, r0, "weakref.ref(c) is r0");
    heap.decref(again)?;
    assert_eq!(weakref::getweakrefcount(&heap, c)?, 3);
    let refs = weakref::getweakrefs(&mut heap, c)?;
    assert_eq!(heap.get(refs)?.kind(), refcount::Kind::List);
    let listed: Vec<ObjRef> = (0..3)
        .map(|i| heap.list_get(refs, i))
        .collect::<Result<_>>()?;
    assert_eq!(listed, [r0, r2, r1]);
    heap.decref(refs)?;
    check(&heap)?;
    heap.decref(c)?; // del c: cb2, then cb1
    assert_eq!(*log.borrow(), ["cb2 (dead: true)", "cb1 (dead: true)"]);
    for r in [r0, r1, r2, cb1, cb2] {
        heap.decref(r)?;
    }
    check(&heap)
}

#[test]
fn on_the_refcount_path_del_runs_first_then_the_callbacks_then_tp_del() -> Result<()> {
    // @with_tp_del class Both: __del__ → print; __tp_del__ → print
    // o = Both(); r = ref(o, cb); del o   →   __del__, callback, __tp_del__
    let mut heap = finalizers::new_heap();
    let log = Log::default();
    let del_log = Rc::clone(&log);
    let del = heap.new_function("Both.__del__", &[], move |heap, _, _| {
        let alive = heap.weakref_get(heap.get_global("r")?)?.is_some();
        del_log
            .borrow_mut()
            .push(format!("__del__ (r alive: {alive})"));
        heap.none()
    })?;
    let tp_del_log = Rc::clone(&log);
    let tp_del = heap.new_function("Both.__tp_del__", &[], move |heap, _, _| {
        tp_del_log.borrow_mut().push("__tp_del__".into());
        heap.none()
    })?;
    let class = heap.new_class_with("Both", &[("__del__", del), ("__tp_del__", tp_del)])?;
    legacy::with_tp_del(&mut heap, class)?;
    let o = heap.new_instance(class)?;
    let callback = logger(&mut heap, &log, "callback")?;
    let r = weakref::ref_(&mut heap, o, Some(callback))?;
    heap.set_global("r", r)?;
    heap.decref(o)?;
    assert!(!heap.is_alive(o));
    assert_eq!(
        *log.borrow(),
        [
            "__del__ (r alive: true)",
            "callback (dead: true)",
            "__tp_del__"
        ]
    );
    assert_eq!(heap.referents(r)?, [], "the deallocator took the callback");
    for x in [r, callback, del, tp_del, class] {
        heap.decref(x)?;
    }
    check(&heap)
}

#[test]
fn on_the_collector_path_the_callbacks_run_before_any_del() -> Result<()> {
    // a = C(); b = C(); a.b = b; b.a = a; r = ref(a, cba); rb = ref(b, cbb); del a, b
    // gc.collect() → cba, cbb, then __del__ sees r() dead; returns 2
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let log = Log::default();
    let class = class_with_del(&mut heap, &log)?;
    let a = heap.new_instance(class)?;
    let b = heap.new_instance(class)?;
    heap.set_attr(a, "b", b)?;
    heap.set_attr(b, "a", a)?;
    let (cba, cbb) = (
        logger(&mut heap, &log, "cba")?,
        logger(&mut heap, &log, "cbb")?,
    );
    let r = weakref::ref_(&mut heap, a, Some(cba))?;
    let rb = weakref::ref_(&mut heap, b, Some(cbb))?;
    heap.set_global("r", r)?;
    heap.decref(a)?;
    heap.decref(b)?;
    assert_eq!(gc::collect(&mut heap, 2)?, 2);
    assert_eq!(
        log.borrow()[..],
        [
            "cba (dead: true)",
            "cbb (dead: true)",
            "__del__ sees r() alive: false",
            "__del__ sees r() alive: false"
        ]
    );
    assert_eq!(
        heap.referents(r)?,
        [cba],
        "the collector leaves the callback"
    );
    for x in [r, rb, cba, cbb, class] {
        heap.decref(x)?;
    }
    check(&heap)
}

#[test]
fn a_weak_reference_that_is_garbage_itself_gets_no_callback() -> Result<()> {
    // a = C(); a.self = a; a.r = ref(a, lambda r: print("never")); del a
    // gc.collect() → 3 (a, the weak reference, the lambda), nothing printed
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let log = Log::default();
    let class = heap.new_class("C")?;
    let a = heap.new_instance(class)?;
    heap.set_attr(a, "self", a)?;
    let never = logger(&mut heap, &log, "never")?;
    let r = weakref::ref_(&mut heap, a, Some(never))?;
    heap.set_attr(a, "r", r)?;
    heap.decref(r)?;
    heap.decref(never)?;
    heap.decref(a)?;
    assert_eq!(gc::collect(&mut heap, 2)?, 3);
    assert!(log.borrow().is_empty());
    assert!(!heap.is_alive(r) && !heap.is_alive(never));
    check(&heap)
}

#[test]
fn a_weak_reference_its_callback_frees_is_counted_as_collected() -> Result<()> {
    // a = C(); a.self = a; holder = [ref(a, lambda r: holder.clear())]; del a
    // gc.collect() → 2: a, and the weak reference the callback freed
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let class = heap.new_class("C")?;
    let a = heap.new_instance(class)?;
    heap.set_attr(a, "self", a)?;
    let holder = heap.new_list(&[])?;
    let clear = heap.new_function("<lambda>", &[holder], |heap, captured, _| {
        heap.clear(captured[0])?;
        heap.none()
    })?;
    let r = weakref::ref_(&mut heap, a, Some(clear))?;
    heap.list_append(holder, r)?;
    heap.decref(r)?;
    heap.decref(clear)?;
    heap.decref(a)?;
    assert_eq!(gc::collect(&mut heap, 2)?, 2);
    assert!(!heap.is_alive(r));
    heap.decref(holder)?;
    check(&heap)
}

#[test]
fn a_legacy_finalizer_makes_its_cycle_uncollectable() -> Result<()> {
    // @with_tp_del class Legacy; a = Legacy(); b = Plain(); a.b = b; b.a = a; b.c = Plain()
    // del a, b, c; gc.collect() → 3; gc.garbage → [a]; get_stats()[2]["uncollectable"] → 3
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let lines = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = Rc::clone(&lines);
    gc::set_debug_sink(
        &mut heap,
        Box::new(move |line: &str| sink.borrow_mut().push(line.into())),
    );
    gc::set_debug(&mut heap, gc::DEBUG_UNCOLLECTABLE);
    let log = Log::default();
    let tp_del_log = Rc::clone(&log);
    let tp_del = heap.new_function("Legacy.__tp_del__", &[], move |heap, _, _| {
        tp_del_log.borrow_mut().push("tp_del".into());
        heap.none()
    })?;
    let legacy_class = heap.new_class_with("Legacy", &[("__tp_del__", tp_del)])?;
    heap.decref(tp_del)?;
    legacy::with_tp_del(&mut heap, legacy_class)?;
    let plain = heap.new_class("Plain")?;
    let a = heap.new_instance(legacy_class)?;
    let b = heap.new_instance(plain)?;
    let c = heap.new_instance(plain)?;
    heap.set_attr(a, "b", b)?;
    heap.set_attr(b, "a", a)?;
    heap.set_attr(b, "c", c)?;
    for x in [a, b, c] {
        heap.decref(x)?;
    }
    assert_eq!(gc::collect(&mut heap, 2)?, 3);
    let garbage = gc::garbage(&mut heap)?;
    assert_eq!(heap.list_len(garbage)?, 1);
    assert_eq!(heap.list_get(garbage, 0)?, a);
    assert_eq!(gc::get_stats(&heap)[2].uncollectable, 3);
    assert_eq!(
        *lines.borrow(),
        [
            format!("gc: uncollectable <Legacy {:#x}>", heap.id(a)?),
            format!("gc: uncollectable <Plain {:#x}>", heap.id(b)?),
            format!("gc: uncollectable <Plain {:#x}>", heap.id(c)?),
        ]
    );
    assert!(log.borrow().is_empty(), "the collector never calls tp_del");
    check(&heap)?;
    // gc.garbage[0].b.a = None; gc.garbage.clear() → tp_del runs, all three are freed
    heap.del_attr(b, "a")?;
    heap.clear(garbage)?;
    assert_eq!(*log.borrow(), ["tp_del"]);
    assert!(![a, b, c].iter().any(|&x| heap.is_alive(x)));
    heap.decref(legacy_class)?;
    heap.decref(plain)?;
    check(&heap)
}

#[test]
fn an_exception_in_a_callback_is_reported_and_the_others_still_run() -> Result<()> {
    // def cb2(r): 1/0   →   "Exception ignored in: <function cb2 at 0x…>", then
    // "ZeroDivisionError: division by zero"; the older callback still runs
    let mut heap = finalizers::new_heap();
    let log = Log::default();
    let class = heap.new_class("C")?;
    let c = heap.new_instance(class)?;
    let cb1 = logger(&mut heap, &log, "cb1")?;
    let cb2 = heap.new_function("cb2", &[], |_, _, _| {
        Err(Error::raise("ZeroDivisionError", "division by zero"))
    })?;
    let r1 = weakref::ref_(&mut heap, c, Some(cb1))?;
    let r2 = weakref::ref_(&mut heap, c, Some(cb2))?;
    let reports = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&reports);
    heap.set_error_sink(move |report| sink.borrow_mut().push(report.to_string()));
    heap.decref(c)?;
    assert_eq!(
        *reports.borrow(),
        [format!(
            "Exception ignored in: <function cb2 at {:#x}>\nZeroDivisionError: division by zero",
            heap.id(cb2)?
        )]
    );
    assert_eq!(*log.borrow(), ["cb1 (dead: true)"]);
    assert_eq!(heap.take_unraisable().len(), 1, "kept as well");
    for x in [r1, r2, cb1, cb2] {
        heap.decref(x)?;
    }
    check(&heap)
}

#[test]
fn finalize_runs_once_at_death_or_when_called() -> Result<()> {
    // f = finalize(obj, log, "bye"); f.alive → True; del obj → "bye"; f.alive → False
    // g = finalize(obj2, log, "early"); g() → "early"; del obj2 → nothing more
    let mut heap = finalizers::new_heap();
    let log = Log::default();
    let say_log = Rc::clone(&log);
    let say = heap.new_function("say", &[], move |heap, _, args| {
        say_log.borrow_mut().push(heap.as_str(args[0])?.to_string());
        heap.none()
    })?;
    let class = heap.new_class("C")?;
    let obj = heap.new_instance(class)?;
    let bye = heap.new_str("bye")?;
    let f = weakref::finalize(&mut heap, obj, say, &[bye])?;
    assert!(weakref::finalize_alive(&mut heap, f)?);
    heap.decref(obj)?;
    assert_eq!(*log.borrow(), ["bye"]);
    assert!(!weakref::finalize_alive(&mut heap, f)?);

    let obj2 = heap.new_instance(class)?;
    let early = heap.new_str("early")?;
    let g = weakref::finalize(&mut heap, obj2, say, &[early])?;
    let result = heap.call(g, &[])?;
    heap.decref(result)?;
    heap.decref(obj2)?;
    assert_eq!(*log.borrow(), ["bye", "early"]);
    check(&heap)?;
    for x in [f, g, bye, early, say, class] {
        heap.decref(x)?;
    }
    check(&heap)
}

#[test]
fn a_resurrected_object_keeps_its_weak_references_dead() -> Result<()> {
    // class L: def __del__(self): global saved; saved = self
    // a = L(); a.self = a; r = ref(a); del a; gc.collect() → 0; r() is None; saved is alive
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let class = heap.new_class_with_del("L", |heap, this| heap.set_global("saved", this))?;
    let a = heap.new_instance(class)?;
    heap.set_attr(a, "self", a)?;
    let r = weakref::ref_(&mut heap, a, None)?;
    heap.decref(a)?;
    assert_eq!(gc::collect(&mut heap, 2)?, 0);
    assert!(heap.is_alive(a));
    assert_eq!(heap.weakref_get(r)?, None, "killed before __del__ ran");
    assert_eq!(weakref::getweakrefcount(&heap, a)?, 0);
    check(&heap)?;
    heap.decref(r)?;
    heap.decref(class)?;
    check(&heap)
}

#[test]
fn lists_and_ints_cannot_be_weakly_referenced() -> Result<()> {
    let mut heap = finalizers::new_heap();
    let list = heap.new_list(&[])?;
    let error = weakref::ref_(&mut heap, list, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "TypeError: cannot create weak reference to 'list' object"
    );
    assert!(error.is_exception());
    heap.decref(list)?;
    check(&heap)
}

#[test]
fn a_weak_value_dictionary_loses_entries_whose_values_die() -> Result<()> {
    // book/python/ch05/weak_value_dict.py: cache["logo"] = logo; del logo → keys []
    // icon in a cycle: del icon → keys ['icon']; gc.collect() → 2 (icon and its KeyedRef,
    // freed by its callback); keys []
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let image = heap.new_class("Image")?;
    let cache = weakref::weak_value_dictionary(&mut heap)?;
    let logo_key = heap.new_str("logo")?;
    let logo = heap.new_instance(image)?;
    weakref::wvd_set(&mut heap, cache, logo_key, logo)?;
    assert_eq!(weakref::wvd_keys(&heap, cache)?, [logo_key]);
    assert_eq!(weakref::wvd_get(&heap, cache, logo_key)?, Some(logo));
    heap.decref(logo)?;
    assert_eq!(weakref::wvd_keys(&heap, cache)?, []);
    let data = heap.get_attr(cache, "data")?;
    assert_eq!(heap.dict_len(data)?, 0, "the callback removed the entry");

    let icon_key = heap.new_str("icon")?;
    let icon = heap.new_instance(image)?;
    heap.set_attr(icon, "me", icon)?;
    weakref::wvd_set(&mut heap, cache, icon_key, icon)?;
    heap.decref(icon)?;
    assert_eq!(weakref::wvd_keys(&heap, cache)?, [icon_key]);
    assert_eq!(gc::collect(&mut heap, 2)?, 2);
    assert_eq!(heap.dict_len(data)?, 0);
    check(&heap)?;
    // The mapping dies first: its entries' callbacks find it gone and do nothing.
    let badge_key = heap.new_str("badge")?;
    let badge = heap.new_instance(image)?;
    weakref::wvd_set(&mut heap, cache, badge_key, badge)?;
    heap.decref(cache)?;
    heap.decref(badge)?;
    for x in [logo_key, icon_key, badge_key, image] {
        heap.decref(x)?;
    }
    check(&heap)
}
