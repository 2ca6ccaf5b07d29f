//! The built-in behaviour (ops, format, methods, builtins) on a real heap. Expected texts
//! and messages come from running CPython 3.11.7 (`python3`) on the same expressions.

// 3.14159 is a value to format, not an approximation of pi; the case tables are wide tuples.
#![allow(clippy::approx_constant, clippy::type_complexity)]

use std::rc::Rc;

use pyrun::ast::{BinOp, CmpOp, UnaryOp};
use pyrun::{Output, PyHeap, Runtime, Stream, builtins, format, methods, ops};
use refcount::{Error, ObjRef, Result};

fn setup() -> (PyHeap, Rc<Runtime>) {
    let mut heap = finalizers::new_heap();
    generations::gc::disable(&mut heap);
    let rt = Runtime::new("t.py", "", Output::Captured(vec![]));
    builtins::install(&mut heap, &rt).unwrap();
    (heap, rt)
}

/// Runs `body` and checks that everything it made was freed.
fn no_leaks(body: impl FnOnce(&mut PyHeap, &Runtime) -> Result<()>) {
    let (mut heap, rt) = setup();
    // Names interned by the heap stay alive: intern the ones the tests use first.
    for name in [
        "args",
        "name",
        "__format__",
        "n",
        "v",
        "method",
        "__eq__",
        "__lt__",
        "__add__",
        "__radd__",
        "__len__",
        "__getitem__",
        "__contains__",
        "__hash__",
        "__del__",
        "key",
        "reverse",
        "sep",
        "end",
        "file",
    ] {
        let s = heap.intern(name).unwrap();
        heap.decref(s).unwrap();
    }
    let before = heap.live_objects();
    let before_objs: Vec<ObjRef> = heap.objects().collect();
    body(&mut heap, &rt).unwrap();
    if let Some(exc) = rt.raising.take() {
        heap.decref(exc).unwrap();
    }
    for o in heap.objects().collect::<Vec<_>>() {
        if !before_objs.contains(&o) {
            eprintln!(
                "LEAK {} {:?} {:?} rc={}",
                heap.describe(o),
                heap.as_str(o).ok(),
                heap.get(o).map(|x| x.kind()),
                heap.refcount(o).unwrap()
            );
        }
    }
    assert_eq!(heap.live_objects(), before, "objects leaked");
}

fn int(heap: &mut PyHeap, v: i64) -> ObjRef {
    heap.new_int(v).unwrap()
}

fn s(heap: &mut PyHeap, v: &str) -> ObjRef {
    heap.new_str(v).unwrap()
}

fn fl(heap: &mut PyHeap, v: f64) -> ObjRef {
    heap.new_float(v).unwrap()
}

/// A list of ints (a new reference).
fn ints(heap: &mut PyHeap, vs: &[i64]) -> ObjRef {
    let items: Vec<ObjRef> = vs.iter().map(|&v| heap.new_int(v).unwrap()).collect();
    let l = heap.new_list(&items).unwrap();
    for i in items {
        heap.decref(i).unwrap();
    }
    l
}

fn drop(heap: &mut PyHeap, refs: &[ObjRef]) {
    for &r in refs {
        heap.decref(r).unwrap();
    }
}

fn repr(heap: &mut PyHeap, rt: &Runtime, r: ObjRef) -> String {
    ops::repr(heap, rt, r).unwrap()
}

/// `Type: message` of an exception.
fn err<T: std::fmt::Debug>(r: Result<T>) -> String {
    match r {
        Err(e) => {
            let t = e.exception_type().unwrap_or("?").to_string();
            match e {
                Error::Raised { message, .. } => format!("{t}: {message}"),
                other => format!("{other}"),
            }
        }
        Ok(v) => panic!("expected an exception, got {v:?}"),
    }
}

fn builtin(heap: &PyHeap, rt: &Runtime, name: &str) -> ObjRef {
    let d = rt.builtins.get().unwrap();
    ops::dict_entries(heap, d)
        .unwrap()
        .into_iter()
        .find(|&(k, _)| heap.as_str(k).unwrap() == name)
        .unwrap_or_else(|| panic!("no builtin {name}"))
        .1
}

/// Calls builtin `name` and returns the repr of its result (dropped).
fn call(
    heap: &mut PyHeap,
    rt: &Runtime,
    name: &str,
    args: &[ObjRef],
    kw: &[(&str, ObjRef)],
) -> Result<String> {
    let f = builtin(heap, rt, name);
    let r = match builtins::call_type(heap, rt, f, args, kw)? {
        Some(r) => r,
        None => heap.call_kw(f, args, kw)?,
    };
    let text = ops::repr(heap, rt, r);
    heap.decref(r)?;
    text
}

fn bin(heap: &mut PyHeap, rt: &Runtime, op: BinOp, a: ObjRef, b: ObjRef) -> Result<String> {
    let r = ops::binary(heap, rt, op, a, b)?;
    let text = ops::repr(heap, rt, r);
    heap.decref(r)?;
    text
}

#[test]
fn arithmetic_results() {
    no_leaks(|heap, rt| {
        let (a, b, c, m) = (int(heap, 7), int(heap, -2), int(heap, 3), int(heap, -7));
        let (x, y, z) = (fl(heap, 7.5), fl(heap, -2.0), fl(heap, 0.1));
        // From python3: 7 // -2, 7 % -2, -7 % 3, -7 // 3, 7 / -2, 7 ** -2 ...
        assert_eq!(bin(heap, rt, BinOp::FloorDiv, a, b)?, "-4");
        assert_eq!(bin(heap, rt, BinOp::Mod, a, b)?, "-1");
        assert_eq!(bin(heap, rt, BinOp::Mod, m, c)?, "2");
        assert_eq!(bin(heap, rt, BinOp::FloorDiv, m, c)?, "-3");
        assert_eq!(bin(heap, rt, BinOp::Div, a, b)?, "-3.5");
        assert_eq!(bin(heap, rt, BinOp::Pow, a, b)?, "0.02040816326530612");
        assert_eq!(bin(heap, rt, BinOp::Pow, a, c)?, "343");
        assert_eq!(bin(heap, rt, BinOp::FloorDiv, x, y)?, "-4.0");
        assert_eq!(bin(heap, rt, BinOp::Mod, x, y)?, "-0.5");
        assert_eq!(bin(heap, rt, BinOp::Add, z, z)?, "0.2");
        let zz = bin(heap, rt, BinOp::Add, z, z)?;
        assert_eq!(zz, "0.2");
        let three_z = {
            let t = ops::binary(heap, rt, BinOp::Mult, z, c)?;
            let r = repr(heap, rt, t);
            heap.decref(t)?;
            r
        };
        assert_eq!(three_z, "0.30000000000000004");
        assert_eq!(bin(heap, rt, BinOp::Add, a, x)?, "14.5");
        assert_eq!(bin(heap, rt, BinOp::LShift, a, c)?, "56");
        assert_eq!(bin(heap, rt, BinOp::RShift, m, c)?, "-1");
        let (t, f) = (heap.new_bool(true)?, heap.new_bool(false)?);
        assert_eq!(bin(heap, rt, BinOp::Add, t, t)?, "2");
        assert_eq!(bin(heap, rt, BinOp::BitAnd, t, f)?, "False");
        assert_eq!(bin(heap, rt, BinOp::BitXor, t, f)?, "True");
        let neg = ops::unary(heap, rt, UnaryOp::Neg, t)?;
        assert_eq!(repr(heap, rt, neg), "-1");
        let inv = ops::unary(heap, rt, UnaryOp::Invert, t)?;
        assert_eq!(repr(heap, rt, inv), "-2");
        let not = ops::unary(heap, rt, UnaryOp::Not, a)?;
        assert_eq!(repr(heap, rt, not), "False");
        drop(heap, &[a, b, c, m, x, y, z, t, f, neg, inv, not]);
        Ok(())
    });
}

#[test]
fn arithmetic_errors() {
    no_leaks(|heap, rt| {
        let (one, zero, fzero, big) = (
            int(heap, 1),
            int(heap, 0),
            fl(heap, 0.0),
            int(heap, i64::MAX),
        );
        let (f1, text, neg) = (fl(heap, 1.0), s(heap, "a"), int(heap, -1));
        let none = heap.none()?;
        let l = ints(heap, &[1]);
        let t = heap.new_tuple(&[one])?;
        // Messages from python3 3.11.7.
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Div, one, zero)),
            "ZeroDivisionError: division by zero"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::FloorDiv, one, zero)),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Mod, one, zero)),
            "ZeroDivisionError: integer modulo by zero"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Div, f1, zero)),
            "ZeroDivisionError: float division by zero"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::FloorDiv, f1, zero)),
            "ZeroDivisionError: float floor division by zero"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Mod, f1, fzero)),
            "ZeroDivisionError: float modulo"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Pow, zero, neg)),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Add, one, text)),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Add, text, one)),
            "TypeError: can only concatenate str (not \"int\") to str"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Add, l, t)),
            "TypeError: can only concatenate list (not \"tuple\") to list"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Mult, text, text)),
            "TypeError: can't multiply sequence by non-int of type 'str'"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Add, none, one)),
            "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Pow, one, text)),
            "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::LShift, one, neg)),
            "ValueError: negative shift count"
        );
        assert_eq!(
            err(ops::unary(heap, rt, UnaryOp::Neg, text)),
            "TypeError: bad operand type for unary -: 'str'"
        );
        assert_eq!(
            err(ops::unary(heap, rt, UnaryOp::Invert, f1)),
            "TypeError: bad operand type for unary ~: 'float'"
        );
        // pyrun's ints are 64-bit: an overflow is an error, never a wrong number.
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Add, big, one)),
            "OverflowError: int too large for pyrun's 64-bit ints"
        );
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Mult, big, big)),
            "OverflowError: int too large for pyrun's 64-bit ints"
        );
        drop(heap, &[one, zero, fzero, big, f1, text, neg, none, l, t]);
        Ok(())
    });
}

#[test]
fn sequences_and_sets() {
    no_leaks(|heap, rt| {
        let (a, b) = (ints(heap, &[1, 2]), ints(heap, &[3]));
        let (two, ab) = (int(heap, 2), s(heap, "ab"));
        assert_eq!(bin(heap, rt, BinOp::Add, a, b)?, "[1, 2, 3]");
        assert_eq!(bin(heap, rt, BinOp::Mult, a, two)?, "[1, 2, 1, 2]");
        assert_eq!(bin(heap, rt, BinOp::Mult, two, ab)?, "'abab'");
        let t = heap.new_tuple(&[two])?;
        assert_eq!(bin(heap, rt, BinOp::Add, t, t)?, "(2, 2)");
        let items: Vec<ObjRef> = [1, 2, 3].iter().map(|&v| int(heap, v)).collect();
        let s1 = heap.new_set(&items)?;
        let s2 = heap.new_set(&items[1..])?;
        assert_eq!(bin(heap, rt, BinOp::Sub, s1, s2)?, "{1}");
        assert_eq!(bin(heap, rt, BinOp::BitAnd, s1, s2)?, "{2, 3}");
        assert_eq!(bin(heap, rt, BinOp::BitXor, s2, s1)?, "{1}");
        assert!(ops::compare(heap, rt, CmpOp::Lt, s2, s1)?);
        // l += (3,) extends in place.
        let r = ops::inplace(heap, rt, BinOp::Add, a, t)?;
        assert_eq!(r, a);
        assert_eq!(repr(heap, rt, a), "[1, 2, 2]");
        drop(heap, &[r, a, b, two, ab, t, s1, s2]);
        drop(heap, &items);
        Ok(())
    });
}

#[test]
fn repr_and_str() {
    no_leaks(|heap, rt| {
        let (x, y, q) = (fl(heap, 1e16), fl(heap, 0.0001), s(heap, "it's"));
        let one = int(heap, 1);
        let t1 = heap.new_tuple(&[one])?;
        let d = heap.new_dict()?;
        heap.dict_set(d, q, t1)?;
        let empty = heap.new_set(&[])?;
        let l = heap.new_list(&[x, y, q, t1, d, empty])?;
        // python3: repr([1e16, 0.0001, "it's", (1,), {"it's": (1,)}, set()])
        assert_eq!(
            repr(heap, rt, l),
            "[1e+16, 0.0001, \"it's\", (1,), {\"it's\": (1,)}, set()]"
        );
        assert_eq!(ops::str_of(heap, rt, q)?, "it's");
        // A list inside itself.
        heap.list_append(l, l)?;
        assert!(repr(heap, rt, l).ends_with(", [...]]"));
        heap.clear(l)?;
        // An instance's __repr__ is called for items.
        let f = heap.new_function_kw("C.__repr__", &[], |heap, _, _, _| heap.new_str("C!"))?;
        let class = heap.new_class_with("C", &[("__repr__", f)])?;
        let inst = heap.new_instance(class)?;
        let l2 = heap.new_list(&[inst, inst])?;
        assert_eq!(repr(heap, rt, l2), "[C!, C!]");
        assert_eq!(ops::str_of(heap, rt, inst)?, "C!");
        let plain = heap.new_class("D")?;
        let d_inst = heap.new_instance(plain)?;
        assert!(repr(heap, rt, d_inst).starts_with("<__main__.D object at 0x"));
        let int_type = ops::type_of(heap, rt, one);
        assert_eq!(repr(heap, rt, int_type), "<class 'int'>");
        let len = builtin(heap, rt, "len");
        assert_eq!(repr(heap, rt, len), "<built-in function len>");
        assert_eq!(repr(heap, rt, plain), "<class '__main__.D'>");
        drop(
            heap,
            &[
                x, y, q, one, t1, d, empty, l, f, class, inst, l2, plain, d_inst,
            ],
        );
        Ok(())
    });
}

#[test]
fn comparisons() {
    no_leaks(|heap, rt| {
        let (a, b) = (ints(heap, &[1, 2]), ints(heap, &[1, 3]));
        let (one, fone, text, nan) = (
            int(heap, 1),
            fl(heap, 1.0),
            s(heap, "abc"),
            fl(heap, f64::NAN),
        );
        let sub = s(heap, "bc");
        assert!(ops::compare(heap, rt, CmpOp::Lt, a, b)?);
        assert!(ops::compare(heap, rt, CmpOp::Eq, one, fone)?);
        assert!(ops::compare(heap, rt, CmpOp::In, sub, text)?);
        assert!(ops::compare(heap, rt, CmpOp::In, one, a)?);
        assert!(!ops::compare(heap, rt, CmpOp::Eq, nan, nan)?);
        let ln = heap.new_list(&[nan])?;
        // Identity first inside containers: [nan] == [nan] for the same nan.
        assert!(ops::compare(heap, rt, CmpOp::Eq, ln, ln)?);
        let r = heap.new_range(0, 10, 3)?;
        let nine = int(heap, 9);
        assert!(ops::compare(heap, rt, CmpOp::In, nine, r)?);
        assert_eq!(
            err(ops::compare(heap, rt, CmpOp::Lt, one, text)),
            "TypeError: '<' not supported between instances of 'int' and 'str'"
        );
        assert_eq!(
            err(ops::compare(heap, rt, CmpOp::In, one, text)),
            "TypeError: 'in <string>' requires string as left operand, not int"
        );
        assert_eq!(
            err(ops::compare(heap, rt, CmpOp::In, one, one)),
            "TypeError: argument of type 'int' is not iterable"
        );
        let mixed = heap.new_list(&[one, text])?;
        let mixed2 = heap.new_list(&[one, one])?;
        assert_eq!(
            err(ops::compare(heap, rt, CmpOp::Lt, mixed2, mixed)),
            "TypeError: '<' not supported between instances of 'int' and 'str'"
        );
        drop(
            heap,
            &[a, b, one, fone, text, nan, sub, ln, r, nine, mixed, mixed2],
        );
        Ok(())
    });
}

#[test]
fn subscripts_and_slices() {
    no_leaks(|heap, rt| {
        let l = ints(heap, &[0, 1, 2, 3, 4, 5]);
        let text = s(heap, "hello");
        let (m1, ten, key) = (int(heap, -1), int(heap, 10), s(heap, "k"));
        let item = ops::getitem(heap, rt, l, m1)?;
        assert_eq!(repr(heap, rt, item), "5");
        let c = ops::getitem(heap, rt, text, m1)?;
        assert_eq!(repr(heap, rt, c), "'o'");
        assert_eq!(
            err(ops::getitem(heap, rt, l, ten)),
            "IndexError: list index out of range"
        );
        assert_eq!(
            err(ops::getitem(heap, rt, text, ten)),
            "IndexError: string index out of range"
        );
        assert_eq!(
            err(ops::getitem(heap, rt, l, key)),
            "TypeError: list indices must be integers or slices, not str"
        );
        assert_eq!(
            err(ops::setitem(heap, rt, l, ten, key)),
            "IndexError: list assignment index out of range"
        );
        assert_eq!(
            err(ops::getitem(heap, rt, ten, ten)),
            "TypeError: 'int' object is not subscriptable"
        );
        let d = heap.new_dict()?;
        assert_eq!(err(ops::getitem(heap, rt, d, key)), "KeyError: 'k'");
        // The KeyError's object carries the key itself as its args.
        let exc = rt.raising.take().expect("KeyError object");
        let args = heap.get_attr(exc, "args")?;
        assert_eq!(repr(heap, rt, args), "('k',)");
        heap.decref(exc)?;
        assert_eq!(
            err(ops::setitem(heap, rt, d, l, key)),
            "TypeError: unhashable type: 'list'"
        );
        // python3: [0,1,2,3,4,5][::-2], [1:-1], "hello"[::-1], range(0,10,3)[1:],
        let sl = ops::getitem_slice(heap, rt, l, None, None, Some(-2))?;
        assert_eq!(repr(heap, rt, sl), "[5, 3, 1]");
        let sl2 = ops::getitem_slice(heap, rt, l, Some(1), Some(-1), None)?;
        assert_eq!(repr(heap, rt, sl2), "[1, 2, 3, 4]");
        let rev = ops::getitem_slice(heap, rt, text, None, None, Some(-1))?;
        assert_eq!(repr(heap, rt, rev), "'olleh'");
        let r = heap.new_range(0, 10, 3)?;
        let rs = ops::getitem_slice(heap, rt, r, Some(1), None, None)?;
        assert_eq!(repr(heap, rt, rs), "range(3, 12, 3)");
        assert_eq!(
            err(ops::getitem_slice(heap, rt, l, None, None, Some(0))),
            "ValueError: slice step cannot be zero"
        );
        // l[1:3] = "ab"; l[::2] = [7, 8, 9]; del l[:2]
        let ab = s(heap, "ab");
        ops::setitem_slice(heap, rt, l, Some(1), Some(3), None, ab)?;
        assert_eq!(repr(heap, rt, l), "[0, 'a', 'b', 3, 4, 5]");
        let seven = ints(heap, &[7, 8, 9]);
        ops::setitem_slice(heap, rt, l, None, None, Some(2), seven)?;
        assert_eq!(repr(heap, rt, l), "[7, 'a', 8, 3, 9, 5]");
        assert_eq!(
            err(ops::setitem_slice(heap, rt, l, None, None, Some(3), seven)),
            "ValueError: attempt to assign sequence of size 3 to extended slice of size 2"
        );
        ops::delitem_slice(heap, rt, l, None, Some(2), None)?;
        assert_eq!(repr(heap, rt, l), "[8, 3, 9, 5]");
        ops::setitem_slice(heap, rt, l, Some(10), None, None, seven)?;
        assert_eq!(repr(heap, rt, l), "[8, 3, 9, 5, 7, 8, 9]");
        ops::delitem_slice(heap, rt, l, None, None, Some(-3))?;
        assert_eq!(repr(heap, rt, l), "[3, 9, 7, 8]");
        ops::delitem(heap, rt, l, m1)?;
        assert_eq!(repr(heap, rt, l), "[3, 9, 7]");
        let t = heap.new_tuple(&[m1])?;
        assert_eq!(
            err(ops::delitem(heap, rt, t, m1)),
            "TypeError: 'tuple' object doesn't support item deletion"
        );
        drop(
            heap,
            &[
                l, text, m1, ten, key, item, c, d, sl, sl2, rev, r, rs, ab, seven, t,
            ],
        );
        Ok(())
    });
}

#[test]
fn len_truth_iterate() {
    no_leaks(|heap, rt| {
        let text = s(heap, "héllo");
        assert_eq!(ops::len(heap, rt, text)?, 5);
        let chars = ops::iterate(heap, rt, text)?;
        assert_eq!(repr(heap, rt, chars[1]), "'é'");
        drop(heap, &chars);
        let r = heap.new_range(10, 0, -3)?;
        let items = ops::iterate(heap, rt, r)?;
        let l = heap.new_list(&items)?;
        assert_eq!(repr(heap, rt, l), "[10, 7, 4, 1]");
        drop(heap, &items);
        let empty = heap.new_list(&[])?;
        assert!(!ops::truthy(heap, rt, empty)?);
        assert!(ops::truthy(heap, rt, l)?);
        let one = int(heap, 1);
        assert_eq!(
            err(ops::iterate(heap, rt, one)),
            "TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            err(ops::len(heap, rt, one)),
            "TypeError: object of type 'int' has no len()"
        );
        drop(heap, &[text, r, l, empty, one]);
        Ok(())
    });
}

#[test]
fn builtin_functions() {
    no_leaks(|heap, rt| {
        let l = ints(heap, &[3, 1, 2]);
        let (x12, bad, f, half) = (s(heap, " 12 "), s(heap, "x"), fl(heap, -3.9), fl(heap, 2.5));
        let (two, seven, m7) = (int(heap, 2), int(heap, 7), int(heap, -7));
        assert_eq!(call(heap, rt, "sorted", &[l], &[])?, "[1, 2, 3]");
        let t = heap.new_bool(true)?;
        assert_eq!(
            call(heap, rt, "sorted", &[l], &[("reverse", t)])?,
            "[3, 2, 1]"
        );
        assert_eq!(call(heap, rt, "min", &[l], &[])?, "1");
        assert_eq!(call(heap, rt, "max", &[two, seven], &[])?, "7");
        assert_eq!(call(heap, rt, "sum", &[l], &[])?, "6");
        assert_eq!(call(heap, rt, "len", &[l], &[])?, "3");
        assert_eq!(call(heap, rt, "int", &[x12], &[])?, "12");
        assert_eq!(call(heap, rt, "int", &[f], &[])?, "-3");
        assert_eq!(
            err(call(heap, rt, "int", &[bad], &[])),
            "ValueError: invalid literal for int() with base 10: 'x'"
        );
        assert_eq!(call(heap, rt, "float", &[x12], &[])?, "12.0");
        assert_eq!(
            err(call(heap, rt, "float", &[bad], &[])),
            "ValueError: could not convert string to float: 'x'"
        );
        assert_eq!(call(heap, rt, "round", &[half], &[])?, "2");
        assert_eq!(call(heap, rt, "divmod", &[m7, two], &[])?, "(-4, 1)");
        assert_eq!(call(heap, rt, "pow", &[seven, two, m7], &[])?, "0");
        let three = int(heap, 3);
        assert_eq!(call(heap, rt, "pow", &[three, two, m7], &[])?, "-5");
        heap.decref(three)?;
        assert_eq!(call(heap, rt, "abs", &[f], &[])?, "3.9");
        assert_eq!(call(heap, rt, "list", &[x12], &[])?, "[' ', '1', '2', ' ']");
        assert_eq!(call(heap, rt, "tuple", &[l], &[])?, "(3, 1, 2)");
        assert_eq!(
            call(heap, rt, "enumerate", &[bad], &[("start", two)])?,
            "[(2, 'x')]"
        );
        assert_eq!(
            call(heap, rt, "zip", &[l, x12], &[])?,
            "[(3, ' '), (1, '1'), (2, '2')]"
        );
        assert_eq!(call(heap, rt, "reversed", &[l], &[])?, "[2, 1, 3]");
        // Sets keep insertion order (CPython's is its hash table's: {1, 2, 3} here).
        assert_eq!(call(heap, rt, "set", &[l], &[])?, "{3, 1, 2}");
        assert_eq!(call(heap, rt, "dict", &[], &[("a", two)])?, "{'a': 2}");
        assert_eq!(call(heap, rt, "str", &[l], &[])?, "'[3, 1, 2]'");
        assert_eq!(call(heap, rt, "repr", &[bad], &[])?, "\"'x'\"");
        assert_eq!(call(heap, rt, "bool", &[l], &[])?, "True");
        assert_eq!(call(heap, rt, "all", &[l], &[])?, "True");
        assert_eq!(call(heap, rt, "any", &[bad], &[])?, "True");
        let sixty_five = int(heap, 65);
        assert_eq!(call(heap, rt, "chr", &[sixty_five], &[])?, "'A'");
        assert_eq!(call(heap, rt, "ord", &[bad], &[])?, "120");
        assert_eq!(
            err(call(heap, rt, "ord", &[x12], &[])),
            "TypeError: ord() expected a character, but string of length 4 found"
        );
        // hash values from python3 3.11.7: hash(-1), hash(1.5), hash((1, 2)), hash(())
        let one = int(heap, 1);
        let pair = heap.new_tuple(&[one, two])?;
        let unit = heap.new_tuple(&[])?;
        let onehalf = fl(heap, 1.5);
        let minus1 = int(heap, -1);
        assert_eq!(call(heap, rt, "hash", &[minus1], &[])?, "-2");
        assert_eq!(
            call(heap, rt, "hash", &[onehalf], &[])?,
            "1152921504606846977"
        );
        assert_eq!(
            call(heap, rt, "hash", &[pair], &[])?,
            "-3550055125485641917"
        );
        assert_eq!(call(heap, rt, "hash", &[unit], &[])?, "5740354900026072187");
        assert_eq!(
            err(call(heap, rt, "hash", &[l], &[])),
            "TypeError: unhashable type: 'list'"
        );
        let int_t = builtin(heap, rt, "int");
        let bool_t = builtin(heap, rt, "bool");
        let tup = heap.new_tuple(&[bool_t, int_t])?;
        assert_eq!(call(heap, rt, "isinstance", &[t, int_t], &[])?, "True");
        assert_eq!(call(heap, rt, "isinstance", &[one, bool_t], &[])?, "False");
        assert_eq!(call(heap, rt, "isinstance", &[one, tup], &[])?, "True");
        assert_eq!(call(heap, rt, "issubclass", &[bool_t, int_t], &[])?, "True");
        let value_error = builtin(heap, rt, "ValueError");
        let exc_base = builtin(heap, rt, "Exception");
        assert_eq!(
            call(heap, rt, "issubclass", &[value_error, exc_base], &[])?,
            "True"
        );
        assert_eq!(call(heap, rt, "type", &[t], &[])?, "<class 'bool'>");
        assert_eq!(
            err(call(heap, rt, "min", &[], &[])),
            "TypeError: min expected at least 1 argument, got 0"
        );
        let empty = heap.new_list(&[])?;
        assert_eq!(
            err(call(heap, rt, "max", &[empty], &[])),
            "ValueError: max() arg is an empty sequence"
        );
        assert_eq!(
            err(call(heap, rt, "len", &[], &[])),
            "TypeError: len() takes exactly one argument (0 given)"
        );
        drop(
            heap,
            &[
                l, x12, bad, f, half, two, seven, m7, t, sixty_five, one, pair, unit, onehalf,
                minus1, tup, empty,
            ],
        );
        Ok(())
    });
}

#[test]
fn exceptions_are_classes_with_args() {
    no_leaks(|heap, rt| {
        let class = rt.exception_class("KeyError").unwrap();
        let inst = heap.new_instance(class)?;
        let init = heap.class_attr(class, "__init__")?.unwrap();
        let k = s(heap, "k");
        let none = heap.call_kw(init, &[inst, k], &[])?;
        assert_eq!(ops::str_of(heap, rt, inst)?, "'k'");
        assert_eq!(repr(heap, rt, inst), "KeyError('k')");
        let ve = rt.exception_class("ValueError").unwrap();
        let v = heap.new_instance(ve)?;
        let init = heap.class_attr(ve, "__init__")?.unwrap();
        let (one, two) = (int(heap, 1), int(heap, 2));
        let none2 = heap.call_kw(init, &[v, one, two], &[])?;
        // python3: str(ValueError(1, 2)), repr(ValueError(1, 2))
        assert_eq!(ops::str_of(heap, rt, v)?, "(1, 2)");
        assert_eq!(repr(heap, rt, v), "ValueError(1, 2)");
        let lookup = rt.exception_class("LookupError").unwrap();
        assert!(builtins::is_instance(heap, rt, inst, lookup));
        assert!(!builtins::is_instance(heap, rt, v, lookup));
        drop(heap, &[inst, k, none, v, one, two, none2]);
        Ok(())
    });
}

fn key_neg(
    heap: &mut PyHeap,
    _: &[ObjRef],
    args: &[ObjRef],
    _: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let v = heap.as_int(args[0])?;
    heap.new_int(-v)
}

#[test]
fn sorting_with_key_is_stable() {
    no_leaks(|heap, rt| {
        let key = heap.new_function_kw("neg", &[], key_neg)?;
        let l = ints(heap, &[1, 3, 2, 3, 1]);
        methods::list_sort(heap, rt, l, &[("key", key)])?;
        assert_eq!(repr(heap, rt, l), "[3, 3, 2, 1, 1]");
        // Stability with equal keys: sort pairs by their first item only.
        let words: Vec<ObjRef> = ["bb", "a", "cc", "b"].iter().map(|w| s(heap, w)).collect();
        let wl = heap.new_list(&words)?;
        let len = builtin(heap, rt, "len");
        methods::list_sort(heap, rt, wl, &[("key", len)])?;
        assert_eq!(repr(heap, rt, wl), "['a', 'b', 'bb', 'cc']");
        let t = heap.new_bool(true)?;
        methods::list_sort(heap, rt, wl, &[("key", len), ("reverse", t)])?;
        // python3: sorted(['a', 'b', 'bb', 'cc'], key=len, reverse=True)
        assert_eq!(repr(heap, rt, wl), "['bb', 'cc', 'a', 'b']");
        let one = int(heap, 1);
        let text = s(heap, "a");
        let mixed = heap.new_list(&[one, text])?;
        assert_eq!(
            err(methods::list_sort(heap, rt, mixed, &[])),
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        drop(heap, &[key, l, wl, t, one, text, mixed]);
        drop(heap, &words);
        Ok(())
    });
}

/// `receiver.name(*args)`'s repr.
fn meth(
    heap: &mut PyHeap,
    rt: &Runtime,
    recv: ObjRef,
    name: &str,
    args: &[ObjRef],
) -> Result<String> {
    meth_kw(heap, rt, recv, name, args, &[])
}

fn meth_kw(
    heap: &mut PyHeap,
    rt: &Runtime,
    recv: ObjRef,
    name: &str,
    args: &[ObjRef],
    kw: &[(&str, ObjRef)],
) -> Result<String> {
    let r = methods::call_method(heap, rt, recv, name, args, kw)?.expect("a method");
    let text = ops::repr(heap, rt, r);
    heap.decref(r)?;
    text
}

#[test]
fn str_methods() {
    no_leaks(|heap, rt| {
        let csv = s(heap, "a,b,,c");
        let comma = s(heap, ",");
        let spaced = s(heap, " a  b ");
        let one = int(heap, 1);
        // Expected values from python3 3.11.7.
        assert_eq!(
            meth(heap, rt, csv, "split", &[comma])?,
            "['a', 'b', '', 'c']"
        );
        assert_eq!(meth(heap, rt, spaced, "split", &[])?, "['a', 'b']");
        let none = heap.none()?;
        assert_eq!(
            meth(heap, rt, spaced, "split", &[none, one])?,
            "['a', 'b ']"
        );
        assert_eq!(
            meth_kw(heap, rt, spaced, "rsplit", &[], &[("maxsplit", one)])?,
            "[' a', 'b']"
        );
        assert_eq!(
            meth(heap, rt, csv, "rsplit", &[comma, one])?,
            "['a,b,', 'c']"
        );
        assert_eq!(meth(heap, rt, spaced, "strip", &[])?, "'a  b'");
        assert_eq!(meth(heap, rt, comma, "join", &[spaced])?, "' ,a, , ,b, '");
        let title = s(heap, "they're bill's");
        assert_eq!(meth(heap, rt, title, "title", &[])?, "\"They'Re Bill'S\"");
        assert_eq!(
            meth(heap, rt, title, "capitalize", &[])?,
            "\"They're bill's\""
        );
        let abc = s(heap, "abc");
        let (eight, star) = (int(heap, 8), s(heap, "*"));
        assert_eq!(meth(heap, rt, abc, "center", &[eight, star])?, "'**abc***'");
        assert_eq!(meth(heap, rt, abc, "rjust", &[eight])?, "'     abc'");
        let neg = s(heap, "-42");
        let six = int(heap, 6);
        assert_eq!(meth(heap, rt, neg, "zfill", &[six])?, "'-00042'");
        let lines = s(heap, "a\nb\r\nc\n");
        assert_eq!(meth(heap, rt, lines, "splitlines", &[])?, "['a', 'b', 'c']");
        let eq = s(heap, "=");
        let abe = s(heap, "a=b=c");
        assert_eq!(
            meth(heap, rt, abe, "partition", &[eq])?,
            "('a', '=', 'b=c')"
        );
        assert_eq!(
            meth(heap, rt, abe, "rpartition", &[eq])?,
            "('a=b', '=', 'c')"
        );
        let c = s(heap, "c");
        assert_eq!(meth(heap, rt, abc, "find", &[c])?, "2");
        assert_eq!(meth(heap, rt, abc, "find", &[comma])?, "-1");
        assert_eq!(
            err(meth(heap, rt, abc, "index", &[comma])),
            "ValueError: substring not found"
        );
        let empty = s(heap, "");
        assert_eq!(meth(heap, rt, abc, "count", &[empty])?, "4");
        let dash = s(heap, "-");
        assert_eq!(meth(heap, rt, abc, "replace", &[empty, dash])?, "'-a-b-c-'");
        assert_eq!(meth(heap, rt, abc, "startswith", &[c])?, "False");
        assert_eq!(meth(heap, rt, abc, "endswith", &[c])?, "True");
        assert_eq!(meth(heap, rt, abc, "upper", &[])?, "'ABC'");
        assert_eq!(
            err(meth(heap, rt, abc, "upper", &[one])),
            "TypeError: str.upper() takes no arguments (1 given)"
        );
        assert_eq!(
            err(meth(heap, rt, comma, "join", &[csv])
                .and(Ok(()))
                .and_then(|_| {
                    let l = heap.new_list(&[one])?;
                    let r = meth(heap, rt, comma, "join", &[l]);
                    heap.decref(l)?;
                    r.map(|_| ())
                })),
            "TypeError: sequence item 0: expected str instance, int found"
        );
        assert_eq!(
            err(meth(heap, rt, abc, "split", &[empty])),
            "ValueError: empty separator"
        );
        let digits = s(heap, "12");
        assert_eq!(meth(heap, rt, digits, "isdigit", &[])?, "True");
        assert_eq!(meth(heap, rt, empty, "isdigit", &[])?, "False");
        assert!(methods::has_method(refcount::Kind::Str, "join"));
        assert!(!methods::has_method(refcount::Kind::Str, "append"));
        assert!(methods::call_method(heap, rt, abc, "nope", &[], &[])?.is_none());
        drop(
            heap,
            &[
                csv, comma, spaced, one, none, title, abc, eight, star, neg, six, lines, eq, abe,
                c, empty, dash, digits,
            ],
        );
        Ok(())
    });
}

#[test]
fn list_dict_set_methods() {
    no_leaks(|heap, rt| {
        let l = ints(heap, &[1, 2, 3]);
        let (zero, m1, nine, five) = (int(heap, 0), int(heap, -1), int(heap, 9), int(heap, 5));
        meth(heap, rt, l, "insert", &[zero, nine])?;
        assert_eq!(repr(heap, rt, l), "[9, 1, 2, 3]");
        meth(heap, rt, l, "insert", &[m1, five])?;
        assert_eq!(repr(heap, rt, l), "[9, 1, 2, 5, 3]");
        assert_eq!(meth(heap, rt, l, "pop", &[])?, "3");
        assert_eq!(meth(heap, rt, l, "pop", &[zero])?, "9");
        meth(heap, rt, l, "remove", &[five])?;
        assert_eq!(repr(heap, rt, l), "[1, 2]");
        assert_eq!(
            err(meth(heap, rt, l, "remove", &[five])),
            "ValueError: list.remove(x): x not in list"
        );
        assert_eq!(
            err(meth(heap, rt, l, "index", &[five])),
            "ValueError: 5 is not in list"
        );
        assert_eq!(
            err(meth(heap, rt, l, "pop", &[nine])),
            "IndexError: pop index out of range"
        );
        meth(heap, rt, l, "extend", &[l])?;
        assert_eq!(repr(heap, rt, l), "[1, 2, 1, 2]");
        assert_eq!(meth(heap, rt, l, "count", &[m1])?, "0");
        meth(heap, rt, l, "reverse", &[])?;
        assert_eq!(repr(heap, rt, l), "[2, 1, 2, 1]");
        let copy = methods::call_method(heap, rt, l, "copy", &[], &[])?.unwrap();
        meth(heap, rt, l, "clear", &[])?;
        assert_eq!(repr(heap, rt, l), "[]");
        assert_eq!(
            err(meth(heap, rt, l, "pop", &[])),
            "IndexError: pop from empty list"
        );
        assert_eq!(repr(heap, rt, copy), "[2, 1, 2, 1]");

        let d = heap.new_dict()?;
        let (a, b) = (s(heap, "a"), s(heap, "b"));
        heap.dict_set(d, a, nine)?;
        heap.dict_set(d, b, five)?;
        assert_eq!(meth(heap, rt, d, "get", &[zero])?, "None");
        assert_eq!(meth(heap, rt, d, "get", &[zero, m1])?, "-1");
        assert_eq!(meth(heap, rt, d, "items", &[])?, "[('a', 9), ('b', 5)]");
        assert_eq!(meth(heap, rt, d, "keys", &[])?, "['a', 'b']");
        assert_eq!(meth(heap, rt, d, "setdefault", &[zero, m1])?, "-1");
        assert_eq!(meth(heap, rt, d, "pop", &[a])?, "9");
        assert_eq!(err(meth(heap, rt, d, "pop", &[a])), "KeyError: 'a'");
        assert_eq!(meth(heap, rt, d, "popitem", &[])?, "(0, -1)");
        meth_kw(heap, rt, d, "update", &[], &[("z", zero)])?;
        assert_eq!(repr(heap, rt, d), "{'b': 5, 'z': 0}");
        meth(heap, rt, d, "clear", &[])?;
        assert_eq!(
            err(meth(heap, rt, d, "popitem", &[])),
            "KeyError: 'popitem(): dictionary is empty'"
        );

        let st = heap.new_set(&[])?;
        meth(heap, rt, st, "add", &[five])?;
        meth(heap, rt, st, "add", &[nine])?;
        assert_eq!(meth(heap, rt, st, "union", &[copy])?, "{5, 9, 2, 1}");
        assert_eq!(meth(heap, rt, st, "issubset", &[copy])?, "False");
        meth(heap, rt, st, "discard", &[zero])?;
        assert_eq!(err(meth(heap, rt, st, "remove", &[zero])), "KeyError: 0");
        assert_eq!(meth(heap, rt, st, "pop", &[])?, "5");
        assert_eq!(
            err(meth(heap, rt, st, "add", &[copy])),
            "TypeError: unhashable type: 'list'"
        );
        let t = heap.new_tuple(&[five, nine, five])?;
        assert_eq!(meth(heap, rt, t, "count", &[five])?, "2");
        assert_eq!(meth(heap, rt, t, "index", &[nine])?, "1");
        assert_eq!(
            err(meth(heap, rt, t, "index", &[zero])),
            "ValueError: tuple.index(x): x not in tuple"
        );
        let big = int(heap, -255);
        assert_eq!(meth(heap, rt, big, "bit_length", &[])?, "8");
        let f = fl(heap, 3.0);
        assert_eq!(meth(heap, rt, f, "is_integer", &[])?, "True");
        drop(
            heap,
            &[l, zero, m1, nine, five, copy, d, a, b, st, t, big, f],
        );
        Ok(())
    });
}

#[test]
fn print_sep_end_and_streams() {
    let (mut heap, rt) = setup();
    let heap = &mut heap;
    let before = heap.live_objects();
    let (one, text, sep, end) = (int(heap, 1), s(heap, "a"), s(heap, "-"), s(heap, "!\n"));
    let l = heap.new_list(&[one, text]).unwrap();
    call(heap, &rt, "print", &[one, text, l], &[]).unwrap();
    call(
        heap,
        &rt,
        "print",
        &[one, text],
        &[("sep", sep), ("end", end)],
    )
    .unwrap();
    // sys.stderr as the sys module makes it: a TextIOWrapper whose name is "<stderr>".
    let class = heap.new_class("TextIOWrapper").unwrap();
    let stderr = heap.new_instance(class).unwrap();
    let name = s(heap, "<stderr>");
    heap.set_attr(stderr, "name", name).unwrap();
    assert_eq!(builtins::stream_of(heap, &rt, stderr), Some(Stream::Stderr));
    call(heap, &rt, "print", &[text], &[("file", stderr)]).unwrap();
    call(heap, &rt, "print", &[], &[]).unwrap();
    assert_eq!(
        err(call(heap, &rt, "print", &[], &[("sep", one)])),
        "TypeError: sep must be None or a string, not int"
    );
    assert_eq!(
        err(call(heap, &rt, "print", &[], &[("x", one)])),
        "TypeError: 'x' is an invalid keyword argument for print()"
    );
    drop(heap, &[one, text, sep, end, l, class, stderr, name]);
    let Output::Captured(pieces) = &*rt.output.borrow() else {
        panic!("captured")
    };
    assert_eq!(
        pieces,
        &vec![
            (Stream::Stdout, "1 a [1, 'a']\n1-a!\n".to_string()),
            (Stream::Stderr, "a\n".to_string()),
            (Stream::Stdout, "\n".to_string()),
        ]
    );
    // "name" was interned by set_attr: one object more than before.
    assert_eq!(heap.live_objects(), before + 1);
}

/// A value to build on the heap, for the table-driven tests.
#[derive(Clone)]
enum V {
    I(i64),
    F(f64),
    S(&'static str),
    B(bool),
    N,
    L(Vec<V>),
    T(Vec<V>),
    D(Vec<(&'static str, V)>),
}

fn build(heap: &mut PyHeap, v: &V) -> ObjRef {
    match v {
        V::I(i) => heap.new_int(*i).unwrap(),
        V::F(f) => heap.new_float(*f).unwrap(),
        V::S(t) => heap.new_str(t).unwrap(),
        V::B(b) => heap.new_bool(*b).unwrap(),
        V::N => heap.none().unwrap(),
        V::L(items) | V::T(items) => {
            let refs: Vec<ObjRef> = items.iter().map(|i| build(heap, i)).collect();
            let r = if matches!(v, V::L(_)) {
                heap.new_list(&refs).unwrap()
            } else {
                heap.new_tuple(&refs).unwrap()
            };
            drop(heap, &refs);
            r
        }
        V::D(entries) => {
            let d = heap.new_dict().unwrap();
            for (k, v) in entries {
                let (k, v) = (heap.new_str(k).unwrap(), build(heap, v));
                heap.dict_set(d, k, v).unwrap();
                drop(heap, &[k, v]);
            }
            d
        }
    }
}

fn outcome(r: Result<String>) -> std::result::Result<String, String> {
    match r {
        Ok(s) => Ok(s),
        Err(e) => Err(err::<()>(Err(e))),
    }
}

#[test]
fn format_specs_match_python() {
    use V::*;
    // Generated by running python3 3.11.7: format(value, spec) or its exception.
    #[rustfmt::skip]
    let cases: Vec<(V, &str, std::result::Result<&str, &str>)> = vec![
        (I(0), "", Ok("0")),
        (I(42), "", Ok("42")),
        (I(-42), "5", Ok("  -42")),
        (I(42), "<5", Ok("42   ")),
        (I(42), "^5", Ok(" 42  ")),
        (I(42), "=+6", Ok("+   42")),
        (I(42), "*>8", Ok("******42")),
        (I(-42), "08", Ok("-0000042")),
        (I(42), "+", Ok("+42")),
        (I(42), " ", Ok(" 42")),
        (I(-42), " ", Ok("-42")),
        (I(1234567), ",", Ok("1,234,567")),
        (I(1234567), "_", Ok("1_234_567")),
        (I(-1234567), "012,", Ok("-001,234,567")),
        (I(1234), "08,", Ok("0,001,234")),
        (I(255), "x", Ok("ff")),
        (I(255), "#X", Ok("0XFF")),
        (I(255), "#o", Ok("0o377")),
        (I(5), "#b", Ok("0b101")),
        (I(255), "#_b", Ok("0b1111_1111")),
        (I(65536), "_x", Ok("1_0000")),
        (I(65), "c", Ok("A")),
        (I(42), "e", Ok("4.200000e+01")),
        (I(42), ".2f", Ok("42.00")),
        (I(42), "%", Ok("4200.000000%")),
        (I(42), "g", Ok("42")),
        (B(true), "", Ok("True")),
        (B(true), "d", Ok("1")),
        (B(false), ">6", Ok("     0")),
        (B(true), "5", Ok("    1")),
        (I(7), "n", Ok("7")),
        (I(1), "<<5", Ok("1<<<<")),
        (I(1), "*^+7,d", Ok("**+1***")),
        (F(3.14159), "", Ok("3.14159")),
        (F(3.14159), ".2f", Ok("3.14")),
        (F(3.14159), "8.3f", Ok("   3.142")),
        (F(3.14159), "<8.1f", Ok("3.1     ")),
        (F(3.14159), "+.1e", Ok("+3.1e+00")),
        (F(-3.14159), "E", Ok("-3.141590E+00")),
        (F(0.5), ".0f", Ok("0")),
        (F(1.5), ".0f", Ok("2")),
        (F(2.5), ".0f", Ok("2")),
        (F(1e+16), "", Ok("1e+16")),
        (F(1e-05), "", Ok("1e-05")),
        (F(123456789.0), "g", Ok("1.23457e+08")),
        (F(0.0001), "g", Ok("0.0001")),
        (F(1e-05), "g", Ok("1e-05")),
        (F(1234.5), ",.2f", Ok("1,234.50")),
        (F(1234.5), "_", Ok("1_234.5")),
        (F(1234567.891), ",.1f", Ok("1,234,567.9")),
        (F(0.25), "%", Ok("25.000000%")),
        (F(0.25), ".1%", Ok("25.0%")),
        (F(100.0), ".3", Ok("1e+02")),
        (F(1.0), ".3", Ok("1.0")),
        (F(1234.5), ".2", Ok("1.2e+03")),
        (F(1.5), "10", Ok("       1.5")),
        (F(-0.0), "", Ok("-0.0")),
        (F(-0.0), "z.1f", Ok("0.0")),
        (F(-0.0001), "z.1f", Ok("0.0")),
        (F(f64::INFINITY), "", Ok("inf")),
        (F(f64::NEG_INFINITY), "+.2f", Ok("-inf")),
        (F(f64::NAN), "F", Ok("NAN")),
        (F(f64::INFINITY), "010.2f", Ok("0000000inf")),
        (F(2.0), "#g", Ok("2.00000")),
        (F(2.0), "g", Ok("2")),
        (F(1e+100), ".3g", Ok("1e+100")),
        (F(12345.678), "G", Ok("12345.7")),
        (F(1.23e-10), ".3e", Ok("1.230e-10")),
        (F(0.1), ".20f", Ok("0.10000000000000000555")),
        (F(-5.5), "010.2f", Ok("-000005.50")),
        (F(5.5), "^+9.1f", Ok("  +5.5   ")),
        (F(3.0), "#.0f", Ok("3.")),
        (F(1e+22), "", Ok("1e+22")),
        (F(123.0), "n", Ok("123")),
        (S("abc"), "", Ok("abc")),
        (S("abc"), "5", Ok("abc  ")),
        (S("abc"), ">5", Ok("  abc")),
        (S("abc"), "^6", Ok(" abc  ")),
        (S("abc"), "*^7", Ok("**abc**")),
        (S("abc"), ".2", Ok("ab")),
        (S("abc"), ">6.1", Ok("     a")),
        (S("abc"), "s", Ok("abc")),
        (S("abc"), "05", Ok("abc00")),
        (S("héllo"), "^9", Ok("  héllo  ")),
        (N, "", Ok("None")),
        (I(1), "abc", Err("ValueError: Invalid format specifier 'abc' for object of type 'int'")),
        (I(1), ".2", Err("ValueError: Precision not allowed in integer format specifier")),
        (I(255), ",x", Err("ValueError: Cannot specify ',' with 'x'.")),
        (I(65), "+c", Err("ValueError: Sign not allowed with integer format specifier 'c'")),
        (S("ab"), "=5", Err("ValueError: '=' alignment not allowed in string format specifier")),
        (S("ab"), "+5", Err("ValueError: Sign not allowed in string format specifier")),
        (S("ab"), "d", Err("ValueError: Unknown format code 'd' for object of type 'str'")),
        (F(1.5), "d", Err("ValueError: Unknown format code 'd' for object of type 'float'")),
        (N, "d", Err("TypeError: unsupported format string passed to NoneType.__format__")),
        (I(1), "s", Err("ValueError: Unknown format code 's' for object of type 'int'")),
        (S("x"), "c", Err("ValueError: Unknown format code 'c' for object of type 'str'")),
    ];
    no_leaks(|heap, rt| {
        for (v, spec, expected) in cases {
            let obj = build(heap, &v);
            let got = outcome(format::format(heap, rt, obj, spec));
            heap.decref(obj)?;
            let expected = expected.map(str::to_string).map_err(str::to_string);
            assert_eq!(got, expected, "format(_, {spec:?})");
            if let Some(exc) = rt.raising.take() {
                heap.decref(exc)?;
            }
        }
        Ok(())
    });
}

#[test]
fn instances_format_through_dunder_or_str() {
    no_leaks(|heap, rt| {
        let f = heap.new_function_kw("C.__format__", &[], |heap, _, args, _| {
            let spec = heap.as_str(args[1])?.to_string();
            heap.new_str(&format!("<{spec}>"))
        })?;
        let c = heap.new_class_with("C", &[("__format__", f)])?;
        let d = heap.new_class("D")?;
        let (ci, di) = (heap.new_instance(c)?, heap.new_instance(d)?);
        assert_eq!(format::format(heap, rt, ci, "x>3")?, "<x>3>");
        assert!(format::format(heap, rt, di, "")?.starts_with("<__main__.D object at 0x"));
        assert_eq!(
            err(format::format(heap, rt, di, "5")),
            "TypeError: unsupported format string passed to D.__format__"
        );
        drop(heap, &[f, c, d, ci, di]);
        Ok(())
    });
}

#[test]
fn str_format_matches_python() {
    use V::*;
    // Generated by running python3 3.11.7: fmt.format(*args, **kwargs) or its exception.
    #[rustfmt::skip]
    let cases: Vec<(
        &str,
        Vec<V>,
        Vec<(&str, V)>,
        std::result::Result<&str, &str>,
    )> = vec![
        ("{} {}", vec![I(1), S("a")], vec![], Ok("1 a")),
        ("{1}{0}", vec![I(1), I(2)], vec![], Ok("21")),
        ("{x:>5}|{y:.2f}", vec![], vec![("x", S("a")), ("y", F(3.14159))], Ok("    a|3.14")),
        ("{{}} {}", vec![I(1)], vec![], Ok("{} 1")),
        ("{!r:>5}", vec![S("a")], vec![], Ok("  'a'")),
        ("{0[1]}", vec![L(vec![I(5), I(6)])], vec![], Ok("6")),
        ("{:{w}}|", vec![S("ab")], vec![("w", I(5))], Ok("ab   |")),
        ("{:>{}}", vec![S("ab"), I(4)], vec![], Ok("  ab")),
        ("{}", vec![], vec![], Err("IndexError: Replacement index 0 out of range for positional args tuple")),
        ("{0}{}", vec![I(1), I(2)], vec![], Err("ValueError: cannot switch from manual field specification to automatic field numbering")),
        ("{}{0}", vec![I(1), I(2)], vec![], Err("ValueError: cannot switch from automatic field numbering to manual field specification")),
        ("{x}", vec![], vec![], Err("KeyError: 'x'")),
        ("}", vec![], vec![], Err("ValueError: Single '}' encountered in format string")),
        ("{", vec![], vec![], Err("ValueError: Single '{' encountered in format string")),
        ("{d[k]}", vec![], vec![("d", D(vec![("k", I(7))]))], Ok("7")),
        ("{0!s:^7}", vec![L(vec![I(1)])], vec![], Ok("  [1]  ")),
        ("{:,}", vec![I(1234567)], vec![], Ok("1,234,567")),
        ("{:08.3f}", vec![F(-3.14159)], vec![], Ok("-003.142")),
    ];
    no_leaks(|heap, rt| {
        for (fmt, args, kwargs, expected) in cases {
            let args: Vec<ObjRef> = args.iter().map(|a| build(heap, a)).collect();
            let kw: Vec<(&str, ObjRef)> =
                kwargs.iter().map(|(k, v)| (*k, build(heap, v))).collect();
            let got = outcome(format::str_format(heap, rt, fmt, &args, &kw));
            drop(heap, &args);
            for (_, v) in kw {
                heap.decref(v)?;
            }
            let expected = expected.map(str::to_string).map_err(str::to_string);
            assert_eq!(got, expected, "{fmt:?}.format(...)");
            if let Some(exc) = rt.raising.take() {
                heap.decref(exc)?;
            }
        }
        Ok(())
    });
}

#[test]
fn percent_format_matches_python() {
    use V::*;
    // Generated by running python3 3.11.7: fmt % values or its exception.
    #[rustfmt::skip]
    let cases: Vec<(&str, V, std::result::Result<&str, &str>)> = vec![
        ("%s and %r, %d%% %5.2f %x %-4d|", T(vec![S("a"), S("b"), I(3), F(2.5), I(255), I(7)]), Ok("a and 'b', 3%  2.50 ff 7   |")),
        ("%s", I(5), Ok("5")),
        ("%s %s", T(vec![I(1)]), Err("TypeError: not enough arguments for format string")),
        ("%d", S("a"), Err("TypeError: %d format: a real number is required, not str")),
        ("%(a)s-%(b)03d", D(vec![("a", I(1)), ("b", I(2))]), Ok("1-002")),
        ("%s", T(vec![I(1), I(2)]), Err("TypeError: not all arguments converted during string formatting")),
        ("%c%c", T(vec![I(65), S("b")]), Ok("Ab")),
        ("%05.1f|%+d|%e|%g", T(vec![F(3.14159), I(5), F(12345.678), F(0.0001)]), Ok("003.1|+5|1.234568e+04|0.0001")),
        ("%i", F(3.7), Ok("3")),
        ("%#x %#o %X", T(vec![I(255), I(8), I(255)]), Ok("0xff 0o10 FF")),
        ("%*d|%-*s|", T(vec![I(5), I(42), I(4), S("ab")]), Ok("   42|ab  |")),
        ("%.2s", S("abcdef"), Ok("ab")),
        ("%y", I(1), Err("ValueError: unsupported format character 'y' (0x79) at index 1")),
        ("%s", L(vec![I(1), S("a")]), Ok("[1, 'a']")),
        ("%r", S("it's"), Ok("\"it's\"")),
        ("%.3d", I(7), Ok("007")),
        ("% d", I(5), Ok(" 5")),
        ("%s %%", T(vec![]), Err("TypeError: not enough arguments for format string")),
    ];
    no_leaks(|heap, rt| {
        for (fmt, values, expected) in cases {
            let (f, v) = (heap.new_str(fmt)?, build(heap, &values));
            let got = ops::binary(heap, rt, BinOp::Mod, f, v).and_then(|r| {
                let s = heap.as_str(r)?.to_string();
                heap.decref(r)?;
                Ok(s)
            });
            let got = outcome(got);
            drop(heap, &[f, v]);
            let expected = expected.map(str::to_string).map_err(str::to_string);
            assert_eq!(got, expected, "{fmt:?} % ...");
        }
        Ok(())
    });
}

/// Instances that record their `n` attribute when freed, in a list of `n`s.
fn dying_order(heap: &mut PyHeap) -> (ObjRef, Rc<std::cell::RefCell<Vec<i64>>>) {
    let log = Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = Rc::clone(&log);
    let class = heap
        .new_class_with_del("Noisy", move |heap, obj| {
            let n = heap.get_attr(obj, "n")?;
            seen.borrow_mut().push(heap.as_int(n)?);
            Ok(())
        })
        .unwrap();
    (class, log)
}

fn noisy_list(heap: &mut PyHeap, class: ObjRef, n: i64) -> ObjRef {
    let items: Vec<ObjRef> = (0..n)
        .map(|i| {
            let inst = heap.new_instance(class).unwrap();
            let v = heap.new_int(i).unwrap();
            heap.set_attr(inst, "n", v).unwrap();
            heap.decref(v).unwrap();
            inst
        })
        .collect();
    let l = heap.new_list(&items).unwrap();
    drop(heap, &items);
    l
}

#[test]
fn removed_items_die_last_to_first() {
    no_leaks(|heap, rt| {
        let (class, log) = dying_order(heap);
        let l = noisy_list(heap, class, 6);
        // del l[1:4]: CPython's list_ass_slice drops 3, 2, 1.
        ops::delitem_slice(heap, rt, l, Some(1), Some(4), None)?;
        assert_eq!(*log.borrow(), vec![3, 2, 1]);
        // l[:] = [] drops the rest last to first too; so does l.clear().
        let l2 = noisy_list(heap, class, 3);
        let empty = heap.new_list(&[])?;
        ops::setitem_slice(heap, rt, l2, None, None, None, empty)?;
        assert_eq!(*log.borrow(), vec![3, 2, 1, 2, 1, 0]);
        log.borrow_mut().clear();
        methods::call_method(heap, rt, l, "clear", &[], &[])?.map(|r| heap.decref(r));
        assert_eq!(*log.borrow(), vec![5, 4, 0]);
        // pop(0) hands the item over: it dies when the caller drops it.
        log.borrow_mut().clear();
        let l3 = noisy_list(heap, class, 3);
        let zero = int(heap, 0);
        let first = methods::call_method(heap, rt, l3, "pop", &[zero], &[])?.unwrap();
        assert!(log.borrow().is_empty());
        heap.decref(first)?;
        assert_eq!(*log.borrow(), vec![0]);
        // Sorting and reversing keep every item alive.
        methods::call_method(heap, rt, l3, "reverse", &[], &[])?.map(|r| heap.decref(r));
        assert_eq!(*log.borrow(), vec![0]);
        drop(heap, &[l, l2, l3, empty, zero]);
        // A list's own deallocation: last to first.
        assert_eq!(*log.borrow(), vec![0, 1, 2]);
        heap.decref(class)?;
        Ok(())
    });
}

#[test]
fn numeric_operators_match_python() {
    use V::*;
    // Generated by running python3 3.11.7: repr(a op b) or its exception, for every pair.
    #[rustfmt::skip]
    let cases: Vec<(V, BinOp, V, std::result::Result<&str, &str>)> = vec![
        (I(-7), BinOp::Add, I(-7), Ok("-14")),
        (I(-7), BinOp::Sub, I(-7), Ok("0")),
        (I(-7), BinOp::Mult, I(-7), Ok("49")),
        (I(-7), BinOp::Div, I(-7), Ok("1.0")),
        (I(-7), BinOp::FloorDiv, I(-7), Ok("1")),
        (I(-7), BinOp::Mod, I(-7), Ok("0")),
        (I(-7), BinOp::Pow, I(-7), Ok("-1.2142656789020123e-06")),
        (I(-7), BinOp::LShift, I(-7), Err("ValueError: negative shift count")),
        (I(-7), BinOp::RShift, I(-7), Err("ValueError: negative shift count")),
        (I(-7), BinOp::BitAnd, I(-7), Ok("-7")),
        (I(-7), BinOp::BitOr, I(-7), Ok("-7")),
        (I(-7), BinOp::BitXor, I(-7), Ok("0")),
        (I(-7), BinOp::Add, I(-2), Ok("-9")),
        (I(-7), BinOp::Sub, I(-2), Ok("-5")),
        (I(-7), BinOp::Mult, I(-2), Ok("14")),
        (I(-7), BinOp::Div, I(-2), Ok("3.5")),
        (I(-7), BinOp::FloorDiv, I(-2), Ok("3")),
        (I(-7), BinOp::Mod, I(-2), Ok("-1")),
        (I(-7), BinOp::Pow, I(-2), Ok("0.02040816326530612")),
        (I(-7), BinOp::LShift, I(-2), Err("ValueError: negative shift count")),
        (I(-7), BinOp::RShift, I(-2), Err("ValueError: negative shift count")),
        (I(-7), BinOp::BitAnd, I(-2), Ok("-8")),
        (I(-7), BinOp::BitOr, I(-2), Ok("-1")),
        (I(-7), BinOp::BitXor, I(-2), Ok("7")),
        (I(-7), BinOp::Add, I(0), Ok("-7")),
        (I(-7), BinOp::Sub, I(0), Ok("-7")),
        (I(-7), BinOp::Mult, I(0), Ok("0")),
        (I(-7), BinOp::Div, I(0), Err("ZeroDivisionError: division by zero")),
        (I(-7), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: integer division or modulo by zero")),
        (I(-7), BinOp::Mod, I(0), Err("ZeroDivisionError: integer modulo by zero")),
        (I(-7), BinOp::Pow, I(0), Ok("1")),
        (I(-7), BinOp::LShift, I(0), Ok("-7")),
        (I(-7), BinOp::RShift, I(0), Ok("-7")),
        (I(-7), BinOp::BitAnd, I(0), Ok("0")),
        (I(-7), BinOp::BitOr, I(0), Ok("-7")),
        (I(-7), BinOp::BitXor, I(0), Ok("-7")),
        (I(-7), BinOp::Add, I(3), Ok("-4")),
        (I(-7), BinOp::Sub, I(3), Ok("-10")),
        (I(-7), BinOp::Mult, I(3), Ok("-21")),
        (I(-7), BinOp::Div, I(3), Ok("-2.3333333333333335")),
        (I(-7), BinOp::FloorDiv, I(3), Ok("-3")),
        (I(-7), BinOp::Mod, I(3), Ok("2")),
        (I(-7), BinOp::Pow, I(3), Ok("-343")),
        (I(-7), BinOp::LShift, I(3), Ok("-56")),
        (I(-7), BinOp::RShift, I(3), Ok("-1")),
        (I(-7), BinOp::BitAnd, I(3), Ok("1")),
        (I(-7), BinOp::BitOr, I(3), Ok("-5")),
        (I(-7), BinOp::BitXor, I(3), Ok("-6")),
        (I(-7), BinOp::Add, F(2.5), Ok("-4.5")),
        (I(-7), BinOp::Sub, F(2.5), Ok("-9.5")),
        (I(-7), BinOp::Mult, F(2.5), Ok("-17.5")),
        (I(-7), BinOp::Div, F(2.5), Ok("-2.8")),
        (I(-7), BinOp::FloorDiv, F(2.5), Ok("-3.0")),
        (I(-7), BinOp::Mod, F(2.5), Ok("0.5")),
        (I(-7), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(-7), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(-7), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(-7), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(-7), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(-7), BinOp::Add, F(-0.5), Ok("-7.5")),
        (I(-7), BinOp::Sub, F(-0.5), Ok("-6.5")),
        (I(-7), BinOp::Mult, F(-0.5), Ok("3.5")),
        (I(-7), BinOp::Div, F(-0.5), Ok("14.0")),
        (I(-7), BinOp::FloorDiv, F(-0.5), Ok("14.0")),
        (I(-7), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (I(-7), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(-7), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(-7), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(-7), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(-7), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(-7), BinOp::Add, F(0.0), Ok("-7.0")),
        (I(-7), BinOp::Sub, F(0.0), Ok("-7.0")),
        (I(-7), BinOp::Mult, F(0.0), Ok("-0.0")),
        (I(-7), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (I(-7), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (I(-7), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (I(-7), BinOp::Pow, F(0.0), Ok("1.0")),
        (I(-7), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(-7), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(-7), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(-7), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(-7), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(-7), BinOp::Add, B(true), Ok("-6")),
        (I(-7), BinOp::Sub, B(true), Ok("-8")),
        (I(-7), BinOp::Mult, B(true), Ok("-7")),
        (I(-7), BinOp::Div, B(true), Ok("-7.0")),
        (I(-7), BinOp::FloorDiv, B(true), Ok("-7")),
        (I(-7), BinOp::Mod, B(true), Ok("0")),
        (I(-7), BinOp::Pow, B(true), Ok("-7")),
        (I(-7), BinOp::LShift, B(true), Ok("-14")),
        (I(-7), BinOp::RShift, B(true), Ok("-4")),
        (I(-7), BinOp::BitAnd, B(true), Ok("1")),
        (I(-7), BinOp::BitOr, B(true), Ok("-7")),
        (I(-7), BinOp::BitXor, B(true), Ok("-8")),
        (I(-2), BinOp::Add, I(-7), Ok("-9")),
        (I(-2), BinOp::Sub, I(-7), Ok("5")),
        (I(-2), BinOp::Mult, I(-7), Ok("14")),
        (I(-2), BinOp::Div, I(-7), Ok("0.2857142857142857")),
        (I(-2), BinOp::FloorDiv, I(-7), Ok("0")),
        (I(-2), BinOp::Mod, I(-7), Ok("-2")),
        (I(-2), BinOp::Pow, I(-7), Ok("-0.0078125")),
        (I(-2), BinOp::LShift, I(-7), Err("ValueError: negative shift count")),
        (I(-2), BinOp::RShift, I(-7), Err("ValueError: negative shift count")),
        (I(-2), BinOp::BitAnd, I(-7), Ok("-8")),
        (I(-2), BinOp::BitOr, I(-7), Ok("-1")),
        (I(-2), BinOp::BitXor, I(-7), Ok("7")),
        (I(-2), BinOp::Add, I(-2), Ok("-4")),
        (I(-2), BinOp::Sub, I(-2), Ok("0")),
        (I(-2), BinOp::Mult, I(-2), Ok("4")),
        (I(-2), BinOp::Div, I(-2), Ok("1.0")),
        (I(-2), BinOp::FloorDiv, I(-2), Ok("1")),
        (I(-2), BinOp::Mod, I(-2), Ok("0")),
        (I(-2), BinOp::Pow, I(-2), Ok("0.25")),
        (I(-2), BinOp::LShift, I(-2), Err("ValueError: negative shift count")),
        (I(-2), BinOp::RShift, I(-2), Err("ValueError: negative shift count")),
        (I(-2), BinOp::BitAnd, I(-2), Ok("-2")),
        (I(-2), BinOp::BitOr, I(-2), Ok("-2")),
        (I(-2), BinOp::BitXor, I(-2), Ok("0")),
        (I(-2), BinOp::Add, I(0), Ok("-2")),
        (I(-2), BinOp::Sub, I(0), Ok("-2")),
        (I(-2), BinOp::Mult, I(0), Ok("0")),
        (I(-2), BinOp::Div, I(0), Err("ZeroDivisionError: division by zero")),
        (I(-2), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: integer division or modulo by zero")),
        (I(-2), BinOp::Mod, I(0), Err("ZeroDivisionError: integer modulo by zero")),
        (I(-2), BinOp::Pow, I(0), Ok("1")),
        (I(-2), BinOp::LShift, I(0), Ok("-2")),
        (I(-2), BinOp::RShift, I(0), Ok("-2")),
        (I(-2), BinOp::BitAnd, I(0), Ok("0")),
        (I(-2), BinOp::BitOr, I(0), Ok("-2")),
        (I(-2), BinOp::BitXor, I(0), Ok("-2")),
        (I(-2), BinOp::Add, I(3), Ok("1")),
        (I(-2), BinOp::Sub, I(3), Ok("-5")),
        (I(-2), BinOp::Mult, I(3), Ok("-6")),
        (I(-2), BinOp::Div, I(3), Ok("-0.6666666666666666")),
        (I(-2), BinOp::FloorDiv, I(3), Ok("-1")),
        (I(-2), BinOp::Mod, I(3), Ok("1")),
        (I(-2), BinOp::Pow, I(3), Ok("-8")),
        (I(-2), BinOp::LShift, I(3), Ok("-16")),
        (I(-2), BinOp::RShift, I(3), Ok("-1")),
        (I(-2), BinOp::BitAnd, I(3), Ok("2")),
        (I(-2), BinOp::BitOr, I(3), Ok("-1")),
        (I(-2), BinOp::BitXor, I(3), Ok("-3")),
        (I(-2), BinOp::Add, F(2.5), Ok("0.5")),
        (I(-2), BinOp::Sub, F(2.5), Ok("-4.5")),
        (I(-2), BinOp::Mult, F(2.5), Ok("-5.0")),
        (I(-2), BinOp::Div, F(2.5), Ok("-0.8")),
        (I(-2), BinOp::FloorDiv, F(2.5), Ok("-1.0")),
        (I(-2), BinOp::Mod, F(2.5), Ok("0.5")),
        (I(-2), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(-2), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(-2), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(-2), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(-2), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(-2), BinOp::Add, F(-0.5), Ok("-2.5")),
        (I(-2), BinOp::Sub, F(-0.5), Ok("-1.5")),
        (I(-2), BinOp::Mult, F(-0.5), Ok("1.0")),
        (I(-2), BinOp::Div, F(-0.5), Ok("4.0")),
        (I(-2), BinOp::FloorDiv, F(-0.5), Ok("4.0")),
        (I(-2), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (I(-2), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(-2), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(-2), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(-2), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(-2), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(-2), BinOp::Add, F(0.0), Ok("-2.0")),
        (I(-2), BinOp::Sub, F(0.0), Ok("-2.0")),
        (I(-2), BinOp::Mult, F(0.0), Ok("-0.0")),
        (I(-2), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (I(-2), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (I(-2), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (I(-2), BinOp::Pow, F(0.0), Ok("1.0")),
        (I(-2), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(-2), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(-2), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(-2), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(-2), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(-2), BinOp::Add, B(true), Ok("-1")),
        (I(-2), BinOp::Sub, B(true), Ok("-3")),
        (I(-2), BinOp::Mult, B(true), Ok("-2")),
        (I(-2), BinOp::Div, B(true), Ok("-2.0")),
        (I(-2), BinOp::FloorDiv, B(true), Ok("-2")),
        (I(-2), BinOp::Mod, B(true), Ok("0")),
        (I(-2), BinOp::Pow, B(true), Ok("-2")),
        (I(-2), BinOp::LShift, B(true), Ok("-4")),
        (I(-2), BinOp::RShift, B(true), Ok("-1")),
        (I(-2), BinOp::BitAnd, B(true), Ok("0")),
        (I(-2), BinOp::BitOr, B(true), Ok("-1")),
        (I(-2), BinOp::BitXor, B(true), Ok("-1")),
        (I(0), BinOp::Add, I(-7), Ok("-7")),
        (I(0), BinOp::Sub, I(-7), Ok("7")),
        (I(0), BinOp::Mult, I(-7), Ok("0")),
        (I(0), BinOp::Div, I(-7), Ok("-0.0")),
        (I(0), BinOp::FloorDiv, I(-7), Ok("0")),
        (I(0), BinOp::Mod, I(-7), Ok("0")),
        (I(0), BinOp::Pow, I(-7), Err("ZeroDivisionError: 0.0 cannot be raised to a negative power")),
        (I(0), BinOp::LShift, I(-7), Err("ValueError: negative shift count")),
        (I(0), BinOp::RShift, I(-7), Err("ValueError: negative shift count")),
        (I(0), BinOp::BitAnd, I(-7), Ok("0")),
        (I(0), BinOp::BitOr, I(-7), Ok("-7")),
        (I(0), BinOp::BitXor, I(-7), Ok("-7")),
        (I(0), BinOp::Add, I(-2), Ok("-2")),
        (I(0), BinOp::Sub, I(-2), Ok("2")),
        (I(0), BinOp::Mult, I(-2), Ok("0")),
        (I(0), BinOp::Div, I(-2), Ok("-0.0")),
        (I(0), BinOp::FloorDiv, I(-2), Ok("0")),
        (I(0), BinOp::Mod, I(-2), Ok("0")),
        (I(0), BinOp::Pow, I(-2), Err("ZeroDivisionError: 0.0 cannot be raised to a negative power")),
        (I(0), BinOp::LShift, I(-2), Err("ValueError: negative shift count")),
        (I(0), BinOp::RShift, I(-2), Err("ValueError: negative shift count")),
        (I(0), BinOp::BitAnd, I(-2), Ok("0")),
        (I(0), BinOp::BitOr, I(-2), Ok("-2")),
        (I(0), BinOp::BitXor, I(-2), Ok("-2")),
        (I(0), BinOp::Add, I(0), Ok("0")),
        (I(0), BinOp::Sub, I(0), Ok("0")),
        (I(0), BinOp::Mult, I(0), Ok("0")),
        (I(0), BinOp::Div, I(0), Err("ZeroDivisionError: division by zero")),
        (I(0), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: integer division or modulo by zero")),
        (I(0), BinOp::Mod, I(0), Err("ZeroDivisionError: integer modulo by zero")),
        (I(0), BinOp::Pow, I(0), Ok("1")),
        (I(0), BinOp::LShift, I(0), Ok("0")),
        (I(0), BinOp::RShift, I(0), Ok("0")),
        (I(0), BinOp::BitAnd, I(0), Ok("0")),
        (I(0), BinOp::BitOr, I(0), Ok("0")),
        (I(0), BinOp::BitXor, I(0), Ok("0")),
        (I(0), BinOp::Add, I(3), Ok("3")),
        (I(0), BinOp::Sub, I(3), Ok("-3")),
        (I(0), BinOp::Mult, I(3), Ok("0")),
        (I(0), BinOp::Div, I(3), Ok("0.0")),
        (I(0), BinOp::FloorDiv, I(3), Ok("0")),
        (I(0), BinOp::Mod, I(3), Ok("0")),
        (I(0), BinOp::Pow, I(3), Ok("0")),
        (I(0), BinOp::LShift, I(3), Ok("0")),
        (I(0), BinOp::RShift, I(3), Ok("0")),
        (I(0), BinOp::BitAnd, I(3), Ok("0")),
        (I(0), BinOp::BitOr, I(3), Ok("3")),
        (I(0), BinOp::BitXor, I(3), Ok("3")),
        (I(0), BinOp::Add, F(2.5), Ok("2.5")),
        (I(0), BinOp::Sub, F(2.5), Ok("-2.5")),
        (I(0), BinOp::Mult, F(2.5), Ok("0.0")),
        (I(0), BinOp::Div, F(2.5), Ok("0.0")),
        (I(0), BinOp::FloorDiv, F(2.5), Ok("0.0")),
        (I(0), BinOp::Mod, F(2.5), Ok("0.0")),
        (I(0), BinOp::Pow, F(2.5), Ok("0.0")),
        (I(0), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(0), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(0), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(0), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(0), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(0), BinOp::Add, F(-0.5), Ok("-0.5")),
        (I(0), BinOp::Sub, F(-0.5), Ok("0.5")),
        (I(0), BinOp::Mult, F(-0.5), Ok("-0.0")),
        (I(0), BinOp::Div, F(-0.5), Ok("-0.0")),
        (I(0), BinOp::FloorDiv, F(-0.5), Ok("-0.0")),
        (I(0), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (I(0), BinOp::Pow, F(-0.5), Err("ZeroDivisionError: 0.0 cannot be raised to a negative power")),
        (I(0), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(0), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(0), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(0), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(0), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(0), BinOp::Add, F(0.0), Ok("0.0")),
        (I(0), BinOp::Sub, F(0.0), Ok("0.0")),
        (I(0), BinOp::Mult, F(0.0), Ok("0.0")),
        (I(0), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (I(0), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (I(0), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (I(0), BinOp::Pow, F(0.0), Ok("1.0")),
        (I(0), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(0), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(0), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(0), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(0), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(0), BinOp::Add, B(true), Ok("1")),
        (I(0), BinOp::Sub, B(true), Ok("-1")),
        (I(0), BinOp::Mult, B(true), Ok("0")),
        (I(0), BinOp::Div, B(true), Ok("0.0")),
        (I(0), BinOp::FloorDiv, B(true), Ok("0")),
        (I(0), BinOp::Mod, B(true), Ok("0")),
        (I(0), BinOp::Pow, B(true), Ok("0")),
        (I(0), BinOp::LShift, B(true), Ok("0")),
        (I(0), BinOp::RShift, B(true), Ok("0")),
        (I(0), BinOp::BitAnd, B(true), Ok("0")),
        (I(0), BinOp::BitOr, B(true), Ok("1")),
        (I(0), BinOp::BitXor, B(true), Ok("1")),
        (I(3), BinOp::Add, I(-7), Ok("-4")),
        (I(3), BinOp::Sub, I(-7), Ok("10")),
        (I(3), BinOp::Mult, I(-7), Ok("-21")),
        (I(3), BinOp::Div, I(-7), Ok("-0.42857142857142855")),
        (I(3), BinOp::FloorDiv, I(-7), Ok("-1")),
        (I(3), BinOp::Mod, I(-7), Ok("-4")),
        (I(3), BinOp::Pow, I(-7), Ok("0.0004572473708276177")),
        (I(3), BinOp::LShift, I(-7), Err("ValueError: negative shift count")),
        (I(3), BinOp::RShift, I(-7), Err("ValueError: negative shift count")),
        (I(3), BinOp::BitAnd, I(-7), Ok("1")),
        (I(3), BinOp::BitOr, I(-7), Ok("-5")),
        (I(3), BinOp::BitXor, I(-7), Ok("-6")),
        (I(3), BinOp::Add, I(-2), Ok("1")),
        (I(3), BinOp::Sub, I(-2), Ok("5")),
        (I(3), BinOp::Mult, I(-2), Ok("-6")),
        (I(3), BinOp::Div, I(-2), Ok("-1.5")),
        (I(3), BinOp::FloorDiv, I(-2), Ok("-2")),
        (I(3), BinOp::Mod, I(-2), Ok("-1")),
        (I(3), BinOp::Pow, I(-2), Ok("0.1111111111111111")),
        (I(3), BinOp::LShift, I(-2), Err("ValueError: negative shift count")),
        (I(3), BinOp::RShift, I(-2), Err("ValueError: negative shift count")),
        (I(3), BinOp::BitAnd, I(-2), Ok("2")),
        (I(3), BinOp::BitOr, I(-2), Ok("-1")),
        (I(3), BinOp::BitXor, I(-2), Ok("-3")),
        (I(3), BinOp::Add, I(0), Ok("3")),
        (I(3), BinOp::Sub, I(0), Ok("3")),
        (I(3), BinOp::Mult, I(0), Ok("0")),
        (I(3), BinOp::Div, I(0), Err("ZeroDivisionError: division by zero")),
        (I(3), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: integer division or modulo by zero")),
        (I(3), BinOp::Mod, I(0), Err("ZeroDivisionError: integer modulo by zero")),
        (I(3), BinOp::Pow, I(0), Ok("1")),
        (I(3), BinOp::LShift, I(0), Ok("3")),
        (I(3), BinOp::RShift, I(0), Ok("3")),
        (I(3), BinOp::BitAnd, I(0), Ok("0")),
        (I(3), BinOp::BitOr, I(0), Ok("3")),
        (I(3), BinOp::BitXor, I(0), Ok("3")),
        (I(3), BinOp::Add, I(3), Ok("6")),
        (I(3), BinOp::Sub, I(3), Ok("0")),
        (I(3), BinOp::Mult, I(3), Ok("9")),
        (I(3), BinOp::Div, I(3), Ok("1.0")),
        (I(3), BinOp::FloorDiv, I(3), Ok("1")),
        (I(3), BinOp::Mod, I(3), Ok("0")),
        (I(3), BinOp::Pow, I(3), Ok("27")),
        (I(3), BinOp::LShift, I(3), Ok("24")),
        (I(3), BinOp::RShift, I(3), Ok("0")),
        (I(3), BinOp::BitAnd, I(3), Ok("3")),
        (I(3), BinOp::BitOr, I(3), Ok("3")),
        (I(3), BinOp::BitXor, I(3), Ok("0")),
        (I(3), BinOp::Add, F(2.5), Ok("5.5")),
        (I(3), BinOp::Sub, F(2.5), Ok("0.5")),
        (I(3), BinOp::Mult, F(2.5), Ok("7.5")),
        (I(3), BinOp::Div, F(2.5), Ok("1.2")),
        (I(3), BinOp::FloorDiv, F(2.5), Ok("1.0")),
        (I(3), BinOp::Mod, F(2.5), Ok("0.5")),
        (I(3), BinOp::Pow, F(2.5), Ok("15.588457268119896")),
        (I(3), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(3), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(3), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(3), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(3), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(3), BinOp::Add, F(-0.5), Ok("2.5")),
        (I(3), BinOp::Sub, F(-0.5), Ok("3.5")),
        (I(3), BinOp::Mult, F(-0.5), Ok("-1.5")),
        (I(3), BinOp::Div, F(-0.5), Ok("-6.0")),
        (I(3), BinOp::FloorDiv, F(-0.5), Ok("-6.0")),
        (I(3), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (I(3), BinOp::Pow, F(-0.5), Ok("0.5773502691896257")),
        (I(3), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(3), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(3), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(3), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(3), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(3), BinOp::Add, F(0.0), Ok("3.0")),
        (I(3), BinOp::Sub, F(0.0), Ok("3.0")),
        (I(3), BinOp::Mult, F(0.0), Ok("0.0")),
        (I(3), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (I(3), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (I(3), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (I(3), BinOp::Pow, F(0.0), Ok("1.0")),
        (I(3), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'int' and 'float'")),
        (I(3), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'int' and 'float'")),
        (I(3), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'int' and 'float'")),
        (I(3), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'int' and 'float'")),
        (I(3), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'int' and 'float'")),
        (I(3), BinOp::Add, B(true), Ok("4")),
        (I(3), BinOp::Sub, B(true), Ok("2")),
        (I(3), BinOp::Mult, B(true), Ok("3")),
        (I(3), BinOp::Div, B(true), Ok("3.0")),
        (I(3), BinOp::FloorDiv, B(true), Ok("3")),
        (I(3), BinOp::Mod, B(true), Ok("0")),
        (I(3), BinOp::Pow, B(true), Ok("3")),
        (I(3), BinOp::LShift, B(true), Ok("6")),
        (I(3), BinOp::RShift, B(true), Ok("1")),
        (I(3), BinOp::BitAnd, B(true), Ok("1")),
        (I(3), BinOp::BitOr, B(true), Ok("3")),
        (I(3), BinOp::BitXor, B(true), Ok("2")),
        (F(2.5), BinOp::Add, I(-7), Ok("-4.5")),
        (F(2.5), BinOp::Sub, I(-7), Ok("9.5")),
        (F(2.5), BinOp::Mult, I(-7), Ok("-17.5")),
        (F(2.5), BinOp::Div, I(-7), Ok("-0.35714285714285715")),
        (F(2.5), BinOp::FloorDiv, I(-7), Ok("-1.0")),
        (F(2.5), BinOp::Mod, I(-7), Ok("-4.5")),
        (F(2.5), BinOp::Pow, I(-7), Ok("0.0016384")),
        (F(2.5), BinOp::LShift, I(-7), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(2.5), BinOp::RShift, I(-7), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(2.5), BinOp::BitAnd, I(-7), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(2.5), BinOp::BitOr, I(-7), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(2.5), BinOp::BitXor, I(-7), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(2.5), BinOp::Add, I(-2), Ok("0.5")),
        (F(2.5), BinOp::Sub, I(-2), Ok("4.5")),
        (F(2.5), BinOp::Mult, I(-2), Ok("-5.0")),
        (F(2.5), BinOp::Div, I(-2), Ok("-1.25")),
        (F(2.5), BinOp::FloorDiv, I(-2), Ok("-2.0")),
        (F(2.5), BinOp::Mod, I(-2), Ok("-1.5")),
        (F(2.5), BinOp::Pow, I(-2), Ok("0.16")),
        (F(2.5), BinOp::LShift, I(-2), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(2.5), BinOp::RShift, I(-2), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(2.5), BinOp::BitAnd, I(-2), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(2.5), BinOp::BitOr, I(-2), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(2.5), BinOp::BitXor, I(-2), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(2.5), BinOp::Add, I(0), Ok("2.5")),
        (F(2.5), BinOp::Sub, I(0), Ok("2.5")),
        (F(2.5), BinOp::Mult, I(0), Ok("0.0")),
        (F(2.5), BinOp::Div, I(0), Err("ZeroDivisionError: float division by zero")),
        (F(2.5), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: float floor division by zero")),
        (F(2.5), BinOp::Mod, I(0), Err("ZeroDivisionError: float modulo")),
        (F(2.5), BinOp::Pow, I(0), Ok("1.0")),
        (F(2.5), BinOp::LShift, I(0), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(2.5), BinOp::RShift, I(0), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(2.5), BinOp::BitAnd, I(0), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(2.5), BinOp::BitOr, I(0), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(2.5), BinOp::BitXor, I(0), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(2.5), BinOp::Add, I(3), Ok("5.5")),
        (F(2.5), BinOp::Sub, I(3), Ok("-0.5")),
        (F(2.5), BinOp::Mult, I(3), Ok("7.5")),
        (F(2.5), BinOp::Div, I(3), Ok("0.8333333333333334")),
        (F(2.5), BinOp::FloorDiv, I(3), Ok("0.0")),
        (F(2.5), BinOp::Mod, I(3), Ok("2.5")),
        (F(2.5), BinOp::Pow, I(3), Ok("15.625")),
        (F(2.5), BinOp::LShift, I(3), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(2.5), BinOp::RShift, I(3), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(2.5), BinOp::BitAnd, I(3), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(2.5), BinOp::BitOr, I(3), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(2.5), BinOp::BitXor, I(3), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(2.5), BinOp::Add, F(2.5), Ok("5.0")),
        (F(2.5), BinOp::Sub, F(2.5), Ok("0.0")),
        (F(2.5), BinOp::Mult, F(2.5), Ok("6.25")),
        (F(2.5), BinOp::Div, F(2.5), Ok("1.0")),
        (F(2.5), BinOp::FloorDiv, F(2.5), Ok("1.0")),
        (F(2.5), BinOp::Mod, F(2.5), Ok("0.0")),
        (F(2.5), BinOp::Pow, F(2.5), Ok("9.882117688026186")),
        (F(2.5), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(2.5), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(2.5), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(2.5), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(2.5), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(2.5), BinOp::Add, F(-0.5), Ok("2.0")),
        (F(2.5), BinOp::Sub, F(-0.5), Ok("3.0")),
        (F(2.5), BinOp::Mult, F(-0.5), Ok("-1.25")),
        (F(2.5), BinOp::Div, F(-0.5), Ok("-5.0")),
        (F(2.5), BinOp::FloorDiv, F(-0.5), Ok("-5.0")),
        (F(2.5), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (F(2.5), BinOp::Pow, F(-0.5), Ok("0.6324555320336759")),
        (F(2.5), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(2.5), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(2.5), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(2.5), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(2.5), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(2.5), BinOp::Add, F(0.0), Ok("2.5")),
        (F(2.5), BinOp::Sub, F(0.0), Ok("2.5")),
        (F(2.5), BinOp::Mult, F(0.0), Ok("0.0")),
        (F(2.5), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (F(2.5), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (F(2.5), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (F(2.5), BinOp::Pow, F(0.0), Ok("1.0")),
        (F(2.5), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(2.5), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(2.5), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(2.5), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(2.5), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(2.5), BinOp::Add, B(true), Ok("3.5")),
        (F(2.5), BinOp::Sub, B(true), Ok("1.5")),
        (F(2.5), BinOp::Mult, B(true), Ok("2.5")),
        (F(2.5), BinOp::Div, B(true), Ok("2.5")),
        (F(2.5), BinOp::FloorDiv, B(true), Ok("2.0")),
        (F(2.5), BinOp::Mod, B(true), Ok("0.5")),
        (F(2.5), BinOp::Pow, B(true), Ok("2.5")),
        (F(2.5), BinOp::LShift, B(true), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'bool'")),
        (F(2.5), BinOp::RShift, B(true), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'bool'")),
        (F(2.5), BinOp::BitAnd, B(true), Err("TypeError: unsupported operand type(s) for &: 'float' and 'bool'")),
        (F(2.5), BinOp::BitOr, B(true), Err("TypeError: unsupported operand type(s) for |: 'float' and 'bool'")),
        (F(2.5), BinOp::BitXor, B(true), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'bool'")),
        (F(-0.5), BinOp::Add, I(-7), Ok("-7.5")),
        (F(-0.5), BinOp::Sub, I(-7), Ok("6.5")),
        (F(-0.5), BinOp::Mult, I(-7), Ok("3.5")),
        (F(-0.5), BinOp::Div, I(-7), Ok("0.07142857142857142")),
        (F(-0.5), BinOp::FloorDiv, I(-7), Ok("0.0")),
        (F(-0.5), BinOp::Mod, I(-7), Ok("-0.5")),
        (F(-0.5), BinOp::Pow, I(-7), Ok("-128.0")),
        (F(-0.5), BinOp::LShift, I(-7), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(-0.5), BinOp::RShift, I(-7), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(-0.5), BinOp::BitAnd, I(-7), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(-0.5), BinOp::BitOr, I(-7), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(-0.5), BinOp::BitXor, I(-7), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(-0.5), BinOp::Add, I(-2), Ok("-2.5")),
        (F(-0.5), BinOp::Sub, I(-2), Ok("1.5")),
        (F(-0.5), BinOp::Mult, I(-2), Ok("1.0")),
        (F(-0.5), BinOp::Div, I(-2), Ok("0.25")),
        (F(-0.5), BinOp::FloorDiv, I(-2), Ok("0.0")),
        (F(-0.5), BinOp::Mod, I(-2), Ok("-0.5")),
        (F(-0.5), BinOp::Pow, I(-2), Ok("4.0")),
        (F(-0.5), BinOp::LShift, I(-2), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(-0.5), BinOp::RShift, I(-2), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(-0.5), BinOp::BitAnd, I(-2), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(-0.5), BinOp::BitOr, I(-2), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(-0.5), BinOp::BitXor, I(-2), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(-0.5), BinOp::Add, I(0), Ok("-0.5")),
        (F(-0.5), BinOp::Sub, I(0), Ok("-0.5")),
        (F(-0.5), BinOp::Mult, I(0), Ok("-0.0")),
        (F(-0.5), BinOp::Div, I(0), Err("ZeroDivisionError: float division by zero")),
        (F(-0.5), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: float floor division by zero")),
        (F(-0.5), BinOp::Mod, I(0), Err("ZeroDivisionError: float modulo")),
        (F(-0.5), BinOp::Pow, I(0), Ok("1.0")),
        (F(-0.5), BinOp::LShift, I(0), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(-0.5), BinOp::RShift, I(0), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(-0.5), BinOp::BitAnd, I(0), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(-0.5), BinOp::BitOr, I(0), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(-0.5), BinOp::BitXor, I(0), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(-0.5), BinOp::Add, I(3), Ok("2.5")),
        (F(-0.5), BinOp::Sub, I(3), Ok("-3.5")),
        (F(-0.5), BinOp::Mult, I(3), Ok("-1.5")),
        (F(-0.5), BinOp::Div, I(3), Ok("-0.16666666666666666")),
        (F(-0.5), BinOp::FloorDiv, I(3), Ok("-1.0")),
        (F(-0.5), BinOp::Mod, I(3), Ok("2.5")),
        (F(-0.5), BinOp::Pow, I(3), Ok("-0.125")),
        (F(-0.5), BinOp::LShift, I(3), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(-0.5), BinOp::RShift, I(3), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(-0.5), BinOp::BitAnd, I(3), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(-0.5), BinOp::BitOr, I(3), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(-0.5), BinOp::BitXor, I(3), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(-0.5), BinOp::Add, F(2.5), Ok("2.0")),
        (F(-0.5), BinOp::Sub, F(2.5), Ok("-3.0")),
        (F(-0.5), BinOp::Mult, F(2.5), Ok("-1.25")),
        (F(-0.5), BinOp::Div, F(2.5), Ok("-0.2")),
        (F(-0.5), BinOp::FloorDiv, F(2.5), Ok("-1.0")),
        (F(-0.5), BinOp::Mod, F(2.5), Ok("2.0")),
        (F(-0.5), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(-0.5), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(-0.5), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(-0.5), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(-0.5), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(-0.5), BinOp::Add, F(-0.5), Ok("-1.0")),
        (F(-0.5), BinOp::Sub, F(-0.5), Ok("0.0")),
        (F(-0.5), BinOp::Mult, F(-0.5), Ok("0.25")),
        (F(-0.5), BinOp::Div, F(-0.5), Ok("1.0")),
        (F(-0.5), BinOp::FloorDiv, F(-0.5), Ok("1.0")),
        (F(-0.5), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (F(-0.5), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(-0.5), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(-0.5), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(-0.5), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(-0.5), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(-0.5), BinOp::Add, F(0.0), Ok("-0.5")),
        (F(-0.5), BinOp::Sub, F(0.0), Ok("-0.5")),
        (F(-0.5), BinOp::Mult, F(0.0), Ok("-0.0")),
        (F(-0.5), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (F(-0.5), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (F(-0.5), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (F(-0.5), BinOp::Pow, F(0.0), Ok("1.0")),
        (F(-0.5), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(-0.5), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(-0.5), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(-0.5), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(-0.5), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(-0.5), BinOp::Add, B(true), Ok("0.5")),
        (F(-0.5), BinOp::Sub, B(true), Ok("-1.5")),
        (F(-0.5), BinOp::Mult, B(true), Ok("-0.5")),
        (F(-0.5), BinOp::Div, B(true), Ok("-0.5")),
        (F(-0.5), BinOp::FloorDiv, B(true), Ok("-1.0")),
        (F(-0.5), BinOp::Mod, B(true), Ok("0.5")),
        (F(-0.5), BinOp::Pow, B(true), Ok("-0.5")),
        (F(-0.5), BinOp::LShift, B(true), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'bool'")),
        (F(-0.5), BinOp::RShift, B(true), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'bool'")),
        (F(-0.5), BinOp::BitAnd, B(true), Err("TypeError: unsupported operand type(s) for &: 'float' and 'bool'")),
        (F(-0.5), BinOp::BitOr, B(true), Err("TypeError: unsupported operand type(s) for |: 'float' and 'bool'")),
        (F(-0.5), BinOp::BitXor, B(true), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'bool'")),
        (F(0.0), BinOp::Add, I(-7), Ok("-7.0")),
        (F(0.0), BinOp::Sub, I(-7), Ok("7.0")),
        (F(0.0), BinOp::Mult, I(-7), Ok("-0.0")),
        (F(0.0), BinOp::Div, I(-7), Ok("-0.0")),
        (F(0.0), BinOp::FloorDiv, I(-7), Ok("-0.0")),
        (F(0.0), BinOp::Mod, I(-7), Ok("-0.0")),
        (F(0.0), BinOp::Pow, I(-7), Err("ZeroDivisionError: 0.0 cannot be raised to a negative power")),
        (F(0.0), BinOp::LShift, I(-7), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(0.0), BinOp::RShift, I(-7), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(0.0), BinOp::BitAnd, I(-7), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(0.0), BinOp::BitOr, I(-7), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(0.0), BinOp::BitXor, I(-7), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(0.0), BinOp::Add, I(-2), Ok("-2.0")),
        (F(0.0), BinOp::Sub, I(-2), Ok("2.0")),
        (F(0.0), BinOp::Mult, I(-2), Ok("-0.0")),
        (F(0.0), BinOp::Div, I(-2), Ok("-0.0")),
        (F(0.0), BinOp::FloorDiv, I(-2), Ok("-0.0")),
        (F(0.0), BinOp::Mod, I(-2), Ok("-0.0")),
        (F(0.0), BinOp::Pow, I(-2), Err("ZeroDivisionError: 0.0 cannot be raised to a negative power")),
        (F(0.0), BinOp::LShift, I(-2), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(0.0), BinOp::RShift, I(-2), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(0.0), BinOp::BitAnd, I(-2), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(0.0), BinOp::BitOr, I(-2), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(0.0), BinOp::BitXor, I(-2), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(0.0), BinOp::Add, I(0), Ok("0.0")),
        (F(0.0), BinOp::Sub, I(0), Ok("0.0")),
        (F(0.0), BinOp::Mult, I(0), Ok("0.0")),
        (F(0.0), BinOp::Div, I(0), Err("ZeroDivisionError: float division by zero")),
        (F(0.0), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: float floor division by zero")),
        (F(0.0), BinOp::Mod, I(0), Err("ZeroDivisionError: float modulo")),
        (F(0.0), BinOp::Pow, I(0), Ok("1.0")),
        (F(0.0), BinOp::LShift, I(0), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(0.0), BinOp::RShift, I(0), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(0.0), BinOp::BitAnd, I(0), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(0.0), BinOp::BitOr, I(0), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(0.0), BinOp::BitXor, I(0), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(0.0), BinOp::Add, I(3), Ok("3.0")),
        (F(0.0), BinOp::Sub, I(3), Ok("-3.0")),
        (F(0.0), BinOp::Mult, I(3), Ok("0.0")),
        (F(0.0), BinOp::Div, I(3), Ok("0.0")),
        (F(0.0), BinOp::FloorDiv, I(3), Ok("0.0")),
        (F(0.0), BinOp::Mod, I(3), Ok("0.0")),
        (F(0.0), BinOp::Pow, I(3), Ok("0.0")),
        (F(0.0), BinOp::LShift, I(3), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'int'")),
        (F(0.0), BinOp::RShift, I(3), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'int'")),
        (F(0.0), BinOp::BitAnd, I(3), Err("TypeError: unsupported operand type(s) for &: 'float' and 'int'")),
        (F(0.0), BinOp::BitOr, I(3), Err("TypeError: unsupported operand type(s) for |: 'float' and 'int'")),
        (F(0.0), BinOp::BitXor, I(3), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'int'")),
        (F(0.0), BinOp::Add, F(2.5), Ok("2.5")),
        (F(0.0), BinOp::Sub, F(2.5), Ok("-2.5")),
        (F(0.0), BinOp::Mult, F(2.5), Ok("0.0")),
        (F(0.0), BinOp::Div, F(2.5), Ok("0.0")),
        (F(0.0), BinOp::FloorDiv, F(2.5), Ok("0.0")),
        (F(0.0), BinOp::Mod, F(2.5), Ok("0.0")),
        (F(0.0), BinOp::Pow, F(2.5), Ok("0.0")),
        (F(0.0), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(0.0), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(0.0), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(0.0), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(0.0), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(0.0), BinOp::Add, F(-0.5), Ok("-0.5")),
        (F(0.0), BinOp::Sub, F(-0.5), Ok("0.5")),
        (F(0.0), BinOp::Mult, F(-0.5), Ok("-0.0")),
        (F(0.0), BinOp::Div, F(-0.5), Ok("-0.0")),
        (F(0.0), BinOp::FloorDiv, F(-0.5), Ok("-0.0")),
        (F(0.0), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (F(0.0), BinOp::Pow, F(-0.5), Err("ZeroDivisionError: 0.0 cannot be raised to a negative power")),
        (F(0.0), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(0.0), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(0.0), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(0.0), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(0.0), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(0.0), BinOp::Add, F(0.0), Ok("0.0")),
        (F(0.0), BinOp::Sub, F(0.0), Ok("0.0")),
        (F(0.0), BinOp::Mult, F(0.0), Ok("0.0")),
        (F(0.0), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (F(0.0), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (F(0.0), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (F(0.0), BinOp::Pow, F(0.0), Ok("1.0")),
        (F(0.0), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'float'")),
        (F(0.0), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'float'")),
        (F(0.0), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'float' and 'float'")),
        (F(0.0), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'float' and 'float'")),
        (F(0.0), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'float'")),
        (F(0.0), BinOp::Add, B(true), Ok("1.0")),
        (F(0.0), BinOp::Sub, B(true), Ok("-1.0")),
        (F(0.0), BinOp::Mult, B(true), Ok("0.0")),
        (F(0.0), BinOp::Div, B(true), Ok("0.0")),
        (F(0.0), BinOp::FloorDiv, B(true), Ok("0.0")),
        (F(0.0), BinOp::Mod, B(true), Ok("0.0")),
        (F(0.0), BinOp::Pow, B(true), Ok("0.0")),
        (F(0.0), BinOp::LShift, B(true), Err("TypeError: unsupported operand type(s) for <<: 'float' and 'bool'")),
        (F(0.0), BinOp::RShift, B(true), Err("TypeError: unsupported operand type(s) for >>: 'float' and 'bool'")),
        (F(0.0), BinOp::BitAnd, B(true), Err("TypeError: unsupported operand type(s) for &: 'float' and 'bool'")),
        (F(0.0), BinOp::BitOr, B(true), Err("TypeError: unsupported operand type(s) for |: 'float' and 'bool'")),
        (F(0.0), BinOp::BitXor, B(true), Err("TypeError: unsupported operand type(s) for ^: 'float' and 'bool'")),
        (B(true), BinOp::Add, I(-7), Ok("-6")),
        (B(true), BinOp::Sub, I(-7), Ok("8")),
        (B(true), BinOp::Mult, I(-7), Ok("-7")),
        (B(true), BinOp::Div, I(-7), Ok("-0.14285714285714285")),
        (B(true), BinOp::FloorDiv, I(-7), Ok("-1")),
        (B(true), BinOp::Mod, I(-7), Ok("-6")),
        (B(true), BinOp::Pow, I(-7), Ok("1.0")),
        (B(true), BinOp::LShift, I(-7), Err("ValueError: negative shift count")),
        (B(true), BinOp::RShift, I(-7), Err("ValueError: negative shift count")),
        (B(true), BinOp::BitAnd, I(-7), Ok("1")),
        (B(true), BinOp::BitOr, I(-7), Ok("-7")),
        (B(true), BinOp::BitXor, I(-7), Ok("-8")),
        (B(true), BinOp::Add, I(-2), Ok("-1")),
        (B(true), BinOp::Sub, I(-2), Ok("3")),
        (B(true), BinOp::Mult, I(-2), Ok("-2")),
        (B(true), BinOp::Div, I(-2), Ok("-0.5")),
        (B(true), BinOp::FloorDiv, I(-2), Ok("-1")),
        (B(true), BinOp::Mod, I(-2), Ok("-1")),
        (B(true), BinOp::Pow, I(-2), Ok("1.0")),
        (B(true), BinOp::LShift, I(-2), Err("ValueError: negative shift count")),
        (B(true), BinOp::RShift, I(-2), Err("ValueError: negative shift count")),
        (B(true), BinOp::BitAnd, I(-2), Ok("0")),
        (B(true), BinOp::BitOr, I(-2), Ok("-1")),
        (B(true), BinOp::BitXor, I(-2), Ok("-1")),
        (B(true), BinOp::Add, I(0), Ok("1")),
        (B(true), BinOp::Sub, I(0), Ok("1")),
        (B(true), BinOp::Mult, I(0), Ok("0")),
        (B(true), BinOp::Div, I(0), Err("ZeroDivisionError: division by zero")),
        (B(true), BinOp::FloorDiv, I(0), Err("ZeroDivisionError: integer division or modulo by zero")),
        (B(true), BinOp::Mod, I(0), Err("ZeroDivisionError: integer modulo by zero")),
        (B(true), BinOp::Pow, I(0), Ok("1")),
        (B(true), BinOp::LShift, I(0), Ok("1")),
        (B(true), BinOp::RShift, I(0), Ok("1")),
        (B(true), BinOp::BitAnd, I(0), Ok("0")),
        (B(true), BinOp::BitOr, I(0), Ok("1")),
        (B(true), BinOp::BitXor, I(0), Ok("1")),
        (B(true), BinOp::Add, I(3), Ok("4")),
        (B(true), BinOp::Sub, I(3), Ok("-2")),
        (B(true), BinOp::Mult, I(3), Ok("3")),
        (B(true), BinOp::Div, I(3), Ok("0.3333333333333333")),
        (B(true), BinOp::FloorDiv, I(3), Ok("0")),
        (B(true), BinOp::Mod, I(3), Ok("1")),
        (B(true), BinOp::Pow, I(3), Ok("1")),
        (B(true), BinOp::LShift, I(3), Ok("8")),
        (B(true), BinOp::RShift, I(3), Ok("0")),
        (B(true), BinOp::BitAnd, I(3), Ok("1")),
        (B(true), BinOp::BitOr, I(3), Ok("3")),
        (B(true), BinOp::BitXor, I(3), Ok("2")),
        (B(true), BinOp::Add, F(2.5), Ok("3.5")),
        (B(true), BinOp::Sub, F(2.5), Ok("-1.5")),
        (B(true), BinOp::Mult, F(2.5), Ok("2.5")),
        (B(true), BinOp::Div, F(2.5), Ok("0.4")),
        (B(true), BinOp::FloorDiv, F(2.5), Ok("0.0")),
        (B(true), BinOp::Mod, F(2.5), Ok("1.0")),
        (B(true), BinOp::Pow, F(2.5), Ok("1.0")),
        (B(true), BinOp::LShift, F(2.5), Err("TypeError: unsupported operand type(s) for <<: 'bool' and 'float'")),
        (B(true), BinOp::RShift, F(2.5), Err("TypeError: unsupported operand type(s) for >>: 'bool' and 'float'")),
        (B(true), BinOp::BitAnd, F(2.5), Err("TypeError: unsupported operand type(s) for &: 'bool' and 'float'")),
        (B(true), BinOp::BitOr, F(2.5), Err("TypeError: unsupported operand type(s) for |: 'bool' and 'float'")),
        (B(true), BinOp::BitXor, F(2.5), Err("TypeError: unsupported operand type(s) for ^: 'bool' and 'float'")),
        (B(true), BinOp::Add, F(-0.5), Ok("0.5")),
        (B(true), BinOp::Sub, F(-0.5), Ok("1.5")),
        (B(true), BinOp::Mult, F(-0.5), Ok("-0.5")),
        (B(true), BinOp::Div, F(-0.5), Ok("-2.0")),
        (B(true), BinOp::FloorDiv, F(-0.5), Ok("-2.0")),
        (B(true), BinOp::Mod, F(-0.5), Ok("-0.0")),
        (B(true), BinOp::Pow, F(-0.5), Ok("1.0")),
        (B(true), BinOp::LShift, F(-0.5), Err("TypeError: unsupported operand type(s) for <<: 'bool' and 'float'")),
        (B(true), BinOp::RShift, F(-0.5), Err("TypeError: unsupported operand type(s) for >>: 'bool' and 'float'")),
        (B(true), BinOp::BitAnd, F(-0.5), Err("TypeError: unsupported operand type(s) for &: 'bool' and 'float'")),
        (B(true), BinOp::BitOr, F(-0.5), Err("TypeError: unsupported operand type(s) for |: 'bool' and 'float'")),
        (B(true), BinOp::BitXor, F(-0.5), Err("TypeError: unsupported operand type(s) for ^: 'bool' and 'float'")),
        (B(true), BinOp::Add, F(0.0), Ok("1.0")),
        (B(true), BinOp::Sub, F(0.0), Ok("1.0")),
        (B(true), BinOp::Mult, F(0.0), Ok("0.0")),
        (B(true), BinOp::Div, F(0.0), Err("ZeroDivisionError: float division by zero")),
        (B(true), BinOp::FloorDiv, F(0.0), Err("ZeroDivisionError: float floor division by zero")),
        (B(true), BinOp::Mod, F(0.0), Err("ZeroDivisionError: float modulo")),
        (B(true), BinOp::Pow, F(0.0), Ok("1.0")),
        (B(true), BinOp::LShift, F(0.0), Err("TypeError: unsupported operand type(s) for <<: 'bool' and 'float'")),
        (B(true), BinOp::RShift, F(0.0), Err("TypeError: unsupported operand type(s) for >>: 'bool' and 'float'")),
        (B(true), BinOp::BitAnd, F(0.0), Err("TypeError: unsupported operand type(s) for &: 'bool' and 'float'")),
        (B(true), BinOp::BitOr, F(0.0), Err("TypeError: unsupported operand type(s) for |: 'bool' and 'float'")),
        (B(true), BinOp::BitXor, F(0.0), Err("TypeError: unsupported operand type(s) for ^: 'bool' and 'float'")),
        (B(true), BinOp::Add, B(true), Ok("2")),
        (B(true), BinOp::Sub, B(true), Ok("0")),
        (B(true), BinOp::Mult, B(true), Ok("1")),
        (B(true), BinOp::Div, B(true), Ok("1.0")),
        (B(true), BinOp::FloorDiv, B(true), Ok("1")),
        (B(true), BinOp::Mod, B(true), Ok("0")),
        (B(true), BinOp::Pow, B(true), Ok("1")),
        (B(true), BinOp::LShift, B(true), Ok("2")),
        (B(true), BinOp::RShift, B(true), Ok("0")),
        (B(true), BinOp::BitAnd, B(true), Ok("True")),
        (B(true), BinOp::BitOr, B(true), Ok("True")),
        (B(true), BinOp::BitXor, B(true), Ok("False")),
    ];
    no_leaks(|heap, rt| {
        for (a, op, b, expected) in cases {
            let (x, y) = (build(heap, &a), build(heap, &b));
            let got = outcome(bin(heap, rt, op, x, y));
            drop(heap, &[x, y]);
            let expected = expected.map(str::to_string).map_err(str::to_string);
            assert_eq!(got, expected, "{} {op:?} {}", repr_v(&a), repr_v(&b));
        }
        Ok(())
    });
}

fn repr_v(v: &V) -> String {
    match v {
        V::I(i) => i.to_string(),
        V::F(f) => f.to_string(),
        V::B(b) => b.to_string(),
        _ => "?".into(),
    }
}

#[test]
fn comparisons_match_python() {
    use V::*;
    // Generated by running python3 3.11.7: bool(a op b) or its exception, for every pair.
    #[rustfmt::skip]
    let cases: Vec<(V, CmpOp, V, std::result::Result<bool, &str>)> = vec![
        (I(1), CmpOp::Lt, I(1), Ok(false)),
        (I(1), CmpOp::LtE, I(1), Ok(true)),
        (I(1), CmpOp::Gt, I(1), Ok(false)),
        (I(1), CmpOp::GtE, I(1), Ok(true)),
        (I(1), CmpOp::Eq, I(1), Ok(true)),
        (I(1), CmpOp::NotEq, I(1), Ok(false)),
        (I(1), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (I(1), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (I(1), CmpOp::Lt, F(1.0), Ok(false)),
        (I(1), CmpOp::LtE, F(1.0), Ok(true)),
        (I(1), CmpOp::Gt, F(1.0), Ok(false)),
        (I(1), CmpOp::GtE, F(1.0), Ok(true)),
        (I(1), CmpOp::Eq, F(1.0), Ok(true)),
        (I(1), CmpOp::NotEq, F(1.0), Ok(false)),
        (I(1), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (I(1), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (I(1), CmpOp::Lt, F(2.5), Ok(true)),
        (I(1), CmpOp::LtE, F(2.5), Ok(true)),
        (I(1), CmpOp::Gt, F(2.5), Ok(false)),
        (I(1), CmpOp::GtE, F(2.5), Ok(false)),
        (I(1), CmpOp::Eq, F(2.5), Ok(false)),
        (I(1), CmpOp::NotEq, F(2.5), Ok(true)),
        (I(1), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (I(1), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (I(1), CmpOp::Lt, B(true), Ok(false)),
        (I(1), CmpOp::LtE, B(true), Ok(true)),
        (I(1), CmpOp::Gt, B(true), Ok(false)),
        (I(1), CmpOp::GtE, B(true), Ok(true)),
        (I(1), CmpOp::Eq, B(true), Ok(true)),
        (I(1), CmpOp::NotEq, B(true), Ok(false)),
        (I(1), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (I(1), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (I(1), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::Eq, S("a"), Ok(false)),
        (I(1), CmpOp::NotEq, S("a"), Ok(true)),
        (I(1), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not int")),
        (I(1), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not int")),
        (I(1), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::Eq, S("ab"), Ok(false)),
        (I(1), CmpOp::NotEq, S("ab"), Ok(true)),
        (I(1), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not int")),
        (I(1), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not int")),
        (I(1), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (I(1), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (I(1), CmpOp::In, L(vec![I(1), I(2)]), Ok(true)),
        (I(1), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(false)),
        (I(1), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (I(1), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (I(1), CmpOp::In, L(vec![I(1), S("a")]), Ok(true)),
        (I(1), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(false)),
        (I(1), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (I(1), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (I(1), CmpOp::In, T(vec![I(1), I(2)]), Ok(true)),
        (I(1), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(false)),
        (I(1), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'int' and 'tuple'")),
        (I(1), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (I(1), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (I(1), CmpOp::In, T(vec![I(1)]), Ok(true)),
        (I(1), CmpOp::NotIn, T(vec![I(1)]), Ok(false)),
        (I(1), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'int' and 'NoneType'")),
        (I(1), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'int' and 'NoneType'")),
        (I(1), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'int' and 'NoneType'")),
        (I(1), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'int' and 'NoneType'")),
        (I(1), CmpOp::Eq, N, Ok(false)),
        (I(1), CmpOp::NotEq, N, Ok(true)),
        (I(1), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (I(1), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (I(1), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'int' and 'dict'")),
        (I(1), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'int' and 'dict'")),
        (I(1), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'int' and 'dict'")),
        (I(1), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'int' and 'dict'")),
        (I(1), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (I(1), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (I(1), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (I(1), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (I(1), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'int' and 'str'")),
        (I(1), CmpOp::Eq, S("b"), Ok(false)),
        (I(1), CmpOp::NotEq, S("b"), Ok(true)),
        (I(1), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not int")),
        (I(1), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not int")),
        (I(1), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'int' and 'list'")),
        (I(1), CmpOp::Eq, L(vec![]), Ok(false)),
        (I(1), CmpOp::NotEq, L(vec![]), Ok(true)),
        (I(1), CmpOp::In, L(vec![]), Ok(false)),
        (I(1), CmpOp::NotIn, L(vec![]), Ok(true)),
        (F(1.0), CmpOp::Lt, I(1), Ok(false)),
        (F(1.0), CmpOp::LtE, I(1), Ok(true)),
        (F(1.0), CmpOp::Gt, I(1), Ok(false)),
        (F(1.0), CmpOp::GtE, I(1), Ok(true)),
        (F(1.0), CmpOp::Eq, I(1), Ok(true)),
        (F(1.0), CmpOp::NotEq, I(1), Ok(false)),
        (F(1.0), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (F(1.0), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (F(1.0), CmpOp::Lt, F(1.0), Ok(false)),
        (F(1.0), CmpOp::LtE, F(1.0), Ok(true)),
        (F(1.0), CmpOp::Gt, F(1.0), Ok(false)),
        (F(1.0), CmpOp::GtE, F(1.0), Ok(true)),
        (F(1.0), CmpOp::Eq, F(1.0), Ok(true)),
        (F(1.0), CmpOp::NotEq, F(1.0), Ok(false)),
        (F(1.0), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (F(1.0), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (F(1.0), CmpOp::Lt, F(2.5), Ok(true)),
        (F(1.0), CmpOp::LtE, F(2.5), Ok(true)),
        (F(1.0), CmpOp::Gt, F(2.5), Ok(false)),
        (F(1.0), CmpOp::GtE, F(2.5), Ok(false)),
        (F(1.0), CmpOp::Eq, F(2.5), Ok(false)),
        (F(1.0), CmpOp::NotEq, F(2.5), Ok(true)),
        (F(1.0), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (F(1.0), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (F(1.0), CmpOp::Lt, B(true), Ok(false)),
        (F(1.0), CmpOp::LtE, B(true), Ok(true)),
        (F(1.0), CmpOp::Gt, B(true), Ok(false)),
        (F(1.0), CmpOp::GtE, B(true), Ok(true)),
        (F(1.0), CmpOp::Eq, B(true), Ok(true)),
        (F(1.0), CmpOp::NotEq, B(true), Ok(false)),
        (F(1.0), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (F(1.0), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (F(1.0), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::Eq, S("a"), Ok(false)),
        (F(1.0), CmpOp::NotEq, S("a"), Ok(true)),
        (F(1.0), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(1.0), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(1.0), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::Eq, S("ab"), Ok(false)),
        (F(1.0), CmpOp::NotEq, S("ab"), Ok(true)),
        (F(1.0), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(1.0), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(1.0), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (F(1.0), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (F(1.0), CmpOp::In, L(vec![I(1), I(2)]), Ok(true)),
        (F(1.0), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(false)),
        (F(1.0), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (F(1.0), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (F(1.0), CmpOp::In, L(vec![I(1), S("a")]), Ok(true)),
        (F(1.0), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(false)),
        (F(1.0), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (F(1.0), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (F(1.0), CmpOp::In, T(vec![I(1), I(2)]), Ok(true)),
        (F(1.0), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(false)),
        (F(1.0), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'float' and 'tuple'")),
        (F(1.0), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (F(1.0), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (F(1.0), CmpOp::In, T(vec![I(1)]), Ok(true)),
        (F(1.0), CmpOp::NotIn, T(vec![I(1)]), Ok(false)),
        (F(1.0), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'float' and 'NoneType'")),
        (F(1.0), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'float' and 'NoneType'")),
        (F(1.0), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'float' and 'NoneType'")),
        (F(1.0), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'float' and 'NoneType'")),
        (F(1.0), CmpOp::Eq, N, Ok(false)),
        (F(1.0), CmpOp::NotEq, N, Ok(true)),
        (F(1.0), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (F(1.0), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (F(1.0), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'float' and 'dict'")),
        (F(1.0), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'float' and 'dict'")),
        (F(1.0), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'float' and 'dict'")),
        (F(1.0), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'float' and 'dict'")),
        (F(1.0), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (F(1.0), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (F(1.0), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (F(1.0), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (F(1.0), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'float' and 'str'")),
        (F(1.0), CmpOp::Eq, S("b"), Ok(false)),
        (F(1.0), CmpOp::NotEq, S("b"), Ok(true)),
        (F(1.0), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(1.0), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(1.0), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'float' and 'list'")),
        (F(1.0), CmpOp::Eq, L(vec![]), Ok(false)),
        (F(1.0), CmpOp::NotEq, L(vec![]), Ok(true)),
        (F(1.0), CmpOp::In, L(vec![]), Ok(false)),
        (F(1.0), CmpOp::NotIn, L(vec![]), Ok(true)),
        (F(2.5), CmpOp::Lt, I(1), Ok(false)),
        (F(2.5), CmpOp::LtE, I(1), Ok(false)),
        (F(2.5), CmpOp::Gt, I(1), Ok(true)),
        (F(2.5), CmpOp::GtE, I(1), Ok(true)),
        (F(2.5), CmpOp::Eq, I(1), Ok(false)),
        (F(2.5), CmpOp::NotEq, I(1), Ok(true)),
        (F(2.5), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (F(2.5), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (F(2.5), CmpOp::Lt, F(1.0), Ok(false)),
        (F(2.5), CmpOp::LtE, F(1.0), Ok(false)),
        (F(2.5), CmpOp::Gt, F(1.0), Ok(true)),
        (F(2.5), CmpOp::GtE, F(1.0), Ok(true)),
        (F(2.5), CmpOp::Eq, F(1.0), Ok(false)),
        (F(2.5), CmpOp::NotEq, F(1.0), Ok(true)),
        (F(2.5), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (F(2.5), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (F(2.5), CmpOp::Lt, F(2.5), Ok(false)),
        (F(2.5), CmpOp::LtE, F(2.5), Ok(true)),
        (F(2.5), CmpOp::Gt, F(2.5), Ok(false)),
        (F(2.5), CmpOp::GtE, F(2.5), Ok(true)),
        (F(2.5), CmpOp::Eq, F(2.5), Ok(true)),
        (F(2.5), CmpOp::NotEq, F(2.5), Ok(false)),
        (F(2.5), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (F(2.5), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (F(2.5), CmpOp::Lt, B(true), Ok(false)),
        (F(2.5), CmpOp::LtE, B(true), Ok(false)),
        (F(2.5), CmpOp::Gt, B(true), Ok(true)),
        (F(2.5), CmpOp::GtE, B(true), Ok(true)),
        (F(2.5), CmpOp::Eq, B(true), Ok(false)),
        (F(2.5), CmpOp::NotEq, B(true), Ok(true)),
        (F(2.5), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (F(2.5), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (F(2.5), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::Eq, S("a"), Ok(false)),
        (F(2.5), CmpOp::NotEq, S("a"), Ok(true)),
        (F(2.5), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(2.5), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(2.5), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::Eq, S("ab"), Ok(false)),
        (F(2.5), CmpOp::NotEq, S("ab"), Ok(true)),
        (F(2.5), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(2.5), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(2.5), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (F(2.5), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (F(2.5), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (F(2.5), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (F(2.5), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (F(2.5), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (F(2.5), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (F(2.5), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (F(2.5), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (F(2.5), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (F(2.5), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (F(2.5), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (F(2.5), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'float' and 'tuple'")),
        (F(2.5), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (F(2.5), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (F(2.5), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (F(2.5), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (F(2.5), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'float' and 'NoneType'")),
        (F(2.5), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'float' and 'NoneType'")),
        (F(2.5), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'float' and 'NoneType'")),
        (F(2.5), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'float' and 'NoneType'")),
        (F(2.5), CmpOp::Eq, N, Ok(false)),
        (F(2.5), CmpOp::NotEq, N, Ok(true)),
        (F(2.5), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (F(2.5), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (F(2.5), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'float' and 'dict'")),
        (F(2.5), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'float' and 'dict'")),
        (F(2.5), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'float' and 'dict'")),
        (F(2.5), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'float' and 'dict'")),
        (F(2.5), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (F(2.5), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (F(2.5), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (F(2.5), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (F(2.5), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'float' and 'str'")),
        (F(2.5), CmpOp::Eq, S("b"), Ok(false)),
        (F(2.5), CmpOp::NotEq, S("b"), Ok(true)),
        (F(2.5), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(2.5), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not float")),
        (F(2.5), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'float' and 'list'")),
        (F(2.5), CmpOp::Eq, L(vec![]), Ok(false)),
        (F(2.5), CmpOp::NotEq, L(vec![]), Ok(true)),
        (F(2.5), CmpOp::In, L(vec![]), Ok(false)),
        (F(2.5), CmpOp::NotIn, L(vec![]), Ok(true)),
        (B(true), CmpOp::Lt, I(1), Ok(false)),
        (B(true), CmpOp::LtE, I(1), Ok(true)),
        (B(true), CmpOp::Gt, I(1), Ok(false)),
        (B(true), CmpOp::GtE, I(1), Ok(true)),
        (B(true), CmpOp::Eq, I(1), Ok(true)),
        (B(true), CmpOp::NotEq, I(1), Ok(false)),
        (B(true), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (B(true), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (B(true), CmpOp::Lt, F(1.0), Ok(false)),
        (B(true), CmpOp::LtE, F(1.0), Ok(true)),
        (B(true), CmpOp::Gt, F(1.0), Ok(false)),
        (B(true), CmpOp::GtE, F(1.0), Ok(true)),
        (B(true), CmpOp::Eq, F(1.0), Ok(true)),
        (B(true), CmpOp::NotEq, F(1.0), Ok(false)),
        (B(true), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (B(true), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (B(true), CmpOp::Lt, F(2.5), Ok(true)),
        (B(true), CmpOp::LtE, F(2.5), Ok(true)),
        (B(true), CmpOp::Gt, F(2.5), Ok(false)),
        (B(true), CmpOp::GtE, F(2.5), Ok(false)),
        (B(true), CmpOp::Eq, F(2.5), Ok(false)),
        (B(true), CmpOp::NotEq, F(2.5), Ok(true)),
        (B(true), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (B(true), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (B(true), CmpOp::Lt, B(true), Ok(false)),
        (B(true), CmpOp::LtE, B(true), Ok(true)),
        (B(true), CmpOp::Gt, B(true), Ok(false)),
        (B(true), CmpOp::GtE, B(true), Ok(true)),
        (B(true), CmpOp::Eq, B(true), Ok(true)),
        (B(true), CmpOp::NotEq, B(true), Ok(false)),
        (B(true), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (B(true), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (B(true), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::Eq, S("a"), Ok(false)),
        (B(true), CmpOp::NotEq, S("a"), Ok(true)),
        (B(true), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not bool")),
        (B(true), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not bool")),
        (B(true), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::Eq, S("ab"), Ok(false)),
        (B(true), CmpOp::NotEq, S("ab"), Ok(true)),
        (B(true), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not bool")),
        (B(true), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not bool")),
        (B(true), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (B(true), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (B(true), CmpOp::In, L(vec![I(1), I(2)]), Ok(true)),
        (B(true), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(false)),
        (B(true), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (B(true), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (B(true), CmpOp::In, L(vec![I(1), S("a")]), Ok(true)),
        (B(true), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(false)),
        (B(true), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (B(true), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (B(true), CmpOp::In, T(vec![I(1), I(2)]), Ok(true)),
        (B(true), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(false)),
        (B(true), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'bool' and 'tuple'")),
        (B(true), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (B(true), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (B(true), CmpOp::In, T(vec![I(1)]), Ok(true)),
        (B(true), CmpOp::NotIn, T(vec![I(1)]), Ok(false)),
        (B(true), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'bool' and 'NoneType'")),
        (B(true), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'bool' and 'NoneType'")),
        (B(true), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'bool' and 'NoneType'")),
        (B(true), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'bool' and 'NoneType'")),
        (B(true), CmpOp::Eq, N, Ok(false)),
        (B(true), CmpOp::NotEq, N, Ok(true)),
        (B(true), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (B(true), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (B(true), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'bool' and 'dict'")),
        (B(true), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'bool' and 'dict'")),
        (B(true), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'bool' and 'dict'")),
        (B(true), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'bool' and 'dict'")),
        (B(true), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (B(true), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (B(true), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (B(true), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (B(true), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'bool' and 'str'")),
        (B(true), CmpOp::Eq, S("b"), Ok(false)),
        (B(true), CmpOp::NotEq, S("b"), Ok(true)),
        (B(true), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not bool")),
        (B(true), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not bool")),
        (B(true), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'bool' and 'list'")),
        (B(true), CmpOp::Eq, L(vec![]), Ok(false)),
        (B(true), CmpOp::NotEq, L(vec![]), Ok(true)),
        (B(true), CmpOp::In, L(vec![]), Ok(false)),
        (B(true), CmpOp::NotIn, L(vec![]), Ok(true)),
        (S("a"), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'str' and 'int'")),
        (S("a"), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'str' and 'int'")),
        (S("a"), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'str' and 'int'")),
        (S("a"), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'str' and 'int'")),
        (S("a"), CmpOp::Eq, I(1), Ok(false)),
        (S("a"), CmpOp::NotEq, I(1), Ok(true)),
        (S("a"), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (S("a"), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (S("a"), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::Eq, F(1.0), Ok(false)),
        (S("a"), CmpOp::NotEq, F(1.0), Ok(true)),
        (S("a"), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (S("a"), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (S("a"), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'str' and 'float'")),
        (S("a"), CmpOp::Eq, F(2.5), Ok(false)),
        (S("a"), CmpOp::NotEq, F(2.5), Ok(true)),
        (S("a"), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (S("a"), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (S("a"), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'str' and 'bool'")),
        (S("a"), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'str' and 'bool'")),
        (S("a"), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'str' and 'bool'")),
        (S("a"), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'str' and 'bool'")),
        (S("a"), CmpOp::Eq, B(true), Ok(false)),
        (S("a"), CmpOp::NotEq, B(true), Ok(true)),
        (S("a"), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (S("a"), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (S("a"), CmpOp::Lt, S("a"), Ok(false)),
        (S("a"), CmpOp::LtE, S("a"), Ok(true)),
        (S("a"), CmpOp::Gt, S("a"), Ok(false)),
        (S("a"), CmpOp::GtE, S("a"), Ok(true)),
        (S("a"), CmpOp::Eq, S("a"), Ok(true)),
        (S("a"), CmpOp::NotEq, S("a"), Ok(false)),
        (S("a"), CmpOp::In, S("a"), Ok(true)),
        (S("a"), CmpOp::NotIn, S("a"), Ok(false)),
        (S("a"), CmpOp::Lt, S("ab"), Ok(true)),
        (S("a"), CmpOp::LtE, S("ab"), Ok(true)),
        (S("a"), CmpOp::Gt, S("ab"), Ok(false)),
        (S("a"), CmpOp::GtE, S("ab"), Ok(false)),
        (S("a"), CmpOp::Eq, S("ab"), Ok(false)),
        (S("a"), CmpOp::NotEq, S("ab"), Ok(true)),
        (S("a"), CmpOp::In, S("ab"), Ok(true)),
        (S("a"), CmpOp::NotIn, S("ab"), Ok(false)),
        (S("a"), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (S("a"), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (S("a"), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (S("a"), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (S("a"), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (S("a"), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (S("a"), CmpOp::In, L(vec![I(1), S("a")]), Ok(true)),
        (S("a"), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(false)),
        (S("a"), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (S("a"), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (S("a"), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (S("a"), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (S("a"), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'str' and 'tuple'")),
        (S("a"), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (S("a"), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (S("a"), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (S("a"), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (S("a"), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'str' and 'NoneType'")),
        (S("a"), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'str' and 'NoneType'")),
        (S("a"), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'str' and 'NoneType'")),
        (S("a"), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'str' and 'NoneType'")),
        (S("a"), CmpOp::Eq, N, Ok(false)),
        (S("a"), CmpOp::NotEq, N, Ok(true)),
        (S("a"), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (S("a"), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (S("a"), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'str' and 'dict'")),
        (S("a"), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'str' and 'dict'")),
        (S("a"), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'str' and 'dict'")),
        (S("a"), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'str' and 'dict'")),
        (S("a"), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (S("a"), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (S("a"), CmpOp::In, D(vec![("a", I(1))]), Ok(true)),
        (S("a"), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(false)),
        (S("a"), CmpOp::Lt, S("b"), Ok(true)),
        (S("a"), CmpOp::LtE, S("b"), Ok(true)),
        (S("a"), CmpOp::Gt, S("b"), Ok(false)),
        (S("a"), CmpOp::GtE, S("b"), Ok(false)),
        (S("a"), CmpOp::Eq, S("b"), Ok(false)),
        (S("a"), CmpOp::NotEq, S("b"), Ok(true)),
        (S("a"), CmpOp::In, S("b"), Ok(false)),
        (S("a"), CmpOp::NotIn, S("b"), Ok(true)),
        (S("a"), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("a"), CmpOp::Eq, L(vec![]), Ok(false)),
        (S("a"), CmpOp::NotEq, L(vec![]), Ok(true)),
        (S("a"), CmpOp::In, L(vec![]), Ok(false)),
        (S("a"), CmpOp::NotIn, L(vec![]), Ok(true)),
        (S("ab"), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'str' and 'int'")),
        (S("ab"), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'str' and 'int'")),
        (S("ab"), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'str' and 'int'")),
        (S("ab"), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'str' and 'int'")),
        (S("ab"), CmpOp::Eq, I(1), Ok(false)),
        (S("ab"), CmpOp::NotEq, I(1), Ok(true)),
        (S("ab"), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (S("ab"), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (S("ab"), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::Eq, F(1.0), Ok(false)),
        (S("ab"), CmpOp::NotEq, F(1.0), Ok(true)),
        (S("ab"), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (S("ab"), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (S("ab"), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'str' and 'float'")),
        (S("ab"), CmpOp::Eq, F(2.5), Ok(false)),
        (S("ab"), CmpOp::NotEq, F(2.5), Ok(true)),
        (S("ab"), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (S("ab"), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (S("ab"), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'str' and 'bool'")),
        (S("ab"), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'str' and 'bool'")),
        (S("ab"), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'str' and 'bool'")),
        (S("ab"), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'str' and 'bool'")),
        (S("ab"), CmpOp::Eq, B(true), Ok(false)),
        (S("ab"), CmpOp::NotEq, B(true), Ok(true)),
        (S("ab"), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (S("ab"), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (S("ab"), CmpOp::Lt, S("a"), Ok(false)),
        (S("ab"), CmpOp::LtE, S("a"), Ok(false)),
        (S("ab"), CmpOp::Gt, S("a"), Ok(true)),
        (S("ab"), CmpOp::GtE, S("a"), Ok(true)),
        (S("ab"), CmpOp::Eq, S("a"), Ok(false)),
        (S("ab"), CmpOp::NotEq, S("a"), Ok(true)),
        (S("ab"), CmpOp::In, S("a"), Ok(false)),
        (S("ab"), CmpOp::NotIn, S("a"), Ok(true)),
        (S("ab"), CmpOp::Lt, S("ab"), Ok(false)),
        (S("ab"), CmpOp::LtE, S("ab"), Ok(true)),
        (S("ab"), CmpOp::Gt, S("ab"), Ok(false)),
        (S("ab"), CmpOp::GtE, S("ab"), Ok(true)),
        (S("ab"), CmpOp::Eq, S("ab"), Ok(true)),
        (S("ab"), CmpOp::NotEq, S("ab"), Ok(false)),
        (S("ab"), CmpOp::In, S("ab"), Ok(true)),
        (S("ab"), CmpOp::NotIn, S("ab"), Ok(false)),
        (S("ab"), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (S("ab"), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (S("ab"), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (S("ab"), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (S("ab"), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (S("ab"), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (S("ab"), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (S("ab"), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (S("ab"), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (S("ab"), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (S("ab"), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (S("ab"), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (S("ab"), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'str' and 'tuple'")),
        (S("ab"), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (S("ab"), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (S("ab"), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (S("ab"), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (S("ab"), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'str' and 'NoneType'")),
        (S("ab"), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'str' and 'NoneType'")),
        (S("ab"), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'str' and 'NoneType'")),
        (S("ab"), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'str' and 'NoneType'")),
        (S("ab"), CmpOp::Eq, N, Ok(false)),
        (S("ab"), CmpOp::NotEq, N, Ok(true)),
        (S("ab"), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (S("ab"), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (S("ab"), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'str' and 'dict'")),
        (S("ab"), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'str' and 'dict'")),
        (S("ab"), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'str' and 'dict'")),
        (S("ab"), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'str' and 'dict'")),
        (S("ab"), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (S("ab"), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (S("ab"), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (S("ab"), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (S("ab"), CmpOp::Lt, S("b"), Ok(true)),
        (S("ab"), CmpOp::LtE, S("b"), Ok(true)),
        (S("ab"), CmpOp::Gt, S("b"), Ok(false)),
        (S("ab"), CmpOp::GtE, S("b"), Ok(false)),
        (S("ab"), CmpOp::Eq, S("b"), Ok(false)),
        (S("ab"), CmpOp::NotEq, S("b"), Ok(true)),
        (S("ab"), CmpOp::In, S("b"), Ok(false)),
        (S("ab"), CmpOp::NotIn, S("b"), Ok(true)),
        (S("ab"), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("ab"), CmpOp::Eq, L(vec![]), Ok(false)),
        (S("ab"), CmpOp::NotEq, L(vec![]), Ok(true)),
        (S("ab"), CmpOp::In, L(vec![]), Ok(false)),
        (S("ab"), CmpOp::NotIn, L(vec![]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, I(1), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, I(1), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, F(1.0), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, F(1.0), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, F(2.5), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, F(2.5), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, B(true), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, B(true), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, S("a"), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, S("a"), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, S("ab"), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, S("ab"), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::LtE, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Gt, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::GtE, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'int' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'int' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'int' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'int' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, N, Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, N, Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'list'")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'list'")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), I(2)]), CmpOp::Eq, S("b"), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, S("b"), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), I(2)]), CmpOp::Lt, L(vec![]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::LtE, L(vec![]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::Gt, L(vec![]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::GtE, L(vec![]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::Eq, L(vec![]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotEq, L(vec![]), Ok(true)),
        (L(vec![I(1), I(2)]), CmpOp::In, L(vec![]), Ok(false)),
        (L(vec![I(1), I(2)]), CmpOp::NotIn, L(vec![]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'list' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, I(1), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, I(1), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, F(1.0), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, F(1.0), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'list' and 'float'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, F(2.5), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, F(2.5), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'list' and 'bool'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, B(true), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, B(true), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, S("a"), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, S("a"), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, S("ab"), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, S("ab"), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'str' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'str' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'str' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'str' and 'int'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Lt, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::LtE, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Gt, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::GtE, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, N, Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, N, Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'list' and 'dict'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'list'")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'list'")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![I(1), S("a")]), CmpOp::Eq, S("b"), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, S("b"), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![I(1), S("a")]), CmpOp::Lt, L(vec![]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::LtE, L(vec![]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::Gt, L(vec![]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::GtE, L(vec![]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::Eq, L(vec![]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotEq, L(vec![]), Ok(true)),
        (L(vec![I(1), S("a")]), CmpOp::In, L(vec![]), Ok(false)),
        (L(vec![I(1), S("a")]), CmpOp::NotIn, L(vec![]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, I(1), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, I(1), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, F(1.0), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, F(1.0), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, F(2.5), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, F(2.5), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, B(true), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, B(true), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, S("a"), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, S("a"), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, S("ab"), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, S("ab"), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Lt, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::LtE, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Gt, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::GtE, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Lt, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::LtE, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::Gt, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::GtE, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, N, Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, N, Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, S("b"), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, S("b"), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1), I(2)]), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1), I(2)]), CmpOp::Eq, L(vec![]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotEq, L(vec![]), Ok(true)),
        (T(vec![I(1), I(2)]), CmpOp::In, L(vec![]), Ok(false)),
        (T(vec![I(1), I(2)]), CmpOp::NotIn, L(vec![]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1)]), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1)]), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1)]), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'tuple' and 'int'")),
        (T(vec![I(1)]), CmpOp::Eq, I(1), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, I(1), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (T(vec![I(1)]), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (T(vec![I(1)]), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::Eq, F(1.0), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, F(1.0), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1)]), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1)]), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'tuple' and 'float'")),
        (T(vec![I(1)]), CmpOp::Eq, F(2.5), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, F(2.5), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1)]), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (T(vec![I(1)]), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1)]), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1)]), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1)]), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'tuple' and 'bool'")),
        (T(vec![I(1)]), CmpOp::Eq, B(true), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, B(true), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (T(vec![I(1)]), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (T(vec![I(1)]), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::Eq, S("a"), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, S("a"), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1)]), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1)]), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::Eq, S("ab"), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, S("ab"), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1)]), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1)]), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Lt, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::LtE, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Gt, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::GtE, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Lt, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::LtE, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Gt, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::GtE, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Eq, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::NotEq, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1)]), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1)]), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1)]), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'tuple' and 'NoneType'")),
        (T(vec![I(1)]), CmpOp::Eq, N, Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, N, Ok(true)),
        (T(vec![I(1)]), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (T(vec![I(1)]), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (T(vec![I(1)]), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1)]), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1)]), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1)]), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'dict'")),
        (T(vec![I(1)]), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (T(vec![I(1)]), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'tuple' and 'str'")),
        (T(vec![I(1)]), CmpOp::Eq, S("b"), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, S("b"), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1)]), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not tuple")),
        (T(vec![I(1)]), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'tuple' and 'list'")),
        (T(vec![I(1)]), CmpOp::Eq, L(vec![]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotEq, L(vec![]), Ok(true)),
        (T(vec![I(1)]), CmpOp::In, L(vec![]), Ok(false)),
        (T(vec![I(1)]), CmpOp::NotIn, L(vec![]), Ok(true)),
        (N, CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'NoneType' and 'int'")),
        (N, CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'int'")),
        (N, CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'NoneType' and 'int'")),
        (N, CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'int'")),
        (N, CmpOp::Eq, I(1), Ok(false)),
        (N, CmpOp::NotEq, I(1), Ok(true)),
        (N, CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (N, CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (N, CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::Eq, F(1.0), Ok(false)),
        (N, CmpOp::NotEq, F(1.0), Ok(true)),
        (N, CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (N, CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (N, CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'float'")),
        (N, CmpOp::Eq, F(2.5), Ok(false)),
        (N, CmpOp::NotEq, F(2.5), Ok(true)),
        (N, CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (N, CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (N, CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'NoneType' and 'bool'")),
        (N, CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'bool'")),
        (N, CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'NoneType' and 'bool'")),
        (N, CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'bool'")),
        (N, CmpOp::Eq, B(true), Ok(false)),
        (N, CmpOp::NotEq, B(true), Ok(true)),
        (N, CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (N, CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (N, CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::Eq, S("a"), Ok(false)),
        (N, CmpOp::NotEq, S("a"), Ok(true)),
        (N, CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not NoneType")),
        (N, CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not NoneType")),
        (N, CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::Eq, S("ab"), Ok(false)),
        (N, CmpOp::NotEq, S("ab"), Ok(true)),
        (N, CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not NoneType")),
        (N, CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not NoneType")),
        (N, CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (N, CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (N, CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (N, CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (N, CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (N, CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (N, CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (N, CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (N, CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (N, CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (N, CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (N, CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (N, CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'tuple'")),
        (N, CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (N, CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (N, CmpOp::In, T(vec![I(1)]), Ok(false)),
        (N, CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (N, CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'")),
        (N, CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'NoneType' and 'NoneType'")),
        (N, CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'NoneType' and 'NoneType'")),
        (N, CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'NoneType' and 'NoneType'")),
        (N, CmpOp::Eq, N, Ok(true)),
        (N, CmpOp::NotEq, N, Ok(false)),
        (N, CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (N, CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (N, CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'NoneType' and 'dict'")),
        (N, CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'dict'")),
        (N, CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'NoneType' and 'dict'")),
        (N, CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'dict'")),
        (N, CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (N, CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (N, CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (N, CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (N, CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'str'")),
        (N, CmpOp::Eq, S("b"), Ok(false)),
        (N, CmpOp::NotEq, S("b"), Ok(true)),
        (N, CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not NoneType")),
        (N, CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not NoneType")),
        (N, CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'NoneType' and 'list'")),
        (N, CmpOp::Eq, L(vec![]), Ok(false)),
        (N, CmpOp::NotEq, L(vec![]), Ok(true)),
        (N, CmpOp::In, L(vec![]), Ok(false)),
        (N, CmpOp::NotIn, L(vec![]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'dict' and 'int'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'dict' and 'int'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'dict' and 'int'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'dict' and 'int'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, I(1), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, I(1), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, F(1.0), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, F(1.0), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'dict' and 'float'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, F(2.5), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, F(2.5), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'dict' and 'bool'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'dict' and 'bool'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'dict' and 'bool'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'dict' and 'bool'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, B(true), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, B(true), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, S("a"), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, S("a"), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not dict")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not dict")),
        (D(vec![("a", I(1))]), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, S("ab"), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, S("ab"), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not dict")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not dict")),
        (D(vec![("a", I(1))]), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'dict' and 'tuple'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'dict' and 'NoneType'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'dict' and 'NoneType'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'dict' and 'NoneType'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'dict' and 'NoneType'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, N, Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, N, Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (D(vec![("a", I(1))]), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'dict' and 'dict'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'dict' and 'dict'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'dict' and 'dict'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'dict' and 'dict'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, D(vec![("a", I(1))]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::In, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'dict'")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'dict'")),
        (D(vec![("a", I(1))]), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'dict' and 'str'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, S("b"), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, S("b"), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not dict")),
        (D(vec![("a", I(1))]), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not dict")),
        (D(vec![("a", I(1))]), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'dict' and 'list'")),
        (D(vec![("a", I(1))]), CmpOp::Eq, L(vec![]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotEq, L(vec![]), Ok(true)),
        (D(vec![("a", I(1))]), CmpOp::In, L(vec![]), Ok(false)),
        (D(vec![("a", I(1))]), CmpOp::NotIn, L(vec![]), Ok(true)),
        (S("b"), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'str' and 'int'")),
        (S("b"), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'str' and 'int'")),
        (S("b"), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'str' and 'int'")),
        (S("b"), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'str' and 'int'")),
        (S("b"), CmpOp::Eq, I(1), Ok(false)),
        (S("b"), CmpOp::NotEq, I(1), Ok(true)),
        (S("b"), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (S("b"), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (S("b"), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::Eq, F(1.0), Ok(false)),
        (S("b"), CmpOp::NotEq, F(1.0), Ok(true)),
        (S("b"), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (S("b"), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (S("b"), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'str' and 'float'")),
        (S("b"), CmpOp::Eq, F(2.5), Ok(false)),
        (S("b"), CmpOp::NotEq, F(2.5), Ok(true)),
        (S("b"), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (S("b"), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (S("b"), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'str' and 'bool'")),
        (S("b"), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'str' and 'bool'")),
        (S("b"), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'str' and 'bool'")),
        (S("b"), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'str' and 'bool'")),
        (S("b"), CmpOp::Eq, B(true), Ok(false)),
        (S("b"), CmpOp::NotEq, B(true), Ok(true)),
        (S("b"), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (S("b"), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (S("b"), CmpOp::Lt, S("a"), Ok(false)),
        (S("b"), CmpOp::LtE, S("a"), Ok(false)),
        (S("b"), CmpOp::Gt, S("a"), Ok(true)),
        (S("b"), CmpOp::GtE, S("a"), Ok(true)),
        (S("b"), CmpOp::Eq, S("a"), Ok(false)),
        (S("b"), CmpOp::NotEq, S("a"), Ok(true)),
        (S("b"), CmpOp::In, S("a"), Ok(false)),
        (S("b"), CmpOp::NotIn, S("a"), Ok(true)),
        (S("b"), CmpOp::Lt, S("ab"), Ok(false)),
        (S("b"), CmpOp::LtE, S("ab"), Ok(false)),
        (S("b"), CmpOp::Gt, S("ab"), Ok(true)),
        (S("b"), CmpOp::GtE, S("ab"), Ok(true)),
        (S("b"), CmpOp::Eq, S("ab"), Ok(false)),
        (S("b"), CmpOp::NotEq, S("ab"), Ok(true)),
        (S("b"), CmpOp::In, S("ab"), Ok(true)),
        (S("b"), CmpOp::NotIn, S("ab"), Ok(false)),
        (S("b"), CmpOp::Lt, L(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::LtE, L(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::Gt, L(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::GtE, L(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (S("b"), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (S("b"), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (S("b"), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (S("b"), CmpOp::Lt, L(vec![I(1), S("a")]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::LtE, L(vec![I(1), S("a")]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::Gt, L(vec![I(1), S("a")]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::GtE, L(vec![I(1), S("a")]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (S("b"), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (S("b"), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (S("b"), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (S("b"), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (S("b"), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (S("b"), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (S("b"), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (S("b"), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'str' and 'tuple'")),
        (S("b"), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (S("b"), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (S("b"), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (S("b"), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (S("b"), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'str' and 'NoneType'")),
        (S("b"), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'str' and 'NoneType'")),
        (S("b"), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'str' and 'NoneType'")),
        (S("b"), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'str' and 'NoneType'")),
        (S("b"), CmpOp::Eq, N, Ok(false)),
        (S("b"), CmpOp::NotEq, N, Ok(true)),
        (S("b"), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (S("b"), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (S("b"), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'str' and 'dict'")),
        (S("b"), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'str' and 'dict'")),
        (S("b"), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'str' and 'dict'")),
        (S("b"), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'str' and 'dict'")),
        (S("b"), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (S("b"), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (S("b"), CmpOp::In, D(vec![("a", I(1))]), Ok(false)),
        (S("b"), CmpOp::NotIn, D(vec![("a", I(1))]), Ok(true)),
        (S("b"), CmpOp::Lt, S("b"), Ok(false)),
        (S("b"), CmpOp::LtE, S("b"), Ok(true)),
        (S("b"), CmpOp::Gt, S("b"), Ok(false)),
        (S("b"), CmpOp::GtE, S("b"), Ok(true)),
        (S("b"), CmpOp::Eq, S("b"), Ok(true)),
        (S("b"), CmpOp::NotEq, S("b"), Ok(false)),
        (S("b"), CmpOp::In, S("b"), Ok(true)),
        (S("b"), CmpOp::NotIn, S("b"), Ok(false)),
        (S("b"), CmpOp::Lt, L(vec![]), Err("TypeError: '<' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::LtE, L(vec![]), Err("TypeError: '<=' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::Gt, L(vec![]), Err("TypeError: '>' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::GtE, L(vec![]), Err("TypeError: '>=' not supported between instances of 'str' and 'list'")),
        (S("b"), CmpOp::Eq, L(vec![]), Ok(false)),
        (S("b"), CmpOp::NotEq, L(vec![]), Ok(true)),
        (S("b"), CmpOp::In, L(vec![]), Ok(false)),
        (S("b"), CmpOp::NotIn, L(vec![]), Ok(true)),
        (L(vec![]), CmpOp::Lt, I(1), Err("TypeError: '<' not supported between instances of 'list' and 'int'")),
        (L(vec![]), CmpOp::LtE, I(1), Err("TypeError: '<=' not supported between instances of 'list' and 'int'")),
        (L(vec![]), CmpOp::Gt, I(1), Err("TypeError: '>' not supported between instances of 'list' and 'int'")),
        (L(vec![]), CmpOp::GtE, I(1), Err("TypeError: '>=' not supported between instances of 'list' and 'int'")),
        (L(vec![]), CmpOp::Eq, I(1), Ok(false)),
        (L(vec![]), CmpOp::NotEq, I(1), Ok(true)),
        (L(vec![]), CmpOp::In, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (L(vec![]), CmpOp::NotIn, I(1), Err("TypeError: argument of type 'int' is not iterable")),
        (L(vec![]), CmpOp::Lt, F(1.0), Err("TypeError: '<' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::LtE, F(1.0), Err("TypeError: '<=' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::Gt, F(1.0), Err("TypeError: '>' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::GtE, F(1.0), Err("TypeError: '>=' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::Eq, F(1.0), Ok(false)),
        (L(vec![]), CmpOp::NotEq, F(1.0), Ok(true)),
        (L(vec![]), CmpOp::In, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![]), CmpOp::NotIn, F(1.0), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![]), CmpOp::Lt, F(2.5), Err("TypeError: '<' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::LtE, F(2.5), Err("TypeError: '<=' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::Gt, F(2.5), Err("TypeError: '>' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::GtE, F(2.5), Err("TypeError: '>=' not supported between instances of 'list' and 'float'")),
        (L(vec![]), CmpOp::Eq, F(2.5), Ok(false)),
        (L(vec![]), CmpOp::NotEq, F(2.5), Ok(true)),
        (L(vec![]), CmpOp::In, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![]), CmpOp::NotIn, F(2.5), Err("TypeError: argument of type 'float' is not iterable")),
        (L(vec![]), CmpOp::Lt, B(true), Err("TypeError: '<' not supported between instances of 'list' and 'bool'")),
        (L(vec![]), CmpOp::LtE, B(true), Err("TypeError: '<=' not supported between instances of 'list' and 'bool'")),
        (L(vec![]), CmpOp::Gt, B(true), Err("TypeError: '>' not supported between instances of 'list' and 'bool'")),
        (L(vec![]), CmpOp::GtE, B(true), Err("TypeError: '>=' not supported between instances of 'list' and 'bool'")),
        (L(vec![]), CmpOp::Eq, B(true), Ok(false)),
        (L(vec![]), CmpOp::NotEq, B(true), Ok(true)),
        (L(vec![]), CmpOp::In, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (L(vec![]), CmpOp::NotIn, B(true), Err("TypeError: argument of type 'bool' is not iterable")),
        (L(vec![]), CmpOp::Lt, S("a"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::LtE, S("a"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::Gt, S("a"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::GtE, S("a"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::Eq, S("a"), Ok(false)),
        (L(vec![]), CmpOp::NotEq, S("a"), Ok(true)),
        (L(vec![]), CmpOp::In, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![]), CmpOp::NotIn, S("a"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![]), CmpOp::Lt, S("ab"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::LtE, S("ab"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::Gt, S("ab"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::GtE, S("ab"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::Eq, S("ab"), Ok(false)),
        (L(vec![]), CmpOp::NotEq, S("ab"), Ok(true)),
        (L(vec![]), CmpOp::In, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![]), CmpOp::NotIn, S("ab"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![]), CmpOp::Lt, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![]), CmpOp::LtE, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![]), CmpOp::Gt, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![]), CmpOp::GtE, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![]), CmpOp::Eq, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![]), CmpOp::NotEq, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![]), CmpOp::In, L(vec![I(1), I(2)]), Ok(false)),
        (L(vec![]), CmpOp::NotIn, L(vec![I(1), I(2)]), Ok(true)),
        (L(vec![]), CmpOp::Lt, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![]), CmpOp::LtE, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![]), CmpOp::Gt, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![]), CmpOp::GtE, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![]), CmpOp::Eq, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![]), CmpOp::NotEq, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![]), CmpOp::In, L(vec![I(1), S("a")]), Ok(false)),
        (L(vec![]), CmpOp::NotIn, L(vec![I(1), S("a")]), Ok(true)),
        (L(vec![]), CmpOp::Lt, T(vec![I(1), I(2)]), Err("TypeError: '<' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::LtE, T(vec![I(1), I(2)]), Err("TypeError: '<=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::Gt, T(vec![I(1), I(2)]), Err("TypeError: '>' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::GtE, T(vec![I(1), I(2)]), Err("TypeError: '>=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::Eq, T(vec![I(1), I(2)]), Ok(false)),
        (L(vec![]), CmpOp::NotEq, T(vec![I(1), I(2)]), Ok(true)),
        (L(vec![]), CmpOp::In, T(vec![I(1), I(2)]), Ok(false)),
        (L(vec![]), CmpOp::NotIn, T(vec![I(1), I(2)]), Ok(true)),
        (L(vec![]), CmpOp::Lt, T(vec![I(1)]), Err("TypeError: '<' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::LtE, T(vec![I(1)]), Err("TypeError: '<=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::Gt, T(vec![I(1)]), Err("TypeError: '>' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::GtE, T(vec![I(1)]), Err("TypeError: '>=' not supported between instances of 'list' and 'tuple'")),
        (L(vec![]), CmpOp::Eq, T(vec![I(1)]), Ok(false)),
        (L(vec![]), CmpOp::NotEq, T(vec![I(1)]), Ok(true)),
        (L(vec![]), CmpOp::In, T(vec![I(1)]), Ok(false)),
        (L(vec![]), CmpOp::NotIn, T(vec![I(1)]), Ok(true)),
        (L(vec![]), CmpOp::Lt, N, Err("TypeError: '<' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![]), CmpOp::LtE, N, Err("TypeError: '<=' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![]), CmpOp::Gt, N, Err("TypeError: '>' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![]), CmpOp::GtE, N, Err("TypeError: '>=' not supported between instances of 'list' and 'NoneType'")),
        (L(vec![]), CmpOp::Eq, N, Ok(false)),
        (L(vec![]), CmpOp::NotEq, N, Ok(true)),
        (L(vec![]), CmpOp::In, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (L(vec![]), CmpOp::NotIn, N, Err("TypeError: argument of type 'NoneType' is not iterable")),
        (L(vec![]), CmpOp::Lt, D(vec![("a", I(1))]), Err("TypeError: '<' not supported between instances of 'list' and 'dict'")),
        (L(vec![]), CmpOp::LtE, D(vec![("a", I(1))]), Err("TypeError: '<=' not supported between instances of 'list' and 'dict'")),
        (L(vec![]), CmpOp::Gt, D(vec![("a", I(1))]), Err("TypeError: '>' not supported between instances of 'list' and 'dict'")),
        (L(vec![]), CmpOp::GtE, D(vec![("a", I(1))]), Err("TypeError: '>=' not supported between instances of 'list' and 'dict'")),
        (L(vec![]), CmpOp::Eq, D(vec![("a", I(1))]), Ok(false)),
        (L(vec![]), CmpOp::NotEq, D(vec![("a", I(1))]), Ok(true)),
        (L(vec![]), CmpOp::In, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'list'")),
        (L(vec![]), CmpOp::NotIn, D(vec![("a", I(1))]), Err("TypeError: unhashable type: 'list'")),
        (L(vec![]), CmpOp::Lt, S("b"), Err("TypeError: '<' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::LtE, S("b"), Err("TypeError: '<=' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::Gt, S("b"), Err("TypeError: '>' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::GtE, S("b"), Err("TypeError: '>=' not supported between instances of 'list' and 'str'")),
        (L(vec![]), CmpOp::Eq, S("b"), Ok(false)),
        (L(vec![]), CmpOp::NotEq, S("b"), Ok(true)),
        (L(vec![]), CmpOp::In, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![]), CmpOp::NotIn, S("b"), Err("TypeError: 'in <string>' requires string as left operand, not list")),
        (L(vec![]), CmpOp::Lt, L(vec![]), Ok(false)),
        (L(vec![]), CmpOp::LtE, L(vec![]), Ok(true)),
        (L(vec![]), CmpOp::Gt, L(vec![]), Ok(false)),
        (L(vec![]), CmpOp::GtE, L(vec![]), Ok(true)),
        (L(vec![]), CmpOp::Eq, L(vec![]), Ok(true)),
        (L(vec![]), CmpOp::NotEq, L(vec![]), Ok(false)),
        (L(vec![]), CmpOp::In, L(vec![]), Ok(false)),
        (L(vec![]), CmpOp::NotIn, L(vec![]), Ok(true)),
    ];
    no_leaks(|heap, rt| {
        for (a, op, b, expected) in cases {
            let (x, y) = (build(heap, &a), build(heap, &b));
            let got = ops::compare(heap, rt, op, x, y).map_err(|e| err::<()>(Err(e)));
            let shown = (repr(heap, rt, x), repr(heap, rt, y));
            drop(heap, &[x, y]);
            let expected = expected.map_err(str::to_string);
            assert_eq!(got, expected, "{} {op:?} {}", shown.0, shown.1);
        }
        Ok(())
    });
}

#[test]
fn methods_match_python() {
    use V::*;
    // Generated by running python3 3.11.7: (repr of the result, repr of the receiver after
    // the call) or the exception, for each receiver.method(*args). keys(), values() and
    // items() return lists in pyrun (views in CPython): python3 was asked for list(view).
    #[rustfmt::skip]
    let cases: Vec<(V, &str, Vec<V>, std::result::Result<(&str, &str), &str>)> = vec![
        (S("a b  c"), "split", vec![], Ok(("['a', 'b', 'c']", "'a b  c'"))),
        (S("a b  c"), "split", vec![S(" ")], Ok(("['a', 'b', '', 'c']", "'a b  c'"))),
        (S("a b  c"), "split", vec![S(" "), I(1)], Ok(("['a', 'b  c']", "'a b  c'"))),
        (S("a,b,c"), "rsplit", vec![S(","), I(1)], Ok(("['a,b', 'c']", "'a,b,c'"))),
        (S("  x  "), "lstrip", vec![], Ok(("'x  '", "'  x  '"))),
        (S("  x  "), "rstrip", vec![], Ok(("'  x'", "'  x  '"))),
        (S("xyxhixy"), "strip", vec![S("xy")], Ok(("'hi'", "'xyxhixy'"))),
        (S(" a"), "strip", vec![I(1)], Err("TypeError: strip arg must be None or str")),
        (S("abc"), "startswith", vec![S("b"), I(1)], Ok(("True", "'abc'"))),
        (S("abc"), "endswith", vec![T(vec![S("x"), S("c")])], Ok(("True", "'abc'"))),
        (S("abc"), "startswith", vec![I(1)], Err("TypeError: startswith first arg must be str or a tuple of str, not int")),
        (S("hello"), "find", vec![S("l")], Ok(("2", "'hello'"))),
        (S("hello"), "rfind", vec![S("l")], Ok(("3", "'hello'"))),
        (S("hello"), "index", vec![S("l"), I(3)], Ok(("3", "'hello'"))),
        (S("hello"), "rindex", vec![S("z")], Err("ValueError: substring not found")),
        (S("hello"), "count", vec![S("l")], Ok(("2", "'hello'"))),
        (S("hello"), "replace", vec![S("l"), S("L")], Ok(("'heLLo'", "'hello'"))),
        (S("hello"), "replace", vec![S("l"), S("L"), I(1)], Ok(("'heLlo'", "'hello'"))),
        (S("hello"), "replace", vec![I(1), S("x")], Err("TypeError: replace() argument 1 must be str, not int")),
        (S("Hello World"), "swapcase", vec![], Ok(("'hELLO wORLD'", "'Hello World'"))),
        (S("hello world"), "title", vec![], Ok(("'Hello World'", "'hello world'"))),
        (S("ab"), "center", vec![I(7), S("-")], Ok(("'---ab--'", "'ab'"))),
        (S("ab"), "ljust", vec![I(5)], Ok(("'ab   '", "'ab'"))),
        (S("ab"), "ljust", vec![I(5), S("xy")], Err("TypeError: The fill character must be exactly one character long")),
        (S("ab"), "zfill", vec![I(5)], Ok(("'000ab'", "'ab'"))),
        (S("+7"), "zfill", vec![I(4)], Ok(("'+007'", "'+7'"))),
        (S("a
b"), "splitlines", vec![B(true)], Ok(("['a\\n', 'b']", "'a\\nb'"))),
        (S("k=v"), "partition", vec![S("=")], Ok(("('k', '=', 'v')", "'k=v'"))),
        (S("kv"), "rpartition", vec![S("=")], Ok(("('', '', 'kv')", "'kv'"))),
        (S("a"), "partition", vec![S("")], Err("ValueError: empty separator")),
        (S("prefix_x"), "removeprefix", vec![S("prefix_")], Ok(("'x'", "'prefix_x'"))),
        (S("x.py"), "removesuffix", vec![S(".py")], Ok(("'x'", "'x.py'"))),
        (S("ABC"), "isupper", vec![], Ok(("True", "'ABC'"))),
        (S("abc1"), "isalnum", vec![], Ok(("True", "'abc1'"))),
        (S("abc"), "islower", vec![], Ok(("True", "'abc'"))),
        (S(""), "isspace", vec![], Ok(("False", "''"))),
        (S("-"), "join", vec![L(vec![S("a"), S("b"), S("c")])], Ok(("'a-b-c'", "'-'"))),
        (S("-"), "join", vec![L(vec![S("a"), I(1)])], Err("TypeError: sequence item 1: expected str instance, int found")),
        (S("{}-{}"), "format", vec![I(1), I(2)], Ok(("'1-2'", "'{}-{}'"))),
        (S("abc"), "upper", vec![I(1)], Err("TypeError: str.upper() takes no arguments (1 given)")),
        (S("abc"), "count", vec![S("b"), I(0), I(1)], Ok(("0", "'abc'"))),
        (L(vec![I(3), I(1), I(2)]), "append", vec![I(4)], Ok(("None", "[3, 1, 2, 4]"))),
        (L(vec![I(3), I(1), I(2)]), "extend", vec![T(vec![I(5), I(6)])], Ok(("None", "[3, 1, 2, 5, 6]"))),
        (L(vec![I(3), I(1), I(2)]), "insert", vec![I(1), I(9)], Ok(("None", "[3, 9, 1, 2]"))),
        (L(vec![I(3), I(1), I(2)]), "insert", vec![I(-10), I(9)], Ok(("None", "[9, 3, 1, 2]"))),
        (L(vec![I(3), I(1), I(2)]), "insert", vec![I(10), I(9)], Ok(("None", "[3, 1, 2, 9]"))),
        (L(vec![I(3), I(1), I(2)]), "pop", vec![], Ok(("2", "[3, 1]"))),
        (L(vec![I(3), I(1), I(2)]), "pop", vec![I(-3)], Ok(("3", "[1, 2]"))),
        (L(vec![I(3), I(1), I(2)]), "pop", vec![I(3)], Err("IndexError: pop index out of range")),
        (L(vec![]), "pop", vec![], Err("IndexError: pop from empty list")),
        (L(vec![I(3), I(1), I(2)]), "remove", vec![I(1)], Ok(("None", "[3, 2]"))),
        (L(vec![I(3), I(1), I(2)]), "remove", vec![I(7)], Err("ValueError: list.remove(x): x not in list")),
        (L(vec![I(3), I(1), I(2), I(1)]), "index", vec![I(1)], Ok(("1", "[3, 1, 2, 1]"))),
        (L(vec![I(3), I(1), I(2), I(1)]), "index", vec![I(1), I(2)], Ok(("3", "[3, 1, 2, 1]"))),
        (L(vec![I(3), I(1), I(2), I(1)]), "index", vec![I(1), I(2), I(3)], Err("ValueError: 1 is not in list")),
        (L(vec![I(3), I(1), I(2), I(1)]), "count", vec![I(1)], Ok(("2", "[3, 1, 2, 1]"))),
        (L(vec![I(3), I(1), I(2)]), "reverse", vec![], Ok(("None", "[2, 1, 3]"))),
        (L(vec![I(3), I(1), I(2)]), "sort", vec![], Ok(("None", "[1, 2, 3]"))),
        (L(vec![I(3), I(1), I(2)]), "copy", vec![], Ok(("[3, 1, 2]", "[3, 1, 2]"))),
        (L(vec![I(3), I(1), I(2)]), "clear", vec![], Ok(("None", "[]"))),
        (L(vec![F(1.0), I(1)]), "index", vec![B(true)], Ok(("0", "[1.0, 1]"))),
        (L(vec![I(3), I(1), I(2)]), "append", vec![], Err("TypeError: list.append() takes exactly one argument (0 given)")),
        (D(vec![("a", I(1)), ("b", I(2))]), "get", vec![S("a")], Ok(("1", "{'a': 1, 'b': 2}"))),
        (D(vec![("a", I(1))]), "get", vec![S("z"), I(0)], Ok(("0", "{'a': 1}"))),
        (D(vec![("a", I(1))]), "get", vec![], Err("TypeError: get expected at least 1 argument, got 0")),
        (D(vec![("a", I(1)), ("b", I(2))]), "keys", vec![], Ok(("['a', 'b']", "{'a': 1, 'b': 2}"))),
        (D(vec![("a", I(1)), ("b", I(2))]), "values", vec![], Ok(("[1, 2]", "{'a': 1, 'b': 2}"))),
        (D(vec![("a", I(1)), ("b", I(2))]), "items", vec![], Ok(("[('a', 1), ('b', 2)]", "{'a': 1, 'b': 2}"))),
        (D(vec![("a", I(1)), ("b", I(2))]), "pop", vec![S("a")], Ok(("1", "{'b': 2}"))),
        (D(vec![("a", I(1))]), "pop", vec![S("z")], Err("KeyError: 'z'")),
        (D(vec![("a", I(1))]), "pop", vec![S("z"), N], Ok(("None", "{'a': 1}"))),
        (D(vec![("a", I(1)), ("b", I(2))]), "popitem", vec![], Ok(("('b', 2)", "{'a': 1}"))),
        (D(vec![]), "popitem", vec![], Err("KeyError: 'popitem(): dictionary is empty'")),
        (D(vec![("a", I(1))]), "setdefault", vec![S("a"), I(5)], Ok(("1", "{'a': 1}"))),
        (D(vec![("a", I(1))]), "setdefault", vec![S("b"), I(5)], Ok(("5", "{'a': 1, 'b': 5}"))),
        (D(vec![("a", I(1))]), "update", vec![D(vec![("b", I(2)), ("a", I(3))])], Ok(("None", "{'a': 3, 'b': 2}"))),
        (D(vec![("a", I(1))]), "update", vec![L(vec![T(vec![S("c"), I(3)])])], Ok(("None", "{'a': 1, 'c': 3}"))),
        (D(vec![("a", I(1))]), "update", vec![L(vec![I(1)])], Err("TypeError: cannot convert dictionary update sequence element #0 to a sequence")),
        (D(vec![("a", I(1))]), "update", vec![L(vec![S("abc")])], Err("ValueError: dictionary update sequence element #0 has length 3; 2 is required")),
        (D(vec![("a", I(1))]), "copy", vec![], Ok(("{'a': 1}", "{'a': 1}"))),
        (D(vec![("a", I(1))]), "clear", vec![], Ok(("None", "{}"))),
        (D(vec![("a", I(1))]), "get", vec![L(vec![I(1)])], Err("TypeError: unhashable type: 'list'")),
        (T(vec![I(1), I(2), I(1)]), "count", vec![I(1)], Ok(("2", "(1, 2, 1)"))),
        (T(vec![I(1), I(2), I(1)]), "index", vec![I(2)], Ok(("1", "(1, 2, 1)"))),
        (T(vec![I(1), I(2), I(1)]), "index", vec![I(5)], Err("ValueError: tuple.index(x): x not in tuple")),
        (I(5), "bit_length", vec![], Ok(("3", "5"))),
        (I(0), "bit_length", vec![], Ok(("0", "0"))),
        (F(2.5), "is_integer", vec![], Ok(("False", "2.5"))),
    ];
    no_leaks(|heap, rt| {
        let mut failures = Vec::new();
        for (recv, name, args, expected) in cases {
            let r = build(heap, &recv);
            let args: Vec<ObjRef> = args.iter().map(|a| build(heap, a)).collect();
            let got = match methods::call_method(heap, rt, r, name, &args, &[]) {
                Ok(Some(v)) => {
                    let shown = (repr(heap, rt, v), repr(heap, rt, r));
                    heap.decref(v)?;
                    Ok(shown)
                }
                Ok(None) => panic!("no method {name}"),
                Err(e) => Err(err::<()>(Err(e))),
            };
            let shown = repr(heap, rt, r);
            drop(heap, &args);
            heap.decref(r)?;
            if let Some(exc) = rt.raising.take() {
                heap.decref(exc)?;
            }
            let expected = expected
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .map_err(str::to_string);
            if got != expected {
                failures.push(format!(
                    "{shown}.{name}(...): got {got:?}, python3 {expected:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        Ok(())
    });
}

#[test]
fn builtins_match_python() {
    use V::*;
    // Generated by running python3 3.11.7: repr(f(*args)) or its exception. reversed,
    // enumerate and zip return lists in pyrun: python3 was asked for list(f(*args)).
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<V>, std::result::Result<&str, &str>)> = vec![
        ("int", vec![S("  -12  ")], Ok("-12")),
        ("int", vec![S("+5")], Ok("5")),
        ("int", vec![S("")], Err("ValueError: invalid literal for int() with base 10: ''")),
        ("int", vec![S("1_000")], Ok("1000")),
        ("int", vec![S("1__0")], Err("ValueError: invalid literal for int() with base 10: '1__0'")),
        ("int", vec![S("0x1f"), I(0)], Ok("31")),
        ("int", vec![S("ff"), I(16)], Ok("255")),
        ("int", vec![S("0b101"), I(0)], Ok("5")),
        ("int", vec![S("012"), I(0)], Err("ValueError: invalid literal for int() with base 0: '012'")),
        ("int", vec![S("z"), I(36)], Ok("35")),
        ("int", vec![S("12"), I(2)], Err("ValueError: invalid literal for int() with base 2: '12'")),
        ("int", vec![I(12), I(2)], Err("TypeError: int() can't convert non-string with explicit base")),
        ("int", vec![F(3.99)], Ok("3")),
        ("int", vec![F(-3.99)], Ok("-3")),
        ("int", vec![F(f64::NAN)], Err("ValueError: cannot convert float NaN to integer")),
        ("int", vec![F(f64::INFINITY)], Err("OverflowError: cannot convert float infinity to integer")),
        ("int", vec![B(true)], Ok("1")),
        ("int", vec![N], Err("TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")),
        ("int", vec![], Ok("0")),
        ("int", vec![S("1.5")], Err("ValueError: invalid literal for int() with base 10: '1.5'")),
        ("float", vec![S(" 1e3 ")], Ok("1000.0")),
        ("float", vec![S("-inf")], Ok("-inf")),
        ("float", vec![S("nan")], Ok("nan")),
        ("float", vec![S("1_0.5")], Ok("10.5")),
        ("float", vec![S("")], Err("ValueError: could not convert string to float: ''")),
        ("float", vec![S("1e")], Err("ValueError: could not convert string to float: '1e'")),
        ("float", vec![I(3)], Ok("3.0")),
        ("float", vec![N], Err("TypeError: float() argument must be a string or a real number, not 'NoneType'")),
        ("float", vec![B(true)], Ok("1.0")),
        ("float", vec![S("Infinity")], Ok("inf")),
        ("str", vec![F(1.5)], Ok("'1.5'")),
        ("str", vec![L(vec![I(1), S("a")])], Ok("\"[1, 'a']\"")),
        ("str", vec![], Ok("''")),
        ("str", vec![N], Ok("'None'")),
        ("bool", vec![L(vec![])], Ok("False")),
        ("bool", vec![S("0")], Ok("True")),
        ("bool", vec![], Ok("False")),
        ("abs", vec![I(-3)], Ok("3")),
        ("abs", vec![F(-0.0)], Ok("0.0")),
        ("abs", vec![S("a")], Err("TypeError: bad operand type for abs(): 'str'")),
        ("abs", vec![B(true)], Ok("1")),
        ("round", vec![F(2.5)], Ok("2")),
        ("round", vec![F(3.5)], Ok("4")),
        ("round", vec![F(-0.5)], Ok("0")),
        ("round", vec![F(2.675), I(2)], Ok("2.67")),
        ("round", vec![F(0.125), I(2)], Ok("0.12")),
        ("round", vec![I(1234), I(-2)], Ok("1200")),
        ("round", vec![I(1250), I(-2)], Ok("1200")),
        ("round", vec![I(1350), I(-2)], Ok("1400")),
        ("round", vec![F(12.5), I(-1)], Ok("10.0")),
        ("round", vec![F(1.5), N], Ok("2")),
        ("round", vec![I(5), I(2)], Ok("5")),
        ("round", vec![F(f64::NAN)], Err("ValueError: cannot convert float NaN to integer")),
        ("round", vec![F(f64::INFINITY)], Err("OverflowError: cannot convert float infinity to integer")),
        ("round", vec![S("a")], Err("TypeError: type str doesn't define __round__ method")),
        ("round", vec![F(1.23456), I(3)], Ok("1.235")),
        ("round", vec![F(-1.5)], Ok("-2")),
        ("divmod", vec![I(7), I(2)], Ok("(3, 1)")),
        ("divmod", vec![I(-7), I(2)], Ok("(-4, 1)")),
        ("divmod", vec![I(7), I(-2)], Ok("(-4, -1)")),
        ("divmod", vec![F(7.5), I(2)], Ok("(3.0, 1.5)")),
        ("divmod", vec![I(-7), F(2.0)], Ok("(-4.0, 1.0)")),
        ("divmod", vec![I(1), I(0)], Err("ZeroDivisionError: integer division or modulo by zero")),
        ("divmod", vec![F(1.0), I(0)], Err("ZeroDivisionError: float divmod()")),
        ("divmod", vec![S("a"), I(1)], Err("TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'")),
        ("pow", vec![I(2), I(10)], Ok("1024")),
        ("pow", vec![I(2), I(-1)], Ok("0.5")),
        ("pow", vec![I(3), I(4), I(5)], Ok("1")),
        ("pow", vec![I(3), I(-1), I(7)], Ok("5")),
        ("pow", vec![I(0), I(-1)], Err("ZeroDivisionError: 0.0 cannot be raised to a negative power")),
        ("pow", vec![F(2.0), F(0.5)], Ok("1.4142135623730951")),
        ("pow", vec![I(2), I(3), I(0)], Err("ValueError: pow() 3rd argument cannot be 0")),
        ("pow", vec![I(2), F(0.5), I(3)], Err("TypeError: pow() 3rd argument not allowed unless all arguments are integers")),
        ("min", vec![L(vec![I(3), I(1), I(2)])], Ok("1")),
        ("min", vec![I(3), I(1), I(2)], Ok("1")),
        ("max", vec![S("abc")], Ok("'c'")),
        ("max", vec![L(vec![])], Err("ValueError: max() arg is an empty sequence")),
        ("min", vec![], Err("TypeError: min expected at least 1 argument, got 0")),
        ("max", vec![I(1)], Err("TypeError: 'int' object is not iterable")),
        ("max", vec![L(vec![I(1), S("a")])], Err("TypeError: '>' not supported between instances of 'str' and 'int'")),
        ("min", vec![L(vec![F(2.5), I(1), B(true)])], Ok("1")),
        ("sum", vec![L(vec![I(1), I(2), I(3)])], Ok("6")),
        ("sum", vec![L(vec![I(1), I(2)]), I(10)], Ok("13")),
        ("sum", vec![L(vec![F(0.1), F(0.2), F(0.3)])], Ok("0.6000000000000001")),
        ("sum", vec![L(vec![S("a")])], Err("TypeError: unsupported operand type(s) for +: 'int' and 'str'")),
        ("sum", vec![L(vec![S("a")]), S("")], Err("TypeError: sum() can't sum strings [use ''.join(seq) instead]")),
        ("sum", vec![L(vec![L(vec![I(1)]), L(vec![I(2)])]), L(vec![])], Ok("[1, 2]")),
        ("sum", vec![I(5)], Err("TypeError: 'int' object is not iterable")),
        ("sorted", vec![L(vec![I(3), I(1), I(2)])], Ok("[1, 2, 3]")),
        ("sorted", vec![S("cba")], Ok("['a', 'b', 'c']")),
        ("sorted", vec![D(vec![("b", I(1)), ("a", I(2))])], Ok("['a', 'b']")),
        ("sorted", vec![L(vec![I(1), S("a")])], Err("TypeError: '<' not supported between instances of 'str' and 'int'")),
        ("sorted", vec![T(vec![F(2.5), I(1), B(true), I(0)])], Ok("[0, 1, True, 2.5]")),
        ("list", vec![S("abc")], Ok("['a', 'b', 'c']")),
        ("list", vec![D(vec![("a", I(1))])], Ok("['a']")),
        ("list", vec![T(vec![I(1), I(2)])], Ok("[1, 2]")),
        ("list", vec![I(5)], Err("TypeError: 'int' object is not iterable")),
        ("tuple", vec![L(vec![I(1), I(2)])], Ok("(1, 2)")),
        ("tuple", vec![S("ab")], Ok("('a', 'b')")),
        ("tuple", vec![], Ok("()")),
        ("dict", vec![L(vec![T(vec![S("a"), I(1)]), T(vec![S("b"), I(2)])])], Ok("{'a': 1, 'b': 2}")),
        ("dict", vec![L(vec![L(vec![S("a"), I(1)])])], Ok("{'a': 1}")),
        ("dict", vec![L(vec![I(1)])], Err("TypeError: cannot convert dictionary update sequence element #0 to a sequence")),
        ("dict", vec![L(vec![S("abc")])], Err("ValueError: dictionary update sequence element #0 has length 3; 2 is required")),
        ("dict", vec![D(vec![("a", I(1))])], Ok("{'a': 1}")),
        ("chr", vec![I(65)], Ok("'A'")),
        ("chr", vec![I(128512)], Ok("'😀'")),
        ("chr", vec![I(-1)], Err("ValueError: chr() arg not in range(0x110000)")),
        ("chr", vec![I(1114112)], Err("ValueError: chr() arg not in range(0x110000)")),
        ("chr", vec![S("a")], Err("TypeError: 'str' object cannot be interpreted as an integer")),
        ("ord", vec![S("a")], Ok("97")),
        ("ord", vec![S("é")], Ok("233")),
        ("ord", vec![S("ab")], Err("TypeError: ord() expected a character, but string of length 2 found")),
        ("ord", vec![I(1)], Err("TypeError: ord() expected string of length 1, but int found")),
        ("ord", vec![S("")], Err("TypeError: ord() expected a character, but string of length 0 found")),
        ("len", vec![S("héllo")], Ok("5")),
        ("len", vec![L(vec![I(1), I(2)])], Ok("2")),
        ("len", vec![D(vec![("a", I(1))])], Ok("1")),
        ("len", vec![I(5)], Err("TypeError: object of type 'int' has no len()")),
        ("len", vec![], Err("TypeError: len() takes exactly one argument (0 given)")),
        ("len", vec![T(vec![I(1)]), I(2)], Err("TypeError: len() takes exactly one argument (2 given)")),
        ("hash", vec![I(-1)], Ok("-2")),
        ("hash", vec![I(0)], Ok("0")),
        ("hash", vec![I(2305843009213693952)], Ok("1")),
        ("hash", vec![I(-2305843009213693952)], Ok("-2")),
        ("hash", vec![I(4611686018427387904)], Ok("2")),
        ("hash", vec![F(1.5)], Ok("1152921504606846977")),
        ("hash", vec![F(-2.5)], Ok("-1152921504606846978")),
        ("hash", vec![F(0.1)], Ok("230584300921369408")),
        ("hash", vec![F(1e+300)], Ok("1224995262755759164")),
        ("hash", vec![F(f64::INFINITY)], Ok("314159")),
        ("hash", vec![F(f64::NEG_INFINITY)], Ok("-314159")),
        ("hash", vec![T(vec![I(1), I(2)])], Ok("-3550055125485641917")),
        ("hash", vec![T(vec![])], Ok("5740354900026072187")),
        ("hash", vec![T(vec![I(1), T(vec![I(2), I(3)])])], Ok("7267574591690527098")),
        ("hash", vec![T(vec![I(-1)])], Ok("8078679518589016365")),
        ("hash", vec![B(true)], Ok("1")),
        ("hash", vec![F(2.0)], Ok("2")),
        ("hash", vec![L(vec![I(1)])], Err("TypeError: unhashable type: 'list'")),
        ("hash", vec![T(vec![I(1), L(vec![I(2)])])], Err("TypeError: unhashable type: 'list'")),
        ("hash", vec![F(1e-300)], Ok("482449582752280463")),
        ("repr", vec![S("a'b")], Ok("'\"a\\'b\"'")),
        ("repr", vec![S("a'b\"")], Ok("'\\'a\\\\\\'b\"\\''")),
        ("repr", vec![S("tab	here
")], Ok("\"'tab\\\\there\\\\n'\"")),
        ("repr", vec![L(vec![F(1.0), F(-0.0), F(1e+16), F(1.5e-07), F(1.2345678901234568e+17)])], Ok("'[1.0, -0.0, 1e+16, 1.5e-07, 1.2345678901234568e+17]'")),
        ("repr", vec![D(vec![("a", T(vec![I(1)])), ("b", L(vec![]))])], Ok("\"{'a': (1,), 'b': []}\"")),
        ("format", vec![F(3.14159), S(".2f")], Ok("'3.14'")),
        ("format", vec![I(42)], Ok("'42'")),
        ("format", vec![I(42), I(5)], Err("TypeError: format() argument 2 must be str, not int")),
        ("any", vec![L(vec![I(0), S(""), N])], Ok("False")),
        ("any", vec![L(vec![I(0), I(1)])], Ok("True")),
        ("all", vec![L(vec![])], Ok("True")),
        ("all", vec![L(vec![I(1), I(0)])], Ok("False")),
        ("any", vec![I(5)], Err("TypeError: 'int' object is not iterable")),
        ("reversed", vec![L(vec![I(1), I(2), I(3)])], Ok("[3, 2, 1]")),
        ("reversed", vec![S("ab")], Ok("['b', 'a']")),
        ("enumerate", vec![L(vec![S("a"), S("b")])], Ok("[(0, 'a'), (1, 'b')]")),
        ("enumerate", vec![S("ab"), I(5)], Ok("[(5, 'a'), (6, 'b')]")),
        ("zip", vec![L(vec![I(1), I(2), I(3)]), S("ab")], Ok("[(1, 'a'), (2, 'b')]")),
        ("zip", vec![], Ok("[]")),
        ("zip", vec![L(vec![I(1)]), I(5)], Err("TypeError: 'int' object is not iterable")),
        ("range", vec![I(5)], Ok("range(0, 5)")),
        ("range", vec![I(1), I(5)], Ok("range(1, 5)")),
        ("range", vec![I(1), I(10), I(2)], Ok("range(1, 10, 2)")),
        ("range", vec![F(1.5)], Err("TypeError: 'float' object cannot be interpreted as an integer")),
        ("range", vec![], Err("TypeError: range expected at least 1 argument, got 0")),
        ("range", vec![I(1), I(2), I(0)], Err("ValueError: range() arg 3 must not be zero")),
        ("range", vec![I(1), I(2), I(3), I(4)], Err("TypeError: range expected at most 3 arguments, got 4")),
        ("divmod", vec![F(-7.5), I(-2)], Ok("(3.0, -1.5)")),
        ("round", vec![F(-2.5)], Ok("-2")),
        ("round", vec![F(0.5)], Ok("0")),
        // python3 gives 100000000000000000000: pyrun's ints are 64-bit.
        ("round", vec![F(1e+20)], Err("OverflowError: int too large for pyrun's 64-bit ints")),
        ("abs", vec![I(-9223372036854775807)], Ok("9223372036854775807")),
    ];
    no_leaks(|heap, rt| {
        let mut failures = Vec::new();
        for (name, args, expected) in cases {
            let args: Vec<ObjRef> = args.iter().map(|a| build(heap, a)).collect();
            let got = outcome(call(heap, rt, name, &args, &[]));
            drop(heap, &args);
            if let Some(exc) = rt.raising.take() {
                heap.decref(exc)?;
            }
            let expected = expected.map(str::to_string).map_err(str::to_string);
            if got != expected {
                failures.push(format!("{name}(...): got {got:?}, python3 {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        Ok(())
    });
}

/// A native method returning the int attribute `v` of `args[0]` combined with `args[1]`.
fn v_of(heap: &PyHeap, obj: ObjRef) -> Result<i64> {
    match heap.get(obj)? {
        refcount::Object::Instance(_) => heap.as_int(heap.get_attr(obj, "v")?),
        _ => heap.as_int(obj),
    }
}

#[test]
fn instances_use_their_dunders() {
    no_leaks(|heap, rt| {
        let eq = heap.new_function_kw("C.__eq__", &[], |heap, _, a, _| {
            let t = v_of(heap, a[0])? == v_of(heap, a[1])?;
            heap.new_bool(t)
        })?;
        let lt = heap.new_function_kw("C.__lt__", &[], |heap, _, a, _| {
            let t = v_of(heap, a[0])? < v_of(heap, a[1])?;
            heap.new_bool(t)
        })?;
        let add = heap.new_function_kw("C.__add__", &[], |heap, _, a, _| {
            let v = v_of(heap, a[0])? + v_of(heap, a[1])?;
            heap.new_int(v)
        })?;
        let radd = heap.new_function_kw("C.__radd__", &[], |heap, _, a, _| {
            let v = 1000 + v_of(heap, a[0])? + v_of(heap, a[1])?;
            heap.new_int(v)
        })?;
        let len = heap.new_function_kw("C.__len__", &[], |heap, _, a, _| {
            let v = v_of(heap, a[0])?;
            heap.new_int(v)
        })?;
        let getitem = heap.new_function_kw("C.__getitem__", &[], |heap, _, a, _| {
            let v = v_of(heap, a[0])? * v_of(heap, a[1])?;
            heap.new_int(v)
        })?;
        let contains = heap.new_function_kw("C.__contains__", &[], |heap, _, a, _| {
            let t = v_of(heap, a[1])? == 7;
            heap.new_bool(t)
        })?;
        let hash = heap.new_function_kw("C.__hash__", &[], |heap, _, a, _| {
            let v = v_of(heap, a[0])?;
            heap.new_int(v)
        })?;
        let class = heap.new_class_with(
            "C",
            &[
                ("__eq__", eq),
                ("__lt__", lt),
                ("__add__", add),
                ("__radd__", radd),
                ("__len__", len),
                ("__getitem__", getitem),
                ("__contains__", contains),
                ("__hash__", hash),
            ],
        )?;
        let make = |heap: &mut PyHeap, v: i64| -> Result<ObjRef> {
            let inst = heap.new_instance(class)?;
            let n = heap.new_int(v)?;
            heap.set_attr(inst, "v", n)?;
            heap.decref(n)?;
            Ok(inst)
        };
        let (a, b, zero) = (make(heap, 3)?, make(heap, 0)?, make(heap, 3)?);
        let (two, seven) = (int(heap, 2), int(heap, 7));
        assert!(ops::eq(heap, rt, a, zero)?);
        assert!(ops::compare(heap, rt, CmpOp::Lt, b, a)?);
        // a > b is b.__lt__(a), reflected.
        assert!(ops::compare(heap, rt, CmpOp::Gt, a, b)?);
        assert_eq!(bin(heap, rt, BinOp::Add, a, two)?, "5");
        assert_eq!(bin(heap, rt, BinOp::Add, two, a)?, "1005");
        assert_eq!(ops::len(heap, rt, a)?, 3);
        assert!(!ops::truthy(heap, rt, b)?);
        let item = ops::getitem(heap, rt, a, seven)?;
        assert_eq!(repr(heap, rt, item), "21");
        assert!(ops::contains(heap, rt, a, seven)?);
        assert!(!ops::contains(heap, rt, a, two)?);
        // Equal instances in a list: == calls __eq__ item by item, `in` too.
        let l1 = heap.new_list(&[a, b])?;
        let l2 = heap.new_list(&[zero, b])?;
        assert!(ops::eq(heap, rt, l1, l2)?);
        assert!(ops::contains(heap, rt, l2, a)?);
        methods::list_sort(heap, rt, l1, &[])?;
        assert_eq!(l1, l1);
        assert_eq!(ops::seq_items(heap, l1)?, vec![b, a]);
        assert_eq!(builtins::hash(heap, rt, a)?, 3);
        // Unsupported: `-` has no __sub__.
        assert_eq!(
            err(ops::binary(heap, rt, BinOp::Sub, a, two)),
            "TypeError: unsupported operand type(s) for -: 'C' and 'int'"
        );
        // A class with __eq__ and no __hash__ is unhashable.
        let eq_only = heap.new_class_with("E", &[("__eq__", eq)])?;
        let e = heap.new_instance(eq_only)?;
        assert_eq!(
            err(ops::hash_check(heap, rt, e)),
            "TypeError: unhashable type: 'E'"
        );
        drop(
            heap,
            &[eq, lt, add, radd, len, getitem, contains, hash, class],
        );
        drop(heap, &[a, b, zero, two, seven, item, l1, l2, eq_only, e]);
        Ok(())
    });
}

#[test]
fn bound_builtin_methods() {
    let (mut heap, rt) = setup();
    let heap = &mut heap;
    let before = heap.live_objects();
    let l = ints(heap, &[1]);
    let append = methods::bound_method(heap, &rt, l, "append")
        .unwrap()
        .unwrap();
    assert!(
        methods::bound_method(heap, &rt, l, "nope")
            .unwrap()
            .is_none()
    );
    let shown = repr(heap, &rt, append);
    assert!(
        shown.starts_with("<built-in method append of list object at 0x"),
        "{shown}"
    );
    let two = int(heap, 2);
    let r = heap.call_kw(append, &[two], &[]).unwrap();
    assert_eq!(repr(heap, &rt, l), "[1, 2]");
    drop(heap, &[append, l, two, r]);
    assert_eq!(heap.live_objects(), before);
}

#[test]
fn dir_and_keyed_min_max() {
    no_leaks(|heap, rt| {
        let f = heap.new_function_kw("C.method", &[], |heap, _, _, _| heap.none())?;
        let base = heap.new_class_with("B", &[("__len__", f)])?;
        let class = heap.new_subclass("C", Some(base), &[("__eq__", f)])?;
        let inst = heap.new_instance(class)?;
        let one = int(heap, 1);
        heap.set_attr(inst, "v", one)?;
        assert_eq!(
            call(heap, rt, "dir", &[inst], &[])?,
            "['__eq__', '__len__', 'v']"
        );
        assert_eq!(builtins::bases(heap, class), vec![class, base]);
        let words: Vec<ObjRef> = ["bb", "a", "cc"].iter().map(|w| s(heap, w)).collect();
        let wl = heap.new_list(&words)?;
        let len = builtin(heap, rt, "len");
        // python3: max(['bb', 'a', 'cc'], key=len), min(...)
        assert_eq!(call(heap, rt, "max", &[wl], &[("key", len)])?, "'bb'");
        assert_eq!(call(heap, rt, "min", &[wl], &[("key", len)])?, "'a'");
        assert_eq!(call(heap, rt, "max", &[wl], &[])?, "'cc'");
        let empty = heap.new_list(&[])?;
        assert_eq!(call(heap, rt, "max", &[empty], &[("default", one)])?, "1");
        drop(heap, &[f, base, class, inst, one, wl, empty]);
        drop(heap, &words);
        Ok(())
    });
}
