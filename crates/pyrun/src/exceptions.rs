//! Exceptions: the object being raised, the heap's errors turned into Python exceptions,
//! tracebacks, and what `except` matches.

use refcount::{Error, ObjRef, Object, Result};

use crate::calls::*;
use crate::eval::Frame;
use crate::ops;
use crate::runtime::{PyHeap, Runtime, raise};

pub(crate) fn exception_matches(
    heap: &mut PyHeap,
    rt: &Runtime,
    exc: ObjRef,
    class: ObjRef,
) -> Result<bool> {
    if let Object::Tuple(items) = heap.get(class)? {
        let items = items.to_vec();
        for item in items {
            if exception_matches(heap, rt, exc, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !matches!(heap.get(class)?, Object::Class(_)) {
        return raise(
            "TypeError",
            "catching classes that do not inherit from BaseException is not allowed",
        );
    }
    let exc_class = ops::type_of(heap, rt, exc);
    Ok(crate::builtins::is_subclass(heap, rt, exc_class, class))
}

pub(crate) fn is_exception_instance(heap: &PyHeap, rt: &Runtime, obj: ObjRef) -> bool {
    let Some(base) = rt.exception_class("BaseException") else {
        return false;
    };
    match heap.get(obj) {
        Ok(Object::Instance(inst)) => crate::builtins::is_subclass(heap, rt, inst.class(), base),
        _ => false,
    }
}

/// Whether the error is a Python exception (as opposed to a fault in the runtime itself,
/// which no `except` may catch).
pub fn is_python_exception(error: &Error) -> bool {
    error.is_exception()
}

/// Starts raising `exc` (an owned exception object): it waits in `rt.raising`.
pub fn raise_object(heap: &mut PyHeap, rt: &Runtime, exc: ObjRef) -> Error {
    let type_name = heap.type_name(exc).unwrap_or_default();
    let message = exception_str(heap, rt, exc).unwrap_or_default();
    if let Some(old) = rt.raising.replace(Some(exc)) {
        let _ = heap.decref(old);
    }
    Error::raise(&type_name, &message)
}

/// The exception object for `error`, borrowed from `rt.raising`: the one raised, or one made
/// now for an error a native function returned (`Error::raise`, a `KeyError` of the heap).
pub fn materialize(heap: &mut PyHeap, rt: &Runtime, error: &Error) -> Result<ObjRef> {
    let (type_name, message) = error_parts(error);
    if let Some(exc) = rt.raising.get() {
        if heap.type_name(exc).is_ok_and(|t| t == type_name) {
            return Ok(exc);
        }
        // Left behind by an exception a native function swallowed.
        rt.raising.set(None);
        heap.decref(exc)?;
    }
    let class = rt
        .exception_class(&type_name)
        .or_else(|| rt.exception_class("Exception"))
        .ok_or_else(|| error.clone())?;
    let arg = match (type_name.as_str(), parse_literal(&message)) {
        // A KeyError's message is the key's repr: give the key back.
        ("KeyError", Some(Literal::Str(s))) => Some(heap.new_str(&s)?),
        ("KeyError", Some(Literal::Int(i))) => Some(heap.new_int(i)?),
        _ if message.is_empty() => None,
        _ => Some(heap.new_str(&message)?),
    };
    let args: Vec<ObjRef> = arg.into_iter().collect();
    let exc = call_value(heap, rt, class, args, vec![])?;
    rt.raising.set(Some(exc));
    Ok(exc)
}

enum Literal {
    Str(String),
    Int(i64),
}

fn parse_literal(text: &str) -> Option<Literal> {
    if let Ok(i) = text.parse() {
        return Some(Literal::Int(i));
    }
    let inner = text.strip_prefix('\'')?.strip_suffix('\'')?;
    (!inner.contains(['\'', '\\'])).then(|| Literal::Str(inner.to_string()))
}

/// CPython's exception type name and message for an error of the heap.
pub fn error_parts(error: &Error) -> (String, String) {
    let type_name = error.exception_type().unwrap_or("SystemError").to_string();
    let text = error.to_string();
    let message = match error {
        Error::Raised { message, .. } => message.clone(),
        _ => text
            .strip_prefix(&format!("{type_name}: "))
            .unwrap_or(&text)
            .to_string(),
    };
    (type_name, message)
}

/// `str(exc)`: its one argument, the tuple of several, or nothing.
pub fn exception_str(heap: &mut PyHeap, rt: &Runtime, exc: ObjRef) -> Result<String> {
    let Ok(args) = heap.get_attr(exc, "args") else {
        return Ok(String::new());
    };
    let items: Vec<ObjRef> = match heap.get(args)? {
        Object::Tuple(items) => items.to_vec(),
        _ => return ops::str_of(heap, rt, args),
    };
    match items.as_slice() {
        [] => Ok(String::new()),
        [one] if heap.type_name(exc)? == "KeyError" => ops::repr(heap, rt, *one),
        [one] => ops::str_of(heap, rt, *one),
        _ => ops::repr(heap, rt, args),
    }
}

/// Adds the frame to the traceback of the exception arriving in it (raised there, or
/// coming out of a call), once: CPython's `PyTraceBack_Here`. The frame gets its frame
/// object, which the new traceback entry refers to, in front of the entries further in.
pub(crate) fn note_frame(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    error: &Error,
) -> Result<()> {
    if !is_python_exception(error) {
        return Ok(());
    }
    let exc = materialize(heap, rt, error)?;
    if frame.noted == Some(exc) {
        return Ok(());
    }
    frame.noted = Some(exc);
    let object = frame.object(heap)?;
    let next = traceback_of(heap, exc);
    let tb = heap.new_traceback(object, next, frame.line)?;
    let stored = heap.set_attr(exc, "__traceback__", tb);
    heap.decref(tb)?;
    stored
}

/// The exception's traceback (borrowed), if it has one.
fn traceback_of(heap: &PyHeap, exc: ObjRef) -> Option<ObjRef> {
    let tb = heap.get_attr(exc, "__traceback__").ok()?;
    matches!(heap.get(tb), Ok(Object::Traceback { .. })).then_some(tb)
}

/// The traceback of the exception `exc`, as CPython prints it, outermost frame first.
pub fn format_traceback(heap: &PyHeap, rt: &Runtime, exc: ObjRef) -> String {
    let mut entry = traceback_of(heap, exc);
    if entry.is_none() {
        return String::new();
    }
    let mut out = String::from("Traceback (most recent call last):\n");
    while let Some(tb) = entry {
        let Ok(&Object::Traceback { frame, next, line }) = heap.get(tb) else {
            break;
        };
        let name = match heap.get(frame) {
            Ok(Object::Frame(f)) => f.name().to_string(),
            _ => String::new(),
        };
        out.push_str(&format!(
            "  File \"{}\", line {line}, in {name}\n",
            rt.filename
        ));
        if let Some(text) = rt.source_lines.get((line as usize).wrapping_sub(1)) {
            let text = text.trim();
            if !text.is_empty() {
                out.push_str(&format!("    {text}\n"));
            }
        }
        entry = next;
    }
    out
}

pub(crate) fn exception_class(rt: &Runtime, name: &str) -> Result<ObjRef> {
    rt.exception_class(name).ok_or_else(|| Error::Invariant {
        message: format!("the built-in exception {name} is missing"),
    })
}
