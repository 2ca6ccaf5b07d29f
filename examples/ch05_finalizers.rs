//! The experiments of the chapter "Finalizers and weak references": `__del__` in a cycle,
//! legacy finalizers and `gc.garbage`, resurrection, weak references and their callbacks on
//! both paths, errors in finalizers, and `weakref.finalize`, on the stage-4 heap.
//!
//! `cargo run --example ch05_finalizers` runs them all; `-- --list` names them.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::process::ExitCode;
use std::rc::Rc;

use cycles::{Phase, Set, View};
use finalizers::{FinHeap, Finalizers, legacy, weakref};
use generations::gc::{self, DEBUG_SAVEALL, DEBUG_UNCOLLECTABLE};
use memviz::diagram::Diagram;
use pymem::experiments::{self, Experiment};
use refcount::trace::{Event, Trace};
use refcount::{Error, ObjRef, Result};

const EXPERIMENTS: &[(&str, Experiment<Finalizers>)] = &[
    ("del-cycle", del_cycle),
    ("legacy", legacy_cycle),
    ("resurrection", resurrection),
    ("resurrection-found", |heap| {
        resurrection_diagram(heap, Phase::MoveUnreachable)
    }),
    ("resurrection-after-del", |heap| {
        resurrection_diagram(heap, Phase::Final)
    }),
    ("weakref-basics", weakref_basics),
    ("order-refcount", order_refcount),
    ("order-gc", order_gc),
    ("timeline", timeline),
    ("weakref-in-garbage", weakref_in_garbage),
    ("weak-value-dict", weak_value_dict),
    ("del-exception", del_exception),
    ("exception-cycle", exception_cycle),
    ("finalize", finalize),
];

fn main() -> ExitCode {
    experiments::main_on(finalizers::new_heap, EXPERIMENTS)
}

/// `name = obj` for a new reference `obj`: the namespace takes it over.
fn bind(heap: &mut FinHeap, name: &str, obj: ObjRef) -> Result<()> {
    heap.set_global(name, obj)?;
    heap.decref(obj)
}

/// Python's spelling of a bool.
fn py(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

/// What calling a weak reference gives, as Python prints it.
fn deref(heap: &FinHeap, weakref: ObjRef) -> Result<String> {
    match heap.weakref_get(weakref)? {
        Some(obj) => heap.repr(obj),
        None => Ok("None".into()),
    }
}

/// `obj.name`, a str attribute.
fn name_of(heap: &FinHeap, obj: ObjRef) -> Result<String> {
    Ok(heap.as_str(heap.get_attr(obj, "name")?)?.to_string())
}

/// `Class(name)`: an instance with a `name` attribute.
fn named(heap: &mut FinHeap, class: ObjRef, name: &str) -> Result<ObjRef> {
    let obj = heap.new_instance(class)?;
    let value = heap.new_str(name)?;
    heap.set_attr(obj, "name", value)?;
    heap.decref(value)?;
    Ok(obj)
}

/// A function that prints `line` when called (with whatever arguments), as `print` would.
fn printer(heap: &mut FinHeap, qualname: &str, line: &str) -> Result<ObjRef> {
    let line = line.to_string();
    heap.new_function(qualname, &[], move |heap, _, _| {
        println!("{line}");
        heap.none()
    })
}

/// Replaces the addresses in a report (` 0x7f…`) by `by`, as the Python programs do: they are
/// deterministic here, but CPython's change from run to run.
fn addresses(line: &str, by: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find(" 0x") {
        out.push_str(&rest[..at]);
        out.push_str(by);
        let hex = rest[at + 3..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len() - at - 3);
        rest = &rest[at + 3 + hex..];
    }
    out.push_str(rest);
    out
}

// ANCHOR: del_cycle
/// Two objects with `__del__` that refer to each other: nothing at `del`, both finalizers at
/// the collection, each seeing its peer whole.
fn del_cycle(heap: &mut FinHeap) -> Result<()> {
    let resource = heap.new_class_with_del("Resource", |heap, this| {
        let peer = heap.get_attr(this, "peer")?;
        let (name, peer_name) = (name_of(heap, this)?, name_of(heap, peer)?);
        println!("  __del__ {name} - its peer is still intact: {peer_name}");
        Ok(())
    })?;
    bind(heap, "Resource", resource)?;
    gc::disable(heap);
    gc::collect(heap, 2)?;
    let a = named(heap, resource, "a")?;
    let b = named(heap, resource, "b")?;
    heap.set_attr(a, "peer", b)?; // a.peer, b.peer = b, a
    heap.set_attr(b, "peer", a)?;
    println!("del a, b");
    heap.decref(a)?;
    heap.decref(b)?;
    println!("gc.collect()");
    println!("  returned {}", gc::collect(heap, 2)?);
    println!("gc.collect() again");
    println!("  returned {}", gc::collect(heap, 2)?);
    Ok(())
}
// ANCHOR_END: del_cycle

// ANCHOR: legacy
/// A class with a legacy finalizer (`tp_del`) in two cycles: uncollectable, in `gc.garbage`.
fn legacy_cycle(heap: &mut FinHeap) -> Result<()> {
    let tp_del = printer(heap, "Legacy.__tp_del__", "  __tp_del__ called")?;
    let class = heap.new_class_with("Legacy", &[("__tp_del__", tp_del)])?;
    heap.decref(tp_del)?;
    legacy::with_tp_del(heap, class)?; // @with_tp_del
    bind(heap, "Legacy", class)?;
    gc::disable(heap);
    gc::collect(heap, 2)?;
    let before = gc::get_stats(heap)[2].uncollectable;

    let x = heap.new_instance(class)?;
    heap.set_attr(x, "me", x)?; // a cycle of one
    let y = heap.new_instance(class)?;
    let items = heap.new_list(&[y])?;
    heap.set_attr(y, "items", items)?; // a cycle of two: y and a list
    heap.decref(items)?;
    heap.decref(x)?; // del x, y
    heap.decref(y)?;

    let debug: Rc<RefCell<Vec<String>>> = Rc::default();
    let lines = Rc::clone(&debug);
    gc::set_debug_sink(
        heap,
        Box::new(move |line| lines.borrow_mut().push(line.to_string())),
    );
    gc::set_debug(heap, DEBUG_UNCOLLECTABLE);
    let found = gc::collect(heap, 2)?;
    gc::set_debug(heap, 0);

    println!("gc.collect() returned {found}");
    let uncollectable = gc::get_stats(heap)[2].uncollectable - before;
    println!("uncollectable in the statistics: {uncollectable}");
    println!("DEBUG_UNCOLLECTABLE printed (addresses removed):");
    for line in debug.borrow().iter() {
        println!("  {}", addresses(line, ""));
    }
    let garbage = gc::garbage(heap)?;
    let names: Vec<String> = (0..heap.list_len(garbage)?)
        .map(|i| Ok(format!("'{}'", heap.type_name(heap.list_get(garbage, i)?)?)))
        .collect::<Result<_>>()?;
    println!("gc.garbage: [{}]", names.join(", "));

    let again = gc::collect(heap, 2)?;
    println!("a second gc.collect() returns {again} - gc.garbage holds them now");
    println!("the program breaks the cycles itself, and empties gc.garbage:");
    for i in 0..heap.list_len(garbage)? {
        let o = heap.list_get(garbage, i)?;
        heap.clear(o)?; // o.__dict__.clear()
    }
    heap.clear(garbage)?; // gc.garbage.clear()
    println!("gc.collect() returns {}", gc::collect(heap, 2)?);
    Ok(())
}
// ANCHOR_END: legacy

// ANCHOR: resurrection
/// A `__del__` that stores `self` in a global: on the collector's path, then on the
/// reference counting path.
fn resurrection(heap: &mut FinHeap) -> Result<()> {
    let calls = Rc::new(Cell::new(0)); // Phoenix.calls
    let counted = Rc::clone(&calls);
    let phoenix = heap.new_class_with_del("Phoenix", move |heap, this| {
        counted.set(counted.get() + 1);
        let already = gc::is_finalized(heap, this)?;
        println!(
            "  __del__ runs; is_finalized(self) already: {}",
            py(already)
        );
        heap.set_global("saved", this) // global saved; saved = self
    })?;
    bind(heap, "Phoenix", phoenix)?;
    let none = heap.none()?;
    bind(heap, "saved", none)?;
    let alive_again = |heap: &FinHeap| -> Result<(bool, bool)> {
        let saved = heap.get_global("saved")?;
        let alive = heap.kind(saved)? != refcount::Kind::None;
        Ok((alive, alive && gc::is_finalized(heap, saved)?))
    };

    gc::disable(heap);
    gc::collect(heap, 2)?;
    let p = heap.new_instance(phoenix)?;
    heap.set_attr(p, "me", p)?; // a cycle of one
    println!("is_finalized before: {}", py(gc::is_finalized(heap, p)?));
    heap.decref(p)?; // del p
    println!("gc.collect()");
    println!("  returned {} - nothing was freed", gc::collect(heap, 2)?);
    let (alive, finalized) = alive_again(heap)?;
    println!(
        "alive again: {}  is_finalized: {}  __del__ calls: {}",
        py(alive),
        py(finalized),
        calls.get()
    );
    println!("saved = None: garbage again");
    let none = heap.none()?;
    bind(heap, "saved", none)?;
    println!("gc.collect()");
    let found = gc::collect(heap, 2)?;
    println!("  returned {found}  __del__ calls: {}", calls.get());

    println!("the same on the reference counting path, without a cycle:");
    let q = heap.new_instance(phoenix)?;
    heap.decref(q)?; // del q
    let (alive, finalized) = alive_again(heap)?;
    println!(
        "  alive again: {}  is_finalized: {}  __del__ calls: {}",
        py(alive),
        py(finalized),
        calls.get()
    );
    let none = heap.none()?;
    bind(heap, "saved", none)?;
    println!(
        "saved = None: freed at once, __del__ calls: {}",
        calls.get()
    );
    Ok(())
}
// ANCHOR_END: resurrection

// ANCHOR: resurrection_diagram
/// The heap during one collection, drawn at `moment`: `p` (a Phoenix, whose `__del__` does
/// `global saved; saved = self`) and `q` refer to each other; `r = weakref.ref(p)` is held by
/// the namespace; `del p, q`; `gc.collect()`.
fn resurrection_diagram(heap: &mut FinHeap, moment: Phase) -> Result<()> {
    let phoenix =
        heap.new_class_with_del("Phoenix", |heap, this| heap.set_global("saved", this))?;
    bind(heap, "Phoenix", phoenix)?;
    let plain = heap.new_class("Plain")?;
    bind(heap, "Plain", plain)?;
    gc::disable(heap);
    let p = heap.new_instance(phoenix)?;
    let q = heap.new_instance(plain)?;
    heap.set_attr(p, "partner", q)?;
    heap.set_attr(q, "partner", p)?;
    let r = weakref::ref_(heap, p, None)?;
    bind(heap, "r", r)?;
    heap.decref(p)?; // del p, q
    heap.decref(q)?;
    let mut drawn = None;
    cycles::collect_observed(heap, |phase, view| {
        if phase == moment {
            drawn = Some(resurrection_picture(view, [p, q, r]));
        }
    });
    print!("{}", drawn.expect("the collection passes every phase")?);
    Ok(())
}

fn resurrection_picture(view: &View<'_, Finalizers>, [p, q, r]: [ObjRef; 3]) -> Result<String> {
    let in_set = |set: Set| view.entries().filter(move |e| e.set == set).map(|e| e.obj);
    // A weak reference is no edge: say in words what calling it gives now.
    let r_caption = match view.heap().weakref_get(r)? {
        Some(_) => "r, r() is p",
        None => "r, r() is None",
    };
    Diagram::new()
        .include([view.heap().globals(), p, q, r])
        .show_namespace(false)
        .show_classes(false)
        .caption(view.heap().globals(), "module namespace")
        .caption(p, "p")
        .caption(q, "q")
        .caption(r, r_caption)
        .highlight(
            "unreachable",
            "fill:#fde0dd,stroke:#c51b8a",
            in_set(Set::Unreachable),
        )
        .highlight(
            "resurrected",
            "fill:#d9f0d3,stroke:#1b7837",
            in_set(Set::Resurrected),
        )
        .render(view.heap())
}
// ANCHOR_END: resurrection_diagram

// ANCHOR: weakref_basics
/// `weakref.ref`: the object while it lives, `None` after; the shared plain reference; the
/// order of an object's list; what cannot be weakly referenced.
fn weakref_basics(heap: &mut FinHeap) -> Result<()> {
    let class = heap.new_class("C")?;
    bind(heap, "C", class)?;
    let c = heap.new_instance(class)?;
    let r = weakref::ref_(heap, c, None)?;
    println!("r() is c: {}", py(heap.weakref_get(r)? == Some(c)));
    println!("getweakrefcount(c): {}", weakref::getweakrefcount(heap, c)?);
    let again = weakref::ref_(heap, c, None)?;
    println!(
        "weakref.ref(c) is r: {} - a ref without callback is shared",
        py(again == r)
    );
    heap.decref(again)?;
    let lambda = heap.new_function("<lambda>", &[], |heap, _, _| heap.none())?;
    let r2 = weakref::ref_(heap, c, Some(lambda))?;
    heap.decref(lambda)?;
    println!(
        "with a callback, r2 is r: {}  getweakrefcount(c): {}",
        py(r2 == r),
        weakref::getweakrefcount(heap, c)?
    );
    let lambda = heap.new_function("<lambda>", &[], |heap, _, _| heap.none())?;
    let r3 = weakref::ref_(heap, c, Some(lambda))?;
    heap.decref(lambda)?;
    let names = HashMap::from([(r, "r"), (r2, "r2"), (r3, "r3")]);
    let refs = weakref::getweakrefs(heap, c)?;
    let listed: Vec<String> = (0..heap.list_len(refs)?)
        .map(|i| Ok(format!("'{}'", names[&heap.list_get(refs, i)?])))
        .collect::<Result<_>>()?;
    heap.decref(refs)?;
    println!(
        "getweakrefs(c), in the object's list order: [{}]",
        listed.join(", ")
    );
    heap.decref(c)?; // del c: the last strong reference
    let (d, d2, d3) = (deref(heap, r)?, deref(heap, r2)?, deref(heap, r3)?);
    println!("after del c: r() is {d}  r2() is {d2}  r3() is {d3}");
    println!("a dead ref is still an object: {}", heap.type_name(r)?);

    let empty_list = heap.new_list(&[])?;
    for obj in [
        heap.new_int(1)?,
        heap.new_str("s")?,
        heap.new_tuple(&[])?,
        empty_list,
        heap.new_dict()?,
    ] {
        match weakref::ref_(heap, obj, None) {
            Err(error) => println!("{error}"),
            Ok(weak) => heap.decref(weak)?,
        }
        heap.decref(obj)?;
    }
    for weak in [r, r2, r3] {
        heap.decref(weak)?;
    }
    Ok(())
}
// ANCHOR_END: weakref_basics

/// What a program prints, kept until the experiment prints it, so that the timeline can run
/// the same program quietly.
type Out = Rc<RefCell<Vec<String>>>;

fn say(out: &Out, line: String) {
    out.borrow_mut().push(line);
}

/// `callback(name)`: a function that prints what its (dead) weak reference gives.
fn callback(heap: &mut FinHeap, out: &Out, name: &str) -> Result<ObjRef> {
    let (out, name) = (Rc::clone(out), name.to_string());
    heap.new_function("callback.<locals>.cb", &[], move |heap, _, args| {
        let gives = deref(heap, args[0])?;
        say(
            &out,
            format!("  callback {name} - its ref now gives {gives}"),
        );
        heap.none()
    })
}

/// `weakref.ref(obj, callback(label))`, bound to the global `name`.
fn ref_with_callback(
    heap: &mut FinHeap,
    out: &Out,
    obj: ObjRef,
    label: &str,
    name: &str,
) -> Result<ObjRef> {
    let cb = callback(heap, out, label)?;
    let r = weakref::ref_(heap, obj, Some(cb))?;
    heap.decref(cb)?;
    bind(heap, name, r)?;
    Ok(r)
}

/// The objects a program's timeline names, by `id()`.
type Names = HashMap<u64, String>;

fn name(heap: &FinHeap, names: &mut Names, obj: ObjRef, label: &str) -> Result<()> {
    names.insert(heap.id(obj)?, label.to_string());
    Ok(())
}

// ANCHOR: order_refcount_program
/// An object with `__del__` and three weak references with callbacks, freed by reference
/// counting. With `trace`, the events of `del c` are recorded.
fn order_refcount_program(heap: &mut FinHeap, out: &Out, trace: bool) -> Result<(Names, Trace)> {
    let seen = Rc::clone(out);
    let class = heap.new_class_with_del("C", move |heap, this| {
        let is_self = heap.weakref_get(heap.get_global("r1")?)? == Some(this);
        say(&seen, format!("  __del__: r1() is self: {}", py(is_self)));
        Ok(())
    })?;
    bind(heap, "C", class)?;
    let c = heap.new_instance(class)?;
    bind(heap, "c", c)?;
    let mut names = Names::new();
    name(heap, &mut names, c, "c")?;
    for (label, global) in [
        ("r1 (made first)", "r1"),
        ("r2", "r2"),
        ("r3 (made last)", "r3"),
    ] {
        let r = ref_with_callback(heap, out, c, label, global)?;
        name(heap, &mut names, r, global)?;
    }
    say(out, "del c".into());
    if trace {
        heap.start_trace();
    }
    heap.del_global("c")?;
    let events = heap.stop_trace();
    say(out, "done".into());
    Ok((names, events))
}
// ANCHOR_END: order_refcount_program

/// The Python program `order_refcount.py`, on the stage-4 heap.
fn order_refcount(heap: &mut FinHeap) -> Result<()> {
    let out = Out::default();
    order_refcount_program(heap, &out, false)?;
    out.borrow().iter().for_each(|line| println!("{line}"));
    Ok(())
}

// ANCHOR: order_gc_program
/// The same objects in a cycle, freed by the collector.
fn order_gc_program(heap: &mut FinHeap, out: &Out, trace: bool) -> Result<(Names, Trace)> {
    let seen = Rc::clone(out);
    let class = heap.new_class_with_del("C", move |heap, this| {
        let name = heap.get_attr(this, "name")?;
        let r = heap.dict_get(heap.get_global("refs")?, name)?;
        let gives = deref(heap, r.expect("in refs"))?;
        let name = heap.as_str(name)?;
        say(&seen, format!("  __del__ {name} - r_{name}() is {gives}"));
        Ok(())
    })?;
    bind(heap, "C", class)?;
    gc::disable(heap);
    gc::collect(heap, 2)?;
    let a = named(heap, class, "a")?;
    let b = named(heap, class, "b")?;
    heap.set_attr(a, "peer", b)?; // a.peer, b.peer = b, a
    heap.set_attr(b, "peer", a)?;
    let mut names = Names::new();
    let refs = heap.new_dict()?; // refs = {"a": weakref.ref(a), "b": weakref.ref(b)}
    bind(heap, "refs", refs)?;
    for (obj, key) in [(a, "a"), (b, "b")] {
        let (key_str, r) = (heap.new_str(key)?, weakref::ref_(heap, obj, None)?);
        heap.dict_set(refs, key_str, r)?;
        name(heap, &mut names, obj, key)?;
        name(heap, &mut names, r, &format!("r_{key}"))?;
        heap.decref(key_str)?;
        heap.decref(r)?;
    }
    let callbacks = heap.new_list(&[])?;
    bind(heap, "callbacks", callbacks)?;
    for (obj, label, short) in [
        (a, "a1 (made first)", "a1"),
        (b, "b1", "b1"),
        (a, "a2 (made last)", "a2"),
    ] {
        let cb = callback(heap, out, label)?;
        let r = weakref::ref_(heap, obj, Some(cb))?;
        heap.list_append(callbacks, r)?;
        name(heap, &mut names, r, short)?;
        heap.decref(cb)?;
        heap.decref(r)?;
    }
    say(out, "del a, b: nothing happens".into());
    heap.decref(a)?;
    heap.decref(b)?;
    say(out, "gc.collect()".into());
    if trace {
        heap.start_trace();
    }
    let found = gc::collect(heap, 2)?;
    let events = heap.stop_trace();
    say(out, format!("  returned {found}"));
    Ok((names, events))
}
// ANCHOR_END: order_gc_program

/// The Python program `order_gc.py`, on the stage-4 heap.
fn order_gc(heap: &mut FinHeap) -> Result<()> {
    let out = Out::default();
    order_gc_program(heap, &out, false)?;
    out.borrow().iter().for_each(|line| println!("{line}"));
    Ok(())
}

// ANCHOR: timeline
/// Both programs again, each on a fresh heap, with their output kept quiet: the events the
/// trace recorded during `del c` and during `gc.collect()`, side by side, objects named as
/// in the programs (events about unnamed objects, such as the names' strs, are left out).
fn timeline(heap: &mut FinHeap) -> Result<()> {
    let (names, trace) = order_refcount_program(heap, &Out::default(), true)?;
    let left = timeline_lines(&names, &trace);
    let mut other = finalizers::new_heap();
    let (names, trace) = order_gc_program(&mut other, &Out::default(), true)?;
    let right = timeline_lines(&names, &trace);
    let (left_title, right_title) = ("del c (reference counting)", "gc.collect() (the collector)");
    println!("{left_title:<36}{right_title}");
    println!(
        "{:<36}{}",
        "-".repeat(left_title.len()),
        "-".repeat(right_title.len())
    );
    for i in 0..left.len().max(right.len()) {
        let at = |lines: &[String]| lines.get(i).cloned().unwrap_or_default();
        let line = format!("{:<36}{}", at(&left), at(&right));
        println!("{}", line.trim_end());
    }
    Ok(())
}

/// One line per event that names an object of the program, or a collection.
fn timeline_lines(names: &Names, trace: &Trace) -> Vec<String> {
    let named = |id: u64| names.get(&id).cloned();
    let value = |values: &std::collections::BTreeMap<String, i64>, key: &str| {
        values.get(key).copied().unwrap_or_default()
    };
    trace
        .events
        .iter()
        .filter_map(|event| match event {
            Event::Finalize { id } => named(*id).map(|n| format!("__del__ {n}")),
            Event::Free { id, .. } => named(*id).map(|n| format!("free {n}")),
            Event::Stage { name, values } => {
                match name.as_str() {
                    "weakref_cleared" => named(value(values, "weakref") as u64)
                        .map(|w| format!("weakref_cleared {w}")),
                    "weakref_callback" => named(value(values, "weakref") as u64)
                        .map(|w| format!("weakref_callback {w}")),
                    "gc_start" => Some("gc_start".into()),
                    "gc_collect" => Some(format!(
                        "gc_collect: {} collected",
                        value(values, "collected")
                    )),
                    _ => None,
                }
            }
            _ => None,
        })
        .collect()
}
// ANCHOR_END: timeline

// ANCHOR: weakref_in_garbage
/// A weak reference that is itself garbage gets no callback; one held from outside does.
fn weakref_in_garbage(heap: &mut FinHeap) -> Result<()> {
    let class = heap.new_class("C")?;
    bind(heap, "C", class)?;
    let inside = printer(
        heap,
        "inside_callback",
        "  callback of a.watch, the weak reference inside the garbage",
    )?;
    bind(heap, "inside_callback", inside)?;
    let outside = printer(
        heap,
        "outside_callback",
        "  callback of outside, the weak reference held by a global",
    )?;
    bind(heap, "outside_callback", outside)?;
    gc::disable(heap);
    gc::collect(heap, 2)?;
    let a = heap.new_instance(class)?;
    let b = heap.new_instance(class)?;
    heap.set_attr(a, "peer", b)?; // a.peer, b.peer = b, a
    heap.set_attr(b, "peer", a)?;
    let watch = weakref::ref_(heap, b, Some(inside))?;
    heap.set_attr(a, "watch", watch)?; // a.watch = weakref.ref(b, inside_callback)
    heap.decref(watch)?;
    let r = weakref::ref_(heap, b, Some(outside))?;
    bind(heap, "outside", r)?; // outside = weakref.ref(b, outside_callback)
    heap.decref(a)?; // del a, b
    heap.decref(b)?;
    println!("gc.collect()");
    println!("  returned {}", gc::collect(heap, 2)?);
    println!("outside() is {}", deref(heap, r)?);
    Ok(())
}
// ANCHOR_END: weakref_in_garbage

// ANCHOR: weak_value_dict
/// `cache[key] = value`, with a fresh str key.
fn weak_value_set(heap: &mut FinHeap, cache: ObjRef, key: &str, value: ObjRef) -> Result<()> {
    let key = heap.new_str(key)?;
    let stored = weakref::wvd_set(heap, cache, key, value);
    heap.decref(key)?;
    stored
}

/// `list(cache)`.
fn keys(heap: &FinHeap, cache: ObjRef) -> Result<String> {
    let keys: Vec<String> = weakref::wvd_keys(heap, cache)?
        .into_iter()
        .map(|k| heap.repr(k))
        .collect::<Result<_>>()?;
    Ok(format!("[{}]", keys.join(", ")))
}

/// A cache whose entries go when their values die; the collection counts the weak reference
/// a callback freed.
fn weak_value_dict(heap: &mut FinHeap) -> Result<()> {
    let image = heap.new_class("Image")?;
    bind(heap, "Image", image)?;
    gc::disable(heap);
    gc::collect(heap, 2)?;
    let cache = weakref::weak_value_dictionary(heap)?;
    bind(heap, "cache", cache)?;
    let logo = named(heap, image, "logo")?;
    weak_value_set(heap, cache, "logo", logo)?;
    println!("keys: {}", keys(heap, cache)?);
    heap.decref(logo)?; // del logo: freed by reference counting
    println!("after del logo, keys: {}", keys(heap, cache)?);

    let icon = named(heap, image, "icon")?;
    heap.set_attr(icon, "me", icon)?; // a cycle: reference counting cannot free it
    weak_value_set(heap, cache, "icon", icon)?;
    heap.decref(icon)?;
    println!("after del icon, keys: {}", keys(heap, cache)?);
    println!("gc.collect() returned {}", gc::collect(heap, 2)?);
    println!("keys: {}", keys(heap, cache)?);

    let badge = named(heap, image, "badge")?;
    heap.set_attr(badge, "me", badge)?;
    let lambda = heap.new_function("<lambda>", &[], |heap, _, _| heap.none())?;
    let kept = weakref::ref_(heap, badge, Some(lambda))?;
    bind(heap, "kept", kept)?; // a global keeps this weak reference
    heap.decref(lambda)?;
    heap.decref(badge)?;
    let found = gc::collect(heap, 2)?;
    println!("the same cycle, its weak reference kept: gc.collect() returned {found}");
    Ok(())
}
// ANCHOR_END: weak_value_dict

// ANCHOR: del_exception
/// A `__del__` that raises, on both paths, and a callback that raises: each is reported in
/// CPython's words (without a traceback: native code has no Python frames) and the program
/// goes on.
fn del_exception(heap: &mut FinHeap) -> Result<()> {
    heap.set_error_sink(|report| println!("{}", addresses(&report.to_string(), " 0x…")));
    let bad = heap.new_class_with_del("Bad", |_, _| Err(Error::raise("ValueError", "boom")))?;
    bind(heap, "Bad", bad)?;
    println!("del b");
    let b = heap.new_instance(bad)?;
    heap.decref(b)?;
    println!("the program goes on");

    gc::disable(heap);
    gc::collect(heap, 2)?;
    let b = heap.new_instance(bad)?;
    heap.set_attr(b, "me", b)?;
    heap.decref(b)?;
    println!("gc.collect() with a Bad in a cycle");
    println!("  returned {}", gc::collect(heap, 2)?);

    println!("a weak reference callback that raises, at del c");
    let class = heap.new_class("C")?;
    bind(heap, "C", class)?;
    let c = heap.new_instance(class)?;
    let cb = heap.new_function("cb", &[], |_, _, _| {
        Err(Error::raise("ZeroDivisionError", "division by zero"))
    })?;
    let r = weakref::ref_(heap, c, Some(cb))?;
    heap.decref(cb)?;
    bind(heap, "r", r)?;
    heap.decref(c)?;
    println!("the program goes on; r() is {}", deref(heap, r)?);
    Ok(())
}
// ANCHOR_END: del_exception

// ANCHOR: exception_cycle
/// The runtime has no exceptions, tracebacks or frames; instances of classes named like them,
/// holding what CPython's hold, make the same cycle: exception → traceback → frame → the
/// frame's local variable → exception, and the exception's `args` tuple.
fn raise_and_catch(heap: &mut FinHeap, function: &str, keep: bool) -> Result<()> {
    let class = |heap: &FinHeap, name: &str| heap.get_global(name);
    let frame = heap.new_instance(class(heap, "frame")?)?; // the running function's frame
    let co_name = heap.new_str(function)?;
    heap.set_attr(frame, "co_name", co_name)?;
    heap.decref(co_name)?;
    let message = heap.new_str("division by zero")?;
    let args = heap.new_tuple(&[message])?;
    heap.decref(message)?;
    let exc = heap.new_instance(class(heap, "ZeroDivisionError")?)?; // 1 / 0
    heap.set_attr(exc, "args", args)?;
    heap.decref(args)?;
    let tb = heap.new_instance(class(heap, "traceback")?)?;
    heap.set_attr(tb, "tb_frame", frame)?;
    heap.set_attr(exc, "__traceback__", tb)?;
    heap.decref(tb)?;
    heap.set_attr(frame, "e", exc)?; // except ZeroDivisionError as e:
    heap.decref(exc)?; // the exception is caught: the interpreter's reference goes
    if keep {
        heap.set_attr(frame, "err", exc)?; //     err = e
    }
    heap.del_attr(frame, "e")?; // the implicit `del e` at the end of the except block
    if keep {
        let tb_frame = heap.get_attr(heap.get_attr(exc, "__traceback__")?, "tb_frame")?;
        let runs = heap.as_str(heap.get_attr(tb_frame, "co_name")?)?;
        println!("  err.__traceback__.tb_frame runs {runs}()");
    } else {
        let unbound = heap.get_attr(frame, "e").is_err();
        println!("  after the except block, e is unbound: {}", py(unbound));
    }
    heap.decref(frame) // the function returns
}

fn exception_cycle(heap: &mut FinHeap) -> Result<()> {
    for name in ["frame", "traceback", "ZeroDivisionError"] {
        let class = heap.new_class(name)?;
        bind(heap, name, class)?;
    }
    gc::disable(heap);
    gc::collect(heap, 2)?;
    println!("keeps_it()");
    raise_and_catch(heap, "keeps_it", true)?;
    gc::set_debug(heap, DEBUG_SAVEALL); // keep what the collector finds, to look at it
    let found = gc::collect(heap, 2)?;
    let garbage = gc::garbage(heap)?;
    let mut types: Vec<String> = (0..heap.list_len(garbage)?)
        .map(|i| Ok(format!("'{}'", heap.type_name(heap.list_get(garbage, i)?)?)))
        .collect::<Result<_>>()?;
    types.sort();
    println!("gc.collect() returned {found} - [{}]", types.join(", "));
    gc::set_debug(heap, 0);
    heap.clear(garbage)?;
    gc::collect(heap, 2)?; // free them, now without keeping them
    println!("lets_it_go()");
    raise_and_catch(heap, "lets_it_go", false)?;
    println!("gc.collect() returned {}", gc::collect(heap, 2)?);
    Ok(())
}
// ANCHOR_END: exception_cycle

// ANCHOR: finalize
/// `weakref.finalize`: called once, at death or when called; on both paths; and a
/// finalizer that holds its own object, which therefore never dies.
fn finalize(heap: &mut FinHeap) -> Result<()> {
    let connection = heap.new_class("Connection")?;
    bind(heap, "Connection", connection)?;
    let close = heap.new_function("close", &[], |heap, _, args| {
        println!("  close {}", heap.as_str(args[0])?);
        heap.none()
    })?;
    bind(heap, "close", close)?;
    gc::disable(heap);
    gc::collect(heap, 2)?;
    // f = weakref.finalize(obj, close, name), with obj = Connection()
    let with_finalizer = |heap: &mut FinHeap, name: &str| -> Result<(ObjRef, ObjRef)> {
        let obj = heap.new_instance(connection)?;
        let name = heap.new_str(name)?;
        let finalizer = weakref::finalize(heap, obj, close, &[name])?;
        heap.decref(name)?;
        Ok((obj, finalizer))
    };

    let (c, f) = with_finalizer(heap, "c")?;
    println!("f.alive: {}", py(weakref::finalize_alive(heap, f)?));
    println!("del c");
    heap.decref(c)?;
    let result = heap.call(f, &[])?;
    let (alive, repr) = (weakref::finalize_alive(heap, f)?, heap.repr(result)?);
    heap.decref(result)?;
    println!("f.alive: {}  calling f() again returns {repr}", py(alive));

    let (d, g) = with_finalizer(heap, "d")?;
    heap.set_attr(d, "me", d)?; // a cycle: the collector's weak reference callbacks run it
    heap.decref(d)?;
    println!("gc.collect()");
    let found = gc::collect(heap, 2)?;
    let alive = weakref::finalize_alive(heap, g)?;
    println!("  returned {found}  g.alive: {}", py(alive));

    let (e, h) = with_finalizer(heap, "e")?;
    println!("h() closes e now, while it lives");
    let result = heap.call(h, &[])?;
    heap.decref(result)?;
    println!("h.alive: {}  del e", py(weakref::finalize_alive(heap, h)?));
    heap.decref(e)?;

    let leaky_class = heap.new_class("Leaky")?;
    bind(heap, "Leaky", leaky_class)?;
    let leaky = heap.new_instance(leaky_class)?;
    // leaky.close, a bound method: a function holding leaky
    let bound = printer(heap, "Leaky.close", "  close the Leaky")?;
    let method = heap.new_function("Leaky.close", &[leaky, bound], |heap, held, _| {
        heap.call(held[1], &[])
    })?;
    heap.decref(bound)?;
    let k = weakref::finalize(heap, leaky, method, &[])?;
    heap.decref(method)?;
    heap.decref(leaky)?; // del leaky
    let alive = weakref::finalize_alive(heap, k)?;
    println!(
        "a finalizer that holds its own object: after del, k.alive: {}",
        py(alive)
    );
    println!("end of the program");
    for finalizer in [f, g, h, k] {
        heap.decref(finalizer)?;
    }
    Ok(())
}
// ANCHOR_END: finalize
