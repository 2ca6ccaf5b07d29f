//! (stub)
use crate::runtime::{PyHeap, Runtime};
use refcount::{Kind, ObjRef, Result};
use std::rc::Rc;
pub fn install(_h: &mut PyHeap, _rt: &Rc<Runtime>) -> Result<()> {
    todo!()
}
pub fn construct(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _k: Kind,
    _a: &[ObjRef],
    _kw: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    todo!()
}
