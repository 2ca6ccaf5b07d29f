//! The tracked lists keep CPython's order: allocation order, untracking leaves the others in
//! place, and a collection leaves its survivors in the order its walk found them (an object
//! rescued by a later one comes after its rescuer, as `gc.get_objects()` shows in CPython
//! 3.11: `b = C(); a = C(); a.x = b; del b; gc.collect()` lists `a` before `b`).

use cycles::{GcHeap, check_tracking, collect, new_heap};
use refcount::{ObjRef, Result};

fn tracked(heap: &GcHeap) -> Vec<ObjRef> {
    heap.hooks().tracked().collect()
}

#[test]
fn untracking_keeps_the_allocation_order() -> Result<()> {
    let mut heap = new_heap();
    let lists: Vec<ObjRef> = (0..500)
        .map(|_| heap.new_list(&[]))
        .collect::<Result<_>>()?;
    // Free every object but each seventh: far more holes than live entries, so the list is
    // compacted on the way, and the order must survive that too.
    for (i, &list) in lists.iter().enumerate() {
        if i % 7 != 0 {
            heap.decref(list)?;
        }
    }
    let globals = heap.globals();
    let kept: Vec<ObjRef> = std::iter::once(globals)
        .chain(lists.iter().copied().step_by(7))
        .collect();
    assert_eq!(tracked(&heap), kept);
    check_tracking(&heap)
}

#[test]
fn survivors_stay_in_the_order_the_walk_found_them() -> Result<()> {
    let mut heap = new_heap();
    let class = heap.new_class("C")?;
    heap.set_global("C", class)?;
    heap.decref(class)?;
    let b = heap.new_instance(class)?;
    let a = heap.new_instance(class)?;
    heap.set_attr(a, "x", b)?;
    heap.decref(b)?; // del b: only a refers to it
    let before = tracked(&heap);
    let position = |list: &[ObjRef], obj| list.iter().position(|&o| o == obj).unwrap();
    assert!(
        position(&before, b) < position(&before, a),
        "allocation order"
    );

    assert_eq!(collect(&mut heap), 0);
    // b was examined first, found without outside references, then rescued by a: it moves
    // to the end, after a.
    let after = tracked(&heap);
    assert_eq!(after.last(), Some(&b));
    assert!(position(&after, a) < position(&after, b));
    // A second collection finds everything in order and moves nothing.
    assert_eq!(collect(&mut heap), 0);
    assert_eq!(tracked(&heap), after);
    check_tracking(&heap)?;
    heap.decref(a)?;
    Ok(())
}
