//! Edit this file, then run: scripts/course check refcounts
use pymem::exercises::pyrun::check_refcounts;

/// What the lines labelled 1 to 6 print, in label order (not in the order they print).
fn predicted() -> [u64; 6] {
    todo!("six counts, e.g. [2, 2, 2, 2, 2, 2]")
}

fn main() {
    check_refcounts(predicted());
}
