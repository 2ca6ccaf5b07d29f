//! # refcount — stage 1 of the book's runtime
//!
//! A heap of Python-like objects managed the way CPython 3.11 manages them: by reference
//! counting. The book's chapter "Objects, names and reference counts" builds and explains it.
//!
//! * Objects live in an arena and are named by small copyable [`ObjRef`] handles (an index
//!   plus a version tag), so a handle to a freed object is detected, never followed.
//! * Reference counting is explicit, like CPython's C API: constructors return *new*
//!   references, containers take references of their own, and [`Heap::decref`] drops one.
//!   The last `decref` frees the object — running its `__del__`, which may resurrect it —
//!   and drops what it referenced, with an explicit work stack instead of recursion.
//! * What CPython shows is reproduced: [`Heap::getrefcount`] counts the argument's own
//!   reference, [`Heap::id`] is stable and reused after a free, small ints are cached,
//!   [`Heap::getsizeof`] gives 3.11's 64-bit sizes.
//! * Later stages plug in through [`Hooks`] (allocation and free), [`Heap::visit_referents`]
//!   (CPython's `tp_traverse`) and [`Heap::clear`] (`tp_clear`).
//!
//! ```
//! use refcount::Heap;
//!
//! let mut heap = Heap::new();
//! let obj = heap.new_list(&[])?;        // a new reference: ours
//! heap.set_global("x", obj)?;          // x = obj: the namespace takes its own reference
//! heap.decref(obj)?;                   // we drop ours
//! assert_eq!(heap.getrefcount(obj)?, 2); // like sys.getrefcount(x)
//! heap.del_global("x")?;               // del x: the last reference goes, the list is freed
//! assert!(!heap.is_alive(obj));
//! # Ok::<(), refcount::Error>(())
//! ```
#![forbid(unsafe_code)]

mod builtins;
mod error;
mod gc_support;
mod handle;
mod heap;
mod hooks;
mod object;
pub mod trace;
mod values;

pub use builtins::SMALL_INTS;
pub use builtins::float_repr;
pub use error::{Error, Result};
pub use handle::ObjRef;
pub use heap::{ErrorSink, Heap, ID_BASE, ID_STRIDE, STATIC_INT_REFCOUNT, Unraisable};
pub use hooks::{Hooks, NoHooks};
pub use object::{
    Attrs, Class, Dict, Frame, Function, Instance, Kind, List, Native, NativeKw, Object, Set,
    Values, WeakRef,
};
pub use trace::{Event, Trace};
