//! Deep structures under automatic collection: a million nested lists built while young
//! collections run, then made garbage through a cycle, collected and freed on the default
//! stack.

use generations::{gc, new_heap};
use refcount::Result;

#[test]
fn a_million_deep_cycle_is_collected_with_automatic_collection_on() -> Result<()> {
    let mut heap = new_heap();
    let at_start = heap.live_objects(); // the module namespace and gc.garbage
    let bottom = heap.new_list(&[])?;
    let mut top = heap.new_list(&[bottom])?;
    for _ in 0..1_000_000 {
        let next = heap.new_list(&[top])?; // top = [top]
        heap.decref(top)?;
        top = next;
    }
    heap.list_append(bottom, top)?; // close the cycle
    heap.decref(bottom)?;
    heap.decref(top)?;
    assert!(
        gc::get_stats(&heap)[0].collections > 1000,
        "young collections ran"
    );
    assert_eq!(gc::collect(&mut heap, 2)?, 1_000_002);
    assert_eq!(heap.live_objects(), at_start);
    heap.check_invariants()
}
