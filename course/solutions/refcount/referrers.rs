use pymem::exercises::refcount::check_referrers;
use refcount::{Heap, ObjRef};

/// The live objects that hold a reference to `target`, each listed once.
fn referrers(heap: &Heap, target: ObjRef) -> Vec<ObjRef> {
    heap.objects()
        .filter(|&holder| {
            let mut holds = false;
            heap.visit_referents(holder, |r| holds |= r == target)
                .is_ok()
                && holds
        })
        .collect()
}

fn main() {
    check_referrers(referrers);
}
