//! Edit this file, then run: scripts/course check swap
use pymem::exercises::refcount::check_swap;
use refcount::{Heap, Result};

/// `a, b = b, a` for two module-level names: every count the same afterwards, and no object
/// freed on the way.
fn swap(heap: &mut Heap, a: &str, b: &str) -> Result<()> {
    todo!(
        "swap the objects bound to {a} and {b} in {:?}",
        heap.globals()
    )
}

fn main() {
    check_swap(swap);
}
