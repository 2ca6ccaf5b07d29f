//! The `gc`, `sys`, `weakref` and `_testcapi` modules, driven through the heap's API as the
//! evaluator drives them: attributes of the module objects, called with `heap.call_kw`.

use std::cell::RefCell;
use std::rc::Rc;

use pyrun::modules;
use pyrun::runtime::{Output, PyHeap, Runtime, Stream};
use refcount::{Error, ObjRef, Result, Unraisable};

fn setup() -> (PyHeap, Rc<Runtime>) {
    let heap = finalizers::new_heap();
    let rt = Runtime::new("t.py", "", Output::Captured(vec![]));
    (heap, rt)
}

/// `module.name(*args)`: a new reference.
fn call(heap: &mut PyHeap, module: ObjRef, name: &str, args: &[ObjRef]) -> Result<ObjRef> {
    call_kw(heap, module, name, args, &[])
}

fn call_kw(
    heap: &mut PyHeap,
    module: ObjRef,
    name: &str,
    args: &[ObjRef],
    kwargs: &[(&str, ObjRef)],
) -> Result<ObjRef> {
    let function = heap.get_attr(module, name)?;
    heap.call_kw(function, args, kwargs)
}

/// `module.name(*args)` as an int, the result dropped.
fn call_int(heap: &mut PyHeap, module: ObjRef, name: &str, args: &[ObjRef]) -> i64 {
    let result = call(heap, module, name, args).unwrap();
    let n = heap.as_int(result).unwrap();
    heap.decref(result).unwrap();
    n
}

fn call_bool(heap: &mut PyHeap, module: ObjRef, name: &str, args: &[ObjRef]) -> bool {
    let result = call(heap, module, name, args).unwrap();
    let value = heap.repr(result).unwrap() == "True";
    heap.decref(result).unwrap();
    value
}

fn raised(result: Result<ObjRef>) -> (String, String) {
    match result {
        Err(Error::Raised { type_name, message }) => (type_name, message),
        other => panic!("expected a Python exception, got {other:?}"),
    }
}

fn output(rt: &Runtime) -> Vec<(Stream, String)> {
    match &*rt.output.borrow() {
        Output::Captured(pieces) => pieces.clone(),
        Output::Process => Vec::new(),
    }
}

fn stderr(rt: &Runtime) -> String {
    output(rt)
        .into_iter()
        .filter(|(s, _)| *s == Stream::Stderr)
        .map(|(_, t)| t)
        .collect()
}

/// Interns attribute names before a baseline is taken: the heap keeps interned strs.
fn intern(heap: &mut PyHeap, names: &[&str]) {
    for name in names {
        let s = heap.intern(name).unwrap();
        heap.decref(s).unwrap();
    }
}

/// Two instances referring to each other, dropped: garbage only the collector can free.
fn make_cycle(heap: &mut PyHeap, class: ObjRef) {
    let a = heap.new_instance(class).unwrap();
    let b = heap.new_instance(class).unwrap();
    heap.set_attr(a, "other", b).unwrap();
    heap.set_attr(b, "other", a).unwrap();
    heap.decref(a).unwrap();
    heap.decref(b).unwrap();
}

fn import_all(heap: &mut PyHeap, rt: &Rc<Runtime>) -> [ObjRef; 4] {
    ["gc", "sys", "weakref", "_testcapi"].map(|name| modules::import(heap, rt, name).unwrap())
}

fn drop_all(heap: &mut PyHeap, objs: &[ObjRef]) {
    for &obj in objs {
        heap.decref(obj).unwrap();
    }
}

#[test]
fn import_caches_and_unknown_modules_raise() {
    let (mut heap, rt) = setup();
    let gc1 = modules::import(&mut heap, &rt, "gc").unwrap();
    let gc2 = modules::import(&mut heap, &rt, "gc").unwrap();
    assert_eq!(gc1, gc2);
    // Ours twice, and sys.modules'.
    assert_eq!(heap.refcount(gc1).unwrap(), 3);
    assert_eq!(heap.type_name(gc1).unwrap(), "module");
    let name = heap.get_attr(gc1, "__name__").unwrap();
    assert_eq!(heap.as_str(name).unwrap(), "gc");
    let sys = modules::import(&mut heap, &rt, "sys").unwrap();
    assert_eq!(heap.type_name(sys).unwrap(), "module");
    assert_eq!(
        raised(modules::import(&mut heap, &rt, "nosuch")),
        (
            "ModuleNotFoundError".into(),
            "No module named 'nosuch'".into()
        )
    );
    drop_all(&mut heap, &[gc1, gc2, sys]);
}

#[test]
fn gc_collect_finds_a_cycle() {
    let (mut heap, rt) = setup();
    let [gc, sys, weakref, testcapi] = import_all(&mut heap, &rt);
    assert!(call_bool(&mut heap, gc, "isenabled", &[]));
    call(&mut heap, gc, "disable", &[]).unwrap();
    assert!(!call_bool(&mut heap, gc, "isenabled", &[]));
    call_int(&mut heap, gc, "collect", &[]);
    intern(&mut heap, &["other"]);
    let baseline = heap.live_objects();

    let class = heap.new_class("Node").unwrap();
    make_cycle(&mut heap, class);
    assert_eq!(call_int(&mut heap, gc, "collect", &[]), 2);
    assert_eq!(call_int(&mut heap, gc, "collect", &[]), 0);
    // collect(generation=0) by name, and by position.
    make_cycle(&mut heap, class);
    let zero = heap.new_int(0).unwrap();
    let found = call_kw(&mut heap, gc, "collect", &[], &[("generation", zero)]).unwrap();
    assert_eq!(heap.as_int(found).unwrap(), 2);
    heap.decref(found).unwrap();
    assert_eq!(call_int(&mut heap, gc, "collect", &[zero]), 0);

    // get_stats: a list of three dicts.
    let stats = call(&mut heap, gc, "get_stats", &[]).unwrap();
    assert_eq!(heap.list_len(stats).unwrap(), 3);
    let gen2 = heap.list_get(stats, 2).unwrap();
    assert_eq!(
        generations::gc::info_item(&heap, gen2, "collected").unwrap(),
        2
    );
    assert_eq!(
        generations::gc::info_item(&heap, gen2, "uncollectable").unwrap(),
        0
    );
    heap.decref(stats).unwrap();

    heap.decref(class).unwrap();
    assert_eq!(heap.live_objects(), baseline);
    drop_all(&mut heap, &[gc, sys, weakref, testcapi]);
}

#[test]
fn gc_argument_errors_are_cpythons() {
    let (mut heap, rt) = setup();
    let gc = modules::import(&mut heap, &rt, "gc").unwrap();
    let three = heap.new_int(3).unwrap();
    let s = heap.new_str("a").unwrap();
    assert_eq!(
        raised(call(&mut heap, gc, "collect", &[three])),
        ("ValueError".into(), "invalid generation".into())
    );
    assert_eq!(
        raised(call(&mut heap, gc, "collect", &[s])),
        (
            "TypeError".into(),
            "'str' object cannot be interpreted as an integer".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "collect", &[three, three])),
        (
            "TypeError".into(),
            "collect() takes at most 1 argument (2 given)".into()
        )
    );
    assert_eq!(
        raised(call_kw(&mut heap, gc, "collect", &[], &[("gen", three)])),
        (
            "TypeError".into(),
            "'gen' is an invalid keyword argument for collect()".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "set_threshold", &[])),
        (
            "TypeError".into(),
            "set_threshold() takes at least 1 argument (0 given)".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "set_threshold", &[three; 4])),
        (
            "TypeError".into(),
            "set_threshold() takes at most 3 arguments (4 given)".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "set_threshold", &[s])),
        (
            "TypeError".into(),
            "'str' object cannot be interpreted as an integer".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "enable", &[three])),
        (
            "TypeError".into(),
            "gc.enable() takes no arguments (1 given)".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "is_tracked", &[])),
        (
            "TypeError".into(),
            "gc.is_tracked() takes exactly one argument (0 given)".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "get_objects", &[three])),
        (
            "ValueError".into(),
            "generation parameter must be less than the number of available generations (3)".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, gc, "get_objects", &[s])),
        (
            "TypeError".into(),
            "argument should be integer or None, not 'str'".into()
        )
    );
    heap.decref(s).unwrap();
    drop_all(&mut heap, &[gc]);
}

#[test]
fn gc_counts_thresholds_and_tracking() {
    let (mut heap, rt) = setup();
    let gc = modules::import(&mut heap, &rt, "gc").unwrap();
    let ten = heap.new_int(10).unwrap();
    let two = heap.new_int(2).unwrap();
    let none = call(&mut heap, gc, "set_threshold", &[ten, two, two]).unwrap();
    heap.decref(none).unwrap();
    let t = call(&mut heap, gc, "get_threshold", &[]).unwrap();
    assert_eq!(heap.repr(t).unwrap(), "(10, 2, 2)");
    heap.decref(t).unwrap();
    call(&mut heap, gc, "disable", &[]).unwrap();
    call_int(&mut heap, gc, "collect", &[]);
    let count = call(&mut heap, gc, "get_count", &[]).unwrap();
    assert_eq!(heap.tuple_len(count).unwrap(), 3);
    heap.decref(count).unwrap();

    let list = heap.new_list(&[]).unwrap();
    assert!(call_bool(&mut heap, gc, "is_tracked", &[list]));
    assert!(!call_bool(&mut heap, gc, "is_tracked", &[ten]));
    // get_objects lists the list; get_referrers finds what holds it.
    let holder = heap.new_list(&[list]).unwrap();
    let referrers = call(&mut heap, gc, "get_referrers", &[list]).unwrap();
    assert_eq!(heap.list_len(referrers).unwrap(), 1);
    assert_eq!(heap.list_get(referrers, 0).unwrap(), holder);
    heap.decref(referrers).unwrap();
    let referents = call(&mut heap, gc, "get_referents", &[holder]).unwrap();
    assert_eq!(heap.list_get(referents, 0).unwrap(), list);
    heap.decref(referents).unwrap();
    let objects = call(&mut heap, gc, "get_objects", &[]).unwrap();
    assert!(heap.list_len(objects).unwrap() >= 2);
    heap.decref(objects).unwrap();

    // freeze / unfreeze.
    call(&mut heap, gc, "freeze", &[]).unwrap();
    assert!(call_int(&mut heap, gc, "get_freeze_count", &[]) >= 2);
    call(&mut heap, gc, "unfreeze", &[]).unwrap();
    assert_eq!(call_int(&mut heap, gc, "get_freeze_count", &[]), 0);

    // Constants and set_debug/get_debug.
    let flag = heap.get_attr(gc, "DEBUG_SAVEALL").unwrap();
    assert_eq!(heap.as_int(flag).unwrap(), 32);
    let leak = heap.get_attr(gc, "DEBUG_LEAK").unwrap();
    call(&mut heap, gc, "set_debug", &[leak]).unwrap();
    assert_eq!(call_int(&mut heap, gc, "get_debug", &[]), 38);
    let zero = heap.new_int(0).unwrap();
    call(&mut heap, gc, "set_debug", &[zero]).unwrap();
    drop_all(&mut heap, &[holder, list, gc]);
}

#[test]
fn gc_callbacks_is_the_collectors_list() {
    let (mut heap, rt) = setup();
    let gc = modules::import(&mut heap, &rt, "gc").unwrap();
    call(&mut heap, gc, "disable", &[]).unwrap();
    let phases = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::clone(&phases);
    let callback = heap
        .new_function("cb", &[], move |heap, _, args| {
            seen.borrow_mut()
                .push(heap.as_str(args[0]).unwrap().to_string());
            heap.none()
        })
        .unwrap();
    let callbacks = heap.get_attr(gc, "callbacks").unwrap();
    heap.list_append(callbacks, callback).unwrap();
    call_int(&mut heap, gc, "collect", &[]);
    assert_eq!(*phases.borrow(), ["start", "stop"]);
    heap.list_remove(callbacks, callback).unwrap();
    heap.decref(callback).unwrap();
    drop_all(&mut heap, &[gc]);
}

#[test]
fn sys_getrefcount_is_the_raw_count() {
    let (mut heap, rt) = setup();
    let sys = modules::import(&mut heap, &rt, "sys").unwrap();
    let obj = heap.new_list(&[]).unwrap();
    // Held once, by this test, which passes it as the argument: in a program the
    // evaluator's stack holds the argument's reference, and the same call says 2.
    assert_eq!(call_int(&mut heap, sys, "getrefcount", &[obj]), 1);
    let holder = heap.new_list(&[obj]).unwrap();
    assert_eq!(call_int(&mut heap, sys, "getrefcount", &[obj]), 2);
    assert_eq!(
        raised(call(&mut heap, sys, "getrefcount", &[])),
        (
            "TypeError".into(),
            "sys.getrefcount() takes exactly one argument (0 given)".into()
        )
    );
    assert_eq!(
        call_int(&mut heap, sys, "getsizeof", &[obj]),
        heap.getsizeof(obj).unwrap() as i64
    );
    assert_eq!(
        raised(call(&mut heap, sys, "getsizeof", &[])),
        (
            "TypeError".into(),
            "getsizeof() missing required argument 'object' (pos 1)".into()
        )
    );
    // Two blocks per instance with attributes, as in CPython 3.11; one more for a
    // list's items once it has some.
    let class = heap.new_class("C").unwrap();
    let before = call_int(&mut heap, sys, "getallocatedblocks", &[]);
    let c = heap.new_instance(class).unwrap();
    let name = heap.new_str("name").unwrap();
    heap.set_attr(c, "name", name).unwrap();
    let keep = heap.new_list(&[]).unwrap();
    let after = call_int(&mut heap, sys, "getallocatedblocks", &[]);
    assert_eq!(after - before, 2 + 1 + 1);
    heap.list_append(keep, c).unwrap();
    assert_eq!(
        call_int(&mut heap, sys, "getallocatedblocks", &[]) - after,
        1
    );
    drop_all(&mut heap, &[keep, c, name]);
    assert_eq!(call_int(&mut heap, sys, "getallocatedblocks", &[]), before);
    heap.decref(class).unwrap();
    let maxsize = heap.get_attr(sys, "maxsize").unwrap();
    assert_eq!(heap.as_int(maxsize).unwrap(), i64::MAX);
    drop_all(&mut heap, &[holder, obj, sys]);
}

#[test]
fn sys_recursion_limit() {
    let (mut heap, rt) = setup();
    let sys = modules::import(&mut heap, &rt, "sys").unwrap();
    assert_eq!(call_int(&mut heap, sys, "getrecursionlimit", &[]), 1000);
    let fifty = heap.new_int(50).unwrap();
    call(&mut heap, sys, "setrecursionlimit", &[fifty]).unwrap();
    assert_eq!(rt.recursion_limit.get(), 50);
    assert_eq!(call_int(&mut heap, sys, "getrecursionlimit", &[]), 50);
    let zero = heap.new_int(0).unwrap();
    assert_eq!(
        raised(call(&mut heap, sys, "setrecursionlimit", &[zero])),
        (
            "ValueError".into(),
            "recursion limit must be greater or equal than 1".into()
        )
    );
    rt.depth.set(3);
    let three = heap.new_int(3).unwrap();
    assert_eq!(
        raised(call(&mut heap, sys, "setrecursionlimit", &[three])),
        (
            "RecursionError".into(),
            "cannot set the recursion limit to 3 at the recursion depth 4: the limit is too low"
                .into()
        )
    );
    rt.depth.set(0);
    drop_all(&mut heap, &[sys]);
}

#[test]
fn sys_streams_write_to_the_output() {
    let (mut heap, rt) = setup();
    let sys = modules::import(&mut heap, &rt, "sys").unwrap();
    let stdout = heap.get_attr(sys, "stdout").unwrap();
    assert_eq!(heap.get_attr(sys, "__stdout__").unwrap(), stdout);
    assert_eq!(heap.type_name(stdout).unwrap(), "TextIOWrapper");
    let name = heap.get_attr(stdout, "name").unwrap();
    assert_eq!(heap.as_str(name).unwrap(), "<stdout>");
    let text = heap.new_str("héllo\n").unwrap();
    let n = call(&mut heap, stdout, "write", &[text]).unwrap();
    assert_eq!(heap.as_int(n).unwrap(), 6);
    heap.decref(n).unwrap();
    let stderr_file = heap.get_attr(sys, "stderr").unwrap();
    let n = call(&mut heap, stderr_file, "write", &[text]).unwrap();
    heap.decref(n).unwrap();
    let none = call(&mut heap, stderr_file, "flush", &[]).unwrap();
    heap.decref(none).unwrap();
    let one = heap.new_int(1).unwrap();
    assert_eq!(
        raised(call(&mut heap, stdout, "write", &[one])),
        (
            "TypeError".into(),
            "write() argument must be str, not int".into()
        )
    );
    assert_eq!(
        output(&rt),
        [
            (Stream::Stdout, "héllo\n".to_string()),
            (Stream::Stderr, "héllo\n".to_string())
        ]
    );
    drop_all(&mut heap, &[text, sys]);
}

/// An object standing for `io.StringIO()`: its `write` (an instance attribute) appends to
/// `sink`.
fn string_io(heap: &mut PyHeap, sink: &Rc<RefCell<String>>) -> ObjRef {
    let class = heap.new_class("StringIO").unwrap();
    let file = heap.new_instance(class).unwrap();
    heap.decref(class).unwrap();
    let sink = Rc::clone(sink);
    let write = heap
        .new_function("StringIO.write", &[], move |heap, _, args| {
            sink.borrow_mut().push_str(heap.as_str(args[0])?);
            heap.new_int(0)
        })
        .unwrap();
    heap.set_attr(file, "write", write).unwrap();
    heap.decref(write).unwrap();
    file
}

#[test]
fn weakref_ref_callback_runs_when_the_object_dies() {
    let (mut heap, rt) = setup();
    let weakref = modules::import(&mut heap, &rt, "weakref").unwrap();
    let class = heap.new_class("C").unwrap();
    let obj = heap.new_instance(class).unwrap();
    let called = Rc::new(RefCell::new(0));
    let count = Rc::clone(&called);
    let callback = heap
        .new_function("cb", &[], move |heap, _, _| {
            *count.borrow_mut() += 1;
            heap.none()
        })
        .unwrap();
    let r = call(&mut heap, weakref, "ref", &[obj, callback]).unwrap();
    let plain = call(&mut heap, weakref, "ref", &[obj]).unwrap();
    assert_ne!(r, plain);
    assert_eq!(call_int(&mut heap, weakref, "getweakrefcount", &[obj]), 2);
    let refs = call(&mut heap, weakref, "getweakrefs", &[obj]).unwrap();
    assert_eq!(heap.list_get(refs, 0).unwrap(), plain);
    heap.decref(refs).unwrap();

    // r() is obj, through special_call; other objects are not its business.
    let got = modules::special_call(&mut heap, &rt, r, &[], &[])
        .unwrap()
        .unwrap();
    assert_eq!(got, obj);
    heap.decref(got).unwrap();
    assert_eq!(
        modules::special_call(&mut heap, &rt, obj, &[], &[]).unwrap(),
        None
    );
    let cb = modules::special_attr(&mut heap, &rt, r, "__callback__")
        .unwrap()
        .unwrap();
    assert_eq!(cb, callback);
    heap.decref(cb).unwrap();

    heap.decref(obj).unwrap();
    assert_eq!(*called.borrow(), 1);
    let got = modules::special_call(&mut heap, &rt, r, &[], &[])
        .unwrap()
        .unwrap();
    assert_eq!(heap.kind(got).unwrap(), refcount::Kind::None);

    let one = heap.new_int(1).unwrap();
    assert_eq!(
        raised(call(&mut heap, weakref, "ref", &[one])),
        (
            "TypeError".into(),
            "cannot create weak reference to 'int' object".into()
        )
    );
    assert_eq!(
        raised(call(&mut heap, weakref, "ref", &[])),
        (
            "TypeError".into(),
            "__new__ expected at least 1 argument, got 0".into()
        )
    );
    drop_all(&mut heap, &[r, plain, callback, class, weakref]);
}

#[test]
fn weakref_finalize_runs_once() {
    let (mut heap, rt) = setup();
    let weakref = modules::import(&mut heap, &rt, "weakref").unwrap();
    let class = heap.new_class("Connection").unwrap();
    let closed = Rc::new(RefCell::new(Vec::new()));
    let log = Rc::clone(&closed);
    let close = heap
        .new_function_kw("close", &[], move |heap, _, args, kwargs| {
            let mut entry = heap.as_str(args[0])?.to_string();
            for (name, value) in kwargs {
                entry.push_str(&format!(" {name}={}", heap.repr(*value)?));
            }
            log.borrow_mut().push(entry);
            heap.none()
        })
        .unwrap();
    let name = heap.new_str("c").unwrap();

    let obj = heap.new_instance(class).unwrap();
    let f = call(&mut heap, weakref, "finalize", &[obj, close, name]).unwrap();
    let alive = modules::special_attr(&mut heap, &rt, f, "alive")
        .unwrap()
        .unwrap();
    assert_eq!(heap.repr(alive).unwrap(), "True");
    heap.decref(alive).unwrap();
    heap.decref(obj).unwrap();
    assert_eq!(*closed.borrow(), ["c"]);
    let alive = modules::special_attr(&mut heap, &rt, f, "alive")
        .unwrap()
        .unwrap();
    assert_eq!(heap.repr(alive).unwrap(), "False");
    heap.decref(alive).unwrap();
    // f() again: the class's __call__, through heap.call; nothing happens.
    assert_eq!(
        modules::special_call(&mut heap, &rt, f, &[], &[]).unwrap(),
        None
    );
    let again = heap.call(f, &[]).unwrap();
    assert_eq!(heap.kind(again).unwrap(), refcount::Kind::None);
    assert_eq!(closed.borrow().len(), 1);
    heap.decref(f).unwrap();

    // Called while the object lives, with keyword arguments.
    let obj = heap.new_instance(class).unwrap();
    let seven = heap.new_int(7).unwrap();
    let f = call_kw(
        &mut heap,
        weakref,
        "finalize",
        &[obj, close, name],
        &[("n", seven)],
    )
    .unwrap();
    let result = heap.call(f, &[]).unwrap();
    heap.decref(result).unwrap();
    assert_eq!(*closed.borrow(), ["c", "c n=7"]);
    heap.decref(obj).unwrap();
    assert_eq!(closed.borrow().len(), 2);
    assert_eq!(
        modules::special_attr(&mut heap, &rt, f, "nosuch").unwrap(),
        None
    );
    heap.decref(f).unwrap();

    assert_eq!(
        raised(call(&mut heap, weakref, "finalize", &[name])),
        (
            "TypeError".into(),
            "finalize.__init__() missing 1 required positional argument: 'func'".into()
        )
    );
    drop_all(&mut heap, &[name, close, class, weakref]);
}

#[test]
fn weak_value_dictionary() {
    let (mut heap, rt) = setup();
    let [gc, sys, weakref, testcapi] = import_all(&mut heap, &rt);
    call(&mut heap, gc, "disable", &[]).unwrap();
    let class = heap.new_class("Image").unwrap();
    let cache = call(&mut heap, weakref, "WeakValueDictionary", &[]).unwrap();
    let logo = heap.new_instance(class).unwrap();
    let key = heap.new_str("logo").unwrap();
    assert!(modules::special_setitem(&mut heap, &rt, cache, key, logo).unwrap());
    assert_eq!(modules::special_len(&heap, &rt, cache).unwrap(), Some(1));
    assert_eq!(
        modules::special_contains(&heap, &rt, cache, key).unwrap(),
        Some(true)
    );
    let got = modules::special_getitem(&mut heap, &rt, cache, key)
        .unwrap()
        .unwrap();
    assert_eq!(got, logo);
    heap.decref(got).unwrap();
    let keys = modules::special_iter(&mut heap, &rt, cache)
        .unwrap()
        .unwrap();
    assert_eq!(heap.repr(keys).unwrap(), "['logo']");
    heap.decref(keys).unwrap();
    // Bound methods through special_attr.
    let get = modules::special_attr(&mut heap, &rt, cache, "get")
        .unwrap()
        .unwrap();
    let got = heap.call(get, &[key]).unwrap();
    assert_eq!(got, logo);
    heap.decref(got).unwrap();

    heap.decref(logo).unwrap();
    assert_eq!(modules::special_len(&heap, &rt, cache).unwrap(), Some(0));
    let got = heap.call(get, &[key]).unwrap();
    assert_eq!(heap.kind(got).unwrap(), refcount::Kind::None);
    heap.decref(got).unwrap();
    heap.decref(get).unwrap();
    match modules::special_getitem(&mut heap, &rt, cache, key) {
        Err(Error::KeyError { key }) => assert_eq!(key, "'logo'"),
        other => panic!("expected a KeyError, got {other:?}"),
    }
    // Not a WeakValueDictionary: not handled.
    assert!(!modules::special_setitem(&mut heap, &rt, key, key, key).unwrap());
    assert_eq!(
        modules::special_getitem(&mut heap, &rt, key, key).unwrap(),
        None
    );

    // A value in a cycle goes at the collection.
    let icon = heap.new_instance(class).unwrap();
    heap.set_attr(icon, "me", icon).unwrap();
    assert!(modules::special_setitem(&mut heap, &rt, cache, key, icon).unwrap());
    heap.decref(icon).unwrap();
    assert_eq!(modules::special_len(&heap, &rt, cache).unwrap(), Some(1));
    // CPython's count: the object, and the weak reference its callback freed.
    assert_eq!(call_int(&mut heap, gc, "collect", &[]), 2);
    assert_eq!(modules::special_len(&heap, &rt, cache).unwrap(), Some(0));
    drop_all(&mut heap, &[key, cache, class, gc, sys, weakref, testcapi]);
}

#[test]
fn with_tp_del_makes_cycles_uncollectable() {
    let (mut heap, rt) = setup();
    let [gc, sys, weakref, testcapi] = import_all(&mut heap, &rt);
    call(&mut heap, gc, "disable", &[]).unwrap();
    call_int(&mut heap, gc, "collect", &[]);
    intern(&mut heap, &["me", "__tp_del__", "write"]);
    let baseline = heap.live_objects();

    let tp_del = heap
        .new_function("Legacy.__tp_del__", &[], |heap, _, _| heap.none())
        .unwrap();
    let class = heap
        .new_class_with("Legacy", &[("__tp_del__", tp_del)])
        .unwrap();
    heap.decref(tp_del).unwrap();
    let same = call(&mut heap, testcapi, "with_tp_del", &[class]).unwrap();
    assert_eq!(same, class);
    heap.decref(same).unwrap();
    let one = heap.new_int(1).unwrap();
    assert_eq!(
        raised(call(&mut heap, testcapi, "with_tp_del", &[one])),
        ("TypeError".into(), "heap type expected, got 1".into())
    );

    // The debug lines go to the program's sys.stderr, which it replaced.
    let captured = Rc::new(RefCell::new(String::new()));
    let file = string_io(&mut heap, &captured);
    heap.set_attr(sys, "stderr", file).unwrap();
    let flag = heap.get_attr(gc, "DEBUG_UNCOLLECTABLE").unwrap();
    call(&mut heap, gc, "set_debug", &[flag]).unwrap();

    let x = heap.new_instance(class).unwrap();
    heap.set_attr(x, "me", x).unwrap();
    heap.decref(x).unwrap();
    assert_eq!(call_int(&mut heap, gc, "collect", &[]), 1);
    let garbage = heap.get_attr(gc, "garbage").unwrap();
    assert_eq!(garbage, generations::gc::garbage(&mut heap).unwrap());
    assert_eq!(heap.list_len(garbage).unwrap(), 1);
    assert_eq!(heap.list_get(garbage, 0).unwrap(), x);
    let text = captured.borrow().clone();
    assert!(
        text.starts_with("gc: uncollectable <Legacy 0x") && text.ends_with(">\n"),
        "{text:?}"
    );
    assert_eq!(stderr(&rt), "");

    // Back to the real stderr: the lines go to the runtime's output.
    let real = heap.get_attr(sys, "__stderr__").unwrap();
    heap.set_attr(sys, "stderr", real).unwrap();
    heap.decref(file).unwrap();
    let y = heap.new_instance(class).unwrap();
    heap.set_attr(y, "me", y).unwrap();
    heap.decref(y).unwrap();
    assert_eq!(call_int(&mut heap, gc, "collect", &[]), 1);
    assert!(
        stderr(&rt).starts_with("gc: uncollectable <Legacy 0x"),
        "{:?}",
        output(&rt)
    );
    let zero = heap.new_int(0).unwrap();
    call(&mut heap, gc, "set_debug", &[zero]).unwrap();

    // The program breaks the cycles and empties gc.garbage.
    for i in 0..heap.list_len(garbage).unwrap() {
        let o = heap.list_get(garbage, i).unwrap();
        heap.del_attr(o, "me").unwrap();
    }
    while heap.list_len(garbage).unwrap() > 0 {
        let o = heap.list_pop(garbage).unwrap();
        heap.decref(o).unwrap();
    }
    heap.decref(class).unwrap();
    assert_eq!(call_int(&mut heap, gc, "collect", &[]), 0);
    assert_eq!(heap.live_objects(), baseline);
    drop_all(&mut heap, &[gc, sys, weakref, testcapi]);
}

fn unraisable(message: &str) -> Unraisable {
    Unraisable {
        object: "<function Bad.__del__ at 0x7f0000001040>".into(),
        error: Error::raise("ValueError", message),
        function: None,
    }
}

#[test]
fn unraisable_reports_go_to_stderr_or_the_hook() {
    let (mut heap, rt) = setup();
    // Without sys imported: the default format on the real stderr.
    modules::report_unraisable(&mut heap, &rt, &unraisable("boom")).unwrap();
    assert_eq!(
        stderr(&rt),
        "Exception ignored in: <function Bad.__del__ at 0x7f0000001040>\nValueError: boom\n"
    );

    let sys = modules::import(&mut heap, &rt, "sys").unwrap();
    let baseline = heap.live_objects();
    // With the evaluator's traceback, to a replaced sys.stderr.
    let captured = Rc::new(RefCell::new(String::new()));
    let file = string_io(&mut heap, &captured);
    heap.set_attr(sys, "stderr", file).unwrap();
    let traceback = "Traceback (most recent call last):\n  File \"t.py\", line 3, in __del__\n";
    modules::report_unraisable_with(&mut heap, &rt, &unraisable(""), None, None, Some(traceback))
        .unwrap();
    assert_eq!(
        *captured.borrow(),
        format!(
            "Exception ignored in: <function Bad.__del__ at 0x7f0000001040>\n{traceback}ValueError\n"
        )
    );
    let real = heap.get_attr(sys, "__stderr__").unwrap();
    heap.set_attr(sys, "stderr", real).unwrap();
    heap.decref(file).unwrap();

    // sys.unraisablehook = hook: called with the UnraisableHookArgs; the hook may call
    // sys.__unraisablehook__ itself.
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = Rc::clone(&seen);
    let default = heap.get_attr(sys, "__unraisablehook__").unwrap();
    let hook = heap
        .new_function("report", &[default], move |heap, c, args| {
            let line = heap.get_attr(args[0], "_exc_line")?;
            log.borrow_mut().push(heap.as_str(line)?.to_string());
            let object = heap.get_attr(args[0], "object")?;
            assert_eq!(heap.kind(object)?, refcount::Kind::None);
            heap.call(c[0], &[args[0]])
        })
        .unwrap();
    heap.set_attr(sys, "unraisablehook", hook).unwrap();
    heap.decref(hook).unwrap();
    modules::report_unraisable(&mut heap, &rt, &unraisable("again")).unwrap();
    assert_eq!(*seen.borrow(), ["ValueError: again"]);
    assert!(stderr(&rt).ends_with("ValueError: again\n"));
    heap.set_attr(sys, "unraisablehook", default).unwrap();
    assert_eq!(heap.live_objects(), baseline);
    drop_all(&mut heap, &[sys]);
}

#[test]
fn no_leaks_once_the_modules_exist() {
    let (mut heap, rt) = setup();
    let mods = import_all(&mut heap, &rt);
    let [gc, sys, weakref, _] = mods;
    call(&mut heap, gc, "disable", &[]).unwrap();
    // The first finalize and WeakValueDictionary make stage 4's classes and registry.
    let class = heap.new_class("C").unwrap();
    let noop = heap
        .new_function("noop", &[], |heap, _, _| heap.none())
        .unwrap();
    for _ in 0..2 {
        let obj = heap.new_instance(class).unwrap();
        let f = call(&mut heap, weakref, "finalize", &[obj, noop]).unwrap();
        let d = call(&mut heap, weakref, "WeakValueDictionary", &[]).unwrap();
        drop_all(&mut heap, &[d, f, obj]);
    }
    call_int(&mut heap, gc, "collect", &[]);
    let baseline = heap.live_objects();
    for _ in 0..3 {
        for name in ["gc", "sys", "weakref", "_testcapi"] {
            let m = modules::import(&mut heap, &rt, name).unwrap();
            heap.decref(m).unwrap();
        }
        for f in ["get_count", "get_stats", "get_objects", "get_threshold"] {
            let r = call(&mut heap, gc, f, &[]).unwrap();
            heap.decref(r).unwrap();
        }
        let obj = heap.new_instance(class).unwrap();
        call_int(&mut heap, sys, "getrefcount", &[obj]);
        let r = call(&mut heap, weakref, "ref", &[obj, noop]).unwrap();
        let f = call(&mut heap, weakref, "finalize", &[obj, noop]).unwrap();
        let d = call(&mut heap, weakref, "WeakValueDictionary", &[]).unwrap();
        let key = heap.new_int(5).unwrap();
        modules::special_setitem(&mut heap, &rt, d, key, obj).unwrap();
        for name in ["alive", "atexit"] {
            let v = modules::special_attr(&mut heap, &rt, f, name)
                .unwrap()
                .unwrap();
            heap.decref(v).unwrap();
        }
        for name in ["keys", "values", "items", "__len__"] {
            let method = modules::special_attr(&mut heap, &rt, d, name)
                .unwrap()
                .unwrap();
            let v = heap.call(method, &[]).unwrap();
            drop_all(&mut heap, &[v, method]);
        }
        drop_all(&mut heap, &[d, obj, f, r]);
        assert_eq!(call_int(&mut heap, gc, "collect", &[]), 0);
        assert_eq!(heap.live_objects(), baseline);
    }
    drop_all(&mut heap, &[noop, class]);
    drop_all(&mut heap, &mods);
    heap.check_invariants().unwrap();
    finalizers::check_weakrefs(&heap).unwrap();
}

#[test]
fn gc_collect_reports_what_finalizers_raised() {
    let (mut heap, rt) = setup();
    // As pyrun's program runner does: each report goes to the hook as it is made.
    let handler_rt = rt.rc();
    heap.set_unraisable_handler(move |heap, report| {
        modules::report_unraisable(heap, &handler_rt, report).unwrap()
    });
    let gc = modules::import(&mut heap, &rt, "gc").unwrap();
    call(&mut heap, gc, "disable", &[]).unwrap();
    let class = heap
        .new_class_with_del("Bad", |_, _| Err(Error::raise("ValueError", "boom")))
        .unwrap();
    let b = heap.new_instance(class).unwrap();
    heap.set_attr(b, "me", b).unwrap();
    heap.decref(b).unwrap();
    assert_eq!(call_int(&mut heap, gc, "collect", &[]), 1);
    let text = stderr(&rt);
    assert!(
        text.starts_with("Exception ignored in: <function Bad.__del__ at 0x")
            && text.ends_with(">\nValueError: boom\n"),
        "{text:?}"
    );
    assert!(heap.take_unraisable().is_empty());
    drop_all(&mut heap, &[class, gc]);
}

#[test]
fn at_exit_calls_the_live_finalizers_newest_first() {
    let (mut heap, rt) = setup();
    let weakref = modules::import(&mut heap, &rt, "weakref").unwrap();
    let class = heap.new_class("Leaky").unwrap();
    let closed = Rc::new(RefCell::new(Vec::new()));
    let log = Rc::clone(&closed);
    let close = heap
        .new_function("close", &[], move |heap, _, args| {
            log.borrow_mut().push(heap.as_str(args[0])?.to_string());
            heap.none()
        })
        .unwrap();
    let mut keep = Vec::new();
    let mut finalizers = Vec::new();
    for name in ["a", "b", "c", "d"] {
        let obj = heap.new_instance(class).unwrap();
        let s = heap.new_str(name).unwrap();
        let f = call(&mut heap, weakref, "finalize", &[obj, close, s]).unwrap();
        heap.decref(s).unwrap();
        keep.push(obj);
        finalizers.push(f);
    }
    // b's finalizer is called now; c's object dies; d's has atexit = False.
    let (fb, fd) = (finalizers[1], finalizers[3]);
    let none = heap.call(fb, &[]).unwrap();
    heap.decref(none).unwrap();
    let c = keep.remove(2);
    heap.decref(c).unwrap();
    let false_ = heap.new_bool(false).unwrap();
    heap.set_attr(fd, "atexit", false_).unwrap();
    let atexit = modules::special_attr(&mut heap, &rt, fd, "atexit")
        .unwrap()
        .unwrap();
    assert_eq!(heap.repr(atexit).unwrap(), "False");
    assert_eq!(*closed.borrow(), ["b", "c"]);

    modules::at_exit(&mut heap, &rt).unwrap();
    assert_eq!(*closed.borrow(), ["b", "c", "a"]);
    modules::at_exit(&mut heap, &rt).unwrap();
    assert_eq!(closed.borrow().len(), 3);
    drop_all(&mut heap, &keep);
    drop_all(&mut heap, &finalizers);
    drop_all(&mut heap, &[atexit, close, class, weakref]);
}

#[test]
fn write_stream_follows_a_replaced_sys_stdout() {
    let (mut heap, rt) = setup();
    modules::write_stream(&mut heap, &rt, Stream::Stdout, "before import\n").unwrap();
    let sys = modules::import(&mut heap, &rt, "sys").unwrap();
    let captured = Rc::new(RefCell::new(String::new()));
    let file = string_io(&mut heap, &captured);
    assert_eq!(modules::replaced_stream(&heap, &rt, Stream::Stdout), None);
    heap.set_attr(sys, "stdout", file).unwrap();
    assert_eq!(
        modules::replaced_stream(&heap, &rt, Stream::Stdout),
        Some(file)
    );
    assert_eq!(modules::replaced_stream(&heap, &rt, Stream::Stderr), None);
    modules::write_stream(&mut heap, &rt, Stream::Stdout, "kept\n").unwrap();
    modules::write_stream(&mut heap, &rt, Stream::Stderr, "err\n").unwrap();
    assert_eq!(*captured.borrow(), "kept\n");
    assert_eq!(
        output(&rt),
        [
            (Stream::Stdout, "before import\n".to_string()),
            (Stream::Stderr, "err\n".to_string())
        ]
    );
    let real = heap.get_attr(sys, "__stdout__").unwrap();
    heap.set_attr(sys, "stdout", real).unwrap();
    drop_all(&mut heap, &[file, sys]);
}

#[test]
fn finalize_peek_and_detach() {
    let (mut heap, rt) = setup();
    let weakref = modules::import(&mut heap, &rt, "weakref").unwrap();
    let class = heap.new_class("C").unwrap();
    let called = Rc::new(RefCell::new(0));
    let count = Rc::clone(&called);
    let func = heap
        .new_function("func", &[], move |heap, _, _| {
            *count.borrow_mut() += 1;
            heap.none()
        })
        .unwrap();
    let arg = heap.new_str("x").unwrap();
    let obj = heap.new_instance(class).unwrap();
    let f = call(&mut heap, weakref, "finalize", &[obj, func, arg]).unwrap();
    let baseline = heap.live_objects();
    let peek = modules::special_attr(&mut heap, &rt, f, "peek")
        .unwrap()
        .unwrap();
    let peeked = heap.call(peek, &[]).unwrap();
    assert_eq!(heap.tuple_len(peeked).unwrap(), 4);
    assert_eq!(heap.tuple_get(peeked, 0).unwrap(), obj);
    assert_eq!(heap.tuple_get(peeked, 1).unwrap(), func);
    let args = heap.tuple_get(peeked, 2).unwrap();
    assert_eq!(heap.repr(args).unwrap(), "('x',)");
    drop_all(&mut heap, &[peeked, peek]);
    // The registry, found once, is held by rt.modules from now on.
    assert_eq!(heap.live_objects(), baseline);

    let detach = modules::special_attr(&mut heap, &rt, f, "detach")
        .unwrap()
        .unwrap();
    let detached = heap.call(detach, &[]).unwrap();
    assert_eq!(heap.tuple_get(detached, 0).unwrap(), obj);
    heap.decref(detached).unwrap();
    let again = heap.call(detach, &[]).unwrap();
    assert_eq!(heap.kind(again).unwrap(), refcount::Kind::None);
    heap.decref(detach).unwrap();
    let alive = modules::special_attr(&mut heap, &rt, f, "alive")
        .unwrap()
        .unwrap();
    assert_eq!(heap.repr(alive).unwrap(), "False");
    heap.decref(obj).unwrap();
    assert_eq!(*called.borrow(), 0);
    drop_all(&mut heap, &[f, arg, func, class, weakref]);
}
