//! The built-in operations: creating objects, storing and removing references in containers,
//! names and attributes. Each one keeps the counts right: storing takes a reference, removing
//! drops one.

use std::borrow::Cow;
use std::ops::RangeInclusive;
use std::rc::Rc;

use crate::heap::Heap;
use crate::object::{
    Attrs, Class, Dict, Function, INDEX_FROM, Instance, KeyIndex, List, Native, NativeKw, Values,
    WeakRef,
};
use crate::{Error, Hooks, Kind, ObjRef, Object, Result};

/// The ints CPython 3.11 preallocates (`_PY_NSMALLNEGINTS`, `_PY_NSMALLPOSINTS`).
pub const SMALL_INTS: RangeInclusive<i64> = -5..=256;

/// CPython stops sharing one key list between a class's instances beyond this many
/// attribute names (`SHARED_KEYS_MAX_SIZE`); the instance then gets a dict of its own.
const SHARED_KEYS_MAX: usize = 30;

/// What `clear` took out of a container, to drop once the container is consistent again.
enum Cleared {
    Items(Vec<ObjRef>),
    Entries(Vec<(ObjRef, ObjRef)>),
    Attrs(Attrs),
    Class(Vec<(ObjRef, ObjRef)>),
    Refs(Vec<ObjRef>),
}

/// How deep `repr` may recurse before it raises `RecursionError`, like CPython's limit.
const REPR_DEPTH_LIMIT: usize = 1000;

impl<H: Hooks> Heap<H> {
    // ---------------------------------------------------------------- constructors

    /// `None` (a new reference to the one None object).
    pub fn none(&mut self) -> Result<ObjRef> {
        let none = self.none;
        self.incref(none)?;
        Ok(none)
    }

    /// `True` or `False`.
    pub fn new_bool(&mut self, value: bool) -> Result<ObjRef> {
        let r = if value { self.true_ } else { self.false_ };
        self.incref(r)?;
        Ok(r)
    }

    // ANCHOR: new_int
    /// An int. Values in -5..=256 come from the preallocated cache, as in CPython, so every
    /// `10` in a program is the same object; other values are a fresh object each time.
    pub fn new_int(&mut self, value: i64) -> Result<ObjRef> {
        if SMALL_INTS.contains(&value) {
            let cached = self.small_ints[(value - SMALL_INTS.start()) as usize];
            self.incref(cached)?;
            return Ok(cached);
        }
        Ok(self.alloc(Object::Int(value)))
    }
    // ANCHOR_END: new_int

    /// A fresh str, as a string computed at run time is.
    pub fn new_str(&mut self, value: &str) -> Result<ObjRef> {
        Ok(self.alloc(Object::Str(value.into())))
    }

    /// The interned str for `value`: one object per distinct text, kept alive by the intern
    /// table. Names of variables and attributes are interned, as CPython interns identifiers.
    pub fn intern(&mut self, value: &str) -> Result<ObjRef> {
        if let Some(&r) = self.interned.get(value) {
            self.incref(r)?;
            return Ok(r);
        }
        let r = self.alloc(Object::Str(value.into()));
        self.incref(r)?; // the table's own reference
        self.interned.insert(value.into(), r);
        Ok(r)
    }

    /// A tuple of `items` (each gets a new reference).
    pub fn new_tuple(&mut self, items: &[ObjRef]) -> Result<ObjRef> {
        self.take_refs("new_tuple", items)?;
        Ok(self.alloc(Object::Tuple(items.into())))
    }

    /// A list of `items`, as `[a, b, c]` builds it.
    pub fn new_list(&mut self, items: &[ObjRef]) -> Result<ObjRef> {
        self.take_refs("new_list", items)?;
        Ok(self.alloc(Object::List(List::with_items(items.to_vec()))))
    }

    /// An empty dict.
    pub fn new_dict(&mut self) -> Result<ObjRef> {
        Ok(self.alloc(Object::Dict(Box::default())))
    }

    /// A class with no attributes.
    pub fn new_class(&mut self, name: &str) -> Result<ObjRef> {
        self.new_class_with(name, &[])
    }

    // ANCHOR: new_class_with
    /// A class with attributes, as a `class` statement makes one from its body: `attrs` are
    /// (name, value) pairs in definition order, and the class takes a reference to each value.
    /// A function named `__del__` among them is the instances' finalizer. It is fixed when the
    /// class is made (CPython updates `tp_finalize` when `__del__` is assigned later; here
    /// [`Heap::set_class_attr`] refuses to), so freeing an instance never searches its class.
    pub fn new_class_with(&mut self, name: &str, attrs: &[(&str, ObjRef)]) -> Result<ObjRef> {
        self.new_subclass(name, None, attrs)
    }
    // ANCHOR_END: new_class_with

    /// A class deriving from `base` (single inheritance): the attributes it lacks, `__del__`
    /// among them, are the base's. It holds a reference to its base.
    pub fn new_subclass(
        &mut self,
        name: &str,
        base: Option<ObjRef>,
        attrs: &[(&str, ObjRef)],
    ) -> Result<ObjRef> {
        if let Some(base) = base {
            self.class_ref("new_subclass", base)?;
        }
        let values: Vec<ObjRef> = attrs.iter().map(|&(_, value)| value).collect();
        // Every value checked before a name is interned: nothing to undo after.
        for &(attr, value) in attrs {
            if self.kind(value)? != Kind::Function && attr == "__del__" {
                return Err(self.wrong_type("new_class_with", "a function for __del__", value));
            }
        }
        let mut names = Vec::with_capacity(attrs.len());
        for &(attr, _) in attrs {
            let key = self.intern(attr)?;
            self.move_inside(key);
            names.push(key);
        }
        self.take_refs("new_class_with", &values)?;
        let own = attrs.iter().find(|&&(attr, _)| attr == "__del__");
        let inherited = base.and_then(|b| self.class_ref("new_subclass", b).ok()?.finalizer);
        if let Some(base) = base {
            self.take_ref("new_subclass", base)?;
        }
        Ok(self.alloc(Object::Class(Box::new(Class {
            name: name.into(),
            attrs: names.into_iter().zip(values).collect(),
            keys: Vec::new(),
            finalizer: own.map(|&(_, del)| del).or(inherited),
            base,
        }))))
    }

    // ANCHOR: new_class_with_del
    /// A class whose instances run `del` when they are freed: Python's `__del__`. The
    /// finalizer gets the heap and the dying object; it may store a new reference to the
    /// object, which resurrects it. It becomes a function object, `Name.__del__`, held by the
    /// class like any method.
    pub fn new_class_with_del(
        &mut self,
        name: &str,
        del: impl Fn(&mut Heap<H>, ObjRef) -> Result<()> + 'static,
    ) -> Result<ObjRef> {
        let function =
            self.new_function(&format!("{name}.__del__"), &[], move |heap, _, args| {
                del(heap, args[0])?;
                heap.none()
            })?;
        let class = self.new_class_with(name, &[("__del__", function)]);
        self.decref(function)?;
        class
    }
    // ANCHOR_END: new_class_with_del

    /// `class.name`, borrowed, if the class has that attribute.
    pub fn class_attr(&self, class: ObjRef, name: &str) -> Result<Option<ObjRef>> {
        self.class_ref("class_attr", class)?;
        Ok(self.class_attr_of(class, name))
    }

    /// [`Heap::class_attr`] of a class known to be live.
    pub(crate) fn class_attr_of(&self, class: ObjRef, name: &str) -> Option<ObjRef> {
        let &key = self.interned.get(name)?;
        let mut class = class;
        loop {
            let Object::Class(c) = &self.slots[class.index()].object else {
                return None;
            };
            if let Some(&(_, v)) = c.attrs.iter().find(|&&(k, _)| k == key) {
                return Some(v);
            }
            class = c.base?;
        }
    }

    /// `class.name = value`. `__del__` can only be given when the class is made
    /// ([`Heap::new_class_with`]).
    pub fn set_class_attr(&mut self, class: ObjRef, name: &str, value: ObjRef) -> Result<()> {
        self.class_ref("set_class_attr", class)?;
        self.slot("set_class_attr", value)?;
        if name == "__del__" {
            return Err(Error::TypeError {
                message: "__del__ is fixed when the class is made: give it to new_class_with"
                    .into(),
            });
        }
        let key = self.intern(name)?;
        self.take_ref("set_class_attr", value)?;
        let Object::Class(c) = &mut self.slots[class.index()].object else {
            unreachable!("checked by Heap::class_ref")
        };
        let old = match c.attrs.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => Some(std::mem::replace(v, value)),
            None => {
                c.attrs.push((key, value));
                self.move_inside(key);
                return Ok(());
            }
        };
        self.decref(key)?;
        old.map_or(Ok(()), |old| self.drop_ref(old))
    }

    /// `del class.name`: the class drops the attribute (its own, not a base's).
    pub fn del_class_attr(&mut self, class: ObjRef, name: &str) -> Result<()> {
        self.class_ref("del_class_attr", class)?;
        let key = self.interned.get(name).copied();
        let Object::Class(c) = &mut self.slots[class.index()].object else {
            unreachable!("checked by Heap::class_ref")
        };
        let Some(i) = key.and_then(|key| c.attrs.iter().position(|&(k, _)| k == key)) else {
            return Err(Error::AttributeError {
                object: self.describe(class),
                name: name.into(),
            });
        };
        let (key, value) = c.attrs.remove(i);
        if c.finalizer == Some(value) {
            c.finalizer = None;
        }
        self.drop_ref(key)?;
        self.drop_ref(value)
    }

    // ------------------------------------------------------------------ functions

    // ANCHOR: new_function
    /// A function object named `qualname`, running `native`, holding a reference to each of
    /// `captured` (its closure). The native code gets them back, borrowed, at every call.
    pub fn new_function(
        &mut self,
        qualname: &str,
        captured: &[ObjRef],
        native: impl Fn(&mut Heap<H>, &[ObjRef], &[ObjRef]) -> Result<ObjRef> + 'static,
    ) -> Result<ObjRef> {
        self.take_refs("new_function", captured)?;
        let native: Native<H> = Rc::new(native);
        Ok(self.alloc(Object::Function(Box::new(Function {
            qualname: qualname.into(),
            native: Rc::new(native),
            captured: captured.into(),
        }))))
    }

    /// `function(*args)`: returns a new reference to the result, or the exception the
    /// function raised. The call holds a reference to the function while it runs, as
    /// CPython's caller does, so the function may drop every other reference to itself. An
    /// instance whose class has a `__call__` function is called as `__call__(instance, *args)`.
    pub fn call(&mut self, function: ObjRef, args: &[ObjRef]) -> Result<ObjRef> {
        self.call_kw(function, args, &[])
    }
    // ANCHOR_END: new_function

    /// A function whose native code also takes keyword arguments; see [`Heap::call_kw`].
    pub fn new_function_kw(
        &mut self,
        qualname: &str,
        captured: &[ObjRef],
        native: impl Fn(&mut Heap<H>, &[ObjRef], &[ObjRef], &[(&str, ObjRef)]) -> Result<ObjRef>
        + 'static,
    ) -> Result<ObjRef> {
        self.take_refs("new_function_kw", captured)?;
        let native: NativeKw<H> = Rc::new(native);
        Ok(self.alloc(Object::Function(Box::new(Function {
            qualname: qualname.into(),
            native: Rc::new(native),
            captured: captured.into(),
        }))))
    }

    /// `function(*args, **kwargs)`, as [`Heap::call`], with keyword arguments: `(name,
    /// value)` pairs, borrowed. A function made by [`Heap::new_function`] takes none. A bound
    /// method is called as its function with the receiver first.
    pub fn call_kw(
        &mut self,
        function: ObjRef,
        args: &[ObjRef],
        kwargs: &[(&str, ObjRef)],
    ) -> Result<ObjRef> {
        for &arg in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
            self.slot("call", arg)?;
        }
        let object = &self.slot("call", function)?.object;
        let (callee, receiver) = match object {
            Object::Instance(inst) => match self.class_attr_of(inst.class, "__call__") {
                Some(method) => (method, Some(function)),
                None => return Err(self.not_callable(function)),
            },
            &Object::Method {
                function: f,
                receiver,
            } => (f, Some(receiver)),
            _ => (function, None),
        };
        let Object::Function(f) = &self.slot("call", callee)?.object else {
            return Err(self.not_callable(callee));
        };
        let captured = f.captured.to_vec();
        let native = Rc::clone(&f.native);
        let args: Cow<[ObjRef]> = match receiver {
            Some(receiver) => std::iter::once(receiver)
                .chain(args.iter().copied())
                .collect(),
            None => Cow::Borrowed(args),
        };
        // The caller's reference: the function (or method, or callable instance) may drop
        // every other reference to itself while it runs.
        self.incref(function)?;
        let result = if let Some(native) = native.downcast_ref::<NativeKw<H>>() {
            native(self, &captured, &args, kwargs)
        } else if let Some(native) = native.downcast_ref::<Native<H>>() {
            if kwargs.is_empty() {
                native(self, &captured, &args)
            } else {
                Err(Error::TypeError {
                    message: format!("{}() takes no keyword arguments", self.qualname(callee)),
                })
            }
        } else {
            unreachable!("a heap's functions are made by its own new_function")
        };
        self.decref(function)?;
        result
    }

    fn not_callable(&self, r: ObjRef) -> Error {
        Error::TypeError {
            message: format!(
                "'{}' object is not callable",
                self.type_name(r).unwrap_or_default()
            ),
        }
    }

    fn qualname(&self, function: ObjRef) -> String {
        match self.get(function) {
            Ok(Object::Function(f)) => f.qualname.to_string(),
            _ => String::new(),
        }
    }

    // -------------------------------------------------------------- weak references

    // ANCHOR: new_weakref
    /// A new weak reference object to `referent`, with an optional `callback` (a function the
    /// weak reference holds a reference to). This is the object alone: stage 4's
    /// `weakref.ref` also keeps the referent's list of weak references, clears them and
    /// calls their callbacks when it dies. Without it, a weak reference still never outlives
    /// its object unnoticed: it names the object by a versioned handle, dead once freed.
    pub fn new_weakref(&mut self, referent: ObjRef, callback: Option<ObjRef>) -> Result<ObjRef> {
        let kind = self.kind(referent)?;
        if !kind.supports_weakrefs() {
            return Err(Error::TypeError {
                message: format!(
                    "cannot create weak reference to '{}' object",
                    self.type_name(referent)?
                ),
            });
        }
        if let Some(callback) = callback {
            self.take_ref("new_weakref", callback)?;
        }
        Ok(self.alloc(Object::WeakRef(WeakRef {
            referent: Some(referent),
            callback,
        })))
    }
    // ANCHOR_END: new_weakref

    fn weakref(&self, op: &'static str, r: ObjRef) -> Result<WeakRef> {
        match &self.slot(op, r)?.object {
            Object::WeakRef(weakref) => Ok(*weakref),
            _ => Err(self.wrong_type(op, "a weak reference", r)),
        }
    }

    /// `weakref()`: the object, borrowed, while it lives; `None` once it is dead.
    pub fn weakref_get(&self, weakref: ObjRef) -> Result<Option<ObjRef>> {
        let referent = self.weakref("weakref_get", weakref)?.referent;
        Ok(referent.filter(|&r| self.is_alive(r)))
    }

    /// Makes the weak reference dead, leaving its callback: `_PyWeakref_ClearRef`.
    pub fn weakref_clear(&mut self, weakref: ObjRef) -> Result<()> {
        self.weakref("weakref_clear", weakref)?;
        if let Object::WeakRef(w) = &mut self.slots[weakref.index()].object {
            w.referent = None;
        }
        Ok(())
    }

    /// Takes the callback out of the weak reference: the reference it held passes to the
    /// caller (a new reference), so the callback can be called only once.
    pub fn weakref_take_callback(&mut self, weakref: ObjRef) -> Result<Option<ObjRef>> {
        self.weakref("weakref_take_callback", weakref)?;
        let Object::WeakRef(w) = &mut self.slots[weakref.index()].object else {
            unreachable!("checked by Heap::weakref")
        };
        let callback = w.callback.take();
        if let Some(callback) = callback {
            self.move_outside(callback);
        }
        Ok(callback)
    }

    /// An instance of `class`, with no attributes yet. It holds a reference to its class.
    pub fn new_instance(&mut self, class: ObjRef) -> Result<ObjRef> {
        self.class_ref("new_instance", class)?;
        self.take_ref("new_instance", class)?;
        Ok(self.alloc(Object::Instance(Instance {
            class,
            attrs: Attrs::Inline(Values::default()),
        })))
    }

    /// Takes a reference to each of `items`, or to none of them if any handle is bad.
    fn take_refs(&mut self, op: &'static str, items: &[ObjRef]) -> Result<()> {
        for &item in items {
            self.slot(op, item)?;
        }
        for (taken, &item) in items.iter().enumerate() {
            if let Err(error) = self.take_ref(op, item) {
                for &done in &items[..taken] {
                    self.drop_ref(done)?;
                }
                return Err(error);
            }
        }
        Ok(())
    }

    // --------------------------------------------------------------------- values

    pub fn as_int(&self, r: ObjRef) -> Result<i64> {
        match &self.slot("as_int", r)?.object {
            Object::Int(v) => Ok(*v),
            Object::Bool(b) => Ok(*b as i64),
            _ => Err(self.wrong_type("as_int", "an int", r)),
        }
    }

    pub fn as_str(&self, r: ObjRef) -> Result<&str> {
        match &self.slot("as_str", r)?.object {
            Object::Str(s) => Ok(s),
            _ => Err(self.wrong_type("as_str", "a str", r)),
        }
    }

    pub(crate) fn wrong_type(&self, op: &'static str, expected: &'static str, r: ObjRef) -> Error {
        Error::WrongType {
            op,
            expected,
            object: self.describe(r),
        }
    }

    // ---------------------------------------------------------------------- lists

    fn list(&self, op: &'static str, r: ObjRef) -> Result<&List> {
        match &self.slot(op, r)?.object {
            Object::List(list) => Ok(list),
            _ => Err(self.wrong_type(op, "a list", r)),
        }
    }

    fn list_mut(&mut self, r: ObjRef) -> &mut List {
        match &mut self.slots[r.index()].object {
            Object::List(list) => list,
            _ => unreachable!("checked by Heap::list"),
        }
    }

    pub fn list_len(&self, list: ObjRef) -> Result<usize> {
        Ok(self.list("list_len", list)?.items.len())
    }

    /// `list[index]`, borrowed.
    pub fn list_get(&self, list: ObjRef, index: usize) -> Result<ObjRef> {
        let items = &self.list("list_get", list)?.items;
        let len = items.len();
        items.get(index).copied().ok_or(Error::IndexError {
            op: "list_get",
            index,
            len,
        })
    }

    /// `list.append(item)`.
    pub fn list_append(&mut self, list: ObjRef, item: ObjRef) -> Result<()> {
        let old_size = self.get(list)?.sizeof();
        let len = self.list("list_append", list)?.items.len();
        self.take_ref("list_append", item)?;
        let list_data = self.list_mut(list);
        list_data.resize_for(len + 1);
        list_data.items.push(item);
        self.resized(list, old_size);
        Ok(())
    }

    /// `list[index] = item`.
    pub fn list_set(&mut self, list: ObjRef, index: usize, item: ObjRef) -> Result<()> {
        let len = self.list("list_set", list)?.items.len();
        if index >= len {
            return Err(Error::IndexError {
                op: "list_set",
                index,
                len,
            });
        }
        self.take_ref("list_set", item)?;
        let old = std::mem::replace(&mut self.list_mut(list).items[index], item);
        self.drop_ref(old)
    }

    /// `list.pop()`: the item's reference passes to the caller (a new reference).
    pub fn list_pop(&mut self, list: ObjRef) -> Result<ObjRef> {
        let old_size = self.get(list)?.sizeof();
        let len = self.list("list_pop", list)?.items.len();
        if len == 0 {
            return Err(Error::IndexError {
                op: "list_pop",
                index: 0,
                len,
            });
        }
        let list_data = self.list_mut(list);
        list_data.resize_for(len - 1);
        let item = list_data.items.pop().expect("checked non-empty");
        self.resized(list, old_size);
        self.move_outside(item);
        Ok(item)
    }

    /// `list.remove(item)`: the first item equal to `item` (by Python equality, identity
    /// first) leaves the list, which drops its reference; a `ValueError` if there is none.
    pub fn list_remove(&mut self, list: ObjRef, item: ObjRef) -> Result<()> {
        let old_size = self.get(list)?.sizeof();
        self.slot("list_remove", item)?;
        let items = &self.list("list_remove", list)?.items;
        let Some(index) = items.iter().position(|&x| self.py_eq(x, item)) else {
            return Err(Error::ValueError {
                message: "list.remove(x): x not in list".into(),
            });
        };
        let len = items.len();
        let list_data = self.list_mut(list);
        list_data.resize_for(len - 1);
        let removed = list_data.items.remove(index);
        self.resized(list, old_size);
        self.drop_ref(removed)
    }

    /// `len(tuple)`.
    pub fn tuple_len(&self, tuple: ObjRef) -> Result<usize> {
        match &self.slot("tuple_len", tuple)?.object {
            Object::Tuple(items) => Ok(items.len()),
            _ => Err(self.wrong_type("tuple_len", "a tuple", tuple)),
        }
    }

    /// `tuple[index]`, borrowed.
    pub fn tuple_get(&self, tuple: ObjRef, index: usize) -> Result<ObjRef> {
        match &self.slot("tuple_get", tuple)?.object {
            Object::Tuple(items) => items.get(index).copied().ok_or(Error::IndexError {
                op: "tuple_get",
                index,
                len: items.len(),
            }),
            _ => Err(self.wrong_type("tuple_get", "a tuple", tuple)),
        }
    }

    // ---------------------------------------------------------------------- dicts

    fn dict(&self, op: &'static str, r: ObjRef) -> Result<&Dict> {
        match &self.slot(op, r)?.object {
            Object::Dict(dict) => Ok(dict),
            _ => Err(self.wrong_type(op, "a dict", r)),
        }
    }

    fn dict_mut(&mut self, r: ObjRef) -> &mut Dict {
        match &mut self.slots[r.index()].object {
            Object::Dict(dict) => dict,
            _ => unreachable!("checked by Heap::dict"),
        }
    }

    /// The position of `key` among the dict's entries, by Python equality.
    fn dict_find(&self, op: &'static str, dict: ObjRef, key: ObjRef) -> Result<Option<usize>> {
        self.check_hashable(op, key)?;
        let dict = self.dict(op, dict)?;
        Ok(match &dict.index {
            Some(index) => index.get(&self.key_hash(key)).and_then(|positions| {
                positions
                    .iter()
                    .map(|&i| i as usize)
                    .find(|&i| self.py_eq(dict.entries[i].0, key))
            }),
            // The same object first (names are interned, so a namespace finds its keys by
            // identity), then an equal one.
            None => dict
                .entries
                .iter()
                .position(|&(k, _)| k == key)
                .or_else(|| dict.entries.iter().position(|&(k, _)| self.py_eq(k, key))),
        })
    }

    /// A hash consistent with the heap's key equality (`py_eq`): ints, bools and floats
    /// equal to them hash alike, strs and tuples by content, everything else by identity.
    pub(crate) fn key_hash(&self, r: ObjRef) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        if let Object::Str(s) = &self.slots[r.index()].object {
            s.hash(&mut hasher);
            return hasher.finish();
        }
        let mut pending = vec![r];
        while let Some(r) = pending.pop() {
            match &self.slots[r.index()].object {
                Object::Int(v) => v.hash(&mut hasher),
                Object::Bool(b) => (*b as i64).hash(&mut hasher),
                Object::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => {
                    (*f as i64).hash(&mut hasher)
                }
                Object::Float(f) => f.to_bits().hash(&mut hasher),
                Object::Str(s) => s.hash(&mut hasher),
                Object::Tuple(items) => {
                    items.len().hash(&mut hasher);
                    pending.extend(items.iter().rev());
                }
                _ => (r.index(), r.version()).hash(&mut hasher),
            }
        }
        hasher.finish()
    }

    /// Rebuilds a dict's or set's index from its keys, or drops it when they are few.
    pub(crate) fn reindex(
        &self,
        keys: impl Iterator<Item = ObjRef>,
        len: usize,
    ) -> Option<KeyIndex> {
        if len < INDEX_FROM {
            return None;
        }
        let mut index = KeyIndex::new();
        for (i, key) in keys.enumerate() {
            index.entry(self.key_hash(key)).or_default().push(i as u32);
        }
        Some(index)
    }

    pub fn dict_len(&self, dict: ObjRef) -> Result<usize> {
        Ok(self.dict("dict_len", dict)?.entries.len())
    }

    /// `dict[key]`, borrowed, or `None` when the key is missing.
    pub fn dict_get(&self, dict: ObjRef, key: ObjRef) -> Result<Option<ObjRef>> {
        let found = self.dict_find("dict_get", dict, key)?;
        Ok(found.map(|i| self.dict("dict_get", dict).expect("checked").entries[i].1))
    }

    /// `dict[key] = value`. A new key is stored with a reference of its own; an existing key
    /// keeps its key object and drops its old value after storing the new one.
    pub fn dict_set(&mut self, dict: ObjRef, key: ObjRef, value: ObjRef) -> Result<()> {
        let found = self.dict_find("dict_set", dict, key)?;
        self.slot("dict_set", value)?;
        match found {
            Some(i) => {
                self.take_ref("dict_set", value)?;
                let (key, old) = &mut self.dict_mut(dict).entries[i];
                let (key, old) = (*key, std::mem::replace(old, value));
                H::stored_in_dict(self, dict, key, value);
                self.drop_ref(old)
            }
            None => {
                let old_size = self.get(dict)?.sizeof();
                let key_is_str = self.kind(key)? == Kind::Str;
                self.take_refs("dict_set", &[key, value])?;
                let hash = self.key_hash(key);
                let dict_data = self.dict_mut(dict);
                dict_data.reserve_for_new_key(key_is_str);
                dict_data.entries.push((key, value));
                let len = dict_data.entries.len();
                match &mut dict_data.index {
                    Some(index) => index.entry(hash).or_default().push(len as u32 - 1),
                    None if len >= INDEX_FROM => {
                        let keys: Vec<ObjRef> = dict_data.entries.iter().map(|e| e.0).collect();
                        let index = self.reindex(keys.into_iter(), len);
                        self.dict_mut(dict).index = index;
                    }
                    None => {}
                }
                self.resized(dict, old_size);
                H::stored_in_dict(self, dict, key, value);
                Ok(())
            }
        }
    }

    /// `del dict[key]`.
    pub fn dict_del(&mut self, dict: ObjRef, key: ObjRef) -> Result<()> {
        let Some(i) = self.dict_find("dict_del", dict, key)? else {
            return Err(Error::KeyError {
                key: self.repr(key)?,
            });
        };
        let (old_key, old_value) = self.dict_mut(dict).entries.remove(i);
        let data = self.dict("dict_del", dict)?;
        let index = match data.index {
            Some(_) => self.reindex(data.entries.iter().map(|e| e.0), data.entries.len()),
            None => None,
        };
        self.dict_mut(dict).index = index;
        self.drop_ref(old_key)?;
        self.drop_ref(old_value)
    }

    pub(crate) fn check_hashable(&self, op: &'static str, key: ObjRef) -> Result<()> {
        // Most keys are atoms: no work list for them.
        match &self.slot(op, key)?.object {
            Object::List(_) | Object::Dict(_) | Object::Set(_) | Object::Tuple(_) => {}
            _ => return Ok(()),
        }
        let mut pending = vec![key];
        while let Some(r) = pending.pop() {
            match &self.slot(op, r)?.object {
                Object::List(_) | Object::Dict(_) | Object::Set(_) => {
                    return Err(Error::Unhashable {
                        type_name: self.type_name(r)?,
                    });
                }
                Object::Tuple(items) => pending.extend(items.iter()),
                _ => {}
            }
        }
        Ok(())
    }

    /// Python's `==` for the hashable built-ins (identity for everything else).
    pub(crate) fn py_eq(&self, a: ObjRef, b: ObjRef) -> bool {
        if a == b {
            return true;
        }
        // Two atoms compare without a work list (a dict lookup compares many).
        match (&self.slots[a.index()].object, &self.slots[b.index()].object) {
            (Object::Str(x), Object::Str(y)) => return x == y,
            (Object::Tuple(_), Object::Tuple(_)) => {}
            (Object::Str(_), _) | (_, Object::Str(_)) => return false,
            (Object::Instance(_), _) | (_, Object::Instance(_)) => return false,
            _ => {}
        }
        let mut pending = vec![(a, b)];
        while let Some((a, b)) = pending.pop() {
            if a == b {
                continue;
            }
            let (x, y) = (&self.slots[a.index()].object, &self.slots[b.index()].object);
            let equal = match (x, y) {
                (Object::Str(x), Object::Str(y)) => x == y,
                (Object::Int(_) | Object::Bool(_), Object::Int(_) | Object::Bool(_)) => {
                    self.as_int(a).ok() == self.as_int(b).ok()
                }
                (Object::Float(x), Object::Float(y)) => x == y,
                (Object::Float(f), Object::Int(_) | Object::Bool(_))
                | (Object::Int(_) | Object::Bool(_), Object::Float(f)) => {
                    let int = if matches!(x, Object::Float(_)) { b } else { a };
                    self.as_int(int).is_ok_and(|i| i as f64 == *f)
                }
                (Object::Tuple(x), Object::Tuple(y)) if x.len() == y.len() => {
                    pending.extend(x.iter().copied().zip(y.iter().copied()));
                    true
                }
                _ => false,
            };
            if !equal {
                return false;
            }
        }
        true
    }

    // ---------------------------------------------------------------------- names

    /// The module namespace (`globals()`), borrowed.
    pub fn globals(&self) -> ObjRef {
        self.globals
    }

    // ANCHOR: names
    /// `name = value` at module level: the namespace takes a reference to `value` and drops
    /// the one it held for the name's previous value, if any.
    pub fn set_global(&mut self, name: &str, value: ObjRef) -> Result<()> {
        self.slot("set_global", value)?;
        let key = self.intern(name)?;
        let result = self.dict_set(self.globals, key, value);
        self.decref(key)?;
        result
    }

    /// The object `name` is bound to, borrowed.
    pub fn get_global(&self, name: &str) -> Result<ObjRef> {
        let missing = || Error::NameError {
            name: name.to_string(),
        };
        let &key = self.interned.get(name).ok_or_else(missing)?;
        self.dict_get(self.globals, key)?.ok_or_else(missing)
    }

    /// `del name`: unbinds the name, dropping the namespace's reference.
    pub fn del_global(&mut self, name: &str) -> Result<()> {
        let missing = || Error::NameError {
            name: name.to_string(),
        };
        let &key = self.interned.get(name).ok_or_else(missing)?;
        match self.dict_find("del_global", self.globals, key)? {
            Some(_) => self.dict_del(self.globals, key),
            None => Err(missing()),
        }
    }
    // ANCHOR_END: names

    // ----------------------------------------------------------------- attributes

    fn class_ref(&self, op: &'static str, r: ObjRef) -> Result<&Class> {
        match &self.slot(op, r)?.object {
            Object::Class(class) => Ok(class),
            _ => Err(self.wrong_type(op, "a class", r)),
        }
    }

    fn instance(&self, op: &'static str, r: ObjRef) -> Result<&Instance> {
        match &self.slot(op, r)?.object {
            Object::Instance(inst) => Ok(inst),
            _ => Err(self.wrong_type(op, "an instance", r)),
        }
    }

    fn instance_mut(&mut self, r: ObjRef) -> &mut Instance {
        match &mut self.slots[r.index()].object {
            Object::Instance(inst) => inst,
            _ => unreachable!("checked by Heap::instance"),
        }
    }

    // ANCHOR: set_attr
    /// `obj.name = value`. Attribute values are kept without a dict, as 3.11 keeps them, at the
    /// position of the name in the class's shared key list, until the instance has a
    /// `__dict__`.
    pub fn set_attr(&mut self, obj: ObjRef, name: &str, value: ObjRef) -> Result<()> {
        let class = self.instance("set_attr", obj)?.class;
        self.slot("set_attr", value)?;
        let key = self.intern(name)?;
        let position = self
            .class_ref("set_attr", class)?
            .keys
            .iter()
            .position(|&k| k == key);
        let position = match position {
            Some(i) => Some(i),
            None if self.class_ref("set_attr", class)?.keys.len() < SHARED_KEYS_MAX => {
                self.take_ref("set_attr", key)?;
                let Object::Class(c) = &mut self.slots[class.index()].object else {
                    unreachable!("checked by Heap::class_ref")
                };
                c.keys.push(key);
                Some(c.keys.len() - 1)
            }
            None => None, // too many names to share: fall back to a dict
        };
        let result = match (position, &self.instance("set_attr", obj)?.attrs) {
            (Some(i), Attrs::Inline(_)) => {
                self.take_ref("set_attr", value)?;
                let Attrs::Inline(values) = &mut self.instance_mut(obj).attrs else {
                    unreachable!("matched above")
                };
                values.ensure_len(i + 1);
                match values[i].replace(value) {
                    Some(old) => self.drop_ref(old),
                    None => Ok(()),
                }
            }
            _ => {
                let dict = self.instance_dict(obj)?;
                self.dict_set(dict, key, value)
            }
        };
        self.decref(key)?;
        result
    }
    // ANCHOR_END: set_attr

    /// `obj.name`, borrowed.
    pub fn get_attr(&self, obj: ObjRef, name: &str) -> Result<ObjRef> {
        let inst = self.instance("get_attr", obj)?;
        let missing = || Error::AttributeError {
            object: self.describe(obj),
            name: name.into(),
        };
        let &key = self.interned.get(name).ok_or_else(missing)?;
        match &inst.attrs {
            Attrs::Inline(values) => {
                let keys = &self.class_ref("get_attr", inst.class)?.keys;
                let position = keys.iter().position(|&k| k == key);
                position
                    .and_then(|i| values.get(i).copied().flatten())
                    .ok_or_else(missing)
            }
            Attrs::Dict(dict) => self.dict_get(*dict, key)?.ok_or_else(missing),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: ObjRef, name: &str) -> Result<()> {
        self.get_attr(obj, name)?;
        let key = self.interned[name];
        let class = self.instance("del_attr", obj)?.class;
        let keys = &self.class_ref("del_attr", class)?.keys;
        let position = keys.iter().position(|&k| k == key);
        match (&mut self.instance_mut(obj).attrs, position) {
            (Attrs::Inline(values), Some(i)) => {
                let old = values[i].take().expect("get_attr found it");
                self.drop_ref(old)
            }
            (Attrs::Dict(dict), _) => {
                let dict = *dict;
                self.dict_del(dict, key)
            }
            (Attrs::Inline(_), None) => unreachable!("get_attr found it"),
        }
    }

    /// `obj.__dict__`, borrowed: asking for it moves the inline values into a new dict
    /// object, which the instance then keeps (as CPython 3.11 materialises its dicts).
    pub fn instance_dict(&mut self, obj: ObjRef) -> Result<ObjRef> {
        if let Attrs::Dict(dict) = self.instance("instance_dict", obj)?.attrs {
            return Ok(dict);
        }
        // The dict is created before the values are read: creating it may run a collection,
        // and with it finalizers that change this instance.
        let dict = self.new_dict()?;
        let inst = self.instance("instance_dict", obj)?;
        let Attrs::Inline(values) = &inst.attrs else {
            self.decref(dict)?; // a finalizer asked for the instance's dict meanwhile
            return self.instance_dict(obj);
        };
        let keys = &self.class_ref("instance_dict", inst.class)?.keys;
        let pairs: Vec<(ObjRef, ObjRef)> = keys
            .iter()
            .zip(values.iter())
            .filter_map(|(&k, &v)| v.map(|v| (k, v)))
            .collect();
        for &(key, value) in &pairs {
            self.dict_set(dict, key, value)?;
            self.drop_ref(value)?; // the instance's reference now lives in the dict
        }
        self.instance_mut(obj).attrs = Attrs::Dict(dict);
        self.move_inside(dict);
        Ok(dict)
    }

    // ------------------------------------------------------------------- clearing

    // ANCHOR: clear
    /// Drops every reference a container holds: CPython's `tp_clear`, the tool the cycle
    /// detector uses to break cycles. The container is emptied first, then the references
    /// are dropped, so whatever runs during the drops sees a consistent object. Returns
    /// false for objects that have nothing to clear (tuples, like CPython's, cannot be
    /// cleared: a cycle through a tuple always passes through something mutable).
    pub fn clear(&mut self, r: ObjRef) -> Result<bool> {
        let old_size = self.get(r)?.sizeof();
        let taken = match &mut self.slots[r.index()].object {
            Object::List(list) => {
                list.allocated = 0;
                Cleared::Items(std::mem::take(&mut list.items))
            }
            Object::Dict(dict) => {
                dict.forget_table();
                Cleared::Entries(std::mem::take(&mut dict.entries))
            }
            Object::Instance(inst) => Cleared::Attrs(std::mem::replace(
                &mut inst.attrs,
                Attrs::Inline(Values::default()),
            )),
            // `type_clear` empties the class's dict; the key names stay.
            Object::Class(class) => {
                class.finalizer = None;
                Cleared::Class(std::mem::take(&mut class.attrs))
            }
            // `func_clear` drops the closure; `weakref`'s `gc_clear` kills the reference and
            // drops its callback.
            Object::Function(function) => {
                Cleared::Refs(std::mem::take(&mut function.captured).into_vec())
            }
            Object::WeakRef(weakref) => {
                weakref.referent = None;
                Cleared::Refs(weakref.callback.take().into_iter().collect())
            }
            Object::Set(set) => {
                set.table = 8;
                set.fill = 0;
                set.index = None;
                Cleared::Refs(std::mem::take(&mut set.items))
            }
            Object::Cell(contents) => Cleared::Refs(contents.take().into_iter().collect()),
            // `frame_tp_clear` drops the variables; `tb_clear` the next entry and the frame
            // (the frame stays named, as a traceback's must, until the traceback dies).
            Object::Frame(frame) => Cleared::Refs(
                std::mem::take(&mut frame.variables)
                    .into_iter()
                    .flatten()
                    .collect(),
            ),
            Object::Traceback { next, .. } => Cleared::Refs(next.take().into_iter().collect()),
            // A bound method cannot be cleared (`meth_traverse` only, as for tuples).
            _ => return Ok(false),
        };
        self.resized(r, old_size);
        // Dropped in the order the container's deallocator would drop them.
        match taken {
            Cleared::Items(items) => items.into_iter().rev().try_for_each(|i| self.drop_ref(i))?,
            Cleared::Entries(entries) => entries.into_iter().try_for_each(|(k, v)| {
                self.drop_ref(k)?;
                self.drop_ref(v)
            })?,
            Cleared::Attrs(Attrs::Inline(Values::Short(values))) => values
                .into_iter()
                .flatten()
                .try_for_each(|v| self.drop_ref(v))?,
            Cleared::Attrs(Attrs::Inline(Values::Long(values))) => values
                .into_vec()
                .into_iter()
                .flatten()
                .try_for_each(|v| self.drop_ref(v))?,
            Cleared::Attrs(Attrs::Dict(dict)) => self.drop_ref(dict)?,
            Cleared::Class(attrs) => attrs.into_iter().try_for_each(|(k, v)| {
                self.drop_ref(k)?;
                self.drop_ref(v)
            })?,
            Cleared::Refs(refs) => refs.into_iter().try_for_each(|r| self.drop_ref(r))?,
        }
        Ok(true)
    }
    // ANCHOR_END: clear

    // ----------------------------------------------------------------------- repr

    /// `repr(obj)`. Like CPython's, it recurses, shows a container that contains itself as
    /// `[...]`, and raises `RecursionError` on very deep nesting.
    pub fn repr(&self, r: ObjRef) -> Result<String> {
        let mut out = String::new();
        self.repr_into(r, &mut out, &mut Vec::new())?;
        Ok(out)
    }

    fn repr_into(&self, r: ObjRef, out: &mut String, active: &mut Vec<ObjRef>) -> Result<()> {
        if active.len() >= REPR_DEPTH_LIMIT {
            return Err(Error::Recursion { op: "repr" });
        }
        let object = &self.slot("repr", r)?.object;
        let (open, close, items): (&str, &str, Vec<ObjRef>) = match object {
            Object::Tuple(items) => ("(", ")", items.to_vec()),
            Object::List(list) => ("[", "]", list.items.clone()),
            Object::Dict(dict) => {
                let items = dict.entries.iter().flat_map(|&(k, v)| [k, v]).collect();
                ("{", "}", items)
            }
            Object::None => ("None", "", Vec::new()),
            Object::Bool(b) => (if *b { "True" } else { "False" }, "", Vec::new()),
            Object::Int(v) => {
                out.push_str(&v.to_string());
                return Ok(());
            }
            Object::Str(s) => {
                out.push_str(&str_repr(s));
                return Ok(());
            }
            Object::Float(v) => {
                out.push_str(&float_repr(*v));
                return Ok(());
            }
            Object::Range { start, stop, step } => {
                out.push_str(&match step {
                    1 => format!("range({start}, {stop})"),
                    _ => format!("range({start}, {stop}, {step})"),
                });
                return Ok(());
            }
            Object::Set(set) if set.items.is_empty() => {
                out.push_str("set()");
                return Ok(());
            }
            Object::Set(set) => ("{", "}", set.items.clone()),
            Object::Class(_)
            | Object::Instance(_)
            | Object::Function(_)
            | Object::WeakRef(_)
            | Object::Cell(_)
            | Object::Method { .. }
            | Object::Frame(_)
            | Object::Traceback { .. } => {
                out.push_str(&self.describe(r));
                return Ok(());
            }
        };
        if !object.kind().is_container() {
            out.push_str(open);
            return Ok(());
        }
        if active.contains(&r) {
            out.push_str(&format!("{open}...{close}"));
            return Ok(());
        }
        active.push(r);
        out.push_str(open);
        let is_dict = matches!(object, Object::Dict(_));
        for (i, &item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(if is_dict && i % 2 == 1 { ": " } else { ", " });
            }
            self.repr_into(item, out, active)?;
        }
        if matches!(object, Object::Tuple(_)) && items.len() == 1 {
            out.push(',');
        }
        out.push_str(close);
        active.pop();
        Ok(())
    }
}

/// Python's `repr` of a str: single quotes unless the text has a single quote and no double
/// one; backslashes, the chosen quote and control characters escaped.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a float: the shortest text that reads back as the same number, in
/// `1e+16` notation from 16 digits before the point, and below 1e-4.
pub fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // `{:e}` gives the shortest round-trip digits: "1.2345e3".
    let sci = format!("{v:e}");
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} has an exponent");
    let exponent: i32 = exponent.parse().expect("{:e}'s exponent is an int");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if !(-4..16).contains(&exponent) {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{first}{rest}e{esign}{:02}", exponent.abs());
    }
    let point = exponent + 1; // digits before the decimal point
    if point <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!(
            "{sign}{digits}{}.0",
            "0".repeat(point as usize - digits.len())
        )
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{sign}{int}.{frac}")
    }
}
