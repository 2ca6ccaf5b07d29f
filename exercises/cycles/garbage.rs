//! Edit this file, then run: scripts/course check garbage
use cycles::GcHeap;
use pymem::exercises::cycles::check_garbage;
use refcount::ObjRef;

/// The tracked objects that `collect()` would clear, found without changing the heap.
fn garbage(heap: &GcHeap) -> Vec<ObjRef> {
    todo!(
        "which of the {} tracked objects are garbage?",
        heap.hooks().len()
    )
}

fn main() {
    check_garbage(garbage);
}
