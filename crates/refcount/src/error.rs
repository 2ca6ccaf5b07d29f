//! Errors: every misuse of the heap is reported as a value that says what went wrong.

use std::fmt;

use crate::ObjRef;

/// Everything that can go wrong when a program uses the heap.
///
/// Objects are named in messages the way CPython prints them (`<list object at 0x…>`), so a
/// message can be matched with the ids a program printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The handle names an object that has been freed (its slot was reused or is empty).
    StaleHandle { op: &'static str, handle: ObjRef },
    /// The object is being deallocated: its references are being dropped right now.
    Deallocating { op: &'static str, object: String },
    /// A `decref` with no outside reference left to drop: every reference to the object is
    /// held by other objects, so dropping one more would leave them pointing at freed memory.
    NotOwned {
        op: &'static str,
        object: String,
        refcount: u64,
    },
    /// A statically allocated object (None, True, False, a cached small int) would be freed.
    StaticObject { op: &'static str, object: String },
    /// The operation does not apply to this type of object.
    WrongType {
        op: &'static str,
        expected: &'static str,
        object: String,
    },
    /// Python's `NameError`.
    NameError { name: String },
    /// Python's `AttributeError`.
    AttributeError { object: String, name: String },
    /// Python's `KeyError`.
    KeyError { key: String },
    /// Python's `IndexError`.
    IndexError {
        op: &'static str,
        index: usize,
        len: usize,
    },
    /// Python's `TypeError: unhashable type`.
    Unhashable { type_name: String },
    /// Python's `ValueError`, with CPython's message (`gc.collect(3)`: "invalid generation").
    ValueError { message: String },
    /// Python's `TypeError`, with CPython's message.
    TypeError { message: String },
    /// A reference count would overflow its counter.
    RefcountOverflow { object: String },
    /// Python's `RecursionError`: a recursive algorithm went too deep.
    Recursion { op: &'static str },
    /// An exception raised by Python-level code (for example a finalizer).
    Raised { message: String },
    /// The heap's bookkeeping disagrees with the references that actually exist.
    Invariant { message: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::StaleHandle { op, handle } => write!(
                f,
                "{op}: stale handle {handle}: the object it named has been freed"
            ),
            Error::Deallocating { op, object } => {
                write!(f, "{op}: {object} is being deallocated")
            }
            Error::NotOwned {
                op,
                object,
                refcount,
            } => write!(
                f,
                "{op}: {object} has refcount {refcount}, all held by other objects; not yours to drop"
            ),
            Error::StaticObject { op, object } => write!(
                f,
                "{op}: {object} is statically allocated and can never be freed"
            ),
            Error::WrongType {
                op,
                expected,
                object,
            } => {
                write!(f, "{op}: expected {expected}, got {object}")
            }
            Error::NameError { name } => write!(f, "NameError: name '{name}' is not defined"),
            Error::AttributeError { object, name } => {
                write!(f, "AttributeError: {object} has no attribute '{name}'")
            }
            Error::KeyError { key } => write!(f, "KeyError: {key}"),
            Error::IndexError { op, index, len } => write!(
                f,
                "IndexError: {op}: index {index} out of range for length {len}"
            ),
            Error::Unhashable { type_name } => {
                write!(f, "TypeError: unhashable type: '{type_name}'")
            }
            Error::ValueError { message } => write!(f, "ValueError: {message}"),
            Error::TypeError { message } => write!(f, "TypeError: {message}"),
            Error::RefcountOverflow { object } => {
                write!(f, "the reference count of {object} would overflow")
            }
            Error::Recursion { op } => {
                write!(
                    f,
                    "RecursionError: maximum recursion depth exceeded in {op}"
                )
            }
            Error::Raised { message } => write!(f, "{message}"),
            Error::Invariant { message } => write!(f, "heap invariant broken: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// The result type of every fallible heap operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;
