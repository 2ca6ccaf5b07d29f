//! Edit this file, then run: scripts/course check list_size
use pymem::exercises::refcount::check_list_size;

/// `sys.getsizeof` of a list after `n` appends to `[]`, computed without a heap.
fn list_size(n: usize) -> u64 {
    todo!("the size of a list after {n} appends")
}

fn main() {
    check_list_size(list_size);
}
