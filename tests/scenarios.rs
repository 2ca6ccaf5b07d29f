//! The scenario suite: the same small programs run against every stage of the runtime, each
//! with what that stage is expected to do. Under stage 1 (reference counting alone) every
//! cycle leaks; under stage 2 `gc.collect()` frees it and returns CPython 3.11's number.
//!
//! A scenario is a script of Python-level steps. It is run on our heap, and rendered as a
//! Python program that CPython runs (when `python3` is CPython 3.11), so both build exactly
//! the same graph. A later stage adds a column to [`Row`] and a `run` call.

use std::cell::Cell;
use std::fmt::Write;
use std::rc::Rc;

use refcount::{Heap, Hooks, ObjRef, Result};

#[path = "../../../src/cpython.rs"]
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
}

/// What running a scenario on one stage produced.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Outcome {
    /// What each `gc.collect()` returned (empty for a stage without a collector).
    collected: Vec<usize>,
    /// How many times a `__del__` ran.
    dels: usize,
    /// Objects the scenario created (classes aside) that are still alive at the end.
    alive: usize,
}

/// A stage's expected [`Outcome`], written in the table.
#[derive(Clone, Copy, Debug)]
struct Expect {
    collected: &'static [usize],
    dels: usize,
    alive: usize,
}

impl Expect {
    fn outcome(self) -> Outcome {
        Outcome {
            collected: self.collected.to_vec(),
            dels: self.dels,
            alive: self.alive,
        }
    }
}

struct Row {
    name: &'static str,
    steps: &'static [Step],
    /// Reference counting alone: no collector, `gc.collect()` is not available.
    stage1: Expect,
    /// The cycle detector: `collected` is also what CPython 3.11 prints.
    stage2: Expect,
}

const DEEP: usize = 100_000;

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
        stage1: Expect { collected: &[], dels: 0, alive: 2 },
        stage2: Expect { collected: &[2, 0], dels: 0, alive: 0 },
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
        stage1: Expect { collected: &[], dels: 0, alive: 2 },
        stage2: Expect { collected: &[4], dels: 0, alive: 0 },
    },
    Row {
        name: "self-referencing list (B07)",
        steps: &[List("l"), Append("l", "l"), Del("l"), Collect],
        stage1: Expect { collected: &[], dels: 0, alive: 1 },
        stage2: Expect { collected: &[1], dels: 0, alive: 0 },
    },
    Row {
        name: "self-referencing dict (B07)",
        steps: &[Dict("d"), DictSet("d", "self", "d"), Del("d"), Collect],
        stage1: Expect { collected: &[], dels: 0, alive: 1 },
        stage2: Expect { collected: &[1], dels: 0, alive: 0 },
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
        stage1: Expect { collected: &[], dels: 0, alive: 2 },
        stage2: Expect { collected: &[2], dels: 0, alive: 0 },
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
        stage1: Expect { collected: &[], dels: 0, alive: 2 },
        stage2: Expect { collected: &[2, 0], dels: 2, alive: 0 },
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
        stage1: Expect { collected: &[], dels: 0, alive: 1 },
        stage2: Expect { collected: &[0, 1], dels: 1, alive: 0 },
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
        stage1: Expect { collected: &[], dels: 0, alive: DEEP + 1 },
        stage2: Expect { collected: &[DEEP + 1], dels: 0, alive: 0 },
    },
    Row {
        name: "a deep chain without a cycle (control: reference counting frees it)",
        steps: &[SetNone("x"), Nest("x", DEEP), Del("x"), Collect],
        stage1: Expect { collected: &[], dels: 0, alive: 0 },
        stage2: Expect { collected: &[0], dels: 0, alive: 0 },
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
        stage1: Expect { collected: &[], dels: 0, alive: 2 },
        stage2: Expect { collected: &[0], dels: 0, alive: 2 },
    },
];

/// Runs a scenario on a heap; `collect` is the stage's `gc.collect()`, if it has one.
fn run<H: Hooks>(
    mut heap: Heap<H>,
    steps: &[Step],
    collect: Option<fn(&mut Heap<H>) -> usize>,
) -> Result<Outcome> {
    let dels = Rc::new(Cell::new(0));
    let mut created: Vec<ObjRef> = Vec::new();
    let mut collected = Vec::new();
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
                    Del::Count | Del::Resurrect => {
                        let dels = Rc::clone(&dels);
                        heap.new_class_with_del(name, move |heap, this| {
                            dels.set(dels.get() + 1);
                            if matches!(del, Del::Resurrect) {
                                heap.set_global("saved", this)?;
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
                if let Some(collect) = collect {
                    collected.push(collect(&mut heap));
                }
            }
        }
        heap.check_invariants()?;
    }
    let alive = created.iter().filter(|&&r| heap.is_alive(r)).count();
    Ok(Outcome {
        collected,
        dels: dels.get(),
        alive,
    })
}

/// The scenario as a Python program that prints what `gc.collect()` returns, then `dels N`.
fn python(steps: &[Step]) -> String {
    let mut py = String::from("import gc\ngc.disable(); gc.collect()\ndels = 0\n");
    for &step in steps {
        let line = match step {
            Class(name, Del::Without) => format!("class {name}:\n    pass"),
            Class(name, del) => format!(
                "class {name}:\n    def __del__(self):\n        global dels, saved\n        \
                 dels += 1\n{}",
                if matches!(del, Del::Resurrect) {
                    "        saved = self"
                } else {
                    "        pass"
                }
            ),
            New(var, class) => format!("{var} = {class}()"),
            List(var) => format!("{var} = []"),
            Dict(var) => format!("{var} = {{}}"),
            Tuple(var, items) => format!("{var} = ({},)", items.join(", ")),
            SetNone(var) => format!("{var} = None"),
            SetAttr(obj, attr, value) => format!("{obj}.{attr} = {value}"),
            Append(list, value) => format!("{list}.append({value})"),
            DictSet(dict, key, value) => format!("{dict}[{key:?}] = {value}"),
            MaterializeDict(obj) => format!("{obj}.__dict__"),
            Nest(var, depth) => format!("for _ in range({depth}):\n    {var} = [{var}]"),
            Del(var) => format!("del {var}"),
            Collect => "print(gc.collect())".to_string(),
        };
        writeln!(py, "{line}").unwrap();
    }
    py.push_str("print('dels', dels)\n");
    py
}

#[test]
fn under_stage_1_every_cycle_leaks() -> Result<()> {
    for row in SCENARIOS {
        let outcome = run(Heap::new(), row.steps, None)?;
        assert_eq!(outcome, row.stage1.outcome(), "stage 1: {}", row.name);
    }
    Ok(())
}

#[test]
fn under_stage_2_every_cycle_is_collected() -> Result<()> {
    for row in SCENARIOS {
        let outcome = run(cycles::new_heap(), row.steps, Some(cycles::collect))?;
        assert_eq!(outcome, row.stage2.outcome(), "stage 2: {}", row.name);
    }
    Ok(())
}

#[test]
fn stage_2_returns_what_cpython_3_11_returns() -> Result<()> {
    if let Err(why) = cpython::cpython_311() {
        eprintln!("SKIP: scenarios not compared with CPython: {why}");
        return Ok(());
    }
    for row in SCENARIOS {
        let program = python(row.steps);
        let theirs = cpython::run_python(&program);
        let ours = run(cycles::new_heap(), row.steps, Some(cycles::collect))?;
        let mut expected = String::new();
        for n in &ours.collected {
            writeln!(expected, "{n}").unwrap();
        }
        writeln!(expected, "dels {}", ours.dels).unwrap();
        assert_eq!(expected, theirs, "{}:\n{program}", row.name);
    }
    Ok(())
}
