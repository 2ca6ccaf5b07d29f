//! Errors: every misuse of the heap is reported as a value that says what went wrong.

use std::fmt;

use crate::ObjRef;

/// Everything that can go wrong when a program uses the heap.
///
/// Two families, told apart by [`Error::is_exception`]: *misuse of the API* (a stale handle,
/// a reference that is not the caller's, an object of the wrong type for the operation),
/// which a correct program never causes, and *Python exceptions* (`KeyError`, a `ValueError`
/// raised by a finalizer…), which correct Python programs raise and catch all the time.
/// Exceptions display as Python prints their last traceback line, `Type: message`.
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
    /// Any other exception, raised by Python-level code (a finalizer, a callback): its type's
    /// name and its message, `ZeroDivisionError` and `division by zero`.
    Raised { type_name: String, message: String },
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
            Error::Raised { type_name, message } => write!(f, "{type_name}: {message}"),
            Error::Invariant { message } => write!(f, "heap invariant broken: {message}"),
        }
    }
}

impl Error {
    /// An exception of type `type_name` (`"ValueError"`) with `message`, as user code raises.
    pub fn raise(type_name: &str, message: &str) -> Error {
        Error::Raised {
            type_name: type_name.into(),
            message: message.into(),
        }
    }

    /// Whether this is a Python exception (true) or a misuse of the heap's API (false).
    pub fn is_exception(&self) -> bool {
        self.exception_type().is_some()
    }

    /// The Python type of the exception (`"KeyError"`), or `None` for a misuse of the API.
    pub fn exception_type(&self) -> Option<&str> {
        match self {
            Error::NameError { .. } => Some("NameError"),
            Error::AttributeError { .. } => Some("AttributeError"),
            Error::KeyError { .. } => Some("KeyError"),
            Error::IndexError { .. } => Some("IndexError"),
            Error::Unhashable { .. } | Error::TypeError { .. } => Some("TypeError"),
            Error::ValueError { .. } => Some("ValueError"),
            Error::Recursion { .. } => Some("RecursionError"),
            Error::Raised { type_name, .. } => Some(type_name),
            Error::StaleHandle { .. }
            | Error::Deallocating { .. }
            | Error::NotOwned { .. }
            | Error::StaticObject { .. }
            | Error::WrongType { .. }
            | Error::RefcountOverflow { .. }
            | Error::Invariant { .. } => None,
        }
    }
}

impl std::error::Error for Error {}

/// The result type of every fallible heap operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;
