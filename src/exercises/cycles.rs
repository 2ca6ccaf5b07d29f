//! The checks of chapter "Cycles and the cycle detector": predicting `gc.collect()`, and a cycle
//! detector of your own.

use std::collections::BTreeSet;

use cycles::GcHeap;
use refcount::{ObjRef, Result};

/// The four programs of the prediction exercise, each run on a fresh heap; returns what
/// `collect()` reports for each.
pub fn prediction_programs() -> Result<[usize; 4]> {
    let mut results = [0; 4];
    for (i, result) in results.iter_mut().enumerate() {
        let mut heap = cycles::new_heap();
        let class = heap.new_class("N")?;
        heap.set_global("N", class)?; // class N: pass
        heap.decref(class)?;
        match i {
            // a = N(); b = N(); a.x = b; del a, b
            0 => {
                let (a, b) = (heap.new_instance(class)?, heap.new_instance(class)?);
                heap.set_attr(a, "x", b)?;
                heap.decref(a)?;
                heap.decref(b)?;
            }
            // l = [[], []]; l[0].append(l); del l
            1 => {
                let (x, y) = (heap.new_list(&[])?, heap.new_list(&[])?);
                let l = heap.new_list(&[x, y])?;
                heap.decref(x)?;
                heap.decref(y)?;
                heap.list_append(x, l)?;
                heap.decref(l)?;
            }
            // a = N(); a.me = a; keep = [a]; del a
            2 => {
                let a = heap.new_instance(class)?;
                heap.set_attr(a, "me", a)?;
                let keep = heap.new_list(&[a])?;
                heap.set_global("keep", keep)?;
                heap.decref(keep)?;
                heap.decref(a)?;
            }
            // d = {}; t = (d, N()); d["t"] = t; del d, t
            _ => {
                let d = heap.new_dict()?;
                let n = heap.new_instance(class)?;
                let t = heap.new_tuple(&[d, n])?;
                heap.decref(n)?;
                let key = heap.new_str("t")?;
                heap.dict_set(d, key, t)?;
                heap.decref(key)?;
                heap.decref(d)?;
                heap.decref(t)?;
            }
        }
        *result = cycles::collect(&mut heap);
    }
    Ok(results)
}

/// Exercise 3.1: predict what `gc.collect()` returns after each of the four programs in the
/// chapter, then check your predictions.
///
/// ```
/// use pymem::exercises::cycles::check_predictions;
/// let caught = std::panic::catch_unwind(|| check_predictions([9, 9, 9, 9]));
/// assert!(caught.is_err());
/// ```
pub fn check_predictions(predicted: [usize; 4]) {
    let actual = prediction_programs().expect("the programs run");
    for (i, (p, a)) in predicted.iter().zip(actual).enumerate() {
        assert_eq!(
            *p,
            a,
            "program {}: you predicted {p}, gc.collect() returns {a}",
            i + 1
        );
    }
}

/// Exercise 3.2: `garbage(heap)` returns the tracked objects that are unreachable from outside
/// the tracked set — exactly the objects `collect` would clear, computed your own way (for
/// instance: references from outside per object, then a breadth-first search from every object
/// that has some). It must not change the heap.
///
/// ```
/// use pymem::exercises::cycles::check_garbage;
/// let caught = std::panic::catch_unwind(|| check_garbage(|_| Vec::new()));
/// assert!(caught.is_err());
/// ```
pub fn check_garbage(garbage: impl Fn(&GcHeap) -> Vec<ObjRef>) {
    let mut random = super::random_below(0x2545_f491_4f6c_dd1d_u64);
    for round in 0..200 {
        let mut heap = cycles::new_heap();
        let class = heap.new_class("N").unwrap();
        let count = 2 + random(12) as usize;
        let objects: Vec<ObjRef> = (0..count)
            .map(|i| {
                if i % 3 == 0 {
                    heap.new_list(&[])
                } else {
                    heap.new_instance(class)
                }
            })
            .collect::<Result<_>>()
            .unwrap();
        for _ in 0..random(2 * count as u64) {
            let (from, to) = (
                objects[random(count as u64) as usize],
                objects[random(count as u64) as usize],
            );
            match heap.list_append(from, to) {
                Ok(()) => {}
                Err(_) => heap.set_attr(from, &format!("a{}", random(3)), to).unwrap(),
            }
        }
        let kept: Vec<ObjRef> = objects.iter().copied().filter(|_| random(4) == 0).collect();
        for &obj in &objects {
            if !kept.contains(&obj) {
                heap.decref(obj).unwrap();
            }
        }
        let mut yours: Vec<ObjRef> = garbage(&heap);
        yours.sort();
        let expected: BTreeSet<ObjRef> = objects
            .iter()
            .copied()
            .filter(|&o| heap.is_alive(o))
            .collect();
        cycles::collect(&mut heap);
        let freed: Vec<ObjRef> = expected
            .iter()
            .copied()
            .filter(|&o| !heap.is_alive(o))
            .collect();
        assert_eq!(
            yours,
            freed,
            "round {round}: the garbage among {count} objects ({} kept from outside) differs from what collect() clears",
            kept.len()
        );
    }
}
