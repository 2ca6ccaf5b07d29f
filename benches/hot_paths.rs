//! Micro-benchmarks of the runtime's hot paths, so that a regression shows in `cargo bench`:
//!
//! * `refcount/incref_decref_pair`: `Py_INCREF` + `Py_DECREF` of a live object;
//! * `alloc_free/{instance,list}/{refcount,cycles}`: allocate one object and free it again
//!   (`S()` with the result dropped; `[]` dropped), on a plain stage-1 heap and on a stage-2
//!   heap whose tracker sees every allocation and free;
//! * `collect/live_1000`: one `collect()` of a live heap of about 1000 containers (a root list,
//!   500 instances, each holding its own empty list): the traversal, freeing nothing;
//! * `collect/garbage_pairs_1000`: one `collect()` that finds and frees 500 two-node cycles
//!   (the heap is rebuilt outside the timing for every iteration).
//!
//! `cargo bench --bench hot_paths` runs them all (about 30 s); `cargo bench --bench hot_paths
//! -- collect` only the matching ones.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use cycles::GcHeap;
use refcount::{Heap, Hooks, ObjRef};

fn incref_decref(c: &mut Criterion) {
    let mut heap = cycles::new_heap();
    let list = heap.new_list(&[]).expect("a fresh heap");
    c.bench_function("refcount/incref_decref_pair", |b| {
        b.iter(|| {
            heap.incref(black_box(list)).expect("live");
            heap.decref(black_box(list)).expect("owned");
        })
    });
}

fn with_class<H: Hooks>(mut heap: Heap<H>) -> (Heap<H>, ObjRef) {
    let class = heap.new_class("S").expect("a fresh heap");
    heap.set_global("S", class).expect("a fresh heap");
    heap.decref(class).expect("owned");
    (heap, class)
}

fn alloc_free_on<H: Hooks>(c: &mut Criterion, heap_kind: &str, heap: Heap<H>) {
    let (mut heap, class) = with_class(heap);
    c.bench_function(&format!("alloc_free/instance/{heap_kind}"), |b| {
        b.iter(|| {
            let obj = heap.new_instance(black_box(class)).expect("a class");
            heap.decref(obj).expect("owned");
        })
    });
    c.bench_function(&format!("alloc_free/list/{heap_kind}"), |b| {
        b.iter(|| {
            let list = heap.new_list(black_box(&[])).expect("no items");
            heap.decref(list).expect("owned");
        })
    });
}

fn alloc_free(c: &mut Criterion) {
    alloc_free_on(c, "refcount", Heap::new());
    alloc_free_on(c, "cycles", cycles::new_heap());
}

/// A root list → `n` instances → each holds its own empty list: workload c of the harness.
fn live_heap(n: usize) -> GcHeap {
    let (mut heap, class) = with_class(cycles::new_heap());
    let root = heap.new_list(&[]).expect("a fresh heap");
    heap.set_global("root", root).expect("a list");
    heap.decref(root).expect("owned");
    for _ in 0..n {
        let obj = heap.new_instance(class).expect("a class");
        let own = heap.new_list(&[]).expect("no items");
        heap.set_attr(obj, "next", own).expect("an instance");
        heap.decref(own).expect("owned");
        heap.list_append(root, obj).expect("a list");
        heap.decref(obj).expect("owned");
    }
    heap
}

/// `n / 2` two-node cycles, dropped: workload a of the harness.
fn garbage_pairs(n: usize) -> GcHeap {
    let (mut heap, class) = with_class(cycles::new_heap());
    for _ in 0..n / 2 {
        let a = heap.new_instance(class).expect("a class");
        let b = heap.new_instance(class).expect("a class");
        heap.set_attr(a, "next", b).expect("an instance");
        heap.set_attr(b, "next", a).expect("an instance");
        heap.decref(a).expect("owned");
        heap.decref(b).expect("owned");
    }
    heap
}

fn collect(c: &mut Criterion) {
    let mut heap = live_heap(500);
    assert_eq!(cycles::collect(&mut heap), 0);
    c.bench_function("collect/live_1000", |b| {
        b.iter(|| cycles::collect(black_box(&mut heap)))
    });
    c.bench_function("collect/garbage_pairs_1000", |b| {
        b.iter_batched(
            || garbage_pairs(1000),
            |mut heap| {
                let collected = cycles::collect(&mut heap);
                (heap, collected) // dropped after the timing
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = hot_paths;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    targets = incref_decref, alloc_free, collect
}
criterion_main!(hot_paths);
