//! The checks of chapter "Objects, names and reference counts": referrers, a swap that keeps
//! the counts right, a resurrecting finalizer, and predicting `getsizeof` of a growing list.
//! The exercises themselves are files under `course/starters/refcount/`.

use std::collections::BTreeMap;

use refcount::{Heap, ObjRef, Result};

/// Exercise 1.1: `referrers(heap, target)` returns every live object that holds a reference
/// to `target` (once per holder, in any order), like a simple `gc.get_referrers`.
///
/// ```
/// use pymem::exercises::refcount::check_referrers;
/// // A wrong answer is caught:
/// let caught = std::panic::catch_unwind(|| check_referrers(|_, _| Vec::new()));
/// assert!(caught.is_err());
/// ```
pub fn check_referrers(referrers: impl Fn(&Heap, refcount::ObjRef) -> Vec<ObjRef>) {
    let mut heap = Heap::new();
    let target = heap.new_list(&[]).expect("heap works");
    let list = heap.new_list(&[target, target]).expect("heap works");
    let class = heap.new_class("C").expect("heap works");
    let obj = heap.new_instance(class).expect("heap works");
    heap.set_attr(obj, "item", target).expect("heap works");
    heap.set_global("t", target).expect("heap works");
    let bystander = heap.new_list(&[obj]).expect("heap works");

    let mut found = referrers(&heap, target);
    found.sort();
    let mut expected = vec![list, obj, heap.globals()];
    expected.sort();
    assert_eq!(
        found, expected,
        "the holders of the target are the list (twice, reported once), the instance, and the \
         module namespace (for the name `t`); the bystander list {bystander:?} holds only the instance"
    );
    assert!(
        referrers(&heap, bystander).is_empty(),
        "nothing refers to the bystander"
    );
}

/// Exercise 1.2: `swap(heap, a, b)` does what `a, b = b, a` does to two module-level names,
/// keeping every reference count right at every step (no object may be freed on the way).
///
/// ```
/// use pymem::exercises::refcount::check_swap;
/// let caught = std::panic::catch_unwind(|| check_swap(|_, _, _| Ok(())));
/// assert!(caught.is_err());
/// ```
pub fn check_swap(swap: impl Fn(&mut Heap, &str, &str) -> Result<()>) {
    let mut heap = Heap::new();
    let class = heap
        .new_class_with_del("Watched", |_, this| {
            panic!("{this:?} was freed during the swap: a reference was dropped too early")
        })
        .expect("heap works");
    let (first, second) = (
        heap.new_instance(class).unwrap(),
        heap.new_instance(class).unwrap(),
    );
    heap.set_global("a", first).unwrap();
    heap.set_global("b", second).unwrap();
    heap.decref(first).unwrap();
    heap.decref(second).unwrap();
    let counts = |heap: &Heap| {
        (
            heap.refcount(first).unwrap(),
            heap.refcount(second).unwrap(),
        )
    };
    let before = counts(&heap);

    swap(&mut heap, "a", "b").expect("swap returns Ok");
    assert_eq!(
        heap.get_global("a").unwrap(),
        second,
        "a names what b named"
    );
    assert_eq!(heap.get_global("b").unwrap(), first, "b names what a named");
    assert_eq!(counts(&heap), before, "a swap changes no reference count");
    heap.check_invariants()
        .expect("every count matches the references that exist");
    swap(&mut heap, "a", "b").expect("swapping back works too");
    assert_eq!(heap.get_global("a").unwrap(), first);
}

/// What becomes of the phoenix the second time its last reference goes: the prediction that
/// exercise 1.3 grades.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Its `__del__` runs again and buries it again: it survives a second time.
    BuriedAgain,
    /// Its `__del__` does not run again, and it is freed.
    Freed,
}

/// Exercise 1.3: `make_phoenix(heap)` creates a class whose `__del__` appends the dying
/// instance to a list bound to the global name `graveyard` (creating the list if the name is
/// not bound yet). `second_time` is the student's prediction of what happens when the instance
/// is taken out of the graveyard and its last reference dropped again.
///
/// ```
/// use pymem::exercises::refcount::{check_phoenix, Fate};
/// // A class without the finalizer is caught:
/// let caught = std::panic::catch_unwind(|| check_phoenix(|heap| heap.new_class("Phoenix"), Fate::Freed));
/// assert!(caught.is_err());
/// // So is a wrong prediction, even with a right finalizer:
/// let phoenix = |heap: &mut refcount::Heap| {
///     heap.new_class_with_del("Phoenix", |heap, this| {
///         if heap.get_global("graveyard").is_err() {
///             let list = heap.new_list(&[])?;
///             heap.set_global("graveyard", list)?;
///             heap.decref(list)?;
///         }
///         let graveyard = heap.get_global("graveyard")?;
///         heap.list_append(graveyard, this)
///     })
/// };
/// let caught = std::panic::catch_unwind(|| check_phoenix(phoenix, Fate::BuriedAgain));
/// assert!(caught.is_err());
/// check_phoenix(phoenix, Fate::Freed);
/// ```
pub fn check_phoenix(make_phoenix: impl Fn(&mut Heap) -> Result<ObjRef>, second_time: Fate) {
    let mut heap = Heap::new();
    let class = make_phoenix(&mut heap).expect("make_phoenix returns Ok");
    let bird = heap.new_instance(class).unwrap();
    heap.decref(bird).unwrap(); // the last reference
    assert!(
        heap.is_alive(bird),
        "the instance was freed at its last `del`: its __del__ must resurrect it by storing a \
         new reference to it in the graveyard"
    );
    let graveyard = heap.get_global("graveyard").expect("`graveyard` is bound");
    assert_eq!(
        heap.list_get(graveyard, 0).ok(),
        Some(bird),
        "it is in the graveyard"
    );
    assert_eq!(
        heap.refcount(bird).unwrap(),
        1,
        "held by the graveyard only"
    );
    heap.check_invariants()
        .expect("every count matches the references that exist");

    let popped = heap.list_pop(graveyard).unwrap();
    heap.decref(popped).unwrap(); // the last reference, a second time
    let actual = if heap.is_alive(bird) {
        Fate::BuriedAgain
    } else {
        Fate::Freed
    };
    heap.check_invariants()
        .expect("every count matches the references that exist");
    assert_eq!(
        second_time, actual,
        "your finalizer works, but your prediction is wrong: you predicted {second_time:?}, \
         and the second time the phoenix was {actual:?}. PEP 442 marks an object as finalized \
         once its __del__ has run, and never calls __del__ on it again"
    );
}

/// Exercise 1.4: `list_size(n)` predicts `sys.getsizeof` of a list after `n` appends to an
/// empty list, without a heap: by CPython's over-allocation rule.
///
/// ```
/// use pymem::exercises::refcount::check_list_size;
/// let caught = std::panic::catch_unwind(|| check_list_size(|n| 56 + 8 * n as u64));
/// assert!(caught.is_err());
/// ```
pub fn check_list_size(list_size: impl Fn(usize) -> u64) {
    let mut heap = Heap::new();
    let list = heap.new_list(&[]).unwrap();
    let mut wrong = BTreeMap::new();
    for n in 0..=1000 {
        let actual = heap.getsizeof(list).unwrap();
        let predicted = list_size(n);
        if predicted != actual {
            wrong.insert(n, (predicted, actual));
        }
        let none = heap.none().unwrap();
        heap.list_append(list, none).unwrap();
        heap.decref(none).unwrap();
    }
    let first = wrong.iter().next();
    assert!(
        wrong.is_empty(),
        "{} of 1001 sizes are wrong; the first: after {} appends you said {} bytes, it is {}",
        wrong.len(),
        first.map_or(0, |(n, _)| *n),
        first.map_or(0, |(_, (p, _))| *p),
        first.map_or(0, |(_, (_, a))| *a),
    );
}
