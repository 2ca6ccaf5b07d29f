//! (stub)
use crate::runtime::{PyHeap, Runtime};
use refcount::{Kind, ObjRef, Result};
pub fn call_method(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _o: ObjRef,
    _name: &str,
    _a: &[ObjRef],
    _k: &[(&str, ObjRef)],
) -> Result<Option<ObjRef>> {
    todo!()
}
pub fn has_method(_k: Kind, _name: &str) -> bool {
    todo!()
}
