//! Random programs with automatic collection at tiny thresholds (and in stress mode): after
//! every step the reference counts and the generation lists must agree with the heap, and
//! at the end a full collection must leave only what the program can still reach.

use std::collections::HashSet;

use cycles::check_tracking;
use generations::{GenHeap, gc, new_heap, set_stress};
use refcount::{ObjRef, Result};

/// xorshift64*: a reproducible stream of numbers without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

/// Runs one random program; `vars` are the globals `v0..v7` it binds.
fn program(heap: &mut GenHeap, rng: &mut Rng, steps: usize) -> Result<()> {
    let class = heap.new_class("C")?;
    heap.set_global("C", class)?;
    heap.decref(class)?;
    let var = |i: usize| format!("v{i}");
    for _ in 0..steps {
        let target = var(rng.below(8));
        match rng.below(7) {
            0 => {
                let obj = heap.new_list(&[])?;
                heap.set_global(&target, obj)?;
                heap.decref(obj)?;
            }
            1 => {
                let obj = heap.new_instance(class)?;
                heap.set_global(&target, obj)?;
                heap.decref(obj)?;
            }
            2 => {
                let obj = heap.new_dict()?;
                heap.set_global(&target, obj)?;
                heap.decref(obj)?;
            }
            3 | 4 => {
                // target.append(other) / target.attr = other / target[key] = other
                let other = var(rng.below(8));
                let (Ok(a), Ok(b)) = (heap.get_global(&target), heap.get_global(&other)) else {
                    continue;
                };
                match heap.kind(a)? {
                    refcount::Kind::List => heap.list_append(a, b)?,
                    refcount::Kind::Instance => heap.set_attr(a, "x", b)?,
                    refcount::Kind::Dict => {
                        let key = heap.new_int(rng.below(4) as i64 + 1000)?;
                        heap.dict_set(a, key, b)?;
                        heap.decref(key)?;
                    }
                    _ => {}
                }
            }
            5 => {
                let items: Vec<ObjRef> = (0..rng.below(3))
                    .filter_map(|_| heap.get_global(&var(rng.below(8))).ok())
                    .collect();
                let obj = heap.new_tuple(&items)?;
                heap.set_global(&target, obj)?;
                heap.decref(obj)?;
            }
            _ => {
                let _ = heap.del_global(&target);
            }
        }
        heap.check_invariants()?;
        check_tracking(heap)?;
    }
    Ok(())
}

/// The containers reachable from the globals and from the collector's own `gc.garbage` and
/// `gc.callbacks`.
fn reachable_containers(heap: &mut GenHeap) -> Result<HashSet<ObjRef>> {
    let mut seen = HashSet::new();
    let mut pending = vec![heap.globals(), gc::garbage(heap)?, gc::callbacks(heap)?];
    while let Some(obj) = pending.pop() {
        if seen.insert(obj) {
            pending.extend(heap.referents(obj)?);
        }
    }
    seen.retain(|&o| heap.kind(o).is_ok_and(|k| k.is_container()));
    Ok(seen)
}

fn run(seed: u64, stress: bool) -> Result<()> {
    let mut heap = new_heap();
    gc::set_threshold(&mut heap, &[3, 2, 2])?;
    set_stress(&mut heap, stress);
    let mut rng = Rng(seed);
    program(&mut heap, &mut rng, 120)?;
    set_stress(&mut heap, false);
    gc::collect(&mut heap, 2)?;
    let live: HashSet<ObjRef> = heap
        .objects()
        .filter(|&o| heap.kind(o).is_ok_and(|k| k.is_container()))
        .collect();
    assert_eq!(
        live,
        reachable_containers(&mut heap)?,
        "seed {seed}: garbage left"
    );
    heap.check_invariants()?;
    check_tracking(&heap)
}

#[test]
fn random_programs_with_tiny_thresholds() -> Result<()> {
    for seed in 1..=300 {
        run(seed, false)?;
    }
    Ok(())
}

#[test]
fn random_programs_in_stress_mode() -> Result<()> {
    for seed in 1..=100 {
        run(seed * 7919, true)?;
    }
    Ok(())
}
