use std::collections::{HashMap, HashSet};

use cycles::GcHooks;
use generations::GenHeap;
use pymem::exercises::generations::check_young_garbage;
use refcount::ObjRef;

/// The objects of generation 0 that `gc.collect(0)` would clear, found without changing the
/// heap.
fn young_garbage(heap: &GenHeap) -> Vec<ObjRef> {
    let young: HashSet<ObjRef> = heap.hooks().tracker().objects(0).collect();
    // References from one young object to another; every other reference — from Rust, from
    // an untracked holder, or from an object of an older generation — is from outside.
    let mut from_young: HashMap<ObjRef, u64> = HashMap::new();
    for &obj in &young {
        heap.visit_referents(obj, |r| {
            if young.contains(&r) {
                *from_young.entry(r).or_default() += 1;
            }
        })
        .unwrap();
    }
    let mut alive: HashSet<ObjRef> = HashSet::new();
    let mut pending: Vec<ObjRef> = young
        .iter()
        .copied()
        .filter(|o| heap.refcount(*o).unwrap() > from_young.get(o).copied().unwrap_or(0))
        .collect();
    while let Some(obj) = pending.pop() {
        if alive.insert(obj) {
            heap.visit_referents(obj, |r| {
                if young.contains(&r) {
                    pending.push(r);
                }
            })
            .unwrap();
        }
    }
    let mut garbage: Vec<ObjRef> = young.difference(&alive).copied().collect();
    garbage.sort();
    garbage
}

fn main() {
    check_young_garbage(young_garbage);
}
