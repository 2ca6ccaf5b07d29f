//! Formatting: the format-spec mini-language (`format(x, spec)`, f-strings' `{x:spec}`,
//! `str.format`), and printf-style `str % args`.

use refcount::{ObjRef, Object, Result};

use crate::eval;
use crate::ops::{self, type_name};
use crate::runtime::{PyHeap, Runtime, raise};

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Default, Clone)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    z: bool,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str, type_name: &str) -> Result<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        s.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        s.z = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alt = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        (start < *i).then(|| chars[start..*i].iter().collect::<String>())
    };
    let too_big = || raise("ValueError", "Too many decimal digits in format string");
    if let Some(w) = digits(&mut i) {
        s.width = w.parse().or_else(|_| too_big())?;
    }
    if let Some(&c @ (',' | '_')) = chars.get(i) {
        s.grouping = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        match digits(&mut i) {
            Some(p) => s.precision = Some(p.parse().or_else(|_| too_big())?),
            None => return raise("ValueError", "Format specifier missing precision"),
        }
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return raise(
            "ValueError",
            format!("Invalid format specifier '{spec}' for object of type '{type_name}'"),
        );
    }
    Ok(s)
}

fn unknown_code<T>(c: char, type_name: &str) -> Result<T> {
    raise(
        "ValueError",
        format!("Unknown format code '{c}' for object of type '{type_name}'"),
    )
}

/// Inserts `sep` every `every` digits from the right of `digits`.
fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// Pads `prefix` (sign and `0x`) + `body` to the spec's width. Numbers align right; with
/// `=` (or the `0` flag) the padding goes between the prefix and the digits, and zero
/// padding of grouped digits gets separators too.
fn pad(spec: &Spec, prefix: &str, body: &str, default_align: char, every: usize) -> String {
    let fill = spec.fill.unwrap_or(if spec.zero && spec.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = spec
        .align
        .unwrap_or(if spec.zero { '=' } else { default_align });
    let len = prefix.chars().count() + body.chars().count();
    if len >= spec.width {
        return format!("{prefix}{body}");
    }
    if fill == '0'
        && align == '='
        && let Some(sep) = spec.grouping
    {
        // Zero padding is grouped: "00,001,234".
        let split = body
            .find(|c: char| !c.is_ascii_digit() && c != sep)
            .unwrap_or(body.len());
        let (int_part, rest) = body.split_at(split);
        let mut digits: String = int_part.chars().filter(|&c| c != sep).collect();
        loop {
            let grouped = group(&digits, sep, every);
            if prefix.chars().count() + grouped.chars().count() + rest.chars().count() >= spec.width
            {
                return format!("{prefix}{grouped}{rest}");
            }
            digits.insert(0, '0');
        }
    }
    let n = spec.width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{prefix}{body}{}", f(n)),
        '^' => format!("{}{prefix}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{prefix}{}{body}", f(n)),
        _ => format!("{}{prefix}{body}", f(n)),
    }
}

fn sign_text(spec: &Spec, negative: bool) -> &'static str {
    match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_int(v: i64, spec: &Spec) -> Result<String> {
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(v as f64, spec);
    }
    if spec.precision.is_some() {
        return raise(
            "ValueError",
            "Precision not allowed in integer format specifier",
        );
    }
    let (radix_digits, prefix, every) = match ty {
        'd' | 'n' => (v.unsigned_abs().to_string(), "", 3),
        'b' => (format!("{:b}", v.unsigned_abs()), "0b", 4),
        'o' => (format!("{:o}", v.unsigned_abs()), "0o", 4),
        'x' => (format!("{:x}", v.unsigned_abs()), "0x", 4),
        'X' => (format!("{:X}", v.unsigned_abs()), "0X", 4),
        'c' => {
            if spec.sign.is_some() {
                return raise(
                    "ValueError",
                    "Sign not allowed with integer format specifier 'c'",
                );
            }
            let c = u32::try_from(v).ok().and_then(char::from_u32);
            let Some(c) = c else {
                return raise("OverflowError", "%c arg not in range(0x110000)");
            };
            return Ok(pad(spec, "", &c.to_string(), '>', 3));
        }
        c => return unknown_code(c, "int"),
    };
    if spec.grouping == Some(',') && ty != 'd' {
        return raise("ValueError", format!("Cannot specify ',' with '{ty}'."));
    }
    let body = match spec.grouping {
        Some(sep) => group(&radix_digits, sep, every),
        None => radix_digits,
    };
    let mut full_prefix = sign_text(spec, v < 0).to_string();
    if spec.alt {
        full_prefix.push_str(prefix);
    }
    Ok(pad(spec, &full_prefix, &body, '>', every))
}

/// `{:.*e}` with Python's exponent (`e+04`).
fn sci(v: f64, precision: usize, alt: bool) -> String {
    let s = format!("{:.*e}", precision, v);
    let (mantissa, exp) = s.split_once('e').expect("has an exponent");
    let exp: i32 = exp.parse().expect("an int");
    let dot = if alt && !mantissa.contains('.') {
        "."
    } else {
        ""
    };
    format!(
        "{mantissa}{dot}e{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn strip_zeros(s: &str) -> String {
    if !s.contains('.') {
        return s.to_string();
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The `g` presentation (of a non-negative finite value). `add_dot_0` is the no-type
/// flavour: one digit past the point at least, and scientific one digit sooner.
fn general(v: f64, precision: usize, alt: bool, add_dot_0: bool) -> String {
    let p = precision.max(1);
    let exp = if v == 0.0 {
        0
    } else {
        let s = format!("{:.*e}", p - 1, v);
        s.split_once('e')
            .expect("exponent")
            .1
            .parse::<i32>()
            .expect("int")
    };
    let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
    if exp < -4 || exp >= limit {
        let s = sci(v, p - 1, alt);
        if alt {
            return s;
        }
        let (m, e) = s.split_once('e').expect("exponent");
        return format!("{}e{e}", strip_zeros(m));
    }
    let decimals = (p as i32 - 1 - exp).max(0) as usize;
    let s = format!("{:.*}", decimals, v);
    let mut s = if alt {
        if s.contains('.') { s } else { format!("{s}.") }
    } else {
        strip_zeros(&s)
    };
    if add_dot_0 && !s.contains('.') {
        s.push_str(".0");
    }
    s
}

fn format_float(v: f64, spec: &Spec) -> Result<String> {
    let ty = spec.ty;
    if let Some(c) = ty
        && !matches!(c, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n')
    {
        return unknown_code(c, "float");
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut negative = v.is_sign_negative() && !v.is_nan();
    let a = v.abs();
    let mut body = if !v.is_finite() {
        let t = if v.is_nan() { "nan" } else { "inf" };
        let t = if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        if ty == Some('%') { format!("{t}%") } else { t }
    } else {
        match ty {
            Some('f' | 'F') => {
                let s = format!("{:.*}", spec.precision.unwrap_or(6), a);
                if spec.alt && !s.contains('.') {
                    format!("{s}.")
                } else {
                    s
                }
            }
            Some('e' | 'E') => sci(a, spec.precision.unwrap_or(6), spec.alt),
            Some('g' | 'G' | 'n') => general(a, spec.precision.unwrap_or(6), spec.alt, false),
            Some('%') => {
                let s = format!("{:.*}", spec.precision.unwrap_or(6), a * 100.0);
                format!("{s}%")
            }
            _ => match spec.precision {
                Some(p) => general(a, p, spec.alt, true),
                None => refcount::float_repr(a),
            },
        }
    };
    if upper {
        body = body.to_uppercase();
    }
    if spec.z && negative && body.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        negative = false;
    }
    if let Some(sep) = spec.grouping {
        let split = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (int_part, rest) = body.split_at(split);
        if v.is_finite() {
            body = format!("{}{rest}", group(int_part, sep, 3));
        }
    }
    Ok(pad(spec, sign_text(spec, negative), &body, '>', 3))
}

fn format_str(s: &str, spec: &Spec) -> Result<String> {
    if let Some(c) = spec.ty
        && c != 's'
    {
        return unknown_code(c, "str");
    }
    if spec.sign.is_some() {
        return raise("ValueError", "Sign not allowed in string format specifier");
    }
    if spec.alt {
        return raise(
            "ValueError",
            "Alternate form (#) not allowed in string format specifier",
        );
    }
    if spec.align == Some('=') {
        return raise(
            "ValueError",
            "'=' alignment not allowed in string format specifier",
        );
    }
    if spec.grouping.is_some() {
        return raise("ValueError", "Cannot specify ',' with 's'.");
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let mut spec = spec.clone();
    if spec.zero && spec.fill.is_none() {
        spec.fill = Some('0');
        spec.align.get_or_insert('<');
    }
    Ok(pad(&spec, "", &text, '<', 3))
}

/// `format(value, spec)`.
pub fn format(heap: &mut PyHeap, rt: &Runtime, value: ObjRef, spec: &str) -> Result<String> {
    let name = type_name(heap, value);
    match heap.get(value)? {
        Object::Int(i) => {
            let i = *i;
            format_int(i, &parse_spec(spec, &name)?)
        }
        Object::Bool(b) => {
            let b = *b;
            if spec.is_empty() {
                return Ok(if b { "True" } else { "False" }.into());
            }
            format_int(b as i64, &parse_spec(spec, &name)?)
        }
        Object::Float(f) => {
            let f = *f;
            format_float(f, &parse_spec(spec, &name)?)
        }
        Object::Str(s) => {
            let s = s.to_string();
            format_str(&s, &parse_spec(spec, &name)?)
        }
        Object::Instance(_) => {
            if let Some(f) = ops::dunder(heap, value, "__format__") {
                let spec_obj = heap.new_str(spec)?;
                let r = eval::call(heap, rt, f, &[value, spec_obj], &[]);
                heap.decref(spec_obj)?;
                let r = r?;
                let out = match heap.get(r)? {
                    Object::Str(s) => Ok(s.to_string()),
                    _ => raise(
                        "TypeError",
                        format!("__format__ must return a str, not {}", type_name(heap, r)),
                    ),
                };
                heap.decref(r)?;
                return out;
            }
            if spec.is_empty() {
                return ops::str_of(heap, rt, value);
            }
            raise(
                "TypeError",
                format!("unsupported format string passed to {name}.__format__"),
            )
        }
        _ => {
            if spec.is_empty() {
                return ops::str_of(heap, rt, value);
            }
            raise(
                "TypeError",
                format!("unsupported format string passed to {name}.__format__"),
            )
        }
    }
}

/// One f-string field, `{value!conversion:spec}`: the conversion (if any) applied, then
/// the spec (a converted value is a str, formatted as one).
pub fn format_field(
    heap: &mut PyHeap,
    rt: &Runtime,
    value: ObjRef,
    conversion: Option<char>,
    spec: &str,
) -> Result<String> {
    match conversion {
        Some(c) => {
            let text = convert(heap, rt, value, c)?;
            format_str(&text, &parse_spec(spec, "str")?)
        }
        None => format(heap, rt, value, spec),
    }
}

/// `!r`, `!s`, `!a` applied to a value: the text to format.
pub fn convert(heap: &mut PyHeap, rt: &Runtime, value: ObjRef, conversion: char) -> Result<String> {
    match conversion {
        's' => ops::str_of(heap, rt, value),
        'r' => ops::repr(heap, rt, value),
        'a' => {
            let r = ops::repr(heap, rt, value)?;
            Ok(r.chars()
                .map(|c| match c as u32 {
                    0..=0x7f => c.to_string(),
                    0x80..=0xff => format!("\\x{:02x}", c as u32),
                    0x100..=0xffff => format!("\\u{:04x}", c as u32),
                    n => format!("\\U{n:08x}"),
                })
                .collect())
        }
        c => raise("ValueError", format!("Unknown conversion specifier {c}")),
    }
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(
    heap: &mut PyHeap,
    rt: &Runtime,
    fmt: &str,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<String> {
    let mut auto = AutoNumber::Unknown;
    format_with(heap, rt, fmt, args, kwargs, &mut auto, 2)
}

#[derive(PartialEq)]
enum AutoNumber {
    Unknown,
    Auto(usize),
    Manual,
}

fn format_with(
    heap: &mut PyHeap,
    rt: &Runtime,
    fmt: &str,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
    auto: &mut AutoNumber,
    depth: u32,
) -> Result<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return raise("ValueError", "Single '}' encountered in format string");
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // A replacement field: find its matching '}'.
        let start = i + 1;
        let mut level = 1;
        let mut j = start;
        while j < chars.len() {
            match chars[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return raise("ValueError", "Single '{' encountered in format string");
        }
        if depth == 0 {
            return raise("ValueError", "Max string recursion exceeded");
        }
        let field: String = chars[start..j].iter().collect();
        i = j + 1;
        // field_name[!conversion][:spec]
        let (name_part, spec) = match field.find(':') {
            Some(k) => (&field[..k], &field[k + 1..]),
            None => (&field[..], ""),
        };
        let (name, conversion) = match name_part.find('!') {
            Some(k) => {
                let conv: Vec<char> = name_part[k + 1..].chars().collect();
                if conv.len() != 1 {
                    return raise(
                        "ValueError",
                        "end of string while looking for conversion specifier",
                    );
                }
                (&name_part[..k], Some(conv[0]))
            }
            None => (name_part, None),
        };
        // The field's own number comes before those of the fields nested in its spec.
        let value = lookup_field(heap, rt, name, args, kwargs, auto)?;
        let spec = if spec.contains('{') {
            match format_with(heap, rt, spec, args, kwargs, auto, depth - 1) {
                Ok(s) => s,
                Err(e) => {
                    heap.decref(value)?;
                    return Err(e);
                }
            }
        } else {
            spec.to_string()
        };
        let text = format_field(heap, rt, value, conversion, &spec);
        heap.decref(value)?;
        out.push_str(&text?);
    }
    Ok(out)
}

/// The value a field name names (a new reference): `0`, `name`, `0.attr`, `name[key]`.
fn lookup_field(
    heap: &mut PyHeap,
    rt: &Runtime,
    name: &str,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
    auto: &mut AutoNumber,
) -> Result<ObjRef> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = if first.is_empty() || first.chars().all(|c| c.is_ascii_digit()) {
        let index = if first.is_empty() {
            match auto {
                AutoNumber::Manual => {
                    return raise(
                        "ValueError",
                        "cannot switch from manual field specification to automatic field numbering",
                    );
                }
                AutoNumber::Unknown => {
                    *auto = AutoNumber::Auto(1);
                    0
                }
                AutoNumber::Auto(n) => {
                    *n += 1;
                    *n - 1
                }
            }
        } else {
            if let AutoNumber::Auto(_) = auto {
                return raise(
                    "ValueError",
                    "cannot switch from automatic field numbering to manual field specification",
                );
            }
            *auto = AutoNumber::Manual;
            first.parse().unwrap_or(usize::MAX)
        };
        match args.get(index) {
            Some(&v) => ops::new_ref(heap, v)?,
            None => {
                return raise(
                    "IndexError",
                    format!("Replacement index {index} out of range for positional args tuple"),
                );
            }
        }
    } else {
        match kwargs.iter().find(|(k, _)| *k == first) {
            Some(&(_, v)) => ops::new_ref(heap, v)?,
            None => {
                let key = heap.new_str(first)?;
                let r = ops::key_error(heap, rt, key);
                heap.decref(key)?;
                return r;
            }
        }
    };
    while !rest.is_empty() {
        let next = if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            rest = &r[end..];
            eval::getattr(heap, rt, value, attr)
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                heap.decref(value)?;
                return raise("ValueError", "Missing ']' in format string");
            };
            let key = &r[..end];
            rest = &r[end + 1..];
            let key_obj = match key.parse::<i64>() {
                Ok(k) if key.chars().all(|c| c.is_ascii_digit()) => heap.new_int(k)?,
                _ => heap.new_str(key)?,
            };
            let item = ops::getitem(heap, rt, value, key_obj);
            heap.decref(key_obj)?;
            item
        } else {
            heap.decref(value)?;
            return raise(
                "ValueError",
                "Only '.' or '[' may follow ']' in format field specifier",
            );
        };
        heap.decref(value)?;
        value = next?;
    }
    Ok(value)
}

/// `fmt % values`: printf-style formatting (`%s %r %d %i %x %o %e %f %g %c %%`, flags,
/// width, precision, `*`, and `%(name)s` with a dict).
pub fn percent_format(
    heap: &mut PyHeap,
    rt: &Runtime,
    fmt: ObjRef,
    values: ObjRef,
) -> Result<String> {
    let fmt = heap.as_str(fmt)?.to_string();
    let (items, mapping) = match heap.get(values)? {
        Object::Tuple(t) => (t.to_vec(), None),
        Object::Dict(_) => (vec![values], Some(values)),
        _ => (vec![values], None),
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut next = 0;
    let mut i = 0;
    let mut take = |heap: &PyHeap| -> Result<ObjRef> {
        let _ = heap;
        match items.get(next) {
            Some(&v) => {
                next += 1;
                Ok(v)
            }
            None => raise("TypeError", "not enough arguments for format string"),
        }
    };
    let mut used_mapping = false;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut key_value = None;
        if chars.get(i) == Some(&'(') {
            let Some(close) = chars[i..].iter().position(|&c| c == ')') else {
                return raise("ValueError", "incomplete format key");
            };
            let key: String = chars[i + 1..i + close].iter().collect();
            i += close + 1;
            let Some(m) = mapping else {
                return raise("TypeError", "format requires a mapping");
            };
            used_mapping = true;
            let k = heap.new_str(&key)?;
            let v = heap.dict_get(m, k)?;
            let found = match v {
                Some(v) => Ok(v),
                None => ops::key_error(heap, rt, k),
            };
            heap.decref(k)?;
            key_value = Some(found?);
        }
        let mut spec = Spec::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let mut number = |i: &mut usize, heap: &PyHeap| -> Result<Option<usize>> {
            if chars.get(*i) == Some(&'*') {
                *i += 1;
                let v = take(heap)?;
                return match ops::as_index(heap, v) {
                    Some(n) => Ok(Some(n.max(0) as usize)),
                    None => raise("TypeError", "* wants int"),
                };
            }
            let s = *i;
            while *i < chars.len() && chars[*i].is_ascii_digit() {
                *i += 1;
            }
            Ok((s < *i).then(|| chars[s..*i].iter().collect::<String>().parse().unwrap_or(0)))
        };
        if let Some(w) = number(&mut i, heap)? {
            spec.width = w;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            spec.precision = Some(number(&mut i, heap)?.unwrap_or(0));
        }
        let Some(&ty) = chars.get(i) else {
            return raise("ValueError", "incomplete format");
        };
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        let v = match key_value {
            Some(v) => v,
            None => take(heap)?,
        };
        let text = match ty {
            's' | 'r' | 'a' => {
                let t = convert(heap, rt, v, ty)?;
                let t: String = match spec.precision {
                    Some(p) => t.chars().take(p).collect(),
                    None => t,
                };
                let spec = Spec {
                    zero: false,
                    precision: None,
                    ..spec
                };
                pad(&spec, "", &t, '>', 3)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match heap.get(v)? {
                    Object::Float(f) if matches!(ty, 'd' | 'i' | 'u') => {
                        if !f.is_finite() {
                            return raise(
                                "OverflowError",
                                "cannot convert float infinity to integer",
                            );
                        }
                        *f as i64
                    }
                    _ => match ops::as_index(heap, v) {
                        Some(n) => n,
                        None => {
                            let what = if matches!(ty, 'd' | 'i' | 'u') {
                                "a real number is required"
                            } else {
                                "an integer is required"
                            };
                            return raise(
                                "TypeError",
                                format!("%{ty} format: {what}, not {}", type_name(heap, v)),
                            );
                        }
                    },
                };
                let digits = match ty {
                    'x' => format!("{:x}", n.unsigned_abs()),
                    'X' => format!("{:X}", n.unsigned_abs()),
                    'o' => format!("{:o}", n.unsigned_abs()),
                    _ => n.unsigned_abs().to_string(),
                };
                let digits = match spec.precision {
                    Some(p) if p > digits.len() => {
                        format!("{}{digits}", "0".repeat(p - digits.len()))
                    }
                    _ => digits,
                };
                let mut prefix = sign_text(&spec, n < 0).to_string();
                if spec.alt {
                    prefix.push_str(match ty {
                        'x' => "0x",
                        'X' => "0X",
                        'o' => "0o",
                        _ => "",
                    });
                }
                let spec = Spec {
                    precision: None,
                    ..spec
                };
                pad(&spec, &prefix, &digits, '>', 3)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let Some(f) = ops::as_f64(heap, v) else {
                    return raise(
                        "TypeError",
                        format!("must be real number, not {}", type_name(heap, v)),
                    );
                };
                let spec = Spec {
                    ty: Some(ty),
                    precision: Some(spec.precision.unwrap_or(6)),
                    ..spec
                };
                format_float(f, &spec)?
            }
            'c' => {
                let c = match heap.get(v)? {
                    Object::Str(s) if s.chars().count() == 1 => s.to_string(),
                    _ => match ops::as_index(heap, v)
                        .and_then(|n| u32::try_from(n).ok())
                        .and_then(char::from_u32)
                    {
                        Some(c) => c.to_string(),
                        None => return raise("TypeError", "%c requires int or char"),
                    },
                };
                pad(
                    &Spec {
                        zero: false,
                        ..spec
                    },
                    "",
                    &c,
                    '>',
                    3,
                )
            }
            c => {
                return raise(
                    "ValueError",
                    format!(
                        "unsupported format character '{c}' (0x{:x}) at index {}",
                        c as u32,
                        i - 1
                    ),
                );
            }
        };
        let _ = start;
        out.push_str(&text);
    }
    if next < items.len() && !used_mapping && mapping.is_none() {
        return raise(
            "TypeError",
            "not all arguments converted during string formatting",
        );
    }
    Ok(out)
}
