//! Edit this file, then run: scripts/course check referrers
use pymem::exercises::refcount::check_referrers;
use refcount::{Heap, ObjRef};

/// The live objects that hold a reference to `target`, each listed once.
fn referrers(heap: &Heap, target: ObjRef) -> Vec<ObjRef> {
    todo!(
        "which live objects hold {target:?} in {} slots?",
        heap.slot_count()
    )
}

fn main() {
    check_referrers(referrers);
}
