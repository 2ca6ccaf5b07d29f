//! Edit this file, then run: scripts/course check refcounts
use pymem::exercises::pyrun::check_refcounts;

/// What the lines labelled 1 to 6 print, in label order (not in the order they print).
fn predicted() -> [u64; 6] {
    // The name b, the cell (outer's parameter b became it), the argument.
    let in_outer = 3;
    // The name b, the argument.
    let bound = 2;
    // The name b, the cell, now held by the function f, the argument.
    let after_outer = 3;
    // And the tuple, and the list.
    let in_containers = 5;
    // `del f` freed the function, its closure tuple and the cell.
    let after_del_f = 4;
    // The name, the tuple, the list, the defaults tuple of `default`, its variable x, the
    // argument.
    let as_default = 6;
    [
        in_outer,
        bound,
        after_outer,
        in_containers,
        after_del_f,
        as_default,
    ]
}

fn main() {
    check_refcounts(predicted());
}
