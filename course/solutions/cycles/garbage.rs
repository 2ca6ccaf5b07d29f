use std::collections::{HashMap, HashSet};

use cycles::GcHeap;
use pymem::exercises::cycles::check_garbage;
use refcount::ObjRef;

/// The tracked objects that `collect()` would clear, found without changing the heap.
fn garbage(heap: &GcHeap) -> Vec<ObjRef> {
    let tracked: HashSet<ObjRef> = heap.hooks().tracked().collect();
    let mut from_inside: HashMap<ObjRef, u64> = HashMap::new();
    for &obj in &tracked {
        heap.visit_referents(obj, |r| {
            if tracked.contains(&r) {
                *from_inside.entry(r).or_default() += 1;
            }
        })
        .unwrap();
    }
    let mut alive: HashSet<ObjRef> = HashSet::new();
    let mut pending: Vec<ObjRef> = tracked
        .iter()
        .copied()
        .filter(|o| heap.refcount(*o).unwrap() > from_inside.get(o).copied().unwrap_or(0))
        .collect();
    while let Some(obj) = pending.pop() {
        if alive.insert(obj) {
            heap.visit_referents(obj, |r| {
                if tracked.contains(&r) {
                    pending.push(r);
                }
            })
            .unwrap();
        }
    }
    let mut garbage: Vec<ObjRef> = tracked.difference(&alive).copied().collect();
    garbage.sort();
    garbage
}

fn main() {
    check_garbage(garbage);
}
