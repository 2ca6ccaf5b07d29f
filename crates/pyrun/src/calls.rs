//! Calls: how arguments move into a frame, how a `def` becomes a function object and a
//! `class` statement a class, and how each kind of callable is called.

use std::cell::Cell;
use std::rc::Rc;

use refcount::{Error, Kind, ObjRef, Object, Result};

use crate::ast::*;
use crate::attributes::*;
use crate::eval::*;
use crate::exceptions::*;
use crate::runtime::{PyHeap, Runtime, raise};
use crate::scope::{self, Code, Var};
use crate::{methods, modules, ops};

/// What the evaluator keeps about a function object it made from a `def` or a `lambda`.
pub struct FuncInfo {
    pub code: Rc<Code>,
    pub def: Rc<FunctionDef>,
    /// Positions in the function object's captured references.
    defaults: Option<usize>,
    closure: Option<usize>,
    /// The class whose body defined the function (for `super()`), not a counted reference.
    defining_class: Cell<Option<ObjRef>>,
}

pub(crate) fn eval_call(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    func: &Expr,
    args: &[Arg],
    keywords: &[Keyword],
) -> Result<ObjRef> {
    // `obj.method(...)`: CPython 3.11's LOAD_METHOD calls the function with `obj` first,
    // without making a bound method object.
    if let ExprKind::Attribute { value, attr } = &func.kind {
        let receiver = if is_super_call(value) {
            return call_super(heap, rt, frame, attr, args, keywords);
        } else {
            eval(heap, rt, frame, value)?
        };
        let method = match find_method(heap, rt, receiver, attr) {
            Ok(m) => m,
            Err(e) => return drop_all(heap, vec![receiver], e),
        };
        return match method {
            Method::Python(function) => {
                let (mut positional, keyword) = match eval_args(heap, rt, frame, args, keywords) {
                    Ok(a) => a,
                    Err(e) => return drop_all(heap, vec![function, receiver], e),
                };
                positional.insert(0, receiver);
                let result = call_value(heap, rt, function, positional, keyword);
                heap.decref(function)?;
                result
            }
            Method::Builtin => {
                let (positional, keyword) = match eval_args(heap, rt, frame, args, keywords) {
                    Ok(a) => a,
                    Err(e) => return drop_all(heap, vec![receiver], e),
                };
                let kw: Vec<(&str, ObjRef)> =
                    keyword.iter().map(|(k, v)| (k.as_str(), *v)).collect();
                let result = methods::call_method(heap, rt, receiver, attr, &positional, &kw);
                release_args(heap, positional, keyword)?;
                heap.decref(receiver)?;
                match result? {
                    Some(r) => Ok(r),
                    None => attribute_error(heap, rt, receiver, attr),
                }
            }
            Method::Attribute(callable) => {
                heap.decref(receiver)?;
                let (positional, keyword) = match eval_args(heap, rt, frame, args, keywords) {
                    Ok(a) => a,
                    Err(e) => return drop_all(heap, vec![callable], e),
                };
                let result = call_value(heap, rt, callable, positional, keyword);
                heap.decref(callable)?;
                result
            }
        };
    }
    let callable = eval(heap, rt, frame, func)?;
    let (positional, keyword) = match eval_args(heap, rt, frame, args, keywords) {
        Ok(a) => a,
        Err(e) => return drop_all(heap, vec![callable], e),
    };
    let result = call_value(heap, rt, callable, positional, keyword);
    heap.decref(callable)?;
    result
}

pub(crate) fn is_super_call(expr: &Expr) -> bool {
    matches!(&expr.kind, ExprKind::Call { func, args, keywords }
        if args.is_empty() && keywords.is_empty()
        && matches!(&func.kind, ExprKind::Name(n) if n == "super"))
}

/// How `receiver.name(...)` is called.
enum Method {
    /// A function on the receiver's class (owned): called with the receiver first.
    Python(ObjRef),
    /// A method of a built-in type: `methods::call_method`.
    Builtin,
    /// Anything else: the attribute's value (owned), called as it is.
    Attribute(ObjRef),
}

fn find_method(heap: &mut PyHeap, rt: &Runtime, receiver: ObjRef, name: &str) -> Result<Method> {
    if let Object::Instance(inst) = heap.get(receiver)? {
        let class = inst.class();
        let own = heap.get_attr(receiver, name).is_ok();
        if !own
            && let Some(f) = heap.class_attr(class, name)?
            && heap.kind(f)? == Kind::Function
        {
            heap.incref(f)?;
            return Ok(Method::Python(f));
        }
    } else if methods::has_method(heap.kind(receiver)?, name) {
        return Ok(Method::Builtin);
    }
    Ok(Method::Attribute(getattr(heap, rt, receiver, name)?))
}

/// `super().name(...)` in a method: the function found after the defining class, called with
/// the method's first argument.
pub(crate) fn call_super(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    name: &str,
    args: &[Arg],
    keywords: &[Keyword],
) -> Result<ObjRef> {
    let class = frame.func.as_ref().and_then(|f| f.defining_class.get());
    let receiver = match frame.code.locals.is_empty() {
        true => None,
        false => frame.local(heap, 0)?,
    };
    let (Some(class), Some(receiver)) = (class, receiver) else {
        return raise("RuntimeError", "super(): no arguments");
    };
    let base = match heap.get(class)? {
        Object::Class(c) => c.base(),
        _ => None,
    };
    let found = match base {
        Some(base) => heap.class_attr(base, name)?,
        None => rt
            .type_object(Kind::Instance)
            .and_then(|o| heap.class_attr(o, name).ok().flatten()),
    };
    let Some(function) = found else {
        if name == "__init__" {
            // `object.__init__` does nothing.
            return heap.none();
        }
        return raise(
            "AttributeError",
            format!("'super' object has no attribute '{name}'"),
        );
    };
    heap.incref(function)?;
    let (mut positional, keyword) = match eval_args(heap, rt, frame, args, keywords) {
        Ok(a) => a,
        Err(e) => return drop_all(heap, vec![function], e),
    };
    heap.incref(receiver)?;
    positional.insert(0, receiver);
    let result = call_value(heap, rt, function, positional, keyword);
    heap.decref(function)?;
    result
}

type Args = (Vec<ObjRef>, Vec<(String, ObjRef)>);

pub(crate) fn eval_args(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    args: &[Arg],
    keywords: &[Keyword],
) -> Result<Args> {
    let mut positional = Vec::with_capacity(args.len());
    for arg in args {
        let result = match arg {
            Arg::Positional(e) => eval(heap, rt, frame, e).map(|v| positional.push(v)),
            Arg::Star(e) => eval(heap, rt, frame, e).and_then(|v| {
                let items = ops::iterate(heap, rt, v);
                heap.decref(v)?;
                positional.extend(items?);
                Ok(())
            }),
        };
        if let Err(e) = result {
            return drop_all(heap, positional, e);
        }
    }
    let mut keyword: Vec<(String, ObjRef)> = Vec::with_capacity(keywords.len());
    for kw in keywords {
        let result = eval(heap, rt, frame, &kw.value).and_then(|v| match &kw.name {
            Some(name) => {
                keyword.push((name.clone(), v));
                Ok(())
            }
            None => {
                let entries: Vec<(ObjRef, ObjRef)> = match heap.get(v)? {
                    Object::Dict(d) => d.entries().to_vec(),
                    _ => {
                        heap.decref(v)?;
                        return raise("TypeError", "argument after ** must be a mapping");
                    }
                };
                for (k, value) in entries {
                    let name = heap.as_str(k)?.to_string();
                    heap.incref(value)?;
                    keyword.push((name, value));
                }
                heap.decref(v)
            }
        });
        if let Err(e) = result {
            release_args(heap, positional, keyword)?;
            return Err(e);
        }
    }
    Ok((positional, keyword))
}

pub(crate) fn release_args(
    heap: &mut PyHeap,
    positional: Vec<ObjRef>,
    keyword: Vec<(String, ObjRef)>,
) -> Result<()> {
    for arg in positional {
        heap.decref(arg)?;
    }
    for (_, arg) in keyword {
        heap.decref(arg)?;
    }
    Ok(())
}

/// `callable(*args, **kwargs)` for any Python callable, with borrowed arguments: functions,
/// bound methods, classes (instantiation), built-in types (`int("5")`), callable instances,
/// weak references. The result is a new reference.
pub fn call(
    heap: &mut PyHeap,
    rt: &Runtime,
    callable: ObjRef,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    for &arg in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
        heap.incref(arg)?;
    }
    let kwargs = kwargs.iter().map(|&(k, v)| (k.to_string(), v)).collect();
    call_value(heap, rt, callable, args.to_vec(), kwargs)
}

// ANCHOR: call_value
/// A call whose arguments are owned: they move into the callee (a Python function's frame
/// takes them over, as in 3.11), or are dropped, first to last, once a native call returns.
pub fn call_value(
    heap: &mut PyHeap,
    rt: &Runtime,
    callable: ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> Result<ObjRef> {
    let info = rt.functions.borrow().get(&callable).cloned();
    if let Some(info) = info {
        let captured = match heap.get(callable)? {
            Object::Function(f) => f.captured().to_vec(),
            _ => Vec::new(),
        };
        heap.incref(callable)?;
        let result = call_python(heap, rt, &info, captured, args, kwargs);
        heap.decref(callable)?;
        return result;
    }
    match heap.get(callable)? {
        &Object::Method { function, receiver } if rt.functions.borrow().contains_key(&function) => {
            let mut args = args;
            heap.incref(receiver)?;
            args.insert(0, receiver);
            heap.incref(callable)?;
            let result = call_value(heap, rt, function, args, kwargs);
            heap.decref(callable)?;
            return result;
        }
        Object::Class(_) => return instantiate(heap, rt, callable, args, kwargs),
        Object::WeakRef(_) if args.is_empty() && kwargs.is_empty() => {
            let referent = match heap.weakref_get(callable)? {
                Some(r) => r,
                None => return heap.none(),
            };
            heap.incref(referent)?;
            return Ok(referent);
        }
        _ => {}
    }
    let kw: Vec<(&str, ObjRef)> = kwargs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let result = match modules::special_call(heap, rt, callable, &args, &kw)? {
        Some(result) => Ok(result),
        None => heap.call_kw(callable, &args, &kw),
    };
    release_args(heap, args, kwargs)?;
    result
}

// ANCHOR_END: call_value

/// `Class(*args)`: a built-in type converts or builds; a class makes an instance and runs its
/// `__init__`.
pub(crate) fn instantiate(
    heap: &mut PyHeap,
    rt: &Runtime,
    class: ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> Result<ObjRef> {
    if rt.builtin_kind(class).is_some() {
        let kw: Vec<(&str, ObjRef)> = kwargs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let result = crate::builtins::call_type(heap, rt, class, &args, &kw);
        release_args(heap, args, kwargs)?;
        return result?.ok_or_else(|| Error::Invariant {
            message: "a built-in type without a constructor".into(),
        });
    }
    let instance = heap.new_instance(class)?;
    let init = heap.class_attr(class, "__init__")?;
    let Some(init) = init else {
        if !args.is_empty() || !kwargs.is_empty() {
            let name = heap.type_name(instance)?;
            release_args(heap, args, kwargs)?;
            heap.decref(instance)?;
            return raise("TypeError", format!("{name}() takes no arguments"));
        }
        return Ok(instance);
    };
    heap.incref(init)?;
    let mut args = args;
    heap.incref(instance)?;
    args.insert(0, instance);
    let result = call_value(heap, rt, init, args, kwargs);
    heap.decref(init)?;
    match result {
        Ok(none) if heap.get(none).is_ok_and(|o| matches!(o, Object::None)) => {
            heap.decref(none)?;
            Ok(instance)
        }
        Ok(other) => {
            let type_name = heap.type_name(other)?;
            heap.decref(other)?;
            heap.decref(instance)?;
            raise(
                "TypeError",
                format!("__init__() should return None, not '{type_name}'"),
            )
        }
        Err(e) => {
            heap.decref(instance)?;
            Err(e)
        }
    }
}

/// A `def` or a `lambda`: a function object holding its defaults and its closure.
pub(crate) fn make_function(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    def: &Rc<FunctionDef>,
) -> Result<ObjRef> {
    let code = frame
        .code
        .nested(scope::key(&**def))
        .ok_or_else(|| Error::Invariant {
            message: format!("no code for function {}", def.name),
        })?;
    let mut captured = Vec::new();
    let params = &def.params;
    let default_exprs: Vec<&Expr> = params
        .positional
        .iter()
        .chain(&params.keyword_only)
        .filter_map(|p| p.default.as_ref())
        .collect();
    let defaults = if default_exprs.is_empty() {
        None
    } else {
        let mut values = Vec::new();
        for e in default_exprs {
            match eval(heap, rt, frame, e) {
                Ok(v) => values.push(v),
                Err(err) => return drop_all(heap, values, err),
            }
        }
        captured.push(build(heap, values, |heap, items| heap.new_tuple(items))?);
        Some(captured.len() - 1)
    };
    let closure = if code.free().is_empty() {
        None
    } else {
        let mut cells = Vec::new();
        for name in code.free() {
            let Var::Cell(i) = frame.code.var(name) else {
                return Err(Error::Invariant {
                    message: format!("free variable {name} is not a cell outside"),
                });
            };
            cells.push(frame.cells[i]);
        }
        captured.push(heap.new_tuple(&cells)?);
        Some(captured.len() - 1)
    };
    let info = Rc::new(FuncInfo {
        code: Rc::clone(&code),
        def: Rc::clone(def),
        defaults,
        closure,
        defining_class: Cell::new(None),
    });
    let native_info = Rc::clone(&info);
    let native_rt = rt.rc();
    // ANCHOR: native
    // Called this way by the heap (a `__del__`, a callback): the arguments are borrowed, so
    // the frame takes references of its own.
    let function = heap.new_function_kw(
        &code.qualname,
        &captured,
        move |heap, captured, args, kwargs| {
            for &arg in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
                heap.incref(arg)?;
            }
            let kwargs = kwargs.iter().map(|&(k, v)| (k.to_string(), v)).collect();
            // As CPython's finalizer and callback calls do, the exception being raised (if
            // any) is set aside while the function runs, and comes back after.
            let saved = native_rt.raising.take();
            let result = call_python(
                heap,
                &native_rt,
                &native_info,
                captured.to_vec(),
                args.to_vec(),
                kwargs,
            );
            if let Err(error) = &result
                && is_python_exception(error)
                && let Ok(exc) = materialize(heap, &native_rt, error)
            {
                // The heap reports it as unraisable (or hands it back to a native caller): the
                // traceback is kept for the report, the object dropped.
                let (type_name, message) = error_parts(error);
                let traceback = format_traceback(heap, &native_rt, exc);
                *native_rt.native_traceback.borrow_mut() = Some((type_name, message, traceback));
                if let Some(exc) = native_rt.raising.take() {
                    heap.decref(exc)?;
                }
            }
            native_rt.raising.set(saved);
            result
        },
    );
    // ANCHOR_END: native
    for c in captured {
        heap.decref(c)?;
    }
    let function = function?;
    rt.register_function(heap, function, info);
    Ok(function)
}

/// Runs a Python function's body in a new frame that owns `args` and `kwargs`.
pub(crate) fn call_python(
    heap: &mut PyHeap,
    rt: &Runtime,
    info: &Rc<FuncInfo>,
    captured: Vec<ObjRef>,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> Result<ObjRef> {
    let depth = rt.depth.get() + 1;
    if depth > rt.recursion_limit.get() {
        release_args(heap, args, kwargs)?;
        return raise("RecursionError", "maximum recursion depth exceeded");
    }
    let mut frame = Frame::new(Rc::clone(&info.code));
    frame.func = Some(Rc::clone(info));
    if let Err(e) = bind_arguments(heap, rt, info, &captured, &mut frame, args, kwargs) {
        frame.clear(heap)?;
        return Err(e);
    }
    rt.depth.set(depth);
    let result = exec_block(heap, rt, &mut frame, &info.def.body);
    rt.depth.set(depth - 1);
    let result = match result {
        Ok(Flow::Return(value)) => Ok(value),
        Ok(_) => heap.none(),
        Err(error) => {
            note_frame(heap, rt, &mut frame, &error)?;
            Err(error)
        }
    };
    frame.clear(heap)?;
    result
}

/// Puts the arguments in the frame's parameters, checking them as CPython does.
pub(crate) fn bind_arguments(
    heap: &mut PyHeap,
    rt: &Runtime,
    info: &FuncInfo,
    captured: &[ObjRef],
    frame: &mut Frame,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> Result<()> {
    let code = &info.code;
    let params = &info.def.params;
    let name = &code.name;
    // Cells first: a parameter that is a cell is stored in it.
    for _ in 0..code.own_cells {
        frame.cells.push(heap.new_cell(None)?);
    }
    if let Some(i) = info.closure {
        let cells = match heap.get(captured[i])? {
            Object::Tuple(cells) => cells.to_vec(),
            _ => Vec::new(),
        };
        for cell in cells {
            heap.incref(cell)?;
            frame.cells.push(cell);
        }
    }
    let defaults: Vec<ObjRef> = match info.defaults {
        Some(i) => match heap.get(captured[i])? {
            Object::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    let n_positional = params.positional.len();
    let mut values: Vec<Option<ObjRef>> = vec![None; n_positional + params.keyword_only.len()];
    let mut args = args.into_iter();
    let mut extra = Vec::new();
    for (i, arg) in args.by_ref().enumerate() {
        if i < n_positional {
            values[i] = Some(arg);
        } else {
            extra.push(arg);
        }
    }
    let mut kw_extra = Vec::new();
    let mut error = None;
    if !extra.is_empty() && params.varargs.is_none() {
        let with_defaults = params
            .positional
            .iter()
            .filter(|p| p.default.is_some())
            .count();
        let given = n_positional + extra.len();
        let takes = if with_defaults == 0 {
            format!(
                "{n_positional} positional argument{}",
                if n_positional == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "from {} to {n_positional} positional arguments",
                n_positional - with_defaults
            )
        };
        error = Some(format!(
            "{name}() takes {takes} but {given} {} given",
            if given == 1 { "was" } else { "were" }
        ));
    }
    for (key, value) in kwargs {
        let position = params
            .positional
            .iter()
            .chain(&params.keyword_only)
            .position(|p| p.name == key);
        match position {
            Some(i) if values[i].is_none() => values[i] = Some(value),
            Some(_) => {
                error.get_or_insert(format!("{name}() got multiple values for argument '{key}'"));
                heap.decref(value)?;
            }
            None if params.kwargs.is_some() => kw_extra.push((key, value)),
            None => {
                error.get_or_insert(format!(
                    "{name}() got an unexpected keyword argument '{key}'"
                ));
                heap.decref(value)?;
            }
        }
    }
    // Defaults, for the parameters still missing.
    let mut next_default = 0;
    let mut missing = Vec::new();
    let mut missing_kw = Vec::new();
    for (i, p) in params
        .positional
        .iter()
        .chain(&params.keyword_only)
        .enumerate()
    {
        if p.default.is_some() {
            let d = defaults.get(next_default).copied();
            next_default += 1;
            if values[i].is_none()
                && let Some(d) = d
            {
                heap.incref(d)?;
                values[i] = Some(d);
            }
        } else if values[i].is_none() {
            if i < n_positional {
                missing.push(p.name.clone());
            } else {
                missing_kw.push(p.name.clone());
            }
        }
    }
    if error.is_none() && !missing.is_empty() {
        error = Some(missing_message(name, "positional", &missing));
    }
    if error.is_none() && !missing_kw.is_empty() {
        error = Some(missing_message(name, "keyword-only", &missing_kw));
    }
    let all: Vec<(&String, Option<ObjRef>)> = params
        .positional
        .iter()
        .chain(&params.keyword_only)
        .map(|p| &p.name)
        .zip(values)
        .collect();
    let varargs = match &params.varargs {
        Some(v) => {
            let tuple = build(heap, std::mem::take(&mut extra), |heap, items| {
                heap.new_tuple(items)
            })?;
            Some((v, tuple))
        }
        None => None,
    };
    let varkw = match &params.kwargs {
        Some(k) => {
            let dict = heap.new_dict()?;
            for (key, value) in std::mem::take(&mut kw_extra) {
                let key = heap.new_str(&key)?;
                heap.dict_set(dict, key, value)?;
                heap.decref(key)?;
                heap.decref(value)?;
            }
            Some((k, dict))
        }
        None => None,
    };
    for arg in extra {
        heap.decref(arg)?;
    }
    for (name, value) in all
        .into_iter()
        .chain(varargs.iter().map(|(n, v)| (*n, Some(*v))))
        .chain(varkw.iter().map(|(n, v)| (*n, Some(*v))))
    {
        if let Some(value) = value {
            store_name(heap, rt, frame, name, value)?;
        }
    }
    match error {
        Some(message) => raise("TypeError", message),
        None => Ok(()),
    }
}

pub(crate) fn missing_message(function: &str, kind: &str, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!(
        "{function}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    )
}

/// A `class` statement: the body runs with a namespace of its own, then the class is made
/// from it.
pub(crate) fn exec_class(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    class: &Rc<ClassDef>,
) -> Result<()> {
    let base = match class.bases.as_slice() {
        [] => None,
        [base] => {
            let b = eval(heap, rt, frame, base)?;
            if !matches!(heap.get(b)?, Object::Class(_)) {
                heap.decref(b)?;
                return raise("TypeError", "bases must be types");
            }
            Some(b)
        }
        _ => return raise("TypeError", "pyrun classes have a single base class"),
    };
    // A base that is `object` is no base at all here.
    let base = match base {
        Some(b) if Some(b) == rt.type_object(Kind::Instance) => {
            heap.decref(b)?;
            None
        }
        other => other,
    };
    let visible: Vec<(String, Var)> = frame
        .code
        .vars
        .iter()
        .filter(|(_, v)| **v != Var::Global)
        .map(|(n, v)| (n.clone(), *v))
        .collect();
    let qualname = if frame.code.name == "<module>" {
        class.name.clone()
    } else {
        format!("{}.<locals>.{}", frame.code.qualname, class.name)
    };
    let code = scope::class_code(class, &qualname, &visible);
    let mut body = Frame::new(code);
    body.namespace = Some(heap.new_dict()?);
    // The class body sees the enclosing function's cells.
    for cell in &frame.cells {
        heap.incref(*cell)?;
    }
    body.cells = frame.cells.clone();
    let module_name = heap.new_str("__main__")?;
    store_name(heap, rt, &mut body, "__module__", module_name)?;
    let qualname_str = heap.new_str(&qualname)?;
    store_name(heap, rt, &mut body, "__qualname__", qualname_str)?;
    let result = exec_block(heap, rt, &mut body, &class.body);
    let made = match result {
        Ok(_) => {
            let ns = body.namespace.expect("a class body has a namespace");
            let entries: Vec<(String, ObjRef)> = match heap.get(ns)? {
                Object::Dict(d) => d
                    .entries()
                    .iter()
                    .filter_map(|&(k, v)| heap.as_str(k).ok().map(|k| (k.to_string(), v)))
                    .filter(|(k, _)| k != "__module__" && k != "__qualname__")
                    .collect(),
                _ => Vec::new(),
            };
            let attrs: Vec<(&str, ObjRef)> =
                entries.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            let made = heap.new_subclass(&class.name, base, &attrs);
            if let Ok(new_class) = made {
                for &(_, v) in &attrs {
                    if let Some(info) = rt.functions.borrow().get(&v) {
                        info.defining_class.set(Some(new_class));
                    }
                }
            }
            made
        }
        Err(e) => {
            note_frame(heap, rt, &mut body, &e)?;
            Err(e)
        }
    };
    body.clear(heap)?;
    if let Some(b) = base {
        heap.decref(b)?;
    }
    let mut made = made?;
    for decorator in class.decorators.iter().rev() {
        let d = eval(heap, rt, frame, decorator)?;
        let result = call_value(heap, rt, d, vec![made], vec![]);
        heap.decref(d)?;
        made = result?;
    }
    store_name(heap, rt, frame, &class.name, made)
}
