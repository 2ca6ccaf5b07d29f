"""The benchmark's CPython side: one workload at one size, in this fresh process.

    python3 bench/cpython_workloads.py WORKLOAD N RUNS
    python3 bench/cpython_workloads.py --about

The first form prints one JSON object: the median nanoseconds per object over RUNS runs
(`ns_per_object`), what gc.collect() returned (`collected`; for the create-and-drop loop, N)
and the peak memory per object (`bytes_per_object`: VmHWM at the end minus VmRSS before the
first run, divided by N). `--about` prints the Python version and the workload ids, so that
the harness can check both sides define the same workloads.

The shapes match the Rust side (src/bin/bench/workloads.rs) object for object. Automatic
collection is disabled; only gc.collect() is timed (for "e", the loop). A workload is one
function returning (elapsed ns, collected) plus one entry in WORKLOADS, on each side.

Memory of "e": nothing stays alive in its loop, so its peak says nothing about an object's
size. After the timed loop it builds workload a's shape (N live instances, untimed), so its
`bytes_per_object` is the size of one live instance, measured the same way on both sides.
"""

import gc
import json
import platform
import statistics
import sys
import time


class S:
    __slots__ = ("next",)


def rss_kib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def timed_collect():
    start = time.perf_counter_ns()
    found = gc.collect()
    return time.perf_counter_ns() - start, found


def build_two_node_cycles(n):
    """N/2 two-node cycles; the last outside references (the loop's locals) go on return."""
    for _ in range(n // 2):
        a = S()
        b = S()
        a.next = b
        b.next = a


def build_ring(n):
    """One ring of N nodes; the outside references (the locals) go on return."""
    first = last = S()
    for _ in range(n - 1):
        node = S()
        last.next = node
        last = node
    last.next = first


def a_two_node_cycles(n):
    """N/2 two-node cycles, every outside reference dropped; time one full collection."""
    build_two_node_cycles(n)
    return timed_collect()


def c_live_heap(n):
    """A root list -> N instances -> each holds its own empty list; nothing is garbage."""
    root = []
    for _ in range(n):
        s = S()
        s.next = []
        root.append(s)
    return timed_collect()  # root and everything it holds are freed on return, untimed


def d_ring(n):
    """One ring of N nodes, dropped; time one full collection."""
    build_ring(n)
    return timed_collect()


def e_create_drop(n):
    """Create and drop N objects, no cycles; time the whole loop."""
    start = time.perf_counter_ns()
    for _ in range(n):
        S()
    elapsed = time.perf_counter_ns() - start
    build_two_node_cycles(n)  # for the memory figure only (see the module doc); untimed
    return elapsed, n


WORKLOADS = {"a": a_two_node_cycles, "c": c_live_heap, "d": d_ring, "e": e_create_drop}


def main():
    if sys.argv[1:] == ["--about"]:
        print(json.dumps({
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "workloads": list(WORKLOADS),
        }))
        return
    if len(sys.argv) != 4 or sys.argv[1] not in WORKLOADS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(WORKLOADS)}}} N RUNS | --about")
    workload, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if n < 2 or runs < 1:
        sys.exit("N must be at least 2 and RUNS at least 1")
    run = WORKLOADS[workload]
    gc.disable()
    gc.collect()
    baseline = rss_kib("VmRSS")
    times, found = [], None
    for _ in range(runs):
        gc.collect()  # start each run from a clean heap, untimed
        elapsed, found = run(n)
        times.append(elapsed)
    peak = rss_kib("VmHWM")
    print(json.dumps({
        "ns_per_object": statistics.median(times) / n,
        "collected": found,
        "bytes_per_object": max(peak - baseline, 0) * 1024 / n,
    }))


if __name__ == "__main__":
    main()
