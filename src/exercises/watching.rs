//! Exercises of "Watching memory": new metrics computed from a trace.

use refcount::{Event, Heap, Result, Trace};

/// Records a trace of a small but varied program: lists that grow, a chain that is dropped,
/// a finalizer that resurrects its object.
fn sample_trace(rounds: i64) -> Result<Trace> {
    let mut heap = Heap::new();
    heap.start_trace();
    let node = heap.new_class_with_del("Node", |heap, this| {
        if heap.get_global("saved").is_err() {
            heap.set_global("saved", this)?;
        }
        Ok(())
    })?;
    let list = heap.new_list(&[])?;
    for i in 0..rounds {
        let item = heap.new_int(1000 + i)?;
        heap.list_append(list, item)?;
        heap.decref(item)?;
        if i % 7 == 3 {
            let obj = heap.new_instance(node)?;
            heap.set_attr(obj, "payload", list)?;
            heap.decref(obj)?;
        }
    }
    heap.decref(list)?;
    heap.decref(node)?;
    Ok(heap.stop_trace())
}

/// Exercise: `peak_live_bytes(trace)` is the most bytes alive at any moment of the trace
/// (counting from the baseline when recording started).
///
/// ```
/// use pymem::exercises::watching::check_peak_live_bytes;
/// let caught = std::panic::catch_unwind(|| check_peak_live_bytes(|t| t.live_bytes_at_start));
/// assert!(caught.is_err());
/// ```
pub fn check_peak_live_bytes(peak_live_bytes: impl Fn(&Trace) -> u64) {
    for rounds in [0, 1, 10, 100] {
        let trace = sample_trace(rounds).expect("the sample program runs");
        let expected = memviz::timeline::timeline(&trace)
            .points
            .iter()
            .map(|p| p.live_bytes)
            .max()
            .expect("a timeline has a first point");
        assert_eq!(
            peak_live_bytes(&trace),
            expected,
            "peak live bytes for a run of {rounds} rounds"
        );
    }
}

/// Exercise: `increfs_by_allocation(trace)` gives, after each allocation, the number of
/// `incref` events so far: a list of `(allocations, increfs)`, one pair per allocation.
///
/// ```
/// use pymem::exercises::watching::check_increfs_by_allocation;
/// let caught = std::panic::catch_unwind(|| check_increfs_by_allocation(|_| vec![]));
/// assert!(caught.is_err());
/// ```
pub fn check_increfs_by_allocation(increfs_by_allocation: impl Fn(&Trace) -> Vec<(u64, u64)>) {
    for rounds in [0, 5, 50] {
        let trace = sample_trace(rounds).expect("the sample program runs");
        let mut expected = Vec::new();
        let (mut allocations, mut increfs) = (0, 0);
        for event in &trace.events {
            match event {
                Event::Incref { .. } => increfs += 1,
                Event::Alloc { .. } => {
                    allocations += 1;
                    expected.push((allocations, increfs));
                }
                _ => {}
            }
        }
        let got = increfs_by_allocation(&trace);
        assert_eq!(
            got.len(),
            expected.len(),
            "one pair per allocation ({rounds} rounds)"
        );
        if let Some(i) = (0..got.len()).find(|&i| got[i] != expected[i]) {
            panic!(
                "at allocation {} you said {:?}, the trace says {:?}",
                i + 1,
                got[i],
                expected[i]
            );
        }
    }
}
