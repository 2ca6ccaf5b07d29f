//! The experiments of chapter 3, "Cycles and the cycle detector": reference cycles, and CPython's cycle detector on our heap.
//!
//! `cargo run --example ch03_cycles` runs them all; `-- --list` names them.

use std::process::ExitCode;

use cycles::{GcHeap, Phase, Set, View, collect, collect_observed};
use memviz::diagram::Diagram;
use pymem::experiments::{self, Experiment};
use refcount::{ObjRef, Result};

const EXPERIMENTS: &[(&str, Experiment<cycles::Tracker>)] = &[
    ("node-cycle", node_cycle),
    ("containers", containers),
    ("refcount-only", refcount_only),
    ("with-collector", with_collector),
    ("links", links),
    ("links-update-refs", |heap| {
        links_diagram(heap, Moment::After(Phase::UpdateRefs))
    }),
    ("links-subtract-refs", |heap| {
        links_diagram(heap, Moment::After(Phase::SubtractRefs))
    }),
    ("links-tentative", |heap| {
        links_diagram(heap, Moment::FirstReachable)
    }),
    ("links-move-unreachable", |heap| {
        links_diagram(heap, Moment::After(Phase::MoveUnreachable))
    }),
];

fn main() -> ExitCode {
    experiments::main(EXPERIMENTS)
}

// ANCHOR: node_cycle
/// The article's cycle: `a.next = b; b.next = a; del a, b`, then `gc.collect()` twice.
fn node_cycle(heap: &mut GcHeap) -> Result<()> {
    let node = heap.new_class("Node")?;
    let (a, b) = (heap.new_instance(node)?, heap.new_instance(node)?);
    heap.set_attr(a, "next", b)?; // a.next = b
    heap.set_attr(b, "next", a)?; // b.next = a
    heap.decref(a)?; // del a, b
    heap.decref(b)?;
    println!(
        "after del a, b: refcounts {} and {}",
        heap.refcount(a)?,
        heap.refcount(b)?
    );
    println!("gc.collect() -> {}", collect(heap));
    println!("alive: {} and {}", heap.is_alive(a), heap.is_alive(b));
    println!("gc.collect() -> {}", collect(heap));
    Ok(())
}
// ANCHOR_END: node_cycle

/// The containers program: a list in itself, a list and a tuple, an instance in itself.
fn containers(heap: &mut GcHeap) -> Result<()> {
    let l = heap.new_list(&[])?;
    heap.list_append(l, l)?; // l.append(l)
    println!(
        "a list containing itself: getrefcount = {}",
        heap.getrefcount(l)?
    );
    heap.decref(l)?; // del l
    println!("gc.collect() -> {}", collect(heap));

    let l = heap.new_list(&[])?;
    let t = heap.new_tuple(&[l])?; // t = (l,)
    heap.list_append(l, t)?; // l.append(t)
    heap.decref(l)?; // del l, t
    heap.decref(t)?;
    println!(
        "a list and a tuple holding each other: gc.collect() -> {}",
        collect(heap)
    );

    let class = heap.new_class("C")?;
    let x = heap.new_instance(class)?;
    heap.set_attr(x, "self", x)?; // x.self = x
    let items: Vec<ObjRef> = (1..=3).map(|i| heap.new_int(i)).collect::<Result<_>>()?;
    let list = heap.new_list(&items)?;
    for item in items {
        heap.decref(item)?;
    }
    heap.set_attr(x, "items", list)?; // x.items = [1, 2, 3]
    heap.decref(list)?;
    heap.decref(x)?; // del x
    println!(
        "an instance holding itself and a list: gc.collect() -> {}",
        collect(heap)
    );
    Ok(())
}

// ANCHOR: loop
/// `for i in range(2000): a, b = Node(), Node(); a.next, b.next = b, a; del a, b`,
/// with a `gc.collect()` every `collect_every` pairs (never, if 0).
fn pairs_in_a_loop(heap: &mut GcHeap, collect_every: usize) -> Result<()> {
    let node = heap.new_class("Node")?;
    heap.set_global("Node", node)?;
    heap.decref(node)?;
    for i in 1..=2000 {
        let (a, b) = (heap.new_instance(node)?, heap.new_instance(node)?);
        heap.set_attr(a, "next", b)?;
        heap.set_attr(b, "next", a)?;
        heap.decref(a)?;
        heap.decref(b)?;
        if collect_every > 0 && i % collect_every == 0 {
            let found = collect(heap);
            println!("after {i:>4} pairs: gc.collect() -> {found}");
        }
    }
    println!("live objects at the end: {}", heap.live_objects());
    Ok(())
}
// ANCHOR_END: loop

fn refcount_only(heap: &mut GcHeap) -> Result<()> {
    pairs_in_a_loop(heap, 0)
}

fn with_collector(heap: &mut GcHeap) -> Result<()> {
    pairs_in_a_loop(heap, 500)
}

// ANCHOR: links
/// The example of CPython's internal documentation: a three-link cycle that the name `A`
/// keeps reachable, and a one-link cycle that nothing refers to.
fn build_links(heap: &mut GcHeap) -> Result<[ObjRef; 4]> {
    let class = heap.new_class("Link")?;
    heap.set_global("Link", class)?;
    heap.decref(class)?;
    let none = heap.none()?;
    let new_link = |heap: &mut GcHeap, name: &str, next: ObjRef| -> Result<ObjRef> {
        let link = heap.new_instance(class)?;
        heap.set_attr(link, "next_link", next)?;
        heap.set_global(name, link)?;
        heap.decref(link)?;
        Ok(link)
    };
    let link_3 = new_link(heap, "link_3", none)?; // link_3 = Link()
    let link_2 = new_link(heap, "link_2", link_3)?; // link_2 = Link(link_3)
    let link_1 = new_link(heap, "link_1", link_2)?; // link_1 = Link(link_2)
    heap.set_attr(link_3, "next_link", link_1)?; // link_3.next_link = link_1
    heap.set_global("A", link_1)?; // A = link_1
    for name in ["link_1", "link_2", "link_3"] {
        heap.del_global(name)?; // del link_1, link_2, link_3
    }
    let link_4 = new_link(heap, "link_4", none)?; // link_4 = Link()
    heap.set_attr(link_4, "next_link", link_4)?; // link_4.next_link = link_4
    heap.del_global("link_4")?; // del link_4
    heap.decref(none)?;
    Ok([link_1, link_2, link_3, link_4])
}
// ANCHOR_END: links

fn links(heap: &mut GcHeap) -> Result<()> {
    build_links(heap)?;
    println!("gc.collect() -> {}", collect(heap));
    let a = heap.get_global("A")?;
    let mut link = a;
    for _ in 0..3 {
        link = heap.get_attr(link, "next_link")?;
    }
    println!("A.next_link.next_link.next_link is A: {}", link == a);
    Ok(())
}

/// When, during the collection, to draw the heap.
#[derive(Clone, Copy, PartialEq)]
enum Moment {
    After(Phase),
    /// During `move_unreachable`, just before the first object with `gc_refs > 0` is
    /// examined: the moment objects are tentatively unreachable.
    FirstReachable,
}

// ANCHOR: links_diagram
/// Draws the links example at one moment of a collection: each object's `gc_refs`, and the
/// set it is in.
fn links_diagram(heap: &mut GcHeap, moment: Moment) -> Result<()> {
    let links = build_links(heap)?;
    let mut drawn = None;
    let mut previous = None;
    collect_observed(heap, |phase, view| {
        if drawn.is_some() {
            return;
        }
        match (moment, phase) {
            (Moment::After(wanted), _) if wanted == phase => drawn = Some(diagram(view, &links)),
            (Moment::FirstReachable, Phase::Examined(obj)) => {
                let reachable = view.entry(obj).is_some_and(|e| e.set == Set::Reachable);
                let tentative = view.entries().any(|e| e.set == Set::TentativelyUnreachable);
                if reachable && tentative {
                    drawn = previous.take(); // the picture just before this step
                } else {
                    previous = Some(diagram(view, &links));
                }
            }
            _ => {}
        }
    });
    print!(
        "{}",
        drawn.expect("the moment happens during the collection")?
    );
    Ok(())
}

fn diagram(view: &View<'_>, links: &[ObjRef; 4]) -> Result<String> {
    let in_set = |set: Set| view.entries().filter(move |e| e.set == set).map(|e| e.obj);
    let mut diagram = Diagram::new()
        .include(view.scanned().iter().copied())
        .show_namespace(false)
        .show_classes(false)
        .caption(view.heap().globals(), "module namespace");
    for (i, &link) in links.iter().enumerate() {
        diagram = diagram.caption(link, &format!("link_{}", i + 1));
    }
    diagram
        .scratch("gc_refs", view.entries().map(|e| (e.obj, e.gc_refs as i64)))
        .highlight(
            "reachable",
            "fill:#d9f0d3,stroke:#1b7837",
            in_set(Set::Reachable),
        )
        .highlight(
            "tentative",
            "fill:#fee8c8,stroke:#e6550d,stroke-dasharray:4",
            in_set(Set::TentativelyUnreachable),
        )
        .highlight(
            "unreachable",
            "fill:#fde0dd,stroke:#c51b8a",
            in_set(Set::Unreachable),
        )
        .render(view.heap())
}
// ANCHOR_END: links_diagram
