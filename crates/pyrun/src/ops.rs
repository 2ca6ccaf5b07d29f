//! (stub)
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::runtime::{PyHeap, Runtime};
use refcount::{ObjRef, Result};
pub fn type_of(_h: &PyHeap, _rt: &Runtime, _o: ObjRef) -> ObjRef {
    todo!()
}
pub fn truthy(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef) -> Result<bool> {
    todo!()
}
pub fn repr(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef) -> Result<String> {
    todo!()
}
pub fn str_of(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef) -> Result<String> {
    todo!()
}
pub fn compare(_h: &mut PyHeap, _rt: &Runtime, _op: CmpOp, _a: ObjRef, _b: ObjRef) -> Result<bool> {
    todo!()
}
pub fn binary(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _op: BinOp,
    _a: ObjRef,
    _b: ObjRef,
) -> Result<ObjRef> {
    todo!()
}
pub fn unary(_h: &mut PyHeap, _rt: &Runtime, _op: UnaryOp, _a: ObjRef) -> Result<ObjRef> {
    todo!()
}
pub fn iterate(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef) -> Result<Vec<ObjRef>> {
    todo!()
}
pub fn getitem(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef, _k: ObjRef) -> Result<ObjRef> {
    todo!()
}
pub fn setitem(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef, _k: ObjRef, _v: ObjRef) -> Result<()> {
    todo!()
}
pub fn delitem(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef, _k: ObjRef) -> Result<()> {
    todo!()
}
pub fn getitem_slice(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _o: ObjRef,
    _l: Option<i64>,
    _u: Option<i64>,
    _s: Option<i64>,
) -> Result<ObjRef> {
    todo!()
}
#[allow(clippy::too_many_arguments)]
pub fn setitem_slice(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _o: ObjRef,
    _l: Option<i64>,
    _u: Option<i64>,
    _s: Option<i64>,
    _v: ObjRef,
) -> Result<()> {
    todo!()
}
pub fn delitem_slice(
    _h: &mut PyHeap,
    _rt: &Runtime,
    _o: ObjRef,
    _l: Option<i64>,
    _u: Option<i64>,
    _s: Option<i64>,
) -> Result<()> {
    todo!()
}
