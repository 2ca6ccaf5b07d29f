//! The scenario suite: the same small programs run against every stage of the runtime, each
//! with what that stage is expected to do. Under stage 1 (reference counting alone) every
//! cycle leaks; under stage 2 `gc.collect()` frees it and returns CPython 3.11's number; under
//! stage 3 (generations, delayed tracking) `gc.collect()` is `gc.collect(2)` and returns the
//! same number, and `gc.is_tracked` answers what CPython's answers. Stage 3 runs each
//! scenario twice: as the Python program runs (automatic collection off), and in stress mode,
//! where every container allocation runs a full collection. Stage 4 (weak references with
//! their callbacks, legacy finalizers, `gc.garbage`) runs each both ways too; before it, a
//! weak reference is stage 1's bare object, whose callback nobody calls, and a legacy class
//! is a plain one.
//!
//! A scenario is a script of Python-level steps. It is run on our heap, and rendered as a
//! Python program that CPython runs (when `python3` is CPython 3.11), so both build exactly
//! the same graph. A later stage adds a column to [`Row`] and a `run` call.

use std::cell::Cell;
use std::fmt::Write;
use std::rc::Rc;

use generations::{GenHeap, gc};
use refcount::{Heap, Hooks, ObjRef, Result};

#[path = "../src/cpython.rs"]
mod cpython;

/// What a class's `__del__` does.
#[derive(Clone, Copy, Debug)]
enum Del {
    /// No `__del__`.
    Without,
    /// `global dels; dels += 1`.
    Count,
    /// Counts, then `global saved; saved = self`.
    Resurrect,
    /// Counts, then raises `ValueError("oops")` (reported as unraisable, ignored).
    Raise,
    /// Counts, then makes a new garbage cycle: `junk = []; junk.append(junk)`. In stress mode
    /// that allocation runs a full collection, from inside a finalizer.
    Allocate,
    /// No `__del__`, but a legacy finalizer: `@_testcapi.with_tp_del` and a `__tp_del__`
    /// that counts. Stages 1–3 have no legacy finalizers: for them it is a plain class.
    Legacy,
}

/// One statement of a scenario. Variables are module globals, in Python and in our heap.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// `class Name: ...`
    Class(&'static str, Del),
    /// `var = Class()`
    New(&'static str, &'static str),
    /// `var = []`
    List(&'static str),
    /// `var = {}`
    Dict(&'static str),
    /// `var = (a, b, ...)`
    Tuple(&'static str, &'static [&'static str]),
    /// `var = 1000`: an int, which is not a container (never tracked, never in a cycle).
    Int(&'static str, i64),
    /// `var = None`
    SetNone(&'static str),
    /// `obj.attr = value`
    SetAttr(&'static str, &'static str, &'static str),
    /// `list.append(value)`
    Append(&'static str, &'static str),
    /// `dict["key"] = value`
    DictSet(&'static str, &'static str, &'static str),
    /// `obj.__dict__`: materialise the instance's dict.
    MaterializeDict(&'static str),
    /// `for _ in range(n): var = [var]`: a chain of lists `n` deep.
    Nest(&'static str, usize),
    /// `del var`
    Del(&'static str),
    /// `print(gc.collect())`
    Collect,
    /// `print("tracked", gc.is_tracked(var))`
    IsTracked(&'static str),
    /// `print("tracked", gc.is_tracked(var[index]))`, for a tuple `var`.
    IsTrackedItem(&'static str, usize),
    /// `var = weakref.ref(obj, cb)`, `cb` counting (`global cbs; cbs += 1`). Before stage 4
    /// a weak reference is stage 1's bare object: its callback is never called.
    WeakRef(&'static str, &'static str),
}

/// What running a scenario on one stage produced.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Outcome {
    /// What each `gc.collect()` returned (empty for a stage without a collector).
    collected: Vec<usize>,
    /// What each `gc.is_tracked` answered (empty for a stage without a collector).
    tracked: Vec<bool>,
    /// How many times a `__del__` ran.
    dels: usize,
    /// Objects the scenario created (classes and ints aside) that are still alive at the end.
    alive: usize,
    /// How many weak reference callbacks ran.
    callbacks: usize,
    /// `len(gc.garbage)` at the end (0 for a stage without one).
    garbage: usize,
}

/// A stage's expected [`Outcome`], written in the table.
#[derive(Clone, Copy, Debug)]
struct Expect {
    collected: &'static [usize],
    tracked: &'static [bool],
    dels: usize,
    alive: usize,
    callbacks: usize,
    garbage: usize,
}

impl Expect {
    fn outcome(self) -> Outcome {
        Outcome {
            collected: self.collected.to_vec(),
            tracked: self.tracked.to_vec(),
            dels: self.dels,
            alive: self.alive,
            callbacks: self.callbacks,
            garbage: self.garbage,
        }
    }
}

/// What stage 4 (weak references, legacy finalizers) is expected to do.
#[derive(Clone, Copy, Debug)]
enum Stage4 {
    /// What stage 3 does, in both modes (the `stage3` and `stage3_stress` columns): the
    /// scenario has no weak reference callback and no legacy finalizer.
    AsStage3,
    /// Without and with stress mode (`Stress::Same`: as without).
    Is(Expect, Stress),
}

/// What stage 3 is expected to do in stress mode.
#[derive(Clone, Copy, Debug)]
enum Stress {
    /// Exactly what it does without stress mode (the `stage3` column).
    Same,
    /// Something else, because a collection run by an allocation legitimately found garbage
    /// (or untracked an object) earlier than the program's own `gc.collect()`. The row says why.
    Differs(Expect),
    /// The row with every [`Nest`] `depth` deep instead, and what that gives. Stress mode runs
    /// a full collection, over the whole chain built so far, at each of the chain's
    /// allocations: quadratic in the depth (a [`DEEP`] chain takes minutes).
    Shallower { depth: usize, expect: Expect },
}

struct Row {
    name: &'static str,
    steps: &'static [Step],
    /// Reference counting alone: no collector, `gc.collect()` is not available.
    stage1: Expect,
    /// The cycle detector: `collected` is also what CPython 3.11 prints. Every container is
    /// tracked from creation to death (no delayed tracking).
    stage2: Expect,
    /// Generations, `gc.collect()` = `gc.collect(2)`: everything is what CPython 3.11 prints,
    /// `gc.is_tracked` included.
    stage3: Expect,
    /// Stage 3 with a full collection at every container allocation.
    stage3_stress: Stress,
    /// Weak references with their callbacks, legacy finalizers and `gc.garbage`: everything
    /// is what CPython 3.11 prints.
    stage4: Stage4,
}

const DEEP: usize = 100_000;
/// How deep a chain is in stress mode.
const STRESS_DEEP: usize = 5_000;

use Step::*;

#[rustfmt::skip] // a table: one row per scenario, one column per stage
const SCENARIOS: &[Row] = &[
    Row {
        name: "two-node cycle (B08)",
        steps: &[
            Class("Node", Del::Without),
            New("a", "Node"),
            New("b", "Node"),
            SetAttr("a", "other", "b"),
            SetAttr("b", "other", "a"),
            Del("a"),
            Del("b"),
            Collect,
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[2, 0], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[2, 0], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "two-node cycle with materialised __dict__s (B08)",
        steps: &[
            Class("Node", Del::Without),
            New("a", "Node"),
            New("b", "Node"),
            SetAttr("a", "other", "b"),
            SetAttr("b", "other", "a"),
            MaterializeDict("a"),
            MaterializeDict("b"),
            Del("a"),
            Del("b"),
            Collect,
        ],
        // The two dicts are not among the objects the script created; they leak too.
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[4], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        // Each dict holds an instance, so it is tracked and counted, as in CPython.
        stage3: Expect { collected: &[4], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "self-referencing list (B07)",
        steps: &[List("l"), Append("l", "l"), Del("l"), Collect],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 1, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[1], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[1], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "self-referencing dict (B07)",
        steps: &[Dict("d"), DictSet("d", "self", "d"), Del("d"), Collect],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 1, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[1], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        // Storing the dict in itself tracks it (MAINTAIN_TRACKING).
        stage3: Expect { collected: &[1], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "list-tuple cycle (B07)",
        steps: &[
            List("l"),
            Tuple("t", &["l"]),
            Append("l", "t"),
            Del("l"),
            Del("t"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[2], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[2], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "cycle with __del__ (B16)",
        steps: &[
            Class("A", Del::Count),
            New("a", "A"),
            New("b", "A"),
            SetAttr("a", "peer", "b"),
            SetAttr("b", "peer", "a"),
            Del("a"),
            Del("b"),
            Collect,
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[2, 0], tracked: &[], dels: 2, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[2, 0], tracked: &[], dels: 2, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "resurrecting __del__ (B18)",
        steps: &[
            SetNone("saved"),
            Class("Lazarus", Del::Resurrect),
            New("x", "Lazarus"),
            SetAttr("x", "me", "x"),
            Del("x"),
            Collect,
            SetNone("saved"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 1, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[0, 1], tracked: &[], dels: 1, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[0, 1], tracked: &[], dels: 1, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "a deep chain hanging from a cycle",
        steps: &[
            List("head"),
            Append("head", "head"),
            SetNone("x"),
            Nest("x", DEEP),
            Append("head", "x"),
            Del("x"),
            Del("head"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: DEEP + 1, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[DEEP + 1], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[DEEP + 1], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Shallower {
            depth: STRESS_DEEP,
            expect: Expect { collected: &[STRESS_DEEP + 1], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        },
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "a deep chain without a cycle (control: reference counting frees it)",
        steps: &[SetNone("x"), Nest("x", DEEP), Del("x"), Collect],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[0], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[0], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Shallower {
            depth: STRESS_DEEP,
            expect: Expect { collected: &[0], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        },
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "a cycle still bound to a name (control: not garbage)",
        steps: &[
            Class("Node", Del::Count),
            New("a", "Node"),
            New("b", "Node"),
            SetAttr("a", "other", "b"),
            SetAttr("b", "other", "a"),
            Del("b"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[0], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[0], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "a cycle dropped before the next allocation",
        steps: &[List("l"), Append("l", "l"), Del("l"), List("m"), Collect],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[1], tracked: &[], dels: 0, alive: 1, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[1], tracked: &[], dels: 0, alive: 1, callbacks: 0, garbage: 0 },
        // Allocating `m` runs a full collection, which finds the dropped list: the
        // program's own gc.collect() then has nothing left to find.
        stage3_stress: Stress::Differs(
            Expect { collected: &[0], tracked: &[], dels: 0, alive: 1, callbacks: 0, garbage: 0 },
        ),
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "a dict is tracked once it holds a container, untracked by a full collection (B12, B14)",
        steps: &[
            Int("n", 1000),
            Dict("d"),
            IsTracked("d"),          // {}
            DictSet("d", "a", "n"),
            IsTracked("d"),          // {"a": 1000}
            List("l"),
            DictSet("d", "b", "l"),
            IsTracked("d"),          // {"a": 1000, "b": []}
            DictSet("d", "b", "n"),
            IsTracked("d"),          // {"a": 1000, "b": 1000}: stays tracked until...
            Collect,
            IsTracked("d"),          // ...a full collection finds only atoms in it
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        // Stage 2 tracks every container from creation to death.
        stage2: Expect { collected: &[0], tracked: &[true, true, true, true, true], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[0], tracked: &[false, false, true, true, false], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "a tuple of atoms is untracked by a collection, one nesting level per collection (B12)",
        steps: &[
            Int("n", 1000),
            Tuple("t", &["n"]),
            Tuple("u", &["t"]),
            Del("t"),                // only `u` refers to the inner tuple now
            IsTracked("u"),
            IsTrackedItem("u", 0),
            // The inner tuple has no reference from outside: the walk finds it reachable
            // only through `u`, and moves it behind `u`, so `u` is looked at while its item
            // is still tracked.
            Collect,
            IsTracked("u"),
            IsTrackedItem("u", 0),
            Collect,
            IsTracked("u"),
            IsTrackedItem("u", 0),
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[0, 0], tracked: &[true, true, true, true, true, true], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[0, 0], tracked: &[true, true, true, false, false, false], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        // Allocating `u` runs a full collection while the name `t` still refers to the inner
        // tuple: that collection untracks it, one collection before the program's first.
        stage3_stress: Stress::Differs(Expect {
            collected: &[0, 0],
            tracked: &[true, false, false, false, false, false],
            dels: 0,
            alive: 2,
            callbacks: 0,
            garbage: 0,
        }),
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "__del__ raising, on the refcount path and the collector's",
        steps: &[
            Class("R", Del::Raise),
            New("a", "R"),
            Del("a"),
            New("b", "R"),
            SetAttr("b", "me", "b"),
            Del("b"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[1], tracked: &[], dels: 2, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[1], tracked: &[], dels: 2, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
    Row {
        name: "resurrecting __del__ watched by a weak reference (B18)",
        steps: &[
            SetNone("saved"),
            Class("Lazarus", Del::Resurrect),
            New("a", "Lazarus"),
            SetAttr("a", "me", "a"),
            WeakRef("w", "a"),
            Del("a"),
            Collect,
            SetNone("saved"),
            Collect,
        ],
        // Stages 1-3: a bare weak reference, whose callback nobody calls.
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[0, 1], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[0, 1], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        // The weak reference is killed, and its callback called, before __del__ resurrects.
        stage4: Stage4::Is(
            Expect { collected: &[0, 1], tracked: &[], dels: 1, alive: 1, callbacks: 1, garbage: 0 },
            Stress::Same,
        ),
    },
    Row {
        name: "weak reference with a callback, refcount path",
        steps: &[
            Class("Node", Del::Count),
            New("a", "Node"),
            WeakRef("w", "a"),
            Del("a"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[0], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[0], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::Is(
            Expect { collected: &[0], tracked: &[], dels: 1, alive: 1, callbacks: 1, garbage: 0 },
            Stress::Same,
        ),
    },
    Row {
        name: "weak reference with a callback, collector path",
        steps: &[
            Class("Node", Del::Count),
            New("a", "Node"),
            SetAttr("a", "me", "a"),
            WeakRef("w", "a"),
            Del("a"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[1], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[1], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::Is(
            Expect { collected: &[1], tracked: &[], dels: 1, alive: 1, callbacks: 1, garbage: 0 },
            Stress::Same,
        ),
    },
    Row {
        name: "legacy finalizer in a cycle",
        steps: &[
            Class("Legacy", Del::Legacy),
            Class("Node", Del::Without),
            New("a", "Legacy"),
            New("b", "Node"),
            SetAttr("a", "b", "b"),
            SetAttr("b", "a", "a"),
            Del("a"),
            Del("b"),
            Collect,
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[2, 0], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[2, 0], tracked: &[], dels: 0, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        // Uncollectable: found again by the second collection (gc.garbage keeps only the
        // object with the legacy finalizer; the collector still examines the cycle).
        stage4: Stage4::Is(
            Expect { collected: &[2, 0], tracked: &[], dels: 0, alive: 2, callbacks: 0, garbage: 1 },
            Stress::Same,
        ),
    },
    Row {
        name: "a finalizer that allocates, under stress mode",
        steps: &[
            Class("A", Del::Allocate),
            New("a", "A"),
            SetAttr("a", "me", "a"),
            Del("a"),
            Collect,
            Collect,
            New("b", "A"),
            Del("b"),
            Collect,
        ],
        stage1: Expect { collected: &[], tracked: &[], dels: 1, alive: 1, callbacks: 0, garbage: 0 },
        stage2: Expect { collected: &[1, 1, 1], tracked: &[], dels: 2, alive: 0, callbacks: 0, garbage: 0 },
        stage3: Expect { collected: &[1, 1, 1], tracked: &[], dels: 2, alive: 0, callbacks: 0, garbage: 0 },
        stage3_stress: Stress::Same,
        stage4: Stage4::AsStage3,
    },
];

/// A stage's collector, as the steps use it.
struct Collector<H: Hooks> {
    /// `gc.collect()`.
    collect: fn(&mut Heap<H>) -> usize,
    /// `gc.is_tracked(obj)`.
    is_tracked: fn(&Heap<H>, ObjRef) -> bool,
    /// The stage's consistency check of its tracking, after every step.
    check: fn(&Heap<H>) -> Result<()>,
}

fn stage2() -> Collector<cycles::Tracker> {
    Collector {
        collect: cycles::collect,
        is_tracked: cycles::is_tracked,
        check: cycles::check_tracking,
    }
}

fn stage3() -> Collector<generations::Generations> {
    Collector {
        collect: |heap| gc::collect(heap, 2).expect("generation 2 exists"),
        is_tracked: |heap, obj| gc::is_tracked(heap, obj).expect("a live object"),
        check: cycles::check_tracking,
    }
}

/// What a stage has of weak references and legacy finalizers, as the steps use it.
struct Weak<H: Hooks> {
    /// `weakref.ref(obj, callback)`: a new reference.
    weakref: fn(&mut Heap<H>, ObjRef, ObjRef) -> Result<ObjRef>,
    /// `_testcapi.with_tp_del(class)`.
    with_tp_del: fn(&mut Heap<H>, ObjRef) -> Result<()>,
    /// `len(gc.garbage)`.
    garbage: fn(&mut Heap<H>) -> usize,
}

/// Before stage 4: stage 1's bare weak reference object (nobody calls its callback), no
/// legacy finalizers, an empty `gc.garbage`.
fn bare<H: Hooks>() -> Weak<H> {
    Weak {
        weakref: |heap, obj, callback| heap.new_weakref(obj, Some(callback)),
        with_tp_del: |_, _| Ok(()),
        garbage: |_| 0,
    }
}

fn stage4() -> Collector<finalizers::Finalizers> {
    Collector {
        collect: |heap| gc::collect(heap, 2).expect("generation 2 exists"),
        is_tracked: |heap, obj| gc::is_tracked(heap, obj).expect("a live object"),
        check: |heap| {
            cycles::check_tracking(heap)?;
            finalizers::check_weakrefs(heap)
        },
    }
}

fn stage4_weak() -> Weak<finalizers::Finalizers> {
    Weak {
        weakref: |heap, obj, callback| finalizers::weakref::ref_(heap, obj, Some(callback)),
        with_tp_del: finalizers::legacy::with_tp_del,
        garbage: |heap| {
            let garbage = gc::garbage(heap).expect("gc.garbage");
            heap.list_len(garbage).expect("a list")
        },
    }
}

/// A stage-4 heap, prepared as [`stage3_heap`] prepares stage 3's.
fn stage4_heap(stress: bool) -> finalizers::FinHeap {
    let mut heap = finalizers::new_heap();
    gc::disable(&mut heap);
    gc::collect(&mut heap, 2).expect("generation 2 exists");
    generations::set_stress(&mut heap, stress);
    heap.set_error_sink(|_| {});
    heap
}

/// A stage-3 heap in the state the Python program puts CPython in with its first line,
/// `gc.disable(); gc.collect()`, and in stress mode if asked.
fn stage3_heap(stress: bool) -> GenHeap {
    let mut heap = generations::new_heap();
    gc::disable(&mut heap);
    gc::collect(&mut heap, 2).expect("generation 2 exists");
    generations::set_stress(&mut heap, stress);
    heap
}

/// Runs a scenario on a heap; `collector` is the stage's `gc` module, if it has one.
fn run<H: Hooks>(
    mut heap: Heap<H>,
    steps: &[Step],
    collector: Option<Collector<H>>,
    weak: Weak<H>,
) -> Result<Outcome> {
    let dels = Rc::new(Cell::new(0));
    let callbacks = Rc::new(Cell::new(0));
    let counted = Rc::clone(&callbacks);
    // def cb(r): global cbs; cbs += 1
    let cb = heap.new_function("cb", &[], move |heap, _, _| {
        counted.set(counted.get() + 1);
        heap.none()
    })?;
    let mut created: Vec<ObjRef> = Vec::new();
    let mut collected = Vec::new();
    let mut tracked = Vec::new();
    // `var = obj`, for a new reference `obj`.
    let bind = |heap: &mut Heap<H>, var: &str, obj: ObjRef| -> Result<()> {
        heap.set_global(var, obj)?;
        heap.decref(obj)
    };
    for &step in steps {
        match step {
            Class(name, del) => {
                let class = match del {
                    Del::Without => heap.new_class(name)?,
                    Del::Legacy => {
                        let dels = Rc::clone(&dels);
                        let tp_del = heap.new_function(
                            &format!("{name}.__tp_del__"),
                            &[],
                            move |heap, _, _| {
                                dels.set(dels.get() + 1);
                                heap.none()
                            },
                        )?;
                        let class = heap.new_class_with(name, &[("__tp_del__", tp_del)])?;
                        heap.decref(tp_del)?;
                        (weak.with_tp_del)(&mut heap, class)?;
                        class
                    }
                    Del::Count | Del::Resurrect | Del::Raise | Del::Allocate => {
                        let dels = Rc::clone(&dels);
                        heap.new_class_with_del(name, move |heap, this| {
                            dels.set(dels.get() + 1);
                            match del {
                                Del::Resurrect => heap.set_global("saved", this)?,
                                Del::Raise => {
                                    return Err(refcount::Error::raise("ValueError", "oops"));
                                }
                                Del::Allocate => {
                                    let junk = heap.new_list(&[])?;
                                    heap.list_append(junk, junk)?;
                                    heap.decref(junk)?;
                                }
                                _ => {}
                            }
                            Ok(())
                        })?
                    }
                };
                bind(&mut heap, name, class)?;
            }
            New(var, class) => {
                let class = heap.get_global(class)?;
                let obj = heap.new_instance(class)?;
                created.push(obj);
                bind(&mut heap, var, obj)?;
            }
            List(var) => {
                let obj = heap.new_list(&[])?;
                created.push(obj);
                bind(&mut heap, var, obj)?;
            }
            Dict(var) => {
                let obj = heap.new_dict()?;
                created.push(obj);
                bind(&mut heap, var, obj)?;
            }
            Tuple(var, items) => {
                let items: Vec<ObjRef> = items
                    .iter()
                    .map(|item| heap.get_global(item))
                    .collect::<Result<_>>()?;
                let obj = heap.new_tuple(&items)?;
                created.push(obj);
                bind(&mut heap, var, obj)?;
            }
            Int(var, value) => {
                let obj = heap.new_int(value)?;
                bind(&mut heap, var, obj)?;
            }
            SetNone(var) => {
                let none = heap.none()?;
                bind(&mut heap, var, none)?;
            }
            SetAttr(obj, attr, value) => {
                let (obj, value) = (heap.get_global(obj)?, heap.get_global(value)?);
                heap.set_attr(obj, attr, value)?;
            }
            Append(list, value) => {
                let (list, value) = (heap.get_global(list)?, heap.get_global(value)?);
                heap.list_append(list, value)?;
            }
            DictSet(dict, key, value) => {
                let (dict, value) = (heap.get_global(dict)?, heap.get_global(value)?);
                let key = heap.new_str(key)?;
                heap.dict_set(dict, key, value)?;
                heap.decref(key)?;
            }
            MaterializeDict(obj) => {
                let obj = heap.get_global(obj)?;
                heap.instance_dict(obj)?;
            }
            Nest(var, depth) => {
                for _ in 0..depth {
                    let inner = heap.get_global(var)?;
                    let outer = heap.new_list(&[inner])?;
                    created.push(outer);
                    bind(&mut heap, var, outer)?;
                }
            }
            Del(var) => heap.del_global(var)?,
            Collect => {
                if let Some(collector) = &collector {
                    collected.push((collector.collect)(&mut heap));
                }
            }
            IsTracked(var) => {
                if let Some(collector) = &collector {
                    let obj = heap.get_global(var)?;
                    tracked.push((collector.is_tracked)(&heap, obj));
                }
            }
            WeakRef(var, obj) => {
                let obj = heap.get_global(obj)?;
                let w = (weak.weakref)(&mut heap, obj, cb)?;
                created.push(w);
                bind(&mut heap, var, w)?;
            }
            IsTrackedItem(var, index) => {
                if let Some(collector) = &collector {
                    let obj = heap.tuple_get(heap.get_global(var)?, index)?;
                    tracked.push((collector.is_tracked)(&heap, obj));
                }
            }
        }
        heap.check_invariants()?;
        if let Some(collector) = &collector {
            (collector.check)(&heap)?;
        }
    }
    let alive = created.iter().filter(|&&r| heap.is_alive(r)).count();
    heap.decref(cb)?;
    Ok(Outcome {
        collected,
        tracked,
        dels: dels.get(),
        callbacks: callbacks.get(),
        garbage: (weak.garbage)(&mut heap),
        alive,
    })
}

/// The scenario as a Python program that prints what `gc.collect()` returns and what
/// `gc.is_tracked` answers (`tracked True`), in order, then `dels N`.
fn python(steps: &[Step]) -> String {
    let mut py = String::from(
        "import gc, sys, weakref, _testcapi\ngc.disable(); gc.collect()\ndels = 0\ncbs = 0\n\
         sys.unraisablehook = lambda unraisable: None\n\
         def cb(r):\n    global cbs\n    cbs += 1\n",
    );
    for &step in steps {
        let line = match step {
            Class(name, Del::Without) => format!("class {name}:\n    pass"),
            Class(name, Del::Legacy) => format!(
                "@_testcapi.with_tp_del\nclass {name}:\n    def __tp_del__(self):\n        \
                 global dels\n        dels += 1"
            ),
            Class(name, del) => format!(
                "class {name}:\n    def __del__(self):\n        global dels, saved\n        \
                 dels += 1\n{}",
                match del {
                    Del::Resurrect => "        saved = self",
                    Del::Raise => "        raise ValueError('oops')",
                    Del::Allocate => "        junk = []; junk.append(junk)",
                    _ => "        pass",
                }
            ),
            New(var, class) => format!("{var} = {class}()"),
            List(var) => format!("{var} = []"),
            Dict(var) => format!("{var} = {{}}"),
            Tuple(var, items) => format!("{var} = ({},)", items.join(", ")),
            Int(var, value) => format!("{var} = {value}"),
            SetNone(var) => format!("{var} = None"),
            SetAttr(obj, attr, value) => format!("{obj}.{attr} = {value}"),
            Append(list, value) => format!("{list}.append({value})"),
            DictSet(dict, key, value) => format!("{dict}[{key:?}] = {value}"),
            MaterializeDict(obj) => format!("{obj}.__dict__"),
            Nest(var, depth) => format!("for _ in range({depth}):\n    {var} = [{var}]"),
            Del(var) => format!("del {var}"),
            Collect => "print(gc.collect())".to_string(),
            WeakRef(var, obj) => format!("{var} = weakref.ref({obj}, cb)"),
            IsTracked(var) => format!("print('tracked', gc.is_tracked({var}))"),
            IsTrackedItem(var, index) => {
                format!("print('tracked', gc.is_tracked({var}[{index}]))")
            }
        };
        writeln!(py, "{line}").unwrap();
    }
    py.push_str("print('dels', dels)\nprint('cbs', cbs)\nprint('garbage', len(gc.garbage))\n");
    py
}

/// What the Python program of `steps` prints if it does what `outcome` says; without the
/// `gc.is_tracked` lines unless `with_tracked`.
fn transcript(steps: &[Step], outcome: &Outcome, with_tracked: bool) -> String {
    let mut collected = outcome.collected.iter();
    let mut tracked = outcome.tracked.iter();
    let mut out = String::new();
    for step in steps {
        match step {
            Collect => writeln!(out, "{}", collected.next().expect("one per Collect")),
            IsTracked(_) | IsTrackedItem(..) if with_tracked => {
                let tracked = if *tracked.next().expect("one per IsTracked") {
                    "True"
                } else {
                    "False"
                };
                writeln!(out, "tracked {tracked}")
            }
            _ => Ok(()),
        }
        .unwrap();
    }
    writeln!(out, "dels {}", outcome.dels).unwrap();
    writeln!(out, "cbs {}", outcome.callbacks).unwrap();
    writeln!(out, "garbage {}", outcome.garbage).unwrap();
    out
}

#[test]
fn under_stage_1_every_cycle_leaks() -> Result<()> {
    for row in SCENARIOS {
        let outcome = run(Heap::new(), row.steps, None, bare())?;
        assert_eq!(outcome, row.stage1.outcome(), "stage 1: {}", row.name);
    }
    Ok(())
}

#[test]
fn under_stage_2_every_cycle_is_collected() -> Result<()> {
    for row in SCENARIOS {
        let outcome = run(cycles::new_heap(), row.steps, Some(stage2()), bare())?;
        assert_eq!(outcome, row.stage2.outcome(), "stage 2: {}", row.name);
    }
    Ok(())
}

#[test]
fn under_stage_3_every_cycle_is_collected_by_a_full_collection() -> Result<()> {
    for row in SCENARIOS {
        let outcome = run(stage3_heap(false), row.steps, Some(stage3()), bare())?;
        assert_eq!(outcome, row.stage3.outcome(), "stage 3: {}", row.name);
    }
    Ok(())
}

#[test]
fn under_stage_3_in_stress_mode_only_the_moment_of_collection_changes() -> Result<()> {
    for row in SCENARIOS {
        let (steps, expected) = match row.stage3_stress {
            Stress::Same => (row.steps.to_vec(), row.stage3),
            Stress::Differs(expect) => (row.steps.to_vec(), expect),
            Stress::Shallower { depth, expect } => (with_depth(row.steps, depth), expect),
        };
        let outcome = run(stage3_heap(true), &steps, Some(stage3()), bare())?;
        assert_eq!(outcome, expected.outcome(), "stage 3, stress: {}", row.name);
    }
    Ok(())
}

/// The row's steps with every chain `depth` deep.
fn with_depth(steps: &[Step], depth: usize) -> Vec<Step> {
    steps
        .iter()
        .map(|&step| match step {
            Nest(var, _) => Nest(var, depth),
            step => step,
        })
        .collect()
}

/// The stress column must mean what it says: a `Differs` equal to the `stage3` column would
/// hide a missing difference, and a shallower chain must give what the full-depth one does
/// (checked here without stress mode, in the table's `stage3` terms).
#[test]
fn the_stress_column_is_consistent() -> Result<()> {
    for row in SCENARIOS {
        match row.stage3_stress {
            Stress::Same => {}
            Stress::Differs(expect) => {
                assert_ne!(expect.outcome(), row.stage3.outcome(), "{}", row.name);
            }
            Stress::Shallower { depth, expect } => {
                assert!(
                    row.steps.iter().any(|step| matches!(step, Nest(..))),
                    "{}",
                    row.name
                );
                let steps = with_depth(row.steps, depth);
                let outcome = run(stage3_heap(false), &steps, Some(stage3()), bare())?;
                assert_eq!(
                    outcome,
                    expect.outcome(),
                    "stage 3, {depth} deep: {}",
                    row.name
                );
            }
        }
    }
    Ok(())
}

#[test]
fn stage_2_returns_what_cpython_3_11_returns() -> Result<()> {
    if let Err(why) = cpython::cpython_311() {
        eprintln!("SKIP: scenarios not compared with CPython: {why}");
        return Ok(());
    }
    for row in SCENARIOS.iter().filter(|row| !needs_stage4(row.steps)) {
        let program = python(row.steps);
        // Stage 2 does not delay tracking: its `gc.is_tracked` answers are not CPython's
        // (the table says what they are), its counts are.
        let theirs: String = cpython::run_python(&program)
            .lines()
            .filter(|line| !line.starts_with("tracked "))
            .map(|line| format!("{line}\n"))
            .collect();
        let ours = run(cycles::new_heap(), row.steps, Some(stage2()), bare())?;
        assert_eq!(
            transcript(row.steps, &ours, false),
            theirs,
            "{}:\n{program}",
            row.name
        );
    }
    Ok(())
}

#[test]
fn stage_3_returns_what_cpython_3_11_returns() -> Result<()> {
    if let Err(why) = cpython::cpython_311() {
        eprintln!("SKIP: scenarios not compared with CPython: {why}");
        return Ok(());
    }
    for row in SCENARIOS.iter().filter(|row| !needs_stage4(row.steps)) {
        let program = python(row.steps);
        let theirs = cpython::run_python(&program);
        let ours = run(stage3_heap(false), row.steps, Some(stage3()), bare())?;
        assert_eq!(
            transcript(row.steps, &ours, true),
            theirs,
            "{}:\n{program}",
            row.name
        );
    }
    Ok(())
}

/// Whether the scenario has a weak reference callback or a legacy finalizer, which only
/// stage 4 runs as CPython does.
fn needs_stage4(steps: &[Step]) -> bool {
    steps
        .iter()
        .any(|step| matches!(step, WeakRef(..) | Class(_, Del::Legacy)))
}

/// The stage-4 column, without and with stress mode.
fn stage4_expect(row: &Row) -> (Outcome, Vec<Step>, Outcome) {
    match row.stage4 {
        Stage4::AsStage3 => {
            let (steps, stress) = match row.stage3_stress {
                Stress::Same => (row.steps.to_vec(), row.stage3),
                Stress::Differs(expect) => (row.steps.to_vec(), expect),
                Stress::Shallower { depth, expect } => (with_depth(row.steps, depth), expect),
            };
            (row.stage3.outcome(), steps, stress.outcome())
        }
        Stage4::Is(expect, stress) => {
            let (steps, stress) = match stress {
                Stress::Same => (row.steps.to_vec(), expect),
                Stress::Differs(stress) => (row.steps.to_vec(), stress),
                Stress::Shallower { depth, expect } => (with_depth(row.steps, depth), expect),
            };
            (expect.outcome(), steps, stress.outcome())
        }
    }
}

#[test]
fn under_stage_4_weak_references_and_legacy_finalizers_behave_as_in_cpython() -> Result<()> {
    for row in SCENARIOS {
        let (expected, _, _) = stage4_expect(row);
        let outcome = run(stage4_heap(false), row.steps, Some(stage4()), stage4_weak())?;
        assert_eq!(outcome, expected, "stage 4: {}", row.name);
    }
    Ok(())
}

#[test]
fn under_stage_4_in_stress_mode_only_the_moment_of_collection_changes() -> Result<()> {
    for row in SCENARIOS {
        let (_, steps, expected) = stage4_expect(row);
        let outcome = run(stage4_heap(true), &steps, Some(stage4()), stage4_weak())?;
        assert_eq!(outcome, expected, "stage 4, stress: {}", row.name);
    }
    Ok(())
}

#[test]
fn stage_4_returns_what_cpython_3_11_returns() -> Result<()> {
    if let Err(why) = cpython::cpython_311() {
        eprintln!("SKIP: scenarios not compared with CPython: {why}");
        return Ok(());
    }
    for row in SCENARIOS {
        let program = python(row.steps);
        let theirs = cpython::run_python(&program);
        let ours = run(stage4_heap(false), row.steps, Some(stage4()), stage4_weak())?;
        assert_eq!(
            transcript(row.steps, &ours, true),
            theirs,
            "{}:\n{program}",
            row.name
        );
    }
    Ok(())
}

/// The last column: each scenario as the Python program above, run by `pyrun` on the whole
/// runtime, prints what stage 4 predicts (and the test before checks that CPython does too) —
/// in stress mode as well, where only the moment of collection may change.
#[test]
fn pyrun_runs_every_scenario_as_stage_4_predicts() {
    for row in SCENARIOS {
        let (expected, stress_steps, stress_expected) = stage4_expect(row);
        for (steps, expected, stress) in [
            (row.steps.to_vec(), expected, false),
            (stress_steps, stress_expected, true),
        ] {
            let program = python(&steps);
            let options = pyrun::Options {
                capture: true,
                stress,
                ..Default::default()
            };
            let outcome = pyrun::run("scenario.py", &program, &options);
            let printed: String = outcome.output.iter().map(|(_, t)| t.as_str()).collect();
            // Stress mode collects before `gc.is_tracked` can look: leave those lines out.
            let shown = |text: &str| -> String {
                text.lines()
                    .filter(|l| !stress || !l.starts_with("tracked "))
                    .map(|l| format!("{l}\n"))
                    .collect()
            };
            assert_eq!(
                (outcome.status, shown(&printed)),
                (0, shown(&transcript(&steps, &expected, true))),
                "pyrun{}: {}:\n{program}",
                if stress { " --stress" } else { "" },
                row.name
            );
        }
    }
}
