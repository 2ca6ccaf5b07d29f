//! Legacy finalizers: CPython's `tp_del`, the only kind of finalizer before PEP 442 (Python
//! 3.4). The collector cannot know in which order to run them, nor whether one will need an
//! object another has already torn down, so it does not try: a cycle with one is
//! *uncollectable*. It stays alive, with everything it reaches, in `gc.garbage`.

use std::collections::HashSet;

use refcount::{Error, Heap, Kind, ObjRef, Object, Result};

use crate::Finalizing;

// ANCHOR: with_tp_del
/// `_testcapi.with_tp_del(cls)`: gives the class a legacy finalizer, which calls the class's
/// `__tp_del__` function with the instance. CPython's own tests make such classes this way;
/// C extension types had them before 3.4.
pub fn with_tp_del<H: Finalizing>(heap: &mut Heap<H>, class: ObjRef) -> Result<()> {
    if heap.kind(class)? != Kind::Class {
        return Err(Error::TypeError {
            message: format!(
                "with_tp_del() expects a type, got {}",
                heap.type_name(class)?
            ),
        });
    }
    heap.hooks_mut().finalizers_mut().legacy.insert(class);
    Ok(())
}
// ANCHOR_END: with_tp_del

/// `has_legacy_finalizer`: the object's type has a `tp_del`.
pub fn has_legacy_finalizer<H: Finalizing>(heap: &Heap<H>, obj: ObjRef) -> bool {
    let legacy = &heap.hooks().finalizers().legacy;
    !legacy.is_empty()
        && match heap.get(obj) {
            Ok(Object::Instance(inst)) => legacy.contains(&inst.class()),
            _ => false,
        }
}

/// The refcount path's `tp_del` (`slot_tp_del`): call `__tp_del__` with the dying instance.
/// Unlike `__del__` it runs every time the object dies, not once.
pub(crate) fn call_tp_del<H: Finalizing>(heap: &mut Heap<H>, obj: ObjRef) {
    let Ok(Object::Instance(inst)) = heap.get(obj) else {
        return;
    };
    if let Ok(Some(tp_del)) = heap.class_attr(inst.class(), "__tp_del__") {
        heap.call_unraisable(tp_del, &[obj]);
    }
}

// ANCHOR: move_legacy_finalizers
/// `move_legacy_finalizers` and `move_legacy_finalizer_reachable`: every unreachable object
/// with a legacy finalizer moves to `uncollectable`, in the order of the unreachable list,
/// and so does every unreachable object they reach, in the order a walk over the growing
/// `uncollectable` list finds them.
pub(crate) fn move_legacy_finalizers<H: Finalizing>(
    heap: &Heap<H>,
    unreachable: &mut Vec<ObjRef>,
    uncollectable: &mut Vec<ObjRef>,
) {
    if heap.hooks().finalizers().legacy.is_empty() {
        return;
    }
    let mut still: HashSet<ObjRef> = HashSet::with_capacity(unreachable.len());
    for &op in unreachable.iter() {
        if has_legacy_finalizer(heap, op) {
            uncollectable.push(op);
        } else {
            still.insert(op);
        }
    }
    let mut next = 0;
    while next < uncollectable.len() {
        let op = uncollectable[next];
        next += 1;
        let _ = heap.visit_referents(op, |referent| {
            if still.remove(&referent) {
                uncollectable.push(referent);
            }
        });
    }
    unreachable.retain(|op| still.contains(op));
}
// ANCHOR_END: move_legacy_finalizers
