//! `syntax::parse_module`: every construct of the subset maps to our tree with its line,
//! syntax errors carry CPython's wording and position, constructs outside the subset name
//! themselves, and no input (truncated, mutated, deeply nested) makes it panic.

use std::path::{Path, PathBuf};

use pyrun::ast::{
    Arg, BinOp, BoolOp, CmpOp, ComprehensionKind, Constant, Expr, ExprKind, FStringPart, Module,
    Stmt, StmtKind, UnaryOp,
};
use pyrun::syntax::{ParseError, parse_module};

fn parse(source: &str) -> Module {
    match parse_module(source) {
        Ok(module) => module,
        Err(e) => panic!("{source:?} did not parse: {e:?}"),
    }
}

/// The one statement of a one-statement program.
fn stmt(source: &str) -> Stmt {
    let mut module = parse(source);
    assert_eq!(module.body.len(), 1, "{source:?}");
    module.body.remove(0)
}

/// The expression of a one-expression program.
fn expr(source: &str) -> Expr {
    match stmt(source).kind {
        StmtKind::Expr(e) => e,
        other => panic!("not an expression statement: {other:?}"),
    }
}

fn name(e: &Expr) -> &str {
    match &e.kind {
        ExprKind::Name(n) => n,
        other => panic!("not a name: {other:?}"),
    }
}

fn int(e: &Expr) -> i64 {
    match &e.kind {
        ExprKind::Constant(Constant::Int(i)) => *i,
        other => panic!("not an int: {other:?}"),
    }
}

fn syntax(source: &str) -> (String, u32, u32) {
    match parse_module(source) {
        Err(ParseError::Syntax {
            message,
            line,
            column,
        }) => (message, line, column),
        other => panic!("{source:?}: expected a syntax error, got {other:?}"),
    }
}

fn unsupported(source: &str) -> (String, u32) {
    match parse_module(source) {
        Err(ParseError::Unsupported { what, line }) => (what, line),
        other => panic!("{source:?}: expected unsupported, got {other:?}"),
    }
}

#[test]
fn constants() {
    assert!(matches!(
        expr("None").kind,
        ExprKind::Constant(Constant::None)
    ));
    assert!(matches!(
        expr("True").kind,
        ExprKind::Constant(Constant::Bool(true))
    ));
    assert!(matches!(
        expr("...").kind,
        ExprKind::Constant(Constant::Ellipsis)
    ));
    assert_eq!(int(&expr("0x7fffffffffffffff")), i64::MAX);
    assert_eq!(int(&expr("1_000")), 1000);
    assert!(matches!(expr("2.5").kind, ExprKind::Constant(Constant::Float(f)) if f == 2.5));
    match expr("'a' \"b\" '''c'''").kind {
        ExprKind::Constant(Constant::Str(s)) => assert_eq!(&*s, "abc"),
        other => panic!("{other:?}"),
    }
    // -2**63 is a negation of a literal that does not fit: like any int beyond 64 bits.
    assert_eq!(
        unsupported("x = 9223372036854775808"),
        ("an int literal beyond 64 bits".to_string(), 1)
    );
    assert_eq!(unsupported("b'x'").0, "a bytes literal");
    assert_eq!(unsupported("1j").0, "a complex number literal");
}

#[test]
fn operators_and_compares() {
    match expr("a + b * -c").kind {
        ExprKind::BinOp { left, op, right } => {
            assert_eq!(name(&left), "a");
            assert_eq!(op, BinOp::Add);
            match right.kind {
                ExprKind::BinOp { op, right, .. } => {
                    assert_eq!(op, BinOp::Mult);
                    assert!(matches!(
                        right.kind,
                        ExprKind::UnaryOp {
                            op: UnaryOp::Neg,
                            ..
                        }
                    ));
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    match expr("a < b <= c is not d not in e").kind {
        ExprKind::Compare { left, ops } => {
            assert_eq!(name(&left), "a");
            let kinds: Vec<CmpOp> = ops.iter().map(|(op, _)| *op).collect();
            assert_eq!(kinds, [CmpOp::Lt, CmpOp::LtE, CmpOp::IsNot, CmpOp::NotIn]);
            assert_eq!(name(&ops[3].1), "e");
        }
        other => panic!("{other:?}"),
    }
    match expr("a and b and c or not d").kind {
        ExprKind::BoolOp { op, values } => {
            assert_eq!(op, BoolOp::Or);
            assert!(
                matches!(&values[0].kind, ExprKind::BoolOp { op: BoolOp::And, values } if values.len() == 3)
            );
            assert!(matches!(
                values[1].kind,
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
            ));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(expr("a if b else c").kind, ExprKind::IfExp { .. }));
    for (src, op) in [
        ("a // b", BinOp::FloorDiv),
        ("a ** b", BinOp::Pow),
        ("a @ b", BinOp::MatMult),
        ("a ^ b", BinOp::BitXor),
        ("a >> b", BinOp::RShift),
    ] {
        assert!(
            matches!(expr(src).kind, ExprKind::BinOp { op: o, .. } if o == op),
            "{src}"
        );
    }
    assert!(matches!(
        stmt("x //= 2").kind,
        StmtKind::AugAssign {
            op: BinOp::FloorDiv,
            ..
        }
    ));
}

#[test]
fn displays_subscripts_and_calls() {
    assert!(matches!(expr("(1, 2)").kind, ExprKind::Tuple(v) if v.len() == 2));
    assert!(matches!(expr("()").kind, ExprKind::Tuple(v) if v.is_empty()));
    assert!(
        matches!(expr("[1, *xs]").kind, ExprKind::List(v) if matches!(v[1].kind, ExprKind::Starred(_)))
    );
    assert!(matches!(expr("{1, 2}").kind, ExprKind::Set(v) if v.len() == 2));
    match expr("{'a': 1, **rest}").kind {
        ExprKind::Dict(items) => {
            assert!(items[0].0.is_some());
            assert!(items[1].0.is_none());
            assert_eq!(name(&items[1].1), "rest");
        }
        other => panic!("{other:?}"),
    }
    match expr("a.b[1:2, ::3]").kind {
        ExprKind::Subscript { value, index } => {
            assert!(matches!(&value.kind, ExprKind::Attribute { attr, .. } if attr == "b"));
            match index.kind {
                ExprKind::Tuple(parts) => {
                    assert!(matches!(
                        &parts[0].kind,
                        ExprKind::Slice {
                            lower: Some(_),
                            upper: Some(_),
                            step: None
                        }
                    ));
                    assert!(matches!(
                        &parts[1].kind,
                        ExprKind::Slice {
                            lower: None,
                            upper: None,
                            step: Some(_)
                        }
                    ));
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    match expr("f(a, *b, c=1, **d)").kind {
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            assert_eq!(name(&func), "f");
            assert!(matches!(&args[0], Arg::Positional(e) if name(e) == "a"));
            assert!(matches!(&args[1], Arg::Star(e) if name(e) == "b"));
            assert_eq!(keywords[0].name.as_deref(), Some("c"));
            assert_eq!(keywords[1].name, None);
            assert_eq!(name(&keywords[1].value), "d");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn comprehensions_and_lambdas() {
    let cases = [
        ("[x for x in y if x if z]", ComprehensionKind::List),
        ("{x for x in y}", ComprehensionKind::Set),
        ("{k: v for k, v in y}", ComprehensionKind::Dict),
        ("(x for x in y for z in x)", ComprehensionKind::Generator),
        ("f(x for x in y)", ComprehensionKind::Generator),
    ];
    for (src, kind) in cases {
        let e = expr(src);
        let e = match e.kind {
            ExprKind::Call { mut args, .. } => match args.remove(0) {
                Arg::Positional(e) => e,
                other => panic!("{other:?}"),
            },
            _ => e,
        };
        match e.kind {
            ExprKind::Comprehension(c) => {
                assert_eq!(c.kind, kind, "{src}");
                assert_eq!(c.value.is_some(), kind == ComprehensionKind::Dict);
                assert!(!c.generators.is_empty());
            }
            other => panic!("{src}: {other:?}"),
        }
    }
    match expr("[x for x in y if x if z]").kind {
        ExprKind::Comprehension(c) => assert_eq!(c.generators[0].ifs.len(), 2),
        other => panic!("{other:?}"),
    }
    match expr("lambda a, b=2, *c, d, **e: a + b").kind {
        ExprKind::Lambda(f) => {
            assert_eq!(f.name, "<lambda>");
            assert_eq!(f.params.positional.len(), 2);
            assert!(f.params.positional[1].default.is_some());
            assert_eq!(f.params.varargs.as_deref(), Some("c"));
            assert_eq!(f.params.keyword_only[0].name, "d");
            assert_eq!(f.params.kwargs.as_deref(), Some("e"));
            assert_eq!(f.body.len(), 1);
            assert!(matches!(&f.body[0].kind, StmtKind::Return(Some(_))));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(expr("lambda: 0").kind, ExprKind::Lambda(f) if f.params.positional.is_empty())
    );
}

#[test]
fn fstrings() {
    let parts = |src: &str| match expr(src).kind {
        ExprKind::FString(parts) => parts,
        other => panic!("{other:?}"),
    };
    let p = parts("f'a{x!r:>{w}}b' 'c' f'{y}'");
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(matches!(&p[0], FStringPart::Literal(s) if &**s == "a"));
    match &p[1] {
        FStringPart::Value {
            value,
            conversion,
            spec,
        } => {
            assert_eq!(name(value), "x");
            assert_eq!(*conversion, Some('r'));
            assert!(matches!(&spec[0], FStringPart::Literal(s) if &**s == ">"));
            assert!(matches!(&spec[1], FStringPart::Value { value, .. } if name(value) == "w"));
        }
        other => panic!("{other:?}"),
    }
    // The literal after the field and the plain string that follows are one piece.
    assert!(matches!(&p[2], FStringPart::Literal(s) if &**s == "bc"));
    assert!(matches!(
        &p[3],
        FStringPart::Value {
            conversion: None,
            ..
        }
    ));
    // `{x=}` is CPython's "x=" then the repr; with a spec, the format of the value.
    let p = parts("f'{x = }'");
    assert!(matches!(&p[0], FStringPart::Literal(s) if &**s == "x = "));
    assert!(matches!(
        &p[1],
        FStringPart::Value {
            conversion: Some('r'),
            ..
        }
    ));
    let p = parts("f'{x=:5}'");
    assert!(matches!(&p[1], FStringPart::Value { conversion: None, spec, .. } if spec.len() == 1));
    let p = parts("f'{{}}'");
    assert!(matches!(&p[..], [FStringPart::Literal(s)] if &**s == "{}"));
}

#[test]
fn statements() {
    let m = parse(
        "x = y = 1\n\
         x: int = 2\n\
         z: int\n\
         del x, y\n\
         pass\n\
         while x:\n    break\nelse:\n    continue_ = 1\n\
         for a, b in c:\n    continue\n\
         raise E from e\n\
         assert x, 'msg'\n\
         global g\n\
         import a, b as c\n\
         from m.n import p, q as r\n",
    );
    let kinds: Vec<&StmtKind> = m.body.iter().map(|s| &s.kind).collect();
    assert!(matches!(kinds[0], StmtKind::Assign { targets, .. } if targets.len() == 2));
    assert!(matches!(
        kinds[1],
        StmtKind::AnnAssign { value: Some(_), .. }
    ));
    assert!(matches!(kinds[2], StmtKind::AnnAssign { value: None, .. }));
    assert!(matches!(kinds[3], StmtKind::Del(v) if v.len() == 2));
    assert!(matches!(kinds[4], StmtKind::Pass));
    assert!(matches!(kinds[5], StmtKind::While { body, orelse, .. }
        if matches!(body[0].kind, StmtKind::Break) && orelse.len() == 1));
    assert!(matches!(kinds[6], StmtKind::For { target, body, .. }
        if matches!(&target.kind, ExprKind::Tuple(_)) && matches!(body[0].kind, StmtKind::Continue)));
    assert!(matches!(
        kinds[7],
        StmtKind::Raise {
            exc: Some(_),
            cause: Some(_)
        }
    ));
    assert!(matches!(kinds[8], StmtKind::Assert { msg: Some(_), .. }));
    assert!(matches!(kinds[9], StmtKind::Global(v) if v == &["g"]));
    match kinds[10] {
        StmtKind::Import(names) => assert_eq!(
            names,
            &[("a".to_string(), "a".to_string()), ("b".into(), "c".into())]
        ),
        other => panic!("{other:?}"),
    }
    match kinds[11] {
        StmtKind::ImportFrom { module, names } => {
            assert_eq!(module, "m.n");
            assert_eq!(names[1], ("q".to_string(), "r".to_string()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn if_elif_else_nests() {
    let s = stmt("if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n");
    let StmtKind::If { test, orelse, .. } = s.kind else {
        panic!()
    };
    assert_eq!(name(&test), "a");
    assert_eq!(orelse.len(), 1);
    assert_eq!(orelse[0].line, 3);
    let StmtKind::If { test, orelse, .. } = &orelse[0].kind else {
        panic!()
    };
    assert_eq!(name(test), "b");
    assert_eq!(orelse[0].line, 5);
    let StmtKind::If { test, orelse, .. } = &orelse[0].kind else {
        panic!()
    };
    assert_eq!(name(test), "c");
    assert!(matches!(
        &orelse[..],
        [Stmt {
            line: 8,
            kind: StmtKind::Expr(_)
        }]
    ));
}

#[test]
fn functions_classes_and_try() {
    let m = parse(
        "@dec\n\
         @mod.dec(1)\n\
         def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    \
             nonlocal_ = 1\n    \
             return a\n\
         class C(B, metaclass_ok):\n    \
             def m(self): pass\n\
         try:\n    \
             f()\n\
         except (E, F) as e:\n    \
             pass\n\
         except:\n    \
             raise\n\
         else:\n    \
             pass\n\
         finally:\n    \
             pass\n",
    );
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(m.body[0].line, 3, "the def line, not the decorator's");
    assert_eq!(f.line, 3);
    assert_eq!(f.decorators.len(), 2);
    assert_eq!(f.decorators[1].line, 2);
    let names: Vec<&str> = f
        .params
        .positional
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["a", "b"]);
    assert!(f.params.positional[0].default.is_none());
    assert!(f.params.positional[1].default.is_some());
    assert_eq!(f.params.varargs.as_deref(), Some("args"));
    assert_eq!(f.params.keyword_only.len(), 2);
    assert!(f.params.keyword_only[1].default.is_some());
    assert_eq!(f.params.kwargs.as_deref(), Some("kw"));
    assert_eq!(f.body[1].line, 5);

    let StmtKind::ClassDef(c) = &m.body[1].kind else {
        panic!()
    };
    assert_eq!((c.name.as_str(), c.bases.len(), c.line), ("C", 2, 6));
    assert!(matches!(c.body[0].kind, StmtKind::FunctionDef(_)));

    let StmtKind::Try {
        body,
        handlers,
        orelse,
        finalbody,
    } = &m.body[2].kind
    else {
        panic!()
    };
    assert_eq!(body.len(), 1);
    assert_eq!(handlers.len(), 2);
    assert_eq!(handlers[0].line, 10);
    assert_eq!(handlers[0].name.as_deref(), Some("e"));
    assert!(matches!(
        handlers[0].type_.as_ref().map(|t| &t.kind),
        Some(ExprKind::Tuple(_))
    ));
    assert!(handlers[1].type_.is_none());
    assert_eq!(handlers[1].line, 12);
    assert!(matches!(
        handlers[1].body[0].kind,
        StmtKind::Raise {
            exc: None,
            cause: None
        }
    ));
    assert_eq!((orelse.len(), finalbody.len()), (1, 1));
}

#[test]
fn lines_of_statements_and_expressions() {
    let m = parse(
        "\n# comment\nx = (1 +\n     f(\n       y))\n\nif x:\r\n    pass\r\nz = '''a\nb'''\nw\n",
    );
    assert_eq!(m.body[0].line, 3);
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::BinOp { left, right, .. } = &value.kind else {
        panic!()
    };
    assert_eq!(left.line, 3);
    assert_eq!(right.line, 4);
    let ExprKind::Call { args, .. } = &right.kind else {
        panic!()
    };
    assert!(matches!(&args[0], Arg::Positional(e) if e.line == 5));
    assert_eq!(m.body[1].line, 7);
    let StmtKind::If { body, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(body[0].line, 8);
    assert_eq!(m.body[2].line, 9);
    assert_eq!(m.body[3].line, 11);
}

#[test]
fn syntax_errors_speak_cpython() {
    // (source, CPython 3.11's message, line, column), checked against `compile()`.
    let cases: &[(&str, &str, u32, u32)] = &[
        ("x = (1,\n", "'(' was never closed", 1, 5),
        ("foo(1\nx = 2\n", "'(' was never closed", 1, 4),
        ("x = [1, 2\ny = 3\n", "'[' was never closed", 1, 5),
        ("if x\n  pass\n", "expected ':'", 1, 5),
        ("x = = 1\n", "invalid syntax", 1, 5),
        ("x = 1 2\n", "invalid syntax", 1, 7),
        (
            "s = 'abc\n",
            "unterminated string literal (detected at line 1)",
            1,
            5,
        ),
        (
            "s = \"\"\"abc\n\n",
            "unterminated triple-quoted string literal (detected at line 2)",
            1,
            5,
        ),
        (
            "if x:\npass\n",
            "expected an indented block after 'if' statement on line 1",
            2,
            1,
        ),
        (
            "def f():\n\nreturn\n",
            "expected an indented block after function definition on line 1",
            3,
            1,
        ),
        ("return 1\n", "'return' outside function", 1, 1),
        (
            "class C:\n    return 1\n",
            "'return' outside function",
            2,
            5,
        ),
        ("break\n", "'break' outside loop", 1, 1),
        (
            "for x in y:\n  pass\nelse:\n  continue\n",
            "'continue' not properly in loop",
            4,
            3,
        ),
        (
            "while x:\n  def f():\n    break\n",
            "'break' outside loop",
            3,
            5,
        ),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
            1,
            1,
        ),
        ("yield 1\n", "'yield' outside function", 1, 1),
        ("await x\n", "'await' outside function", 1, 1),
        (
            "def f():\n    await x\n",
            "'await' outside async function",
            2,
            5,
        ),
        (
            "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n",
            "default 'except:' must be last",
            3,
            1,
        ),
        ("x = 1)\n", "unmatched ')'", 1, 6),
        ("x = ]\n", "unmatched ']'", 1, 5),
        ("else:\n    pass\n", "invalid syntax", 1, 1),
        ("while True print(1)\n", "invalid syntax", 1, 12),
        ("x = $\n", "invalid syntax", 1, 5),
        ("import\n", "invalid syntax", 1, 7),
        ("async = 1\n", "invalid syntax", 1, 7),
        (
            "s = 'a\\\nb\n",
            "unterminated string literal (detected at line 2)",
            1,
            5,
        ),
        ("f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8),
        (
            "def f(a, a):\n    pass\n",
            "duplicate argument 'a' in function definition",
            1,
            10,
        ),
        (
            "*a, *b = c\n",
            "multiple starred expressions in assignment",
            1,
            1,
        ),
        (
            "*a = b\n",
            "starred assignment target must be in a list or tuple",
            1,
            1,
        ),
        ("x = *a\n", "can't use starred expression here", 1, 5),
        (
            "def f(x=1, y):\n    pass\n",
            "non-default argument follows default argument",
            1,
            12,
        ),
        (
            "f(**a, *b)\n",
            "iterable argument unpacking follows keyword argument unpacking",
            1,
            8,
        ),
        (
            "def f(*):\n    pass\n",
            "named arguments must follow bare *",
            1,
            7,
        ),
        (
            "f(x for x in y, 1)\n",
            "Generator expression must be parenthesized",
            1,
            3,
        ),
        (
            "x = 0777\n",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for \
             octal integers",
            1,
            5,
        ),
        (
            "x = f'{x!z}'\n",
            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
            1,
            10,
        ),
    ];
    for &(src, message, line, column) in cases {
        assert_eq!(
            syntax(src),
            (message.to_string(), line, column),
            "source {src:?}"
        );
    }
    // Where CPython's position differs from Ruff's, only the message is checked.
    assert_eq!(
        syntax("f(a=1, b)\n").0,
        "positional argument follows keyword argument"
    );
    assert_eq!(
        syntax("try:\n    pass\n").0,
        "expected 'except' or 'finally' block"
    );
    assert_eq!(
        syntax("x = f'}'\n").0,
        "f-string: single '}' is not allowed"
    );
    assert_eq!(
        syntax("if x = 1:\n    pass\n").0,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
    );
    assert_eq!(
        syntax("x = \u{20ac}\n").0,
        "invalid character '\u{20ac}' (U+20AC)"
    );
    // Starred expressions where they are allowed.
    for ok in [
        "a, *b = c\n",
        "[a, *b] = c\n",
        "for a, *b in c: pass\n",
        "f(*a, *b, **c)\n",
        "x = [*a, *b], {*a}, (*a,)\n",
        "class C(*bases): pass\n",
        "def f():\n    return *a, b\n",
        "x[*a]\n",
    ] {
        assert!(parse_module(ok).is_ok(), "{ok:?}: {:?}", parse_module(ok));
    }
    // Only the message differs from CPython for these two (IndentationError's offset).
    assert_eq!(syntax("x = 1\n  y = 2\n").0, "unexpected indent");
    assert_eq!(
        syntax("if x:\n    a\n  b\n").0,
        "unindent does not match any outer indentation level"
    );
    assert_eq!(
        syntax("x = 1\ny = \0\n"),
        ("source code cannot contain null bytes".into(), 2, 5)
    );
    // A byte order mark is not an error.
    assert_eq!(parse("\u{feff}x = 1\n").body[0].line, 1);
    // Python 3.12 syntax is an error for 3.11.
    assert_eq!(syntax("type X = int\n").1, 1);
    assert_eq!(syntax("f'{x['a']}'\n").1, 1);
    // A syntax error anywhere wins over an unsupported construct earlier on.
    assert_eq!(syntax("with a: pass\nbreak\n").1, 2);
}

#[test]
fn unsupported_constructs_name_themselves() {
    let cases: &[(&str, &str, u32)] = &[
        ("x = 1\nwith a as b:\n    pass\n", "a 'with' statement", 2),
        (
            "def f():\n    yield 1\n",
            "'yield' (generator functions)",
            2,
        ),
        (
            "def f():\n    yield from g\n",
            "'yield' (generator functions)",
            2,
        ),
        ("async def f():\n    pass\n", "an 'async' function", 1),
        ("async def f():\n    await g\n", "an 'async' function", 1),
        (
            "if (n := 10) > 5:\n    pass\n",
            "the walrus operator ':='",
            1,
        ),
        (
            "match x:\n    case 1:\n        pass\n",
            "a 'match' statement",
            1,
        ),
        ("try:\n    pass\nexcept* E:\n    pass\n", "'except*'", 1),
        ("import os.path\n", "a dotted 'import a.b'", 1),
        ("from . import x\n", "a relative import", 1),
        ("from .m import x\n", "a relative import", 1),
        ("from m import *\n", "'from ... import *'", 1),
        (
            "class C(metaclass=M):\n    pass\n",
            "a class keyword argument (such as metaclass=)",
            1,
        ),
        ("x = [\n  b'a']\n", "a bytes literal", 2),
    ];
    for &(src, what, line) in cases {
        assert_eq!(unsupported(src), (what.to_string(), line), "source {src:?}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    // Run on a small stack, as test threads and the evaluator's callers may.
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            for depth in [150usize, 250, 1000, 20_000] {
                for (open, close) in [("(", ")"), ("[", "]"), ("-", ""), ("f(", ")"), ("not ", "")]
                {
                    let src = format!("x = {}1{}\n", open.repeat(depth), close.repeat(depth));
                    let result = parse_module(&src);
                    if depth < 190 {
                        assert!(result.is_ok(), "{open} x {depth}: {result:?}");
                    } else {
                        assert!(result.is_err(), "{open} x {depth}");
                    }
                }
            }
            // CPython's tokenizer limits.
            let src = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
            assert_eq!(syntax(&src), ("too many nested parentheses".into(), 1, 205));
            let src = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
            assert!(parse_module(&src).is_ok());
            let src = format!("x = {}1\n", "-".repeat(250));
            assert_eq!(
                unsupported(&src),
                ("nesting deeper than 200 levels".into(), 1)
            );
            let mut src = String::new();
            for i in 0..300 {
                src.push_str(&" ".repeat(i));
                src.push_str("if x:\n");
            }
            src.push_str(&" ".repeat(300));
            src.push_str("pass\n");
            assert_eq!(syntax(&src).0, "too many levels of indentation");
            assert_eq!(syntax(&src).1, 101);
            // A long flat chain nests in the tree too.
            let chain = format!("x = {}1\n", "1 + ".repeat(500));
            assert!(parse_module(&chain).is_err());
            let chain = format!("x = {}1\n", "1 + ".repeat(100));
            assert!(parse_module(&chain).is_ok());
        })
        .unwrap()
        .join()
        .unwrap();
}

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// The book's programs parse; every truncation and many mutations of them give `Ok` or
/// `Err`, never a panic, and quickly.
#[test]
fn fuzz_truncations_and_mutations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    python_files(&root.join("book/python"), &mut files);
    python_files(&root.join("tests/pyrun"), &mut files);
    let sources: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|s| (p, s)))
        .collect();
    let started = std::time::Instant::now();
    for (path, source) in &sources {
        match parse_module(source) {
            // The book's programs are the subset's reason to exist: all of them are in it.
            Err(e) if path.starts_with(root.join("book")) => {
                panic!("{}: {e}", path.display())
            }
            Err(e @ ParseError::Syntax { .. }) => panic!("{}: {e}", path.display()),
            _ => {}
        }
    }
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let noise: &[&str] = &[
        "(", ")", "[", "]", "{", "}", ":", "'", "\"", "\"\"\"", "f'{", "}", "\n", "    ", "\t",
        "\\", "#", "=", "lambda", "def ", "class ", "yield", "*", "**", "\u{e9}", "\r", "\0",
    ];
    let mut runs = 0;
    for (i, (_, source)) in sources.iter().enumerate() {
        if i < 3 {
            for cut in (0..source.len()).step_by(7) {
                if source.is_char_boundary(cut) {
                    let _ = parse_module(&source[..cut]);
                    runs += 1;
                }
            }
        }
        for _ in 0..40 {
            let mut text = source.clone();
            for _ in 0..1 + next() % 4 {
                let mut at = next() % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match next() % 3 {
                    0 => text.insert_str(at, noise[next() % noise.len()]),
                    1 => {
                        let mut end = (at + 1 + next() % 8).min(text.len());
                        while !text.is_char_boundary(end) {
                            end -= 1;
                        }
                        text.replace_range(at..end, "");
                    }
                    _ => {
                        let mut end = (at + 1).min(text.len());
                        while !text.is_char_boundary(end) {
                            end += 1;
                        }
                        text.replace_range(at..end, noise[next() % noise.len()]);
                    }
                }
            }
            let _ = parse_module(&text);
            runs += 1;
        }
    }
    assert!(runs > 0);
    assert!(
        started.elapsed().as_secs() < 60,
        "{runs} parses took {:?}",
        started.elapsed()
    );
}
