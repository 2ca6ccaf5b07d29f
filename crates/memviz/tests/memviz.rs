//! Trace files, timelines, plots and diagrams.

use std::collections::BTreeMap;
use std::time::Instant;

use memviz::diagram::Diagram;
use memviz::plot::{self, Series};
use memviz::timeline::{refcount_history, timeline};
use memviz::tracefile::{self, Run, TraceFile};
use refcount::{Event, Heap, Result, Trace};

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("memviz-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn a_recorded_trace_round_trips_through_a_file() -> Result<()> {
    let mut heap = Heap::new();
    heap.start_trace();
    let list = heap.new_list(&[])?;
    let none = heap.none()?;
    heap.list_append(list, none)?;
    heap.decref(list)?;
    heap.decref(none)?;
    let file = TraceFile::new(vec![Run {
        name: "demo".into(),
        trace: heap.stop_trace(),
    }]);
    let path = temp_path("round-trip.json");
    tracefile::save(&path, &file).unwrap();
    assert_eq!(tracefile::load(&path).unwrap(), file);
    Ok(())
}

#[test]
fn a_malformed_trace_file_is_a_clear_error() {
    let path = temp_path("broken.json");
    std::fs::write(
        &path,
        r#"{"format": 1, "runs": [{"name": "x", "trace": {"events": [{"event": "explode"}]}}]}"#,
    )
    .unwrap();
    let error = tracefile::load(&path).unwrap_err().to_string();
    assert!(
        error.starts_with(&format!("trace file {}: not a trace file:", path.display())),
        "{error}"
    );
    assert!(
        error.contains("unknown variant `explode`") && error.contains("line 1 column"),
        "{error}"
    );

    std::fs::write(&path, "not json at all").unwrap();
    let error = tracefile::load(&path).unwrap_err().to_string();
    assert!(
        error.contains("not a trace file: expected ident at line 1 column 2"),
        "{error}"
    );

    std::fs::write(&path, r#"{"format": 7, "runs": []}"#).unwrap();
    let error = tracefile::load(&path).unwrap_err().to_string();
    assert!(
        error.ends_with("format 7 is not supported (this is 1)"),
        "{error}"
    );

    let missing = temp_path("does-not-exist.json");
    let error = tracefile::load(&missing).unwrap_err().to_string();
    assert!(
        error.contains("does-not-exist.json: cannot read"),
        "{error}"
    );
}

#[test]
fn an_empty_trace_gives_one_point_and_still_plots() {
    let trace = Trace {
        live_objects_at_start: 3,
        live_bytes_at_start: 200,
        events: vec![],
    };
    let t = timeline(&trace);
    assert_eq!(t.points.len(), 1);
    assert_eq!((t.points[0].live_objects, t.points[0].live_bytes), (3, 200));
    let svg = plot::memory_plot("empty", &[("empty", &t)]).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("live objects"));
}

#[test]
fn the_timeline_follows_allocations_resizes_frees_and_collections() -> Result<()> {
    let mut heap = Heap::new();
    let before = (heap.live_objects() as u64, heap.live_bytes());
    heap.start_trace();
    let list = heap.new_list(&[])?;
    let none = heap.none()?;
    heap.list_append(list, none)?; // 56 -> 88 bytes
    heap.record(Event::Stage {
        name: "gc_collect".into(),
        values: BTreeMap::from([("collected".into(), 4)]),
    });
    heap.decref(list)?;
    let t = timeline(&heap.stop_trace());
    let last = t.points.last().unwrap();
    assert_eq!((last.live_objects, last.live_bytes), before);
    let peak = t.points.iter().map(|p| p.live_bytes).max().unwrap();
    assert_eq!(peak, before.1 + 88);
    assert_eq!(t.collections.len(), 1);
    assert_eq!(
        (t.collections[0].allocations, t.collections[0].collected),
        (1, 4)
    );
    Ok(())
}

#[test]
fn a_million_event_trace_is_plotted_in_seconds_into_a_small_svg() -> Result<()> {
    let mut heap = Heap::new();
    heap.start_trace();
    let mut kept = Vec::new();
    // Each object: an alloc, then (now or later) a decref and a free: three events.
    for i in 0..400_000 {
        let obj = heap.new_list(&[])?;
        if i % 3 == 0 {
            heap.decref(obj)?;
        } else {
            kept.push(obj);
        }
        if kept.len() == 100_000 {
            for obj in kept.drain(..) {
                heap.decref(obj)?;
            }
        }
    }
    let trace = heap.stop_trace();
    assert!(trace.events.len() >= 1_000_000);
    let start = Instant::now();
    let t = timeline(&trace);
    let svg = plot::memory_plot("a million events", &[("run", &t)]).unwrap();
    let elapsed = start.elapsed();
    eprintln!(
        "{} events: timeline + plot in {elapsed:?}, {} bytes of SVG",
        trace.events.len(),
        svg.len()
    );
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
    assert!(svg.len() < 1_000_000, "decimated: {} bytes", svg.len());
    Ok(())
}

#[test]
fn decimation_keeps_every_peak_and_valley() {
    let points: Vec<(u64, u64)> = (0..100_000).map(|i| (i, (i * 7919) % 1000)).collect();
    let kept = plot::decimate(&points, 400);
    assert!(kept.len() <= 400 + 4, "{}", kept.len());
    assert_eq!(kept.iter().map(|p| p.1).max(), Some(999));
    assert_eq!(kept.iter().map(|p| p.1).min(), Some(0));
    assert!(
        kept.windows(2).all(|w| w[0].0 <= w[1].0),
        "x never goes back"
    );
    assert_eq!(plot::decimate(&points[..10], 400), &points[..10]);
}

#[test]
fn refcount_history_follows_one_object() -> Result<()> {
    let mut heap = Heap::new();
    heap.start_trace();
    let obj = heap.new_list(&[])?;
    let id = heap.id(obj)?;
    heap.set_global("a", obj)?;
    heap.set_global("b", obj)?;
    heap.decref(obj)?;
    heap.del_global("a")?;
    heap.del_global("b")?;
    let counts: Vec<u64> = refcount_history(&heap.stop_trace(), id)
        .iter()
        .map(|p| p.1)
        .collect();
    assert_eq!(counts, [1, 2, 3, 2, 1, 0]);
    let series = Series {
        label: "x",
        points: vec![(1, 1), (2, 3)],
        marks: vec![(2, "gc: 2".into())],
    };
    let svg = plot::line_plot("t", "event", "refcount", &[series]).unwrap();
    assert!(svg.contains("gc: 2"));
    Ok(())
}

#[test]
fn diagrams_show_names_objects_references_and_highlights() -> Result<()> {
    let mut heap = Heap::new();
    let node = heap.new_class("Node")?;
    let (a, b) = (heap.new_instance(node)?, heap.new_instance(node)?);
    heap.set_attr(a, "next", b)?;
    heap.set_attr(b, "next", a)?;
    heap.set_global("a", a)?;
    let list = heap.new_list(&[a, a])?;
    let key = heap.new_str("k\"ey")?;
    let dict = heap.new_dict()?;
    heap.dict_set(dict, key, list)?;
    let render = |heap: &Heap| {
        Diagram::new()
            .root("rust dict", dict)
            .highlight("unreachable", "fill:#fdd", [b])
            .scratch("gc_refs", [(a, 1), (b, 0)])
            .show_classes(false)
            .render(heap)
    };
    let text = render(&heap)?;
    assert_eq!(text, render(&heap)?, "deterministic");
    let (ia, ib) = (a.index(), b.index());
    for expected in [
        "flowchart LR",
        "n0[\"a\"]",
        &format!("n0 --> o{ia}"),
        &format!("o{ia} -- \".next\" --> o{ib}"),
        &format!("o{ib} -- \".next\" --> o{ia}"),
        &format!("o{} -- \"[0]\" --> o{ia}", list.index()),
        &format!(
            "o{} -- \"['k#quot;ey']\" --> o{}",
            dict.index(),
            list.index()
        ),
        "r0[/\"rust dict\"/]",
        "<b>gc_refs = 0</b>",
        &format!("class o{ib} unreachable"),
        "Node instance<br/>id 0x",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("type"), "classes hidden");
    Ok(())
}

#[test]
fn large_heaps_are_cut_down_with_a_note() -> Result<()> {
    let mut heap = Heap::new();
    let mut items = Vec::new();
    for i in 0..500 {
        items.push(heap.new_int(1000 + i)?);
    }
    let list = heap.new_list(&items)?;
    heap.set_global("big", list)?;
    let text = Diagram::new().max_objects(10).render(&heap)?;
    assert!(text.contains("more[\"… 491 more objects\"]"), "{text}");
    assert_eq!(
        text.matches("-->").count(),
        1 + 9 + 1,
        "name, 9 drawn items, one arrow into the note"
    );
    Ok(())
}
