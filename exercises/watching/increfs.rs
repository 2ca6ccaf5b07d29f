//! Edit this file, then run: scripts/course check increfs
use memviz::plot::{Series, line_plot};
use pymem::exercises::watching::{check_increfs_by_allocation, node_chain};
use refcount::Trace;

/// After each allocation, how many `incref` events the trace has had so far: one
/// `(allocations, increfs)` pair per allocation.
fn increfs_by_allocation(trace: &Trace) -> Vec<(u64, u64)> {
    todo!("one pair per allocation in {} events", trace.events.len())
}

/// Read it off the plot this program writes: how many increfs does each new node bring?
fn increfs_per_node() -> u64 {
    todo!("the slope of the line in target/course/increfs.svg")
}

fn main() {
    // The plot: `head = Node(head)`, a hundred times.
    let points = increfs_by_allocation(&node_chain(100).expect("the chain runs"));
    let series = Series {
        label: "head = Node(head)",
        points,
        marks: vec![],
    };
    let svg = line_plot(
        "increfs per allocation",
        "allocations",
        "increfs",
        &[series],
    )
    .expect("plotting works");
    std::fs::create_dir_all("target/course").expect("target/course can be created");
    std::fs::write("target/course/increfs.svg", svg).expect("the plot is written");
    println!("plot written to target/course/increfs.svg");

    check_increfs_by_allocation(increfs_by_allocation, increfs_per_node());
}
