//! (stub)
use crate::runtime::{PyHeap, Runtime};
use refcount::{ObjRef, Result};
pub fn import(_h: &mut PyHeap, _rt: &Runtime, _n: &str) -> Result<ObjRef> {
    todo!()
}
pub fn special_attr(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _o: ObjRef,
    _n: &str,
) -> Result<Option<ObjRef>> {
    todo!()
}
pub fn special_call(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _o: ObjRef,
    _a: &[ObjRef],
    _k: &[(&str, ObjRef)],
) -> Result<Option<ObjRef>> {
    todo!()
}
