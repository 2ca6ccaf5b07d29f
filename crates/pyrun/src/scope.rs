//! Which variable a name is, decided once per function before it first runs, as CPython's
//! compiler does (`Python/symtable.c`): a *local* in the frame, a *cell* shared with nested
//! functions, or a *global* (module namespace, then builtins).
//!
//! The order of a frame's variables is observable: when a frame is cleared its variables are
//! dropped first to last, so their `__del__`s run in that order. CPython numbers parameters
//! first, then other locals in the order the compiler meets them; cells come after.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::ast::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Var {
    /// Slot `i` of the frame's locals.
    Local(usize),
    /// Cell `i` of the frame (its own cells first, then those it shares from outside).
    Cell(usize),
    Global,
}

/// A function's (or comprehension's) variables, and those of the functions nested in it.
#[derive(Debug)]
pub struct Code {
    pub name: String,
    /// `__qualname__`: `Outer.method`, `f.<locals>.g`, `<lambda>`.
    pub qualname: String,
    pub vars: HashMap<String, Var>,
    /// Names of the locals, by slot (parameters first).
    pub locals: Vec<String>,
    /// Names of the cells, by index: the function's own (sorted), then its free variables.
    pub cells: Vec<String>,
    /// How many of `cells` are the function's own (created when a call starts).
    pub own_cells: usize,
    /// The codes of the functions, lambdas and comprehensions directly inside, by node.
    nested: RefCell<HashMap<usize, Rc<Code>>>,
}

impl Code {
    pub fn var(&self, name: &str) -> Var {
        self.vars.get(name).copied().unwrap_or(Var::Global)
    }

    /// Free variables: the cells this function takes from the one it is defined in.
    pub fn free(&self) -> &[String] {
        &self.cells[self.own_cells..]
    }

    pub fn nested(&self, key: usize) -> Option<Rc<Code>> {
        self.nested.borrow().get(&key).cloned()
    }
}

/// A node's identity, to find its code again.
pub fn key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// The names one function body binds and uses (nested functions' uses included, so that
/// their free variables become this function's cells).
#[derive(Default)]
struct Names {
    /// Bound in this scope, in the order first met.
    bound: Vec<String>,
    /// Used (read) anywhere in this scope or in scopes nested in it.
    used: Vec<String>,
    globals: Vec<String>,
    nonlocals: Vec<String>,
    /// Nested scopes: their node key and what they use but do not bind.
    children: Vec<(usize, Pending)>,
}

/// A nested scope, analysed once its enclosing scope knows its own variables.
enum Pending {
    Function(Rc<FunctionDef>),
    Comprehension(Rc<Comprehension>),
}

impl Names {
    fn bind(&mut self, name: &str) {
        if !self.bound.iter().any(|n| n == name) {
            self.bound.push(name.to_string());
        }
    }
    fn use_(&mut self, name: &str) {
        if !self.used.iter().any(|n| n == name) {
            self.used.push(name.to_string());
        }
    }
}

/// The code of the module: every name global; only nested functions are analysed.
pub fn module_code(body: &[Stmt]) -> Rc<Code> {
    let mut names = Names::default();
    for stmt in body {
        walk_stmt(stmt, &mut names);
    }
    let code = Code {
        name: "<module>".into(),
        qualname: "<module>".into(),
        vars: HashMap::new(),
        locals: Vec::new(),
        cells: Vec::new(),
        own_cells: 0,
        nested: RefCell::default(),
    };
    finish(code, names, &[], "")
}

/// A class body: like the module, its names live in a namespace, not a frame.
pub fn class_code(class: &ClassDef, qualname: &str, enclosing: &[(String, Var)]) -> Rc<Code> {
    let mut names = Names::default();
    for stmt in &class.body {
        walk_stmt(stmt, &mut names);
    }
    let code = Code {
        name: class.name.clone(),
        qualname: qualname.to_string(),
        vars: HashMap::new(),
        locals: Vec::new(),
        cells: Vec::new(),
        own_cells: 0,
        nested: RefCell::default(),
    };
    finish(code, names, enclosing, &format!("{qualname}."))
}

/// Gives each nested scope its code, now that this scope's variables are known.
fn finish(code: Code, names: Names, enclosing: &[(String, Var)], prefix: &str) -> Rc<Code> {
    // What a nested scope sees from outside: this scope's locals and cells, and what this
    // scope itself sees from further out.
    let mut visible: Vec<(String, Var)> = enclosing.to_vec();
    for (name, var) in &code.vars {
        if *var != Var::Global {
            visible.retain(|(n, _)| n != name);
            visible.push((name.clone(), *var));
        }
    }
    let code = Rc::new(code);
    for (key, pending) in names.children {
        let child = match pending {
            Pending::Function(def) => {
                function_code(&def, &format!("{prefix}{}", def.name), &visible)
            }
            Pending::Comprehension(comp) => {
                comprehension_code(&comp, &format!("{prefix}<listcomp>"), &visible)
            }
        };
        code.nested.borrow_mut().insert(key, child);
    }
    code
}

/// The scope of a function: parameters and assigned names are local unless declared
/// `global`/`nonlocal`; a local used by a nested function is a cell; a name used here and
/// local to an enclosing function is a free variable (a cell shared from outside).
pub fn function_code(def: &FunctionDef, qualname: &str, enclosing: &[(String, Var)]) -> Rc<Code> {
    let mut names = Names::default();
    let params = &def.params;
    for p in &params.positional {
        names.bind(&p.name);
    }
    if let Some(v) = &params.varargs {
        names.bind(v);
    }
    for p in &params.keyword_only {
        names.bind(&p.name);
    }
    if let Some(k) = &params.kwargs {
        names.bind(k);
    }
    for stmt in &def.body {
        walk_stmt(stmt, &mut names);
    }
    scope_code(&def.name, qualname, names, enclosing)
}

fn comprehension_code(
    comp: &Comprehension,
    qualname: &str,
    enclosing: &[(String, Var)],
) -> Rc<Code> {
    let mut names = Names::default();
    // The first iterable is evaluated outside, by the enclosing scope (see `walk_expr`).
    for (i, generator) in comp.generators.iter().enumerate() {
        if i > 0 {
            walk_expr(&generator.iter, &mut names);
        }
        bind_target(&generator.target, &mut names);
        for cond in &generator.ifs {
            walk_expr(cond, &mut names);
        }
    }
    walk_expr(&comp.element, &mut names);
    if let Some(value) = &comp.value {
        walk_expr(value, &mut names);
    }
    let name = match comp.kind {
        ComprehensionKind::List => "<listcomp>",
        ComprehensionKind::Set => "<setcomp>",
        ComprehensionKind::Dict => "<dictcomp>",
        ComprehensionKind::Generator => "<genexpr>",
    };
    let qualname = qualname.replace("<listcomp>", name);
    scope_code(name, &qualname, names, enclosing)
}

fn scope_code(name: &str, qualname: &str, names: Names, enclosing: &[(String, Var)]) -> Rc<Code> {
    let is_local = |n: &String| !names.globals.contains(n) && !names.nonlocals.contains(n);
    let locals: Vec<String> = names
        .bound
        .iter()
        .filter(|n| is_local(n))
        .cloned()
        .collect();
    // Locals that nested scopes use freely become cells.
    let mut captured: Vec<String> = Vec::new();
    for (_, child) in &names.children {
        for free in child_free_names(child, &names) {
            if locals.contains(&free) && !captured.contains(&free) {
                captured.push(free);
            }
        }
    }
    captured.sort();
    // Free variables: used (here or deeper) or declared nonlocal, not bound here, and
    // local or a cell of an enclosing function.
    let mut free: Vec<String> = Vec::new();
    let candidates = names.used.iter().chain(&names.nonlocals);
    for n in candidates {
        let outer = enclosing
            .iter()
            .any(|(e, var)| e == n && *var != Var::Global);
        let bound_here = locals.contains(n);
        if outer && !bound_here && !names.globals.contains(n) && !free.contains(n) {
            free.push(n.clone());
        }
    }
    // Names nested scopes take from further out pass through this one too.
    for (_, child) in &names.children {
        for n in child_free_names(child, &names) {
            let outer = enclosing
                .iter()
                .any(|(e, var)| e == &n && *var != Var::Global);
            if outer && !locals.contains(&n) && !free.contains(&n) && !names.globals.contains(&n) {
                free.push(n);
            }
        }
    }
    free.sort();
    let mut vars = HashMap::new();
    let mut local_slots = Vec::new();
    for n in &locals {
        if !captured.contains(n) {
            vars.insert(n.clone(), Var::Local(local_slots.len()));
            local_slots.push(n.clone());
        }
    }
    let own_cells = captured.len();
    let cells: Vec<String> = captured.into_iter().chain(free).collect();
    for (i, n) in cells.iter().enumerate() {
        vars.insert(n.clone(), Var::Cell(i));
    }
    let code = Code {
        name: name.to_string(),
        qualname: qualname.to_string(),
        vars,
        locals: local_slots,
        cells,
        own_cells,
        nested: RefCell::default(),
    };
    finish(code, names, enclosing, &format!("{qualname}.<locals>."))
}

/// The names a nested scope uses without binding them (all the way down).
fn child_free_names(child: &Pending, _outer: &Names) -> Vec<String> {
    let mut names = Names::default();
    match child {
        Pending::Function(def) => {
            for p in def.params.positional.iter().chain(&def.params.keyword_only) {
                names.bind(&p.name);
            }
            for n in def.params.varargs.iter().chain(&def.params.kwargs) {
                names.bind(n);
            }
            for stmt in &def.body {
                walk_stmt(stmt, &mut names);
            }
        }
        Pending::Comprehension(comp) => {
            for (i, generator) in comp.generators.iter().enumerate() {
                if i > 0 {
                    walk_expr(&generator.iter, &mut names);
                }
                bind_target(&generator.target, &mut names);
                for cond in &generator.ifs {
                    walk_expr(cond, &mut names);
                }
            }
            walk_expr(&comp.element, &mut names);
            if let Some(value) = &comp.value {
                walk_expr(value, &mut names);
            }
        }
    }
    let mut out: Vec<String> = names
        .used
        .iter()
        .chain(&names.nonlocals)
        .filter(|n| {
            (!names.bound.contains(n) || names.nonlocals.contains(n)) && !names.globals.contains(n)
        })
        .cloned()
        .collect();
    for (_, grandchild) in &names.children {
        for n in child_free_names(grandchild, &names) {
            if !names.bound.contains(&n) && !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

fn walk_block(body: &[Stmt], names: &mut Names) {
    for stmt in body {
        walk_stmt(stmt, names);
    }
}

fn walk_stmt(stmt: &Stmt, names: &mut Names) {
    match &stmt.kind {
        StmtKind::Expr(e) => walk_expr(e, names),
        StmtKind::Assign { targets, value } => {
            walk_expr(value, names);
            for t in targets {
                bind_target(t, names);
            }
        }
        StmtKind::AugAssign { target, value, .. } => {
            walk_expr(value, names);
            if let ExprKind::Name(n) = &target.kind {
                names.use_(n);
            }
            bind_target(target, names);
        }
        StmtKind::AnnAssign { target, value } => {
            if let Some(v) = value {
                walk_expr(v, names);
                bind_target(target, names);
            }
        }
        StmtKind::Del(targets) => targets.iter().for_each(|t| bind_target(t, names)),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        StmtKind::Return(value) => value.iter().for_each(|v| walk_expr(v, names)),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            walk_expr(test, names);
            walk_block(body, names);
            walk_block(orelse, names);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            walk_expr(iter, names);
            bind_target(target, names);
            walk_block(body, names);
            walk_block(orelse, names);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            walk_block(body, names);
            for h in handlers {
                if let Some(t) = &h.type_ {
                    walk_expr(t, names);
                }
                if let Some(n) = &h.name {
                    names.bind(n);
                }
                walk_block(&h.body, names);
            }
            walk_block(orelse, names);
            walk_block(finalbody, names);
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().chain(cause).for_each(|e| walk_expr(e, names));
        }
        StmtKind::Assert { test, msg } => {
            walk_expr(test, names);
            msg.iter().for_each(|m| walk_expr(m, names));
        }
        StmtKind::FunctionDef(def) => {
            def.decorators.iter().for_each(|d| walk_expr(d, names));
            walk_defaults(&def.params, names);
            names.bind(&def.name);
            names
                .children
                .push((key(&**def), Pending::Function(Rc::clone(def))));
        }
        StmtKind::ClassDef(class) => {
            class.decorators.iter().for_each(|d| walk_expr(d, names));
            class.bases.iter().for_each(|b| walk_expr(b, names));
            names.bind(&class.name);
            // A class body's functions see the enclosing function's variables, not the
            // class's names: analysed as children of this scope.
            let mut inner = Names::default();
            walk_block(&class.body, &mut inner);
            for n in inner.used.iter() {
                if !inner.bound.contains(n) {
                    names.use_(n);
                }
            }
            for (_, child) in &inner.children {
                for n in child_free_names(child, &inner) {
                    names.use_(&n);
                }
            }
        }
        StmtKind::Global(list) => list.iter().for_each(|n| {
            if !names.globals.contains(n) {
                names.globals.push(n.clone())
            }
        }),
        StmtKind::Nonlocal(list) => list.iter().for_each(|n| {
            if !names.nonlocals.contains(n) {
                names.nonlocals.push(n.clone())
            }
        }),
        StmtKind::Import(list) => list.iter().for_each(|(_, as_)| names.bind(as_)),
        StmtKind::ImportFrom { names: list, .. } => {
            list.iter().for_each(|(_, as_)| names.bind(as_))
        }
    }
}

fn walk_defaults(params: &Params, names: &mut Names) {
    for p in params.positional.iter().chain(&params.keyword_only) {
        if let Some(d) = &p.default {
            walk_expr(d, names);
        }
    }
}

fn bind_target(target: &Expr, names: &mut Names) {
    match &target.kind {
        ExprKind::Name(n) => names.bind(n),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|t| bind_target(t, names))
        }
        ExprKind::Starred(inner) => bind_target(inner, names),
        _ => walk_expr(target, names),
    }
}

fn walk_expr(expr: &Expr, names: &mut Names) {
    match &expr.kind {
        ExprKind::Name(n) => names.use_(n),
        ExprKind::Constant(_) => {}
        ExprKind::FString(parts) => walk_fstring(parts, names),
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
            items.iter().for_each(|e| walk_expr(e, names))
        }
        ExprKind::Dict(items) => items.iter().for_each(|(k, v)| {
            k.iter().for_each(|k| walk_expr(k, names));
            walk_expr(v, names);
        }),
        ExprKind::Attribute { value, .. } => walk_expr(value, names),
        ExprKind::Subscript { value, index } => {
            walk_expr(value, names);
            walk_expr(index, names);
        }
        ExprKind::Slice { lower, upper, step } => {
            for e in [lower, upper, step].into_iter().flatten() {
                walk_expr(e, names);
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            walk_expr(func, names);
            for a in args {
                match a {
                    Arg::Positional(e) | Arg::Star(e) => walk_expr(e, names),
                }
            }
            keywords.iter().for_each(|k| walk_expr(&k.value, names));
            // `super()` reads the class cell and the first argument, as in CPython.
            if let ExprKind::Name(n) = &func.kind
                && n == "super"
            {
                names.use_("__class__");
            }
        }
        ExprKind::BinOp { left, right, .. } => {
            walk_expr(left, names);
            walk_expr(right, names);
        }
        ExprKind::UnaryOp { operand, .. } => walk_expr(operand, names),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|e| walk_expr(e, names)),
        ExprKind::Compare { left, ops } => {
            walk_expr(left, names);
            ops.iter().for_each(|(_, e)| walk_expr(e, names));
        }
        ExprKind::IfExp { test, body, orelse } => {
            walk_expr(test, names);
            walk_expr(body, names);
            walk_expr(orelse, names);
        }
        ExprKind::Lambda(def) => {
            walk_defaults(&def.params, names);
            names
                .children
                .push((key(&**def), Pending::Function(Rc::clone(def))));
        }
        ExprKind::Comprehension(comp) => {
            if let Some(first) = comp.generators.first() {
                walk_expr(&first.iter, names);
            }
            names
                .children
                .push((key(&**comp), Pending::Comprehension(Rc::clone(comp))));
        }
        ExprKind::Starred(inner) => walk_expr(inner, names),
    }
}

fn walk_fstring(parts: &[FStringPart], names: &mut Names) {
    for part in parts {
        if let FStringPart::Value { value, spec, .. } = part {
            walk_expr(value, names);
            walk_fstring(spec, names);
        }
    }
}
