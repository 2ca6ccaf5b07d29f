//! The checks of chapter "Finalizers and weak references": predicting the order of events on
//! both paths, and rescuing the uncollectable cycles of `gc.garbage` by hand.

use std::cell::RefCell;
use std::rc::Rc;

use finalizers::{FinHeap, legacy, weakref};
use generations::gc;
use refcount::{ObjRef, Result};

type Log = Rc<RefCell<Vec<String>>>;

/// A function that appends `line` to `log` when called: `lambda r: log.append(line)`.
fn logger(heap: &mut FinHeap, log: &Log, line: &str) -> Result<ObjRef> {
    let (log, line) = (Rc::clone(log), line.to_string());
    heap.new_function("<lambda>", &[], move |heap, _, _| {
        log.borrow_mut().push(line.clone());
        heap.none()
    })
}

/// `name = weakref.ref(obj, lambda r: log.append("callback NAME"))`, bound to a global.
fn watched(heap: &mut FinHeap, log: &Log, obj: ObjRef, name: &str) -> Result<ObjRef> {
    let callback = logger(heap, log, &format!("callback {name}"))?;
    let r = weakref::ref_(heap, obj, Some(callback))?;
    heap.decref(callback)?;
    Ok(r)
}

/// The two programs of exercise 5.1, run on fresh stage-4 heaps; each returns its log.
///
/// ```python
/// @with_tp_del
/// class Both:
///     def __del__(self): log.append("__del__ o")
///     def __tp_del__(self): log.append("__tp_del__ o")
///
/// o = Both()
/// r1 = weakref.ref(o, lambda r: log.append("callback r1"))
/// r2 = weakref.ref(o, lambda r: log.append("callback r2"))
/// r0 = weakref.ref(o)
/// del o                                   # the reference counting path
/// ```
///
/// ```python
/// class D:
///     def __init__(self, name): self.name = name
///     def __del__(self): log.append("__del__ " + self.name)
///
/// gc.disable()
/// a = D("a"); b = D("b"); a.peer = b; b.peer = a
/// ra = weakref.ref(a, lambda r: log.append("callback ra"))
/// rb1 = weakref.ref(b, lambda r: log.append("callback rb1"))
/// a.watch = weakref.ref(b, lambda r: log.append("callback a.watch"))
/// rb2 = weakref.ref(b, lambda r: log.append("callback rb2"))
/// del a, b
/// gc.collect()                            # the collector's path
/// ```
pub fn order_programs() -> Result<(Vec<String>, Vec<String>)> {
    let mut heap = finalizers::new_heap();
    let log = Log::default();
    let del = logger(&mut heap, &log, "__del__ o")?;
    let tp_del = logger(&mut heap, &log, "__tp_del__ o")?;
    let both = heap.new_class_with("Both", &[("__del__", del), ("__tp_del__", tp_del)])?;
    heap.decref(del)?;
    heap.decref(tp_del)?;
    legacy::with_tp_del(&mut heap, both)?;
    let o = heap.new_instance(both)?;
    let r1 = watched(&mut heap, &log, o, "r1")?;
    let r2 = watched(&mut heap, &log, o, "r2")?;
    let r0 = weakref::ref_(&mut heap, o, None)?;
    heap.decref(o)?;
    let refcount_log = log.take();
    for r in [r0, r1, r2, both] {
        heap.decref(r)?;
    }

    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let seen = Rc::clone(&log);
    let d = heap.new_class_with_del("D", move |heap, this| {
        let name = heap.as_str(heap.get_attr(this, "name")?)?;
        seen.borrow_mut().push(format!("__del__ {name}"));
        Ok(())
    })?;
    let mut objects = Vec::new();
    for name in ["a", "b"] {
        let obj = heap.new_instance(d)?;
        let value = heap.new_str(name)?;
        heap.set_attr(obj, "name", value)?;
        heap.decref(value)?;
        objects.push(obj);
    }
    let (a, b) = (objects[0], objects[1]);
    heap.set_attr(a, "peer", b)?;
    heap.set_attr(b, "peer", a)?;
    let ra = watched(&mut heap, &log, a, "ra")?;
    let rb1 = watched(&mut heap, &log, b, "rb1")?;
    let watch = watched(&mut heap, &log, b, "a.watch")?;
    heap.set_attr(a, "watch", watch)?;
    heap.decref(watch)?;
    let rb2 = watched(&mut heap, &log, b, "rb2")?;
    heap.decref(a)?;
    heap.decref(b)?;
    gc::collect(&mut heap, 2)?;
    let collector_log = log.take();
    for r in [ra, rb1, rb2, d] {
        heap.decref(r)?;
    }
    Ok((refcount_log, collector_log))
}

/// The first place where `yours` and `actual` differ, explained.
fn first_difference(path: &str, yours: &[&str], actual: &[String]) -> Option<String> {
    let at = (0..yours.len().max(actual.len()))
        .find(|&i| yours.get(i).copied() != actual.get(i).map(String::as_str))?;
    let position = at + 1;
    Some(match (yours.get(at), actual.get(at)) {
        (Some(y), Some(a)) => format!("{path}: event {position} is {a:?}, you predicted {y:?}"),
        (None, Some(a)) => format!(
            "{path}: you predicted {} events, but there are more; event {position} is {a:?}",
            yours.len()
        ),
        (Some(y), None) => format!(
            "{path}: the log has only {} events; you predicted a {}th, {y:?}: does everything \
             you listed really run?",
            actual.len(),
            position
        ),
        (None, None) => unreachable!("a difference exists"),
    })
}

/// Exercise 5.1: predict the log of each of [`order_programs`]'s programs, in order. Each
/// line is one of `"__del__ o"`, `"__tp_del__ o"`, `"callback NAME"` or `"__del__ a"`-like
/// lines, exactly as the program appends them.
///
/// ```
/// use pymem::exercises::finalizers::check_order;
/// let caught = std::panic::catch_unwind(|| {
///     check_order(
///         vec!["callback r1", "callback r2", "__del__ o", "__tp_del__ o"],
///         vec!["__del__ a", "__del__ b", "callback ra"],
///     )
/// });
/// assert!(caught.is_err());
/// ```
pub fn check_order(refcount_path: Vec<&str>, collector_path: Vec<&str>) {
    let (refcount_log, collector_log) = order_programs().expect("the programs run");
    if let Some(problem) = first_difference(
        "on the reference counting path (del o)",
        &refcount_path,
        &refcount_log,
    ) {
        panic!("{problem}");
    }
    if let Some(problem) = first_difference(
        "on the collector's path (gc.collect())",
        &collector_path,
        &collector_log,
    ) {
        panic!("{problem}");
    }
}

/// One heap of exercise 5.2: a ring of `Legacy` objects (which have a legacy finalizer that
/// logs its object's `id()`) and plain `Plain` objects, with more references between them and
/// to objects the program still holds (globals `keep0`, `keep1`, …), collected once so that
/// `gc.garbage` is full.
struct Scene {
    heap: FinHeap,
    /// Every object of the ring, by name, and its `id()` if it is a `Legacy`.
    objects: Vec<(String, ObjRef, Option<String>)>,
    /// The objects the program still holds, and each one's referents before the rescue.
    kept: Vec<(ObjRef, Vec<ObjRef>)>,
    tp_del_log: Log,
}

fn scene(round: u64) -> Result<Scene> {
    let mut random = super::random_below(0x2545_f491_4f6c_dd1d ^ (round + 1));
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let log = Log::default();
    let seen = Rc::clone(&log);
    let tp_del = heap.new_function("Legacy.__tp_del__", &[], move |heap, _, args| {
        seen.borrow_mut().push(format!("{:#x}", heap.id(args[0])?));
        heap.none()
    })?;
    let legacy_class = heap.new_class_with("Legacy", &[("__tp_del__", tp_del)])?;
    heap.decref(tp_del)?;
    legacy::with_tp_del(&mut heap, legacy_class)?;
    heap.set_global("Legacy", legacy_class)?;
    heap.decref(legacy_class)?;
    let plain = heap.new_class("Plain")?;
    heap.set_global("Plain", plain)?;
    heap.decref(plain)?;
    // Objects the program still holds; the ring refers to them.
    let mut kept = Vec::new();
    for k in 0..1 + random(3) {
        let obj = heap.new_instance(plain)?;
        let data = heap.new_list(&[])?;
        heap.set_attr(obj, "data", data)?;
        heap.decref(data)?;
        heap.set_global(&format!("keep{k}"), obj)?;
        heap.decref(obj)?;
        kept.push(obj);
    }
    let count = 3 + random(8) as usize;
    let mut objects = Vec::new();
    for i in 0..count {
        let is_legacy = i == 0 || random(3) == 0;
        let obj = heap.new_instance(if is_legacy { legacy_class } else { plain })?;
        let name = format!("o{i}");
        let value = heap.new_str(&name)?;
        heap.set_attr(obj, "name", value)?;
        heap.decref(value)?;
        let id = is_legacy.then(|| format!("{:#x}", heap.id(obj).unwrap_or_default()));
        objects.push((name, obj, id));
    }
    // A ring through all of them, then a few more references, some through a list.
    for i in 0..count {
        let next = objects[(i + 1) % count].1;
        heap.set_attr(objects[i].1, "next", next)?;
    }
    for k in 0..random(2 * count as u64) {
        let from = objects[random(count as u64) as usize].1;
        let to = match random(3) {
            0 => kept[random(kept.len() as u64) as usize],
            _ => objects[random(count as u64) as usize].1,
        };
        if random(2) == 0 {
            let list = heap.new_list(&[to])?;
            heap.set_attr(from, &format!("items{k}"), list)?;
            heap.decref(list)?;
        } else {
            heap.set_attr(from, &format!("a{k}"), to)?;
        }
    }
    for (_, obj, _) in &objects {
        heap.decref(*obj)?;
    }
    gc::collect(&mut heap, 2)?;
    let kept = kept
        .into_iter()
        .map(|obj| Ok((obj, heap.referents(obj)?)))
        .collect::<Result<_>>()?;
    Ok(Scene {
        heap,
        objects,
        kept,
        tp_del_log: log,
    })
}

/// Exercise 5.2: `rescue(heap)` is called after a collection has moved a cycle with legacy
/// finalizers to `gc.garbage`. It must make it collectable: afterwards `gc.garbage` is empty,
/// every object of the cycle is freed (by reference counting, or by a `gc.collect()` the
/// function runs), each `Legacy` object's `__tp_del__` has run once, and the objects the
/// program still holds (the globals `keep0`, `keep1`, …, which the cycle refers to) are
/// untouched.
///
/// ```
/// use pymem::exercises::finalizers::check_rescue;
/// let caught = std::panic::catch_unwind(|| check_rescue(|_| Ok(())));
/// assert!(caught.is_err());
/// ```
pub fn check_rescue(rescue: impl Fn(&mut FinHeap) -> Result<()>) {
    for round in 0..100 {
        let Scene {
            mut heap,
            objects,
            kept,
            tp_del_log,
        } = scene(round).expect("the scene builds");
        let garbage = gc::garbage(&mut heap).expect("gc.garbage");
        assert!(
            heap.list_len(garbage).expect("a list") > 0,
            "round {round}: the scene should fill gc.garbage"
        );
        if let Err(error) = rescue(&mut heap) {
            panic!("round {round}: your function failed: {error}");
        }
        heap.check_invariants()
            .unwrap_or_else(|e| panic!("round {round}: the heap is broken: {e}"));
        for (obj, refs) in &kept {
            assert!(
                heap.is_alive(*obj) && heap.referents(*obj).ok().as_ref() == Some(refs),
                "round {round}: an object the program still holds (a global keepN) was changed: \
                 the cycle refers to it, but it is not garbage; clear only what gc.garbage holds"
            );
        }
        let garbage = gc::garbage(&mut heap).expect("gc.garbage");
        let left = heap.list_len(garbage).expect("a list");
        assert_eq!(
            left, 0,
            "round {round}: gc.garbage still holds {left} objects"
        );
        let alive: Vec<&str> = objects
            .iter()
            .filter(|(_, obj, _)| heap.is_alive(*obj))
            .map(|(name, _, _)| name.as_str())
            .collect();
        assert!(
            alive.is_empty(),
            "round {round}: {alive:?} of the cycle are still alive: did you break every \
             reference that keeps a Legacy object in a cycle, and run a collection for the \
             cycles that have no legacy finalizer?"
        );
        let mut ran = tp_del_log.borrow().clone();
        ran.sort();
        let mut expected: Vec<String> =
            objects.iter().filter_map(|(_, _, id)| id.clone()).collect();
        expected.sort();
        assert_eq!(
            ran, expected,
            "round {round}: __tp_del__ ran for the objects {ran:?}; the Legacy objects were \
             {expected:?}"
        );
    }
}
