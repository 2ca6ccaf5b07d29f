//! stub
use crate::runtime::{PyHeap, Runtime};
use refcount::{ObjRef, Result};
pub fn format(heap: &mut PyHeap, rt: &Runtime, value: ObjRef, spec: &str) -> Result<String> {
    let _ = spec;
    crate::ops::str_of(heap, rt, value)
}
pub fn percent_format(
    heap: &mut PyHeap,
    rt: &Runtime,
    fmt: ObjRef,
    args: ObjRef,
) -> Result<String> {
    let _ = (heap, rt, fmt, args);
    todo!()
}
pub fn str_format(
    heap: &mut PyHeap,
    rt: &Runtime,
    fmt: &str,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<String> {
    let _ = (heap, rt, fmt, args, kwargs);
    todo!()
}
