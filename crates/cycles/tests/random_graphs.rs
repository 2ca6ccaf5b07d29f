//! Random object graphs against an independent oracle: a plain breadth-first search over the
//! graph as the test built it, from the objects with outside references. The collector must
//! free exactly the objects the search does not reach (minus what finalizers resurrect), free
//! nothing twice, run each finalizer once, and leave every count right.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

use cycles::GcHeap;
use proptest::prelude::*;
use refcount::trace::Event;
use refcount::{ObjRef, Result};

const MAX_NODES: usize = 24;
const MAX_EDGES: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    List,
    Dict,
    Tuple,
    /// An instance of class 0 (no `__del__`), 1 (`__del__` counts) or 2 (`__del__` counts
    /// and, when the collector calls it, resurrects: `global saved_i; saved_i = self`). On
    /// the reference-counting path class 2 only counts, which keeps the oracle simple.
    Instance(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outside {
    /// The constructor's reference is dropped once the graph is built.
    Nothing,
    /// Rust keeps the constructor's reference through the first collection.
    Rust,
    /// Bound to a global name.
    Global,
}

/// An edge's target: another node, or a fresh str (an untracked object).
#[derive(Clone, Copy, Debug)]
enum Target {
    Node(usize),
    Atom,
}

#[derive(Clone, Debug)]
struct Node {
    kind: Kind,
    edges: Vec<Target>,
    outside: Outside,
}

fn graph() -> impl Strategy<Value = Vec<Node>> {
    (1..=MAX_NODES).prop_flat_map(|n| {
        let kind = prop_oneof![
            Just(Kind::List),
            Just(Kind::Dict),
            Just(Kind::Tuple),
            (0u8..3).prop_map(Kind::Instance),
        ];
        let target = prop_oneof![
            6 => (0..n).prop_map(Target::Node),
            1 => Just(Target::Atom),
        ];
        let outside = prop_oneof![
            6 => Just(Outside::Nothing),
            1 => Just(Outside::Rust),
            1 => Just(Outside::Global),
        ];
        let node = (kind, prop::collection::vec(target, 0..=MAX_EDGES), outside).prop_map(
            |(kind, edges, outside)| Node {
                kind,
                edges,
                outside,
            },
        );
        prop::collection::vec(node, n)
    })
}

/// A tuple's items must exist when it is created: it may refer to any non-tuple and to
/// tuples before it. Other edges are dropped; what remains is the graph both the heap and
/// the oracle see.
fn effective_edges(nodes: &[Node]) -> Vec<Vec<Target>> {
    nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let keep = |t: &&Target| match **t {
                Target::Node(j) => {
                    node.kind != Kind::Tuple || nodes[j].kind != Kind::Tuple || j < i
                }
                Target::Atom => true,
            };
            node.edges.iter().filter(keep).copied().collect()
        })
        .collect()
}

/// Everything reachable from `from` along node edges.
fn closure(edges: &[Vec<Target>], from: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
    let mut seen: BTreeSet<usize> = BTreeSet::new();
    let mut queue: VecDeque<usize> = from.into_iter().collect();
    while let Some(i) = queue.pop_front() {
        if seen.insert(i) {
            for t in &edges[i] {
                if let Target::Node(j) = *t {
                    queue.push_back(j);
                }
            }
        }
    }
    seen
}

fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), TestCaseError> {
    if condition {
        Ok(())
    } else {
        Err(TestCaseError::fail(message()))
    }
}

fn heap_ok(result: Result<()>) -> Result<(), TestCaseError> {
    result.map_err(|e| TestCaseError::fail(e.to_string()))
}

/// The ids freed in `events`, checking that none is freed twice and nothing is allocated.
fn freed_ids(events: &[Event]) -> Result<BTreeSet<u64>, TestCaseError> {
    let mut freed = BTreeSet::new();
    for event in events {
        match event {
            Event::Free { id, .. } => ensure(freed.insert(*id), || format!("{id:#x} freed twice"))?,
            Event::Alloc { .. } => return Err(TestCaseError::fail("allocation during the test")),
            _ => {}
        }
    }
    Ok(freed)
}

fn run(nodes: &[Node]) -> Result<(), TestCaseError> {
    let edges = effective_edges(nodes);
    let n = nodes.len();
    let calls = Rc::new(RefCell::new(vec![0u32; n]));
    let mut heap = cycles::new_heap();
    let h = |r: Result<ObjRef>| r.map_err(|e| TestCaseError::fail(e.to_string()));

    // Every name the test (or a finalizer) will use is interned up front, so that nothing is
    // allocated while collecting and a freed id can only be freed once.
    let mut names: Vec<String> = vec!["i".into()];
    names.extend((0..MAX_EDGES).map(|k| format!("e{k}")));
    names.extend((0..n).flat_map(|i| [format!("g{i}"), format!("saved_{i}")]));
    for name in &names {
        let key = h(heap.intern(name))?;
        heap_ok(heap.decref(key))?;
    }

    let mut classes = Vec::new();
    for c in 0..3u8 {
        let class = if c == 0 {
            h(heap.new_class("Plain"))?
        } else {
            let calls = Rc::clone(&calls);
            h(heap.new_class_with_del(
                ["", "Counting", "Lazarus"][c as usize],
                move |heap, this| {
                    // The heap must be consistent while the collector runs a finalizer. (Not on
                    // the reference-counting path: there a container being deallocated is
                    // still counted while its items are released.)
                    if heap.hooks().is_collecting() {
                        heap.check_invariants()?;
                    }
                    let i = heap.as_int(heap.get_attr(this, "i")?)? as usize;
                    calls.borrow_mut()[i] += 1;
                    if c == 2 && heap.hooks().is_collecting() {
                        heap.set_global(&format!("saved_{i}"), this)?;
                    }
                    Ok(())
                },
            ))?
        };
        classes.push(class);
    }
    // Once the classes are gone, so are their `__del__` functions.
    let baseline = heap.live_objects();
    let with_classes = classes.len() + 2;

    // Build: non-tuples first, then tuples (whose items must exist), then the other edges.
    let mut objs: Vec<Option<ObjRef>> = vec![None; n];
    for (i, node) in nodes.iter().enumerate() {
        objs[i] = match node.kind {
            Kind::List => Some(h(heap.new_list(&[]))?),
            Kind::Dict => Some(h(heap.new_dict())?),
            Kind::Instance(c) => {
                let obj = h(heap.new_instance(classes[c as usize]))?;
                let index = h(heap.new_int(i as i64))?; // a cached small int
                heap_ok(heap.set_attr(obj, "i", index))?;
                heap_ok(heap.decref(index))?;
                Some(obj)
            }
            Kind::Tuple => None,
        };
    }
    let mut atoms = Vec::new();
    let mut target = |heap: &mut GcHeap, objs: &[Option<ObjRef>], t: Target| -> Result<ObjRef> {
        match t {
            Target::Node(j) => Ok(objs[j].expect("created before")),
            Target::Atom => {
                let atom = heap.new_str("atom")?;
                atoms.push(atom);
                Ok(atom)
            }
        }
    };
    for i in (0..n).filter(|&i| nodes[i].kind == Kind::Tuple) {
        let items: Vec<ObjRef> = edges[i]
            .iter()
            .map(|&t| target(&mut heap, &objs, t))
            .collect::<Result<_>>()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        objs[i] = Some(h(heap.new_tuple(&items))?);
    }
    let created = objs;
    let objs: Vec<ObjRef> = created.iter().map(|o| o.expect("all created")).collect();
    for (i, node) in nodes.iter().enumerate() {
        for (k, &t) in edges[i].iter().enumerate() {
            let result = match node.kind {
                Kind::Tuple => continue,
                Kind::List => {
                    target(&mut heap, &created, t).and_then(|v| heap.list_append(objs[i], v))
                }
                Kind::Dict => target(&mut heap, &created, t).and_then(|v| {
                    let key = heap.new_int(k as i64)?;
                    heap.dict_set(objs[i], key, v)?;
                    heap.decref(key)
                }),
                Kind::Instance(_) => target(&mut heap, &created, t)
                    .and_then(|v| heap.set_attr(objs[i], &format!("e{k}"), v)),
            };
            heap_ok(result)?;
        }
    }
    for atom in atoms {
        heap_ok(heap.decref(atom))?; // the containers hold them now
    }
    let ids: Vec<u64> = objs.iter().map(|&r| heap.id(r).unwrap()).collect();
    let node_of: BTreeMap<u64, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let freed_nodes = |events: &[Event]| -> Result<BTreeSet<usize>, TestCaseError> {
        Ok(freed_ids(events)?
            .iter()
            .filter_map(|id| node_of.get(id).copied())
            .collect())
    };

    // The oracle, from the graph as built. Unreachable objects outside any cycle, and not
    // hanging from one, die by reference counting as soon as the constructors' references
    // go; the rest of the unreachable objects is the collector's work.
    let roots = (0..n).filter(|&i| nodes[i].outside != Outside::Nothing);
    let reachable = closure(&edges, roots);
    let unreachable: BTreeSet<usize> = (0..n).filter(|i| !reachable.contains(i)).collect();
    let on_cycle = unreachable.iter().copied().filter(|&i| {
        let successors = edges[i].iter().filter_map(|t| match *t {
            Target::Node(j) => Some(j),
            Target::Atom => None,
        });
        closure(&edges, successors).contains(&i)
    });
    let cyclic_garbage: BTreeSet<usize> = closure(&edges, on_cycle)
        .intersection(&unreachable)
        .copied()
        .collect();
    let refcount_garbage: BTreeSet<usize> =
        unreachable.difference(&cyclic_garbage).copied().collect();
    let has_del = |i: usize| matches!(nodes[i].kind, Kind::Instance(1 | 2));
    let lazarus = cyclic_garbage
        .iter()
        .copied()
        .filter(|&i| nodes[i].kind == Kind::Instance(2));
    let resurrected = closure(&edges, lazarus);
    let garbage: BTreeSet<usize> = cyclic_garbage.difference(&resurrected).copied().collect();

    // Drop the constructors' references: reference counting frees what it can.
    heap.start_trace();
    for (i, node) in nodes.iter().enumerate() {
        match node.outside {
            Outside::Rust => {}
            Outside::Global => {
                heap_ok(heap.set_global(&format!("g{i}"), objs[i]))?;
                heap_ok(heap.decref(objs[i]))?;
            }
            Outside::Nothing => heap_ok(heap.decref(objs[i]))?,
        }
    }
    let freed = freed_nodes(&heap.stop_trace().events)?;
    ensure(freed == refcount_garbage, || {
        format!("reference counting freed {freed:?}, the oracle says {refcount_garbage:?}")
    })?;
    heap_ok(heap.check_invariants())?;
    heap_ok(cycles::check_tracking(&heap))?;

    // The first collection: exactly the cyclic garbage goes, minus what finalizers resurrect.
    heap.start_trace();
    let collected = cycles::collect(&mut heap);
    let events = heap.stop_trace().events;
    ensure(collected == garbage.len(), || {
        format!(
            "collect() returned {collected}, the oracle says {garbage:?} \
             (cyclic garbage {cyclic_garbage:?}, resurrected {resurrected:?})"
        )
    })?;
    for i in 0..n {
        let dead = refcount_garbage.contains(&i) || garbage.contains(&i);
        ensure(heap.is_alive(objs[i]) != dead, || {
            format!(
                "node {i} ({:?}): alive {}, oracle: dead {dead}",
                nodes[i].kind,
                heap.is_alive(objs[i])
            )
        })?;
        let expected_calls = u32::from(has_del(i) && unreachable.contains(&i));
        ensure(calls.borrow()[i] == expected_calls, || {
            format!(
                "node {i}: __del__ ran {} times, expected {expected_calls}",
                calls.borrow()[i]
            )
        })?;
    }
    let freed = freed_nodes(&events)?;
    ensure(freed == garbage, || {
        format!("the collection freed {freed:?}, garbage {garbage:?}")
    })?;
    ensure(heap.take_unraisable().is_empty(), || {
        "a finalizer failed".into()
    })?;
    heap_ok(heap.check_invariants())?;
    heap_ok(cycles::check_tracking(&heap))?;

    // Then drop every outside reference: everything goes, each finalizer having run once.
    heap.start_trace();
    for (i, node) in nodes.iter().enumerate() {
        match node.outside {
            Outside::Rust => heap_ok(heap.decref(objs[i]))?,
            Outside::Global => heap_ok(heap.del_global(&format!("g{i}")))?,
            Outside::Nothing => {}
        }
        heap_ok(heap.check_invariants())?;
    }
    for _round in 0..3 {
        // Finalizers on the way may resurrect Lazarus instances once each.
        for i in 0..n {
            let name = format!("saved_{i}");
            if heap.get_global(&name).is_ok() {
                heap_ok(heap.del_global(&name))?;
            }
        }
        cycles::collect(&mut heap);
        heap_ok(heap.check_invariants())?;
        heap_ok(cycles::check_tracking(&heap))?;
    }
    freed_ids(&heap.stop_trace().events)?;
    for (i, &obj) in objs.iter().enumerate() {
        ensure(!heap.is_alive(obj), || format!("node {i} survived"))?;
        ensure(calls.borrow()[i] == u32::from(has_del(i)), || {
            format!("node {i}: __del__ ran {} times in all", calls.borrow()[i])
        })?;
    }
    ensure(heap.take_unraisable().is_empty(), || {
        "a finalizer failed".into()
    })?;
    for class in classes {
        heap_ok(heap.decref(class))?;
    }
    ensure(heap.live_objects() == baseline - with_classes, || {
        format!(
            "{} objects left, expected {}",
            heap.live_objects(),
            baseline - with_classes
        )
    })?;
    heap_ok(heap.check_invariants())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_collector_frees_exactly_what_the_oracle_finds_unreachable(nodes in graph()) {
        run(&nodes)?;
    }
}
