//! (stub)
use crate::runtime::{PyHeap, Runtime};
use refcount::{ObjRef, Result};
pub fn format(_h: &mut PyHeap, _rt: &Runtime, _o: ObjRef, _spec: &str) -> Result<String> {
    todo!()
}
