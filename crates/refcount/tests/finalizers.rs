//! `__del__` on the reference-counting path: when it runs, resurrection, once only, errors.

use std::cell::RefCell;
use std::rc::Rc;

use refcount::{Error, Heap, ObjRef, Result};

/// A class whose `__del__` appends the instance's `n` attribute to a shared log.
fn logging_class(heap: &mut Heap, log: &Rc<RefCell<Vec<i64>>>) -> Result<ObjRef> {
    let log = Rc::clone(log);
    heap.new_class_with_del("A", move |heap, this| {
        let n = heap.get_attr(this, "n")?;
        log.borrow_mut().push(heap.as_int(n)?);
        Ok(())
    })
}

fn instance_with_n(heap: &mut Heap, class: ObjRef, n: i64) -> Result<ObjRef> {
    let obj = heap.new_instance(class)?;
    let value = heap.new_int(n)?;
    heap.set_attr(obj, "n", value)?;
    heap.decref(value)?;
    Ok(obj)
}

#[test]
fn del_runs_at_the_last_decref_and_not_before() -> Result<()> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut heap = Heap::new();
    let class = logging_class(&mut heap, &log)?;
    let obj = instance_with_n(&mut heap, class, 7)?;
    heap.set_global("a", obj)?;
    heap.set_global("b", obj)?;
    heap.decref(obj)?;
    heap.del_global("a")?;
    assert!(log.borrow().is_empty(), "b still refers to it");
    heap.del_global("b")?;
    assert_eq!(*log.borrow(), [7]);
    assert!(!heap.is_alive(obj));
    heap.check_invariants()
}

#[test]
fn containers_drop_their_items_in_cpythons_order() -> Result<()> {
    // CPython 3.11 (reference/cpython-gc.md B06): list and tuple items last to first,
    // dict entries and instance attributes first to last.
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut heap = Heap::new();
    let class = logging_class(&mut heap, &log)?;
    let holder_class = heap.new_class("H")?;
    let names = ["a", "b", "c"];
    for (container, expected) in [
        ("list", [3, 2, 1]),
        ("tuple", [3, 2, 1]),
        ("dict", [1, 2, 3]),
        ("instance", [1, 2, 3]),
    ] {
        log.borrow_mut().clear();
        let items: Vec<ObjRef> = (1..=3)
            .map(|n| instance_with_n(&mut heap, class, n))
            .collect::<Result<_>>()?;
        let holder = match container {
            "list" => heap.new_list(&items)?,
            "tuple" => heap.new_tuple(&items)?,
            "dict" => {
                let dict = heap.new_dict()?;
                for (&item, name) in items.iter().zip(names) {
                    let key = heap.new_str(name)?;
                    heap.dict_set(dict, key, item)?;
                    heap.decref(key)?;
                }
                dict
            }
            _ => {
                let holder = heap.new_instance(holder_class)?;
                for (&item, name) in items.iter().zip(names) {
                    heap.set_attr(holder, name, item)?;
                }
                holder
            }
        };
        for item in items {
            heap.decref(item)?;
        }
        assert!(log.borrow().is_empty(), "{container} still holds its items");
        heap.decref(holder)?;
        assert_eq!(*log.borrow(), expected, "{container}");
        heap.check_invariants()?;
    }
    Ok(())
}

#[test]
fn a_finalizer_that_stores_self_resurrects_it_once() -> Result<()> {
    // B18's refcount path: `__del__` stores self in a global; the object survives; when it
    // is dropped again it is freed silently, because `__del__` runs at most once.
    let calls = Rc::new(RefCell::new(0));
    let mut heap = Heap::new();
    let counter = Rc::clone(&calls);
    let class = heap.new_class_with_del("Lazarus", move |heap, this| {
        *counter.borrow_mut() += 1;
        heap.set_global("saved", this)
    })?;
    let obj = heap.new_instance(class)?;
    heap.decref(obj)?;
    assert_eq!(*calls.borrow(), 1);
    assert!(heap.is_alive(obj), "resurrected");
    assert_eq!(heap.get_global("saved")?, obj);
    assert_eq!(heap.refcount(obj)?, 1, "held by the name `saved` only");
    heap.check_invariants()?;

    heap.del_global("saved")?;
    assert_eq!(*calls.borrow(), 1, "not finalized twice");
    assert!(!heap.is_alive(obj));
    heap.check_invariants()
}

#[test]
fn an_exception_in_del_is_reported_and_the_object_still_freed() -> Result<()> {
    let mut heap = Heap::new();
    let class =
        heap.new_class_with_del("Broken", |_, _| Err(Error::raise("ValueError", "oops")))?;
    let obj = heap.new_instance(class)?;
    let del = heap
        .class_attr(class, "__del__")?
        .expect("the class has a __del__");
    let id = heap.id(del)?;
    heap.decref(obj)?;
    assert!(!heap.is_alive(obj));
    let reported = heap.take_unraisable();
    assert_eq!(reported.len(), 1);
    assert_eq!(
        reported[0].to_string(),
        format!("Exception ignored in: <function Broken.__del__ at {id:#x}>\nValueError: oops")
    );
    heap.check_invariants()
}

#[test]
fn a_finalizer_may_free_other_objects_while_it_runs() -> Result<()> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut heap = Heap::new();
    let inner = logging_class(&mut heap, &log)?;
    let outer = heap.new_class_with_del("Outer", |heap, _| heap.del_global("victim"))?;
    let victim = instance_with_n(&mut heap, inner, 1)?;
    heap.set_global("victim", victim)?;
    heap.decref(victim)?;
    let obj = heap.new_instance(outer)?;
    heap.decref(obj)?;
    assert_eq!(*log.borrow(), [1]);
    assert!(!heap.is_alive(victim) && !heap.is_alive(obj));
    heap.check_invariants()
}
