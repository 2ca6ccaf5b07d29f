//! Every object's list of weak references, and what happens to them when the object dies: on
//! the reference-counting path (`PyObject_ClearWeakRefs`, from the deallocator) and on the
//! collector's (`handle_weakrefs`, before any finalizer runs).

use std::collections::HashMap;

use refcount::trace::Event;
use refcount::{Heap, ObjRef};

use crate::Finalizing;

/// CPython keeps a list of weak references in every object that supports them
/// (`tp_weaklistoffset`); here the lists live beside the heap, keyed by handle, because few
/// objects have one and the heap's slots stay small.
#[derive(Debug, Default)]
pub struct WeakLists {
    /// For each object with weak references: them, in CPython's list order.
    lists: HashMap<ObjRef, Vec<ObjRef>>,
    /// For each weak reference in a list: the object whose list it is in.
    referent_of: HashMap<ObjRef, ObjRef>,
}

impl WeakLists {
    /// The weak references to `obj`, in list order.
    pub fn of(&self, obj: ObjRef) -> &[ObjRef] {
        self.lists.get(&obj).map_or(&[], Vec::as_slice)
    }

    pub fn has_any(&self, obj: ObjRef) -> bool {
        self.lists.contains_key(&obj)
    }

    /// Whether any object has a weak reference.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    // ANCHOR: insert
    /// Links a new weak reference into `obj`'s list where `PyWeakref_NewRef` does: a
    /// reference without a callback at the head, one with a callback right after the
    /// callback-less one if there is one, else at the head. So callbacks run newest first.
    pub(crate) fn insert(&mut self, obj: ObjRef, weakref: ObjRef, basic: Option<ObjRef>) {
        let list = self.lists.entry(obj).or_default();
        let at = match basic {
            Some(basic) => list.iter().position(|&w| w == basic).map_or(0, |i| i + 1),
            None => 0,
        };
        list.insert(at, weakref);
        self.referent_of.insert(weakref, obj);
    }
    // ANCHOR_END: insert

    /// Unlinks a weak reference from its object's list (it is being cleared or freed).
    pub(crate) fn unlink(&mut self, weakref: ObjRef) {
        let Some(obj) = self.referent_of.remove(&weakref) else {
            return;
        };
        if let Some(list) = self.lists.get_mut(&obj) {
            list.retain(|&w| w != weakref);
            if list.is_empty() {
                self.lists.remove(&obj);
            }
        }
    }

    /// Takes `obj`'s whole list: every weak reference in it is unlinked.
    fn take(&mut self, obj: ObjRef) -> Vec<ObjRef> {
        let list = self.lists.remove(&obj).unwrap_or_default();
        for weakref in &list {
            self.referent_of.remove(weakref);
        }
        list
    }
}

/// Records, if the heap is tracing, a stage event about a weak reference to `obj`:
/// `weakref_cleared` when it is killed, `weakref_callback` just before its callback runs.
fn record<H: Finalizing>(heap: &mut Heap<H>, name: &str, weakref: ObjRef, obj: ObjRef) {
    if heap.tracing() {
        let id = |r: ObjRef| heap.id(r).map_or(0, |id| id as i64);
        let values = [("weakref", id(weakref)), ("object", id(obj))];
        heap.record(Event::Stage {
            name: name.into(),
            values: values.iter().map(|&(k, v)| (k.to_string(), v)).collect(),
        });
    }
}

/// Kills a weak reference: unlinks it and makes it dead (`_PyWeakref_ClearRef`). Its
/// callback stays.
fn clear_ref<H: Finalizing>(heap: &mut Heap<H>, weakref: ObjRef) {
    heap.hooks_mut().finalizers_mut().weak.unlink(weakref);
    let _ = heap.weakref_clear(weakref); // a live weak reference: cannot fail
}

// ANCHOR: clear_weakrefs
/// `PyObject_ClearWeakRefs`, called by the deallocator after `__del__`: kill every weak
/// reference to the dying `obj`, all of them first, then call the callbacks in list order
/// (newest first), each with its weak reference, now dead. The weak references are kept
/// alive until their callback has run.
pub(crate) fn clear_weakrefs<H: Finalizing>(heap: &mut Heap<H>, obj: ObjRef) {
    let list = heap.hooks_mut().finalizers_mut().weak.take(obj);
    let mut to_call = Vec::new();
    for &weakref in &list {
        let _ = heap.weakref_clear(weakref);
        record(heap, "weakref_cleared", weakref, obj);
        if let Ok(Some(callback)) = heap.weakref_take_callback(weakref) {
            let _ = heap.incref(weakref);
            to_call.push((weakref, callback));
        }
    }
    for (weakref, callback) in to_call {
        record(heap, "weakref_callback", weakref, obj);
        heap.call_unraisable(callback, &[weakref]);
        drop_reported(heap, callback);
        drop_reported(heap, weakref);
    }
}
// ANCHOR_END: clear_weakrefs

fn callback_of<H: Finalizing>(heap: &Heap<H>, weakref: ObjRef) -> Option<ObjRef> {
    match heap.get(weakref) {
        Ok(refcount::Object::WeakRef(w)) => w.callback(),
        _ => None,
    }
}

/// Drops a reference the runtime took; a failure can only come from user code that dropped
/// one it did not own, and is reported rather than lost.
fn drop_reported<H: Finalizing>(heap: &mut Heap<H>, r: ObjRef) {
    if let Err(error) = heap.decref(r) {
        heap.report_unraisable_in("the weak reference machinery".into(), error);
    }
}

// ANCHOR: handle_weakrefs
/// The collector's `handle_weakrefs`, before any finalizer runs: kill every weak reference
/// *to* an unreachable object, and every weak reference that *is* unreachable, so that no
/// code can reach the garbage through one. Then call the callbacks of the weak references
/// that are not garbage themselves (a callback of a garbage weak reference could see objects
/// already cleared), in the order the walk found them. Returns how many of those weak
/// references their callback freed: CPython counts them as collected.
pub(crate) fn handle_weakrefs<H: Finalizing>(heap: &mut Heap<H>, unreachable: &[ObjRef]) -> usize {
    if heap.hooks().finalizers().weak.is_empty() {
        // No live weak reference refers to anything: none to kill, no callback to call.
        return 0;
    }
    let garbage: std::collections::HashSet<ObjRef> = unreachable.iter().copied().collect();
    let mut to_call = Vec::new();
    for &op in unreachable {
        if heap.kind(op) == Ok(refcount::Kind::WeakRef) {
            clear_ref(heap, op);
        }
        if !heap.hooks().finalizers().weak.has_any(op) {
            continue;
        }
        for weakref in heap.hooks_mut().finalizers_mut().weak.take(op) {
            let _ = heap.weakref_clear(weakref);
            record(heap, "weakref_cleared", weakref, op);
            if garbage.contains(&weakref) {
                continue; // garbage itself: no callback
            }
            if callback_of(heap, weakref).is_some() {
                let _ = heap.incref(weakref); // so that it cannot go away before its turn
                to_call.push((weakref, op));
            }
        }
    }
    let mut freed = 0;
    for (weakref, op) in to_call {
        // Unlike the deallocator's, this path leaves the callback in the weak reference.
        if let Some(callback) = callback_of(heap, weakref) {
            record(heap, "weakref_callback", weakref, op);
            heap.call_unraisable(callback, &[weakref]);
        }
        drop_reported(heap, weakref);
        freed += usize::from(!heap.is_alive(weakref));
    }
    freed
}
// ANCHOR_END: handle_weakrefs
