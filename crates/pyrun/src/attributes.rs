//! Attribute access: `obj.name` on instances, classes, functions, methods, modules and the
//! methods of built-in types.

use refcount::{Error, Kind, ObjRef, Object, Result};

use crate::exceptions::*;
use crate::runtime::{PyHeap, Runtime, raise};
use crate::{methods, modules};

/// `getattr(obj, name)`: a new reference, or `AttributeError` as CPython words it.
pub fn getattr(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef, name: &str) -> Result<ObjRef> {
    if let Some(found) = modules::special_attr(heap, rt, obj, name)? {
        return Ok(found);
    }
    let value = match heap.get(obj)? {
        Object::Instance(inst) => {
            let class = inst.class();
            match name {
                "__class__" => Some(class),
                "__dict__" => {
                    let dict = heap.instance_dict(obj)?;
                    heap.incref(dict)?;
                    return Ok(dict);
                }
                _ => {
                    if let Ok(v) = heap.get_attr(obj, name) {
                        Some(v)
                    } else if let Some(v) = heap.class_attr(class, name)? {
                        // A function found on the class is bound to the instance.
                        if heap.kind(v)? == Kind::Function {
                            return heap.new_method(v, obj);
                        }
                        Some(v)
                    } else if name == "__traceback__"
                        || name == "__cause__"
                        || name == "__context__"
                    {
                        if is_exception_instance(heap, rt, obj) {
                            Some(heap.none()?).inspect(|&n| {
                                let _ = heap.decref(n);
                            })
                        } else {
                            None
                        }
                    } else {
                        None
                    }
                }
            }
        }
        Object::Class(class) => match name {
            "__name__" | "__qualname__" => {
                let n = class.name().to_string();
                return heap.new_str(&n);
            }
            "__module__" => {
                let builtin = rt.builtin_kind(obj).is_some()
                    || rt.exceptions.borrow().values().any(|&c| c == obj);
                return heap.new_str(if builtin { "builtins" } else { "__main__" });
            }
            "__base__" => match class.base() {
                Some(b) => Some(b),
                None => Some(heap.none()?).inspect(|&n| {
                    let _ = heap.decref(n);
                }),
            },
            "__basicsize__" => {
                return heap.new_int(if rt.builtin_kind(obj).is_some() {
                    0
                } else {
                    16
                });
            }
            "__weakrefoffset__" => {
                return heap.new_int(if rt.builtin_kind(obj).is_some() {
                    0
                } else {
                    24
                });
            }
            "__dictoffset__" => {
                return heap.new_int(if rt.builtin_kind(obj).is_some() {
                    0
                } else {
                    -1
                });
            }
            _ => heap.class_attr(obj, name)?,
        },
        Object::Function(function) => match name {
            "__name__" => {
                let q = function.qualname();
                let n = q.rsplit('.').next().unwrap_or(q).to_string();
                return heap.new_str(&n);
            }
            "__qualname__" => {
                let q = function.qualname().to_string();
                return heap.new_str(&q);
            }
            _ => None,
        },
        &Object::Method { function, receiver } => match name {
            "__func__" => Some(function),
            "__self__" => Some(receiver),
            _ => return getattr(heap, rt, function, name),
        },
        &Object::Traceback { frame, next, line } => match name {
            "tb_frame" => Some(frame),
            "tb_lineno" => return heap.new_int(line as i64),
            "tb_next" => match next {
                Some(n) => Some(n),
                None => return heap.none(),
            },
            _ => None,
        },
        Object::Frame(f) => match name {
            "f_code" => {
                let code_name = f.name().to_string();
                return code_object(heap, rt, &code_name);
            }
            _ => None,
        },
        _ => None,
    };
    if let Some(v) = value {
        heap.incref(v)?;
        return Ok(v);
    }
    // A method of a built-in type, read without calling it: bound to its object.
    let kind = heap.kind(obj)?;
    if methods::has_method(kind, name) {
        let qualname = format!("{}.{name}", kind.builtin_name());
        let rt2 = rt.rc();
        let method = name.to_string();
        return heap.new_function_kw(&qualname, &[obj], move |heap, captured, args, kwargs| {
            match methods::call_method(heap, &rt2, captured[0], &method, args, kwargs)? {
                Some(result) => Ok(result),
                None => raise("AttributeError", format!("no method {method}")),
            }
        });
    }
    attribute_error(heap, rt, obj, name)
}

pub(crate) fn attribute_error<T>(
    heap: &PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    name: &str,
) -> Result<T> {
    let message = match heap.get(obj)? {
        Object::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name()),
        Object::Instance(inst) if is_module(heap, inst.class()) => {
            let module = heap
                .get_attr(obj, "__name__")
                .ok()
                .and_then(|n| heap.as_str(n).ok().map(str::to_string));
            format!(
                "module '{}' has no attribute '{name}'",
                module.unwrap_or_default()
            )
        }
        _ => {
            let _ = rt;
            format!(
                "'{}' object has no attribute '{name}'",
                heap.type_name(obj)?
            )
        }
    };
    raise("AttributeError", message)
}

pub(crate) fn is_module(heap: &PyHeap, class: ObjRef) -> bool {
    matches!(heap.get(class), Ok(Object::Class(c)) if c.name() == "module")
}

/// `obj.name = value` (the value borrowed).
pub fn setattr(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    name: &str,
    value: ObjRef,
) -> Result<()> {
    match heap.get(obj)? {
        Object::Instance(_) => heap.set_attr(obj, name, value),
        Object::Class(_) if rt.builtin_kind(obj).is_some() => raise(
            "TypeError",
            format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                heap.type_name(obj).unwrap_or_default()
            ),
        ),
        Object::Class(_) => heap.set_class_attr(obj, name, value),
        _ => raise(
            "AttributeError",
            format!(
                "'{}' object has no attribute '{name}'",
                heap.type_name(obj)?
            ),
        ),
    }
}

pub fn delattr(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef, name: &str) -> Result<()> {
    match heap.get(obj)? {
        Object::Instance(_) => match heap.del_attr(obj, name) {
            Err(Error::AttributeError { .. }) => attribute_error(heap, rt, obj, name),
            other => other,
        },
        Object::Class(_) if rt.builtin_kind(obj).is_none() => {
            match heap.del_class_attr(obj, name) {
                Err(Error::AttributeError { .. }) => attribute_error(heap, rt, obj, name),
                other => other,
            }
        }
        _ => attribute_error(heap, rt, obj, name),
    }
}

/// `frame.f_code`: an object of class `code` with the function's `co_name` (pyrun has no
/// code objects of its own; a new one each time).
fn code_object(heap: &mut PyHeap, rt: &Runtime, name: &str) -> Result<ObjRef> {
    const KEY: &str = "\0class:code";
    let cached = rt.modules.borrow().get(KEY).copied();
    let class = match cached {
        Some(c) => c,
        None => {
            let c = heap.new_class("code")?;
            rt.modules.borrow_mut().insert(KEY.to_string(), c);
            c
        }
    };
    let code = heap.new_instance(class)?;
    let name = heap.new_str(name)?;
    let stored = heap.set_attr(code, "co_name", name);
    heap.decref(name)?;
    stored?;
    Ok(code)
}
