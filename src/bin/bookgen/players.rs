//! The step-through players: collections run on the real runtime at book-build time, recorded
//! step by step through the collector's own observer (`gc_collect_main`'s `observe`, the one
//! the tests assert on), then drawn by `player_html.rs` as one picture per step.
//!
//! Each scenario builds its heap with the runtime crates, names the objects to draw, and
//! calls [`record`]. Nothing about the collection is written by hand: every state, count,
//! generation and reference in a step is read from the heap or from the collector's
//! [`Snapshot`] at that moment, and the captions are worded from what changed.

use cycles::{GcHooks, Phase, Set, Snapshot, gc_collect_main};
use refcount::{Attrs, Heap, ObjRef, Object, Result};

use crate::player_html;

pub struct Player {
    /// Where it goes, under `book/generated/`.
    pub file: &'static str,
    pub record: fn() -> Result<Recording>,
}

pub const PLAYERS: &[Player] = &[
    Player {
        file: "players/links.html",
        record: links,
    },
    Player {
        file: "players/resurrection.html",
        record: resurrection,
    },
    Player {
        file: "players/young.html",
        record: young,
    },
];

/// Draws every player: path under `book/generated/` → the HTML fragment a chapter includes.
pub fn produce() -> std::result::Result<Vec<(&'static str, String)>, String> {
    PLAYERS
        .iter()
        .map(|p| {
            let recording = (p.record)().map_err(|e| format!("{}: {e}", p.file))?;
            Ok((p.file, player_html::render(&recording)))
        })
        .collect()
}

/// Where an object stands in one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Before the collection starts.
    Tracked,
    /// In an older generation than the one collected: not examined.
    Old,
    /// Part of the collection, not reached by `move_unreachable` yet.
    Unexamined,
    Reachable,
    Tentative,
    Unreachable,
    /// Unreachable, and its `__del__` has run.
    Finalized,
    Resurrected,
    Freed,
}

/// One object in one step.
#[derive(Clone, Debug)]
pub struct NodeStep {
    pub state: State,
    pub refcount: Option<u64>,
    pub gc_refs: Option<u64>,
    pub generation: Option<usize>,
    /// The object `move_unreachable` has just examined.
    pub current: bool,
}

pub struct Step {
    /// What the collector just did, as HTML (function names in `<code>`).
    pub caption: String,
    pub nodes: Vec<NodeStep>,
    /// Which of [`Recording::edges`] exist at this step.
    pub edges: Vec<bool>,
}

pub struct Recording {
    /// The player's id in the page, and its title.
    pub id: &'static str,
    pub title: &'static str,
    /// The drawn objects' names and types.
    pub nodes: Vec<(String, String)>,
    /// Every reference between drawn objects seen at any step: from, to, label (empty for an
    /// instance's reference to its class).
    pub edges: Vec<(usize, usize, String)>,
    /// Objects the layout starts from (in the first column): those with references from
    /// outside the collection.
    pub roots: Vec<usize>,
    pub show_generations: bool,
    pub steps: Vec<Step>,
}

// ------------------------------------------------------------------------------ scenarios

/// The "Cycles" chapter's example (CPython's internal documentation's): `A` keeps a
/// three-link cycle reachable; `link_4` refers only to itself.
fn links() -> Result<Recording> {
    let mut heap = cycles::new_heap();
    let class = heap.new_class("Link")?;
    heap.set_global("Link", class)?;
    heap.decref(class)?;
    let none = heap.none()?;
    let new_link = |heap: &mut cycles::GcHeap, name: &str, next: ObjRef| -> Result<ObjRef> {
        let link = heap.new_instance(class)?;
        heap.set_attr(link, "next_link", next)?;
        heap.set_global(name, link)?;
        heap.decref(link)?;
        Ok(link)
    };
    let link_3 = new_link(&mut heap, "link_3", none)?; // link_3 = Link()
    let link_2 = new_link(&mut heap, "link_2", link_3)?; // link_2 = Link(link_3)
    let link_1 = new_link(&mut heap, "link_1", link_2)?; // link_1 = Link(link_2)
    heap.set_attr(link_3, "next_link", link_1)?; // link_3.next_link = link_1
    heap.set_global("A", link_1)?; // A = link_1
    for name in ["link_1", "link_2", "link_3"] {
        heap.del_global(name)?; // del link_1, link_2, link_3
    }
    let link_4 = new_link(&mut heap, "link_4", none)?; // link_4 = Link()
    heap.set_attr(link_4, "next_link", link_4)?; // link_4.next_link = link_4
    heap.del_global("link_4")?; // del link_4
    heap.decref(none)?;
    let globals = heap.globals();
    let names = [
        (globals, "globals"),
        (class, "Link"),
        (link_1, "link_1"),
        (link_2, "link_2"),
        (link_3, "link_3"),
        (link_4, "link_4"),
    ];
    let drawn = tracked_in_order(&heap, &names);
    record(
        &mut heap,
        0,
        &drawn,
        Scenario {
            id: "links",
            title: "gc.collect() on the Link example: A keeps link_1 → link_2 → link_3 → link_1 \
                    reachable; link_4 refers only to itself",
            show_generations: false,
        },
    )
}

/// A `__del__` that stores `self` in a global: `saved` brings its object back, with the
/// object it refers to, while a cycle without a finalizer is collected in the same pass.
fn resurrection() -> Result<Recording> {
    let mut heap = cycles::new_heap();
    // class Lazarus:
    //     def __del__(self): global saved; saved = self
    let lazarus =
        heap.new_class_with_del("Lazarus", |heap, this| heap.set_global("saved", this))?;
    heap.set_global("Lazarus", lazarus)?;
    heap.decref(lazarus)?;
    let node = heap.new_class("Node")?; // class Node: pass
    heap.set_global("Node", node)?;
    heap.decref(node)?;
    let a = heap.new_instance(lazarus)?; // a = Lazarus()
    let b = heap.new_instance(node)?; // b = Node()
    heap.set_attr(a, "partner", b)?; // a.partner = b
    heap.set_attr(b, "partner", a)?; // b.partner = a
    heap.decref(a)?; // del a, b
    heap.decref(b)?;
    let c = heap.new_instance(node)?; // c = Node()
    heap.set_attr(c, "me", c)?; // c.me = c
    heap.decref(c)?; // del c
    let globals = heap.globals();
    let del = heap
        .class_attr(lazarus, "__del__")?
        .expect("Lazarus has a __del__");
    let names = [
        (globals, "globals"),
        (lazarus, "Lazarus"),
        (del, "Lazarus.__del__"),
        (node, "Node"),
        (a, "a"),
        (b, "b"),
        (c, "c"),
    ];
    let drawn = tracked_in_order(&heap, &names);
    record(
        &mut heap,
        0,
        &drawn,
        Scenario {
            id: "resurrection",
            title: "gc.collect() with a __del__ that resurrects: a (a Lazarus, whose __del__ does \
                    global saved; saved = self) and b hold each other; c holds itself",
            show_generations: false,
        },
    )
}

/// A collection of generation 0 on stage 3's heap: old objects are not examined, but their
/// references into the young generation count as references from outside; the survivors
/// move to generation 1.
fn young() -> Result<Recording> {
    let mut heap = generations::new_heap();
    let node = heap.new_class("Node")?; // class Node: pass
    heap.set_global("Node", node)?;
    heap.decref(node)?;
    let cache = heap.new_list(&[])?; // cache = []
    heap.set_global("cache", cache)?;
    heap.decref(cache)?;
    generations::gc::collect(&mut heap, 2)?; // gc.collect(): all of this is old now
    let data = heap.new_list(&[])?; // data = []
    let s = heap.new_instance(node)?; // s = Node()
    heap.set_global("s", s)?;
    heap.decref(s)?;
    heap.set_attr(s, "data", data)?; // s.data = data
    heap.decref(data)?; // del data
    let item = heap.new_instance(node)?; // cache.append(Node())
    heap.list_append(cache, item)?;
    heap.decref(item)?;
    let a = heap.new_instance(node)?; // a = Node(); b = Node()
    let b = heap.new_instance(node)?;
    heap.set_attr(a, "next", b)?; // a.next = b; b.next = a
    heap.set_attr(b, "next", a)?;
    heap.decref(a)?; // del a, b
    heap.decref(b)?;
    let globals = heap.globals();
    let names = [
        (globals, "globals"),
        (cache, "cache"),
        (data, "s.data"),
        (s, "s"),
        (item, "cache[0]"),
        (a, "a"),
        (b, "b"),
    ];
    let drawn = tracked_in_order(&heap, &names);
    record(
        &mut heap,
        0,
        &drawn,
        Scenario {
            id: "young",
            title: "gc.collect(0): a young collection. globals and cache are old (generation 2); \
                    s, s.data, cache[0] and the cycle a ⇄ b are young",
            show_generations: true,
        },
    )
}

/// The named objects, in the order the collector keeps them (its generation lists, youngest
/// first, each in tracking order): the order of the walk, and so of the layout.
fn tracked_in_order<H: GcHooks>(heap: &Heap<H>, names: &[(ObjRef, &str)]) -> Vec<(ObjRef, String)> {
    let tracker = heap.hooks().tracker();
    let mut order: Vec<ObjRef> = tracker.tracked().collect();
    order.retain(|obj| names.iter().any(|(o, _)| o == obj));
    order
        .into_iter()
        .map(|obj| {
            let name = names.iter().find(|(o, _)| *o == obj).expect("kept above").1;
            (obj, name.to_string())
        })
        .collect()
}

// ------------------------------------------------------------------------------ recording

struct Scenario {
    id: &'static str,
    title: &'static str,
    show_generations: bool,
}

/// What the observer saw at one phase: the collector's snapshot, and what it could read from
/// the heap then.
struct Seen {
    snapshot: Snapshot,
    heap: HeapState,
}

/// What the heap says about the drawn objects at one moment.
#[derive(Clone)]
struct HeapState {
    alive: Vec<bool>,
    refcount: Vec<Option<u64>>,
    generation: Vec<Option<usize>>,
    finalized: Vec<bool>,
    edges: Vec<(usize, usize, String)>,
}

fn heap_state<H: GcHooks>(heap: &Heap<H>, drawn: &[ObjRef]) -> HeapState {
    let tracker = heap.hooks().tracker();
    let index = |obj: ObjRef| drawn.iter().position(|&d| d == obj);
    let mut edges = Vec::new();
    for (from, &obj) in drawn.iter().enumerate() {
        for (label, target) in references(heap, obj) {
            if let Some(to) = index(target) {
                edges.push((from, to, label));
            }
        }
    }
    HeapState {
        alive: drawn.iter().map(|&o| heap.is_alive(o)).collect(),
        refcount: drawn.iter().map(|&o| heap.refcount(o).ok()).collect(),
        generation: drawn.iter().map(|&o| tracker.list_of(o)).collect(),
        finalized: drawn
            .iter()
            .map(|&o| heap.is_finalized(o).unwrap_or(false))
            .collect(),
        edges,
    }
}

/// The references an object holds, labelled the way Python would reach them: `.name` for an
/// attribute, `[key]` for a dict entry, `[i]` for an item; an instance's reference to its class
/// has no label.
fn references<H: GcHooks>(heap: &Heap<H>, obj: ObjRef) -> Vec<(String, ObjRef)> {
    let indexed = |items: &[ObjRef]| -> Vec<(String, ObjRef)> {
        items
            .iter()
            .enumerate()
            .map(|(i, &t)| (format!("[{i}]"), t))
            .collect()
    };
    let str_of = |r: ObjRef| heap.as_str(r).map(str::to_string).unwrap_or_default();
    match heap.get(obj) {
        Ok(Object::List(list)) => indexed(list.items()),
        Ok(Object::Tuple(items)) => indexed(items),
        Ok(Object::Dict(dict)) => dict
            .entries()
            .iter()
            .map(|&(k, v)| (format!("[{}]", str_of(k)), v))
            .collect(),
        Ok(Object::Instance(inst)) => {
            let mut out = Vec::new();
            match (inst.attrs(), heap.get(inst.class())) {
                (Attrs::Inline(values), Ok(Object::Class(class))) => {
                    for (&key, value) in class.keys().iter().zip(values.iter()) {
                        if let Some(v) = value {
                            out.push((format!(".{}", str_of(key)), *v));
                        }
                    }
                }
                (Attrs::Dict(dict), _) => out.push(("__dict__".to_string(), *dict)),
                _ => {}
            }
            out.push((String::new(), inst.class()));
            out
        }
        _ => Vec::new(),
    }
}

/// Runs one collection of `generation`, observed, and turns what was seen into steps.
fn record<H: GcHooks>(
    heap: &mut Heap<H>,
    generation: usize,
    drawn: &[(ObjRef, String)],
    scenario: Scenario,
) -> Result<Recording> {
    let objs: Vec<ObjRef> = drawn.iter().map(|(o, _)| *o).collect();
    let nodes = drawn
        .iter()
        .map(|(o, name)| Ok((name.clone(), heap.type_name(*o)?)))
        .collect::<Result<Vec<_>>>()?;
    let before = heap_state(heap, &objs);
    let mut seen: Vec<Seen> = Vec::new();
    let stats = gc_collect_main(heap, generation, |_, view| {
        seen.push(Seen {
            snapshot: view.snapshot(),
            heap: heap_state(view.heap(), &objs),
        });
    });
    let after = heap_state(heap, &objs);

    let mut edges: Vec<(usize, usize, String)> = Vec::new();
    for state in [&before, &after]
        .into_iter()
        .chain(seen.iter().map(|s| &s.heap))
    {
        for edge in &state.edges {
            if !edges.contains(edge) {
                edges.push(edge.clone());
            }
        }
    }
    let mut steps = Steps {
        nodes: &nodes,
        all_edges: &edges,
        steps: Vec::new(),
    };
    let examined = |snapshot: &Snapshot, i: usize| snapshot.entry(objs[i]);

    // Before: the reference counts, and where each object is.
    let first = &seen.first().expect("update_refs is observed").snapshot;
    let before_nodes: Vec<NodeStep> = (0..objs.len())
        .map(|i| NodeStep {
            state: if examined(first, i).is_some() {
                State::Tracked
            } else {
                State::Old
            },
            refcount: before.refcount[i],
            gc_refs: None,
            generation: before.generation[i],
            current: false,
        })
        .collect();
    let young: Vec<usize> = (0..objs.len())
        .filter(|&i| examined(first, i).is_some())
        .collect();
    let young_text = if young.len() == objs.len() {
        "every tracked object".to_string()
    } else {
        let which = match generation {
            0 => "generation 0".to_string(),
            g => format!("generations 0 to {g}"),
        };
        format!(
            "{which}: {} (the others are older and are not examined)",
            steps.list(&young)
        )
    };
    steps.push(
        format!(
            "Before the collection: each object's reference count. <code>gc_collect_main</code> \
             takes the objects to examine off their lists: {young_text}."
        ),
        before_nodes,
        &before,
    );

    let mut previous: Option<&Snapshot> = None;
    let mut examined_once = vec![false; objs.len()];
    for s in &seen {
        let snap = &s.snapshot;
        let node = |i: usize, current: bool| -> NodeStep {
            match examined(snap, i) {
                Some(entry) => NodeStep {
                    state: state_of(entry.set, s.heap.finalized[i]),
                    refcount: s.heap.refcount[i],
                    gc_refs: (entry.set != Set::Freed).then_some(entry.gc_refs),
                    generation: if snap.phase == Phase::Final {
                        s.heap.generation[i]
                    } else {
                        before.generation[i]
                    },
                    current,
                },
                None => NodeStep {
                    state: State::Old,
                    refcount: s.heap.refcount[i],
                    gc_refs: None,
                    generation: s.heap.generation[i],
                    current: false,
                },
            }
        };
        let all = |current: Option<usize>| -> Vec<NodeStep> {
            (0..objs.len())
                .map(|i| node(i, Some(i) == current))
                .collect()
        };
        match snap.phase {
            Phase::UpdateRefs => steps.push(
                "<code>update_refs</code> copies each examined object's reference count into its \
                 <code>gc_refs</code>, and marks it as part of the collection."
                    .to_string(),
                all(None),
                &s.heap,
            ),
            Phase::SubtractRefs => {
                let outside: Vec<usize> = young
                    .iter()
                    .copied()
                    .filter(|&i| examined(snap, i).is_some_and(|e| e.gc_refs > 0))
                    .collect();
                steps.push(
                    format!(
                        "<code>subtract_refs</code> takes one off the <code>gc_refs</code> of \
                         every examined object for each reference another examined object holds \
                         to it. What is left counts references from outside: {}.",
                        match outside.len() {
                            0 => "no object has any".to_string(),
                            1 => format!("only {} has some", steps.list(&outside)),
                            _ => format!("{} have some", steps.list(&outside)),
                        }
                    ),
                    all(None),
                    &s.heap,
                )
            }
            Phase::Examined(obj) => {
                let i = objs.iter().position(|&o| o == obj);
                let prev = previous.expect("update_refs and subtract_refs come first");
                let caption = match i {
                    Some(i) => {
                        let again = if examined_once[i] { " again" } else { "" };
                        examined_once[i] = true;
                        examine_caption(&steps, &objs, prev, snap, i, again)
                    }
                    None => "<code>move_unreachable</code> examines an object not drawn here."
                        .to_string(),
                };
                steps.push(caption, all(i), &s.heap);
            }
            Phase::MoveUnreachable => {
                let unreachable: Vec<usize> = young
                    .iter()
                    .copied()
                    .filter(|&i| examined(snap, i).is_some_and(|e| e.set == Set::Unreachable))
                    .collect();
                steps.push(
                    format!(
                        "<code>move_unreachable</code> is done. Unreachable: {}; every other \
                         examined object is reachable.",
                        steps.list_or_none(&unreachable)
                    ),
                    all(None),
                    &s.heap,
                );
            }
            Phase::Final => {
                let moved = steps.steps.last().expect("move_unreachable came first");
                let mut promoted: Vec<NodeStep> = moved.nodes.clone();
                let mut survivors = Vec::new();
                for &i in &young {
                    if promoted[i].state == State::Reachable
                        && s.heap.generation[i] != before.generation[i]
                    {
                        promoted[i].generation = s.heap.generation[i];
                        survivors.push(i);
                    }
                }
                if !survivors.is_empty() {
                    let to = s.heap.generation[survivors[0]].unwrap_or_default();
                    let caption = format!(
                        "The survivors move to generation {to} (<code>gc_collect_main</code>: \
                         <code>untrack_tuples</code>, then <code>gc_list_merge(young, old)</code>): \
                         {}. The next young collection will not examine them.",
                        steps.list(&survivors)
                    );
                    let edges = before.clone();
                    steps.push(caption, promoted.clone(), &edges);
                }
                let now = all(None);
                let finalized: Vec<usize> = young
                    .iter()
                    .copied()
                    .filter(|&i| s.heap.finalized[i] && !before.finalized[i])
                    .collect();
                if stats.finalized == 0 {
                    steps.push(
                        "<code>finalize_garbage</code>: no unreachable object has a \
                         <code>__del__</code> to run, so none can be resurrected and \
                         <code>handle_resurrected_objects</code> has nothing to do."
                            .to_string(),
                        now,
                        &s.heap,
                    );
                } else {
                    // The finalizers ran; reachability is not recomputed yet.
                    let mut ran = promoted.clone();
                    for &i in &young {
                        if !s.heap.alive[i] {
                            ran[i].state = State::Freed;
                            ran[i].gc_refs = None;
                        } else if finalized.contains(&i) {
                            ran[i].state = State::Finalized;
                        }
                        ran[i].refcount = s.heap.refcount[i];
                    }
                    let new_edges: Vec<String> = s
                        .heap
                        .edges
                        .iter()
                        .filter(|e| !before.edges.contains(e))
                        .map(|(from, to, label)| {
                            format!("{}{label} → {}", steps.name(*from), steps.name(*to))
                        })
                        .collect();
                    let stored = if new_edges.is_empty() {
                        String::new()
                    } else {
                        format!(" It stored a new reference: {}.", new_edges.join(", "))
                    };
                    steps.push(
                        format!(
                            "<code>finalize_garbage</code> runs the <code>__del__</code> of {} \
                             (PEP 442: every finalizer runs before anything is cleared).{stored}",
                            steps.list(&finalized)
                        ),
                        ran,
                        &s.heap,
                    );
                    let resurrected: Vec<usize> = young
                        .iter()
                        .copied()
                        .filter(|&i| now[i].state == State::Resurrected)
                        .collect();
                    let still: Vec<usize> = young
                        .iter()
                        .copied()
                        .filter(|&i| matches!(now[i].state, State::Unreachable | State::Finalized))
                        .collect();
                    steps.push(
                        format!(
                            "<code>handle_resurrected_objects</code> runs <code>update_refs</code>, \
                             <code>subtract_refs</code> and <code>move_unreachable</code> again, on \
                             the unreachable objects alone. Reachable again (resurrected, they \
                             survive and are not counted): {}. Still garbage: {}.",
                            steps.list_or_none(&resurrected),
                            steps.list_or_none(&still)
                        ),
                        now,
                        &s.heap,
                    );
                }
            }
        }
        previous = Some(snap);
    }

    // After: delete_garbage cleared the garbage, and reference counting freed it.
    let last = steps.steps.last().expect("the final phase is observed");
    let mut done: Vec<NodeStep> = last.nodes.clone();
    let mut freed = Vec::new();
    for (i, node) in done.iter_mut().enumerate() {
        node.refcount = after.refcount[i];
        node.generation = after.generation[i];
        if !after.alive[i] && node.state != State::Freed {
            freed.push(i);
            node.state = State::Freed;
            node.gc_refs = None;
        }
    }
    steps.push(
        format!(
            "<code>delete_garbage</code> clears each object still unreachable (<code>tp_clear</code> \
             drops the references it holds); reference counting then frees {}. \
             The collection returns {}.",
            steps.list_or_none(&freed),
            stats.collected + stats.uncollectable
        ),
        done,
        &after,
    );

    let steps = steps.steps;
    Ok(Recording {
        id: scenario.id,
        title: scenario.title,
        nodes,
        roots: roots(&seen, &objs),
        edges,
        show_generations: scenario.show_generations,
        steps,
    })
}

/// Where the layout starts: the drawn objects the collection does not examine (older ones,
/// whose references into it count as from outside), or if it examines all of them, those with
/// references from outside (`gc_refs > 0` once `subtract_refs` is done).
fn roots(seen: &[Seen], objs: &[ObjRef]) -> Vec<usize> {
    let subtracted = &seen
        .iter()
        .find(|s| s.snapshot.phase == Phase::SubtractRefs)
        .expect("subtract_refs is observed")
        .snapshot;
    let old: Vec<usize> = (0..objs.len())
        .filter(|&i| subtracted.entry(objs[i]).is_none())
        .collect();
    if !old.is_empty() {
        return old;
    }
    (0..objs.len())
        .filter(|&i| subtracted.entry(objs[i]).is_some_and(|e| e.gc_refs > 0))
        .collect()
}

fn state_of(set: Set, finalized: bool) -> State {
    match set {
        Set::Unexamined => State::Unexamined,
        Set::Reachable => State::Reachable,
        Set::TentativelyUnreachable => State::Tentative,
        Set::Unreachable if finalized => State::Finalized,
        Set::Unreachable => State::Unreachable,
        Set::Resurrected => State::Resurrected,
        Set::Freed => State::Freed,
    }
}

/// The caption of one step of `move_unreachable`, from what changed since the last one.
fn examine_caption(
    steps: &Steps<'_>,
    objs: &[ObjRef],
    prev: &Snapshot,
    now: &Snapshot,
    i: usize,
    again: &str,
) -> String {
    let entry = now.entry(objs[i]).expect("an examined object");
    let name = steps.name(i);
    if entry.set == Set::TentativelyUnreachable {
        return format!(
            "<code>move_unreachable</code> examines {name}{again}: <code>gc_refs</code> is 0, \
             so it goes to the unreachable list, tentatively: a reachable object examined later \
             may still refer to it."
        );
    }
    let (mut marked, mut moved_back) = (Vec::new(), Vec::new());
    for (j, &obj) in objs.iter().enumerate() {
        let (Some(p), Some(n)) = (prev.entry(obj), now.entry(obj)) else {
            continue;
        };
        if j == i {
            continue;
        }
        if p.set == Set::TentativelyUnreachable && n.set == Set::Unexamined {
            moved_back.push(j);
        } else if p.set == Set::Unexamined && p.gc_refs == 0 && n.gc_refs > 0 {
            marked.push(j);
        }
    }
    let mut text = format!(
        "<code>move_unreachable</code> examines {name}{again}: <code>gc_refs</code> is {}, so it \
         is reachable, and <code>visit_reachable</code> visits what it refers to.",
        entry.gc_refs
    );
    if !marked.is_empty() {
        text += &format!(
            " It refers to {}, not examined yet, and sets {} <code>gc_refs</code> to 1, so that \
             the walk will find {} reachable.",
            steps.list(&marked),
            if marked.len() == 1 { "its" } else { "their" },
            if marked.len() == 1 { "it" } else { "them" }
        );
    }
    if !moved_back.is_empty() {
        text += &format!(
            " It refers to {}, on the unreachable list: {} back to the end of the objects to \
             examine, with <code>gc_refs</code> 1.",
            steps.list(&moved_back),
            if moved_back.len() == 1 {
                "moved"
            } else {
                "all moved"
            }
        );
    }
    if marked.is_empty() && moved_back.is_empty() {
        text += " Nothing it refers to needs marking.";
    }
    text
}

/// The steps recorded so far, and how to name objects in captions.
struct Steps<'a> {
    nodes: &'a [(String, String)],
    all_edges: &'a [(usize, usize, String)],
    steps: Vec<Step>,
}

impl Steps<'_> {
    fn push(&mut self, caption: String, nodes: Vec<NodeStep>, heap: &HeapState) {
        let edges = self
            .all_edges
            .iter()
            .map(|e| heap.edges.contains(e))
            .collect();
        self.steps.push(Step {
            caption,
            nodes,
            edges,
        });
    }

    fn name(&self, i: usize) -> String {
        let (name, type_name) = &self.nodes[i];
        if type_name == "type" {
            format!("the class <b>{name}</b>")
        } else {
            format!("<b>{name}</b>")
        }
    }

    fn list(&self, items: &[usize]) -> String {
        let names: Vec<String> = items.iter().map(|&i| self.name(i)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    fn list_or_none(&self, items: &[usize]) -> String {
        if items.is_empty() {
            "none".to_string()
        } else {
            self.list(items)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One object's state at every step.
    fn states(recording: &Recording, name: &str) -> Vec<State> {
        let i = recording
            .nodes
            .iter()
            .position(|(n, _)| n == name)
            .expect("a drawn object");
        recording.steps.iter().map(|s| s.nodes[i].state).collect()
    }

    fn compressed(states: Vec<State>) -> Vec<State> {
        let mut out = states;
        out.dedup();
        out
    }

    #[test]
    fn links_link_2_goes_tentative_comes_back_and_link_4_is_freed() -> Result<()> {
        let r = links()?;
        use State::*;
        assert_eq!(
            compressed(states(&r, "link_2")),
            [Tracked, Unexamined, Tentative, Unexamined, Reachable]
        );
        assert_eq!(
            compressed(states(&r, "link_4")),
            [Tracked, Unexamined, Tentative, Unreachable, Freed]
        );
        // One step per object move_unreachable examines: six, and link_2 and link_3 again.
        let examined = r.steps.iter().filter(|s| s.nodes.iter().any(|n| n.current));
        assert_eq!(examined.count(), 8);
        assert!(r.steps.last().unwrap().caption.contains("returns 1"));
        Ok(())
    }

    #[test]
    fn resurrection_brings_back_a_and_b_and_frees_c() -> Result<()> {
        let r = resurrection()?;
        use State::*;
        let a = compressed(states(&r, "a"));
        assert_eq!(a[a.len() - 3..], [Unreachable, Finalized, Resurrected]);
        assert_eq!(*compressed(states(&r, "b")).last().unwrap(), Resurrected);
        assert_eq!(*compressed(states(&r, "c")).last().unwrap(), Freed);
        // The reference `saved` appears only once the finalizer has run.
        let saved = r
            .edges
            .iter()
            .position(|e| e.2 == "[saved]")
            .expect("globals → a");
        let first = r.steps.iter().position(|s| s.edges[saved]).unwrap();
        assert!(r.steps[first].caption.contains("finalize_garbage"));
        Ok(())
    }

    #[test]
    fn young_collection_promotes_survivors_and_leaves_old_objects_alone() -> Result<()> {
        let r = young()?;
        let i = |name: &str| r.nodes.iter().position(|(n, _)| n == name).unwrap();
        let (first, last) = (&r.steps[0], r.steps.last().unwrap());
        for survivor in ["s", "s.data", "cache[0]"] {
            assert_eq!(first.nodes[i(survivor)].generation, Some(0));
            assert_eq!(last.nodes[i(survivor)].generation, Some(1));
        }
        for old in ["globals", "cache"] {
            assert!(r.steps.iter().all(|s| s.nodes[i(old)].state == State::Old));
        }
        assert_eq!(last.nodes[i("a")].state, State::Freed);
        assert_eq!(r.roots, [i("globals"), i("cache")]);
        Ok(())
    }
}
