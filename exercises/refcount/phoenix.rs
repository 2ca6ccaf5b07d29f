//! Edit this file, then run: scripts/course check phoenix
use pymem::exercises::refcount::{Fate, check_phoenix};
use refcount::{Heap, ObjRef, Result};

/// A class whose `__del__` appends the dying instance to the list bound to `graveyard`
/// (creating that list the first time).
fn make_phoenix(heap: &mut Heap) -> Result<ObjRef> {
    heap.new_class_with_del("Phoenix", |_heap, this| {
        todo!("bury {this:?} in the graveyard")
    })
}

/// Your prediction: the phoenix is taken out of the graveyard and its last reference is
/// dropped again. What happens to it?
fn second_time() -> Fate {
    todo!("Fate::BuriedAgain or Fate::Freed?")
}

fn main() {
    check_phoenix(make_phoenix, second_time());
}
