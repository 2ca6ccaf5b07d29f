use pymem::exercises::refcount::{Fate, check_phoenix};
use refcount::{Heap, ObjRef, Result};

/// A class whose `__del__` appends the dying instance to the list bound to `graveyard`
/// (creating that list the first time).
fn make_phoenix(heap: &mut Heap) -> Result<ObjRef> {
    heap.new_class_with_del("Phoenix", |heap, this| {
        let graveyard = match heap.get_global("graveyard") {
            Ok(list) => list,
            Err(_) => {
                let list = heap.new_list(&[])?;
                heap.set_global("graveyard", list)?;
                heap.decref(list)?;
                list // borrowed: the name holds it
            }
        };
        heap.list_append(graveyard, this) // a new reference: resurrection
    })
}

/// Your prediction: the phoenix is taken out of the graveyard and its last reference is
/// dropped again. What happens to it?
fn second_time() -> Fate {
    // Its finalizer has already run once, and PEP 442 never runs it twice.
    Fate::Freed
}

fn main() {
    check_phoenix(make_phoenix, second_time());
}
