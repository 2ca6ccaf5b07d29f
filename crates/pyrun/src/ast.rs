//! The program as the evaluator sees it: our own small syntax tree for the subset of Python
//! that `pyrun` runs. `syntax.rs` builds it from the parser's tree, so a parser upgrade
//! touches that one file; everything else reads only these types.
//!
//! Every statement and expression knows its line, for tracebacks and for the messages that
//! name a construct outside the subset.

use std::rc::Rc;

/// A 1-based source line.
pub type Line = u32;

/// A whole module: its statements, and the source lines (tracebacks print them).
#[derive(Debug)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub line: Line,
    pub kind: StmtKind,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: every target, left to right, gets the one value.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `x: int = 1` keeps its value and drops its annotation.
    AnnAssign {
        target: Expr,
        value: Option<Expr>,
    },
    Del(Vec<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    FunctionDef(Rc<FunctionDef>),
    ClassDef(Rc<ClassDef>),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    /// `import a, b as c`: (module, the name it is bound to).
    Import(Vec<(String, String)>),
    /// `from module import a, b as c`: (name in the module, the name it is bound to).
    ImportFrom {
        module: String,
        names: Vec<(String, String)>,
    },
}

/// `except Type as name:` (either part may be missing).
#[derive(Debug, Clone)]
pub struct Handler {
    pub line: Line,
    pub type_: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
}

#[derive(Debug)]
pub struct FunctionDef {
    pub line: Line,
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// A parameter list: `def f(a, b=1, *args, c, d=2, **kwargs)`.
#[derive(Debug, Default)]
pub struct Params {
    /// Positional-or-keyword parameters (positional-only ones are merged in here).
    pub positional: Vec<Param>,
    pub varargs: Option<String>,
    pub keyword_only: Vec<Param>,
    pub kwargs: Option<String>,
}

#[derive(Debug)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
}

#[derive(Debug)]
pub struct ClassDef {
    pub line: Line,
    pub name: String,
    pub bases: Vec<Expr>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub line: Line,
    pub kind: ExprKind,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Name(String),
    Constant(Constant),
    /// An f-string: literal pieces and formatted values, in order.
    FString(Vec<FStringPart>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **other}`: a `None` key is a `**` unpacking.
    Dict(Vec<(Option<Expr>, Expr)>),
    Attribute {
        value: Box<Expr>,
        attr: String,
    },
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// `lower:upper:step`, only inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
        keywords: Vec<Keyword>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c` / `a or b`: evaluated left to right, stopping early.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: each comparison with the next operand.
    Compare {
        left: Box<Expr>,
        ops: Vec<(CmpOp, Expr)>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda(Rc<FunctionDef>),
    /// List, set and dict comprehensions and generator expressions.
    Comprehension(Rc<Comprehension>),
    /// `*value` inside a list, tuple or set display or a call's arguments.
    Starred(Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    Ellipsis,
}

#[derive(Debug, Clone)]
pub enum FStringPart {
    Literal(Rc<str>),
    Value {
        value: Box<Expr>,
        /// `!r`, `!s`, `!a`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (`{x:>{width}}`).
        spec: Vec<FStringPart>,
    },
}

/// A positional argument: `f(x)` or `f(*xs)`.
#[derive(Debug, Clone)]
pub enum Arg {
    Positional(Expr),
    Star(Expr),
}

/// A keyword argument `f(name=value)`; `name` is `None` for `f(**mapping)`.
#[derive(Debug, Clone)]
pub struct Keyword {
    pub name: Option<String>,
    pub value: Expr,
}

#[derive(Debug)]
pub struct Comprehension {
    pub kind: ComprehensionKind,
    /// The element: for a dict comprehension, the key (and `value` is the value).
    pub element: Expr,
    pub value: Option<Expr>,
    pub generators: Vec<Generator>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

/// One `for target in iter if cond...` clause.
#[derive(Debug)]
pub struct Generator {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    MatMult,
}

impl BinOp {
    /// The operator as Python spells it, for `TypeError: unsupported operand type(s) for +`.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::MatMult => "@",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}
