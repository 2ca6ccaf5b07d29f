//! Misuse of the heap is an error that names the object and the operation — never a panic,
//! never a corrupted heap.

use refcount::{Error, Heap, Result};

#[test]
fn a_stale_handle_is_detected_even_after_its_slot_is_reused() -> Result<()> {
    let mut heap = Heap::new();
    let old = heap.new_list(&[])?;
    heap.decref(old)?;
    let new = heap.new_list(&[])?;
    assert_eq!(old.index(), new.index(), "the freed slot is reused");
    let error = heap.getrefcount(old).unwrap_err();
    assert!(
        matches!(
            error,
            Error::StaleHandle {
                op: "getrefcount",
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("has been freed"), "{error}");
    assert!(matches!(
        heap.decref(old),
        Err(Error::StaleHandle { op: "decref", .. })
    ));
    assert!(matches!(
        heap.list_append(new, old),
        Err(Error::StaleHandle { .. })
    ));
    assert_eq!(heap.refcount(new)?, 1, "the new object is untouched");
    heap.check_invariants()
}

#[test]
fn decref_below_what_you_own_is_refused() -> Result<()> {
    let mut heap = Heap::new();
    let item = heap.new_list(&[])?;
    let holder = heap.new_list(&[item])?;
    heap.decref(item)?; // our reference is gone; the holder's remains
    let error = heap.decref(item).unwrap_err();
    let Error::NotOwned {
        op,
        object,
        refcount,
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!((*op, *refcount), ("decref", 1));
    assert!(object.starts_with("<list object at 0x"), "{object}");
    assert!(heap.is_alive(item), "the refused decref changed nothing");
    heap.check_invariants()?;
    heap.decref(holder)?;
    assert!(!heap.is_alive(item));
    heap.check_invariants()
}

#[test]
fn a_reference_to_a_static_object_nobody_outside_owns_is_not_owned() -> Result<()> {
    // None held by a list only: a decref is refused because the caller owns no reference
    // (the check that comes first), not because it would be None's last one.
    let mut heap = Heap::new();
    let none = heap.none()?;
    let holder = heap.new_list(&[none])?;
    heap.decref(none)?;
    heap.decref(none)?; // the runtime's own reference, counted outside like the caller's
    assert_eq!(heap.refcount(none)?, 1, "the list's");
    let error = heap.decref(none).unwrap_err();
    assert!(
        matches!(error, Error::NotOwned { refcount: 1, .. }),
        "{error}"
    );
    assert!(heap.is_alive(holder));
    heap.check_invariants()
}

#[test]
fn a_finalizer_cannot_drop_the_deallocators_reference() -> Result<()> {
    let mut heap = Heap::new();
    let class = heap.new_class_with_del("Greedy", |heap, this| heap.decref(this))?;
    let obj = heap.new_instance(class)?;
    heap.decref(obj)?;
    let reported = heap.take_unraisable();
    assert_eq!(reported.len(), 1);
    assert!(
        matches!(reported[0].error, Error::NotOwned { .. }),
        "{}",
        reported[0]
    );
    assert!(!heap.is_alive(obj));
    heap.check_invariants()
}

#[test]
fn static_objects_are_never_freed() -> Result<()> {
    let mut heap = Heap::new();
    let none = heap.none()?;
    heap.decref(none)?;
    let count = heap.refcount(none)?;
    assert_eq!(count, 1, "the runtime's own reference");
    // Dropping the runtime's own reference would free None: refused, whoever asks.
    let error = heap.decref(none).unwrap_err();
    assert!(matches!(error, Error::StaticObject { .. }), "{error}");
    assert!(heap.is_alive(none));
    heap.check_invariants()
}

#[test]
fn wrong_types_and_python_errors_are_reported() -> Result<()> {
    let mut heap = Heap::new();
    let dict = heap.new_dict()?;
    let one = heap.new_int(1)?;
    let error = heap.list_append(dict, one).unwrap_err();
    assert_eq!(
        error,
        Error::WrongType {
            op: "list_append",
            expected: "a list",
            object: heap.describe(dict)
        }
    );
    assert!(
        error
            .to_string()
            .starts_with("list_append: expected a list, got <dict object")
    );
    assert_eq!(
        heap.get_global("nope").unwrap_err().to_string(),
        "NameError: name 'nope' is not defined"
    );
    let list = heap.new_list(&[])?;
    assert_eq!(
        heap.dict_set(dict, list, one).unwrap_err().to_string(),
        "TypeError: unhashable type: 'list'"
    );
    let key = heap.new_str("k")?;
    assert_eq!(
        heap.dict_del(dict, key).unwrap_err().to_string(),
        "KeyError: 'k'"
    );
    assert!(matches!(
        heap.list_get(list, 3),
        Err(Error::IndexError {
            index: 3,
            len: 0,
            ..
        })
    ));
    let class = heap.new_class("C")?;
    let obj = heap.new_instance(class)?;
    let error = heap.get_attr(obj, "missing").unwrap_err().to_string();
    assert!(
        error.starts_with("AttributeError: <__main__.C object at 0x"),
        "{error}"
    );
    assert!(error.ends_with("has no attribute 'missing'"), "{error}");
    heap.check_invariants()
}

#[test]
fn repr_handles_cycles_and_refuses_deep_recursion() -> Result<()> {
    let mut heap = Heap::new();
    let list = heap.new_list(&[])?;
    heap.list_append(list, list)?;
    assert_eq!(heap.repr(list)?, "[[...]]");
    let one = heap.new_int(1)?;
    let s = heap.new_str("a'b")?;
    let pair = heap.new_tuple(&[one, s])?;
    let single = heap.new_tuple(&[one])?;
    assert_eq!(heap.repr(pair)?, r#"(1, "a'b")"#); // as Python quotes it
    let both = heap.new_str("it's \"quoted\"\n")?;
    assert_eq!(heap.repr(both)?, r#"'it\'s "quoted"\n'"#);
    assert_eq!(heap.repr(single)?, "(1,)");
    let mut nested = heap.none()?;
    for _ in 0..5000 {
        let outer = heap.new_list(&[nested])?;
        heap.decref(nested)?;
        nested = outer;
    }
    assert_eq!(heap.repr(nested), Err(Error::Recursion { op: "repr" }));
    Ok(())
}
