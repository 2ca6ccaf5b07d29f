//! Function objects, class attributes and bare weak reference objects: the stage-1 pieces
//! that user code called by the runtime is made of.

use refcount::{Error, Heap, Kind, Result};

#[test]
fn a_function_holds_what_it_captures_and_returns_a_new_reference() -> Result<()> {
    let mut heap = Heap::new();
    let list = heap.new_list(&[])?;
    // def append_to(x): list.append(x); return len(list)
    let f = heap.new_function("append_to", &[list], |heap, captured, args| {
        heap.list_append(captured[0], args[0])?;
        let len = heap.list_len(captured[0])? as i64;
        heap.new_int(len)
    })?;
    heap.decref(list)?;
    assert!(heap.is_alive(list), "the function's closure keeps it alive");
    assert_eq!(heap.referents(f)?, [list]);
    let one = heap.new_int(1)?;
    let result = heap.call(f, &[one])?;
    assert_eq!(heap.as_int(result)?, 1);
    heap.decref(result)?;
    heap.decref(one)?;
    assert_eq!(
        heap.describe(f),
        format!("<function append_to at {:#x}>", heap.id(f)?)
    );
    assert_eq!(heap.getsizeof(f)?, 152);
    heap.check_invariants()?;
    heap.decref(f)?;
    assert!(!heap.is_alive(list), "freed with the function");
    heap.check_invariants()
}

#[test]
fn calling_what_is_not_a_function_is_a_type_error() -> Result<()> {
    let mut heap = Heap::new();
    let list = heap.new_list(&[])?;
    let error = heap.call(list, &[]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "TypeError: 'list' object is not callable"
    );
    assert_eq!(error.exception_type(), Some("TypeError"));
    heap.decref(list)?;
    let stale = heap.call(list, &[]).unwrap_err();
    assert!(!stale.is_exception(), "a stale handle is misuse: {stale}");
    Ok(())
}

#[test]
fn a_function_may_drop_the_last_other_reference_to_itself_while_it_runs() -> Result<()> {
    let mut heap = Heap::new();
    let f = heap.new_function("forget_me", &[], |heap, _, _| {
        heap.del_global("f")?;
        heap.none()
    })?;
    heap.set_global("f", f)?;
    heap.decref(f)?;
    let result = heap.call(f, &[])?;
    heap.decref(result)?;
    assert!(!heap.is_alive(f), "freed when the call let go of it");
    heap.check_invariants()
}

#[test]
fn class_attributes_and_a_del_that_is_a_function() -> Result<()> {
    let mut heap = Heap::new();
    let class = heap.new_class_with_del("Node", |heap, this| {
        heap.set_global("last_words", this)?; // resurrects it
        Ok(())
    })?;
    let del = heap.class_attr(class, "__del__")?.expect("a __del__");
    assert_eq!(heap.kind(del)?, Kind::Function);
    assert_eq!(
        heap.describe(del),
        format!("<function Node.__del__ at {:#x}>", heap.id(del)?)
    );
    let limit = heap.new_int(3)?;
    heap.set_class_attr(class, "limit", limit)?;
    heap.decref(limit)?;
    assert_eq!(heap.class_attr(class, "limit")?, Some(limit));
    let error = heap.set_class_attr(class, "__del__", limit).unwrap_err();
    assert!(error.to_string().contains("fixed when the class is made"));
    let obj = heap.new_instance(class)?;
    heap.decref(obj)?;
    assert!(heap.is_alive(obj), "resurrected by its __del__");
    heap.check_invariants()?;
    heap.del_global("last_words")?;
    assert!(!heap.is_alive(obj), "finalized once: freed the second time");
    heap.decref(class)?;
    assert!(!heap.is_alive(del), "the class held its __del__");
    heap.check_invariants()
}

#[test]
fn a_bare_weak_reference_dies_with_its_object() -> Result<()> {
    let mut heap = Heap::new();
    let class = heap.new_class("C")?;
    let obj = heap.new_instance(class)?;
    let weak = heap.new_weakref(obj, None)?;
    assert_eq!(heap.refcount(obj)?, 1, "a weak reference is not counted");
    assert_eq!(heap.weakref_get(weak)?, Some(obj));
    let id = heap.id(obj)?;
    assert_eq!(
        heap.describe(weak),
        format!("<weakref at {:#x}; to 'C' at {id:#x}>", heap.id(weak)?)
    );
    heap.decref(obj)?;
    assert_eq!(heap.weakref_get(weak)?, None);
    let reused = heap.new_instance(class)?;
    assert_eq!(heap.id(reused)?, id, "the slot is reused…");
    assert_eq!(
        heap.weakref_get(weak)?,
        None,
        "…and the weak reference stays dead"
    );
    assert!(heap.describe(weak).ends_with("; dead>"));
    heap.check_invariants()
}

#[test]
fn only_some_kinds_can_be_weakly_referenced() -> Result<()> {
    let mut heap = Heap::new();
    let list = heap.new_list(&[])?;
    assert_eq!(
        heap.new_weakref(list, None),
        Err(Error::TypeError {
            message: "cannot create weak reference to 'list' object".into()
        })
    );
    let f = heap.new_function("f", &[], |heap, _, _| heap.none())?;
    let weak = heap.new_weakref(f, Some(f))?;
    assert_eq!(heap.referents(weak)?, [f], "it holds its callback");
    let callback = heap.weakref_take_callback(weak)?;
    assert_eq!(callback, Some(f));
    assert_eq!(heap.weakref_take_callback(weak)?, None, "taken once");
    heap.decref(f)?;
    heap.decref(f)?;
    assert_eq!(heap.weakref_get(weak)?, None);
    heap.check_invariants()
}

#[test]
fn list_remove_drops_the_first_equal_item_and_shrinks_like_pop() -> Result<()> {
    // CPython 3.11: removing from the front leaves the list the size popping leaves it, and
    // a missing item is "ValueError: list.remove(x): x not in list".
    let mut heap = Heap::new();
    let (a, b) = (heap.new_list(&[])?, heap.new_list(&[])?);
    let items: Vec<_> = (0..40)
        .map(|i| heap.new_int(1000 + i))
        .collect::<Result<_>>()?;
    for &item in &items {
        heap.list_append(a, item)?;
        heap.list_append(b, item)?;
    }
    for &item in &items {
        let equal = heap.new_int(heap.as_int(item)?)?; // equal, not the same object
        heap.list_remove(a, equal)?;
        heap.decref(equal)?;
        let popped = heap.list_pop(b)?;
        heap.decref(popped)?;
        assert_eq!(heap.getsizeof(a)?, heap.getsizeof(b)?);
    }
    for &item in &items {
        assert_eq!(
            heap.refcount(item)?,
            1,
            "both lists dropped theirs; ours is left"
        );
    }
    let missing = heap.list_remove(a, items[0]).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "ValueError: list.remove(x): x not in list"
    );
    for item in items {
        heap.decref(item)?;
    }
    heap.decref(a)?;
    heap.decref(b)?;
    heap.check_invariants()
}

#[test]
fn a_class_with_a_bad_attribute_is_refused_whole() -> Result<()> {
    let mut heap = Heap::new();
    let stale = heap.new_list(&[])?;
    heap.decref(stale)?;
    let one = heap.new_int(1)?;
    assert!(
        heap.new_class_with("C", &[("one", one), ("gone", stale)])
            .is_err()
    );
    assert!(heap.new_class_with("C", &[("__del__", one)]).is_err());
    heap.check_invariants()?; // no name or value left with a reference nobody holds
    let pair = heap.new_tuple(&[one, one])?;
    assert_eq!(heap.tuple_len(pair)?, 2);
    assert!(heap.tuple_len(one).is_err());
    heap.decref(pair)?;
    heap.check_invariants()
}
