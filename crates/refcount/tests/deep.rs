//! Deep structures free without recursion: CPython needs its "trashcan" for this, and a
//! naive recursive `Drop` in Rust would overflow the stack long before a million levels.

use refcount::{Heap, Result};

const DEPTH: usize = 1_000_000;

#[test]
fn a_million_long_linked_chain_frees_with_the_default_stack() -> Result<()> {
    let mut heap = Heap::new();
    let node = heap.new_class("Node")?;
    let mut head = heap.none()?;
    for _ in 0..DEPTH {
        let new = heap.new_instance(node)?;
        heap.set_attr(new, "next", head)?; // new.next = head
        heap.decref(head)?;
        head = new;
    }
    assert_eq!(
        heap.live_objects(),
        DEPTH + 3,
        "nodes + class + globals + the name 'next'"
    );
    heap.decref(head)?;
    assert_eq!(heap.live_objects(), 3);
    heap.check_invariants()
}

#[test]
fn a_million_deep_nesting_of_lists_and_of_tuples_frees() -> Result<()> {
    let mut heap = Heap::new();
    for tuples in [false, true] {
        let mut x = heap.none()?;
        for _ in 0..DEPTH {
            let outer = if tuples {
                heap.new_tuple(&[x])?
            } else {
                heap.new_list(&[x])?
            };
            heap.decref(x)?;
            x = outer;
        }
        assert_eq!(heap.live_objects(), DEPTH + 1);
        heap.decref(x)?;
        assert_eq!(heap.live_objects(), 1, "only the module namespace is left");
    }
    heap.check_invariants()
}
