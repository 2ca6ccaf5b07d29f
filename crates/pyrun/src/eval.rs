//! The evaluator: statements and expressions, run over the heap with CPython's reference
//! discipline.
//!
//! Every value the evaluator holds is a counted reference, as on CPython's evaluation stack:
//! evaluating an expression gives a *new* reference, which the evaluator stores (a name
//! takes it over), passes on (a call's arguments move into the callee's frame, as in 3.11)
//! or drops (`decref`) the moment CPython would pop it. That is what makes
//! `sys.getrefcount` and the timing of `__del__` come out as CPython's.
//!
//! A Python exception travels as `Err`: the exception object waits in `Runtime::raising`
//! while the error climbs, and each frame it leaves adds a traceback entry.

use std::rc::Rc;

use refcount::{Error, ObjRef, Object, Result, Unraisable};

use crate::ast::*;
use crate::calls::*;
use crate::constants::Constants;
use crate::exceptions::*;
use crate::runtime::{PyHeap, Runtime, raise};
use crate::scope::{self, Code, Var};
use crate::{methods, modules, ops};

pub use crate::attributes::{delattr, getattr, setattr};
pub use crate::calls::{call, call_value};
pub use crate::exceptions::{error_parts, exception_str, format_traceback, materialize};

/// The error that stops a program past `Options::max_statements`.
pub const STATEMENT_LIMIT: &str = "the program ran more statements than it may";

/// How a block of statements ended.
pub(crate) enum Flow {
    Normal,
    Break,
    Continue,
    Return(ObjRef),
}

/// One activation: the module, a class body, a function call or a comprehension.
pub(crate) struct Frame {
    pub(crate) code: Rc<Code>,
    /// Owned references, by slot; `None` while unbound. Empty once the frame has a frame
    /// object, which owns them from then on.
    locals: Vec<Option<ObjRef>>,
    /// The frame object (owned), once a traceback has needed one: CPython makes it lazily.
    pub(crate) object: Option<ObjRef>,
    /// The exception this frame last added a traceback entry for (not counted).
    pub(crate) noted: Option<ObjRef>,
    /// Owned references to the frame's cells (its own, then its free variables').
    pub(crate) cells: Vec<ObjRef>,
    /// A class body's namespace (a dict, owned); `None` elsewhere.
    pub(crate) namespace: Option<ObjRef>,
    /// The function being run, for `super()`.
    pub(crate) func: Option<Rc<FuncInfo>>,
    pub(crate) line: Line,
    /// The exceptions being handled by enclosing `except` blocks, innermost last (borrowed:
    /// the handler's own variable holds them).
    pub(crate) handling: Vec<ObjRef>,
}

impl Frame {
    pub(crate) fn new(code: Rc<Code>) -> Frame {
        Frame {
            locals: vec![None; code.locals.len()],
            object: None,
            noted: None,
            cells: Vec::new(),
            namespace: None,
            func: None,
            line: 0,
            handling: Vec::new(),
            code,
        }
    }

    /// Local variable `slot`, borrowed.
    pub(crate) fn local(&self, heap: &PyHeap, slot: usize) -> Result<Option<ObjRef>> {
        match self.object {
            Some(object) => heap.frame_get(object, slot),
            None => Ok(self.locals[slot]),
        }
    }

    /// Binds local `slot` to `value` (taking over the reference) or unbinds it; the old value
    /// is dropped after, so its `__del__` sees the new binding.
    pub(crate) fn set_local(
        &mut self,
        heap: &mut PyHeap,
        slot: usize,
        value: Option<ObjRef>,
    ) -> Result<()> {
        match self.object {
            Some(object) => heap.frame_set(object, slot, value),
            None => match std::mem::replace(&mut self.locals[slot], value) {
                Some(old) => heap.decref(old),
                None => Ok(()),
            },
        }
    }

    /// The frame object, made now if the frame has none: it takes the local variables over
    /// and holds the cells too (borrowed).
    pub(crate) fn object(&mut self, heap: &mut PyHeap) -> Result<ObjRef> {
        if let Some(object) = self.object {
            return Ok(object);
        }
        let mut variables = std::mem::take(&mut self.locals);
        for &cell in &self.cells {
            heap.incref(cell)?;
            variables.push(Some(cell));
        }
        let object = heap.new_frame(&self.code.name, variables)?;
        self.object = Some(object);
        Ok(object)
    }

    // ANCHOR: frame_clear
    /// Drops every variable, first slot to last, then the cells: `_PyFrame_Clear`. A frame
    /// with a frame object lets go of it instead: the variables live on while a traceback
    /// refers to it.
    pub(crate) fn clear(&mut self, heap: &mut PyHeap) -> Result<()> {
        for local in std::mem::take(&mut self.locals).into_iter().flatten() {
            heap.decref(local)?;
        }
        if let Some(object) = self.object.take() {
            heap.decref(object)?;
        }
        for cell in std::mem::take(&mut self.cells) {
            heap.decref(cell)?;
        }
        if let Some(ns) = self.namespace.take() {
            heap.decref(ns)?;
        }
        Ok(())
    }
    // ANCHOR_END: frame_clear
}

/// A `for` loop's iterator: reads the live container, as CPython's iterators do, holding a
/// reference to it.
pub(crate) enum Iter {
    Seq { seq: ObjRef, next: usize },
    Range { next: i64, stop: i64, step: i64 },
    Items(std::vec::IntoIter<ObjRef>),
}

impl Iter {
    pub(crate) fn new(heap: &mut PyHeap, rt: &Runtime, iterable: ObjRef) -> Result<Iter> {
        match heap.get(iterable)? {
            Object::List(_) | Object::Tuple(_) => {
                heap.incref(iterable)?;
                Ok(Iter::Seq {
                    seq: iterable,
                    next: 0,
                })
            }
            &Object::Range { start, stop, step } => Ok(Iter::Range {
                next: start,
                stop,
                step,
            }),
            _ => Ok(Iter::Items(ops::iterate(heap, rt, iterable)?.into_iter())),
        }
    }

    /// The next item, a new reference.
    pub(crate) fn next(&mut self, heap: &mut PyHeap) -> Result<Option<ObjRef>> {
        match self {
            Iter::Seq { seq, next } => {
                let item = match heap.get(*seq)? {
                    Object::List(list) => list.items().get(*next).copied(),
                    Object::Tuple(items) => items.get(*next).copied(),
                    _ => None,
                };
                *next += 1;
                if let Some(item) = item {
                    heap.incref(item)?;
                }
                Ok(item)
            }
            Iter::Range { next, stop, step } => {
                let more = if *step > 0 {
                    *next < *stop
                } else {
                    *next > *stop
                };
                if !more {
                    return Ok(None);
                }
                let value = *next;
                *next = next.saturating_add(*step);
                Ok(Some(heap.new_int(value)?))
            }
            Iter::Items(items) => Ok(items.next()),
        }
    }

    pub(crate) fn close(self, heap: &mut PyHeap) -> Result<()> {
        match self {
            Iter::Seq { seq, .. } => heap.decref(seq),
            Iter::Range { .. } => Ok(()),
            Iter::Items(rest) => rest.into_iter().try_for_each(|item| heap.decref(item)),
        }
    }
}

/// Runs a module's statements at module level; an exception escaping them is returned.
pub fn run_module(heap: &mut PyHeap, rt: &Runtime, module: &Module) -> Result<()> {
    let code = scope::module_code(&module.body);
    let mut frame = Frame::new(code);
    let result = exec_block(heap, rt, &mut frame, &module.body);
    match result {
        Ok(Flow::Return(value)) => heap.decref(value),
        Ok(_) => Ok(()),
        Err(error) => {
            note_frame(heap, rt, &mut frame, &error)?;
            Err(error)
        }
    }
}

pub(crate) fn exec_block(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    body: &[Stmt],
) -> Result<Flow> {
    for stmt in body {
        match exec(heap, rt, frame, stmt)? {
            Flow::Normal => {}
            other => return Ok(other),
        }
    }
    Ok(Flow::Normal)
}

pub(crate) fn exec(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    stmt: &Stmt,
) -> Result<Flow> {
    frame.line = stmt.line;
    let statements = rt.statements.get() + 1;
    rt.statements.set(statements);
    if rt.max_statements.get().is_some_and(|max| statements > max) {
        // Not a Python exception: no `except` may catch it.
        return Err(Error::Invariant {
            message: STATEMENT_LIMIT.into(),
        });
    }
    match &stmt.kind {
        StmtKind::Expr(e) => {
            let value = eval(heap, rt, frame, e)?;
            heap.decref(value)?;
        }
        StmtKind::Assign { targets, value } => {
            // `a, b = x, y` builds no tuple in CPython 3.11 (the compiler swaps instead).
            if let [target] = targets.as_slice()
                && let (ExprKind::Tuple(names) | ExprKind::List(names), ExprKind::Tuple(values)) =
                    (&target.kind, &value.kind)
                && names.len() == values.len()
                && (1..=3).contains(&values.len())
                && !names
                    .iter()
                    .chain(values)
                    .any(|e| matches!(e.kind, ExprKind::Starred(_)))
            {
                let mut items = Vec::with_capacity(values.len());
                for v in values {
                    match eval(heap, rt, frame, v) {
                        Ok(item) => items.push(item),
                        Err(e) => return drop_all(heap, items, e),
                    }
                }
                let mut items = items.into_iter();
                for name in names {
                    let item = items.next().expect("as many values as names");
                    if let Err(e) = store(heap, rt, frame, name, item) {
                        return drop_all(heap, items.collect(), e);
                    }
                }
                return Ok(Flow::Normal);
            }
            let value = eval(heap, rt, frame, value)?;
            for (i, target) in targets.iter().enumerate() {
                if i + 1 < targets.len() {
                    heap.incref(value)?;
                }
                store(heap, rt, frame, target, value)?;
            }
        }
        StmtKind::AugAssign { target, op, value } => {
            exec_augassign(heap, rt, frame, target, *op, value)?
        }
        StmtKind::AnnAssign { target, value } => {
            if let Some(value) = value {
                let value = eval(heap, rt, frame, value)?;
                store(heap, rt, frame, target, value)?;
            }
        }
        StmtKind::Del(targets) => {
            for target in targets {
                delete(heap, rt, frame, target)?;
            }
        }
        StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        StmtKind::Break => return Ok(Flow::Break),
        StmtKind::Continue => return Ok(Flow::Continue),
        StmtKind::Return(value) => {
            let value = match value {
                Some(v) => eval(heap, rt, frame, v)?,
                None => heap.none()?,
            };
            return Ok(Flow::Return(value));
        }
        StmtKind::If { test, body, orelse } => {
            let branch = if eval_truth(heap, rt, frame, test)? {
                body
            } else {
                orelse
            };
            return exec_block(heap, rt, frame, branch);
        }
        StmtKind::While { test, body, orelse } => loop {
            if !eval_truth(heap, rt, frame, test)? {
                return exec_block(heap, rt, frame, orelse);
            }
            match exec_block(heap, rt, frame, body)? {
                Flow::Break => break,
                Flow::Return(v) => return Ok(Flow::Return(v)),
                Flow::Normal | Flow::Continue => {}
            }
        },
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => return exec_for(heap, rt, frame, target, iter, body, orelse),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => return exec_try(heap, rt, frame, body, handlers, orelse, finalbody),
        StmtKind::Raise { exc, cause } => return Err(exec_raise(heap, rt, frame, exc, cause)),
        StmtKind::Assert { test, msg } => {
            if !eval_truth(heap, rt, frame, test)? {
                let args = match msg {
                    Some(m) => vec![eval(heap, rt, frame, m)?],
                    None => vec![],
                };
                let class = exception_class(rt, "AssertionError")?;
                let exc = call_value(heap, rt, class, args, vec![])?;
                return Err(raise_object(heap, rt, exc));
            }
        }
        StmtKind::FunctionDef(def) => {
            let mut function = make_function(heap, rt, frame, def)?;
            for decorator in def.decorators.iter().rev() {
                let d = eval(heap, rt, frame, decorator)?;
                let result = call_value(heap, rt, d, vec![function], vec![]);
                heap.decref(d)?;
                function = result?;
            }
            store_name(heap, rt, frame, &def.name, function)?;
        }
        StmtKind::ClassDef(class) => exec_class(heap, rt, frame, class)?,
        StmtKind::Import(names) => {
            for (module, as_) in names {
                let m = modules::import(heap, rt, module)?;
                store_name(heap, rt, frame, as_, m)?;
            }
        }
        StmtKind::ImportFrom { module, names } => {
            let m = modules::import(heap, rt, module)?;
            for (name, as_) in names {
                let value = match getattr(heap, rt, m, name) {
                    Ok(v) => v,
                    Err(_) => {
                        heap.decref(m)?;
                        return raise(
                            "ImportError",
                            format!(
                                "cannot import name '{name}' from '{module}' (unknown location)"
                            ),
                        );
                    }
                };
                store_name(heap, rt, frame, as_, value)?;
            }
            heap.decref(m)?;
        }
    }
    Ok(Flow::Normal)
}

/// Drops the references in `items` and returns the error that interrupted their use.
pub(crate) fn drop_all<T>(heap: &mut PyHeap, items: Vec<ObjRef>, error: Error) -> Result<T> {
    for item in items {
        heap.decref(item)?;
    }
    Err(error)
}

pub(crate) fn exec_augassign(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    target: &Expr,
    op: BinOp,
    value: &Expr,
) -> Result<()> {
    match &target.kind {
        ExprKind::Name(_) => {
            let current = eval(heap, rt, frame, target)?;
            let operand = match eval(heap, rt, frame, value) {
                Ok(v) => v,
                Err(e) => return drop_all(heap, vec![current], e),
            };
            let result = ops::inplace(heap, rt, op, current, operand);
            heap.decref(current)?;
            heap.decref(operand)?;
            store(heap, rt, frame, target, result?)
        }
        ExprKind::Attribute { value: obj, attr } => {
            let obj = eval(heap, rt, frame, obj)?;
            let result = (|| {
                let current = getattr(heap, rt, obj, attr)?;
                let operand = match eval(heap, rt, frame, value) {
                    Ok(v) => v,
                    Err(e) => return drop_all(heap, vec![current], e),
                };
                let result = ops::inplace(heap, rt, op, current, operand);
                heap.decref(current)?;
                heap.decref(operand)?;
                let result = result?;
                let stored = setattr(heap, rt, obj, attr, result);
                heap.decref(result)?;
                stored
            })();
            heap.decref(obj)?;
            result
        }
        ExprKind::Subscript { value: obj, index } => {
            let obj = eval(heap, rt, frame, obj)?;
            let key = match eval(heap, rt, frame, index) {
                Ok(k) => k,
                Err(e) => return drop_all(heap, vec![obj], e),
            };
            let result = (|| {
                let current = ops::getitem(heap, rt, obj, key)?;
                let operand = match eval(heap, rt, frame, value) {
                    Ok(v) => v,
                    Err(e) => return drop_all(heap, vec![current], e),
                };
                let result = ops::inplace(heap, rt, op, current, operand);
                heap.decref(current)?;
                heap.decref(operand)?;
                let result = result?;
                let stored = ops::setitem(heap, rt, obj, key, result);
                heap.decref(result)?;
                stored
            })();
            heap.decref(key)?;
            heap.decref(obj)?;
            result
        }
        _ => raise("SyntaxError", "illegal expression for augmented assignment"),
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn exec_for(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    target: &Expr,
    iter: &Expr,
    body: &[Stmt],
    orelse: &[Stmt],
) -> Result<Flow> {
    let iterable = eval(heap, rt, frame, iter)?;
    let iterator = Iter::new(heap, rt, iterable);
    heap.decref(iterable)?;
    let mut iterator = iterator?;
    let result = (|| {
        loop {
            let Some(item) = iterator.next(heap)? else {
                return exec_block(heap, rt, frame, orelse);
            };
            store(heap, rt, frame, target, item)?;
            match exec_block(heap, rt, frame, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                Flow::Normal | Flow::Continue => {}
            }
        }
    })();
    iterator.close(heap)?;
    result
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn exec_try(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    body: &[Stmt],
    handlers: &[Handler],
    orelse: &[Stmt],
    finalbody: &[Stmt],
) -> Result<Flow> {
    let mut outcome = match exec_block(heap, rt, frame, body) {
        Ok(Flow::Normal) => exec_block(heap, rt, frame, orelse),
        Ok(flow) => Ok(flow),
        Err(error) if handlers.is_empty() => Err(error),
        Err(error) => handle(heap, rt, frame, handlers, error),
    };
    if !finalbody.is_empty() {
        if let Err(error) = &outcome {
            // The exception has reached this frame: its traceback entry has this line.
            note_frame(heap, rt, frame, error)?;
        }
        // The pending exception waits outside while `finally` runs (it may raise and catch
        // exceptions of its own).
        let pending = match &outcome {
            Err(error) if is_python_exception(error) => {
                materialize(heap, rt, error)?;
                rt.raising.take()
            }
            _ => None,
        };
        match exec_block(heap, rt, frame, finalbody) {
            Ok(Flow::Normal) => {
                if let Some(exc) = pending {
                    let error = outcome.err().expect("pending only with an error");
                    rt.raising.set(Some(exc));
                    outcome = Err(error);
                }
            }
            other => {
                // `return`, `break` or a new exception in `finally` wins.
                if let Some(exc) = pending {
                    heap.decref(exc)?;
                }
                if let Ok(Flow::Return(v)) = outcome {
                    heap.decref(v)?;
                }
                outcome = other;
            }
        }
    }
    outcome
}

/// Finds the `except` clause for the exception `error` and runs it.
pub(crate) fn handle(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    handlers: &[Handler],
    error: Error,
) -> Result<Flow> {
    if !is_python_exception(&error) {
        return Err(error);
    }
    note_frame(heap, rt, frame, &error)?;
    let exc = materialize(heap, rt, &error)?;
    for handler in handlers {
        let matches = match &handler.type_ {
            None => true,
            Some(type_expr) => {
                frame.line = handler.line;
                let class = eval(heap, rt, frame, type_expr)?;
                let matches = exception_matches(heap, rt, exc, class);
                heap.decref(class)?;
                matches?
            }
        };
        if !matches {
            continue;
        }
        // The exception is ours now: out of `raising`, into the handler's variable.
        let exc = rt.raising.take().expect("materialized");
        frame.handling.push(exc);
        let result = match &handler.name {
            Some(name) => {
                heap.incref(exc)?;
                store_name(heap, rt, frame, name, exc)?;
                let result = exec_block(heap, rt, frame, &handler.body);
                // `except E as e:` ends with `del e`, so the exception (and its traceback's
                // frames) do not stay alive through the variable.
                unbind_quietly(heap, frame, name)?;
                result
            }
            None => exec_block(heap, rt, frame, &handler.body),
        };
        frame.handling.pop();
        heap.decref(exc)?;
        return result;
    }
    Err(error)
}

pub(crate) fn exec_raise(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    exc: &Option<Expr>,
    cause: &Option<Expr>,
) -> Error {
    let result = (|| {
        let Some(exc) = exc else {
            // A bare `raise`: the exception being handled, again.
            let Some(&current) = frame.handling.last() else {
                return raise("RuntimeError", "No active exception to reraise");
            };
            heap.incref(current)?;
            return Ok(current);
        };
        let value = eval(heap, rt, frame, exc)?;
        let value = if matches!(heap.get(value)?, Object::Class(_)) {
            let instance = call_value(heap, rt, value, vec![], vec![]);
            heap.decref(value)?;
            instance?
        } else {
            value
        };
        if let Some(cause) = cause {
            let cause = eval(heap, rt, frame, cause)?;
            let stored = heap.set_attr(value, "__cause__", cause);
            heap.decref(cause)?;
            stored?;
        }
        Ok(value)
    })();
    match result {
        Ok(exc) => {
            if !is_exception_instance(heap, rt, exc) {
                let _ = heap.decref(exc);
                return Error::raise("TypeError", "exceptions must derive from BaseException");
            }
            raise_object(heap, rt, exc)
        }
        Err(error) => error,
    }
}

// ANCHOR: load_name
pub(crate) fn load_name(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &Frame,
    name: &str,
) -> Result<ObjRef> {
    let found = match frame.code.var(name) {
        Var::Local(i) => match frame.local(heap, i)? {
            Some(v) => v,
            None => {
                return unbound_local(name);
            }
        },
        Var::Cell(i) => match heap.cell_get(frame.cells[i])? {
            Some(v) => v,
            None if i < frame.code.own_cells => {
                return unbound_local(name);
            }
            None => {
                return unbound_free(name);
            }
        },
        Var::Global => {
            let in_namespace = match frame.namespace {
                Some(ns) => dict_get_str(heap, ns, name)?,
                None => None,
            };
            match in_namespace {
                Some(v) => v,
                None => match dict_get_str(heap, heap.globals(), name)? {
                    Some(v) => v,
                    None => match rt.builtins.get() {
                        Some(b) => match dict_get_str(heap, b, name)? {
                            Some(v) => v,
                            None => return name_error(name),
                        },
                        None => return name_error(name),
                    },
                },
            }
        }
    };
    heap.incref(found)?;
    Ok(found)
}
// ANCHOR_END: load_name

/// CPython 3.11's `UnboundLocalError` for a local read (or deleted) before it is bound.
fn unbound_local<T>(name: &str) -> Result<T> {
    let message =
        format!("cannot access local variable '{name}' where it is not associated with a value");
    raise("UnboundLocalError", message)
}

/// CPython 3.11's `NameError` for a free variable whose cell is still empty.
fn unbound_free<T>(name: &str) -> Result<T> {
    raise(
        "NameError",
        format!(
            "cannot access free variable '{name}' where it is not associated with a value in \
             enclosing scope"
        ),
    )
}

pub(crate) fn name_error<T>(name: &str) -> Result<T> {
    raise("NameError", format!("name '{name}' is not defined"))
}

/// `dict[name]` for a str key, borrowed.
pub(crate) fn dict_get_str(heap: &mut PyHeap, dict: ObjRef, name: &str) -> Result<Option<ObjRef>> {
    let key = heap.intern(name)?;
    let found = heap.dict_get(dict, key);
    heap.decref(key)?;
    found
}

// ANCHOR: store_name
/// Binds `name` to `value`, taking over the reference.
pub(crate) fn store_name(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    name: &str,
    value: ObjRef,
) -> Result<()> {
    let _ = rt;
    match frame.code.var(name) {
        Var::Local(i) => {
            // The new value is in place before the old one is dropped (its `__del__` may
            // look at the variable).
            frame.set_local(heap, i, Some(value))
        }
        Var::Cell(i) => {
            let result = heap.cell_set(frame.cells[i], Some(value));
            heap.decref(value)?;
            result
        }
        Var::Global => {
            let dict = frame.namespace.unwrap_or(heap.globals());
            let key = heap.intern(name)?;
            let result = heap.dict_set(dict, key, value);
            heap.decref(key)?;
            heap.decref(value)?;
            result
        }
    }
}

// ANCHOR_END: store_name

pub(crate) fn delete_name(heap: &mut PyHeap, frame: &mut Frame, name: &str) -> Result<()> {
    match frame.code.var(name) {
        Var::Local(i) => match frame.local(heap, i)? {
            Some(_) => frame.set_local(heap, i, None),
            None => unbound_local(name),
        },
        Var::Cell(i) => match heap.cell_get(frame.cells[i])? {
            Some(_) => heap.cell_set(frame.cells[i], None),
            None => unbound_local(name),
        },
        Var::Global => {
            let dict = frame.namespace.unwrap_or(heap.globals());
            let key = heap.intern(name)?;
            let present = heap.dict_get(dict, key)?.is_some();
            let result = if present {
                heap.dict_del(dict, key)
            } else {
                name_error(name)
            };
            heap.decref(key)?;
            result
        }
    }
}

/// Unbinds a name if it is bound (the end of an `except ... as name` block).
pub(crate) fn unbind_quietly(heap: &mut PyHeap, frame: &mut Frame, name: &str) -> Result<()> {
    match delete_name(heap, frame, name) {
        Err(e) if e.is_exception() => Ok(()),
        other => other,
    }
}

/// `target = value`, taking over the reference to `value`.
pub(crate) fn store(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    target: &Expr,
    value: ObjRef,
) -> Result<()> {
    match &target.kind {
        ExprKind::Name(name) => store_name(heap, rt, frame, name, value),
        ExprKind::Attribute { value: obj, attr } => {
            let obj = match eval(heap, rt, frame, obj) {
                Ok(o) => o,
                Err(e) => return drop_all(heap, vec![value], e),
            };
            let result = setattr(heap, rt, obj, attr, value);
            heap.decref(value)?;
            heap.decref(obj)?;
            result
        }
        ExprKind::Subscript { value: obj, index } => {
            let result = subscript(
                heap,
                rt,
                frame,
                obj,
                index,
                |heap, obj, index| match index {
                    Index::Slice((l, u, s)) => ops::setitem_slice(heap, rt, obj, l, u, s, value),
                    Index::Key(key) => ops::setitem(heap, rt, obj, key, value),
                },
            );
            heap.decref(value)?;
            result
        }
        ExprKind::Tuple(targets) | ExprKind::List(targets) => {
            let items = ops::iterate(heap, rt, value);
            heap.decref(value)?;
            let items = items?;
            if items.len() != targets.len() {
                let message = if items.len() < targets.len() {
                    format!(
                        "not enough values to unpack (expected {}, got {})",
                        targets.len(),
                        items.len()
                    )
                } else {
                    format!("too many values to unpack (expected {})", targets.len())
                };
                return drop_all(heap, items, Error::raise("ValueError", &message));
            }
            let mut items = items.into_iter();
            for target in targets {
                let item = items.next().expect("lengths checked");
                if let Err(e) = store(heap, rt, frame, target, item) {
                    return drop_all(heap, items.collect(), e);
                }
            }
            Ok(())
        }
        _ => {
            heap.decref(value)?;
            raise("SyntaxError", "cannot assign to expression")
        }
    }
}

pub(crate) fn delete(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    target: &Expr,
) -> Result<()> {
    match &target.kind {
        ExprKind::Name(name) => delete_name(heap, frame, name),
        ExprKind::Attribute { value, attr } => {
            let obj = eval(heap, rt, frame, value)?;
            let result = delattr(heap, rt, obj, attr);
            heap.decref(obj)?;
            result
        }
        ExprKind::Subscript { value, index } => subscript(
            heap,
            rt,
            frame,
            value,
            index,
            |heap, obj, index| match index {
                Index::Slice((l, u, s)) => ops::delitem_slice(heap, rt, obj, l, u, s),
                Index::Key(key) => ops::delitem(heap, rt, obj, key),
            },
        ),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().try_for_each(|t| delete(heap, rt, frame, t))
        }
        _ => raise("SyntaxError", "cannot delete expression"),
    }
}

pub(crate) fn eval_truth(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    expr: &Expr,
) -> Result<bool> {
    let value = eval(heap, rt, frame, expr)?;
    let truth = ops::truthy(heap, rt, value);
    heap.decref(value)?;
    truth
}

/// Evaluates `expr` to a new reference.
pub(crate) fn eval(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    expr: &Expr,
) -> Result<ObjRef> {
    match &expr.kind {
        ExprKind::Name(name) => load_name(heap, rt, frame, name),
        ExprKind::Constant(c) => match program_constant(heap, rt, expr)? {
            Some(constant) => Ok(constant),
            None => constant(heap, c),
        },
        ExprKind::FString(parts) => {
            let text = eval_fstring(heap, rt, frame, parts)?;
            heap.new_str(&text)
        }
        ExprKind::Tuple(items) => {
            if let Some(constant) = program_constant(heap, rt, expr)? {
                return Ok(constant);
            }
            let items = eval_items(heap, rt, frame, items)?;
            build(heap, items, |heap, items| heap.new_tuple(items))
        }
        ExprKind::List(items) => {
            let items = eval_items(heap, rt, frame, items)?;
            build(heap, items, |heap, items| heap.new_list(items))
        }
        ExprKind::Set(items) => {
            let items = eval_items(heap, rt, frame, items)?;
            build(heap, items, |heap, items| heap.new_set(items))
        }
        ExprKind::Dict(entries) => {
            let dict = heap.new_dict()?;
            for (key, value) in entries {
                let result = (|| match key {
                    Some(key) => {
                        let k = eval(heap, rt, frame, key)?;
                        let v = match eval(heap, rt, frame, value) {
                            Ok(v) => v,
                            Err(e) => return drop_all(heap, vec![k], e),
                        };
                        let r = ops::setitem(heap, rt, dict, k, v);
                        heap.decref(k)?;
                        heap.decref(v)?;
                        r
                    }
                    None => {
                        let other = eval(heap, rt, frame, value)?;
                        let r = methods::call_method(heap, rt, dict, "update", &[other], &[]);
                        heap.decref(other)?;
                        if let Some(none) = r? {
                            heap.decref(none)?;
                        }
                        Ok(())
                    }
                })();
                if let Err(e) = result {
                    return drop_all(heap, vec![dict], e);
                }
            }
            Ok(dict)
        }
        ExprKind::Attribute { value, attr } => {
            let obj = eval(heap, rt, frame, value)?;
            let result = getattr(heap, rt, obj, attr);
            heap.decref(obj)?;
            result
        }
        ExprKind::Subscript { value, index } => subscript(
            heap,
            rt,
            frame,
            value,
            index,
            |heap, obj, index| match index {
                Index::Slice((l, u, s)) => ops::getitem_slice(heap, rt, obj, l, u, s),
                Index::Key(key) => ops::getitem(heap, rt, obj, key),
            },
        ),
        ExprKind::Slice { .. } => raise("SyntaxError", "a slice outside a subscript"),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => eval_call(heap, rt, frame, func, args, keywords),
        ExprKind::BinOp { left, op, right } => {
            let l = eval(heap, rt, frame, left)?;
            let r = match eval(heap, rt, frame, right) {
                Ok(r) => r,
                Err(e) => return drop_all(heap, vec![l], e),
            };
            let result = ops::binary(heap, rt, *op, l, r);
            heap.decref(l)?;
            heap.decref(r)?;
            result
        }
        ExprKind::UnaryOp { op, operand } => {
            let v = eval(heap, rt, frame, operand)?;
            let result = if *op == UnaryOp::Not {
                ops::truthy(heap, rt, v).and_then(|t| heap.new_bool(!t))
            } else {
                ops::unary(heap, rt, *op, v)
            };
            heap.decref(v)?;
            result
        }
        ExprKind::BoolOp { op, values } => {
            let mut last = None;
            for (i, value) in values.iter().enumerate() {
                if let Some(previous) = last.take() {
                    heap.decref(previous)?;
                }
                let v = eval(heap, rt, frame, value)?;
                if i + 1 == values.len() {
                    return Ok(v);
                }
                let truth = match ops::truthy(heap, rt, v) {
                    Ok(t) => t,
                    Err(e) => return drop_all(heap, vec![v], e),
                };
                if truth == (*op == BoolOp::Or) {
                    return Ok(v);
                }
                last = Some(v);
            }
            heap.none()
        }
        ExprKind::Compare {
            left,
            ops: comparisons,
        } => {
            let mut l = eval(heap, rt, frame, left)?;
            for (i, (op, right)) in comparisons.iter().enumerate() {
                let r = match eval(heap, rt, frame, right) {
                    Ok(r) => r,
                    Err(e) => return drop_all(heap, vec![l], e),
                };
                let result = compare(heap, rt, *op, l, r);
                heap.decref(l)?;
                let holds = match result {
                    Ok(h) => h,
                    Err(e) => return drop_all(heap, vec![r], e),
                };
                if !holds || i + 1 == comparisons.len() {
                    heap.decref(r)?;
                    return heap.new_bool(holds);
                }
                l = r;
            }
            heap.decref(l)?;
            heap.new_bool(true)
        }
        ExprKind::IfExp { test, body, orelse } => {
            if eval_truth(heap, rt, frame, test)? {
                eval(heap, rt, frame, body)
            } else {
                eval(heap, rt, frame, orelse)
            }
        }
        ExprKind::Lambda(def) => make_function(heap, rt, frame, def),
        ExprKind::Comprehension(comp) => eval_comprehension(heap, rt, frame, comp),
        ExprKind::Starred(_) => raise("SyntaxError", "can't use starred expression here"),
    }
}

pub(crate) fn compare(
    heap: &mut PyHeap,
    rt: &Runtime,
    op: CmpOp,
    l: ObjRef,
    r: ObjRef,
) -> Result<bool> {
    match op {
        CmpOp::Is => Ok(l == r),
        CmpOp::IsNot => Ok(l != r),
        _ => ops::compare(heap, rt, op, l, r),
    }
}

/// A new reference to the program's constant for `expr`, if it is one (see `constants.rs`).
fn program_constant(heap: &mut PyHeap, rt: &Runtime, expr: &Expr) -> Result<Option<ObjRef>> {
    let Some(key) = Constants::key_of(expr) else {
        return Ok(None);
    };
    let constant = rt.constants.borrow().get(&key);
    if let Some(c) = constant {
        heap.incref(c)?;
    }
    Ok(constant)
}

pub(crate) fn constant(heap: &mut PyHeap, c: &Constant) -> Result<ObjRef> {
    match c {
        Constant::None => heap.none(),
        Constant::Bool(b) => heap.new_bool(*b),
        Constant::Int(i) => heap.new_int(*i),
        Constant::Float(f) => heap.new_float(*f),
        Constant::Str(s) => heap.new_str(s),
        Constant::Ellipsis => raise("NotImplementedError", "Ellipsis is outside pyrun's subset"),
    }
}

/// Builds a container from owned items: the container takes its own references, ours go.
pub(crate) fn build(
    heap: &mut PyHeap,
    items: Vec<ObjRef>,
    make: impl FnOnce(&mut PyHeap, &[ObjRef]) -> Result<ObjRef>,
) -> Result<ObjRef> {
    let result = make(heap, &items);
    for item in items {
        heap.decref(item)?;
    }
    result
}

/// Evaluates display items left to right (`*xs` spread), new references.
pub(crate) fn eval_items(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    items: &[Expr],
) -> Result<Vec<ObjRef>> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let result = match &item.kind {
            ExprKind::Starred(inner) => eval(heap, rt, frame, inner).and_then(|v| {
                let spread = ops::iterate(heap, rt, v);
                heap.decref(v)?;
                out.extend(spread?);
                Ok(())
            }),
            _ => eval(heap, rt, frame, item).map(|v| out.push(v)),
        };
        if let Err(e) = result {
            return drop_all(heap, out, e);
        }
    }
    Ok(out)
}

type SliceBounds = (Option<i64>, Option<i64>, Option<i64>);

/// A subscript's index, evaluated: a slice's bounds, or a key (a new reference).
#[derive(Clone, Copy)]
enum Index {
    Slice(SliceBounds),
    Key(ObjRef),
}

impl Index {
    fn release(self, heap: &mut PyHeap) -> Result<()> {
        match self {
            Index::Key(key) => heap.decref(key),
            Index::Slice(_) => Ok(()),
        }
    }
}

/// `value[index]` as an operand of `act` (a get, a set or a del): both evaluated, in that
/// order, and both references dropped once `act` returns.
fn subscript<T>(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    value: &Expr,
    index: &Expr,
    act: impl FnOnce(&mut PyHeap, ObjRef, Index) -> Result<T>,
) -> Result<T> {
    let obj = eval(heap, rt, frame, value)?;
    let result = eval_index(heap, rt, frame, index).and_then(|index| {
        let result = act(heap, obj, index);
        index.release(heap)?;
        result
    });
    heap.decref(obj)?;
    result
}

fn eval_index(heap: &mut PyHeap, rt: &Runtime, frame: &mut Frame, index: &Expr) -> Result<Index> {
    match &index.kind {
        ExprKind::Slice { lower, upper, step } => {
            eval_slice(heap, rt, frame, lower, upper, step).map(Index::Slice)
        }
        _ => eval(heap, rt, frame, index).map(Index::Key),
    }
}

pub(crate) fn eval_slice(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    lower: &Option<Box<Expr>>,
    upper: &Option<Box<Expr>>,
    step: &Option<Box<Expr>>,
) -> Result<SliceBounds> {
    let mut bound = |e: &Option<Box<Expr>>| -> Result<Option<i64>> {
        let Some(e) = e else { return Ok(None) };
        let v = eval(heap, rt, frame, e)?;
        let result = match heap.get(v)? {
            Object::None => Ok(None),
            Object::Int(i) => Ok(Some(*i)),
            Object::Bool(b) => Ok(Some(*b as i64)),
            _ => raise(
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            ),
        };
        heap.decref(v)?;
        result
    };
    Ok((bound(lower)?, bound(upper)?, bound(step)?))
}

pub(crate) fn eval_fstring(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    parts: &[FStringPart],
) -> Result<String> {
    let mut out = String::new();
    for part in parts {
        match part {
            FStringPart::Literal(text) => out.push_str(text),
            FStringPart::Value {
                value,
                conversion,
                spec,
            } => {
                let v = eval(heap, rt, frame, value)?;
                let formatted = eval_fstring(heap, rt, frame, spec)
                    .and_then(|spec| crate::format::format_field(heap, rt, v, *conversion, &spec));
                heap.decref(v)?;
                out.push_str(&formatted?);
            }
        }
    }
    Ok(out)
}

/// A comprehension runs in a scope of its own (3.11 makes it a function); the first iterable
/// is evaluated outside it. A generator expression is run to the end at once: its items are
/// a list (a known difference: no generator object).
pub(crate) fn eval_comprehension(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    comp: &Rc<Comprehension>,
) -> Result<ObjRef> {
    let code = frame
        .code
        .nested(scope::key(&**comp))
        .ok_or_else(|| Error::Invariant {
            message: "no code for a comprehension".into(),
        })?;
    let first = eval(heap, rt, frame, &comp.generators[0].iter)?;
    let mut inner = Frame::new(Rc::clone(&code));
    for name in code.free() {
        if let Var::Cell(i) = frame.code.var(name) {
            heap.incref(frame.cells[i])?;
            inner.cells.push(frame.cells[i]);
        }
    }
    let own: Vec<ObjRef> = (0..code.own_cells)
        .map(|_| heap.new_cell(None))
        .collect::<Result<_>>()?;
    // Own cells go first.
    let free = std::mem::take(&mut inner.cells);
    inner.cells = own.into_iter().chain(free).collect();
    inner.line = frame.line;
    let result = match comp.kind {
        ComprehensionKind::Dict => heap.new_dict(),
        ComprehensionKind::Set => heap.new_set(&[]),
        ComprehensionKind::List | ComprehensionKind::Generator => heap.new_list(&[]),
    };
    let result = match result {
        Ok(r) => r,
        Err(e) => {
            heap.decref(first)?;
            inner.clear(heap)?;
            return Err(e);
        }
    };
    let filled = comprehension_level(heap, rt, &mut inner, comp, 0, Some(first), result);
    inner.clear(heap)?;
    match filled {
        Ok(()) => Ok(result),
        Err(e) => {
            heap.decref(result)?;
            Err(e)
        }
    }
}

pub(crate) fn comprehension_level(
    heap: &mut PyHeap,
    rt: &Runtime,
    frame: &mut Frame,
    comp: &Comprehension,
    level: usize,
    iterable: Option<ObjRef>,
    result: ObjRef,
) -> Result<()> {
    let generator = &comp.generators[level];
    let iterable = match iterable {
        Some(i) => i,
        None => eval(heap, rt, frame, &generator.iter)?,
    };
    let iterator = Iter::new(heap, rt, iterable);
    heap.decref(iterable)?;
    let mut iterator = iterator?;
    let outcome = (|| {
        'items: while let Some(item) = iterator.next(heap)? {
            store(heap, rt, frame, &generator.target, item)?;
            for cond in &generator.ifs {
                if !eval_truth(heap, rt, frame, cond)? {
                    continue 'items;
                }
            }
            if level + 1 < comp.generators.len() {
                comprehension_level(heap, rt, frame, comp, level + 1, None, result)?;
                continue;
            }
            let element = eval(heap, rt, frame, &comp.element)?;
            let added = match comp.kind {
                ComprehensionKind::Dict => {
                    let value = match comp.value.as_ref().map(|v| eval(heap, rt, frame, v)) {
                        Some(Ok(v)) => v,
                        Some(Err(e)) => return drop_all(heap, vec![element], e),
                        None => heap.none()?,
                    };
                    let r = ops::setitem(heap, rt, result, element, value);
                    heap.decref(value)?;
                    r
                }
                ComprehensionKind::Set => heap.set_add(result, element),
                _ => heap.list_append(result, element),
            };
            heap.decref(element)?;
            added?;
        }
        Ok(())
    })();
    iterator.close(heap)?;
    outcome
}

/// Reports an exception that escaped a `__del__` or a callback, through the program's
/// `sys.unraisablehook`, with the function and the traceback the evaluator kept.
pub fn report_unraisable(heap: &mut PyHeap, rt: &Runtime, report: &Unraisable) -> Result<()> {
    let (type_name, message) = error_parts(&report.error);
    let traceback = rt.take_native_traceback(&type_name, &message);
    let function = report.function.filter(|&f| heap.is_alive(f));
    let traceback = (!traceback.is_empty()).then_some(traceback.as_str());
    modules::report_unraisable_with(heap, rt, report, function, None, traceback)
}
