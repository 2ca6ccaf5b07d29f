use pymem::exercises::finalizers::check_order;

/// The log of the first program, after `del o`, in order.
fn refcount_path() -> Vec<&'static str> {
    // The finalizer first, with the weak references alive; then every weak reference is
    // cleared and the callbacks run newest first; then the legacy finalizer.
    vec!["__del__ o", "callback r2", "callback r1", "__tp_del__ o"]
}

/// The log of the second program, during `gc.collect()`, in order.
fn collector_path() -> Vec<&'static str> {
    // handle_weakrefs first, object by object (a, then b), each list newest first; a.watch is
    // garbage itself, so it gets no callback. Then the finalizers.
    vec![
        "callback ra",
        "callback rb2",
        "callback rb1",
        "__del__ a",
        "__del__ b",
    ]
}

fn main() {
    check_order(refcount_path(), collector_path());
}
