//! The checks of chapter "Watching memory": new metrics computed from a trace.

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

/// Exercise 2.1: `peak_live_bytes(trace)` is the most bytes alive at any moment of the trace
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

/// The program exercise 2.2 plots: `head = None`, then `n` times `head = Node(head)` (a node
/// whose attribute `next` is the previous head), recorded from its first allocation.
pub fn node_chain(n: usize) -> Result<Trace> {
    let mut heap = Heap::new();
    heap.start_trace();
    let class = heap.new_class("Node")?;
    let mut head = heap.none()?;
    for _ in 0..n {
        let node = heap.new_instance(class)?;
        heap.set_attr(node, "next", head)?;
        heap.decref(head)?;
        head = node;
    }
    heap.decref(head)?;
    heap.decref(class)?;
    Ok(heap.stop_trace())
}

fn increfs_by_allocation_reference(trace: &Trace) -> Vec<(u64, u64)> {
    let (mut allocations, mut increfs) = (0, 0);
    let mut out = Vec::new();
    for event in &trace.events {
        match event {
            Event::Incref { .. } => increfs += 1,
            Event::Alloc { .. } => {
                allocations += 1;
                out.push((allocations, increfs));
            }
            _ => {}
        }
    }
    out
}

/// Exercise 2.2: `increfs_by_allocation(trace)` gives, after each allocation, the number of
/// `incref` events so far: a list of `(allocations, increfs)`, one pair per allocation.
/// `increfs_per_node` is the student's reading of the plot of [`node_chain`]: how many
/// increfs each new node brings (the slope of the line).
///
/// ```
/// use pymem::exercises::watching::check_increfs_by_allocation;
/// let caught = std::panic::catch_unwind(|| check_increfs_by_allocation(|_| vec![], 3));
/// assert!(caught.is_err());
/// ```
pub fn check_increfs_by_allocation(
    increfs_by_allocation: impl Fn(&Trace) -> Vec<(u64, u64)>,
    increfs_per_node: u64,
) {
    for rounds in [0, 5, 50] {
        let trace = sample_trace(rounds).expect("the sample program runs");
        let expected = increfs_by_allocation_reference(&trace);
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
    let points = increfs_by_allocation_reference(&node_chain(100).expect("the chain runs"));
    // The slope at the end of the line, where every allocation is a new node.
    let [.., (_, before), (_, last)] = points[..] else {
        panic!("the chain allocates more than one object")
    };
    let slope = last - before;
    assert_eq!(
        increfs_per_node, slope,
        "your metric is right, but the slope is not: you said {increfs_per_node} increfs per \
         node, and the chain's plot rises by {slope} per allocation. Count the references a \
         new node takes while `Node(head)` is built and bound"
    );
}
