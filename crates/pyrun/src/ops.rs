//! The protocols over the built-in kinds: truth, `repr` and `str`, comparison, arithmetic,
//! iteration, `len`, subscripts. Instances of user classes are served by their dunder
//! methods (`__eq__`, `__add__`, `__getitem__`…), looked up on their class and called
//! through [`eval::call`].
//!
//! Conventions: arguments are borrowed; an `ObjRef` result is a new reference (the caller
//! drops it), except [`type_of`], which lends. A Python exception is
//! `Err(Error::raise(type, message))` with CPython 3.11's wording.

use refcount::{Error, Kind, ObjRef, Object, Result};

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::eval;
use crate::modules;
use crate::runtime::{PyHeap, Runtime, raise};

/// The overflow of pyrun's 64-bit ints: never a wrong number.
pub fn overflow<T>() -> Result<T> {
    raise("OverflowError", "int too large for pyrun's 64-bit ints")
}

/// `type(obj).__name__`.
pub fn type_name(heap: &PyHeap, obj: ObjRef) -> String {
    heap.type_name(obj).unwrap_or_default()
}

/// A new reference to `obj`.
pub fn new_ref(heap: &mut PyHeap, obj: ObjRef) -> Result<ObjRef> {
    heap.incref(obj)?;
    Ok(obj)
}

/// Drops every reference in `refs`, first to last.
pub fn drop_all(heap: &mut PyHeap, refs: Vec<ObjRef>) -> Result<()> {
    let mut first_error = None;
    for r in refs {
        if let Err(e) = heap.decref(r) {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// `type(obj)`, borrowed: an instance's class, or the type object of a built-in kind
/// (installed by [`crate::builtins::install`]).
pub fn type_of(heap: &PyHeap, rt: &Runtime, obj: ObjRef) -> ObjRef {
    match heap.get(obj) {
        Ok(Object::Instance(i)) => i.class(),
        Ok(o) => rt
            .type_object(o.kind())
            .expect("builtins::install made the built-in types"),
        Err(_) => rt
            .type_object(Kind::None)
            .expect("builtins::install made the built-in types"),
    }
}

/// The dunder method `name` of an instance's class (borrowed), if it has one.
pub fn dunder(heap: &PyHeap, obj: ObjRef, name: &str) -> Option<ObjRef> {
    match heap.get(obj) {
        Ok(Object::Instance(i)) => heap.class_attr(i.class(), name).ok().flatten(),
        _ => None,
    }
}

/// Calls the function `func` (borrowed) with `args`, as a dunder is called.
fn call(heap: &mut PyHeap, rt: &Runtime, func: ObjRef, args: &[ObjRef]) -> Result<ObjRef> {
    // The class could drop the function while it runs: hold it.
    heap.incref(func)?;
    let result = eval::call(heap, rt, func, args, &[]);
    heap.decref(func)?;
    result
}

/// An int (or bool) value.
pub fn as_index(heap: &PyHeap, obj: ObjRef) -> Option<i64> {
    match heap.get(obj) {
        Ok(Object::Int(i)) => Some(*i),
        Ok(Object::Bool(b)) => Some(*b as i64),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Num {
    I(i64),
    F(f64),
}

fn as_num(heap: &PyHeap, obj: ObjRef) -> Option<Num> {
    match heap.get(obj) {
        Ok(Object::Int(i)) => Some(Num::I(*i)),
        Ok(Object::Bool(b)) => Some(Num::I(*b as i64)),
        Ok(Object::Float(f)) => Some(Num::F(*f)),
        _ => None,
    }
}

/// A number as a float, for `int`/`float` mixing.
pub fn as_f64(heap: &PyHeap, obj: ObjRef) -> Option<f64> {
    match as_num(heap, obj)? {
        Num::I(i) => Some(i as f64),
        Num::F(f) => Some(f),
    }
}

/// The number of items of `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n as i64
}

// ------------------------------------------------------------------------- truth

/// `bool(obj)`: `__bool__` (which must return a bool), then `__len__`, on instances.
pub fn truthy(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<bool> {
    Ok(match heap.get(obj)? {
        Object::None => false,
        Object::Bool(b) => *b,
        Object::Int(i) => *i != 0,
        Object::Float(f) => *f != 0.0,
        Object::Str(s) => !s.is_empty(),
        Object::Tuple(t) => !t.is_empty(),
        Object::List(l) => !l.items().is_empty(),
        Object::Dict(d) => !d.entries().is_empty(),
        Object::Set(s) => !s.items().is_empty(),
        &Object::Range { start, stop, step } => range_len(start, stop, step) != 0,
        Object::Instance(_) => {
            if let Some(f) = dunder(heap, obj, "__bool__") {
                let r = call(heap, rt, f, &[obj])?;
                let value = match heap.get(r)? {
                    Object::Bool(b) => Ok(*b),
                    _ => raise(
                        "TypeError",
                        format!(
                            "__bool__ should return bool, returned {}",
                            type_name(heap, r)
                        ),
                    ),
                };
                heap.decref(r)?;
                return value;
            }
            if dunder(heap, obj, "__len__").is_some() {
                return Ok(len(heap, rt, obj)? != 0);
            }
            true
        }
        _ => true,
    })
}

// ---------------------------------------------------------------------------- len

/// `len(obj)`.
pub fn len(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<usize> {
    if let Some(n) = modules::special_len(heap, rt, obj)? {
        return Ok(n);
    }
    Ok(match heap.get(obj)? {
        Object::Str(s) => s.chars().count(),
        Object::Tuple(t) => t.len(),
        Object::List(l) => l.items().len(),
        Object::Dict(d) => d.entries().len(),
        Object::Set(s) => s.items().len(),
        &Object::Range { start, stop, step } => range_len(start, stop, step) as usize,
        Object::Instance(_) if dunder(heap, obj, "__len__").is_some() => {
            let f = dunder(heap, obj, "__len__").expect("checked");
            let r = call(heap, rt, f, &[obj])?;
            let n = as_index(heap, r);
            let name = type_name(heap, r);
            heap.decref(r)?;
            match n {
                Some(n) if n >= 0 => n as usize,
                Some(_) => return raise("ValueError", "__len__() should return >= 0"),
                None => {
                    return raise(
                        "TypeError",
                        format!("'{name}' object cannot be interpreted as an integer"),
                    );
                }
            }
        }
        _ => {
            return raise(
                "TypeError",
                format!("object of type '{}' has no len()", type_name(heap, obj)),
            );
        }
    })
}

// ---------------------------------------------------------------------- repr, str

const REPR_LIMIT: usize = 1000;

/// `repr(obj)`: `__repr__` on instances; containers show the repr of their items (calling
/// their `__repr__`), and a container inside itself as `[...]`.
pub fn repr(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<String> {
    let mut active = Vec::new();
    repr_in(heap, rt, obj, &mut active)
}

/// `str(obj)`: a str is itself; `__str__` on instances, else their repr.
pub fn str_of(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<String> {
    match heap.get(obj)? {
        Object::Str(s) => Ok(s.to_string()),
        Object::Instance(_) => match dunder(heap, obj, "__str__") {
            Some(f) => string_result(heap, rt, f, obj, "__str__"),
            None => repr(heap, rt, obj),
        },
        _ => repr(heap, rt, obj),
    }
}

fn string_result(
    heap: &mut PyHeap,
    rt: &Runtime,
    f: ObjRef,
    obj: ObjRef,
    which: &str,
) -> Result<String> {
    let r = call(heap, rt, f, &[obj])?;
    let s = match heap.get(r)? {
        Object::Str(s) => Ok(s.to_string()),
        _ => raise(
            "TypeError",
            format!("{which} returned non-string (type {})", type_name(heap, r)),
        ),
    };
    heap.decref(r)?;
    s
}

/// How a class shows itself: `<class 'int'>`, `<class '__main__.C'>`.
pub fn class_repr(heap: &PyHeap, rt: &Runtime, class: ObjRef) -> String {
    let name = match heap.get(class) {
        Ok(Object::Class(c)) => c.name().to_string(),
        _ => return heap.describe(class),
    };
    let builtin = rt.builtin_kind(class).is_some()
        || rt.exceptions.borrow().values().any(|&c| c == class)
        || name == "object";
    if builtin {
        format!("<class '{name}'>")
    } else {
        format!("<class '__main__.{name}'>")
    }
}

fn repr_in(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    active: &mut Vec<ObjRef>,
) -> Result<String> {
    if active.len() >= REPR_LIMIT {
        return raise(
            "RecursionError",
            "maximum recursion depth exceeded while getting the repr of an object",
        );
    }
    let (open, close, items, is_dict) = match heap.get(obj)? {
        Object::Tuple(t) => ("(", ")", t.to_vec(), false),
        Object::List(l) => ("[", "]", l.items().to_vec(), false),
        Object::Dict(d) => (
            "{",
            "}",
            d.entries().iter().flat_map(|&(k, v)| [k, v]).collect(),
            true,
        ),
        Object::Set(s) if s.items().is_empty() => return Ok("set()".into()),
        Object::Set(s) => ("{", "}", s.items().to_vec(), false),
        Object::Float(f) => return Ok(refcount::float_repr(*f)),
        Object::Instance(_) => {
            return match dunder(heap, obj, "__repr__") {
                Some(f) => string_result(heap, rt, f, obj, "__repr__"),
                None => Ok(heap.describe(obj)),
            };
        }
        Object::Class(_) => return Ok(class_repr(heap, rt, obj)),
        Object::Function(f) => {
            let name = f.qualname().to_string();
            let builtin = rt
                .builtins
                .get()
                .and_then(|b| dict_entries(heap, b).ok())
                .is_some_and(|entries| entries.iter().any(|&(_, v)| v == obj));
            return Ok(if builtin {
                format!("<built-in function {name}>")
            } else {
                heap.describe(obj)
            });
        }
        &Object::Method { function, receiver } => {
            let name = match heap.get(function)? {
                Object::Function(f) => f.qualname().to_string(),
                _ => "?".into(),
            };
            if crate::methods::is_builtin_method(heap, function, receiver) {
                let short = name.split_once('.').map_or(&name[..], |(_, n)| n);
                return Ok(format!(
                    "<built-in method {short} of {} object at {:#x}>",
                    type_name(heap, receiver),
                    heap.id(receiver)?
                ));
            }
            let of = repr_in(heap, rt, receiver, active)?;
            return Ok(format!("<bound method {name} of {of}>"));
        }
        _ => return heap.repr(obj),
    };
    if active.contains(&obj) {
        return Ok(format!("{open}...{close}"));
    }
    // Hold the items: a `__repr__` may change the container.
    for &i in &items {
        heap.incref(i)?;
    }
    active.push(obj);
    let mut out = String::from(open);
    let mut result = Ok(());
    for (n, &item) in items.iter().enumerate() {
        if n > 0 {
            out.push_str(if is_dict && n % 2 == 1 { ": " } else { ", " });
        }
        match repr_in(heap, rt, item, active) {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    active.pop();
    drop_all(heap, items.clone())?;
    result?;
    if open == "(" && items.len() == 1 {
        out.push(',');
    }
    out.push_str(close);
    Ok(out)
}

// ----------------------------------------------------------------------- equality

/// `a == b`.
pub fn eq(heap: &mut PyHeap, rt: &Runtime, a: ObjRef, b: ObjRef) -> Result<bool> {
    eq_in(heap, rt, a, b, false)
}

/// Equality as containers compare their items: identity first (`PyObject_RichCompare`
/// after `Py_Is` in `list_richcompare`), so `[nan] == [nan]`.
pub fn item_eq(heap: &mut PyHeap, rt: &Runtime, a: ObjRef, b: ObjRef) -> Result<bool> {
    eq_in(heap, rt, a, b, true)
}

fn int_float_eq(i: i64, f: f64) -> bool {
    if f.fract() != 0.0 || !f.is_finite() {
        return false;
    }
    if f.abs() >= 9.3e18 {
        return false;
    }
    (f as i128) == i as i128
}

fn eq_in(heap: &mut PyHeap, rt: &Runtime, a: ObjRef, b: ObjRef, identity: bool) -> Result<bool> {
    if identity && a == b {
        return Ok(true);
    }
    let a_inst = matches!(heap.get(a)?, Object::Instance(_));
    let b_inst = matches!(heap.get(b)?, Object::Instance(_));
    if a_inst || b_inst {
        for (x, y) in [(a, b), (b, a)] {
            if let Some(f) = dunder(heap, x, "__eq__") {
                let r = call(heap, rt, f, &[x, y])?;
                let t = truthy(heap, rt, r);
                heap.decref(r)?;
                return t;
            }
        }
        return Ok(a == b);
    }
    if let (Some(x), Some(y)) = (as_num(heap, a), as_num(heap, b)) {
        return Ok(match (x, y) {
            (Num::I(x), Num::I(y)) => x == y,
            (Num::F(x), Num::F(y)) => x == y,
            (Num::I(i), Num::F(f)) | (Num::F(f), Num::I(i)) => int_float_eq(i, f),
        });
    }
    let (xs, ys) = match (heap.get(a)?, heap.get(b)?) {
        (Object::Str(x), Object::Str(y)) => return Ok(x == y),
        (Object::Tuple(x), Object::Tuple(y)) => (x.to_vec(), y.to_vec()),
        (Object::List(x), Object::List(y)) => (x.items().to_vec(), y.items().to_vec()),
        (Object::Dict(x), Object::Dict(y)) => {
            if x.entries().len() != y.entries().len() {
                return Ok(false);
            }
            let entries = x.entries().to_vec();
            for (k, v) in entries {
                let Some(w) = heap.dict_get(b, k)? else {
                    return Ok(false);
                };
                if !item_eq(heap, rt, v, w)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        (Object::Set(x), Object::Set(y)) => {
            if x.items().len() != y.items().len() {
                return Ok(false);
            }
            let items = x.items().to_vec();
            for i in items {
                if !heap.set_contains(b, i)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        (
            &Object::Range {
                start: s1,
                stop: e1,
                step: t1,
            },
            &Object::Range {
                start: s2,
                stop: e2,
                step: t2,
            },
        ) => {
            let (n1, n2) = (range_len(s1, e1, t1), range_len(s2, e2, t2));
            return Ok(n1 == n2 && (n1 == 0 || (s1 == s2 && (n1 == 1 || t1 == t2))));
        }
        _ => return Ok(a == b),
    };
    if xs.len() != ys.len() {
        return Ok(false);
    }
    for (x, y) in xs.into_iter().zip(ys) {
        if !item_eq(heap, rt, x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// --------------------------------------------------------------------- comparison

fn op_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn ordering_holds(op: CmpOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => ord == Less,
        CmpOp::LtE => ord != Greater,
        CmpOp::Gt => ord == Greater,
        CmpOp::GtE => ord != Less,
        _ => unreachable!("an ordering operator"),
    }
}

/// `a op b` for every comparison operator (`in` tests `a in b`).
pub fn compare(heap: &mut PyHeap, rt: &Runtime, op: CmpOp, a: ObjRef, b: ObjRef) -> Result<bool> {
    match op {
        CmpOp::Eq => eq(heap, rt, a, b),
        CmpOp::NotEq => {
            if let Some(f) = dunder(heap, a, "__ne__") {
                let r = call(heap, rt, f, &[a, b])?;
                let t = truthy(heap, rt, r);
                heap.decref(r)?;
                return t;
            }
            Ok(!eq(heap, rt, a, b)?)
        }
        CmpOp::Is => Ok(a == b),
        CmpOp::IsNot => Ok(a != b),
        CmpOp::In => contains(heap, rt, b, a),
        CmpOp::NotIn => Ok(!contains(heap, rt, b, a)?),
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => order(heap, rt, op, a, b),
    }
}

fn order(heap: &mut PyHeap, rt: &Runtime, op: CmpOp, a: ObjRef, b: ObjRef) -> Result<bool> {
    let (name, reflected) = match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    };
    for (x, y, method) in [(a, b, name), (b, a, reflected)] {
        if let Some(f) = dunder(heap, x, method) {
            let r = call(heap, rt, f, &[x, y])?;
            let t = truthy(heap, rt, r);
            heap.decref(r)?;
            return t;
        }
    }
    if let (Some(x), Some(y)) = (as_num(heap, a), as_num(heap, b)) {
        let ord = match (x, y) {
            (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
            (Num::I(x), Num::F(y)) => (x as f64).partial_cmp(&y),
            (Num::F(x), Num::I(y)) => x.partial_cmp(&(y as f64)),
            (Num::F(x), Num::F(y)) => x.partial_cmp(&y),
        };
        return Ok(ord.is_some_and(|o| ordering_holds(op, o)));
    }
    let unsupported = |heap: &PyHeap| {
        raise(
            "TypeError",
            format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op_symbol(op),
                type_name(heap, a),
                type_name(heap, b)
            ),
        )
    };
    let (xs, ys) = match (heap.get(a)?, heap.get(b)?) {
        (Object::Str(x), Object::Str(y)) => return Ok(ordering_holds(op, x.cmp(y))),
        (Object::Tuple(x), Object::Tuple(y)) => (x.to_vec(), y.to_vec()),
        (Object::List(x), Object::List(y)) => (x.items().to_vec(), y.items().to_vec()),
        (Object::Set(_), Object::Set(_)) => {
            // Subset order.
            let (sa, sb) = (len(heap, rt, a)?, len(heap, rt, b)?);
            let sub = |heap: &mut PyHeap, x: ObjRef, y: ObjRef| -> Result<bool> {
                let items = heap.set_items(x)?.to_vec();
                for i in items {
                    if !heap.set_contains(y, i)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            };
            return Ok(match op {
                CmpOp::Lt => sa < sb && sub(heap, a, b)?,
                CmpOp::LtE => sub(heap, a, b)?,
                CmpOp::Gt => sa > sb && sub(heap, b, a)?,
                _ => sub(heap, b, a)?,
            });
        }
        _ => return unsupported(heap),
    };
    for (x, y) in xs.iter().zip(ys.iter()) {
        if !item_eq(heap, rt, *x, *y)? {
            return order(heap, rt, op, *x, *y);
        }
    }
    Ok(ordering_holds(op, xs.len().cmp(&ys.len())))
}

/// `item in container`.
pub fn contains(heap: &mut PyHeap, rt: &Runtime, container: ObjRef, item: ObjRef) -> Result<bool> {
    if let Some(found) = modules::special_contains(heap, rt, container, item)? {
        return Ok(found);
    }
    let items = match heap.get(container)? {
        Object::List(l) => l.items().to_vec(),
        Object::Tuple(t) => t.to_vec(),
        Object::Dict(_) => {
            hash_check(heap, rt, item)?;
            return Ok(heap.dict_get(container, item)?.is_some());
        }
        Object::Set(_) => {
            hash_check(heap, rt, item)?;
            return heap.set_contains(container, item);
        }
        Object::Str(s) => {
            return match heap.get(item)? {
                Object::Str(sub) => Ok(s.contains(&**sub)),
                _ => raise(
                    "TypeError",
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(heap, item)
                    ),
                ),
            };
        }
        &Object::Range { start, stop, step } => {
            let v = match as_num(heap, item) {
                Some(Num::I(i)) => i,
                Some(Num::F(f)) if f.fract() == 0.0 && f.abs() < 9.2e18 => f as i64,
                _ => return Ok(false),
            };
            let in_bounds = if step > 0 {
                start <= v && v < stop
            } else {
                stop < v && v <= start
            };
            return Ok(in_bounds && (v as i128 - start as i128) % step as i128 == 0);
        }
        Object::Instance(_) => {
            if let Some(f) = dunder(heap, container, "__contains__") {
                let r = call(heap, rt, f, &[container, item])?;
                let t = truthy(heap, rt, r);
                heap.decref(r)?;
                return t;
            }
            if dunder(heap, container, "__iter__").is_none() {
                return raise(
                    "TypeError",
                    format!(
                        "argument of type '{}' is not iterable",
                        type_name(heap, container)
                    ),
                );
            }
            let items = iterate(heap, rt, container)?;
            let mut found = Ok(false);
            for &i in &items {
                match item_eq(heap, rt, i, item) {
                    Ok(false) => {}
                    other => {
                        found = other;
                        break;
                    }
                }
            }
            drop_all(heap, items)?;
            return found;
        }
        _ => {
            return raise(
                "TypeError",
                format!(
                    "argument of type '{}' is not iterable",
                    type_name(heap, container)
                ),
            );
        }
    };
    for i in items {
        if item_eq(heap, rt, i, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ------------------------------------------------------------------------ hashing

/// `TypeError: unhashable type: 'list'` for what cannot be a dict key or set item. An
/// instance whose class defines `__eq__` without `__hash__` is unhashable, as in Python.
pub fn hash_check(heap: &PyHeap, rt: &Runtime, obj: ObjRef) -> Result<()> {
    let _ = rt;
    let unhashable = |heap: &PyHeap, r| {
        raise(
            "TypeError",
            format!("unhashable type: '{}'", type_name(heap, r)),
        )
    };
    match heap.get(obj)? {
        Object::List(_) | Object::Dict(_) | Object::Set(_) => unhashable(heap, obj),
        Object::Tuple(items) => {
            for &i in items.iter() {
                hash_check(heap, rt, i)?;
            }
            Ok(())
        }
        Object::Instance(_) => {
            let has_eq = dunder(heap, obj, "__eq__").is_some();
            match dunder(heap, obj, "__hash__") {
                Some(h) if matches!(heap.get(h)?, Object::None) => unhashable(heap, obj),
                None if has_eq => unhashable(heap, obj),
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------- arithmetic

fn dunder_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

fn unsupported<T>(heap: &PyHeap, op: BinOp, a: ObjRef, b: ObjRef) -> Result<T> {
    raise(
        "TypeError",
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            type_name(heap, a),
            type_name(heap, b)
        ),
    )
}

/// Python's `a // b` and `a % b` on ints (b != 0).
pub fn int_divmod(a: i64, b: i64) -> Result<(i64, i64)> {
    let Some(q) = a.checked_div(b) else {
        return overflow();
    };
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        Ok((q - 1, r + b))
    } else {
        Ok((q, r))
    }
}

/// CPython's `float_divmod`: (floor quotient, modulo with the divisor's sign), b != 0.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn int_pow(a: i64, b: i64) -> Result<Num> {
    if b < 0 {
        if a == 0 {
            return raise(
                "ZeroDivisionError",
                "0.0 cannot be raised to a negative power",
            );
        }
        return Ok(Num::F((a as f64).powf(b as f64)));
    }
    match a {
        0 => return Ok(Num::I(if b == 0 { 1 } else { 0 })),
        1 => return Ok(Num::I(1)),
        -1 => return Ok(Num::I(if b % 2 == 0 { 1 } else { -1 })),
        _ => {}
    }
    if b > u32::MAX as i64 {
        return overflow();
    }
    a.checked_pow(b as u32)
        .map(Num::I)
        .map_or_else(overflow, Ok)
}

fn float_pow(a: f64, b: f64) -> Result<f64> {
    if a == 0.0 && b < 0.0 {
        return raise(
            "ZeroDivisionError",
            "0.0 cannot be raised to a negative power",
        );
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        // Python gives a complex number; pyrun has none.
        return raise(
            "ValueError",
            "pyrun has no complex numbers: negative number raised to a fractional power",
        );
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return raise("OverflowError", "(34, 'Numerical result out of range')");
    }
    Ok(r)
}

fn num_binary(op: BinOp, x: Num, y: Num) -> Result<Option<Num>> {
    use Num::{F, I};
    Ok(Some(match (x, y) {
        (I(a), I(b)) => match op {
            BinOp::Add => I(a.checked_add(b).map_or_else(overflow, Ok)?),
            BinOp::Sub => I(a.checked_sub(b).map_or_else(overflow, Ok)?),
            BinOp::Mult => I(a.checked_mul(b).map_or_else(overflow, Ok)?),
            BinOp::Div => {
                if b == 0 {
                    return raise("ZeroDivisionError", "division by zero");
                }
                F(a as f64 / b as f64)
            }
            BinOp::FloorDiv => {
                if b == 0 {
                    return raise("ZeroDivisionError", "integer division or modulo by zero");
                }
                I(int_divmod(a, b)?.0)
            }
            BinOp::Mod => {
                if b == 0 {
                    return raise("ZeroDivisionError", "integer modulo by zero");
                }
                I(int_divmod(a, b)?.1)
            }
            BinOp::Pow => int_pow(a, b)?,
            BinOp::LShift => {
                if b < 0 {
                    return raise("ValueError", "negative shift count");
                }
                if a == 0 {
                    I(0)
                } else if b >= 63 {
                    return overflow();
                } else {
                    let r = a << b;
                    if r >> b != a {
                        return overflow();
                    }
                    I(r)
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return raise("ValueError", "negative shift count");
                }
                I(if b >= 64 {
                    if a < 0 { -1 } else { 0 }
                } else {
                    a >> b
                })
            }
            BinOp::BitOr => I(a | b),
            BinOp::BitXor => I(a ^ b),
            BinOp::BitAnd => I(a & b),
            BinOp::MatMult => return Ok(None),
        },
        _ => {
            let to_f = |n: Num| match n {
                I(i) => i as f64,
                F(f) => f,
            };
            let (a, b) = (to_f(x), to_f(y));
            match op {
                BinOp::Add => F(a + b),
                BinOp::Sub => F(a - b),
                BinOp::Mult => F(a * b),
                BinOp::Div => {
                    if b == 0.0 {
                        return raise("ZeroDivisionError", "float division by zero");
                    }
                    F(a / b)
                }
                BinOp::FloorDiv => {
                    if b == 0.0 {
                        return raise("ZeroDivisionError", "float floor division by zero");
                    }
                    F(float_divmod(a, b).0)
                }
                BinOp::Mod => {
                    if b == 0.0 {
                        return raise("ZeroDivisionError", "float modulo");
                    }
                    F(float_divmod(a, b).1)
                }
                BinOp::Pow => F(float_pow(a, b)?),
                _ => return Ok(None),
            }
        }
    }))
}

fn new_num(heap: &mut PyHeap, n: Num) -> Result<ObjRef> {
    match n {
        Num::I(i) => heap.new_int(i),
        Num::F(f) => heap.new_float(f),
    }
}

/// Refuses repetitions that would not fit in memory.
fn repeat_count(len: usize, n: i64) -> Result<usize> {
    let n = n.max(0) as usize;
    match len.checked_mul(n) {
        Some(total) if total <= (1 << 28) => Ok(n),
        _ if len == 0 => Ok(0),
        _ => raise("MemoryError", ""),
    }
}

/// `a op b`.
pub fn binary(heap: &mut PyHeap, rt: &Runtime, op: BinOp, a: ObjRef, b: ObjRef) -> Result<ObjRef> {
    let (name, rname, _) = dunder_names(op);
    if let Some(f) = dunder(heap, a, name) {
        return call(heap, rt, f, &[a, b]);
    }
    if let Some(f) = dunder(heap, b, rname) {
        return call(heap, rt, f, &[b, a]);
    }
    // bool & | ^ bool stays a bool.
    if let (Object::Bool(x), Object::Bool(y)) = (heap.get(a)?, heap.get(b)?) {
        let (x, y) = (*x, *y);
        match op {
            BinOp::BitAnd => return heap.new_bool(x & y),
            BinOp::BitOr => return heap.new_bool(x | y),
            BinOp::BitXor => return heap.new_bool(x ^ y),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (as_num(heap, a), as_num(heap, b)) {
        return match num_binary(op, x, y)? {
            Some(n) => new_num(heap, n),
            None => unsupported(heap, op, a, b),
        };
    }
    let ka = heap.kind(a)?;
    let kb = heap.kind(b)?;
    match (op, ka, kb) {
        (BinOp::Add, Kind::Str, Kind::Str) => {
            let s = format!("{}{}", heap.as_str(a)?, heap.as_str(b)?);
            heap.new_str(&s)
        }
        (BinOp::Add, Kind::Str | Kind::List | Kind::Tuple, _) if ka != kb => {
            let n = ka.builtin_name();
            raise(
                "TypeError",
                format!(
                    "can only concatenate {n} (not \"{}\") to {n}",
                    type_name(heap, b)
                ),
            )
        }
        (BinOp::Add, Kind::List | Kind::Tuple, _) => {
            let mut items = seq_items(heap, a)?;
            items.extend(seq_items(heap, b)?);
            if ka == Kind::List {
                heap.new_list(&items)
            } else {
                heap.new_tuple(&items)
            }
        }
        (BinOp::Mult, Kind::Str | Kind::List | Kind::Tuple, _)
        | (BinOp::Mult, _, Kind::Str | Kind::List | Kind::Tuple) => {
            let (seq, count) = if matches!(ka, Kind::Str | Kind::List | Kind::Tuple) {
                (a, b)
            } else {
                (b, a)
            };
            let Some(n) = as_index(heap, count) else {
                return raise(
                    "TypeError",
                    format!(
                        "can't multiply sequence by non-int of type '{}'",
                        type_name(heap, count)
                    ),
                );
            };
            repeat(heap, seq, n)
        }
        (BinOp::Mod, Kind::Str, _) => {
            let s = crate::format::percent_format(heap, rt, a, b)?;
            heap.new_str(&s)
        }
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Kind::Set, Kind::Set) => {
            set_op(heap, op, a, b)
        }
        (BinOp::BitOr, Kind::Dict, Kind::Dict) => {
            let d = heap.new_dict()?;
            for src in [a, b] {
                let entries = dict_entries(heap, src)?;
                for (k, v) in entries {
                    if let Err(e) = heap.dict_set(d, k, v) {
                        heap.decref(d)?;
                        return Err(e);
                    }
                }
            }
            Ok(d)
        }
        _ => unsupported(heap, op, a, b),
    }
}

/// `a op= b`: lists, sets and dicts change in place (`l += iterable` extends `l`), instances
/// use `__iadd__`…; everything else is [`binary`]. The result (a new reference) is what the
/// target is bound to.
pub fn inplace(heap: &mut PyHeap, rt: &Runtime, op: BinOp, a: ObjRef, b: ObjRef) -> Result<ObjRef> {
    let (_, _, iname) = dunder_names(op);
    if let Some(f) = dunder(heap, a, iname) {
        return call(heap, rt, f, &[a, b]);
    }
    match (op, heap.kind(a)?, heap.kind(b)?) {
        (BinOp::Add, Kind::List, _) => {
            let items = iterate(heap, rt, b)?;
            let mut result = Ok(());
            for &i in &items {
                if let Err(e) = heap.list_append(a, i) {
                    result = Err(e);
                    break;
                }
            }
            drop_all(heap, items)?;
            result?;
            new_ref(heap, a)
        }
        (BinOp::Mult, Kind::List, _) if as_index(heap, b).is_some() => {
            let n = as_index(heap, b).expect("checked");
            let items = seq_items(heap, a)?;
            let n = repeat_count(items.len(), n)?;
            if n == 0 {
                heap.clear(a)?;
            } else {
                for _ in 1..n {
                    for &i in &items {
                        heap.list_append(a, i)?;
                    }
                }
            }
            new_ref(heap, a)
        }
        (BinOp::BitOr, Kind::Set, Kind::Set) => {
            for i in heap.set_items(b)?.to_vec() {
                heap.set_add(a, i)?;
            }
            new_ref(heap, a)
        }
        (BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Kind::Set, Kind::Set) => {
            let fresh = set_op(heap, op, a, b)?;
            let keep = heap.set_items(fresh)?.to_vec();
            let old = heap.set_items(a)?.to_vec();
            for &i in &old {
                if !keep.contains(&i) {
                    heap.set_discard(a, i)?;
                }
            }
            for &i in &keep {
                heap.set_add(a, i)?;
            }
            heap.decref(fresh)?;
            new_ref(heap, a)
        }
        (BinOp::BitOr, Kind::Dict, Kind::Dict) => {
            for (k, v) in dict_entries(heap, b)? {
                heap.dict_set(a, k, v)?;
            }
            new_ref(heap, a)
        }
        _ => binary(heap, rt, op, a, b),
    }
}

/// The items of a list or tuple, borrowed.
pub fn seq_items(heap: &PyHeap, obj: ObjRef) -> Result<Vec<ObjRef>> {
    Ok(match heap.get(obj)? {
        Object::List(l) => l.items().to_vec(),
        Object::Tuple(t) => t.to_vec(),
        Object::Set(s) => s.items().to_vec(),
        Object::Dict(d) => d.entries().iter().map(|&(k, _)| k).collect(),
        _ => Vec::new(),
    })
}

/// The (key, value) entries of a dict, borrowed.
pub fn dict_entries(heap: &PyHeap, obj: ObjRef) -> Result<Vec<(ObjRef, ObjRef)>> {
    Ok(match heap.get(obj)? {
        Object::Dict(d) => d.entries().to_vec(),
        _ => Vec::new(),
    })
}

fn repeat(heap: &mut PyHeap, seq: ObjRef, n: i64) -> Result<ObjRef> {
    match heap.get(seq)? {
        Object::Str(s) => {
            let count = repeat_count(s.len(), n)?;
            let out = s.repeat(count);
            heap.new_str(&out)
        }
        Object::Tuple(t) if n == 1 && !t.is_empty() => new_ref(heap, seq),
        _ => {
            let items = seq_items(heap, seq)?;
            let count = repeat_count(items.len(), n)?;
            let mut all = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                all.extend_from_slice(&items);
            }
            if heap.kind(seq)? == Kind::List {
                heap.new_list(&all)
            } else {
                heap.new_tuple(&all)
            }
        }
    }
}

fn set_op(heap: &mut PyHeap, op: BinOp, a: ObjRef, b: ObjRef) -> Result<ObjRef> {
    let xs = heap.set_items(a)?.to_vec();
    let ys = heap.set_items(b)?.to_vec();
    let mut out = Vec::new();
    match op {
        BinOp::BitOr => {
            out.extend(&xs);
            out.extend(&ys);
        }
        BinOp::BitAnd => {
            for &x in &xs {
                if heap.set_contains(b, x)? {
                    out.push(x);
                }
            }
        }
        BinOp::Sub => {
            for &x in &xs {
                if !heap.set_contains(b, x)? {
                    out.push(x);
                }
            }
        }
        _ => {
            for &x in &xs {
                if !heap.set_contains(b, x)? {
                    out.push(x);
                }
            }
            for &y in &ys {
                if !heap.set_contains(a, y)? {
                    out.push(y);
                }
            }
        }
    }
    heap.new_set(&out)
}

/// `op a`.
pub fn unary(heap: &mut PyHeap, rt: &Runtime, op: UnaryOp, a: ObjRef) -> Result<ObjRef> {
    if op == UnaryOp::Not {
        let t = truthy(heap, rt, a)?;
        return heap.new_bool(!t);
    }
    let (name, symbol) = match op {
        UnaryOp::Neg => ("__neg__", "-"),
        UnaryOp::Pos => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    if let Some(f) = dunder(heap, a, name) {
        return call(heap, rt, f, &[a]);
    }
    match (op, as_num(heap, a)) {
        (UnaryOp::Neg, Some(Num::I(i))) => match i.checked_neg() {
            Some(n) => heap.new_int(n),
            None => overflow(),
        },
        (UnaryOp::Neg, Some(Num::F(f))) => heap.new_float(-f),
        (UnaryOp::Pos, Some(Num::I(i))) => heap.new_int(i),
        (UnaryOp::Pos, Some(Num::F(_))) => new_ref(heap, a),
        (UnaryOp::Invert, Some(Num::I(i))) => heap.new_int(!i),
        _ => raise(
            "TypeError",
            format!(
                "bad operand type for unary {symbol}: '{}'",
                type_name(heap, a)
            ),
        ),
    }
}

// ----------------------------------------------------------------------- iteration

/// The items a `for` loop over `obj` sees, as new references (the caller drops each):
/// list, tuple, str (one-character strs), dict (keys), set, range; an instance's
/// `__iter__` (its result iterated, or `__next__` called until `StopIteration`).
pub fn iterate(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<Vec<ObjRef>> {
    if let Some(keys) = modules::special_iter(heap, rt, obj)? {
        let items = iterate(heap, rt, keys);
        heap.decref(keys)?;
        return items;
    }
    let items = match heap.get(obj)? {
        Object::List(_) | Object::Tuple(_) | Object::Set(_) | Object::Dict(_) => {
            seq_items(heap, obj)?
        }
        Object::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let mut out = Vec::with_capacity(chars.len());
            for c in chars {
                out.push(heap.new_str(c.encode_utf8(&mut [0; 4]))?);
            }
            return Ok(out);
        }
        &Object::Range { start, stop, step } => {
            let n = range_len(start, stop, step);
            if n > 1 << 26 {
                return raise("MemoryError", "range too long for pyrun to iterate at once");
            }
            let mut out = Vec::with_capacity(n as usize);
            for k in 0..n {
                out.push(heap.new_int(start + k * step)?);
            }
            return Ok(out);
        }
        Object::Instance(_) if dunder(heap, obj, "__iter__").is_some() => {
            let f = dunder(heap, obj, "__iter__").expect("checked");
            let it = call(heap, rt, f, &[obj])?;
            let result = if it == obj || dunder(heap, it, "__next__").is_some() {
                drain_next(heap, rt, it)
            } else {
                iterate(heap, rt, it)
            };
            heap.decref(it)?;
            return result;
        }
        _ => {
            return raise(
                "TypeError",
                format!("'{}' object is not iterable", type_name(heap, obj)),
            );
        }
    };
    for &i in &items {
        heap.incref(i)?;
    }
    Ok(items)
}

fn drain_next(heap: &mut PyHeap, rt: &Runtime, it: ObjRef) -> Result<Vec<ObjRef>> {
    let Some(next) = dunder(heap, it, "__next__") else {
        return raise(
            "TypeError",
            format!(
                "iter() returned non-iterator of type '{}'",
                type_name(heap, it)
            ),
        );
    };
    let mut out = Vec::new();
    loop {
        match call(heap, rt, next, &[it]) {
            Ok(v) => out.push(v),
            Err(e) if e.exception_type() == Some("StopIteration") => {
                if let Some(exc) = rt.raising.take() {
                    heap.decref(exc)?;
                }
                return Ok(out);
            }
            Err(e) => {
                drop_all(heap, out)?;
                return Err(e);
            }
        }
    }
}

// ---------------------------------------------------------------------- subscripts

fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    (0..len).contains(&i).then_some(i as usize)
}

/// The indices a slice selects of a sequence of `len` items: `PySlice_AdjustIndices`.
pub fn slice_indices(
    len: usize,
    lower: Option<i64>,
    upper: Option<i64>,
    step: Option<i64>,
) -> Result<Vec<usize>> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return raise("ValueError", "slice step cannot be zero");
    }
    let len = len as i64;
    let adjust = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(mut s) => {
            if s < 0 {
                s += len;
                if s < 0 {
                    s = if step < 0 { -1 } else { 0 };
                }
            } else if s >= len {
                s = if step < 0 { len - 1 } else { len };
            }
            s
        }
    };
    let (start, stop) = if step > 0 {
        (adjust(lower, 0), adjust(upper, len))
    } else {
        (adjust(lower, len - 1), adjust(upper, -1))
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

/// A slice bound as the evaluator computed it: an int, or None (`Ok(None)`).
pub fn slice_bound(heap: &PyHeap, obj: ObjRef) -> Result<Option<i64>> {
    match heap.get(obj)? {
        Object::None => Ok(None),
        _ => match as_index(heap, obj) {
            Some(i) => Ok(Some(i)),
            None => raise(
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            ),
        },
    }
}

/// The position `index` names in `list` (negative counts from the end), for `list[i] = v`
/// and `del list[i]`, or CPython's `TypeError` or `IndexError`.
fn list_position(heap: &PyHeap, list: ObjRef, index: ObjRef) -> Result<usize> {
    let Some(i) = as_index(heap, index) else {
        return raise(
            "TypeError",
            format!(
                "list indices must be integers or slices, not {}",
                type_name(heap, index)
            ),
        );
    };
    match norm_index(i, heap.list_len(list)?) {
        Some(k) => Ok(k),
        None => raise("IndexError", "list assignment index out of range"),
    }
}

fn index_error<T>(heap: &PyHeap, obj: ObjRef, what: &str) -> Result<T> {
    let name = match heap.kind(obj)? {
        Kind::Str => "string".to_string(),
        Kind::Range => "range object".to_string(),
        _ => type_name(heap, obj),
    };
    raise("IndexError", format!("{name} {what} out of range"))
}

/// `KeyError(key)`: the exception object (its `args` the key itself) goes to `rt.raising`.
pub fn key_error<T>(heap: &mut PyHeap, rt: &Runtime, key: ObjRef) -> Result<T> {
    let message = repr(heap, rt, key)?;
    crate::builtins::raise_with_args(heap, rt, "KeyError", &[key], &message)
}

/// `obj[index]` for one index or key.
pub fn getitem(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef, index: ObjRef) -> Result<ObjRef> {
    if let Some(value) = modules::special_getitem(heap, rt, obj, index)? {
        return Ok(value);
    }
    let kind = heap.kind(obj)?;
    match kind {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Range => {
            let Some(i) = as_index(heap, index) else {
                let msg = match kind {
                    Kind::Str => format!(
                        "string indices must be integers, not '{}'",
                        type_name(heap, index)
                    ),
                    _ => format!(
                        "{} indices must be integers or slices, not {}",
                        kind.builtin_name(),
                        type_name(heap, index)
                    ),
                };
                return raise("TypeError", msg);
            };
            match heap.get(obj)? {
                Object::Str(s) => {
                    let n = s.chars().count();
                    let Some(k) = norm_index(i, n) else {
                        return index_error(heap, obj, "index");
                    };
                    let c = s.chars().nth(k).expect("in range").to_string();
                    heap.new_str(&c)
                }
                &Object::Range { start, stop, step } => {
                    match norm_index(i, range_len(start, stop, step) as usize) {
                        Some(k) => heap.new_int(start + k as i64 * step),
                        None => index_error(heap, obj, "index"),
                    }
                }
                _ => {
                    let items = seq_items(heap, obj)?;
                    match norm_index(i, items.len()) {
                        Some(k) => new_ref(heap, items[k]),
                        None => index_error(heap, obj, "index"),
                    }
                }
            }
        }
        Kind::Dict => {
            hash_check(heap, rt, index)?;
            match heap.dict_get(obj, index)? {
                Some(v) => new_ref(heap, v),
                None => key_error(heap, rt, index),
            }
        }
        Kind::Instance if dunder(heap, obj, "__getitem__").is_some() => {
            let f = dunder(heap, obj, "__getitem__").expect("checked");
            call(heap, rt, f, &[obj, index])
        }
        _ => raise(
            "TypeError",
            format!("'{}' object is not subscriptable", type_name(heap, obj)),
        ),
    }
}

/// `obj[index] = value`.
pub fn setitem(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    index: ObjRef,
    value: ObjRef,
) -> Result<()> {
    if modules::special_setitem(heap, rt, obj, index, value)? {
        return Ok(());
    }
    match heap.kind(obj)? {
        Kind::List => {
            let k = list_position(heap, obj, index)?;
            heap.list_set(obj, k, value)
        }
        Kind::Dict => {
            hash_check(heap, rt, index)?;
            heap.dict_set(obj, index, value)
        }
        Kind::Instance if dunder(heap, obj, "__setitem__").is_some() => {
            let f = dunder(heap, obj, "__setitem__").expect("checked");
            let r = call(heap, rt, f, &[obj, index, value])?;
            heap.decref(r)
        }
        _ => raise(
            "TypeError",
            format!(
                "'{}' object does not support item assignment",
                type_name(heap, obj)
            ),
        ),
    }
}

/// `del obj[index]`.
pub fn delitem(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef, index: ObjRef) -> Result<()> {
    if modules::special_delitem(heap, rt, obj, index)? {
        return Ok(());
    }
    match heap.kind(obj)? {
        Kind::List => {
            let item = list_take(heap, obj, list_position(heap, obj, index)?)?;
            heap.decref(item)
        }
        Kind::Dict => {
            hash_check(heap, rt, index)?;
            match heap.dict_get(obj, index)? {
                Some(_) => heap.dict_del(obj, index),
                None => key_error(heap, rt, index),
            }
        }
        Kind::Instance if dunder(heap, obj, "__delitem__").is_some() => {
            let f = dunder(heap, obj, "__delitem__").expect("checked");
            let r = call(heap, rt, f, &[obj, index])?;
            heap.decref(r)
        }
        Kind::Tuple | Kind::Str => raise(
            "TypeError",
            format!(
                "'{}' object doesn't support item deletion",
                type_name(heap, obj)
            ),
        ),
        _ => raise(
            "TypeError",
            format!(
                "'{}' object does not support item deletion",
                type_name(heap, obj)
            ),
        ),
    }
}

/// Removes `list[k]` (k in range) and returns its reference (new, the caller's): the items
/// after it move down one place, as `list.pop(k)` and `del list[k]` do.
pub fn list_take(heap: &mut PyHeap, list: ObjRef, k: usize) -> Result<ObjRef> {
    let items = seq_items(heap, list)?;
    let taken = items[k];
    heap.incref(taken)?;
    for j in k..items.len() - 1 {
        heap.list_set(list, j, items[j + 1])?;
    }
    // The popped reference is either `taken` itself (k was last) or the duplicate of the
    // last item, which is still stored one place down: ours is one too many either way.
    let last = heap.list_pop(list)?;
    heap.decref(last)?;
    Ok(taken)
}

/// `list.insert(index, item)`, index already clamped to 0..=len.
pub fn list_insert(heap: &mut PyHeap, list: ObjRef, index: usize, item: ObjRef) -> Result<()> {
    let items = seq_items(heap, list)?;
    if index >= items.len() {
        return heap.list_append(list, item);
    }
    heap.list_append(list, *items.last().expect("non-empty"))?;
    for j in (index + 1..items.len()).rev() {
        heap.list_set(list, j, items[j - 1])?;
    }
    heap.list_set(list, index, item)
}

/// Makes the list hold exactly `new_items` (borrowed), keeping the counts right. What
/// leaves the list is dropped last, from the last to the first, as `list_ass_slice` does.
pub fn list_replace(heap: &mut PyHeap, list: ObjRef, new_items: &[ObjRef]) -> Result<()> {
    let old = seq_items(heap, list)?;
    for &i in old.iter().chain(new_items) {
        heap.incref(i)?;
    }
    let mut result = Ok(());
    let common = old.len().min(new_items.len());
    for (j, &item) in new_items.iter().enumerate().take(common) {
        if old[j] != item
            && let Err(e) = heap.list_set(list, j, item)
        {
            result = Err(e);
        }
    }
    for &item in &new_items[common..] {
        if let Err(e) = heap.list_append(list, item) {
            result = Err(e);
        }
    }
    for _ in new_items.len()..old.len() {
        match heap.list_pop(list) {
            Ok(r) => heap.decref(r)?,
            Err(e) => result = Err(e),
        }
    }
    // The new items' extra references first (they are in the list: nothing is freed), then
    // the old ones, last to first.
    drop_all(heap, new_items.to_vec())?;
    drop_all(heap, old.into_iter().rev().collect())?;
    result
}

/// `obj[lower:upper:step]` on list, tuple, str, range.
pub fn getitem_slice(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    lower: Option<i64>,
    upper: Option<i64>,
    step: Option<i64>,
) -> Result<ObjRef> {
    let _ = rt;
    match heap.get(obj)? {
        Object::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let idx = slice_indices(chars.len(), lower, upper, step)?;
            if idx.len() == chars.len() && step.unwrap_or(1) == 1 {
                return new_ref(heap, obj);
            }
            let out: String = idx.into_iter().map(|i| chars[i]).collect();
            heap.new_str(&out)
        }
        &Object::Range {
            start,
            stop,
            step: st,
        } => {
            let n = range_len(start, stop, st);
            let s = step.unwrap_or(1);
            let idx = slice_indices(n as usize, lower, upper, step)?;
            let first = idx.first().map_or(0, |&i| i as i64);
            let new_start = start + first * st;
            let new_step = st * s;
            let new_stop = new_start + idx.len() as i64 * new_step;
            heap.new_range(new_start, new_stop, new_step)
        }
        Object::List(_) | Object::Tuple(_) => {
            let items = seq_items(heap, obj)?;
            let idx = slice_indices(items.len(), lower, upper, step)?;
            let picked: Vec<ObjRef> = idx.iter().map(|&i| items[i]).collect();
            if heap.kind(obj)? == Kind::List {
                heap.new_list(&picked)
            } else if picked.len() == items.len() && step.unwrap_or(1) == 1 {
                new_ref(heap, obj)
            } else {
                heap.new_tuple(&picked)
            }
        }
        _ => raise(
            "TypeError",
            format!("'{}' object is not subscriptable", type_name(heap, obj)),
        ),
    }
}

/// `obj[lower:upper:step] = value` (lists only; `value` is iterated).
pub fn setitem_slice(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    lower: Option<i64>,
    upper: Option<i64>,
    step: Option<i64>,
    value: ObjRef,
) -> Result<()> {
    if heap.kind(obj)? != Kind::List {
        return raise(
            "TypeError",
            format!(
                "'{}' object does not support item assignment",
                type_name(heap, obj)
            ),
        );
    }
    let extended = step.unwrap_or(1) != 1;
    let new = match iterate(heap, rt, value) {
        Ok(v) => v,
        Err(e) if e.exception_type() == Some("TypeError") => {
            return raise(
                "TypeError",
                if extended {
                    "must assign iterable to extended slice"
                } else {
                    "can only assign an iterable"
                },
            );
        }
        Err(e) => return Err(e),
    };
    let items = seq_items(heap, obj)?;
    let result = (|| {
        let idx = slice_indices(items.len(), lower, upper, step)?;
        let mut out: Vec<ObjRef>;
        if extended {
            if idx.len() != new.len() {
                return raise(
                    "ValueError",
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        idx.len()
                    ),
                );
            }
            out = items.clone();
            for (&i, &v) in idx.iter().zip(&new) {
                out[i] = v;
            }
        } else {
            // A simple slice: [start, stop) replaced (stop never before start).
            let start = idx.first().copied().unwrap_or_else(|| {
                let len = items.len() as i64;
                let s = lower.unwrap_or(0);
                (if s < 0 { (s + len).max(0) } else { s.min(len) }) as usize
            });
            let stop = start + idx.len();
            out = items[..start].to_vec();
            out.extend(&new);
            out.extend(&items[stop..]);
        }
        list_replace(heap, obj, &out)
    })();
    drop_all(heap, new)?;
    result
}

/// `del obj[lower:upper:step]` (lists only). The removed items are dropped last to first.
pub fn delitem_slice(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    lower: Option<i64>,
    upper: Option<i64>,
    step: Option<i64>,
) -> Result<()> {
    let _ = rt;
    match heap.kind(obj)? {
        Kind::List => {}
        Kind::Tuple | Kind::Str => {
            return raise(
                "TypeError",
                format!(
                    "'{}' object doesn't support item deletion",
                    type_name(heap, obj)
                ),
            );
        }
        _ => {
            return raise(
                "TypeError",
                format!(
                    "'{}' object does not support item deletion",
                    type_name(heap, obj)
                ),
            );
        }
    }
    let items = seq_items(heap, obj)?;
    let idx = slice_indices(items.len(), lower, upper, step)?;
    if idx.is_empty() {
        return Ok(());
    }
    let keep: Vec<ObjRef> = items
        .iter()
        .enumerate()
        .filter(|(i, _)| !idx.contains(i))
        .map(|(_, &r)| r)
        .collect();
    list_replace(heap, obj, &keep)
}

/// Turns a heap error that is a Python exception into CPython's wording where the heap's
/// differs (its `IndexError` names the heap operation).
pub fn pythonize(error: Error) -> Error {
    match error {
        Error::IndexError { .. } => Error::raise("IndexError", "list index out of range"),
        other => other,
    }
}
