use pymem::exercises::refcount::check_swap;
use refcount::{Heap, Result};

/// `a, b = b, a` for two module-level names: every count the same afterwards, and no object
/// freed on the way.
fn swap(heap: &mut Heap, a: &str, b: &str) -> Result<()> {
    let (first, second) = (heap.get_global(a)?, heap.get_global(b)?); // borrowed
    // Own both objects while the names change: rebinding `a` drops the namespace's reference
    // to `first`, which may be its last one.
    heap.incref(first)?;
    heap.incref(second)?;
    heap.set_global(a, second)?;
    heap.set_global(b, first)?;
    heap.decref(first)?;
    heap.decref(second)
}

fn main() {
    check_swap(swap);
}
