//! The checks of chapter "Generations and the gc module": predicting automatic collections,
//! and a young collection by hand.

use std::collections::BTreeSet;

use cycles::GcHooks;
use generations::GenHeap;
use generations::gc;
use refcount::{ObjRef, Result};

/// What automatic collection does during the prediction exercise's program, on a fresh
/// stage-3 heap:
///
/// ```python
/// gc.set_threshold(4, 2, 2)
/// keep = []
/// for i in range(80):
///     keep.append([])
/// ```
///
/// Returns the generation each automatic collection collected, in order, and `gc.get_count()`
/// at the end.
pub fn prediction_program() -> Result<(Vec<usize>, (i64, i64, i64))> {
    let mut heap = generations::new_heap();
    gc::set_threshold(&mut heap, &[4, 2, 2])?;
    // Watched through `gc::get_stats`, which allocates nothing: a function in gc.callbacks
    // would be one more container, counted, and would move every collection by one.
    let mut generations = Vec::new();
    let keep = heap.new_list(&[])?;
    heap.set_global("keep", keep)?;
    heap.decref(keep)?;
    for _ in 0..80 {
        let before = collections(&heap);
        let item = heap.new_list(&[])?; // one allocation runs at most one collection
        let after = collections(&heap);
        generations.extend((0..3).filter(|&g| after[g] != before[g]));
        heap.list_append(keep, item)?;
        heap.decref(item)?;
    }
    Ok((generations, gc::get_count(&heap)))
}

/// `gc.get_stats()[g]["collections"]` for each generation.
fn collections(heap: &GenHeap) -> [u64; 3] {
    gc::get_stats(heap).map(|g| g.collections)
}

/// Exercise 4.1: predict the generation of every automatic collection in the chapter's
/// program, and `gc.get_count()` at its end.
///
/// ```
/// use pymem::exercises::generations::check_collections;
/// let caught = std::panic::catch_unwind(|| check_collections(vec![0; 16], (0, 0, 0)));
/// assert!(caught.is_err());
/// ```
pub fn check_collections(generations: Vec<usize>, count: (i64, i64, i64)) {
    let (actual, actual_count) = prediction_program().expect("the program runs");
    assert_eq!(
        generations.len(),
        actual.len(),
        "you predicted {} automatic collections; there are {}: when does generation 0's count \
         exceed a threshold of 4?",
        generations.len(),
        actual.len()
    );
    if let Some(i) = (0..actual.len()).find(|&i| generations[i] != actual[i]) {
        panic!(
            "collection {} collects generation {}, you predicted {} (the whole sequence: {actual:?})",
            i + 1,
            actual[i],
            generations[i]
        );
    }
    assert_eq!(
        count, actual_count,
        "the collections are right; gc.get_count() at the end is {actual_count:?}, you \
         predicted {count:?}"
    );
}

/// Exercise 4.2: `young_garbage(heap)` returns the objects of generation 0 that `gc.collect(0)`
/// would clear, computed your own way, without changing the heap. A young collection does not
/// look at the older generations: a reference from an old object counts as a reference from
/// outside.
///
/// ```
/// use pymem::exercises::generations::check_young_garbage;
/// let caught = std::panic::catch_unwind(|| check_young_garbage(|_| Vec::new()));
/// assert!(caught.is_err());
/// ```
pub fn check_young_garbage(young_garbage: impl Fn(&GenHeap) -> Vec<ObjRef>) {
    let mut random = super::random_below(0x9e37_79b9_7f4a_7c15_u64);
    for round in 0..200 {
        let mut heap = generations::new_heap();
        gc::disable(&mut heap);
        let class = heap.new_class("N").unwrap();
        // Some objects first, made old by a collection; then young ones.
        let old_count = random(6) as usize;
        let young_count = 2 + random(10) as usize;
        let mut objects = Vec::new();
        for i in 0..old_count + young_count {
            if i == old_count {
                gc::collect(&mut heap, 0).unwrap(); // the first ones move to generation 1
            }
            let obj = if i % 3 == 0 {
                heap.new_list(&[])
            } else {
                heap.new_instance(class)
            };
            objects.push(obj.unwrap());
        }
        let count = objects.len() as u64;
        for _ in 0..random(2 * count) {
            let (from, to) = (
                objects[random(count) as usize],
                objects[random(count) as usize],
            );
            if heap.list_append(from, to).is_err() {
                heap.set_attr(from, &format!("a{}", random(3)), to).unwrap();
            }
        }
        let kept: Vec<ObjRef> = objects.iter().copied().filter(|_| random(4) == 0).collect();
        for &obj in &objects {
            if !kept.contains(&obj) {
                heap.decref(obj).unwrap();
            }
        }
        let mut yours = young_garbage(&heap);
        yours.sort();
        let young: BTreeSet<ObjRef> = heap.hooks().tracker().objects(0).collect();
        gc::collect(&mut heap, 0).unwrap();
        let freed: Vec<ObjRef> = young
            .iter()
            .copied()
            .filter(|&o| !heap.is_alive(o))
            .collect();
        assert_eq!(
            yours,
            freed,
            "round {round}: {old_count} old and {young_count} young objects, {} held from \
             outside: your young garbage differs from what gc.collect(0) clears",
            kept.len()
        );
    }
}
