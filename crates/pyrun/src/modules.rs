//! The modules a program can import: `gc`, `sys`, `weakref` and `_testcapi`, over stage 4's
//! Rust functions (`generations::gc`, `finalizers::weakref`, `finalizers::legacy`).
//!
//! A module is an instance of a heap class named `module`; its names are instance attributes
//! (`heap.set_attr`): native functions (made with `new_function_kw`, not bound to the module,
//! as CPython's built-in functions are not) and values. `import` keeps each module in
//! `Runtime::modules` (`sys.modules`), so importing twice gives the same object.
//!
//! What the evaluator has to do besides calling [`import`]:
//!
//! * Attribute reads: call [`special_attr`] first; it answers for `weakref.finalize` objects
//!   (`alive`, `atexit`), `WeakValueDictionary` objects (`get`, `keys`, `__getitem__`…) and
//!   weak references (`__callback__`), and returns `Ok(None)` for everything else.
//! * Calls: call [`special_call`] first; it calls weak references (`r()`). A finalize object
//!   is an instance whose class has a native `__call__`: `heap.call_kw` calls it, so
//!   `special_call` returns `Ok(None)` for it.
//! * `d[k]`, `d[k] = v`, `del d[k]`, `len(d)`, `k in d`, `for k in d` on a
//!   `WeakValueDictionary`: [`special_getitem`], [`special_setitem`], [`special_delitem`],
//!   [`special_len`], [`special_contains`], [`special_iter`].
//! * Unraisable exceptions: [`report_unraisable`] (see there).
//!
//! Where this differs from CPython, on purpose or for now:
//!
//! * `sys.getallocatedblocks()` is an estimate from the objects the program holds (see
//!   [`allocated_blocks`]): CPython's count includes the interpreter's own blocks, so
//!   differences between two calls are what compare.
//! * `weakref.finalize` objects: `peek()` and `detach()` give `{}` for the keyword
//!   arguments (they are bound into the function); `atexit` is set as an instance
//!   attribute (`f.atexit = False`), which `at_exit` and reading `f.atexit` respect.
//! * `gc` debug lines (`gc: uncollectable <…>`) go to the program's `sys.stderr` when the
//!   program replaced it and called `gc.collect()` itself; from an automatic collection they
//!   go to the real stderr.
//! * `weakref.ref` is a function, not a type (no `isinstance(r, weakref.ref)`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use finalizers::{legacy, weakref};
use generations::gc;
use refcount::{Error, Kind, ObjRef, Object, Result, Unraisable};

use crate::eval;
use crate::runtime::{PyHeap, Runtime, Stream, raise};

/// Keys of `Runtime::modules` for the classes the modules share. `'\0'` keeps them apart
/// from module names.
const MODULE_CLASS: &str = "\0class:module";
const TEXTIO_CLASS: &str = "\0class:TextIOWrapper";
const UNRAISABLE_CLASS: &str = "\0class:UnraisableHookArgs";
/// Stage 4's classes, recorded from the first object of each the program makes.
const FINALIZE_CLASS: &str = "\0class:finalize";
const WVD_CLASS: &str = "\0class:WeakValueDictionary";
/// `finalize._registry`, once found (see `finalize_registry`).
const FINALIZE_REGISTRY: &str = "\0dict:finalize._registry";
/// The function [`at_exit`] calls (`weakref.finalize._exitfunc`).
const ATEXIT_FN: &str = "\0fn:finalize._exitfunc";

type Kwargs<'a> = [(&'a str, ObjRef)];

/// The one optional argument `generation` of `gc.collect()` and `gc.get_objects()`, given by
/// position or by name (borrowed), checked with CPython's messages.
fn generation_arg(function: &str, args: &[ObjRef], kwargs: &Kwargs) -> Result<Option<ObjRef>> {
    if args.len() > 1 {
        return raise(
            "TypeError",
            format!(
                "{function}() takes at most 1 argument ({} given)",
                args.len()
            ),
        );
    }
    let mut generation = args.first().copied();
    for &(name, value) in kwargs {
        if name != "generation" {
            return raise(
                "TypeError",
                format!("'{name}' is an invalid keyword argument for {function}()"),
            );
        }
        if generation.is_some() {
            return raise(
                "TypeError",
                format!("argument for {function}() given by name ('generation') and position (1)"),
            );
        }
        generation = Some(value);
    }
    Ok(generation)
}

// ------------------------------------------------------------------------------- import

/// `import name`: a new reference to the module. Importing twice gives the same object.
/// An unknown name is `ModuleNotFoundError: No module named 'name'`.
pub fn import(heap: &mut PyHeap, rt: &Runtime, name: &str) -> Result<ObjRef> {
    let cached = rt.modules.borrow().get(name).copied();
    if let Some(module) = cached {
        heap.incref(module)?;
        return Ok(module);
    }
    let module = match name {
        "gc" => make_gc(heap, rt)?,
        "sys" => make_sys(heap, rt)?,
        "weakref" => make_weakref(heap, rt)?,
        "_testcapi" => make_testcapi(heap, rt)?,
        _ => return raise("ModuleNotFoundError", format!("No module named '{name}'")),
    };
    // `module` is new: that reference goes to the cache, the caller gets one more.
    rt.modules.borrow_mut().insert(name.to_string(), module);
    heap.incref(module)?;
    Ok(module)
}

/// A class the modules share, made once and held by `rt.modules` under `key`. Borrowed.
fn shared_class(heap: &mut PyHeap, rt: &Runtime, key: &str, name: &str) -> Result<ObjRef> {
    let cached = rt.modules.borrow().get(key).copied();
    if let Some(class) = cached {
        return Ok(class);
    }
    let class = heap.new_class(name)?;
    rt.modules.borrow_mut().insert(key.to_string(), class);
    Ok(class)
}

/// Records `obj`'s class under `key` (held by `rt.modules`), the first time.
fn record_class(heap: &mut PyHeap, rt: &Runtime, key: &str, obj: ObjRef) -> Result<()> {
    if rt.modules.borrow().contains_key(key) {
        return Ok(());
    }
    if let Object::Instance(inst) = heap.get(obj)? {
        let class = inst.class();
        heap.incref(class)?;
        rt.modules.borrow_mut().insert(key.to_string(), class);
    }
    Ok(())
}

/// Whether `obj` is an instance of the class recorded under `key`.
fn is_instance_of(heap: &PyHeap, rt: &Runtime, key: &str, obj: ObjRef) -> bool {
    let Some(class) = rt.modules.borrow().get(key).copied() else {
        return false;
    };
    matches!(heap.get(obj), Ok(Object::Instance(inst)) if inst.class() == class)
}

fn new_module(heap: &mut PyHeap, rt: &Runtime, name: &str) -> Result<ObjRef> {
    let class = shared_class(heap, rt, MODULE_CLASS, "module")?;
    let module = heap.new_instance(class)?;
    let value = heap.new_str(name)?;
    set_value(heap, module, "__name__", value)?;
    Ok(module)
}

/// `obj.name = value`, taking over the reference `value` is.
fn set_value(heap: &mut PyHeap, obj: ObjRef, name: &str, value: ObjRef) -> Result<()> {
    let stored = heap.set_attr(obj, name, value);
    heap.decref(value)?;
    stored
}

/// `obj.name = <native function>`.
fn def(
    heap: &mut PyHeap,
    obj: ObjRef,
    name: &str,
    f: impl Fn(&mut PyHeap, &[ObjRef], &Kwargs) -> Result<ObjRef> + 'static,
) -> Result<()> {
    let function = heap.new_function_kw(name, &[], move |heap, _, args, kwargs| {
        f(heap, args, kwargs)
    })?;
    set_value(heap, obj, name, function)
}

/// `module.name = <function>` for a function of no arguments that does `action` and returns
/// None; `qualified` is `module.name`, as its errors name it.
fn def_action(
    heap: &mut PyHeap,
    obj: ObjRef,
    qualified: &'static str,
    action: fn(&mut PyHeap),
) -> Result<()> {
    let name = qualified.rsplit('.').next().unwrap_or(qualified);
    def(heap, obj, name, move |heap, args, kwargs| {
        no_args(qualified, args, kwargs)?;
        action(heap);
        heap.none()
    })
}

// ------------------------------------------------------------------- argument checks

fn no_kwargs(fname: &str, kwargs: &Kwargs) -> Result<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        raise("TypeError", format!("{fname}() takes no keyword arguments"))
    }
}

fn no_args(fname: &str, args: &[ObjRef], kwargs: &Kwargs) -> Result<()> {
    no_kwargs(fname, kwargs)?;
    if args.is_empty() {
        Ok(())
    } else {
        raise(
            "TypeError",
            format!("{fname}() takes no arguments ({} given)", args.len()),
        )
    }
}

fn one_arg(fname: &str, args: &[ObjRef], kwargs: &Kwargs) -> Result<ObjRef> {
    no_kwargs(fname, kwargs)?;
    match args {
        &[arg] => Ok(arg),
        _ => raise(
            "TypeError",
            format!(
                "{fname}() takes exactly one argument ({} given)",
                args.len()
            ),
        ),
    }
}

/// An argument that must be an int (`__index__`): ints and bools.
fn index(heap: &PyHeap, obj: ObjRef) -> Result<i64> {
    match heap.kind(obj)? {
        Kind::Int | Kind::Bool => heap.as_int(obj),
        _ => raise(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                heap.type_name(obj)?
            ),
        ),
    }
}

/// Stage 3's `ValueError`/`TypeError` variants as `Error::raise`, like every native here.
fn py(error: Error) -> Error {
    match error {
        Error::ValueError { message } => Error::raise("ValueError", &message),
        Error::TypeError { message } => Error::raise("TypeError", &message),
        other => other,
    }
}

fn int_tuple(heap: &mut PyHeap, values: &[i64]) -> Result<ObjRef> {
    let mut items = Vec::with_capacity(values.len());
    for &v in values {
        items.push(heap.new_int(v)?);
    }
    let tuple = heap.new_tuple(&items);
    for item in items {
        heap.decref(item)?;
    }
    tuple
}

fn new_usize(heap: &mut PyHeap, n: usize) -> Result<ObjRef> {
    heap.new_int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn new_u64(heap: &mut PyHeap, n: u64) -> Result<ObjRef> {
    heap.new_int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `dict[key] = value` with a str key, taking over the reference `value` is.
fn dict_set_str(heap: &mut PyHeap, dict: ObjRef, key: &str, value: ObjRef) -> Result<()> {
    let key = heap.new_str(key)?;
    let stored = heap.dict_set(dict, key, value);
    heap.decref(key)?;
    heap.decref(value)?;
    stored
}

// ------------------------------------------------------------------------------- streams

/// Whether `file` is one of `sys`'s own `TextIOWrapper`s, and which stream it writes to.
fn textio_stream(heap: &PyHeap, rt: &Runtime, file: ObjRef) -> Option<Stream> {
    if !is_instance_of(heap, rt, TEXTIO_CLASS, file) {
        return None;
    }
    let name = heap.get_attr(file, "name").ok()?;
    match heap.as_str(name).ok()? {
        "<stdout>" => Some(Stream::Stdout),
        "<stderr>" => Some(Stream::Stderr),
        _ => None,
    }
}

/// `sys.stdout` or `sys.stderr` when the program has replaced it (borrowed): the `sys`
/// module's attribute when it is not the original `TextIOWrapper`. `None`: the stream is the
/// real one (or `sys` was never imported).
pub fn replaced_stream(heap: &PyHeap, rt: &Runtime, stream: Stream) -> Option<ObjRef> {
    let sys = rt.modules.borrow().get("sys").copied()?;
    let name = match stream {
        Stream::Stdout => "stdout",
        Stream::Stderr => "stderr",
    };
    let file = heap.get_attr(sys, name).ok()?;
    match textio_stream(heap, rt, file) {
        Some(s) if s == stream => None,
        _ => Some(file),
    }
}

fn replaced_stderr(heap: &PyHeap, rt: &Runtime) -> Option<ObjRef> {
    replaced_stream(heap, rt, Stream::Stderr)
}

/// `file.write(text)`: straight to the stream for `sys`'s own files, else the object's
/// `write` method (an instance attribute, or whatever the evaluator's `getattr` finds).
pub fn write_to(heap: &mut PyHeap, rt: &Runtime, file: ObjRef, text: &str) -> Result<()> {
    if let Some(stream) = textio_stream(heap, rt, file) {
        rt.write(stream, text);
        return Ok(());
    }
    let write = match heap.get_attr(file, "write") {
        Ok(write) => {
            heap.incref(write)?;
            write
        }
        Err(_) => eval::getattr(heap, rt, file, "write")?,
    };
    let s = heap.new_str(text);
    let result = s.and_then(|s| {
        let result = eval::call(heap, rt, write, &[s], &[]);
        heap.decref(s)?;
        result
    });
    heap.decref(write)?;
    heap.decref(result?)
}

/// Writes to `sys.stdout` or `sys.stderr`, wherever the program has put it (the runtime's
/// stream unless replaced): what `print()` and tracebacks need.
pub fn write_stream(heap: &mut PyHeap, rt: &Runtime, stream: Stream, text: &str) -> Result<()> {
    match replaced_stream(heap, rt, stream) {
        Some(file) => {
            heap.incref(file)?;
            let written = write_to(heap, rt, file, text);
            heap.decref(file)?;
            written
        }
        None => {
            rt.write(stream, text);
            Ok(())
        }
    }
}

fn write_stderr(heap: &mut PyHeap, rt: &Runtime, text: &str) -> Result<()> {
    write_stream(heap, rt, Stream::Stderr, text)
}

// ------------------------------------------------------------------------------------ gc

/// Where the collector's debug lines go while `gc.collect()` runs with a replaced
/// `sys.stderr`: kept, then written to it once the collection is over (the collector's sink
/// cannot reach the heap).
#[derive(Default)]
struct DebugCapture {
    capturing: Cell<bool>,
    lines: RefCell<Vec<String>>,
}

fn make_gc(heap: &mut PyHeap, rt: &Runtime) -> Result<ObjRef> {
    let m = new_module(heap, rt, "gc")?;

    let capture = Rc::new(DebugCapture::default());
    {
        let (rt, capture) = (rt.rc(), Rc::clone(&capture));
        gc::set_debug_sink(
            heap,
            Box::new(move |line| {
                if capture.capturing.get() {
                    capture.lines.borrow_mut().push(line.to_string());
                } else {
                    rt.write(Stream::Stderr, &format!("{line}\n"));
                }
            }),
        );
    }

    let rt2 = rt.rc();
    def(heap, m, "collect", move |heap, args, kwargs| {
        let generation = generation_arg("collect", args, kwargs)?;
        let generation = match generation {
            Some(g) => index(heap, g)?,
            None => 2,
        };
        // (A collection asked for while one runs returns at once: the outer one keeps
        // capturing.)
        let file = if capture.capturing.get() {
            None
        } else {
            replaced_stderr(heap, &rt2)
        };
        if let Some(file) = file {
            heap.incref(file)?;
            capture.capturing.set(true);
        }
        let found = gc::collect(heap, generation).map_err(py);
        if let Some(file) = file {
            capture.capturing.set(false);
            let lines = std::mem::take(&mut *capture.lines.borrow_mut());
            let mut written = Ok(());
            for line in lines {
                if written.is_ok() {
                    written = write_to(heap, &rt2, file, &format!("{line}\n"));
                }
            }
            heap.decref(file)?;
            written?;
        }
        new_usize(heap, found?)
    })?;
    def_action(heap, m, "gc.enable", gc::enable)?;
    def_action(heap, m, "gc.disable", gc::disable)?;
    def(heap, m, "isenabled", |heap, args, kwargs| {
        no_args("gc.isenabled", args, kwargs)?;
        let enabled = gc::isenabled(heap);
        heap.new_bool(enabled)
    })?;
    def(heap, m, "get_count", |heap, args, kwargs| {
        no_args("gc.get_count", args, kwargs)?;
        let (a, b, c) = gc::get_count(heap);
        int_tuple(heap, &[a, b, c])
    })?;
    def(heap, m, "get_threshold", |heap, args, kwargs| {
        no_args("gc.get_threshold", args, kwargs)?;
        let (a, b, c) = gc::get_threshold(heap);
        int_tuple(heap, &[a, b, c])
    })?;
    def(heap, m, "set_threshold", |heap, args, kwargs| {
        no_kwargs("set_threshold", kwargs)?;
        let thresholds: Vec<i64> = args
            .iter()
            .map(|&a| index(heap, a))
            .collect::<Result<_>>()?;
        gc::set_threshold(heap, &thresholds).map_err(py)?;
        heap.none()
    })?;
    def(heap, m, "get_stats", |heap, args, kwargs| {
        no_args("gc.get_stats", args, kwargs)?;
        let stats = gc::get_stats(heap);
        let list = heap.new_list(&[])?;
        for generation in stats {
            let built = (|| {
                let dict = heap.new_dict()?;
                let filled = (|| {
                    let v = new_u64(heap, generation.collections)?;
                    dict_set_str(heap, dict, "collections", v)?;
                    let v = new_u64(heap, generation.collected)?;
                    dict_set_str(heap, dict, "collected", v)?;
                    let v = new_u64(heap, generation.uncollectable)?;
                    dict_set_str(heap, dict, "uncollectable", v)?;
                    heap.list_append(list, dict)
                })();
                heap.decref(dict)?;
                filled
            })();
            if let Err(error) = built {
                heap.decref(list)?;
                return Err(error);
            }
        }
        Ok(list)
    })?;
    def(heap, m, "get_objects", |heap, args, kwargs| {
        let generation = generation_arg("get_objects", args, kwargs)?;
        let generation = match generation {
            None => None,
            Some(g) => match heap.kind(g)? {
                Kind::None => None,
                Kind::Int | Kind::Bool => Some(heap.as_int(g)?),
                _ => {
                    return raise(
                        "TypeError",
                        format!(
                            "argument should be integer or None, not '{}'",
                            heap.type_name(g)?
                        ),
                    );
                }
            },
        };
        gc::get_objects(heap, generation).map_err(py)
    })?;
    def(heap, m, "get_referrers", |heap, args, kwargs| {
        no_kwargs("get_referrers", kwargs)?;
        gc::get_referrers(heap, args).map_err(py)
    })?;
    def(heap, m, "get_referents", |heap, args, kwargs| {
        no_kwargs("get_referents", kwargs)?;
        gc::get_referents(heap, args).map_err(py)
    })?;
    def(heap, m, "is_tracked", |heap, args, kwargs| {
        let obj = one_arg("gc.is_tracked", args, kwargs)?;
        let tracked = gc::is_tracked(heap, obj).map_err(py)?;
        heap.new_bool(tracked)
    })?;
    def(heap, m, "is_finalized", |heap, args, kwargs| {
        let obj = one_arg("gc.is_finalized", args, kwargs)?;
        let finalized = gc::is_finalized(heap, obj).map_err(py)?;
        heap.new_bool(finalized)
    })?;
    def_action(heap, m, "gc.freeze", gc::freeze)?;
    def_action(heap, m, "gc.unfreeze", gc::unfreeze)?;
    def(heap, m, "get_freeze_count", |heap, args, kwargs| {
        no_args("gc.get_freeze_count", args, kwargs)?;
        let n = gc::get_freeze_count(heap);
        new_usize(heap, n)
    })?;
    def(heap, m, "set_debug", |heap, args, kwargs| {
        let flags = one_arg("gc.set_debug", args, kwargs)?;
        let flags = index(heap, flags)?;
        gc::set_debug(heap, flags);
        heap.none()
    })?;
    def(heap, m, "get_debug", |heap, args, kwargs| {
        no_args("gc.get_debug", args, kwargs)?;
        let flags = gc::get_debug(heap);
        heap.new_int(flags)
    })?;
    for (name, value) in [
        ("DEBUG_STATS", gc::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", gc::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", gc::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", gc::DEBUG_SAVEALL),
        ("DEBUG_LEAK", gc::DEBUG_LEAK),
    ] {
        let value = heap.new_int(value)?;
        set_value(heap, m, name, value)?;
    }
    // The collector's own lists (borrowed from it): the module holds one more reference.
    let garbage = gc::garbage(heap)?;
    heap.set_attr(m, "garbage", garbage)?;
    let callbacks = gc::callbacks(heap)?;
    heap.set_attr(m, "callbacks", callbacks)?;
    Ok(m)
}

// ----------------------------------------------------------------------------------- sys

fn make_textio(heap: &mut PyHeap, rt: &Runtime, stream: Stream) -> Result<ObjRef> {
    let class = shared_class(heap, rt, TEXTIO_CLASS, "TextIOWrapper")?;
    let file = heap.new_instance(class)?;
    let made = (|| {
        let name = match stream {
            Stream::Stdout => "<stdout>",
            Stream::Stderr => "<stderr>",
        };
        let value = heap.new_str(name)?;
        set_value(heap, file, "name", value)?;
        let value = heap.new_str("w")?;
        set_value(heap, file, "mode", value)?;
        let value = heap.new_str("utf-8")?;
        set_value(heap, file, "encoding", value)?;
        // Instance attributes, not methods: they need not know their file, only its stream.
        let rt = rt.rc();
        def(heap, file, "write", move |heap, args, kwargs| {
            let s = one_arg("TextIOWrapper.write", args, kwargs)?;
            if heap.kind(s)? != Kind::Str {
                return raise(
                    "TypeError",
                    format!("write() argument must be str, not {}", heap.type_name(s)?),
                );
            }
            let text = heap.as_str(s)?.to_string();
            rt.write(stream, &text);
            new_usize(heap, text.chars().count())
        })?;
        def(heap, file, "flush", |heap, args, kwargs| {
            no_args("TextIOWrapper.flush", args, kwargs)?;
            heap.none()
        })
    })();
    match made {
        Ok(()) => Ok(file),
        Err(error) => {
            heap.decref(file)?;
            Err(error)
        }
    }
}

fn make_sys(heap: &mut PyHeap, rt: &Runtime) -> Result<ObjRef> {
    let m = new_module(heap, rt, "sys")?;
    def(heap, m, "getrefcount", |heap, args, kwargs| {
        let obj = one_arg("sys.getrefcount", args, kwargs)?;
        // The raw count: the argument's reference is a real one in pyrun (the evaluator's
        // stack holds it while the call runs), so nothing is added for it.
        let count = heap.refcount(obj)?;
        new_u64(heap, count)
    })?;
    def(heap, m, "getsizeof", |heap, args, kwargs| {
        let mut obj = args.first().copied();
        let mut default = args.get(1).copied();
        if args.len() > 2 {
            return raise(
                "TypeError",
                format!(
                    "getsizeof() takes at most 2 arguments ({} given)",
                    args.len()
                ),
            );
        }
        for &(name, value) in kwargs {
            let slot = match name {
                "object" if obj.is_none() => &mut obj,
                "default" if default.is_none() => &mut default,
                "object" | "default" => {
                    let pos = if name == "object" { 1 } else { 2 };
                    return raise(
                        "TypeError",
                        format!(
                            "argument for getsizeof() given by name ('{name}') and position ({pos})"
                        ),
                    );
                }
                _ => {
                    return raise(
                        "TypeError",
                        format!("'{name}' is an invalid keyword argument for getsizeof()"),
                    );
                }
            };
            *slot = Some(value);
        }
        let Some(obj) = obj else {
            return raise(
                "TypeError",
                "getsizeof() missing required argument 'object' (pos 1)",
            );
        };
        let size = heap.getsizeof(obj)?;
        new_u64(heap, size)
    })?;
    let rt2 = rt.rc();
    def(heap, m, "getrecursionlimit", move |heap, args, kwargs| {
        no_args("sys.getrecursionlimit", args, kwargs)?;
        heap.new_int(i64::from(rt2.recursion_limit.get()))
    })?;
    let rt2 = rt.rc();
    def(heap, m, "setrecursionlimit", move |heap, args, kwargs| {
        let limit = one_arg("sys.setrecursionlimit", args, kwargs)?;
        let limit = index(heap, limit)?;
        if limit < 1 {
            return raise(
                "ValueError",
                "recursion limit must be greater or equal than 1",
            );
        }
        // CPython counts the Python frames (`rt.depth`, the module's included) plus this
        // call.
        let depth = i64::from(rt2.depth.get()) + 1;
        if depth >= limit {
            return raise(
                "RecursionError",
                format!(
                    "cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"
                ),
            );
        }
        rt2.recursion_limit
            .set(u32::try_from(limit).unwrap_or(u32::MAX));
        heap.none()
    })?;
    def(heap, m, "getallocatedblocks", |heap, args, kwargs| {
        no_args("sys.getallocatedblocks", args, kwargs)?;
        let n = allocated_blocks(heap);
        new_usize(heap, n)
    })?;
    let maxsize = heap.new_int(i64::MAX)?;
    set_value(heap, m, "maxsize", maxsize)?;
    let filename = heap.new_str(&rt.filename)?;
    let argv = heap.new_list(&[filename]);
    heap.decref(filename)?;
    set_value(heap, m, "argv", argv?)?;
    for (stream, names) in [
        (Stream::Stdout, ["stdout", "__stdout__"]),
        (Stream::Stderr, ["stderr", "__stderr__"]),
    ] {
        let file = make_textio(heap, rt, stream)?;
        heap.set_attr(m, names[0], file)?;
        set_value(heap, m, names[1], file)?;
    }
    let rt2 = rt.rc();
    let hook = heap.new_function_kw("unraisablehook", &[], move |heap, _, args, kwargs| {
        let unraisable = one_arg("sys.unraisablehook", args, kwargs)?;
        default_unraisablehook(heap, &rt2, unraisable)?;
        heap.none()
    })?;
    heap.set_attr(m, "unraisablehook", hook)?;
    set_value(heap, m, "__unraisablehook__", hook)?;
    Ok(m)
}

/// `sys.getallocatedblocks()`, estimated: the blocks CPython 3.11 would allocate for the
/// objects the program holds — one per object, plus an instance's values array, a non-empty
/// list's items array, a non-empty dict's keys table and a set's table once it outgrows the
/// small one inside the object. The interpreter's own blocks (code, frames, interned
/// strings…) are not counted, and objects CPython allocates with `malloc` (over 512 bytes)
/// are counted as blocks.
pub fn allocated_blocks(heap: &PyHeap) -> usize {
    heap.objects()
        .map(|r| match heap.get(r) {
            Ok(Object::Instance(inst)) => match inst.attrs() {
                refcount::Attrs::Inline(_) => 2,
                refcount::Attrs::Dict(_) => 1,
            },
            Ok(Object::List(list)) => 1 + usize::from(!list.items().is_empty()),
            Ok(Object::Dict(dict)) => 1 + usize::from(!dict.entries().is_empty()),
            Ok(Object::Set(set)) => 1 + usize::from(set.items().len() > 4),
            // Statically allocated: not on the heap.
            Ok(Object::None | Object::Bool(_)) => 0,
            Ok(Object::Int(v)) if refcount::SMALL_INTS.contains(v) => 0,
            _ => 1,
        })
        .sum()
}

// ---------------------------------------------------------------------- unraisable

/// Reports an exception nobody could catch (from a `__del__`, a weak reference callback, a
/// `gc.callbacks` entry), as CPython's `PyErr_WriteUnraisable` does: it calls
/// `sys.unraisablehook` with an `UnraisableHookArgs` object (attributes `exc_type`,
/// `exc_value`, `exc_traceback` (None), `err_msg` (None), `object`). The default hook
/// (`sys.__unraisablehook__`, also used when `sys` was never imported) writes to `sys.stderr`
/// (the replaced one, if the program replaced it):
///
/// ```text
/// Exception ignored in: <function Bad.__del__ at 0x…>
/// ValueError: boom
/// ```
///
/// The evaluator calls [`report_unraisable_with`] from the heap's unraisable handler, the
/// moment the exception escapes, with CPython's traceback and the function that raised.
pub fn report_unraisable(heap: &mut PyHeap, rt: &Runtime, u: &Unraisable) -> Result<()> {
    report_unraisable_with(heap, rt, u, None, None, None)
}

/// [`report_unraisable`], with what the evaluator knows and the heap does not: the object
/// the exception was raised in (`object`, borrowed: the function, for the hook's
/// `unraisable.object`), the exception object (`exc_value`, borrowed), and the traceback's
/// text, from `"Traceback (most recent call last):\n"` to the line before the last one,
/// newlines included, which the default hook writes between the first and the last line.
/// Without `exc_value`, the hook's `exc_value` is made by calling the exception class (from
/// `rt.exceptions`) with the message, when there is such a class; else it is None.
pub fn report_unraisable_with(
    heap: &mut PyHeap,
    rt: &Runtime,
    u: &Unraisable,
    object: Option<ObjRef>,
    exc_value: Option<ObjRef>,
    traceback: Option<&str>,
) -> Result<()> {
    // Made first: making the exception object may run Python code.
    let args = unraisable_args(heap, rt, u, object, exc_value, traceback)?;
    let sys = rt.modules.borrow().get("sys").copied();
    let hook = match sys {
        Some(sys) => heap.get_attr(sys, "unraisablehook").ok(),
        None => None,
    };
    let default = match sys {
        Some(sys) => heap.get_attr(sys, "__unraisablehook__").ok(),
        None => None,
    };
    let result = match hook {
        Some(hook) if Some(hook) != default => {
            heap.incref(hook)?;
            let called = eval::call(heap, rt, hook, &[args], &[]);
            heap.decref(hook)?;
            match called {
                Ok(result) => heap.decref(result),
                Err(error) => {
                    // CPython: "Exception ignored in sys.unraisablehook: <hook>", then the
                    // original report with the default hook.
                    let name = heap.describe(hook);
                    let text = format!(
                        "Exception ignored in sys.unraisablehook: {name}\n{}\n",
                        exception_line(&error)
                    );
                    write_stderr(heap, rt, &text)
                        .and_then(|()| default_unraisablehook(heap, rt, args))
                }
            }
        }
        _ => default_unraisablehook(heap, rt, args),
    };
    heap.decref(args)?;
    result
}

/// The last line of a traceback: `ValueError: boom`, or `ValueError` without a message.
fn exception_line(error: &Error) -> String {
    match error {
        Error::Raised { type_name, message } if message.is_empty() => type_name.clone(),
        other => other.to_string(),
    }
}

/// A new `UnraisableHookArgs` object. Besides CPython's attributes it has `_object_repr`,
/// `_exc_line` and `_traceback` (strs, or None), which the default hook writes.
fn unraisable_args(
    heap: &mut PyHeap,
    rt: &Runtime,
    u: &Unraisable,
    object: Option<ObjRef>,
    exc_value: Option<ObjRef>,
    traceback: Option<&str>,
) -> Result<ObjRef> {
    let class = shared_class(heap, rt, UNRAISABLE_CLASS, "UnraisableHookArgs")?;
    let args = heap.new_instance(class)?;
    let filled = (|| {
        let type_name = u
            .error
            .exception_type()
            .unwrap_or("SystemError")
            .to_string();
        let exc_type = rt.exception_class(&type_name);
        match exc_type {
            Some(t) => heap.set_attr(args, "exc_type", t)?,
            None => {
                let none = heap.none()?;
                set_value(heap, args, "exc_type", none)?;
            }
        }
        let value = match (exc_value, exc_type) {
            (Some(v), _) => {
                heap.incref(v)?;
                v
            }
            (None, Some(t)) => {
                let message = match &u.error {
                    Error::Raised { message, .. } => message.clone(),
                    other => {
                        let line = other.to_string();
                        let prefix = format!("{type_name}: ");
                        line.strip_prefix(&prefix).unwrap_or(&line).to_string()
                    }
                };
                let made = if message.is_empty() {
                    eval::call(heap, rt, t, &[], &[])
                } else {
                    let m = heap.new_str(&message)?;
                    let made = eval::call(heap, rt, t, &[m], &[]);
                    heap.decref(m)?;
                    made
                };
                match made {
                    Ok(v) => v,
                    Err(_) => {
                        rt.raising.take().map(|e| heap.decref(e)).transpose()?;
                        heap.none()?
                    }
                }
            }
            (None, None) => heap.none()?,
        };
        set_value(heap, args, "exc_value", value)?;
        for name in ["exc_traceback", "err_msg"] {
            let none = heap.none()?;
            set_value(heap, args, name, none)?;
        }
        match object {
            Some(o) => heap.set_attr(args, "object", o)?,
            None => {
                let none = heap.none()?;
                set_value(heap, args, "object", none)?;
            }
        }
        let v = heap.new_str(&u.object)?;
        set_value(heap, args, "_object_repr", v)?;
        let v = heap.new_str(&exception_line(&u.error))?;
        set_value(heap, args, "_exc_line", v)?;
        let v = match traceback {
            Some(t) => heap.new_str(t)?,
            None => heap.none()?,
        };
        set_value(heap, args, "_traceback", v)
    })();
    match filled {
        Ok(()) => Ok(args),
        Err(error) => {
            heap.decref(args)?;
            Err(error)
        }
    }
}

/// An optional str attribute, as a Rust string.
fn str_attr(heap: &PyHeap, obj: ObjRef, name: &str) -> Option<String> {
    let value = heap.get_attr(obj, name).ok()?;
    heap.as_str(value).ok().map(str::to_string)
}

/// `sys.__unraisablehook__(unraisable)`: CPython's `write_unraisable_exc_file`.
fn default_unraisablehook(heap: &mut PyHeap, rt: &Runtime, unraisable: ObjRef) -> Result<()> {
    let object_repr = match str_attr(heap, unraisable, "_object_repr") {
        Some(r) => Some(r),
        None => match heap.get_attr(unraisable, "object") {
            Ok(o) if heap.kind(o)? != Kind::None => Some(heap.describe(o)),
            _ => None,
        },
    };
    let err_msg = str_attr(heap, unraisable, "err_msg");
    let mut text = String::new();
    match (&object_repr, &err_msg) {
        (Some(o), Some(m)) => text.push_str(&format!("{m}: {o}\n")),
        (Some(o), None) => text.push_str(&format!("Exception ignored in: {o}\n")),
        (None, Some(m)) => text.push_str(&format!("{m}:\n")),
        (None, None) => {}
    }
    // The evaluator may supply the traceback (see `report_unraisable_with`).
    if let Some(traceback) = str_attr(heap, unraisable, "_traceback") {
        text.push_str(&traceback);
    }
    let exc_line = match str_attr(heap, unraisable, "_exc_line") {
        Some(line) => line,
        None => match heap.get_attr(unraisable, "exc_type") {
            Ok(t) => match heap.get(t)? {
                Object::Class(class) => class.name().to_string(),
                _ => "None".to_string(),
            },
            Err(_) => "None".to_string(),
        },
    };
    text.push_str(&exc_line);
    text.push('\n');
    write_stderr(heap, rt, &text)
}

// ------------------------------------------------------------------------------- weakref

fn make_weakref(heap: &mut PyHeap, rt: &Runtime) -> Result<ObjRef> {
    let m = new_module(heap, rt, "weakref")?;
    def(heap, m, "ref", |heap, args, kwargs| {
        no_kwargs("ref", kwargs)?;
        let (obj, callback) = match args {
            [] => return raise("TypeError", "__new__ expected at least 1 argument, got 0"),
            &[obj] => (obj, None),
            &[obj, callback] => (obj, Some(callback)),
            _ => {
                return raise(
                    "TypeError",
                    format!("__new__ expected at most 2 arguments, got {}", args.len()),
                );
            }
        };
        let callback = match callback {
            Some(c) if heap.kind(c)? == Kind::None => None,
            other => other,
        };
        weakref::ref_(heap, obj, callback).map_err(py)
    })?;
    def(heap, m, "getweakrefcount", |heap, args, kwargs| {
        let obj = one_arg("_weakref.getweakrefcount", args, kwargs)?;
        let n = weakref::getweakrefcount(heap, obj)?;
        new_usize(heap, n)
    })?;
    def(heap, m, "getweakrefs", |heap, args, kwargs| {
        let obj = one_arg("_weakref.getweakrefs", args, kwargs)?;
        weakref::getweakrefs(heap, obj)
    })?;
    // The finalizers made so far, oldest first (handles only: the registry holds them),
    // for `at_exit`, which calls the function kept in `rt.modules` under `ATEXIT_FN`.
    let made: Rc<RefCell<Vec<ObjRef>>> = Rc::default();
    {
        let made = Rc::clone(&made);
        let run = heap.new_function("finalize._exitfunc", &[], move |heap, _, _| {
            run_exit_finalizers(heap, &made)?;
            heap.none()
        })?;
        rt.modules.borrow_mut().insert(ATEXIT_FN.to_string(), run);
    }
    let rt2 = rt.rc();
    def(heap, m, "finalize", move |heap, args, kwargs| {
        let (obj, func, rest) = match args {
            [] => {
                return raise(
                    "TypeError",
                    "finalize.__init__() missing 2 required positional arguments: 'obj' and 'func'",
                );
            }
            [_] => {
                return raise(
                    "TypeError",
                    "finalize.__init__() missing 1 required positional argument: 'func'",
                );
            }
            [obj, func, rest @ ..] => (*obj, *func, rest),
        };
        let func = if kwargs.is_empty() {
            heap.incref(func)?;
            func
        } else {
            with_kwargs(heap, &rt2, func, kwargs)?
        };
        let finalizer = weakref::finalize(heap, obj, func, rest).map_err(py);
        heap.decref(func)?;
        let finalizer = finalizer?;
        record_class(heap, &rt2, FINALIZE_CLASS, finalizer)?;
        let mut made = made.borrow_mut();
        if made.len() >= 64 && made.len().is_power_of_two() {
            let mut live = Vec::with_capacity(made.len());
            for &f in made.iter() {
                if heap.is_alive(f) && weakref::finalize_alive(heap, f)? {
                    live.push(f);
                }
            }
            *made = live;
        }
        made.push(finalizer);
        Ok(finalizer)
    })?;
    let rt2 = rt.rc();
    def(heap, m, "WeakValueDictionary", move |heap, args, kwargs| {
        no_kwargs("WeakValueDictionary.__init__", kwargs)?;
        if args.len() > 1 {
            return raise(
                "TypeError",
                format!(
                    "WeakValueDictionary.__init__() takes from 1 to 2 positional arguments but {} were given",
                    args.len() + 1
                ),
            );
        }
        let mapping = weakref::weak_value_dictionary(heap)?;
        record_class(heap, &rt2, WVD_CLASS, mapping)?;
        if let Some(&initial) = args.first() {
            let entries = match heap.get(initial)? {
                Object::Dict(dict) => dict.entries().to_vec(),
                _ => {
                    heap.decref(mapping)?;
                    return raise(
                        "TypeError",
                        "WeakValueDictionary() takes a dict here (pyrun)",
                    );
                }
            };
            for (key, value) in entries {
                if let Err(error) = weakref::wvd_set(heap, mapping, key, value) {
                    heap.decref(mapping)?;
                    return Err(py(error));
                }
            }
        }
        Ok(mapping)
    })?;
    Ok(m)
}

/// `func` with keyword arguments bound (what `finalize(obj, func, *args, **kwargs)` calls):
/// a new function holding `func` and a dict of the keyword arguments.
fn with_kwargs(heap: &mut PyHeap, rt: &Runtime, func: ObjRef, kwargs: &Kwargs) -> Result<ObjRef> {
    let dict = heap.new_dict()?;
    for &(name, value) in kwargs {
        heap.incref(value)?;
        if let Err(error) = dict_set_str(heap, dict, name, value) {
            heap.decref(dict)?;
            return Err(error);
        }
    }
    let qualname = match heap.get(func)? {
        Object::Function(f) => f.qualname().to_string(),
        _ => "partial".to_string(),
    };
    let rt = rt.rc();
    let wrapper = heap.new_function_kw(&qualname, &[func, dict], move |heap, c, args, _| {
        let entries = match heap.get(c[1])? {
            Object::Dict(dict) => dict.entries().to_vec(),
            _ => Vec::new(),
        };
        let names: Vec<String> = entries
            .iter()
            .map(|&(k, _)| heap.as_str(k).map(str::to_string))
            .collect::<Result<_>>()?;
        let kwargs: Vec<(&str, ObjRef)> = names
            .iter()
            .zip(&entries)
            .map(|(name, &(_, value))| (name.as_str(), value))
            .collect();
        eval::call(heap, &rt, c[0], args, &kwargs)
    });
    heap.decref(dict)?;
    wrapper
}

/// `finalize._exitfunc`: while a finalizer with `atexit` true is alive, calls the newest one
/// (one made by a finalizer meanwhile included), with automatic collection off meanwhile.
fn run_exit_finalizers(heap: &mut PyHeap, made: &RefCell<Vec<ObjRef>>) -> Result<()> {
    let reenable = gc::isenabled(heap);
    gc::disable(heap);
    let result = (|| {
        loop {
            let candidates: Vec<ObjRef> = made.borrow().iter().rev().copied().collect();
            let mut next = None;
            for f in candidates {
                if heap.is_alive(f) && weakref::finalize_alive(heap, f)? && atexit_flag(heap, f) {
                    next = Some(f);
                    break;
                }
            }
            let Some(f) = next else {
                return Ok(());
            };
            heap.incref(f)?;
            let called = heap.call(f, &[]);
            heap.decref(f)?;
            heap.decref(called?)?;
        }
    })();
    if reenable {
        gc::enable(heap);
    }
    result
}

/// `finalize._registry`, found the first time by its entry for `finalizer` (a dict from
/// the finalizer to a `(weakref, func, args)` tuple whose weak reference has the finalizer
/// as callback) and kept in `rt.modules` (stage 4 holds it privately). Borrowed.
fn finalize_registry(heap: &mut PyHeap, rt: &Runtime, finalizer: ObjRef) -> Result<Option<ObjRef>> {
    let cached = rt.modules.borrow().get(FINALIZE_REGISTRY).copied();
    if let Some(registry) = cached {
        return Ok(Some(registry));
    }
    let is_entry = |heap: &PyHeap, info: ObjRef| -> bool {
        let Ok(Object::Tuple(_)) = heap.get(info) else {
            return false;
        };
        heap.tuple_len(info).ok() == Some(3)
            && heap
                .tuple_get(info, 0)
                .ok()
                .and_then(|w| match heap.get(w) {
                    Ok(Object::WeakRef(w)) => w.callback(),
                    _ => None,
                })
                == Some(finalizer)
    };
    let mut found = None;
    for candidate in heap.objects() {
        if let Ok(Object::Dict(_)) = heap.get(candidate)
            && let Ok(Some(info)) = heap.dict_get(candidate, finalizer)
            && is_entry(heap, info)
        {
            found = Some(candidate);
            break;
        }
    }
    if let Some(registry) = found {
        heap.incref(registry)?;
        rt.modules
            .borrow_mut()
            .insert(FINALIZE_REGISTRY.to_string(), registry);
    }
    Ok(found)
}

/// `finalizer.peek()` / `finalizer.detach()`: `(obj, func, args, kwargs)` while the
/// finalizer is alive and its object too, else None; `detach` also takes it out of the
/// registry, so it will never be called. (`kwargs` is always `{}`: keyword arguments are
/// bound into `func`.)
fn finalize_peek(
    heap: &mut PyHeap,
    rt: &Runtime,
    finalizer: ObjRef,
    detach: bool,
) -> Result<ObjRef> {
    if !weakref::finalize_alive(heap, finalizer)? {
        return heap.none();
    }
    let Some(registry) = finalize_registry(heap, rt, finalizer)? else {
        return heap.none();
    };
    let Some(info) = heap.dict_get(registry, finalizer)? else {
        return heap.none();
    };
    let weak = heap.tuple_get(info, 0)?;
    let Some(obj) = heap.weakref_get(weak)? else {
        return heap.none();
    };
    let func = heap.tuple_get(info, 1)?;
    let args = heap.tuple_get(info, 2)?;
    let kwargs = heap.new_dict()?;
    let result = heap.new_tuple(&[obj, func, args, kwargs]);
    heap.decref(kwargs)?;
    let result = result?;
    if detach {
        heap.dict_del(registry, finalizer)?;
    }
    Ok(result)
}

/// `finalizer.atexit` as the program set it (an instance attribute), true by default.
fn atexit_flag(heap: &PyHeap, finalizer: ObjRef) -> bool {
    match heap.get_attr(finalizer, "atexit") {
        Ok(value) => !matches!(
            heap.get(value),
            Ok(Object::None | Object::Bool(false) | Object::Int(0))
        ),
        Err(_) => true,
    }
}

/// What the interpreter does at exit for these modules, once the program's code has run:
/// `weakref.finalize`'s `atexit` (the finalizers still alive and with `atexit` true are
/// called, newest first, as CPython's `finalize._exitfunc` does). An exception a
/// finalizer raises stops the calls and is returned: CPython prints it with
/// `sys.excepthook` and goes on with the next one; the evaluator may print it and call
/// `at_exit` again for the rest.
pub fn at_exit(heap: &mut PyHeap, rt: &Runtime) -> Result<()> {
    let run = rt.modules.borrow().get(ATEXIT_FN).copied();
    match run {
        Some(run) => heap.call(run, &[]).and_then(|none| heap.decref(none)),
        None => Ok(()),
    }
}

fn is_finalize(heap: &PyHeap, rt: &Runtime, obj: ObjRef) -> bool {
    is_instance_of(heap, rt, FINALIZE_CLASS, obj)
}

fn is_wvd(heap: &PyHeap, rt: &Runtime, obj: ObjRef) -> bool {
    is_instance_of(heap, rt, WVD_CLASS, obj)
}

/// A new function `qualname` bound to `receiver` (it holds it): `f(*args)` runs
/// `body(heap, receiver, args)`.
fn bound(
    heap: &mut PyHeap,
    qualname: &str,
    receiver: ObjRef,
    body: impl Fn(&mut PyHeap, ObjRef, &[ObjRef]) -> Result<ObjRef> + 'static,
) -> Result<ObjRef> {
    let name = qualname.to_string();
    heap.new_function_kw(qualname, &[receiver], move |heap, c, args, kwargs| {
        no_kwargs(&name, kwargs)?;
        body(heap, c[0], args)
    })
}

fn arity(name: &str, args: &[ObjRef], min: usize, max: usize) -> Result<()> {
    if args.len() < min || args.len() > max {
        let expected = if min == max {
            format!("exactly {min}")
        } else {
            format!("from {min} to {max}")
        };
        // Python methods count `self`.
        return raise(
            "TypeError",
            format!(
                "{name}() takes {expected} positional arguments but {} were given",
                args.len() + 1
            )
            .replace("takes exactly ", "takes "),
        );
    }
    Ok(())
}

/// Attribute reads the heap's instances cannot answer by themselves; the evaluator calls it
/// before its own lookup. A new reference, or `Ok(None)` when `obj` is none of stage 4's
/// objects or `name` is not one of these:
///
/// * `weakref.finalize` objects: `alive`, `atexit`, `peek()`, `detach()`.
/// * `WeakValueDictionary` objects: `get(key, default=None)`, `keys()`, `values()`,
///   `items()`, `__getitem__`, `__setitem__`, `__delitem__`, `__contains__`, `__len__`,
///   `__iter__` (all lists, as bound natives). `data` is a real attribute.
/// * weak references: `__callback__`.
pub fn special_attr(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    name: &str,
) -> Result<Option<ObjRef>> {
    if let Ok(Object::WeakRef(w)) = heap.get(obj) {
        if name != "__callback__" {
            return Ok(None);
        }
        let callback = w.callback();
        return match callback {
            Some(c) => {
                heap.incref(c)?;
                Ok(Some(c))
            }
            None => heap.none().map(Some),
        };
    }
    if is_finalize(heap, rt, obj) {
        return match name {
            "alive" => {
                let alive = weakref::finalize_alive(heap, obj)?;
                heap.new_bool(alive).map(Some)
            }
            "atexit" => {
                let atexit = weakref::finalize_alive(heap, obj)? && atexit_flag(heap, obj);
                heap.new_bool(atexit).map(Some)
            }
            "peek" | "detach" => {
                let detach = name == "detach";
                let qualname = format!("finalize.{name}");
                let rt = rt.rc();
                let method = bound(heap, &qualname.clone(), obj, move |heap, f, args| {
                    arity(&qualname, args, 0, 0)?;
                    finalize_peek(heap, &rt, f, detach)
                })?;
                Ok(Some(method))
            }
            _ => Ok(None),
        };
    }
    if !is_wvd(heap, rt, obj) {
        return Ok(None);
    }
    let qualname = format!("WeakValueDictionary.{name}");
    let method = match name {
        "get" => bound(heap, &qualname, obj, |heap, m, args| {
            arity("WeakValueDictionary.get", args, 1, 2)?;
            let found = match weakref::wvd_get(heap, m, args[0]).map_err(py)? {
                Some(v) => v,
                None => match args.get(1) {
                    Some(&default) => default,
                    None => return heap.none(),
                },
            };
            heap.incref(found)?;
            Ok(found)
        })?,
        "keys" | "__iter__" => bound(heap, &qualname, obj, |heap, m, args| {
            arity("WeakValueDictionary.keys", args, 0, 0)?;
            let keys = weakref::wvd_keys(heap, m)?;
            heap.new_list(&keys)
        })?,
        "values" | "items" => {
            let items = name == "items";
            bound(heap, &qualname, obj, move |heap, m, args| {
                arity("WeakValueDictionary.values", args, 0, 0)?;
                wvd_values(heap, m, items)
            })?
        }
        "__getitem__" => {
            let rt = rt.rc();
            bound(heap, &qualname, obj, move |heap, m, args| {
                arity("WeakValueDictionary.__getitem__", args, 1, 1)?;
                match special_getitem(heap, &rt, m, args[0])? {
                    Some(value) => Ok(value),
                    None => raise("TypeError", "not a WeakValueDictionary"),
                }
            })?
        }
        "__setitem__" => bound(heap, &qualname, obj, |heap, m, args| {
            arity("WeakValueDictionary.__setitem__", args, 2, 2)?;
            weakref::wvd_set(heap, m, args[0], args[1]).map_err(py)?;
            heap.none()
        })?,
        "__delitem__" => bound(heap, &qualname, obj, |heap, m, args| {
            arity("WeakValueDictionary.__delitem__", args, 1, 1)?;
            wvd_del(heap, m, args[0])?;
            heap.none()
        })?,
        "__contains__" => bound(heap, &qualname, obj, |heap, m, args| {
            arity("WeakValueDictionary.__contains__", args, 1, 1)?;
            let found = weakref::wvd_get(heap, m, args[0]).map_err(py)?.is_some();
            heap.new_bool(found)
        })?,
        "__len__" => bound(heap, &qualname, obj, |heap, m, args| {
            arity("WeakValueDictionary.__len__", args, 0, 0)?;
            let n = weakref::wvd_keys(heap, m)?.len();
            new_usize(heap, n)
        })?,
        _ => return Ok(None),
    };
    Ok(Some(method))
}

/// A new list of the live values (or `(key, value)` tuples) of a `WeakValueDictionary`.
fn wvd_values(heap: &mut PyHeap, mapping: ObjRef, items: bool) -> Result<ObjRef> {
    let keys = weakref::wvd_keys(heap, mapping)?;
    let list = heap.new_list(&[])?;
    for key in keys {
        let Some(value) = weakref::wvd_get(heap, mapping, key)? else {
            continue;
        };
        let appended = if items {
            heap.new_tuple(&[key, value]).and_then(|pair| {
                let appended = heap.list_append(list, pair);
                heap.decref(pair)?;
                appended
            })
        } else {
            heap.list_append(list, value)
        };
        if let Err(error) = appended {
            heap.decref(list)?;
            return Err(error);
        }
    }
    Ok(list)
}

/// `del mapping[key]`: `KeyError` unless the key is there with a live value.
fn wvd_del(heap: &mut PyHeap, mapping: ObjRef, key: ObjRef) -> Result<()> {
    if weakref::wvd_get(heap, mapping, key)?.is_none() {
        return Err(key_error(heap, key));
    }
    let data = heap.get_attr(mapping, "data")?;
    heap.dict_del(data, key)
}

fn key_error(heap: &PyHeap, key: ObjRef) -> Error {
    Error::KeyError {
        key: heap.repr(key).unwrap_or_else(|_| heap.describe(key)),
    }
}

/// Calls the evaluator's generic call cannot make by itself: `r()` for a weak reference
/// (the referent, or None once it is dead). A new reference, or `Ok(None)` when `obj` is
/// not such a callable (a `weakref.finalize` object is an instance with a native
/// `__call__`: `heap.call_kw` calls it).
pub fn special_call(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    args: &[ObjRef],
    kwargs: &Kwargs,
) -> Result<Option<ObjRef>> {
    let _ = rt;
    if heap.kind(obj)? != Kind::WeakRef {
        return Ok(None);
    }
    no_kwargs("weakref", kwargs)?;
    if !args.is_empty() {
        return raise(
            "TypeError",
            format!("weakref expected 0 arguments, got {}", args.len()),
        );
    }
    let referent = match heap.weakref_get(obj)? {
        Some(r) => {
            heap.incref(r)?;
            r
        }
        None => heap.none()?,
    };
    Ok(Some(referent))
}

/// `mapping[key]` for a `WeakValueDictionary` (a new reference; `KeyError` if the key is
/// missing or its value dead); `Ok(None)` when `obj` is not one.
pub fn special_getitem(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    key: ObjRef,
) -> Result<Option<ObjRef>> {
    if !is_wvd(heap, rt, obj) {
        return Ok(None);
    }
    match weakref::wvd_get(heap, obj, key).map_err(py)? {
        Some(value) => {
            heap.incref(value)?;
            Ok(Some(value))
        }
        None => Err(key_error(heap, key)),
    }
}

/// `mapping[key] = value` for a `WeakValueDictionary`: true if `obj` is one (and the value
/// was stored).
pub fn special_setitem(
    heap: &mut PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    key: ObjRef,
    value: ObjRef,
) -> Result<bool> {
    if !is_wvd(heap, rt, obj) {
        return Ok(false);
    }
    weakref::wvd_set(heap, obj, key, value).map_err(py)?;
    Ok(true)
}

/// `del mapping[key]` for a `WeakValueDictionary`: true if `obj` is one.
pub fn special_delitem(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef, key: ObjRef) -> Result<bool> {
    if !is_wvd(heap, rt, obj) {
        return Ok(false);
    }
    wvd_del(heap, obj, key)?;
    Ok(true)
}

/// `len(mapping)` for a `WeakValueDictionary` (entries whose values live).
pub fn special_len(heap: &PyHeap, rt: &Runtime, obj: ObjRef) -> Result<Option<usize>> {
    if !is_wvd(heap, rt, obj) {
        return Ok(None);
    }
    Ok(Some(weakref::wvd_keys(heap, obj)?.len()))
}

/// `key in mapping` for a `WeakValueDictionary`.
pub fn special_contains(
    heap: &PyHeap,
    rt: &Runtime,
    obj: ObjRef,
    key: ObjRef,
) -> Result<Option<bool>> {
    if !is_wvd(heap, rt, obj) {
        return Ok(None);
    }
    Ok(Some(
        weakref::wvd_get(heap, obj, key).map_err(py)?.is_some(),
    ))
}

/// `iter(mapping)` for a `WeakValueDictionary`: a new list of its keys (live values only),
/// which the evaluator iterates over.
pub fn special_iter(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<Option<ObjRef>> {
    if !is_wvd(heap, rt, obj) {
        return Ok(None);
    }
    let keys = weakref::wvd_keys(heap, obj)?;
    heap.new_list(&keys).map(Some)
}

// ----------------------------------------------------------------------------- _testcapi

fn make_testcapi(heap: &mut PyHeap, rt: &Runtime) -> Result<ObjRef> {
    let m = new_module(heap, rt, "_testcapi")?;
    def(heap, m, "with_tp_del", |heap, args, kwargs| {
        no_kwargs("with_tp_del", kwargs)?;
        let &[class] = args else {
            return raise(
                "TypeError",
                format!(
                    "with_tp_del() takes exactly 1 argument ({} given)",
                    args.len()
                ),
            );
        };
        if heap.kind(class)? != Kind::Class {
            let shown = heap.repr(class).unwrap_or_else(|_| heap.describe(class));
            return raise("TypeError", format!("heap type expected, got {shown}"));
        }
        legacy::with_tp_del(heap, class).map_err(py)?;
        heap.incref(class)?;
        Ok(class)
    })?;
    Ok(m)
}
