//! Smoke test of the benchmark harness (`src/bin/bench`, `scripts/bench`), with no timing
//! assertions: every workload of our side runs at N = 1000 in its own process and collects
//! what CPython's `gc.collect()` would (for g, what CPython 3.11's automatic collections
//! find, in as many collections of each generation), the young-collection measurement runs,
//! and the report has exactly the agreed format.

use std::path::Path;
use std::process::Command;

#[allow(dead_code)] // the binary uses all of it, this test only some
#[path = "../src/bin/bench/report.rs"]
mod report;

/// What each workload's `collected` must be at N = 1000. A new workload in the harness's
/// table needs its line here (the test fails until it has one).
const EXPECTED_AT_1000: &[(&str, u64)] = &[
    ("a", 1000),
    ("c", 0),
    ("d", 1000),
    ("e", 1000),
    ("g", 199_500),
];

/// Workload g's automatic collections of generations 0, 1 and 2, as CPython 3.11 runs them
/// (`bench/cpython_workloads.py g 1000 1`).
const G_COLLECTIONS: [u64; 3] = [262, 23, 0];

fn bench() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bench"))
}

fn stdout_of(command: &mut Command) -> String {
    let output = command.output().expect("the bench binary runs");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn every_workload_collects_what_cpython_collects_at_1000() {
    let listed: Vec<String> = stdout_of(bench().arg("list"))
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    let expected: Vec<&str> = EXPECTED_AT_1000.iter().map(|(id, _)| *id).collect();
    assert_eq!(listed, expected, "the workloads of `bench list`");
    for &(workload, collected) in EXPECTED_AT_1000 {
        let line = stdout_of(bench().args(["point", workload, "1000", "1"]));
        let point: report::Point = serde_json::from_str(line.trim())
            .unwrap_or_else(|e| panic!("workload {workload}: cannot parse {line:?}: {e}"));
        assert_eq!(point.collected, collected, "workload {workload}");
        assert!(point.ns_per_object > 0.0, "workload {workload}: {point:?}");
        assert!(point.bytes_per_object.is_some(), "workload {workload}");
        let collections = (workload == "g").then_some(G_COLLECTIONS);
        assert_eq!(point.collections, collections, "workload {workload}");
        // The collection workloads are timed phase by phase as well, and only they are.
        let timed_by_phase = ["a", "c", "d"].contains(&workload);
        assert_eq!(
            point.phases_ns_per_object.is_some(),
            timed_by_phase,
            "workload {workload}: {point:?}"
        );
        if let Some(phases) = point.phases_ns_per_object {
            assert!(phases.iter().all(|&ns| ns >= 0.0), "{phases:?}");
            assert!(phases.iter().sum::<f64>() > 0.0, "{phases:?}");
        }
    }
}

#[test]
fn the_young_collection_finds_the_garbage_of_the_young_generation_only() {
    for args in [&["0"][..], &["1000"], &["1000", "to-old"]] {
        let (old, rest) = args.split_first().expect("OLD");
        let line = stdout_of(bench().args(["young", old, "1000", "3"]).args(rest));
        let point: report::YoungPoint = serde_json::from_str(line.trim())
            .unwrap_or_else(|e| panic!("cannot parse {line:?}: {e}"));
        assert_eq!(point.collected, 500, "young {args:?}");
        assert!(point.ns_per_collection > 0.0, "{point:?}");
    }
}

#[test]
fn point_mode_rejects_bad_arguments() {
    for args in [
        &["point", "z", "1000", "1"][..],
        &["point", "a", "1", "1"],
        &["point", "a"],
        &["young", "1000", "3", "1"],
        &["young", "1000"],
        &["young", "1000", "1000", "1", "to-new"],
    ] {
        let status = bench().args(args).output().expect("runs").status;
        assert!(!status.success(), "{args:?} should fail");
    }
}

#[test]
fn the_report_is_a_list_of_records_with_exactly_the_agreed_keys() {
    let ours = report::Point {
        ns_per_object: 20.0,
        collected: 1000,
        bytes_per_object: Some(120.0),
        collections: None,
        phases_ns_per_object: Some([1.0, 2.0, 3.0, 0.5, 13.5]),
    };
    let cpython = report::Point {
        ns_per_object: 150.0,
        collected: 1000,
        bytes_per_object: Some(48.0),
        collections: None,
        phases_ns_per_object: None,
    };
    let plain = report::Point {
        ns_per_object: 180.0,
        bytes_per_object: Some(96.0),
        ..cpython.clone()
    };
    let both = report::CPython {
        slots: Some(&cpython),
        plain: Some(&plain),
    };
    let records = [
        report::Record::new("a", 1000, Some(&ours), both),
        // CPython's side failed
        report::Record::new("d", 1000, Some(&ours), report::CPython::default()),
        // the plain class faster (it never is, but the faster one is what counts)
        report::Record::new(
            "e",
            1000,
            Some(&ours),
            report::CPython {
                slots: Some(&plain),
                plain: Some(&cpython),
            },
        ),
    ];
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench_smoke/report.json");
    report::write_report(&path, &records).expect("written");
    let text = std::fs::read_to_string(&path).expect("readable");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let list = value
        .as_array()
        .expect("a JSON list, with nothing around it");
    assert_eq!(list.len(), 3);
    let mut agreed: Vec<&str> = report::REPORT_KEYS.to_vec();
    agreed.sort();
    assert_eq!(
        agreed,
        [
            "cpython_bytes_per_object",
            "cpython_collected",
            "cpython_faster",
            "cpython_ns_per_object",
            "cpython_plain_bytes_per_object",
            "cpython_plain_ns_per_object",
            "cpython_slots_bytes_per_object",
            "cpython_slots_ns_per_object",
            "n",
            "ours_bytes_per_object",
            "ours_collected",
            "ours_ns_per_object",
            "ours_phases_ns_per_object",
            "speedup",
            "workload",
        ]
    );
    for record in list {
        let mut keys: Vec<&str> = record
            .as_object()
            .expect("a record is an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(keys, agreed);
    }
    assert_eq!(list[0]["speedup"], 7.5); // against the faster class, slots
    assert_eq!(list[0]["cpython_faster"], "slots");
    assert_eq!(list[0]["cpython_plain_ns_per_object"], 180.0);
    assert_eq!(list[0]["cpython_bytes_per_object"], 48.0);
    assert_eq!(list[2]["speedup"], 7.5); // the faster one, whichever it is
    assert_eq!(list[2]["cpython_faster"], "plain");
    assert_eq!(list[0]["ours_collected"], 1000);
    assert!(list[1]["cpython_ns_per_object"].is_null());
    assert!(list[1]["speedup"].is_null());
    assert_eq!(list[0]["ours_phases_ns_per_object"][4], 13.5);
    let phases = report::phases_table(&records);
    assert_eq!(
        phases.lines().count(),
        4,
        "a header and one line per record: {phases}"
    );
    assert!(
        phases.lines().nth(1).unwrap().ends_with("20.0"),
        "the sum: {phases}"
    );
    assert!(records[0].collected_agree());
    assert!(!records[1].collected_agree());
    let table = report::table(&records);
    assert!(
        !table.lines().nth(1).unwrap().contains("MISMATCH"),
        "{table}"
    );
    assert!(
        table.lines().nth(2).unwrap().contains("MISMATCH"),
        "{table}"
    );
}
