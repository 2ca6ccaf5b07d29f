//! Edit this file, then run: scripts/course check young
use cycles::GcHooks;
use generations::GenHeap;
use pymem::exercises::generations::check_young_garbage;
use refcount::ObjRef;

/// The objects of generation 0 that `gc.collect(0)` would clear, found without changing the
/// heap. `heap.hooks().tracker().objects(0)` lists generation 0.
fn young_garbage(heap: &GenHeap) -> Vec<ObjRef> {
    let _young: Vec<ObjRef> = heap.hooks().tracker().objects(0).collect();
    todo!("which of them can nothing outside generation 0 reach?")
}

fn main() {
    check_young_garbage(young_garbage);
}
