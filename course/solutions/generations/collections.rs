use pymem::exercises::generations::check_collections;

/// The generation each automatic collection collects, in order.
fn generations() -> Vec<usize> {
    vec![0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 0, 0]
}

/// `gc.get_count()` when the program ends.
fn count_at_the_end() -> (i64, i64, i64) {
    (1, 3, 0)
}

fn main() {
    check_collections(generations(), count_at_the_end());
}
