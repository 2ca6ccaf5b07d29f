//! Every chapter example records its experiments' traces with `--trace FILE`, and the file
//! loads back into exactly what was written.

use std::path::PathBuf;
use std::process::Command;

use memviz::tracefile;

/// The example binaries `cargo test` builds next to this test's own binary.
fn example(name: &str) -> PathBuf {
    let deps = std::env::current_exe().expect("test binary path");
    let dir = deps
        .parent()
        .and_then(|d| d.parent())
        .expect("target/<profile>");
    dir.join("examples").join(name)
}

fn traced(name: &str) -> tracefile::TraceFile {
    let path = std::env::temp_dir().join(format!("{name}-{}.json", std::process::id()));
    let out = Command::new(example(name))
        .arg("--trace")
        .arg(&path)
        .output()
        .expect("example runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&path).expect("trace written");
    let loaded = tracefile::load(&path).expect("trace loads");
    assert_eq!(
        serde_json::to_string(&loaded).unwrap(),
        written,
        "round trip is exact"
    );
    loaded
}

#[test]
fn chapter_1_writes_a_trace_per_experiment() {
    let traces = traced("ch01_refcount");
    let list = Command::new(example("ch01_refcount"))
        .arg("--list")
        .output()
        .unwrap();
    let names: Vec<String> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let recorded: Vec<String> = traces.runs.iter().map(|r| r.name.clone()).collect();
    assert_eq!(recorded, names);
    let del = traces.run("del").expect("the del experiment");
    assert!(
        del.events
            .iter()
            .any(|e| matches!(e, refcount::Event::Finalize { .. }))
    );
}

#[test]
fn the_watching_memory_example_writes_its_traces_too() {
    let traces = traced("ch02_watching");
    assert!(traces.run("leaky").is_some() && traces.run("balanced").is_some());
}

#[test]
fn a_bad_command_line_is_refused_with_usage() {
    let out = Command::new(example("ch01_refcount"))
        .arg("no-such-experiment")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown experiment \"no-such-experiment\"")
            && stderr.contains("small-int"),
        "{stderr}"
    );
}
