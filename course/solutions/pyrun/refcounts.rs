//! Edit this file, then run: scripts/course check refcounts
use pymem::exercises::pyrun::check_refcounts;

/// What the lines labelled 1 to 6 print, in label order (not in the order they print).
fn predicted() -> [u64; 6] {
    [
        3, // 1: the name b, the cell inner shares with outer (b's parameter became it), the argument
        2, // 2: the name b, the argument
        3, // 3: the name b, the cell, now held by the function f, the argument
        5, // 4: + the tuple and the list
        4, // 5: del f frees the function, its closure tuple and the cell
        6, // 6: the name, the tuple, the list, the defaults tuple of `default`, its variable x, the argument
    ]
}

fn main() {
    check_refcounts(predicted());
}
