//! Deep structures with weak references free and collect without recursion: a chain 300,000
//! instances long (far deeper than recursion could go on a test thread's stack), each weakly referenced with a callback, dropped at once on the
//! reference-counting path, and the same chain closed into a cycle for the collector.

use std::cell::Cell;
use std::rc::Rc;

use finalizers::{check_weakrefs, weakref};
use generations::gc;
use refcount::{ObjRef, Result};

const DEPTH: usize = 300_000;

/// A chain of `DEPTH` instances, `node.next` to the next, and one weak reference with a
/// counting callback to each; returns the head (a new reference) and the weak references.
fn chain(heap: &mut finalizers::FinHeap, calls: &Rc<Cell<usize>>) -> Result<(ObjRef, ObjRef)> {
    let class = heap.new_class("Node")?;
    let counter = Rc::clone(calls);
    let callback = heap.new_function("count", &[], move |heap, _, _| {
        counter.set(counter.get() + 1);
        heap.none()
    })?;
    let weakrefs = heap.new_list(&[])?;
    let mut head = heap.new_instance(class)?;
    for _ in 1..DEPTH {
        let node = heap.new_instance(class)?;
        heap.set_attr(node, "next", head)?;
        heap.decref(head)?;
        let weak = weakref::ref_(heap, node, Some(callback))?;
        heap.list_append(weakrefs, weak)?;
        heap.decref(weak)?;
        head = node;
    }
    heap.decref(callback)?;
    heap.decref(class)?;
    Ok((head, weakrefs))
}

#[test]
fn a_deep_chain_with_weak_references_frees_on_the_refcount_path() -> Result<()> {
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let calls = Rc::new(Cell::new(0));
    let (head, weakrefs) = chain(&mut heap, &calls)?;
    heap.decref(head)?;
    assert_eq!(calls.get(), DEPTH - 1, "every callback ran once");
    assert_eq!(heap.weakref_get(heap.list_get(weakrefs, 0)?)?, None);
    heap.decref(weakrefs)?;
    check_weakrefs(&heap)?;
    heap.check_invariants()
}

#[test]
fn a_deep_cycle_with_weak_references_is_collected() -> Result<()> {
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    let calls = Rc::new(Cell::new(0));
    let (head, weakrefs) = chain(&mut heap, &calls)?;
    // Close the chain: the last node refers to the head.
    let mut last = head;
    while let Ok(next) = heap.get_attr(last, "next") {
        last = next;
    }
    heap.set_attr(last, "next", head)?;
    heap.decref(head)?;
    assert_eq!(calls.get(), 0);
    assert_eq!(
        gc::collect(&mut heap, 2)?,
        DEPTH + 1,
        "the nodes and their class"
    );
    assert_eq!(
        calls.get(),
        DEPTH - 1,
        "every callback ran once, before the clearing"
    );
    heap.decref(weakrefs)?;
    check_weakrefs(&heap)?;
    heap.check_invariants()
}
