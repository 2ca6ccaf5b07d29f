//! The experiments of the chapter "Watching memory": traces, plots and heap diagrams.
//!
//! `cargo run --example ch02_watching -- --trace t.json` records every experiment's trace.

use std::collections::HashMap;
use std::process::ExitCode;

use memviz::diagram::Diagram;
use pymem::experiments::{self, Experiment};
use refcount::{Heap, ObjRef, Result};

const EXPERIMENTS: &[(&str, Experiment)] = &[
    ("trace-json", trace_json),
    ("chain", chain),
    ("balanced", balanced),
    ("leaky", leaky),
    ("outside-refs", outside_refs),
];

fn main() -> ExitCode {
    experiments::main(EXPERIMENTS)
}

// ANCHOR: trace_json
/// `x = []; x.append(None); del x`, recorded and printed as JSON.
fn trace_json(_heap: &mut Heap) -> Result<()> {
    let mut recorder = Heap::new(); // a heap of its own, so the printed trace is just this
    recorder.start_trace();
    let x = recorder.new_list(&[])?;
    recorder.set_global("x", x)?; // x = []
    recorder.decref(x)?;
    let none = recorder.none()?;
    recorder.list_append(x, none)?; // x.append(None)
    recorder.decref(none)?;
    recorder.del_global("x")?; // del x
    let trace = recorder.stop_trace();
    println!(
        "{}",
        serde_json::to_string_pretty(&trace).expect("a trace serialises")
    );
    Ok(())
}
// ANCHOR_END: trace_json

// ANCHOR: chain
/// `head = None; for i in range(1000): head = Node(head)`, then `del head`.
fn chain(heap: &mut Heap) -> Result<()> {
    let node = heap.new_class("Node")?;
    let mut head = heap.none()?;
    for _ in 0..1000 {
        let new = heap.new_instance(node)?;
        heap.set_attr(new, "next", head)?;
        heap.decref(head)?;
        head = new;
    }
    heap.set_global("head", head)?;
    heap.decref(head)?;
    println!(
        "built: {} live objects, {} bytes",
        heap.live_objects(),
        heap.live_bytes()
    );
    heap.del_global("head")?; // one decref frees a thousand nodes
    println!(
        "after del head: {} live objects, {} bytes",
        heap.live_objects(),
        heap.live_bytes()
    );
    Ok(())
}
// ANCHOR_END: chain

// ANCHOR: leak
/// `for i in range(200): current = Record([i])`: each new record replaces the last one.
fn balanced(heap: &mut Heap) -> Result<()> {
    records(heap, false)
}

/// The same loop, with one `decref` forgotten: every payload list leaks.
fn leaky(heap: &mut Heap) -> Result<()> {
    records(heap, true)
}

fn records(heap: &mut Heap, forget_a_decref: bool) -> Result<()> {
    let class = heap.new_class("Record")?;
    for i in 0..200 {
        let record = heap.new_instance(class)?;
        let number = heap.new_int(1000 + i)?;
        let payload = heap.new_list(&[number])?;
        heap.decref(number)?;
        heap.set_attr(record, "payload", payload)?;
        if !forget_a_decref {
            heap.decref(payload)?; // the record holds it now; we drop ours
        }
        heap.set_global("current", record)?; // the previous record is freed here
        heap.decref(record)?;
    }
    println!("after 200 records: {} live objects", heap.live_objects());
    Ok(())
}
// ANCHOR_END: leak

// ANCHOR: outside_refs
/// `a.peer = b; b.peer = a; del a, b` beside `keep = [Peer()]`, drawn with each object's
/// count of references from outside the heap's objects: its refcount minus the references
/// other objects hold.
fn outside_refs(heap: &mut Heap) -> Result<()> {
    let class = heap.new_class("Peer")?;
    let (a, b) = (heap.new_instance(class)?, heap.new_instance(class)?);
    heap.set_attr(a, "peer", b)?; // a.peer = b
    heap.set_attr(b, "peer", a)?; // b.peer = a
    heap.decref(a)?; // del a, b: the pair is garbage
    heap.decref(b)?;
    let c = heap.new_instance(class)?;
    let keep = heap.new_list(&[c])?;
    heap.decref(c)?;
    heap.set_global("keep", keep)?; // keep = [Peer()]
    heap.decref(keep)?;

    let mut held_inside: HashMap<ObjRef, i64> = HashMap::new();
    for holder in heap.objects() {
        heap.visit_referents(holder, |r| *held_inside.entry(r).or_default() += 1)?;
    }
    let from_outside: Vec<(ObjRef, i64)> = [a, b, keep, c]
        .into_iter()
        .map(|obj| {
            Ok((
                obj,
                heap.refcount(obj)? as i64 - held_inside.get(&obj).copied().unwrap_or(0),
            ))
        })
        .collect::<Result<_>>()?;
    let diagram = Diagram::new()
        .include([a, b])
        .show_classes(false)
        .scratch("from outside", from_outside)
        .highlight("garbage", "fill:#fde0dd,stroke:#c51b8a", [a, b]);
    print!("{}", diagram.render(heap)?);
    Ok(())
}
// ANCHOR_END: outside_refs
