//! The methods of the built-in kinds: `str.split`, `list.append`, `dict.get`…
//!
//! [`call_method`] runs `receiver.name(*args, **kwargs)` when `receiver` is a built-in kind
//! with that method, and says `None` otherwise (the evaluator then looks elsewhere).
//! [`has_method`] tells the evaluator whether `obj.name` is a built-in method, for a bound
//! method read without being called.
//!
//! Known difference: `dict.keys()`, `values()` and `items()` return new lists (of tuples
//! for `items`), not views: a view's later changes are not seen.

use refcount::{Kind, ObjRef, Object, Result};

use crate::ast::CmpOp;
use crate::builtins::{arity, int_arg, is_none, kwarg, only_kwargs, raise_with_args};
use crate::eval;
use crate::ops::{self, drop_all, new_ref, type_name};
use crate::runtime::{PyHeap, Runtime, raise};

/// Every built-in method, by the kind it belongs to.
pub const METHODS: &[(Kind, &str)] = &[
    (Kind::Str, "join"),
    (Kind::Str, "split"),
    (Kind::Str, "rsplit"),
    (Kind::Str, "strip"),
    (Kind::Str, "lstrip"),
    (Kind::Str, "rstrip"),
    (Kind::Str, "upper"),
    (Kind::Str, "lower"),
    (Kind::Str, "swapcase"),
    (Kind::Str, "title"),
    (Kind::Str, "capitalize"),
    (Kind::Str, "startswith"),
    (Kind::Str, "endswith"),
    (Kind::Str, "replace"),
    (Kind::Str, "find"),
    (Kind::Str, "rfind"),
    (Kind::Str, "index"),
    (Kind::Str, "rindex"),
    (Kind::Str, "count"),
    (Kind::Str, "isdigit"),
    (Kind::Str, "isalpha"),
    (Kind::Str, "isalnum"),
    (Kind::Str, "isspace"),
    (Kind::Str, "isupper"),
    (Kind::Str, "islower"),
    (Kind::Str, "format"),
    (Kind::Str, "center"),
    (Kind::Str, "ljust"),
    (Kind::Str, "rjust"),
    (Kind::Str, "zfill"),
    (Kind::Str, "splitlines"),
    (Kind::Str, "partition"),
    (Kind::Str, "rpartition"),
    (Kind::Str, "removeprefix"),
    (Kind::Str, "removesuffix"),
    (Kind::List, "append"),
    (Kind::List, "extend"),
    (Kind::List, "insert"),
    (Kind::List, "pop"),
    (Kind::List, "remove"),
    (Kind::List, "index"),
    (Kind::List, "count"),
    (Kind::List, "clear"),
    (Kind::List, "sort"),
    (Kind::List, "reverse"),
    (Kind::List, "copy"),
    (Kind::Dict, "get"),
    (Kind::Dict, "keys"),
    (Kind::Dict, "values"),
    (Kind::Dict, "items"),
    (Kind::Dict, "pop"),
    (Kind::Dict, "popitem"),
    (Kind::Dict, "setdefault"),
    (Kind::Dict, "update"),
    (Kind::Dict, "clear"),
    (Kind::Dict, "copy"),
    (Kind::Set, "add"),
    (Kind::Set, "discard"),
    (Kind::Set, "remove"),
    (Kind::Set, "pop"),
    (Kind::Set, "clear"),
    (Kind::Set, "union"),
    (Kind::Set, "intersection"),
    (Kind::Set, "difference"),
    (Kind::Set, "symmetric_difference"),
    (Kind::Set, "issubset"),
    (Kind::Set, "issuperset"),
    (Kind::Set, "isdisjoint"),
    (Kind::Set, "update"),
    (Kind::Set, "copy"),
    (Kind::Tuple, "index"),
    (Kind::Tuple, "count"),
    (Kind::Int, "bit_length"),
    (Kind::Float, "is_integer"),
];

/// Whether objects of `kind` have the built-in method `name` (a bool has int's).
pub fn has_method(kind: Kind, name: &str) -> bool {
    let kind = if kind == Kind::Bool { Kind::Int } else { kind };
    METHODS.iter().any(|&(k, n)| k == kind && n == name)
}

/// `receiver.name` read without a call (`f = l.append`): a bound method object (a new
/// reference) whose function calls [`call_method`], or `None` if there is no such method.
/// It shows as CPython's `<built-in method append of list object at 0x…>`.
pub fn bound_method(
    heap: &mut PyHeap,
    rt: &std::rc::Rc<Runtime>,
    receiver: ObjRef,
    name: &str,
) -> Result<Option<ObjRef>> {
    let kind = heap.kind(receiver)?;
    if !has_method(kind, name) {
        return Ok(None);
    }
    let method = name.to_string();
    let qual = format!("{}.{name}", kind.builtin_name());
    let function =
        crate::builtins::native(
            heap,
            rt,
            &qual,
            move |heap, rt, args, kwargs| match call_method(
                heap,
                rt,
                args[0],
                &method,
                &args[1..],
                kwargs,
            )? {
                Some(r) => Ok(r),
                None => raise("TypeError", format!("no method {method}")),
            },
        )?;
    let bound = heap.new_method(function, receiver);
    heap.decref(function)?;
    bound.map(Some)
}

/// Whether `function` (bound to `receiver`) is one made by [`bound_method`].
pub fn is_builtin_method(heap: &PyHeap, function: ObjRef, receiver: ObjRef) -> bool {
    let (Ok(Object::Function(f)), Ok(kind)) = (heap.get(function), heap.kind(receiver)) else {
        return false;
    };
    f.qualname()
        .split_once('.')
        .is_some_and(|(k, n)| k == kind.builtin_name() && has_method(kind, n))
}

/// `receiver.name(*args, **kwargs)` for a built-in method: `Some(result)` (a new
/// reference), or `None` when `receiver`'s kind has no such method.
pub fn call_method(
    heap: &mut PyHeap,
    rt: &Runtime,
    receiver: ObjRef,
    name: &str,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<Option<ObjRef>> {
    let kind = heap.kind(receiver)?;
    if !has_method(kind, name) {
        return Ok(None);
    }
    let qual = format!("{}.{name}", kind.builtin_name());
    let takes_kwargs = matches!(
        (kind, name),
        (Kind::Str, "split" | "rsplit" | "splitlines" | "format")
            | (Kind::List, "sort")
            | (Kind::Dict, "update")
    );
    if !takes_kwargs && !kwargs.is_empty() {
        return raise("TypeError", format!("{qual}() takes no keyword arguments"));
    }
    let m = Call {
        rt,
        receiver,
        name,
        qual: &qual,
        args,
        kwargs,
    };
    match kind {
        Kind::Str => str_method(heap, &m),
        Kind::List => list_method(heap, &m),
        Kind::Dict => dict_method(heap, &m),
        Kind::Set => set_method(heap, &m),
        Kind::Tuple => tuple_method(heap, &m),
        _ => number_method(heap, &m),
    }
    .map(Some)
}

struct Call<'a> {
    rt: &'a Runtime,
    receiver: ObjRef,
    name: &'a str,
    qual: &'a str,
    args: &'a [ObjRef],
    kwargs: &'a [(&'a str, ObjRef)],
}

impl Call<'_> {
    fn no_args(&self) -> Result<()> {
        if self.args.is_empty() {
            Ok(())
        } else {
            raise(
                "TypeError",
                format!(
                    "{}() takes no arguments ({} given)",
                    self.qual,
                    self.args.len()
                ),
            )
        }
    }

    fn arity(&self, min: usize, max: usize) -> Result<()> {
        if min == 1 && max == 1 && self.args.len() != 1 {
            return raise(
                "TypeError",
                format!(
                    "{}() takes exactly one argument ({} given)",
                    self.qual,
                    self.args.len()
                ),
            );
        }
        arity(self.name, self.args, min, max)
    }
}

fn new_strs(heap: &mut PyHeap, parts: &[String]) -> Result<Vec<ObjRef>> {
    let mut out = Vec::with_capacity(parts.len());
    for p in parts {
        match heap.new_str(p) {
            Ok(s) => out.push(s),
            Err(e) => {
                drop_all(heap, out)?;
                return Err(e);
            }
        }
    }
    Ok(out)
}

fn str_list(heap: &mut PyHeap, parts: &[String]) -> Result<ObjRef> {
    let strs = new_strs(heap, parts)?;
    let list = heap.new_list(&strs);
    drop_all(heap, strs)?;
    list
}

fn str_tuple(heap: &mut PyHeap, parts: &[String]) -> Result<ObjRef> {
    let strs = new_strs(heap, parts)?;
    let t = heap.new_tuple(&strs);
    drop_all(heap, strs)?;
    t
}

fn str_arg(heap: &PyHeap, obj: ObjRef, what: &str) -> Result<String> {
    match heap.get(obj)? {
        Object::Str(s) => Ok(s.to_string()),
        _ => raise(
            "TypeError",
            format!("{what} must be str, not {}", type_name(heap, obj)),
        ),
    }
}

/// An optional `start`/`end` argument: an int or None.
fn opt_index(heap: &PyHeap, args: &[ObjRef], i: usize) -> Result<Option<i64>> {
    match args.get(i) {
        Some(&a) if is_none(heap, a) => Ok(None),
        Some(&a) => match ops::as_index(heap, a) {
            Some(v) => Ok(Some(v)),
            None => raise(
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            ),
        },
        None => Ok(None),
    }
}

/// `s[start:end]` bounds as char positions.
fn char_bounds(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let clamp = |v: Option<i64>, default: usize| match v {
        None => default,
        Some(v) if v < 0 => (v + len as i64).max(0) as usize,
        Some(v) => (v as usize).min(len),
    };
    (clamp(start, 0), clamp(end, len))
}

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn split_whitespace(s: &str, maxsplit: i64, from_right: bool) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut parts = Vec::new();
    if !from_right {
        let mut i = 0;
        let n = chars.len();
        while i < n {
            while i < n && is_py_space(chars[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(chars[i..].iter().collect());
                break;
            }
            let start = i;
            while i < n && !is_py_space(chars[i]) {
                i += 1;
            }
            parts.push(chars[start..i].iter().collect());
        }
    } else {
        let mut i = chars.len();
        while i > 0 {
            while i > 0 && is_py_space(chars[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(chars[..i].iter().collect());
                break;
            }
            let end = i;
            while i > 0 && !is_py_space(chars[i - 1]) {
                i -= 1;
            }
            parts.push(chars[i..end].iter().collect());
        }
        parts.reverse();
    }
    parts
}

fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + 1;
            if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                end += 1;
            }
            let line_end = if keepends { end } else { i };
            out.push(chars[start..line_end].iter().collect());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    out
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_lowercase() || c.is_uppercase();
    }
    out
}

fn fill_char(heap: &PyHeap, args: &[ObjRef], i: usize, qual: &str) -> Result<char> {
    let Some(&f) = args.get(i) else {
        return Ok(' ');
    };
    let Object::Str(s) = heap.get(f)? else {
        return raise(
            "TypeError",
            format!(
                "{qual}() argument 2 must be str, not {}",
                type_name(heap, f)
            ),
        );
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => raise(
            "TypeError",
            "The fill character must be exactly one character long",
        ),
    }
}

fn str_method(heap: &mut PyHeap, m: &Call) -> Result<ObjRef> {
    let s = heap.as_str(m.receiver)?.to_string();
    let args = m.args;
    let out_str = |heap: &mut PyHeap, v: &str| heap.new_str(v);
    match m.name {
        "upper" | "lower" | "swapcase" | "title" | "capitalize" => {
            m.no_args()?;
            let v = match m.name {
                "upper" => s.to_uppercase(),
                "lower" => s.to_lowercase(),
                "swapcase" => s
                    .chars()
                    .flat_map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<Vec<_>>()
                        } else {
                            c.to_uppercase().collect()
                        }
                    })
                    .collect(),
                "title" => title(&s),
                _ => {
                    let mut chars = s.chars();
                    match chars.next() {
                        Some(c) => c
                            .to_uppercase()
                            .chain(chars.as_str().to_lowercase().chars())
                            .collect(),
                        None => String::new(),
                    }
                }
            };
            out_str(heap, &v)
        }
        "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" => {
            m.no_args()?;
            let t = match m.name {
                "isdigit" => {
                    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c.is_numeric())
                }
                "isalpha" => !s.is_empty() && s.chars().all(char::is_alphabetic),
                "isalnum" => !s.is_empty() && s.chars().all(char::is_alphanumeric),
                "isspace" => !s.is_empty() && s.chars().all(is_py_space),
                "isupper" => {
                    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
                }
                _ => s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
            };
            heap.new_bool(t)
        }
        "strip" | "lstrip" | "rstrip" => {
            m.arity(0, 1)?;
            let chars = match args.first() {
                Some(&a) if !is_none(heap, a) => match heap.get(a)? {
                    Object::Str(x) => Some(x.to_string()),
                    _ => return raise("TypeError", format!("{} arg must be None or str", m.name)),
                },
                _ => None,
            };
            let pred = |c: char| match &chars {
                Some(set) => set.contains(c),
                None => is_py_space(c),
            };
            let v = match m.name {
                "strip" => s.trim_matches(pred),
                "lstrip" => s.trim_start_matches(pred),
                _ => s.trim_end_matches(pred),
            };
            let v = v.to_string();
            if v.len() == s.len() {
                return new_ref(heap, m.receiver);
            }
            out_str(heap, &v)
        }
        "split" | "rsplit" => {
            only_kwargs(m.name, m.kwargs, &["sep", "maxsplit"])?;
            m.arity(0, 2)?;
            let sep = args.first().copied().or(kwarg(m.kwargs, "sep"));
            let maxsplit = match args.get(1).copied().or(kwarg(m.kwargs, "maxsplit")) {
                Some(v) => int_arg(heap, v)?,
                None => -1,
            };
            let parts: Vec<String> = match sep {
                Some(sep) if !is_none(heap, sep) => {
                    let sep = str_arg(heap, sep, "must be str or None, not").or_else(|_| {
                        raise(
                            "TypeError",
                            format!("must be str or None, not {}", type_name(heap, sep)),
                        )
                    })?;
                    if sep.is_empty() {
                        return raise("ValueError", "empty separator");
                    }
                    match (m.name, maxsplit) {
                        (_, n) if n < 0 => s.split(sep.as_str()).map(str::to_string).collect(),
                        ("split", n) => s
                            .splitn(n as usize + 1, sep.as_str())
                            .map(str::to_string)
                            .collect(),
                        (_, n) => {
                            let mut v: Vec<String> = s
                                .rsplitn(n as usize + 1, sep.as_str())
                                .map(str::to_string)
                                .collect();
                            v.reverse();
                            v
                        }
                    }
                }
                _ => split_whitespace(&s, maxsplit, m.name == "rsplit"),
            };
            str_list(heap, &parts)
        }
        "splitlines" => {
            only_kwargs(m.name, m.kwargs, &["keepends"])?;
            m.arity(0, 1)?;
            let keep = match args.first().copied().or(kwarg(m.kwargs, "keepends")) {
                Some(k) => ops::truthy(heap, m.rt, k)?,
                None => false,
            };
            str_list(heap, &splitlines(&s, keep))
        }
        "join" => {
            m.arity(1, 1)?;
            let items = ops::iterate(heap, m.rt, args[0])?;
            let mut out = String::new();
            let mut result = Ok(());
            for (i, &item) in items.iter().enumerate() {
                match heap.get(item)? {
                    Object::Str(x) => {
                        if i > 0 {
                            out.push_str(&s);
                        }
                        out.push_str(x);
                    }
                    _ => {
                        result = raise(
                            "TypeError",
                            format!(
                                "sequence item {i}: expected str instance, {} found",
                                type_name(heap, item)
                            ),
                        );
                        break;
                    }
                }
            }
            let single = (items.len() == 1 && result.is_ok()).then(|| items[0]);
            drop_all(heap, items)?;
            result?;
            match single {
                Some(x) => new_ref(heap, x),
                None => out_str(heap, &out),
            }
        }
        "startswith" | "endswith" => {
            m.arity(1, 3)?;
            let chars: Vec<char> = s.chars().collect();
            let (a, b) = char_bounds(
                chars.len(),
                opt_index(heap, args, 1)?,
                opt_index(heap, args, 2)?,
            );
            let part: String = if a <= b {
                chars[a..b].iter().collect()
            } else {
                String::new()
            };
            let candidates = match heap.get(args[0])? {
                Object::Str(p) => vec![p.to_string()],
                Object::Tuple(items) => {
                    let items = items.to_vec();
                    let mut v = Vec::new();
                    for i in items {
                        match heap.get(i)? {
                            Object::Str(p) => v.push(p.to_string()),
                            _ => {
                                return raise(
                                    "TypeError",
                                    format!(
                                        "tuple for {} must only contain str, not {}",
                                        m.name,
                                        type_name(heap, i)
                                    ),
                                );
                            }
                        }
                    }
                    v
                }
                _ => {
                    return raise(
                        "TypeError",
                        format!(
                            "{} first arg must be str or a tuple of str, not {}",
                            m.name,
                            type_name(heap, args[0])
                        ),
                    );
                }
            };
            let t = a <= b
                && candidates.iter().any(|p| {
                    if m.name == "startswith" {
                        part.starts_with(p.as_str())
                    } else {
                        part.ends_with(p.as_str())
                    }
                });
            heap.new_bool(t)
        }
        "replace" => {
            m.arity(2, 3)?;
            let old = str_arg(heap, args[0], "replace() argument 1")?;
            let new = str_arg(heap, args[1], "replace() argument 2")?;
            let count = match args.get(2) {
                Some(&c) => int_arg(heap, c)?,
                None => -1,
            };
            let v = if count < 0 {
                s.replace(&old, &new)
            } else {
                s.replacen(&old, &new, count as usize)
            };
            out_str(heap, &v)
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            m.arity(1, 3)?;
            let sub = match heap.get(args[0])? {
                Object::Str(x) => x.to_string(),
                _ => {
                    return raise(
                        "TypeError",
                        format!("must be str, not {}", type_name(heap, args[0])),
                    );
                }
            };
            let chars: Vec<char> = s.chars().collect();
            let (a, b) = char_bounds(
                chars.len(),
                opt_index(heap, args, 1)?,
                opt_index(heap, args, 2)?,
            );
            if m.name == "count" {
                if a > b {
                    return heap.new_int(0);
                }
                let hay: String = chars[a..b].iter().collect();
                let n = if sub.is_empty() {
                    b - a + 1
                } else {
                    hay.matches(sub.as_str()).count()
                };
                return heap.new_int(n as i64);
            }
            let found = if a > b {
                None
            } else {
                let hay: String = chars[a..b].iter().collect();
                let byte = if m.name.starts_with('r') {
                    hay.rfind(sub.as_str())
                } else {
                    hay.find(sub.as_str())
                };
                byte.map(|p| a + hay[..p].chars().count())
            };
            match (found, m.name) {
                (Some(i), _) => heap.new_int(i as i64),
                (None, "find" | "rfind") => heap.new_int(-1),
                (None, _) => raise("ValueError", "substring not found"),
            }
        }
        "format" => {
            let v = crate::format::str_format(heap, m.rt, &s, args, m.kwargs)?;
            out_str(heap, &v)
        }
        "center" | "ljust" | "rjust" => {
            m.arity(1, 2)?;
            let width = int_arg(heap, args[0])?;
            let fill = fill_char(heap, args, 1, m.qual)?;
            let n = s.chars().count() as i64;
            if width <= n {
                return new_ref(heap, m.receiver);
            }
            let pad = (width - n) as usize;
            let (left, right) = match m.name {
                "ljust" => (0, pad),
                "rjust" => (pad, 0),
                _ => {
                    let left = pad / 2 + (pad & width as usize & 1);
                    (left, pad - left)
                }
            };
            let f = fill.to_string();
            let v = format!("{}{s}{}", f.repeat(left), f.repeat(right));
            out_str(heap, &v)
        }
        "zfill" => {
            m.arity(1, 1)?;
            let width = int_arg(heap, args[0])?;
            let n = s.chars().count() as i64;
            if width <= n {
                return new_ref(heap, m.receiver);
            }
            let zeros = "0".repeat((width - n) as usize);
            let v = match s.chars().next() {
                Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
                _ => format!("{zeros}{s}"),
            };
            out_str(heap, &v)
        }
        "partition" | "rpartition" => {
            m.arity(1, 1)?;
            let sep = str_arg(heap, args[0], "must be str, not").or_else(|_| {
                raise(
                    "TypeError",
                    format!("must be str, not {}", type_name(heap, args[0])),
                )
            })?;
            if sep.is_empty() {
                return raise("ValueError", "empty separator");
            }
            let found = if m.name == "partition" {
                s.find(&sep)
            } else {
                s.rfind(&sep)
            };
            let parts = match found {
                Some(i) => [
                    s[..i].to_string(),
                    sep.clone(),
                    s[i + sep.len()..].to_string(),
                ],
                None if m.name == "partition" => [s.clone(), String::new(), String::new()],
                None => [String::new(), String::new(), s.clone()],
            };
            str_tuple(heap, &parts)
        }
        "removeprefix" | "removesuffix" => {
            m.arity(1, 1)?;
            let p = str_arg(heap, args[0], &format!("{}() argument", m.qual))?;
            let v = if m.name == "removeprefix" {
                s.strip_prefix(p.as_str())
            } else {
                s.strip_suffix(p.as_str())
            };
            match v {
                Some(v) if !p.is_empty() => {
                    let v = v.to_string();
                    out_str(heap, &v)
                }
                _ => new_ref(heap, m.receiver),
            }
        }
        _ => unreachable!("listed in METHODS"),
    }
}

/// The position of the first item equal to `x` in `items` (identity first).
fn position(heap: &mut PyHeap, rt: &Runtime, items: &[ObjRef], x: ObjRef) -> Result<Option<usize>> {
    for (i, &item) in items.iter().enumerate() {
        if ops::item_eq(heap, rt, item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn count(heap: &mut PyHeap, rt: &Runtime, items: &[ObjRef], x: ObjRef) -> Result<ObjRef> {
    let mut n = 0;
    for &item in items {
        if ops::item_eq(heap, rt, item, x)? {
            n += 1;
        }
    }
    heap.new_int(n)
}

fn index_in(
    heap: &mut PyHeap,
    m: &Call,
    items: &[ObjRef],
    not_found: impl FnOnce(&mut PyHeap) -> Result<String>,
) -> Result<ObjRef> {
    m.arity(1, 3)?;
    let (a, b) = char_bounds(
        items.len(),
        opt_index(heap, m.args, 1)?,
        opt_index(heap, m.args, 2)?,
    );
    if a < b
        && let Some(i) = position(heap, m.rt, &items[a..b], m.args[0])?
    {
        return heap.new_int((a + i) as i64);
    }
    let msg = not_found(heap)?;
    raise("ValueError", msg)
}

fn list_method(heap: &mut PyHeap, m: &Call) -> Result<ObjRef> {
    let list = m.receiver;
    let args = m.args;
    match m.name {
        "append" => {
            m.arity(1, 1)?;
            heap.list_append(list, args[0])?;
            heap.none()
        }
        "extend" => {
            m.arity(1, 1)?;
            let r = ops::inplace(heap, m.rt, crate::ast::BinOp::Add, list, args[0])?;
            heap.decref(r)?;
            heap.none()
        }
        "insert" => {
            if args.len() != 2 {
                return raise(
                    "TypeError",
                    format!("insert expected 2 arguments, got {}", args.len()),
                );
            }
            let i = int_arg(heap, args[0])?;
            let len = heap.list_len(list)? as i64;
            let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
            ops::list_insert(heap, list, i as usize, args[1])?;
            heap.none()
        }
        "pop" => {
            m.arity(0, 1)?;
            let len = heap.list_len(list)?;
            if len == 0 {
                return raise("IndexError", "pop from empty list");
            }
            let i = match args.first() {
                Some(&a) => int_arg(heap, a)?,
                None => -1,
            };
            let k = if i < 0 { i + len as i64 } else { i };
            if !(0..len as i64).contains(&k) {
                return raise("IndexError", "pop index out of range");
            }
            ops::list_take(heap, list, k as usize)
        }
        "remove" => {
            m.arity(1, 1)?;
            let items = ops::seq_items(heap, list)?;
            match position(heap, m.rt, &items, args[0])? {
                Some(i) if i < heap.list_len(list)? => {
                    let item = ops::list_take(heap, list, i)?;
                    heap.decref(item)?;
                    heap.none()
                }
                _ => raise("ValueError", "list.remove(x): x not in list"),
            }
        }
        "index" => {
            let items = ops::seq_items(heap, list)?;
            let x = args.first().copied();
            index_in(heap, m, &items, |heap| {
                let r = ops::repr(heap, m.rt, x.expect("arity checked"))?;
                Ok(format!("{r} is not in list"))
            })
        }
        "count" => {
            m.arity(1, 1)?;
            let items = ops::seq_items(heap, list)?;
            count(heap, m.rt, &items, args[0])
        }
        "clear" => {
            m.no_args()?;
            // Items dropped from the last to the first, as `list_clear` does.
            heap.clear(list)?;
            heap.none()
        }
        "sort" => {
            m.no_args()
                .or_else(|_| raise("TypeError", "sort() takes no positional arguments"))?;
            list_sort(heap, m.rt, list, m.kwargs)?;
            heap.none()
        }
        "reverse" => {
            m.no_args()?;
            let mut items = ops::seq_items(heap, list)?;
            items.reverse();
            ops::list_replace(heap, list, &items)?;
            heap.none()
        }
        "copy" => {
            m.no_args()?;
            let items = ops::seq_items(heap, list)?;
            heap.new_list(&items)
        }
        _ => unreachable!("listed in METHODS"),
    }
}

/// A stable merge sort with a fallible `less`: CPython's sort only asks `<`, and a
/// comparison that raises stops it.
fn merge_sort(
    idx: &mut Vec<usize>,
    less: &mut dyn FnMut(usize, usize) -> Result<bool>,
) -> Result<()> {
    if idx.len() <= 1 {
        return Ok(());
    }
    let mut right = idx.split_off(idx.len() / 2);
    merge_sort(idx, less)?;
    merge_sort(&mut right, less)?;
    let left = std::mem::take(idx);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if less(right[j], left[i])? {
            idx.push(right[j]);
            j += 1;
        } else {
            idx.push(left[i]);
            i += 1;
        }
    }
    idx.extend_from_slice(&left[i..]);
    idx.extend_from_slice(&right[j..]);
    Ok(())
}

/// `list.sort(key=None, reverse=False)`: stable; `reverse` keeps equal items in order (the
/// list is reversed, sorted and reversed again, as CPython does).
pub fn list_sort(
    heap: &mut PyHeap,
    rt: &Runtime,
    list: ObjRef,
    kwargs: &[(&str, ObjRef)],
) -> Result<()> {
    only_kwargs("sort", kwargs, &["key", "reverse"])?;
    let key = kwarg(kwargs, "key").filter(|&k| !is_none(heap, k));
    let reverse = match kwarg(kwargs, "reverse") {
        Some(r) => ops::truthy(heap, rt, r)?,
        None => false,
    };
    let mut items = ops::seq_items(heap, list)?;
    for &i in &items {
        heap.incref(i)?;
    }
    let held = items.clone();
    if reverse {
        items.reverse();
    }
    let result = (|| {
        let mut keys = Vec::with_capacity(items.len());
        if let Some(k) = key {
            for &i in &items {
                match eval::call(heap, rt, k, &[i], &[]) {
                    Ok(v) => keys.push(v),
                    Err(e) => {
                        drop_all(heap, keys)?;
                        return Err(e);
                    }
                }
            }
        }
        let key_of = |i: usize| if key.is_some() { keys[i] } else { items[i] };
        let mut order: Vec<usize> = (0..items.len()).collect();
        let sorted = merge_sort(&mut order, &mut |a, b| {
            ops::compare(heap, rt, CmpOp::Lt, key_of(a), key_of(b))
        });
        if key.is_some() {
            drop_all(heap, keys.clone())?;
        }
        sorted?;
        let mut out: Vec<ObjRef> = order.into_iter().map(|i| items[i]).collect();
        if reverse {
            out.reverse();
        }
        ops::list_replace(heap, list, &out)
    })();
    drop_all(heap, held)?;
    result
}

fn dict_method(heap: &mut PyHeap, m: &Call) -> Result<ObjRef> {
    let d = m.receiver;
    let args = m.args;
    match m.name {
        "get" => {
            m.arity(1, 2)?;
            ops::hash_check(heap, m.rt, args[0])?;
            match heap.dict_get(d, args[0])? {
                Some(v) => new_ref(heap, v),
                None => match args.get(1) {
                    Some(&default) => new_ref(heap, default),
                    None => heap.none(),
                },
            }
        }
        "keys" | "values" | "items" => {
            m.no_args()?;
            let entries = ops::dict_entries(heap, d)?;
            let mut out = Vec::with_capacity(entries.len());
            for (k, v) in entries {
                out.push(match m.name {
                    "keys" => new_ref(heap, k)?,
                    "values" => new_ref(heap, v)?,
                    _ => heap.new_tuple(&[k, v])?,
                });
            }
            let list = heap.new_list(&out);
            drop_all(heap, out)?;
            list
        }
        "pop" => {
            m.arity(1, 2)?;
            ops::hash_check(heap, m.rt, args[0])?;
            match heap.dict_get(d, args[0])? {
                Some(v) => {
                    heap.incref(v)?;
                    heap.dict_del(d, args[0])?;
                    Ok(v)
                }
                None => match args.get(1) {
                    Some(&default) => new_ref(heap, default),
                    None => ops::key_error(heap, m.rt, args[0]),
                },
            }
        }
        "popitem" => {
            m.no_args()?;
            let Some(&(k, v)) = ops::dict_entries(heap, d)?.last() else {
                let msg = heap.new_str("popitem(): dictionary is empty")?;
                let r = raise_with_args(
                    heap,
                    m.rt,
                    "KeyError",
                    &[msg],
                    "'popitem(): dictionary is empty'",
                );
                heap.decref(msg)?;
                return r;
            };
            let t = heap.new_tuple(&[k, v])?;
            heap.dict_del(d, k)?;
            Ok(t)
        }
        "setdefault" => {
            m.arity(1, 2)?;
            ops::hash_check(heap, m.rt, args[0])?;
            if let Some(v) = heap.dict_get(d, args[0])? {
                return new_ref(heap, v);
            }
            let v = match args.get(1) {
                Some(&v) => new_ref(heap, v)?,
                None => heap.none()?,
            };
            let r = heap.dict_set(d, args[0], v);
            if let Err(e) = r {
                heap.decref(v)?;
                return Err(e);
            }
            Ok(v)
        }
        "update" => {
            m.arity(0, 1)?;
            if let Some(&src) = args.first() {
                crate::builtins::dict_merge(heap, m.rt, d, src)?;
            }
            for &(k, v) in m.kwargs {
                let key = heap.new_str(k)?;
                let r = heap.dict_set(d, key, v);
                heap.decref(key)?;
                r?;
            }
            heap.none()
        }
        "clear" => {
            m.no_args()?;
            heap.clear(d)?;
            heap.none()
        }
        "copy" => {
            m.no_args()?;
            let copy = heap.new_dict()?;
            for (k, v) in ops::dict_entries(heap, d)? {
                heap.dict_set(copy, k, v)?;
            }
            Ok(copy)
        }
        _ => unreachable!("listed in METHODS"),
    }
}

/// The items of `obj` as a set: itself if it is one, else a new set of its items.
fn as_set(heap: &mut PyHeap, rt: &Runtime, obj: ObjRef) -> Result<ObjRef> {
    if heap.kind(obj)? == Kind::Set {
        return new_ref(heap, obj);
    }
    let items = ops::iterate(heap, rt, obj)?;
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

fn set_method(heap: &mut PyHeap, m: &Call) -> Result<ObjRef> {
    let s = m.receiver;
    let args = m.args;
    let rt = m.rt;
    match m.name {
        "add" => {
            m.arity(1, 1)?;
            ops::hash_check(heap, rt, args[0])?;
            heap.set_add(s, args[0])?;
            heap.none()
        }
        "discard" | "remove" => {
            m.arity(1, 1)?;
            ops::hash_check(heap, rt, args[0])?;
            let found = heap.set_discard(s, args[0])?;
            if !found && m.name == "remove" {
                return ops::key_error(heap, rt, args[0]);
            }
            heap.none()
        }
        "pop" => {
            m.no_args()?;
            let Some(&first) = heap.set_items(s)?.first() else {
                let msg = heap.new_str("pop from an empty set")?;
                let r = raise_with_args(heap, rt, "KeyError", &[msg], "'pop from an empty set'");
                heap.decref(msg)?;
                return r;
            };
            heap.incref(first)?;
            heap.set_discard(s, first)?;
            Ok(first)
        }
        "clear" => {
            m.no_args()?;
            heap.clear(s)?;
            heap.none()
        }
        "copy" => {
            m.no_args()?;
            let items = heap.set_items(s)?.to_vec();
            heap.new_set(&items)
        }
        "update" => {
            for &o in args {
                let other = as_set(heap, rt, o)?;
                let items = heap.set_items(other)?.to_vec();
                let r = items.iter().try_for_each(|&i| heap.set_add(s, i));
                heap.decref(other)?;
                r?;
            }
            heap.none()
        }
        "union" | "intersection" | "difference" | "symmetric_difference" => {
            if m.name == "symmetric_difference" {
                m.arity(1, 1)?;
            }
            let op = match m.name {
                "union" => crate::ast::BinOp::BitOr,
                "intersection" => crate::ast::BinOp::BitAnd,
                "difference" => crate::ast::BinOp::Sub,
                _ => crate::ast::BinOp::BitXor,
            };
            let mut acc = {
                let items = heap.set_items(s)?.to_vec();
                heap.new_set(&items)?
            };
            for &o in args {
                let other = match as_set(heap, rt, o) {
                    Ok(v) => v,
                    Err(e) => {
                        heap.decref(acc)?;
                        return Err(e);
                    }
                };
                let next = ops::binary(heap, rt, op, acc, other);
                drop_all(heap, vec![other, acc])?;
                acc = next?;
            }
            Ok(acc)
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            m.arity(1, 1)?;
            let other = as_set(heap, rt, args[0])?;
            let (a, b) = if m.name == "issuperset" {
                (other, s)
            } else {
                (s, other)
            };
            let items = heap.set_items(a)?.to_vec();
            let mut t = true;
            for i in items {
                let inside = heap.set_contains(b, i)?;
                if (m.name == "isdisjoint") == inside {
                    t = false;
                    break;
                }
            }
            heap.decref(other)?;
            heap.new_bool(t)
        }
        _ => unreachable!("listed in METHODS"),
    }
}

fn tuple_method(heap: &mut PyHeap, m: &Call) -> Result<ObjRef> {
    let items = ops::seq_items(heap, m.receiver)?;
    match m.name {
        "count" => {
            m.arity(1, 1)?;
            count(heap, m.rt, &items, m.args[0])
        }
        _ => index_in(heap, m, &items, |_| {
            Ok("tuple.index(x): x not in tuple".into())
        }),
    }
}

fn number_method(heap: &mut PyHeap, m: &Call) -> Result<ObjRef> {
    m.no_args()?;
    match (m.name, heap.get(m.receiver)?) {
        ("bit_length", _) => {
            let i = ops::as_index(heap, m.receiver).expect("an int");
            let n = 64 - i.unsigned_abs().leading_zeros();
            heap.new_int(n as i64)
        }
        ("is_integer", Object::Float(f)) => {
            let t = f.is_finite() && f.fract() == 0.0;
            heap.new_bool(t)
        }
        _ => unreachable!("listed in METHODS"),
    }
}
