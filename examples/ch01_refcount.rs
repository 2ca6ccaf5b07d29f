//! The experiments of chapter 1, "Objects, names and reference counts", run on the stage-1
//! runtime.
//!
//! `cargo run --example ch01_refcount` runs them all; name one or more to run only those
//! (`cargo run --example ch01_refcount -- small-int del`).

use std::process::ExitCode;

use memviz::diagram::Diagram;
use pymem::experiments::{self, Experiment};
use refcount::{Heap, ObjRef, Result};

/// Each experiment mirrors one of the chapter's Python programs, statement by statement.
const EXPERIMENTS: &[(&str, Experiment)] = &[
    ("small-int", small_int),
    ("fresh-object", fresh_object),
    ("misuse", misuse),
    ("del", del_and_finalizer),
    ("names-diagram", names_diagram),
    ("id-reuse", id_reuse),
    ("small-int-cache", small_int_cache),
    ("sizes", sizes),
    ("dealloc-order", dealloc_order),
];

fn main() -> ExitCode {
    experiments::main(EXPERIMENTS)
}

// ANCHOR: small_int
/// `x = 10; y = 10; del x`, printing `sys.getrefcount` along the way.
fn small_int(heap: &mut Heap) -> Result<()> {
    let ten = heap.new_int(10)?; // evaluate the literal 10: a new reference
    heap.set_global("x", ten)?; // x = 10
    heap.decref(ten)?; // the evaluation's reference is dropped
    println!("after x = 10:  {}", heap.getrefcount(ten)?);

    let ten_again = heap.new_int(10)?;
    heap.set_global("y", ten_again)?; // y = 10
    heap.decref(ten_again)?;
    println!("after y = 10:  {}", heap.getrefcount(ten)?);
    let (x, y) = (heap.get_global("x")?, heap.get_global("y")?);
    println!("x is y:        {}", x == y);

    heap.del_global("x")?; // del x
    println!("after del x:   {}", heap.getrefcount(ten)?);
    Ok(())
}
// ANCHOR_END: small_int

// ANCHOR: fresh_object
/// `x = C(); y = x; del y` on an object nobody else knows about.
fn fresh_object(heap: &mut Heap) -> Result<()> {
    let class = heap.new_class("C")?;
    let obj = heap.new_instance(class)?; // C(): one reference, held by the evaluation
    // sys.getrefcount(C()) passes that very reference as the argument: no extra one.
    println!("C() as a temporary: {}", heap.refcount(obj)?);
    heap.set_global("x", obj)?; // x = C()
    heap.decref(obj)?;
    println!("after x = C():      {}", heap.getrefcount(obj)?);
    heap.set_global("y", obj)?; // y = x
    println!("after y = x:        {}", heap.getrefcount(obj)?);
    heap.del_global("y")?; // del y
    println!("after del y:        {}", heap.getrefcount(obj)?);
    heap.del_global("x")?; // del x: the last reference
    println!("after del x:        alive: {}", heap.is_alive(obj));
    Ok(())
}
// ANCHOR_END: fresh_object

// ANCHOR: misuse
/// One `decref` too many: refused, with a message, and nothing is freed.
fn misuse(heap: &mut Heap) -> Result<()> {
    let item = heap.new_list(&[])?; // our reference
    let holder = heap.new_list(&[item])?; // holder = [item]: the list takes its own
    heap.decref(item)?; // we drop ours; the holder's remains
    let error = heap.decref(item).unwrap_err(); // one decref too many
    println!("{error}");
    println!("item alive: {}", heap.is_alive(item));
    heap.decref(holder)?; // the list goes, and takes the item with it
    println!(
        "after the holder is freed: {}",
        heap.refcount(item).unwrap_err()
    );
    Ok(())
}
// ANCHOR_END: misuse

// ANCHOR: del
/// `obj2 = obj1; del obj1; del obj2` with a class whose `__del__` prints.
fn del_and_finalizer(heap: &mut Heap) -> Result<()> {
    let class = heap.new_class_with_del("MyClass", |heap, this| {
        let name = heap.get_attr(this, "name")?;
        println!("__del__ {}", heap.as_str(name)?);
        Ok(())
    })?;
    let obj = heap.new_instance(class)?;
    let name = heap.new_str("obj")?;
    heap.set_attr(obj, "name", name)?;
    heap.decref(name)?;
    heap.set_global("obj1", obj)?; // obj1 = MyClass("obj")
    heap.decref(obj)?;

    let obj1 = heap.get_global("obj1")?;
    heap.set_global("obj2", obj1)?; // obj2 = obj1
    println!("del obj1");
    heap.del_global("obj1")?; // one reference left: nothing happens
    println!("del obj2");
    heap.del_global("obj2")?; // the last reference: __del__ runs right here
    println!("after");
    Ok(())
}
// ANCHOR_END: del

// ANCHOR: names_diagram
/// The heap after `x = 10; y = 10; obj1 = MyClass("obj"); obj2 = obj1`, drawn by memviz.
fn names_diagram(heap: &mut Heap) -> Result<()> {
    let ten = heap.new_int(10)?;
    heap.set_global("x", ten)?; // x = 10
    heap.set_global("y", ten)?; // y = 10
    heap.decref(ten)?;
    let class = heap.new_class("MyClass")?;
    heap.set_global("MyClass", class)?; // class MyClass: ...
    heap.decref(class)?;
    let obj = heap.new_instance(class)?;
    let name = heap.new_str("obj")?;
    heap.set_attr(obj, "name", name)?; // self.name = name
    heap.decref(name)?;
    heap.set_global("obj1", obj)?; // obj1 = MyClass("obj")
    heap.set_global("obj2", obj)?; // obj2 = obj1
    heap.decref(obj)?;
    print!("{}", Diagram::new().render(heap)?);
    Ok(())
}
// ANCHOR_END: names_diagram

// ANCHOR: id_reuse
/// `id(C()) == id(C())`: the first object is freed before the second is made.
fn id_reuse(heap: &mut Heap) -> Result<()> {
    let class = heap.new_class("C")?;
    let id_of_temporary = |heap: &mut Heap| -> Result<u64> {
        let temporary = heap.new_instance(class)?;
        let id = heap.id(temporary)?;
        heap.decref(temporary)?; // the temporary dies when id() returns
        Ok(id)
    };
    let first = id_of_temporary(heap)?;
    let second = id_of_temporary(heap)?;
    println!("id(C()) == id(C()): {}", first == second);

    let a = heap.new_instance(class)?;
    let b = heap.new_instance(class)?;
    println!(
        "two live objects share an id: {}",
        heap.id(a)? == heap.id(b)?
    );
    println!("a stale handle is refused:");
    let stale: ObjRef = {
        let c = heap.new_instance(class)?;
        heap.decref(c)?;
        c
    };
    println!("  {}", heap.getrefcount(stale).unwrap_err());
    Ok(())
}
// ANCHOR_END: id_reuse

// ANCHOR: small_int_cache
/// `int("256") is int("256")` and its neighbours at both ends of the cache.
fn small_int_cache(heap: &mut Heap) -> Result<()> {
    for pair in [[256, 257], [-5, -6]] {
        let mut line = Vec::new();
        for value in pair {
            let a = heap.new_int(value)?;
            let b = heap.new_int(value)?;
            line.push(format!("{value} is {value}: {}", a == b));
            heap.decref(a)?;
            heap.decref(b)?;
        }
        println!("{}", line.join("   "));
    }
    Ok(())
}
// ANCHOR_END: small_int_cache

// ANCHOR: sizes
/// `sys.getsizeof` of an empty list, tuple, dict, an instance and an int.
fn sizes(heap: &mut Heap) -> Result<()> {
    let class = heap.new_class("C")?;
    let objects = [
        heap.new_list(&[])?,
        heap.new_tuple(&[])?,
        heap.new_dict()?,
        heap.new_instance(class)?,
        heap.new_int(1)?,
    ];
    for obj in objects {
        println!("{:<5} {}", heap.type_name(obj)?, heap.getsizeof(obj)?);
    }
    Ok(())
}
// ANCHOR_END: sizes

// ANCHOR: dealloc_order
/// A list and a dict of three objects whose `__del__` prints their number, then `del`.
fn dealloc_order(heap: &mut Heap) -> Result<()> {
    let class = heap.new_class_with_del("A", |heap, this| {
        let n = heap.get_attr(this, "n")?;
        print!("{} ", heap.as_int(n)?);
        Ok(())
    })?;
    for container in ["list", "dict"] {
        let mut three = Vec::new();
        for n in 1..=3 {
            let obj = heap.new_instance(class)?; // A(n)
            let value = heap.new_int(n)?;
            heap.set_attr(obj, "n", value)?;
            heap.decref(value)?;
            three.push(obj);
        }
        let holder = if container == "list" {
            heap.new_list(&three)? // l = [A(1), A(2), A(3)]
        } else {
            let dict = heap.new_dict()?; // d = {"a": A(1), "b": A(2), "c": A(3)}
            for (&obj, key) in three.iter().zip(["a", "b", "c"]) {
                let key = heap.new_str(key)?;
                heap.dict_set(dict, key, obj)?;
                heap.decref(key)?;
            }
            dict
        };
        for obj in three {
            heap.decref(obj)?; // the container now holds the only references
        }
        heap.decref(holder)?; // del l / del d
        println!("<- {container}");
    }
    Ok(())
}
// ANCHOR_END: dealloc_order
