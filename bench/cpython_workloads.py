"""The benchmark's CPython side: one workload at one size, in this fresh process.

    python3 bench/cpython_workloads.py WORKLOAD N RUNS [slots|plain]
    python3 bench/cpython_workloads.py --about

The first form runs the workload with the instances of one of two classes (both named `S` in
the text): `slots` (the default), `class S: __slots__ = ("next",)`, CPython's smallest instance,
its one attribute inside the object; or `plain`, `class S: pass`, whose instances 3.11 gives a
separate values array (no `__dict__` unless one is asked for). The harness runs both and
compares our runtime with the faster. It prints one JSON object: the median nanoseconds per object over RUNS runs
(`ns_per_object`), what gc.collect() returned (`collected`; for the create-and-drop loop, N)
and the peak memory per object (`bytes_per_object`: VmHWM at the end minus VmRSS before the
first run, divided by N). `--about` prints the Python version, the workload ids and the classes,
so that the harness can check both sides define the same workloads.

The shapes match the Rust side (src/bin/bench/workloads.rs) object for object. Automatic
collection is disabled; only gc.collect() is timed (for "e", the loop). A workload is one
function returning (elapsed ns, collected) plus one entry in WORKLOADS, on each side.

Workload "g" is generational: a live old heap of N instances, moved to generation 2 by one
untimed gc.collect(), then a timed loop that creates G_CREATED short-lived instances (one
fifth in two-node cycles) with automatic collection on and the default thresholds. Its time
is divided by G_CREATED, not N; `collected` is what the loop's automatic collections found,
and it also prints `collections`, the automatic collections of each generation.

    python3 bench/cpython_workloads.py --young OLD YOUNG RUNS [to-old]

prints the median time of one gc.collect(0) of a young generation of YOUNG containers (half
of them garbage) with OLD live instances in generation 2 (`ns_per_collection`), and how many
objects it collected (`collected`); with `to-old`, the young objects refer to old ones
(src/bin/bench/young.rs describes the shapes).

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


class SlotsS:
    """`class S: __slots__ = ("next",)`: the attribute lives inside the object."""

    __slots__ = ("next",)


class PlainS:
    """`class S: pass`: 3.11 keeps the attribute in a values array of its own, no dict."""


CLASSES = {"slots": SlotsS, "plain": PlainS}
# The class every workload instantiates; main() binds the one asked for.
S = SlotsS


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


G_CREATED = 1_000_000


def build_old_heap(n):
    """A root list holding N instances (N + 1 containers)."""
    root = []
    for _ in range(n):
        root.append(S())
    return root


def churn(m):
    """M instances in groups of ten: eight dropped at once, then a two-node cycle."""
    for _ in range(m // 10):
        S(); S(); S(); S(); S(); S(); S(); S()  # noqa: E702
        a = S()
        b = S()
        a.next = b
        b.next = a
        del a, b


def gc_stats():
    return [(s["collections"], s["collected"]) for s in gc.get_stats()]


def g_generational(n):
    """A live old heap of N, then G_CREATED short-lived objects under automatic collection."""
    root = build_old_heap(n)  # noqa: F841 (kept alive until the function returns)
    before = gc_stats()
    found = gc.collect()  # untimed: the old heap to generation 2, the counts to 0
    gc.enable()
    start = time.perf_counter_ns()
    churn(G_CREATED)
    elapsed = time.perf_counter_ns() - start
    gc.disable()
    after = gc_stats()
    collections = [after[g][0] - before[g][0] for g in range(3)]
    collections[2] -= 1  # the untimed gc.collect()
    collected = sum(after[g][1] - before[g][1] for g in range(3)) - found
    return elapsed, collected, collections


WORKLOADS = {"a": a_two_node_cycles, "c": c_live_heap, "d": d_ring, "e": e_create_drop,
             "g": g_generational}
# What a workload's time is divided by, when it is not N.
TIMED_OBJECTS = {"g": lambda n: G_CREATED}


STRIDE = 7919


def young_generation(young, old):
    """YOUNG containers: a list holding YOUNG/2 instances, each referring to the one before
    it (or, if `old` is a list, live instance j to old[j * STRIDE % len(old)]), and YOUNG/4
    two-node cycles, dropped (the last pair goes on return)."""
    keep = []
    previous = None
    for _ in range(young // 4):
        for _ in range(2):
            s = S()
            s.next = old[len(keep) * STRIDE % len(old)] if old else previous
            keep.append(s)
            previous = s
        a = S()
        b = S()
        a.next = b
        b.next = a
    return keep


def young_main(old, young, runs, to_old):
    root = build_old_heap(old)
    gc.collect()  # the old heap to generation 2
    times, found = [], None
    for _ in range(runs):
        keep = young_generation(young, root if to_old else None)
        start = time.perf_counter_ns()
        found = gc.collect(0)
        times.append(time.perf_counter_ns() - start)
        del keep  # the survivors (now in generation 1) are freed
    print(json.dumps({"ns_per_collection": statistics.median(times), "collected": found}))


def main():
    if sys.argv[1:] == ["--about"]:
        print(json.dumps({
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "workloads": list(WORKLOADS),
            "classes": list(CLASSES),
        }))
        return
    if len(sys.argv) in (5, 6) and sys.argv[1] == "--young":
        gc.disable()
        to_old = sys.argv[5:] == ["to-old"]
        young_main(*map(int, sys.argv[2:5]), to_old)
        return
    if (len(sys.argv) not in (4, 5) or sys.argv[1] not in WORKLOADS
            or sys.argv[4:5] and sys.argv[4] not in CLASSES):
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(WORKLOADS)}}} N RUNS [{'|'.join(CLASSES)}]"
                 " | --young OLD YOUNG RUNS [to-old] | --about")
    workload, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    global S
    S = CLASSES[sys.argv[4] if len(sys.argv) == 5 else "slots"]
    if n < 2 or runs < 1:
        sys.exit("N must be at least 2 and RUNS at least 1")
    run = WORKLOADS[workload]
    gc.disable()
    gc.collect()
    baseline = rss_kib("VmRSS")
    times, found, collections = [], None, None
    for _ in range(runs):
        gc.collect()  # start each run from a clean heap, untimed
        elapsed, found, *rest = run(n)
        collections = rest[0] if rest else None
        times.append(elapsed)
    peak = rss_kib("VmHWM")
    point = {
        "ns_per_object": statistics.median(times) / TIMED_OBJECTS.get(workload, lambda n: n)(n),
        "collected": found,
        "bytes_per_object": max(peak - baseline, 0) * 1024 / n,
    }
    if collections is not None:
        point["collections"] = collections
    print(json.dumps(point))


if __name__ == "__main__":
    main()
