//! The `weakref` module: `weakref.ref`, `getweakrefcount`, `getweakrefs` and `finalize`, one
//! function per Python function, on any heap with stage 4's hooks.

use refcount::{Heap, ObjRef, Object, Result};

use crate::Finalizing;

// ANCHOR: ref
/// `weakref.ref(obj, callback)`: a new reference to a weak reference to `obj`. Without a
/// callback, an existing callback-less weak reference is shared, as in CPython
/// (`weakref.ref(x) is weakref.ref(x)`). The callback, if any, is called with the weak
/// reference once `obj` dies, unless the weak reference has died first.
pub fn ref_<H: Finalizing>(
    heap: &mut Heap<H>,
    obj: ObjRef,
    callback: Option<ObjRef>,
) -> Result<ObjRef> {
    if callback.is_none()
        && let Some(basic) = basic_ref(heap, obj)
    {
        heap.incref(basic)?;
        return Ok(basic);
    }
    // Allocating may run a collection, which may change `obj`'s list: look again after.
    let weakref = heap.new_weakref(obj, callback)?;
    if !heap.is_alive(obj) {
        heap.weakref_clear(weakref)?;
        return Ok(weakref);
    }
    let basic = basic_ref(heap, obj);
    if callback.is_none()
        && let Some(basic) = basic
    {
        // Someone made one meanwhile (a callback, during that collection): share theirs.
        heap.decref(weakref)?;
        heap.incref(basic)?;
        return Ok(basic);
    }
    heap.hooks_mut()
        .finalizers_mut()
        .weak
        .insert(obj, weakref, basic);
    Ok(weakref)
}
// ANCHOR_END: ref

/// The callback-less weak reference to `obj`, which CPython keeps at the head of the list.
fn basic_ref<H: Finalizing>(heap: &Heap<H>, obj: ObjRef) -> Option<ObjRef> {
    let &head = heap.hooks().finalizers().weak.of(obj).first()?;
    match heap.get(head) {
        Ok(Object::WeakRef(w)) if w.callback().is_none() => Some(head),
        _ => None,
    }
}

/// `weakref.getweakrefcount(obj)`: how many weak references to `obj` there are.
pub fn getweakrefcount<H: Finalizing>(heap: &Heap<H>, obj: ObjRef) -> Result<usize> {
    heap.kind(obj)?;
    Ok(heap.hooks().finalizers().weak.of(obj).len())
}

/// `weakref.getweakrefs(obj)`: a new list of the weak references to `obj`, in CPython's
/// order (the callback-less one first, then the others newest first).
pub fn getweakrefs<H: Finalizing>(heap: &mut Heap<H>, obj: ObjRef) -> Result<ObjRef> {
    heap.kind(obj)?;
    let refs = heap.hooks().finalizers().weak.of(obj).to_vec();
    heap.new_list(&refs)
}

// ANCHOR: finalize
/// `weakref.finalize(obj, func, *args)`: calls `func(*args)` once, when `obj` dies or when
/// the returned finalizer is called, whichever comes first. As in CPython's `weakref.py`, the
/// finalizer is an object whose weak reference to `obj` has the finalizer itself as
/// callback, and a registry (`finalize._registry`) keeps it alive meanwhile, with the weak
/// reference, `func` and `args`: nothing of it hangs on `obj`, so `obj` may be in a cycle.
/// Returns a new reference to the finalizer.
pub fn finalize<H: Finalizing>(
    heap: &mut Heap<H>,
    obj: ObjRef,
    func: ObjRef,
    args: &[ObjRef],
) -> Result<ObjRef> {
    let class = finalize_class(heap)?;
    let finalizer = heap.new_instance(class)?;
    let weakref = ref_(heap, obj, Some(finalizer))?;
    let args = heap.new_tuple(args)?;
    let info = heap.new_tuple(&[weakref, func, args])?;
    let registry = registry(heap)?;
    heap.dict_set(registry, finalizer, info)?;
    for temporary in [info, args, weakref] {
        heap.decref(temporary)?;
    }
    Ok(finalizer)
}

/// `finalizer.alive`: whether it has not been called yet.
pub fn finalize_alive<H: Finalizing>(heap: &mut Heap<H>, finalizer: ObjRef) -> Result<bool> {
    let registry = registry(heap)?;
    Ok(heap.dict_get(registry, finalizer)?.is_some())
}

/// The class of finalizers: its `__call__` takes the finalizer out of the registry and, if
/// it was there, calls `func(*args)`.
fn finalize_class<H: Finalizing>(heap: &mut Heap<H>) -> Result<ObjRef> {
    if let Some(class) = heap.hooks().finalizers().finalize_class {
        return Ok(class);
    }
    let call = heap.new_function("finalize.__call__", &[], |heap, _, args| {
        let finalizer = args[0];
        let registry = registry(heap)?;
        let Some(info) = heap.dict_get(registry, finalizer)? else {
            return heap.none(); // called already
        };
        heap.incref(info)?;
        heap.dict_del(registry, finalizer)?;
        let func = heap.tuple_get(info, 1)?;
        let args = heap.tuple_get(info, 2)?;
        let args: Vec<ObjRef> = (0..heap.tuple_len(args)?)
            .map(|i| heap.tuple_get(args, i))
            .collect::<Result<_>>()?;
        let result = heap.call(func, &args);
        heap.decref(info)?;
        result
    })?;
    let class = heap.new_class_with("finalize", &[("__call__", call)])?;
    heap.decref(call)?;
    heap.hooks_mut().finalizers_mut().finalize_class = Some(class);
    Ok(class)
}

/// `finalize._registry`: a dict from each live finalizer to its (weak reference, func,
/// args), held by the runtime.
fn registry<H: Finalizing>(heap: &mut Heap<H>) -> Result<ObjRef> {
    if let Some(registry) = heap.hooks().finalizers().finalize_registry {
        return Ok(registry);
    }
    let registry = heap.new_dict()?;
    heap.hooks_mut().finalizers_mut().finalize_registry = Some(registry);
    Ok(registry)
}
// ANCHOR_END: finalize

// ANCHOR: weak_value_dictionary
/// `weakref.WeakValueDictionary()`: a mapping whose entries go when their values die. As in
/// `weakref.py`, it is an object holding a plain dict, `data`, from each key to a weak
/// reference to its value; that weak reference's callback removes the entry, if the mapping
/// is still alive (the callback holds the mapping only through a weak reference of its own, so
/// the mapping is never kept alive by its entries). CPython's weak references there are
/// `KeyedRef`s, which carry their key; here each entry's callback captures its key.
pub fn weak_value_dictionary<H: Finalizing>(heap: &mut Heap<H>) -> Result<ObjRef> {
    let class = match heap.hooks().finalizers().weak_value_dictionary_class {
        Some(class) => class,
        None => {
            let class = heap.new_class("WeakValueDictionary")?;
            heap.hooks_mut()
                .finalizers_mut()
                .weak_value_dictionary_class = Some(class);
            class
        }
    };
    let mapping = heap.new_instance(class)?;
    let data = heap.new_dict()?;
    heap.set_attr(mapping, "data", data)?;
    heap.decref(data)?;
    Ok(mapping)
}

/// `mapping[key] = value`.
pub fn wvd_set<H: Finalizing>(
    heap: &mut Heap<H>,
    mapping: ObjRef,
    key: ObjRef,
    value: ObjRef,
) -> Result<()> {
    let selfref = ref_(heap, mapping, None)?;
    // def remove(wr, selfref=ref(self)): if selfref() is not None: del self.data[key]
    // (only while it still maps key to this dead weak reference: _remove_dead_weakref)
    let remove = heap.new_function(
        "WeakValueDictionary.remove",
        &[selfref, key],
        |heap, c, args| {
            if let Some(mapping) = heap.weakref_get(c[0])? {
                let data = heap.get_attr(mapping, "data")?;
                if heap.dict_get(data, c[1])? == Some(args[0]) {
                    heap.dict_del(data, c[1])?;
                }
            }
            heap.none()
        },
    )?;
    heap.decref(selfref)?;
    let weakref = ref_(heap, value, Some(remove));
    heap.decref(remove)?;
    let weakref = weakref?;
    let data = heap.get_attr(mapping, "data")?;
    let stored = heap.dict_set(data, key, weakref);
    heap.decref(weakref)?;
    stored
}

/// `mapping.get(key)`: the value, borrowed, if the key is there and its value alive.
pub fn wvd_get<H: Finalizing>(
    heap: &Heap<H>,
    mapping: ObjRef,
    key: ObjRef,
) -> Result<Option<ObjRef>> {
    let data = heap.get_attr(mapping, "data")?;
    match heap.dict_get(data, key)? {
        Some(weakref) => heap.weakref_get(weakref),
        None => Ok(None),
    }
}

/// `list(mapping)`: the keys whose values are alive, in insertion order (borrowed).
pub fn wvd_keys<H: Finalizing>(heap: &Heap<H>, mapping: ObjRef) -> Result<Vec<ObjRef>> {
    let data = heap.get_attr(mapping, "data")?;
    let Object::Dict(dict) = heap.get(data)? else {
        return Ok(Vec::new());
    };
    let mut keys = Vec::new();
    for &(key, weakref) in dict.entries() {
        if heap.weakref_get(weakref)?.is_some() {
            keys.push(key);
        }
    }
    Ok(keys)
}
// ANCHOR_END: weak_value_dictionary
