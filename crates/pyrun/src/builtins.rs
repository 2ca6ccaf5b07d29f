//! The built-in namespace: the type objects of the built-in kinds, the exception classes,
//! and the built-in functions (`print`, `len`, `sorted`…), each a heap function whose
//! closure holds an `Rc<Runtime>`.
//!
//! Known differences from CPython, chosen for a tree-walking interpreter without iterator
//! objects: `reversed`, `enumerate` and `zip` return lists (of tuples); `iter`/`next`,
//! `vars`, `input`, `exit`/`quit` and `NotImplemented` are absent.

use refcount::{Attrs, Error, Kind, ObjRef, Object, Result};

use crate::ast::{BinOp, CmpOp};
use crate::eval;
use crate::ops::{self, as_index, drop_all, new_ref, type_name};
use crate::runtime::{PyHeap, Runtime, Stream, raise};

/// A native built-in: heap, runtime, positional and keyword arguments (borrowed).
pub type Builtin = fn(&mut PyHeap, &Runtime, &[ObjRef], &[(&str, ObjRef)]) -> Result<ObjRef>;

/// The built-in kinds that get a type object, and their names.
const TYPES: &[Kind] = &[
    Kind::Int,
    Kind::Bool,
    Kind::Str,
    Kind::Float,
    Kind::Tuple,
    Kind::List,
    Kind::Dict,
    Kind::Set,
    Kind::None,
    Kind::Class,
    Kind::Instance,
    Kind::Function,
    Kind::Range,
    Kind::Method,
    Kind::Cell,
    Kind::WeakRef,
    Kind::Frame,
    Kind::Traceback,
];

/// The built-in exception classes: (name, base).
const EXCEPTIONS: &[(&str, Option<&str>)] = &[
    ("BaseException", None),
    ("Exception", Some("BaseException")),
    ("ArithmeticError", Some("Exception")),
    ("ZeroDivisionError", Some("ArithmeticError")),
    ("OverflowError", Some("ArithmeticError")),
    ("LookupError", Some("Exception")),
    ("IndexError", Some("LookupError")),
    ("KeyError", Some("LookupError")),
    ("ValueError", Some("Exception")),
    ("TypeError", Some("Exception")),
    ("AttributeError", Some("Exception")),
    ("NameError", Some("Exception")),
    ("UnboundLocalError", Some("NameError")),
    ("RuntimeError", Some("Exception")),
    ("RecursionError", Some("RuntimeError")),
    ("NotImplementedError", Some("RuntimeError")),
    ("StopIteration", Some("Exception")),
    ("AssertionError", Some("Exception")),
    ("ImportError", Some("Exception")),
    ("ModuleNotFoundError", Some("ImportError")),
    ("MemoryError", Some("Exception")),
    ("SystemExit", Some("BaseException")),
    ("KeyboardInterrupt", Some("BaseException")),
    ("GeneratorExit", Some("BaseException")),
];

/// Makes the built-in types, the exception classes and the `builtins` dict, and stores
/// them in `rt` (which keeps their references for the whole run).
pub fn install(heap: &mut PyHeap, rt: &Runtime) -> Result<()> {
    let builtins = heap.new_dict()?;
    rt.builtins.set(Some(builtins));

    for &kind in TYPES {
        let class = if kind == Kind::Bool {
            let int = rt.type_object(Kind::Int).expect("int comes first");
            heap.new_subclass("bool", Some(int), &[])?
        } else {
            heap.new_class(kind.builtin_name())?
        };
        rt.types.borrow_mut().insert(kind, class);
        if !matches!(
            kind,
            Kind::Method | Kind::Cell | Kind::WeakRef | Kind::Function | Kind::None
        ) {
            bind(heap, builtins, kind.builtin_name(), class)?;
        }
    }

    // BaseException's methods, inherited by every exception class.
    let init = native(heap, rt, "BaseException.__init__", exc_init)?;
    let str_ = native(heap, rt, "BaseException.__str__", exc_str)?;
    let repr_ = native(heap, rt, "BaseException.__repr__", exc_repr)?;
    let key_str = native(heap, rt, "KeyError.__str__", key_error_str)?;
    for &(name, base) in EXCEPTIONS {
        let base = base.map(|b| rt.exception_class(b).expect("bases come first"));
        let class = match name {
            "BaseException" => heap.new_subclass(
                name,
                None,
                &[("__init__", init), ("__str__", str_), ("__repr__", repr_)],
            )?,
            "KeyError" => heap.new_subclass(name, base, &[("__str__", key_str)])?,
            _ => heap.new_subclass(name, base, &[])?,
        };
        rt.exceptions.borrow_mut().insert(name.to_string(), class);
        bind(heap, builtins, name, class)?;
    }
    drop_all(heap, vec![init, str_, repr_, key_str])?;

    // Ellipsis: the one instance of a class that shows itself as `Ellipsis`.
    let ellipsis_repr = native(heap, rt, "ellipsis.__repr__", |heap, _, _, _| {
        heap.new_str("Ellipsis")
    })?;
    let ellipsis_class = heap.new_class_with("ellipsis", &[("__repr__", ellipsis_repr)])?;
    let ellipsis = heap.new_instance(ellipsis_class)?;
    bind(heap, builtins, "Ellipsis", ellipsis)?;
    drop_all(heap, vec![ellipsis_repr, ellipsis_class, ellipsis])?;

    let functions: &[(&str, Builtin)] = &[
        ("print", b_print),
        ("id", b_id),
        ("len", b_len),
        ("repr", b_repr),
        ("abs", b_abs),
        ("min", b_min),
        ("max", b_max),
        ("sum", b_sum),
        ("sorted", b_sorted),
        ("reversed", b_reversed),
        ("enumerate", b_enumerate),
        ("zip", b_zip),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("hasattr", b_hasattr),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("callable", b_callable),
        ("hash", b_hash),
        ("round", b_round),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("all", b_all),
        ("any", b_any),
        ("chr", b_chr),
        ("ord", b_ord),
        ("format", b_format),
        ("dir", b_dir),
        ("globals", b_globals),
    ];
    for &(name, f) in functions {
        let func = native(heap, rt, name, f)?;
        bind(heap, builtins, name, func)?;
        heap.decref(func)?;
    }
    Ok(())
}

fn bind(heap: &mut PyHeap, dict: ObjRef, name: &str, value: ObjRef) -> Result<()> {
    let key = heap.intern(name)?;
    let r = heap.dict_set(dict, key, value);
    heap.decref(key)?;
    r
}

/// A heap function running `f` with the runtime (a new reference).
pub fn native(
    heap: &mut PyHeap,
    rt: &Runtime,
    name: &str,
    f: impl Fn(&mut PyHeap, &Runtime, &[ObjRef], &[(&str, ObjRef)]) -> Result<ObjRef> + 'static,
) -> Result<ObjRef> {
    let rt = rt.rc();
    heap.new_function_kw(name, &[], move |heap, _captured, args, kwargs| {
        f(heap, &rt, args, kwargs)
    })
}

/// Calls the built-in type `class` (`int("5")`, `list(x)`, `object()`), or `None` if
/// `class` is not a built-in type object. The evaluator calls this when a class is called.
pub fn call_type(
    heap: &mut PyHeap,
    rt: &Runtime,
    class: ObjRef,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<Option<ObjRef>> {
    let Some(kind) = rt.builtin_kind(class) else {
        return Ok(None);
    };
    let f: Builtin = match kind {
        Kind::Int => b_int,
        Kind::Bool => b_bool,
        Kind::Str => b_str,
        Kind::Float => b_float,
        Kind::Tuple => b_tuple,
        Kind::List => b_list,
        Kind::Dict => b_dict,
        Kind::Set => b_set,
        Kind::Range => b_range,
        Kind::Class => b_type,
        Kind::Instance => b_object,
        _ => {
            return raise(
                "TypeError",
                format!("cannot create '{}' instances", kind.builtin_name()),
            );
        }
    };
    f(heap, rt, args, kwargs).map(Some)
}

/// Raises `type_name` with `args` (borrowed) as the exception object's `args`: the object
/// goes to `rt.raising` (replacing one left there), the `Err` carries `message`.
pub fn raise_with_args<T>(
    heap: &mut PyHeap,
    rt: &Runtime,
    type_name: &str,
    args: &[ObjRef],
    message: &str,
) -> Result<T> {
    if let Some(class) = rt.exception_class(type_name) {
        let inst = heap.new_instance(class)?;
        let tuple = heap.new_tuple(args)?;
        heap.set_attr(inst, "args", tuple)?;
        heap.decref(tuple)?;
        if let Some(old) = rt.raising.replace(Some(inst)) {
            heap.decref(old)?;
        }
    }
    Err(Error::raise(type_name, message))
}

/// The stream a `print(file=...)` writes to: `sys.stdout`/`sys.stderr` are instances of a
/// class named `TextIOWrapper` whose `name` is `"<stdout>"`/`"<stderr>"`.
pub fn stream_of(heap: &PyHeap, rt: &Runtime, file: ObjRef) -> Option<Stream> {
    let _ = rt;
    let Ok(Object::Instance(inst)) = heap.get(file) else {
        return None;
    };
    match heap.get(inst.class()) {
        Ok(Object::Class(c)) if c.name() == "TextIOWrapper" => {}
        _ => return None,
    }
    let name = heap.get_attr(file, "name").ok()?;
    match heap.as_str(name).ok()? {
        "<stdout>" => Some(Stream::Stdout),
        "<stderr>" => Some(Stream::Stderr),
        _ => None,
    }
}

/// The base of a class, if it has one.
pub fn base_of(heap: &PyHeap, class: ObjRef) -> Option<ObjRef> {
    match heap.get(class) {
        Ok(Object::Class(c)) => c.base(),
        _ => None,
    }
}

/// The class and its bases, nearest first (single inheritance: this is the MRO).
pub fn bases(heap: &PyHeap, class: ObjRef) -> Vec<ObjRef> {
    let mut out = vec![class];
    let mut c = class;
    while let Some(b) = base_of(heap, c) {
        if out.contains(&b) {
            break;
        }
        out.push(b);
        c = b;
    }
    out
}

/// Whether `class` is `cls` or derives from it (everything derives from `object`).
pub fn is_subclass(heap: &PyHeap, rt: &Runtime, class: ObjRef, cls: ObjRef) -> bool {
    rt.type_object(Kind::Instance) == Some(cls) || bases(heap, class).contains(&cls)
}

/// `isinstance(obj, cls)` for one class.
pub fn is_instance(heap: &PyHeap, rt: &Runtime, obj: ObjRef, cls: ObjRef) -> bool {
    is_subclass(heap, rt, ops::type_of(heap, rt, obj), cls)
}

// ------------------------------------------------------------------- arguments

pub(crate) fn kwarg(kwargs: &[(&str, ObjRef)], name: &str) -> Option<ObjRef> {
    kwargs.iter().find(|(k, _)| *k == name).map(|&(_, v)| v)
}

pub(crate) fn only_kwargs(fname: &str, kwargs: &[(&str, ObjRef)], allowed: &[&str]) -> Result<()> {
    for (k, _) in kwargs {
        if !allowed.contains(k) {
            if allowed.is_empty() {
                return raise("TypeError", format!("{fname}() takes no keyword arguments"));
            }
            return raise(
                "TypeError",
                format!("'{k}' is an invalid keyword argument for {fname}()"),
            );
        }
    }
    Ok(())
}

/// Checks the number of positional arguments, with CPython's messages.
pub(crate) fn arity(fname: &str, args: &[ObjRef], min: usize, max: usize) -> Result<()> {
    let n = args.len();
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if min == 1 && max == 1 {
        return raise(
            "TypeError",
            format!("{fname}() takes exactly one argument ({n} given)"),
        );
    }
    if min == max {
        return raise(
            "TypeError",
            format!("{fname} expected {min} {}, got {n}", plural(min)),
        );
    }
    if n < min {
        raise(
            "TypeError",
            format!("{fname} expected at least {min} {}, got {n}", plural(min)),
        )
    } else {
        raise(
            "TypeError",
            format!("{fname} expected at most {max} {}, got {n}", plural(max)),
        )
    }
}

fn one_arg(fname: &str, args: &[ObjRef], kwargs: &[(&str, ObjRef)]) -> Result<ObjRef> {
    only_kwargs(fname, kwargs, &[])?;
    arity(fname, args, 1, 1)?;
    Ok(args[0])
}

pub(crate) fn is_none(heap: &PyHeap, obj: ObjRef) -> bool {
    matches!(heap.get(obj), Ok(Object::None))
}

pub(crate) fn int_arg(heap: &PyHeap, obj: ObjRef) -> Result<i64> {
    match as_index(heap, obj) {
        Some(i) => Ok(i),
        None => raise(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(heap, obj)
            ),
        ),
    }
}

// ---------------------------------------------------------- exception methods

fn exc_init(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    if !kwargs.is_empty() {
        let name = type_name(heap, args[0]);
        return raise("TypeError", format!("{name}() takes no keyword arguments"));
    }
    let tuple = heap.new_tuple(&args[1..])?;
    let r = heap.set_attr(args[0], "args", tuple);
    heap.decref(tuple)?;
    r?;
    heap.none()
}

fn exc_args(heap: &PyHeap, exc: ObjRef) -> Vec<ObjRef> {
    heap.get_attr(exc, "args")
        .ok()
        .map(|t| ops::seq_items(heap, t).unwrap_or_default())
        .unwrap_or_default()
}

fn exc_str(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    _: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let items = exc_args(heap, args[0]);
    let s = match items.len() {
        0 => String::new(),
        1 => ops::str_of(heap, rt, items[0])?,
        _ => {
            let t = heap.get_attr(args[0], "args")?;
            ops::repr(heap, rt, t)?
        }
    };
    heap.new_str(&s)
}

fn key_error_str(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let items = exc_args(heap, args[0]);
    if items.len() == 1 {
        let s = ops::repr(heap, rt, items[0])?;
        return heap.new_str(&s);
    }
    exc_str(heap, rt, args, kwargs)
}

fn exc_repr(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    _: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let items = exc_args(heap, args[0]);
    let name = type_name(heap, args[0]);
    let mut parts = Vec::new();
    for i in items {
        parts.push(ops::repr(heap, rt, i)?);
    }
    let s = format!("{name}({})", parts.join(", "));
    heap.new_str(&s)
}

// ---------------------------------------------------------------- functions

fn b_print(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("print", kwargs, &["sep", "end", "file", "flush"])?;
    let text_arg = |heap: &mut PyHeap, name: &str, default: &str| -> Result<String> {
        match kwarg(kwargs, name) {
            None => Ok(default.to_string()),
            Some(v) if is_none(heap, v) => Ok(default.to_string()),
            Some(v) => match heap.get(v)? {
                Object::Str(s) => Ok(s.to_string()),
                _ => raise(
                    "TypeError",
                    format!(
                        "{name} must be None or a string, not {}",
                        type_name(heap, v)
                    ),
                ),
            },
        }
    };
    let sep = text_arg(heap, "sep", " ")?;
    let end = text_arg(heap, "end", "\n")?;
    let mut text = String::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&ops::str_of(heap, rt, a)?);
    }
    text.push_str(&end);
    match kwarg(kwargs, "file") {
        Some(f) if !is_none(heap, f) => match stream_of(heap, rt, f) {
            Some(stream) => rt.write(stream, &text),
            None => {
                // Any object with a `write` method (a StringIO-like replacement).
                let write = eval::getattr(heap, rt, f, "write")?;
                let s = heap.new_str(&text)?;
                let r = eval::call(heap, rt, write, &[s], &[]);
                drop_all(heap, vec![s, write])?;
                heap.decref(r?)?;
            }
        },
        _ => rt.write(Stream::Stdout, &text),
    }
    heap.none()
}

fn b_id(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let obj = one_arg("id", args, kwargs)?;
    let id = heap.id(obj)?;
    heap.new_int(id as i64)
}

fn b_len(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let obj = one_arg("len", args, kwargs)?;
    let n = ops::len(heap, rt, obj)?;
    heap.new_int(n as i64)
}

fn b_range(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("range", kwargs, &[])?;
    arity("range", args, 1, 3)?;
    let mut v = Vec::new();
    for &a in args {
        v.push(int_arg(heap, a)?);
    }
    let (start, stop, step) = match v[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        _ => (v[0], v[1], v[2]),
    };
    if step == 0 {
        return raise("ValueError", "range() arg 3 must not be zero");
    }
    heap.new_range(start, stop, step)
}

fn b_repr(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let obj = one_arg("repr", args, kwargs)?;
    let s = ops::repr(heap, rt, obj)?;
    heap.new_str(&s)
}

fn b_str(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("str", kwargs, &["object"])?;
    let obj = args.first().copied().or(kwarg(kwargs, "object"));
    let Some(obj) = obj else {
        return heap.new_str("");
    };
    if heap.kind(obj)? == Kind::Str {
        return new_ref(heap, obj);
    }
    let s = ops::str_of(heap, rt, obj)?;
    heap.new_str(&s)
}

/// `int(text, base)`'s parse: whitespace around, a sign, underscores between digits, and
/// for base 0 a `0x`/`0o`/`0b` prefix. `None` when the text is not an int.
pub fn parse_int(text: &str, base: u32) -> Option<i128> {
    let t = text.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 => {
            if let Some(d) = lower.strip_prefix("0x") {
                (16, d.to_string())
            } else if let Some(d) = lower.strip_prefix("0o") {
                (8, d.to_string())
            } else if let Some(d) = lower.strip_prefix("0b") {
                (2, d.to_string())
            } else {
                if lower.len() > 1
                    && lower.starts_with('0')
                    && lower.chars().any(|c| c != '0' && c != '_')
                {
                    return None;
                }
                (10, lower.clone())
            }
        }
        16 => (16, lower.strip_prefix("0x").unwrap_or(&lower).to_string()),
        8 => (8, lower.strip_prefix("0o").unwrap_or(&lower).to_string()),
        2 => (2, lower.strip_prefix("0b").unwrap_or(&lower).to_string()),
        b => (b, lower.clone()),
    };
    let digits = digits.strip_prefix('_').unwrap_or(&digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let mut v: i128 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(base)? as i128;
        v = v.checked_mul(base as i128)?.checked_add(d)?;
    }
    Some(if neg { -v } else { v })
}

fn b_int(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("int", kwargs, &["base"])?;
    arity("int", args, 0, 2)?;
    let base = args.get(1).copied().or(kwarg(kwargs, "base"));
    let Some(&x) = args.first() else {
        return heap.new_int(0);
    };
    if let Some(b) = base {
        let b = int_arg(heap, b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return raise("ValueError", "int() base must be >= 2 and <= 36, or 0");
        }
        let Object::Str(s) = heap.get(x)? else {
            return raise(
                "TypeError",
                "int() can't convert non-string with explicit base",
            );
        };
        let s = s.to_string();
        return int_from_str(heap, rt, &s, x, b as u32);
    }
    match heap.get(x)? {
        Object::Int(_) => new_ref(heap, x),
        Object::Bool(b) => {
            let b = *b as i64;
            heap.new_int(b)
        }
        Object::Float(f) => {
            let f = *f;
            if f.is_nan() {
                return raise("ValueError", "cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return raise("OverflowError", "cannot convert float infinity to integer");
            }
            let t = f.trunc();
            if t.abs() >= i64::MAX as f64 {
                return ops::overflow();
            }
            heap.new_int(t as i64)
        }
        Object::Str(s) => {
            let s = s.to_string();
            int_from_str(heap, rt, &s, x, 10)
        }
        Object::Instance(_) => {
            for name in ["__int__", "__index__"] {
                if let Some(f) = ops::dunder(heap, x, name) {
                    let r = eval::call(heap, rt, f, &[x], &[])?;
                    if as_index(heap, r).is_none() {
                        let t = type_name(heap, r);
                        heap.decref(r)?;
                        return raise("TypeError", format!("{name} returned non-int (type {t})"));
                    }
                    return Ok(r);
                }
            }
            int_type_error(heap, x)
        }
        _ => int_type_error(heap, x),
    }
}

fn int_type_error(heap: &PyHeap, x: ObjRef) -> Result<ObjRef> {
    raise(
        "TypeError",
        format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(heap, x)
        ),
    )
}

fn int_from_str(heap: &mut PyHeap, rt: &Runtime, s: &str, x: ObjRef, base: u32) -> Result<ObjRef> {
    match parse_int(s, base) {
        Some(v) if v >= i64::MIN as i128 && v <= i64::MAX as i128 => heap.new_int(v as i64),
        Some(_) => ops::overflow(),
        None => {
            let r = ops::repr(heap, rt, x)?;
            raise(
                "ValueError",
                format!("invalid literal for int() with base {base}: {r}"),
            )
        }
    }
}

/// `float(text)`'s parse (`inf`, `nan`, underscores between digits).
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        let v = if body == "nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Some(if lower.starts_with('-') { -v } else { v });
    }
    if t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let bytes = t.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_'
            && !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            return None;
        }
    }
    let cleaned: String = t.chars().filter(|&c| c != '_').collect();
    if cleaned.is_empty()
        || cleaned
            .chars()
            .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    cleaned.parse().ok()
}

fn b_float(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("float", kwargs, &[])?;
    arity("float", args, 0, 1)?;
    let Some(&x) = args.first() else {
        return heap.new_float(0.0);
    };
    match heap.get(x)? {
        Object::Float(_) => new_ref(heap, x),
        Object::Int(_) | Object::Bool(_) => {
            let f = ops::as_f64(heap, x).expect("a number");
            heap.new_float(f)
        }
        Object::Str(s) => match parse_float(s) {
            Some(f) => heap.new_float(f),
            None => {
                let r = ops::repr(heap, rt, x)?;
                raise(
                    "ValueError",
                    format!("could not convert string to float: {r}"),
                )
            }
        },
        Object::Instance(_) if ops::dunder(heap, x, "__float__").is_some() => {
            let f = ops::dunder(heap, x, "__float__").expect("checked");
            eval::call(heap, rt, f, &[x], &[])
        }
        _ => raise(
            "TypeError",
            format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(heap, x)
            ),
        ),
    }
}

fn b_bool(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("bool", kwargs, &[])?;
    arity("bool", args, 0, 1)?;
    let t = match args.first() {
        Some(&x) => ops::truthy(heap, rt, x)?,
        None => false,
    };
    heap.new_bool(t)
}

fn b_abs(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let x = one_arg("abs", args, kwargs)?;
    match heap.get(x)? {
        Object::Int(i) => match i.checked_abs() {
            Some(v) => heap.new_int(v),
            None => ops::overflow(),
        },
        Object::Bool(b) => {
            let b = *b as i64;
            heap.new_int(b)
        }
        Object::Float(f) => {
            let f = f.abs();
            heap.new_float(f)
        }
        Object::Instance(_) if ops::dunder(heap, x, "__abs__").is_some() => {
            let f = ops::dunder(heap, x, "__abs__").expect("checked");
            eval::call(heap, rt, f, &[x], &[])
        }
        _ => raise(
            "TypeError",
            format!("bad operand type for abs(): '{}'", type_name(heap, x)),
        ),
    }
}

fn min_max(
    heap: &mut PyHeap,
    rt: &Runtime,
    name: &str,
    op: CmpOp,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs(name, kwargs, &["key", "default"])?;
    if args.is_empty() {
        return raise(
            "TypeError",
            format!("{name} expected at least 1 argument, got 0"),
        );
    }
    let key = kwarg(kwargs, "key").filter(|&k| !is_none(heap, k));
    let default = kwarg(kwargs, "default");
    let items = if args.len() == 1 {
        ops::iterate(heap, rt, args[0])?
    } else {
        if default.is_some() {
            return raise(
                "TypeError",
                format!("Cannot specify a default for {name}() with multiple positional arguments"),
            );
        }
        for &a in args {
            heap.incref(a)?;
        }
        args.to_vec()
    };
    let result = (|| {
        if items.is_empty() {
            return match default {
                Some(d) => new_ref(heap, d),
                None => raise("ValueError", format!("{name}() arg is an empty sequence")),
            };
        }
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => eval::call(heap, rt, k, &[best], &[])?,
            None => new_ref(heap, best)?,
        };
        for &item in &items[1..] {
            let k = match key {
                Some(k) => match eval::call(heap, rt, k, &[item], &[]) {
                    Ok(v) => v,
                    Err(e) => {
                        heap.decref(best_key)?;
                        return Err(e);
                    }
                },
                None => new_ref(heap, item)?,
            };
            match ops::compare(heap, rt, op, k, best_key) {
                Ok(true) => {
                    heap.decref(best_key)?;
                    best_key = k;
                    best = item;
                }
                Ok(false) => heap.decref(k)?,
                Err(e) => {
                    drop_all(heap, vec![k, best_key])?;
                    return Err(e);
                }
            }
        }
        heap.decref(best_key)?;
        new_ref(heap, best)
    })();
    drop_all(heap, items)?;
    result
}

fn b_min(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    min_max(heap, rt, "min", CmpOp::Lt, args, kwargs)
}

fn b_max(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    min_max(heap, rt, "max", CmpOp::Gt, args, kwargs)
}

fn b_sum(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("sum", kwargs, &["start"])?;
    arity("sum", args, 1, 2)?;
    let start = args.get(1).copied().or(kwarg(kwargs, "start"));
    if let Some(s) = start
        && heap.kind(s)? == Kind::Str
    {
        return raise(
            "TypeError",
            "sum() can't sum strings [use ''.join(seq) instead]",
        );
    }
    let items = ops::iterate(heap, rt, args[0])?;
    let mut acc = match start {
        Some(s) => new_ref(heap, s)?,
        None => heap.new_int(0)?,
    };
    let mut result = Ok(());
    for &i in &items {
        match ops::binary(heap, rt, BinOp::Add, acc, i) {
            Ok(v) => {
                heap.decref(acc)?;
                acc = v;
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    drop_all(heap, items)?;
    if let Err(e) = result {
        heap.decref(acc)?;
        return Err(e);
    }
    Ok(acc)
}

fn b_sorted(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("sorted", kwargs, &["key", "reverse"])?;
    if args.len() != 1 {
        return raise(
            "TypeError",
            format!("sorted expected 1 argument, got {}", args.len()),
        );
    }
    let items = ops::iterate(heap, rt, args[0])?;
    let list = heap.new_list(&items);
    drop_all(heap, items)?;
    let list = list?;
    if let Err(e) = crate::methods::list_sort(heap, rt, list, kwargs) {
        heap.decref(list)?;
        return Err(e);
    }
    Ok(list)
}

/// `reversed(seq)`: a list (CPython gives an iterator).
fn b_reversed(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let seq = one_arg("reversed", args, kwargs)?;
    if heap.kind(seq)? == Kind::Set {
        return raise(
            "TypeError",
            format!("'{}' object is not reversible", type_name(heap, seq)),
        );
    }
    let mut items = ops::iterate(heap, rt, seq)?;
    items.reverse();
    let list = heap.new_list(&items);
    drop_all(heap, items)?;
    list
}

/// `enumerate(iterable, start)`: a list of tuples (CPython gives an iterator).
fn b_enumerate(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("enumerate", kwargs, &["start", "iterable"])?;
    let iterable = args.first().copied().or(kwarg(kwargs, "iterable"));
    let Some(iterable) = iterable else {
        return raise(
            "TypeError",
            "enumerate() missing required argument 'iterable' (pos 1)",
        );
    };
    let start = match args.get(1).copied().or(kwarg(kwargs, "start")) {
        Some(s) => int_arg(heap, s)?,
        None => 0,
    };
    let items = ops::iterate(heap, rt, iterable)?;
    let mut pairs = Vec::with_capacity(items.len());
    for (n, &i) in items.iter().enumerate() {
        let k = heap.new_int(start + n as i64)?;
        let t = heap.new_tuple(&[k, i])?;
        heap.decref(k)?;
        pairs.push(t);
    }
    drop_all(heap, items)?;
    let list = heap.new_list(&pairs);
    drop_all(heap, pairs)?;
    list
}

/// `zip(*iterables)`: a list of tuples (CPython gives an iterator).
fn b_zip(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("zip", kwargs, &["strict"])?;
    let mut columns = Vec::new();
    for &a in args {
        match ops::iterate(heap, rt, a) {
            Ok(v) => columns.push(v),
            Err(e) => {
                for c in columns {
                    drop_all(heap, c)?;
                }
                return Err(e);
            }
        }
    }
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    let mut rows = Vec::with_capacity(n);
    for k in 0..n {
        let row: Vec<ObjRef> = columns.iter().map(|c| c[k]).collect();
        rows.push(heap.new_tuple(&row)?);
    }
    for c in columns {
        drop_all(heap, c)?;
    }
    let list = heap.new_list(&rows);
    drop_all(heap, rows)?;
    list
}

fn b_list(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("list", kwargs, &[])?;
    arity("list", args, 0, 1)?;
    let items = match args.first() {
        Some(&x) => ops::iterate(heap, rt, x)?,
        None => Vec::new(),
    };
    let list = heap.new_list(&items);
    drop_all(heap, items)?;
    list
}

fn b_tuple(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("tuple", kwargs, &[])?;
    arity("tuple", args, 0, 1)?;
    if let Some(&x) = args.first()
        && heap.kind(x)? == Kind::Tuple
    {
        return new_ref(heap, x);
    }
    let items = match args.first() {
        Some(&x) => ops::iterate(heap, rt, x)?,
        None => Vec::new(),
    };
    let t = heap.new_tuple(&items);
    drop_all(heap, items)?;
    t
}

fn b_set(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("set", kwargs, &[])?;
    arity("set", args, 0, 1)?;
    let items = match args.first() {
        Some(&x) => ops::iterate(heap, rt, x)?,
        None => Vec::new(),
    };
    let mut check = Ok(());
    for &i in &items {
        if let Err(e) = ops::hash_check(heap, rt, i) {
            check = Err(e);
            break;
        }
    }
    let s = check.and_then(|_| heap.new_set(&items));
    drop_all(heap, items)?;
    s
}

/// Adds `source` (a dict, or an iterable of pairs) to `dict`: `dict(x)`, `d.update(x)`.
pub fn dict_merge(heap: &mut PyHeap, rt: &Runtime, dict: ObjRef, source: ObjRef) -> Result<()> {
    if heap.kind(source)? == Kind::Dict {
        for (k, v) in ops::dict_entries(heap, source)? {
            heap.dict_set(dict, k, v)?;
        }
        return Ok(());
    }
    let pairs = ops::iterate(heap, rt, source)?;
    let mut result = Ok(());
    for (n, &p) in pairs.iter().enumerate() {
        let kv = match ops::iterate(heap, rt, p) {
            Ok(kv) => kv,
            Err(_) => {
                result = raise(
                    "TypeError",
                    format!("cannot convert dictionary update sequence element #{n} to a sequence"),
                );
                break;
            }
        };
        if kv.len() != 2 {
            result = raise(
                "ValueError",
                format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    kv.len()
                ),
            );
            drop_all(heap, kv)?;
            break;
        }
        let r = ops::hash_check(heap, rt, kv[0]).and_then(|_| heap.dict_set(dict, kv[0], kv[1]));
        drop_all(heap, kv)?;
        if let Err(e) = r {
            result = Err(e);
            break;
        }
    }
    drop_all(heap, pairs)?;
    result
}

fn b_dict(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    arity("dict", args, 0, 1)?;
    let d = heap.new_dict()?;
    let r = (|| {
        if let Some(&src) = args.first() {
            dict_merge(heap, rt, d, src)?;
        }
        for &(k, v) in kwargs {
            let key = heap.new_str(k)?;
            let r = heap.dict_set(d, key, v);
            heap.decref(key)?;
            r?;
        }
        Ok(())
    })();
    match r {
        Ok(()) => Ok(d),
        Err(e) => {
            heap.decref(d)?;
            Err(e)
        }
    }
}

fn b_type(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("type", kwargs, &[])?;
    if args.len() != 1 {
        return raise(
            "TypeError",
            "type() takes 1 argument (pyrun has no 3-argument type())",
        );
    }
    let t = ops::type_of(heap, rt, args[0]);
    new_ref(heap, t)
}

fn b_object(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    if !args.is_empty() || !kwargs.is_empty() {
        return raise("TypeError", "object() takes no arguments");
    }
    let class = rt.type_object(Kind::Instance).expect("installed");
    heap.new_instance(class)
}

fn class_tuple(heap: &PyHeap, fname: &str, cls: ObjRef) -> Result<Vec<ObjRef>> {
    match heap.get(cls)? {
        Object::Class(_) => Ok(vec![cls]),
        Object::Tuple(items) => {
            let items = items.to_vec();
            let mut out = Vec::new();
            for i in items {
                out.extend(class_tuple(heap, fname, i)?);
            }
            Ok(out)
        }
        _ => raise(
            "TypeError",
            format!("{fname}() arg 2 must be a type, a tuple of types, or a union"),
        ),
    }
}

fn b_isinstance(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("isinstance", kwargs, &[])?;
    arity("isinstance", args, 2, 2)?;
    let classes = class_tuple(heap, "isinstance", args[1])?;
    let t = classes.iter().any(|&c| is_instance(heap, rt, args[0], c));
    heap.new_bool(t)
}

fn b_issubclass(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("issubclass", kwargs, &[])?;
    arity("issubclass", args, 2, 2)?;
    if heap.kind(args[0])? != Kind::Class {
        return raise("TypeError", "issubclass() arg 1 must be a class");
    }
    let classes = class_tuple(heap, "issubclass", args[1])?;
    let t = classes.iter().any(|&c| is_subclass(heap, rt, args[0], c));
    heap.new_bool(t)
}

fn attr_name<'h>(heap: &'h PyHeap, fname: &str, obj: ObjRef) -> Result<&'h str> {
    match heap.get(obj)? {
        Object::Str(s) => Ok(s),
        _ => raise(
            "TypeError",
            format!(
                "{fname}(): attribute name must be string, not '{}'",
                type_name(heap, obj)
            ),
        ),
    }
}

/// Forgets the exception object a failed lookup left in `rt.raising`.
fn forget_raising(heap: &mut PyHeap, rt: &Runtime) -> Result<()> {
    if let Some(exc) = rt.raising.take() {
        heap.decref(exc)?;
    }
    Ok(())
}

fn b_getattr(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("getattr", kwargs, &[])?;
    arity("getattr", args, 2, 3)?;
    let name = attr_name(heap, "getattr", args[1])?.to_string();
    match eval::getattr(heap, rt, args[0], &name) {
        Err(e) if args.len() == 3 && e.exception_type() == Some("AttributeError") => {
            forget_raising(heap, rt)?;
            new_ref(heap, args[2])
        }
        other => other,
    }
}

fn b_hasattr(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("hasattr", kwargs, &[])?;
    arity("hasattr", args, 2, 2)?;
    let name = attr_name(heap, "hasattr", args[1])?.to_string();
    match eval::getattr(heap, rt, args[0], &name) {
        Ok(v) => {
            heap.decref(v)?;
            heap.new_bool(true)
        }
        Err(e) if e.exception_type() == Some("AttributeError") => {
            forget_raising(heap, rt)?;
            heap.new_bool(false)
        }
        Err(e) => Err(e),
    }
}

fn b_setattr(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("setattr", kwargs, &[])?;
    arity("setattr", args, 3, 3)?;
    let name = attr_name(heap, "setattr", args[1])?.to_string();
    match heap.kind(args[0])? {
        Kind::Instance => heap.set_attr(args[0], &name, args[2])?,
        Kind::Class => heap.set_class_attr(args[0], &name, args[2])?,
        _ => {
            return raise(
                "AttributeError",
                format!(
                    "'{}' object has no attribute '{name}'",
                    type_name(heap, args[0])
                ),
            );
        }
    }
    heap.none()
}

fn b_delattr(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("delattr", kwargs, &[])?;
    arity("delattr", args, 2, 2)?;
    let name = attr_name(heap, "delattr", args[1])?.to_string();
    let missing = |heap: &PyHeap| {
        let obj = args[0];
        let msg = match heap.kind(obj) {
            Ok(Kind::Instance) => format!(
                "'{}' object has no attribute '{name}'",
                type_name(heap, obj)
            ),
            _ => format!(
                "'{}' object has no attribute '{name}'",
                type_name(heap, obj)
            ),
        };
        raise("AttributeError", msg)
    };
    match heap.kind(args[0])? {
        Kind::Instance => {
            if heap.get_attr(args[0], &name).is_err() {
                return missing(heap);
            }
            heap.del_attr(args[0], &name)?;
        }
        _ => return missing(heap),
    }
    heap.none()
}

/// `callable(obj)`.
pub fn is_callable(heap: &PyHeap, obj: ObjRef) -> bool {
    match heap.get(obj) {
        Ok(Object::Function(_) | Object::Method { .. } | Object::Class(_) | Object::WeakRef(_)) => {
            true
        }
        Ok(Object::Instance(_)) => ops::dunder(heap, obj, "__call__").is_some(),
        _ => false,
    }
}

fn b_callable(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let obj = one_arg("callable", args, kwargs)?;
    let t = is_callable(heap, obj);
    heap.new_bool(t)
}

const HASH_MODULUS: u64 = (1 << 61) - 1;

fn hash_int(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// CPython's `_Py_HashDouble` (for a finite or infinite float).
fn hash_float(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return 0;
    }
    if v.fract() == 0.0 && v.abs() < 9.2e18 {
        return hash_int(v as i64);
    }
    // frexp
    let (mut m, mut e) = frexp(v.abs());
    let sign: i64 = if v < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 60 - ((-1 - e) % 61) };
    let x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 { -2 } else { h }
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// `hash(obj)`: CPython's values for ints, floats, bools and tuples; strs get a stable
/// hash of our own (CPython randomizes them, so programs never print them); other objects
/// hash by identity; instances use `__hash__`.
pub fn hash(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<i64> {
    ops::hash_check(heap, rt, obj)?;
    Ok(match heap.get(obj)? {
        Object::Int(i) => hash_int(*i),
        Object::Bool(b) => *b as i64,
        Object::Float(f) => hash_float(*f),
        Object::Str(s) => {
            let mut h: u64 = 0xcbf29ce484222325;
            for b in s.bytes() {
                h = (h ^ b as u64).wrapping_mul(0x100000001b3);
            }
            let h = (h >> 1) as i64;
            if h == -1 { -2 } else { h }
        }
        Object::Tuple(items) => {
            let items = items.to_vec();
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc = P5;
            for &i in &items {
                let lane = hash(heap, rt, i)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc as i64
            }
        }
        Object::Instance(_) if ops::dunder(heap, obj, "__hash__").is_some() => {
            let f = ops::dunder(heap, obj, "__hash__").expect("checked");
            let r = eval::call(heap, rt, f, &[obj], &[])?;
            let v = as_index(heap, r);
            heap.decref(r)?;
            match v {
                Some(v) => hash_int(v),
                None => return raise("TypeError", "__hash__ method should return an integer"),
            }
        }
        _ => {
            let id = heap.id(obj)?;
            (id.rotate_right(4)) as i64
        }
    })
}

fn b_hash(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let obj = one_arg("hash", args, kwargs)?;
    let h = hash(heap, rt, obj)?;
    heap.new_int(h)
}

/// `round(x, ndigits)` of a float: correctly rounded through its decimal expansion, ties
/// to even, as CPython's `double_round` does.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if ndigits >= 0 {
        if ndigits > 22 {
            return x;
        }
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-ndigits).min(308) as i32);
        let y = x / p;
        let r = y.round_ties_even();
        r * p
    }
}

fn b_round(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("round", kwargs, &["number", "ndigits"])?;
    arity("round", args, 0, 2)?;
    let Some(x) = args.first().copied().or(kwarg(kwargs, "number")) else {
        return raise(
            "TypeError",
            "round() missing required argument 'number' (pos 1)",
        );
    };
    let nd = args
        .get(1)
        .copied()
        .or(kwarg(kwargs, "ndigits"))
        .filter(|&n| !is_none(heap, n));
    let nd = match nd {
        Some(n) => Some(int_arg(heap, n)?),
        None => None,
    };
    match heap.get(x)? {
        Object::Float(f) => {
            let f = *f;
            match nd {
                None => {
                    if f.is_nan() {
                        return raise("ValueError", "cannot convert float NaN to integer");
                    }
                    if f.is_infinite() {
                        return raise("OverflowError", "cannot convert float infinity to integer");
                    }
                    let r = f.round_ties_even();
                    if r.abs() >= i64::MAX as f64 {
                        return ops::overflow();
                    }
                    heap.new_int(r as i64)
                }
                Some(n) => heap.new_float(round_float(f, n)),
            }
        }
        Object::Int(_) | Object::Bool(_) => {
            let i = as_index(heap, x).expect("an int");
            match nd {
                Some(n) if n < 0 => {
                    if n < -18 {
                        return heap.new_int(0);
                    }
                    let p = 10i64.pow((-n) as u32);
                    let (q, r) = ops::int_divmod(i, p)?;
                    // Ties to even.
                    let twice = r as i128 * 2;
                    let q = if twice > p as i128 || (twice == p as i128 && q % 2 != 0) {
                        q + 1
                    } else {
                        q
                    };
                    match q.checked_mul(p) {
                        Some(v) => heap.new_int(v),
                        None => ops::overflow(),
                    }
                }
                _ => heap.new_int(i),
            }
        }
        Object::Instance(_) if ops::dunder(heap, x, "__round__").is_some() => {
            let f = ops::dunder(heap, x, "__round__").expect("checked");
            let extra: Vec<ObjRef> = args.iter().skip(1).copied().collect();
            let mut call_args = vec![x];
            call_args.extend(extra);
            eval::call(heap, rt, f, &call_args, &[])
        }
        _ => raise(
            "TypeError",
            format!(
                "type {} doesn't define __round__ method",
                type_name(heap, x)
            ),
        ),
    }
}

fn b_divmod(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("divmod", kwargs, &[])?;
    arity("divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if let (Some(x), Some(y)) = (as_index(heap, a), as_index(heap, b)) {
        if y == 0 {
            return raise("ZeroDivisionError", "integer division or modulo by zero");
        }
        let (q, r) = ops::int_divmod(x, y)?;
        let (q, r) = (heap.new_int(q)?, heap.new_int(r)?);
        let t = heap.new_tuple(&[q, r]);
        drop_all(heap, vec![q, r])?;
        return t;
    }
    if let (Some(x), Some(y)) = (ops::as_f64(heap, a), ops::as_f64(heap, b)) {
        if y == 0.0 {
            return raise("ZeroDivisionError", "float divmod()");
        }
        let (q, r) = ops::float_divmod(x, y);
        let (q, r) = (heap.new_float(q)?, heap.new_float(r)?);
        let t = heap.new_tuple(&[q, r]);
        drop_all(heap, vec![q, r])?;
        return t;
    }
    if let Some(f) = ops::dunder(heap, a, "__divmod__") {
        return eval::call(heap, rt, f, &[a, b], &[]);
    }
    raise(
        "TypeError",
        format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_name(heap, a),
            type_name(heap, b)
        ),
    )
}

fn b_pow(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("pow", kwargs, &["base", "exp", "mod"])?;
    arity("pow", args, 2, 3)?;
    let m = args.get(2).copied().filter(|&m| !is_none(heap, m));
    let Some(m) = m else {
        return ops::binary(heap, rt, BinOp::Pow, args[0], args[1]);
    };
    let (Some(b), Some(e), Some(m)) = (
        as_index(heap, args[0]),
        as_index(heap, args[1]),
        as_index(heap, m),
    ) else {
        return raise(
            "TypeError",
            "pow() 3rd argument not allowed unless all arguments are integers",
        );
    };
    if m == 0 {
        return raise("ValueError", "pow() 3rd argument cannot be 0");
    }
    let mm = m.unsigned_abs() as i128;
    let mut base = (b as i128).rem_euclid(mm);
    let mut e = e;
    if e < 0 {
        // The modular inverse, by the extended Euclidean algorithm.
        let (mut r0, mut r1, mut s0, mut s1) = (base, mm, 1i128, 0i128);
        while r1 != 0 {
            let q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (s0, s1) = (s1, s0 - q * s1);
        }
        if r0 != 1 {
            return raise("ValueError", "base is not invertible for the given modulus");
        }
        base = s0.rem_euclid(mm);
        e = -e;
    }
    let mut result: i128 = 1 % mm;
    while e > 0 {
        if e & 1 == 1 {
            result = result * base % mm;
        }
        base = base * base % mm;
        e >>= 1;
    }
    if m < 0 && result != 0 {
        result -= mm;
    }
    heap.new_int(result as i64)
}

fn all_any(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
    name: &str,
    want: bool,
) -> Result<ObjRef> {
    let obj = one_arg(name, args, kwargs)?;
    let items = ops::iterate(heap, rt, obj)?;
    let mut found = Ok(false);
    for &i in &items {
        match ops::truthy(heap, rt, i) {
            Ok(t) if t == want => {
                found = Ok(true);
                break;
            }
            Ok(_) => {}
            Err(e) => {
                found = Err(e);
                break;
            }
        }
    }
    drop_all(heap, items)?;
    let found = found?;
    // all: true unless a falsy item was found; any: true if a truthy one was.
    heap.new_bool(if want { found } else { !found })
}

fn b_all(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    all_any(heap, rt, args, kwargs, "all", false)
}

fn b_any(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    all_any(heap, rt, args, kwargs, "any", true)
}

fn b_chr(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let x = one_arg("chr", args, kwargs)?;
    let i = int_arg(heap, x)?;
    let c = u32::try_from(i).ok().filter(|&c| c < 0x110000);
    match c.map(char::from_u32) {
        Some(Some(c)) => heap.new_str(c.encode_utf8(&mut [0; 4])),
        Some(None) => raise("ValueError", "pyrun has no lone surrogates"),
        None => raise("ValueError", "chr() arg not in range(0x110000)"),
    }
}

fn b_ord(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let x = one_arg("ord", args, kwargs)?;
    let Object::Str(s) = heap.get(x)? else {
        return raise(
            "TypeError",
            format!(
                "ord() expected string of length 1, but {} found",
                type_name(heap, x)
            ),
        );
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => heap.new_int(c as i64),
        _ => {
            let n = s.chars().count();
            raise(
                "TypeError",
                format!("ord() expected a character, but string of length {n} found"),
            )
        }
    }
}

fn b_format(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("format", kwargs, &[])?;
    arity("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(&s) => match heap.get(s)? {
            Object::Str(s) => s.to_string(),
            _ => {
                return raise(
                    "TypeError",
                    format!(
                        "format() argument 2 must be str, not {}",
                        type_name(heap, s)
                    ),
                );
            }
        },
        None => String::new(),
    };
    let s = crate::format::format(heap, rt, args[0], &spec)?;
    heap.new_str(&s)
}

/// The attribute names `dir(obj)` lists: an instance's own, then its class chain's; a
/// class's chain; for other objects, their kind's methods. Sorted, without duplicates.
pub fn dir_names(heap: &PyHeap, rt: &Runtime, obj: ObjRef) -> Vec<String> {
    let mut names = Vec::new();
    let class_names = |c: ObjRef, names: &mut Vec<String>| {
        for b in bases(heap, c) {
            if let Ok(Object::Class(class)) = heap.get(b) {
                for &(k, _) in class.attrs() {
                    if let Ok(s) = heap.as_str(k) {
                        names.push(s.to_string());
                    }
                }
            }
        }
    };
    match heap.get(obj) {
        Ok(Object::Instance(inst)) => {
            match inst.attrs() {
                Attrs::Inline(values) => {
                    if let Ok(Object::Class(c)) = heap.get(inst.class()) {
                        for (i, &k) in c.keys().iter().enumerate() {
                            if values.get(i).copied().flatten().is_some()
                                && let Ok(s) = heap.as_str(k)
                            {
                                names.push(s.to_string());
                            }
                        }
                    }
                }
                Attrs::Dict(d) => {
                    for (k, _) in ops::dict_entries(heap, *d).unwrap_or_default() {
                        if let Ok(s) = heap.as_str(k) {
                            names.push(s.to_string());
                        }
                    }
                }
            }
            class_names(inst.class(), &mut names);
        }
        Ok(Object::Class(_)) => class_names(obj, &mut names),
        Ok(o) => {
            let kind = o.kind();
            names.extend(
                crate::methods::METHODS
                    .iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, n)| n.to_string()),
            );
        }
        Err(_) => {}
    }
    let _ = rt;
    names.sort();
    names.dedup();
    names
}

fn b_dir(
    heap: &mut PyHeap,
    rt: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("dir", kwargs, &[])?;
    arity("dir", args, 0, 1)?;
    let names = match args.first() {
        Some(&obj) => dir_names(heap, rt, obj),
        None => {
            let mut names: Vec<String> = ops::dict_entries(heap, heap.globals())?
                .into_iter()
                .filter_map(|(k, _)| heap.as_str(k).ok().map(str::to_string))
                .collect();
            names.sort();
            names
        }
    };
    let mut strs = Vec::with_capacity(names.len());
    for n in &names {
        strs.push(heap.new_str(n)?);
    }
    let list = heap.new_list(&strs);
    drop_all(heap, strs)?;
    list
}

fn b_globals(
    heap: &mut PyHeap,
    _: &Runtime,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    only_kwargs("globals", kwargs, &[])?;
    arity("globals", args, 0, 0)?;
    let g = heap.globals();
    new_ref(heap, g)
}
