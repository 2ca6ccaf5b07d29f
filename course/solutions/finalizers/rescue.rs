use finalizers::FinHeap;
use generations::gc;
use pymem::exercises::finalizers::check_rescue;
use refcount::Result;

/// A collection has left a cycle with legacy finalizers in `gc.garbage`. Make it collectable,
/// without touching what the program still holds.
fn rescue(heap: &mut FinHeap) -> Result<()> {
    let garbage = gc::garbage(heap)?;
    // `for o in gc.garbage: o.__dict__.clear()`: every cycle through a legacy object is
    // broken there. Only the objects in gc.garbage: what they refer to may be in use.
    for i in 0..heap.list_len(garbage)? {
        let obj = heap.list_get(garbage, i)?;
        heap.clear(obj)?;
    }
    // `gc.garbage.clear()`: the legacy objects die by reference counting, and their
    // __tp_del__ runs, once each.
    heap.clear(garbage)?;
    // Cycles among the plain objects they held are ordinary garbage now.
    gc::collect(heap, 2)?;
    Ok(())
}

fn main() {
    check_rescue(rescue);
}
