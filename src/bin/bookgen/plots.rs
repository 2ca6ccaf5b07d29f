//! The plots the book shows: which example's traces each is drawn from, and how.

use memviz::plot::{self, Series};
use memviz::timeline::{refcount_history, timeline};
use memviz::tracefile::TraceFile;
use refcount::{Event, Trace};

pub struct Plot {
    /// The example whose `--trace` file the plot is drawn from.
    pub example: &'static str,
    /// Where it goes, under `book/generated/`.
    pub file: &'static str,
    pub draw: fn(&TraceFile) -> Result<String, String>,
}

pub const PLOTS: &[Plot] = &[
    Plot {
        example: "ch01_refcount",
        file: "ch01_refcount/del-refcount.svg",
        draw: ch01_del_refcount,
    },
    Plot {
        example: "ch01_refcount",
        file: "ch01_refcount/dealloc-order-memory.svg",
        draw: ch01_dealloc_memory,
    },
    Plot {
        example: "ch02_watching",
        file: "ch02_watching/chain-memory.svg",
        draw: chain_memory,
    },
    Plot {
        example: "ch02_watching",
        file: "ch02_watching/leak-comparison.svg",
        draw: leak_comparison,
    },
    Plot {
        example: "ch03_cycles",
        file: "ch03_cycles/leak-vs-collector.svg",
        draw: ch03_leak_vs_collector,
    },
    Plot {
        example: "ch04_generations",
        file: "ch04_generations/long-running.svg",
        draw: ch04_long_running,
    },
    Plot {
        example: "ch04_generations",
        file: "ch04_generations/collections.svg",
        draw: ch04_collections,
    },
];

fn run<'a>(traces: &'a TraceFile, name: &str) -> Result<&'a Trace, String> {
    traces
        .run(name)
        .ok_or_else(|| format!("the trace file has no run called {name:?}"))
}

/// The `MyClass` instance's reference count, event by event, in the `del` experiment.
fn ch01_del_refcount(traces: &TraceFile) -> Result<String, String> {
    let trace = run(traces, "del")?;
    let id = trace
        .events
        .iter()
        .find_map(|e| match e {
            Event::Alloc { id, type_name, .. } if type_name == "MyClass" => Some(*id),
            _ => None,
        })
        .ok_or("no MyClass instance in the del run")?;
    let series = Series {
        label: "MyClass instance",
        points: refcount_history(trace, id),
        marks: vec![],
    };
    plot::line_plot(
        "obj1 = MyClass(); obj2 = obj1; del obj1; del obj2",
        "event",
        "refcount",
        &[series],
    )
    .map_err(|e| e.to_string())
}

/// Live objects and bytes while `dealloc-order` builds and drops its list and dict.
fn ch01_dealloc_memory(traces: &TraceFile) -> Result<String, String> {
    let timeline = timeline(run(traces, "dealloc-order")?);
    plot::memory_plot(
        "dealloc-order: building and dropping [A(1), A(2), A(3)], then a dict",
        &[("dealloc-order", &timeline)],
    )
    .map_err(|e| e.to_string())
}

/// A thousand-node chain built, then dropped with one `del`.
fn chain_memory(traces: &TraceFile) -> Result<String, String> {
    let timeline = timeline(run(traces, "chain")?);
    plot::memory_plot(
        "a 1000-node chain, built and dropped",
        &[("chain", &timeline)],
    )
    .map_err(|e| e.to_string())
}

/// The same loop with and without a forgotten `decref`.
fn leak_comparison(traces: &TraceFile) -> Result<String, String> {
    let balanced = timeline(run(traces, "balanced")?);
    let leaky = timeline(run(traces, "leaky")?);
    plot::memory_plot(
        "200 records, with and without a forgotten decref",
        &[
            ("balanced", &balanced),
            ("leaky: one decref missing", &leaky),
        ],
    )
    .map_err(|e| e.to_string())
}

/// Two thousand two-node cycles, with reference counting alone and with a collection every
/// 500 pairs.
fn ch03_leak_vs_collector(traces: &TraceFile) -> Result<String, String> {
    let leaking = timeline(run(traces, "refcount-only")?);
    let collected = timeline(run(traces, "with-collector")?);
    plot::memory_plot(
        "2000 two-node cycles: refcounting alone vs gc.collect() every 500",
        &[
            ("reference counting only", &leaking),
            ("with the cycle detector", &collected),
        ],
    )
    .map_err(|e| e.to_string())
}

/// The long-running program's live objects, with its generation-1 and full collections
/// marked (generation-0 collections are too many to label: the saw's teeth are they).
fn ch04_long_running(traces: &TraceFile) -> Result<String, String> {
    let timeline = timeline(run(traces, "long-running")?);
    let marks = |generation: i64| -> Vec<(u64, String)> {
        timeline
            .collections
            .iter()
            .filter(|c| c.generation == generation)
            .map(|c| (c.allocations, generation.to_string()))
            .collect()
    };
    let series = [
        Series {
            label: "live objects",
            points: timeline
                .points
                .iter()
                .map(|p| (p.allocations, p.live_objects))
                .collect(),
            marks: vec![],
        },
        Series {
            label: "generation 1 collected",
            points: vec![],
            marks: marks(1),
        },
        Series {
            label: "generation 2 collected (full)",
            points: vec![],
            marks: marks(2),
        },
    ];
    plot::line_plot(
        "a server-like loop, thresholds (50, 10, 10)",
        "allocations",
        "live objects",
        &series,
    )
    .map_err(|e| e.to_string())
}

/// How many collections of each generation the long-running program has had, over time.
fn ch04_collections(traces: &TraceFile) -> Result<String, String> {
    let timeline = timeline(run(traces, "long-running")?);
    let labels = ["generation 0", "generation 1", "generation 2"];
    let series: Vec<Series> = (0..3)
        .map(|generation| {
            let mut count = 0;
            let mut points = vec![(0, 0)];
            for c in timeline
                .collections
                .iter()
                .filter(|c| c.generation == generation)
            {
                count += 1;
                points.push((c.allocations, count));
            }
            let last = timeline.points.last().map_or(0, |p| p.allocations);
            points.push((last, count));
            Series {
                label: labels[generation as usize],
                points,
                marks: vec![],
            }
        })
        .collect();
    plot::line_plot(
        "collections so far, per generation",
        "allocations",
        "collections",
        &series,
    )
    .map_err(|e| e.to_string())
}
