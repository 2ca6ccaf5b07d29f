//! A program's constants, made before it runs, as CPython's compiler makes them: the
//! literals of every code object, and the tuples whose items are all literals (the AST
//! optimizer folds `(1, 'two')` into one constant). The program holds them until it ends.
//!
//! It is observable: `1000 is 1000` within a program is one object; a constant tuple exists
//! before the first statement runs, so the first `gc.collect()` finds it holding only atoms
//! and stops tracking it; and evaluating a literal allocates nothing.

use std::collections::HashMap;
use std::rc::Rc;

use refcount::{ObjRef, Result};

use crate::ast::*;
use crate::runtime::PyHeap;

/// Which constant: a literal by value, a tuple by its node.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ConstKey {
    Int(i64),
    Float(u64),
    Str(Rc<str>),
    Tuple(usize),
}

/// The constants of a program, each held by one reference.
#[derive(Debug, Default)]
pub struct Constants {
    objects: HashMap<ConstKey, ObjRef>,
}

impl Constants {
    /// Makes the constants of every statement of the module, nested functions included.
    pub fn make(heap: &mut PyHeap, module: &Module) -> Result<Constants> {
        let mut constants = Constants::default();
        let mut pending: Vec<&Expr> = Vec::new();
        let mut stmts: Vec<&Stmt> = module.body.iter().collect();
        while let Some(stmt) = stmts.pop() {
            stmt_children(stmt, &mut stmts, &mut pending);
            while let Some(expr) = pending.pop() {
                constants.visit(heap, expr, &mut pending, &mut stmts)?;
            }
        }
        Ok(constants)
    }

    /// The constant for a literal or a constant tuple, borrowed.
    pub fn get(&self, key: &ConstKey) -> Option<ObjRef> {
        self.objects.get(key).copied()
    }

    /// The key of a literal or a tuple of literals, if `expr` is one.
    pub fn key_of(expr: &Expr) -> Option<ConstKey> {
        match &expr.kind {
            ExprKind::Constant(Constant::Int(i)) if !refcount::SMALL_INTS.contains(i) => {
                Some(ConstKey::Int(*i))
            }
            ExprKind::Constant(Constant::Float(f)) => Some(ConstKey::Float(f.to_bits())),
            ExprKind::Constant(Constant::Str(s)) => Some(ConstKey::Str(Rc::clone(s))),
            ExprKind::Tuple(items) if !items.is_empty() && items.iter().all(is_literal) => {
                Some(ConstKey::Tuple(expr as *const Expr as usize))
            }
            _ => None,
        }
    }

    fn visit<'a>(
        &mut self,
        heap: &mut PyHeap,
        expr: &'a Expr,
        pending: &mut Vec<&'a Expr>,
        stmts: &mut Vec<&'a Stmt>,
    ) -> Result<()> {
        if let Some(key) = Constants::key_of(expr) {
            if !self.objects.contains_key(&key) {
                let object = self.build(heap, expr)?;
                self.objects.insert(key, object);
            }
            if matches!(expr.kind, ExprKind::Tuple(_)) {
                return Ok(());
            }
        }
        expr_children(expr, pending, stmts);
        Ok(())
    }

    /// A new reference to the constant `expr` (a literal, or a tuple of literals).
    fn build(&mut self, heap: &mut PyHeap, expr: &Expr) -> Result<ObjRef> {
        match &expr.kind {
            ExprKind::Constant(c) => match c {
                Constant::None => heap.none(),
                Constant::Bool(b) => heap.new_bool(*b),
                Constant::Int(i) => heap.new_int(*i),
                Constant::Float(f) => heap.new_float(*f),
                Constant::Str(s) => match self.objects.get(&ConstKey::Str(Rc::clone(s))) {
                    Some(&shared) => {
                        heap.incref(shared)?;
                        Ok(shared)
                    }
                    None => heap.intern(s),
                },
                Constant::Ellipsis => heap.none(),
            },
            ExprKind::Tuple(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.build(heap, item)?);
                }
                let tuple = heap.new_tuple(&values);
                for v in values {
                    heap.decref(v)?;
                }
                tuple
            }
            _ => heap.none(),
        }
    }

    /// Drops every constant (the program has ended).
    pub fn release(self, heap: &mut PyHeap) -> Result<()> {
        for (_, object) in self.objects {
            heap.decref(object)?;
        }
        Ok(())
    }
}

/// A literal, or a tuple of literals, which CPython folds into one constant.
fn is_literal(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Constant(Constant::Ellipsis) => false,
        ExprKind::Constant(_) => true,
        ExprKind::Tuple(items) => items.iter().all(is_literal),
        _ => false,
    }
}

fn stmt_children<'a>(stmt: &'a Stmt, stmts: &mut Vec<&'a Stmt>, exprs: &mut Vec<&'a Expr>) {
    match &stmt.kind {
        StmtKind::Expr(e) => exprs.push(e),
        StmtKind::Assign { targets, value } => {
            exprs.extend(targets);
            exprs.push(value);
        }
        StmtKind::AugAssign { target, value, .. } => exprs.extend([target, value]),
        StmtKind::AnnAssign { target, value } => {
            exprs.push(target);
            exprs.extend(value);
        }
        StmtKind::Del(targets) => exprs.extend(targets),
        StmtKind::Return(value) => exprs.extend(value),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            exprs.push(test);
            stmts.extend(body.iter().chain(orelse));
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            exprs.extend([target, iter]);
            stmts.extend(body.iter().chain(orelse));
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            stmts.extend(body.iter().chain(orelse).chain(finalbody));
            for h in handlers {
                exprs.extend(&h.type_);
                stmts.extend(&h.body);
            }
        }
        StmtKind::Raise { exc, cause } => exprs.extend(exc.iter().chain(cause)),
        StmtKind::Assert { test, msg } => {
            exprs.push(test);
            exprs.extend(msg);
        }
        StmtKind::FunctionDef(def) => function_children(def, stmts, exprs),
        StmtKind::ClassDef(class) => {
            exprs.extend(class.bases.iter().chain(&class.decorators));
            stmts.extend(&class.body);
        }
        StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
    }
}

fn function_children<'a>(
    def: &'a FunctionDef,
    stmts: &mut Vec<&'a Stmt>,
    exprs: &mut Vec<&'a Expr>,
) {
    exprs.extend(&def.decorators);
    let params = &def.params;
    for p in params.positional.iter().chain(&params.keyword_only) {
        exprs.extend(&p.default);
    }
    stmts.extend(&def.body);
}

fn expr_children<'a>(expr: &'a Expr, exprs: &mut Vec<&'a Expr>, stmts: &mut Vec<&'a Stmt>) {
    match &expr.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::FString(parts) => fstring_children(parts, exprs),
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
            exprs.extend(items)
        }
        ExprKind::Dict(entries) => {
            for (k, v) in entries {
                exprs.extend(k);
                exprs.push(v);
            }
        }
        ExprKind::Attribute { value, .. } => exprs.push(value),
        ExprKind::Subscript { value, index } => exprs.extend([&**value, &**index]),
        ExprKind::Slice { lower, upper, step } => {
            exprs.extend([lower, upper, step].into_iter().flatten().map(|b| &**b))
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            exprs.push(func);
            for a in args {
                match a {
                    Arg::Positional(e) | Arg::Star(e) => exprs.push(e),
                }
            }
            exprs.extend(keywords.iter().map(|k| &k.value));
        }
        ExprKind::BinOp { left, right, .. } => exprs.extend([&**left, &**right]),
        ExprKind::UnaryOp { operand, .. } => exprs.push(operand),
        ExprKind::BoolOp { values, .. } => exprs.extend(values),
        ExprKind::Compare { left, ops } => {
            exprs.push(left);
            exprs.extend(ops.iter().map(|(_, e)| e));
        }
        ExprKind::IfExp { test, body, orelse } => exprs.extend([&**test, &**body, &**orelse]),
        ExprKind::Lambda(def) => function_children(def, stmts, exprs),
        ExprKind::Comprehension(comp) => {
            exprs.push(&comp.element);
            exprs.extend(&comp.value);
            for g in &comp.generators {
                exprs.extend([&g.target, &g.iter]);
                exprs.extend(&g.ifs);
            }
        }
        ExprKind::Starred(inner) => exprs.push(inner),
    }
}

fn fstring_children<'a>(parts: &'a [FStringPart], exprs: &mut Vec<&'a Expr>) {
    for part in parts {
        if let FStringPart::Value { value, spec, .. } = part {
            exprs.push(value);
            fstring_children(spec, exprs);
        }
    }
}
