//! `getsizeof` against CPython itself: the same sequences of operations are run by `python3`
//! (when it is CPython 3.11, the version the runtime models) and by the heap.

use refcount::{Heap, Result};

#[path = "../../../src/cpython.rs"]
mod cpython;

/// Runs a Python program and returns its output lines, or `None` (saying why) when no
/// CPython 3.11 is available to compare with.
fn cpython(program: &str) -> Option<Vec<String>> {
    if let Err(why) = cpython::cpython_311() {
        eprintln!("SKIP: sizes not compared: {why}");
        return None;
    }
    Some(
        cpython::run_python(program)
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn list_sizes_follow_cpythons_growth() -> Result<()> {
    let Some(expected) = cpython(
        "import sys\nl = []\nprint(sys.getsizeof(l))\n\
         for i in range(40):\n    l.append(i); print(sys.getsizeof(l))\n\
         for i in range(40):\n    l.pop(); print(sys.getsizeof(l))\n\
         a = b = c = None\nprint(sys.getsizeof([a, b, c]))",
    ) else {
        return Ok(());
    };
    let mut heap = Heap::new();
    let list = heap.new_list(&[])?;
    let mut ours = vec![heap.getsizeof(list)?.to_string()];
    for i in 0..40 {
        let item = heap.new_int(i)?;
        heap.list_append(list, item)?;
        heap.decref(item)?;
        ours.push(heap.getsizeof(list)?.to_string());
    }
    for _ in 0..40 {
        let item = heap.list_pop(list)?;
        heap.decref(item)?;
        ours.push(heap.getsizeof(list)?.to_string());
    }
    let none = heap.none()?;
    let three = heap.new_list(&[none, none, none])?;
    ours.push(heap.getsizeof(three)?.to_string());
    assert_eq!(ours, expected);
    heap.check_invariants()
}

#[test]
fn dict_sizes_follow_cpythons_keys_tables() -> Result<()> {
    let Some(expected) = cpython(
        "import sys\nfor keys in ('str', 'int', 'mixed'):\n    d = {}\n    out = [sys.getsizeof(d)]\n\
         \x20   for i in range(25):\n\
         \x20       k = f'k{i}' if keys == 'str' or (keys == 'mixed' and i != 3) else i\n\
         \x20       d[k] = i; out.append(sys.getsizeof(d))\n\
         \x20   for k in list(d)[:10]:\n        del d[k]; out.append(sys.getsizeof(d))\n\
         \x20   for i in range(8):\n        d[1000 + i] = i; out.append(sys.getsizeof(d))\n\
         \x20   print(*out)",
    ) else {
        return Ok(());
    };
    let mut heap = Heap::new();
    for (line, keys) in expected.iter().zip(["str", "int", "mixed"]) {
        let dict = heap.new_dict()?;
        let mut out = vec![heap.getsizeof(dict)?];
        let mut inserted = Vec::new();
        for i in 0..25 {
            let key = if keys == "str" || (keys == "mixed" && i != 3) {
                heap.new_str(&format!("k{i}"))?
            } else {
                heap.new_int(i)?
            };
            let value = heap.new_int(i)?;
            heap.dict_set(dict, key, value)?;
            inserted.push(key);
            heap.decref(value)?;
            out.push(heap.getsizeof(dict)?);
        }
        for &key in &inserted[..10] {
            heap.dict_del(dict, key)?;
            out.push(heap.getsizeof(dict)?);
        }
        for i in 0..8 {
            let (key, value) = (heap.new_int(1000 + i)?, heap.new_int(i)?);
            heap.dict_set(dict, key, value)?;
            heap.decref(key)?;
            heap.decref(value)?;
            out.push(heap.getsizeof(dict)?);
        }
        let ours: Vec<String> = out.iter().map(u64::to_string).collect();
        assert_eq!(&ours.join(" "), line, "{keys} keys");
        for key in inserted {
            heap.decref(key)?;
        }
    }
    heap.check_invariants()
}

#[test]
fn scalar_and_instance_sizes_match() -> Result<()> {
    let values: [i64; 9] = [
        0,
        1,
        -1,
        255,
        1 << 30,
        -(1 << 30),
        1 << 60,
        i64::MAX,
        i64::MIN,
    ];
    let texts = ["", "a", "hello", "é", "naïve", "€", "😀", "a😀"];
    let program = format!(
        "import sys\nclass C: pass\nc = C(); c.a = 1; c.b = 2\n\
         print(*[sys.getsizeof(v) for v in {values:?}])\n\
         print(*[sys.getsizeof(s) for s in {texts:?}])\n\
         print(sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(()), \
         sys.getsizeof((1, 2, 3)), sys.getsizeof(C()), sys.getsizeof(c), sys.getsizeof(C))"
    );
    let Some(expected) = cpython(&program) else {
        return Ok(());
    };
    let mut heap = Heap::new();
    let mut sizes =
        |make: &mut dyn FnMut(&mut Heap) -> Result<refcount::ObjRef>| -> Result<String> {
            let r = make(&mut heap)?;
            Ok(heap.getsizeof(r)?.to_string())
        };
    let ints: Vec<String> = values
        .iter()
        .map(|&v| sizes(&mut |h| h.new_int(v)))
        .collect::<Result<_>>()?;
    let strs: Vec<String> = texts
        .iter()
        .map(|&t| sizes(&mut |h| h.new_str(t)))
        .collect::<Result<_>>()?;
    let mut heap = Heap::new();
    let class = heap.new_class("C")?;
    let c = heap.new_instance(class)?;
    let one = heap.new_int(1)?;
    heap.set_attr(c, "a", one)?;
    heap.set_attr(c, "b", one)?;
    let bare = heap.new_instance(class)?;
    let none = heap.none()?;
    let t = heap.new_bool(true)?;
    let empty = heap.new_tuple(&[])?;
    let three = heap.new_tuple(&[one, one, one])?;
    let others: Vec<String> = [none, t, empty, three, bare, c, class]
        .iter()
        .map(|&r| heap.getsizeof(r).map(|s| s.to_string()))
        .collect::<Result<_>>()?;
    assert_eq!(
        [ints.join(" "), strs.join(" "), others.join(" ")],
        expected.as_slice()
    );
    Ok(())
}
