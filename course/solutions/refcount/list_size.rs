use pymem::exercises::refcount::check_list_size;

/// `sys.getsizeof` of a list after `n` appends to `[]`, computed without a heap.
fn list_size(n: usize) -> u64 {
    let mut allocated = 0;
    for len in 1..=n {
        if len > allocated {
            allocated = (len + (len >> 3) + 6) & !3;
        }
    }
    56 + 8 * allocated as u64
}

fn main() {
    check_list_size(list_size);
}
