//! Edit this file, then run: scripts/course check order
use pymem::exercises::finalizers::check_order;

/// The log of the first program, after `del o`, in order.
fn refcount_path() -> Vec<&'static str> {
    todo!("one string per line the program logs, e.g. \"callback r1\"")
}

/// The log of the second program, during `gc.collect()`, in order.
fn collector_path() -> Vec<&'static str> {
    todo!("one string per line the program logs, e.g. \"__del__ a\"")
}

fn main() {
    check_order(refcount_path(), collector_path());
}
