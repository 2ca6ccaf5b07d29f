//! The event trace: off by default, complete when on, and serialisable with serde.

use refcount::{Event, Heap, Result, Trace};

#[test]
fn a_trace_records_the_life_of_an_object_and_round_trips_through_json() -> Result<()> {
    let mut heap = Heap::new();
    let list = heap.new_list(&[])?;
    heap.decref(list)?; // not recorded: tracing is off
    heap.start_trace();
    let list = heap.new_list(&[])?;
    let id = heap.id(list)?;
    heap.set_global("x", list)?;
    heap.decref(list)?;
    heap.del_global("x")?;
    let trace = heap.stop_trace();
    let of_list: Vec<&Event> = trace
        .events
        .iter()
        .filter(|e| match e {
            Event::Alloc { id: i, .. }
            | Event::Incref { id: i, .. }
            | Event::Decref { id: i, .. }
            | Event::Free { id: i, .. } => *i == id,
            _ => false,
        })
        .collect();
    assert_eq!(
        of_list,
        [
            &Event::Alloc {
                id,
                type_name: "list".into(),
                size: 56
            },
            &Event::Incref { id, refcount: 2 },
            &Event::Decref { id, refcount: 1 },
            &Event::Decref { id, refcount: 0 },
            &Event::Free { id, size: 56 },
        ]
    );
    let json = serde_json::to_string(&trace).expect("serialise");
    assert!(json.contains(r#"{"event":"alloc","id":"#), "{json}");
    let back: Trace = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, trace);
    assert!(heap.stop_trace().events.is_empty(), "stopped");
    Ok(())
}
