//! The evaluator (being written).

use refcount::{ObjRef, Result};

use crate::runtime::{PyHeap, Runtime};

/// `callable(*args, **kwargs)` for any Python callable: functions, bound methods, classes
/// (instantiation), built-in types (`int("5")`), callable instances, weak references.
/// Arguments are borrowed; the result is a new reference.
pub fn call(
    heap: &mut PyHeap,
    rt: &Runtime,
    callable: ObjRef,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let _ = rt;
    heap.call_kw(callable, args, kwargs)
}

/// `getattr(obj, name)`: a new reference, or `AttributeError` as CPython words it.
pub fn getattr(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef, name: &str) -> Result<ObjRef> {
    let _ = (heap, rt, obj, name);
    todo!()
}
