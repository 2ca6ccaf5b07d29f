//! Edit this file, then run: scripts/course check collections
use pymem::exercises::generations::check_collections;

/// The generation each automatic collection collects, in order.
fn generations() -> Vec<usize> {
    todo!("one number per automatic collection")
}

/// `gc.get_count()` when the program ends.
fn count_at_the_end() -> (i64, i64, i64) {
    todo!("three numbers")
}

fn main() {
    check_collections(generations(), count_at_the_end());
}
