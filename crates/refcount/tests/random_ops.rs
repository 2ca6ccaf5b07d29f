//! Random programs: after every single operation, every reference count must equal the
//! references that really exist, and misuse must leave the heap unchanged.

use proptest::prelude::*;
use refcount::{Heap, ObjRef};

/// One step of a random program. Indices pick among the handles seen so far (live or not),
/// so stale handles and decrefs of unowned references are exercised too.
#[derive(Clone, Debug)]
enum Op {
    NewInt(i64),
    NewStr,
    NewList(Vec<usize>),
    NewTuple(Vec<usize>),
    NewDict,
    NewInstance,
    Append(usize, usize),
    ListSet(usize, usize, usize),
    Pop(usize),
    DictSet(usize, usize, usize),
    DictDel(usize, usize),
    SetAttr(usize, u8, usize),
    DelAttr(usize, u8),
    InstanceDict(usize),
    SetGlobal(u8, usize),
    DelGlobal(u8),
    Incref(usize),
    Decref(usize),
    Clear(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..64;
    prop_oneof![
        (-10i64..300).prop_map(Op::NewInt),
        Just(Op::NewStr),
        prop::collection::vec(i(), 0..4).prop_map(Op::NewList),
        prop::collection::vec(i(), 0..4).prop_map(Op::NewTuple),
        Just(Op::NewDict),
        Just(Op::NewInstance),
        (i(), i()).prop_map(|(a, b)| Op::Append(a, b)),
        (i(), 0usize..4, i()).prop_map(|(a, n, b)| Op::ListSet(a, n, b)),
        i().prop_map(Op::Pop),
        (i(), i(), i()).prop_map(|(a, b, c)| Op::DictSet(a, b, c)),
        (i(), i()).prop_map(|(a, b)| Op::DictDel(a, b)),
        (i(), 0u8..4, i()).prop_map(|(a, n, b)| Op::SetAttr(a, n, b)),
        (i(), 0u8..4).prop_map(|(a, n)| Op::DelAttr(a, n)),
        i().prop_map(Op::InstanceDict),
        (0u8..4, i()).prop_map(|(n, b)| Op::SetGlobal(n, b)),
        (0u8..4).prop_map(Op::DelGlobal),
        i().prop_map(Op::Incref),
        i().prop_map(Op::Decref),
        i().prop_map(Op::Clear),
    ]
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut heap = Heap::new();
    let class = heap
        .new_class_with_del("P", |heap, this| {
            // A finalizer that sometimes resurrects: through a global, if the object has `a0`.
            if heap.get_attr(this, "a0").is_ok() {
                heap.set_global("lazarus", this)?;
            }
            Ok(())
        })
        .unwrap();
    let mut seen: Vec<ObjRef> = vec![class];
    let pick = |seen: &[ObjRef], i: usize| seen[i % seen.len()];
    for op in ops {
        let before = heap.live_objects();
        let result = match op.clone() {
            Op::NewInt(v) => heap.new_int(v).map(|r| seen.push(r)),
            Op::NewStr => heap.new_str("s").map(|r| seen.push(r)),
            Op::NewList(items) | Op::NewTuple(items) => {
                let items: Vec<ObjRef> = items.iter().map(|&i| pick(&seen, i)).collect();
                let made = if matches!(op, Op::NewList(_)) {
                    heap.new_list(&items)
                } else {
                    heap.new_tuple(&items)
                };
                made.map(|r| seen.push(r))
            }
            Op::NewDict => heap.new_dict().map(|r| seen.push(r)),
            Op::NewInstance => heap.new_instance(class).map(|r| seen.push(r)),
            Op::Append(a, b) => heap.list_append(pick(&seen, a), pick(&seen, b)),
            Op::ListSet(a, n, b) => heap.list_set(pick(&seen, a), n, pick(&seen, b)),
            Op::Pop(a) => heap.list_pop(pick(&seen, a)).map(|r| seen.push(r)),
            Op::DictSet(d, k, v) => heap.dict_set(pick(&seen, d), pick(&seen, k), pick(&seen, v)),
            Op::DictDel(d, k) => heap.dict_del(pick(&seen, d), pick(&seen, k)),
            Op::SetAttr(o, n, v) => heap.set_attr(pick(&seen, o), &format!("a{n}"), pick(&seen, v)),
            Op::DelAttr(o, n) => heap.del_attr(pick(&seen, o), &format!("a{n}")),
            Op::InstanceDict(o) => heap.instance_dict(pick(&seen, o)).map(drop),
            Op::SetGlobal(n, v) => heap.set_global(&format!("g{n}"), pick(&seen, v)),
            Op::DelGlobal(n) => heap.del_global(&format!("g{n}")),
            Op::Incref(a) => heap.incref(pick(&seen, a)),
            Op::Decref(a) => heap.decref(pick(&seen, a)),
            Op::Clear(a) => heap.clear(pick(&seen, a)).map(drop),
        };
        if let Err(error) = heap.check_invariants() {
            return Err(TestCaseError::fail(format!(
                "after {op:?} ({result:?}): {error}"
            )));
        }
        if result.is_err() {
            prop_assert_eq!(
                heap.live_objects(),
                before,
                "a failed {:?} changed the heap",
                op
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn invariants_hold_after_every_operation(ops in prop::collection::vec(op(), 1..80)) {
        run(&ops)?;
    }
}
