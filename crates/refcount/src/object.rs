//! The objects themselves: what each type stores, which references it holds, how big CPython
//! 3.11 says it is.

use serde::{Deserialize, Serialize};

use crate::ObjRef;

/// The type of an object, without its contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    None,
    Bool,
    Int,
    Str,
    Tuple,
    List,
    Dict,
    Class,
    Instance,
    Function,
    WeakRef,
    Float,
    Set,
    Cell,
    Method,
    Range,
    Frame,
    Traceback,
}

impl Kind {
    /// Whether objects of this kind can hold references to other objects, and so take part in
    /// reference cycles. This is CPython's `Py_TPFLAGS_HAVE_GC`: such objects carry a GC header
    /// (counted by `getsizeof`) and are the only ones the cycle detector looks at.
    pub fn is_container(self) -> bool {
        matches!(
            self,
            Kind::Tuple
                | Kind::List
                | Kind::Dict
                | Kind::Class
                | Kind::Instance
                | Kind::Function
                | Kind::WeakRef
                | Kind::Set
                | Kind::Cell
                | Kind::Method
                | Kind::Frame
                | Kind::Traceback
        )
    }

    /// Whether a weak reference to objects of this kind can be made. CPython's built-in
    /// lists, dicts, tuples, ints and strs have no room for the list of their weak references
    /// (`tp_weaklistoffset` is 0); classes, their instances and functions do.
    pub fn supports_weakrefs(self) -> bool {
        matches!(self, Kind::Class | Kind::Instance | Kind::Function)
    }

    /// The name Python gives the built-in type (`type(obj).__name__`).
    pub fn builtin_name(self) -> &'static str {
        match self {
            Kind::None => "NoneType",
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::Str => "str",
            Kind::Tuple => "tuple",
            Kind::List => "list",
            Kind::Dict => "dict",
            Kind::Class => "type",
            Kind::Instance => "object",
            Kind::Function => "function",
            Kind::WeakRef => "ReferenceType",
            Kind::Float => "float",
            Kind::Set => "set",
            Kind::Cell => "cell",
            Kind::Method => "method",
            Kind::Range => "range",
            Kind::Frame => "frame",
            Kind::Traceback => "traceback",
        }
    }
}

/// One object's contents. Every `ObjRef` stored here is a counted reference.
#[derive(Debug)]
pub enum Object {
    None,
    Bool(bool),
    /// A machine-sized int: enough for the book's programs (Python's are unbounded).
    Int(i64),
    Str(Box<str>),
    Tuple(Box<[ObjRef]>),
    List(List),
    Dict(Box<Dict>),
    Class(Box<Class>),
    Instance(Instance),
    Function(Box<Function>),
    WeakRef(WeakRef),
    Float(f64),
    /// A set: its items in insertion order (CPython's order is its hash table's; the
    /// interpreter's programs print sets sorted), and the table size `getsizeof` counts.
    Set(Box<Set>),
    /// A closure cell: one variable shared by a function and the functions nested in it.
    Cell(Option<ObjRef>),
    /// A bound method: a function and the object it was looked up on, `obj.method`.
    Method {
        function: ObjRef,
        receiver: ObjRef,
    },
    /// `range(start, stop, step)`.
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    /// A frame object: a function's activation once something refers to it (a traceback).
    /// It owns the variables from then on, so they live as long as it does.
    Frame(Box<Frame>),
    /// One entry of an exception's traceback: the frame the exception passed through, the
    /// line it was at, and the entry for the next frame inwards.
    Traceback {
        frame: ObjRef,
        next: Option<ObjRef>,
        line: u32,
    },
}

impl Object {
    #[inline]
    pub fn kind(&self) -> Kind {
        match self {
            Object::None => Kind::None,
            Object::Bool(_) => Kind::Bool,
            Object::Int(_) => Kind::Int,
            Object::Str(_) => Kind::Str,
            Object::Tuple(_) => Kind::Tuple,
            Object::List(_) => Kind::List,
            Object::Dict(_) => Kind::Dict,
            Object::Class(_) => Kind::Class,
            Object::Instance(_) => Kind::Instance,
            Object::Function(_) => Kind::Function,
            Object::WeakRef(_) => Kind::WeakRef,
            Object::Float(_) => Kind::Float,
            Object::Set(_) => Kind::Set,
            Object::Cell(_) => Kind::Cell,
            Object::Method { .. } => Kind::Method,
            Object::Range { .. } => Kind::Range,
            Object::Frame(_) => Kind::Frame,
            Object::Traceback { .. } => Kind::Traceback,
        }
    }

    /// Whether dropping the object frees memory of its own (a box, a vector): the
    /// deallocator skips the drop of the others.
    #[inline]
    pub(crate) fn owns_memory(&self) -> bool {
        !matches!(
            self,
            Object::None
                | Object::Bool(_)
                | Object::Int(_)
                | Object::Float(_)
                | Object::Cell(_)
                | Object::Method { .. }
                | Object::Range { .. }
                | Object::Traceback { .. }
                | Object::WeakRef(_)
                | Object::Instance(Instance {
                    attrs: Attrs::Inline(Values::Short(_)) | Attrs::Dict(_),
                    ..
                })
        )
    }

    // ANCHOR: referents
    /// Calls `visit` on every reference this object holds, in the order its deallocator drops
    /// them. CPython's `tp_traverse` is the same walk; the cycle detector is built on it.
    #[inline]
    pub fn for_each_referent(&self, mut visit: impl FnMut(ObjRef)) {
        match self {
            Object::None
            | Object::Bool(_)
            | Object::Int(_)
            | Object::Str(_)
            | Object::Float(_)
            | Object::Range { .. } => {}
            // `list_dealloc` and `tupledealloc` drop their items from the last to the first.
            Object::Tuple(items) => items.iter().rev().copied().for_each(visit),
            Object::List(list) => list.items.iter().rev().copied().for_each(visit),
            // Dicts drop keys and values first to last.
            Object::Dict(dict) => dict.entries.iter().for_each(|&(k, v)| {
                visit(k);
                visit(v);
            }),
            // A class holds its attributes (its `__dict__`) and the names of its instances'
            // shared attribute keys.
            Object::Class(class) => {
                for &(name, value) in &class.attrs {
                    visit(name);
                    visit(value);
                }
                class.keys.iter().copied().for_each(&mut visit);
                class.base.into_iter().for_each(visit);
            }
            // `subtype_dealloc` clears the attributes first to last, then drops the type.
            Object::Instance(instance) => {
                match &instance.attrs {
                    // The two values inside the object: no slice to walk.
                    Attrs::Inline(Values::Short([first, second])) => {
                        first.iter().chain(second).copied().for_each(&mut visit)
                    }
                    Attrs::Inline(values) => values.iter().flatten().copied().for_each(&mut visit),
                    Attrs::Dict(dict) => visit(*dict),
                }
                visit(instance.class);
            }
            // What a function's code refers to: its closure.
            Object::Function(function) => function.captured.iter().copied().for_each(visit),
            // A weak reference holds its callback; the object it refers to is not counted.
            Object::WeakRef(weakref) => weakref.callback.into_iter().for_each(visit),
            Object::Set(set) => set.items.iter().copied().for_each(visit),
            Object::Cell(contents) => contents.iter().copied().for_each(visit),
            // `meth_dealloc` drops the receiver, then the function.
            Object::Method { function, receiver } => {
                visit(*receiver);
                visit(*function);
            }
            // `_PyFrame_Clear` drops the variables first to last.
            Object::Frame(frame) => frame.variables.iter().flatten().copied().for_each(visit),
            // `tb_dealloc` drops the next entry, then the frame.
            Object::Traceback { frame, next, .. } => {
                next.iter().copied().for_each(&mut visit);
                visit(*frame);
            }
        }
    }
    // ANCHOR_END: referents

    /// `sys.getsizeof(obj)` on 64-bit CPython 3.11: the object's own memory, including the
    /// 16-byte GC header of container types, excluding what it refers to.
    #[inline]
    pub fn sizeof(&self) -> u64 {
        const GC_HEADER: u64 = 16;
        match self {
            Object::None => 16,
            Object::Bool(_) => 28,
            // 24 bytes of header and size, then one 4-byte "digit" per 30 bits (at least one).
            Object::Int(v) => {
                let bits = 64 - v.unsigned_abs().leading_zeros() as u64;
                24 + 4 * bits.div_ceil(30).max(1)
            }
            Object::Str(s) => str_sizeof(s),
            Object::Tuple(items) => GC_HEADER + 24 + 8 * items.len() as u64,
            Object::List(list) => GC_HEADER + 40 + 8 * list.allocated as u64,
            Object::Dict(dict) => GC_HEADER + 48 + dict.keys_table_size(),
            Object::Class(_) => 1688,
            // 16 bytes of GC header + 16 of "pre-header" (dict and inline-values pointers)
            // + 24 of object. The inline values array is a separate block getsizeof ignores.
            Object::Instance(_) => 56,
            Object::Function(_) => 152,
            Object::WeakRef(_) => 80,
            Object::Float(_) => 24,
            Object::Set(set) => set.sizeof(),
            Object::Cell(_) => 40,
            Object::Method { .. } => 64,
            Object::Range { .. } => 48,
            // A small function's frame in 3.11 (the size grows with its variables and stack).
            Object::Frame(_) => 176,
            Object::Traceback { .. } => 56,
        }
    }
}

/// Compact strings store 1, 2 or 4 bytes per character, chosen by the widest one.
#[inline(never)]
fn str_sizeof(s: &str) -> u64 {
    let n = s.chars().count() as u64;
    match s.chars().map(|c| c as u32).max().unwrap_or(0) {
        0..=0x7f => 49 + n,
        0x80..=0xff => 73 + n,
        0x100..=0xffff => 74 + 2 * n,
        _ => 76 + 4 * n,
    }
}

/// A list: its items, and the capacity CPython would have allocated for them (which is what
/// `getsizeof` reports, so it follows CPython's growth rule rather than `Vec`'s).
#[derive(Debug)]
pub struct List {
    pub(crate) items: Vec<ObjRef>,
    pub(crate) allocated: u32,
}

impl List {
    /// A list built by `[a, b, c]`: exactly as many slots as items (`PyList_New(n)`).
    pub(crate) fn with_items(items: Vec<ObjRef>) -> Self {
        let allocated = items.len() as u32;
        List { items, allocated }
    }

    pub fn items(&self) -> &[ObjRef] {
        &self.items
    }

    /// Mirrors `list_resize` in `Objects/listobject.c` (3.11): grow by about 1/8 plus a
    /// little, rounded to a multiple of 4; shrink only below half.
    pub(crate) fn resize_for(&mut self, new_len: usize) {
        let allocated = self.allocated as usize;
        if allocated >= new_len && new_len >= allocated >> 1 {
            return;
        }
        let mut new_allocated = (new_len + (new_len >> 3) + 6) & !3;
        if new_len - self.items.len().min(new_len) > new_allocated - new_len {
            new_allocated = (new_len + 3) & !3;
        }
        if new_len == 0 {
            new_allocated = 0;
        }
        self.allocated = new_allocated as u32;
    }
}

/// A frame object's contents.
#[derive(Debug)]
pub struct Frame {
    /// `f_code.co_name`: the function's name, `<module>` for a module.
    pub(crate) name: Box<str>,
    /// The variables, by slot (each an owned reference, or unbound).
    pub(crate) variables: Vec<Option<ObjRef>>,
}

impl Frame {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn variables(&self) -> &[Option<ObjRef>] {
        &self.variables
    }
}

/// A set's items and the size of the hash table CPython would have for them.
#[derive(Debug, Default)]
pub struct Set {
    pub(crate) items: Vec<ObjRef>,
    /// As a dict's: item positions by hash, for big sets.
    pub(crate) index: Option<KeyIndex>,
    /// Slots filled since the table was last resized (CPython's `fill`: removed items count
    /// until the next resize).
    pub(crate) fill: u32,
    /// The table's size; 8 is the small table inside the object.
    pub(crate) table: u32,
}

impl Set {
    pub fn items(&self) -> &[ObjRef] {
        &self.items
    }

    /// `set_sizeof`: the object with its 8-entry small table, plus a separate table of
    /// 16-byte entries once it has grown.
    fn sizeof(&self) -> u64 {
        let table = self.table.max(8);
        if table == 8 {
            216
        } else {
            216 + 16 * table as u64
        }
    }

    /// `set_add_entry`'s growth rule (3.11 `Objects/setobject.c`): once the table is 60 %
    /// filled, it is resized for four times the items (twice, past 50,000).
    pub(crate) fn grow_for_new_item(&mut self) {
        self.fill += 1;
        let mask = self.table.max(8) - 1;
        if self.fill * 5 >= mask * 3 {
            let used = self.items.len() as u32 + 1;
            let wanted = if used > 50_000 { used * 2 } else { used * 4 };
            self.table = (wanted + 1).next_power_of_two().max(8);
            self.fill = used;
        }
    }
}

/// A dict: entries in insertion order, plus a model of CPython's keys table so that
/// `getsizeof` grows in the same steps.
#[derive(Debug, Default)]
pub struct Dict {
    pub(crate) entries: Vec<(ObjRef, ObjRef)>,
    pub(crate) table: Option<KeysTable>,
    /// Entry positions by key hash, once the dict is big enough for a search of every entry
    /// to cost more than hashing (our own speed-up: CPython's table is the index).
    pub(crate) index: Option<KeyIndex>,
}

/// Positions of keys by their hash (see `Heap::key_hash`): equal keys hash alike.
pub(crate) type KeyIndex = std::collections::HashMap<u64, Vec<u32>>;

/// Below this many keys a lookup compares every key; from it on, a [`KeyIndex`] is kept.
pub(crate) const INDEX_FROM: usize = 16;

/// The size bookkeeping of a `PyDictKeysObject` (3.11 `Objects/dictobject.c`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct KeysTable {
    log2_size: u8,
    /// Entries that may still be appended before the table must grow.
    usable: u32,
    /// Whether every key is a str (16-byte entries instead of 24).
    unicode: bool,
}

impl Dict {
    pub fn entries(&self) -> &[(ObjRef, ObjRef)] {
        &self.entries
    }

    /// Whether every key is a str: CPython then uses a "unicode" keys table, whose
    /// `tp_traverse` visits only the values.
    pub fn has_str_keys_only(&self) -> bool {
        self.table.is_none_or(|t| t.unicode)
    }

    /// Size of the keys table as `dict_sizeof` counts it; an empty dict has none.
    fn keys_table_size(&self) -> u64 {
        let Some(table) = self.table else { return 0 };
        let size = 1u64 << table.log2_size;
        let index_bytes = match table.log2_size {
            0..=7 => 1,
            8..=15 => 2,
            16..=31 => 4,
            _ => 8,
        };
        let entry_bytes = if table.unicode { 16 } else { 24 };
        32 + size * index_bytes + usable_fraction(size) * entry_bytes
    }

    /// Bookkeeping before a new key is appended: allocate or grow the table the way
    /// `insertdict` does (a non-str key in a str-only table forces a general table).
    pub(crate) fn reserve_for_new_key(&mut self, key_is_str: bool) {
        let used = self.entries.len() as u64;
        let table = match self.table {
            None => KeysTable::with_size(8, 0, key_is_str),
            Some(t) if t.unicode && !key_is_str => KeysTable::for_growth(used, false),
            Some(t) if t.usable == 0 => KeysTable::for_growth(used, t.unicode),
            Some(t) => t,
        };
        self.table = Some(KeysTable {
            usable: table.usable - 1,
            ..table
        });
    }

    /// After `clear()` CPython points the dict back at the shared empty keys.
    pub(crate) fn forget_table(&mut self) {
        self.table = None;
        self.index = None;
    }
}

impl KeysTable {
    fn with_size(size: u64, used: u64, unicode: bool) -> Self {
        KeysTable {
            log2_size: size.trailing_zeros() as u8,
            usable: (usable_fraction(size) - used) as u32,
            unicode,
        }
    }

    /// `dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)))`: room for 3 × used.
    fn for_growth(used: u64, unicode: bool) -> Self {
        KeysTable::with_size((used * 3).next_power_of_two().max(8), used, unicode)
    }
}

fn usable_fraction(size: u64) -> u64 {
    (size << 1) / 3
}

/// A user-defined class. Its instances store their attributes inline, in the order of the
/// class's shared key list (CPython 3.11's "cached keys").
#[derive(Debug)]
pub struct Class {
    pub(crate) name: Box<str>,
    /// The class's own attributes, interned name and value, in definition order: its
    /// `__dict__`. A `__del__` here is the instances' finalizer.
    pub(crate) attrs: Vec<(ObjRef, ObjRef)>,
    /// Interned attribute names; instance slot `i` holds the value for `keys[i]`.
    pub(crate) keys: Vec<ObjRef>,
    /// The `__del__` function among `attrs` (not a reference of its own), found once when the
    /// class is made, as CPython fills the `tp_finalize` slot: creating or freeing an
    /// instance never searches the attributes.
    pub(crate) finalizer: Option<ObjRef>,
    /// The base class (single inheritance): attributes the class lacks are looked up there.
    pub(crate) base: Option<ObjRef>,
}

impl Class {
    /// The base class, if the class derives from one.
    pub fn base(&self) -> Option<ObjRef> {
        self.base
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The class's attributes, (interned name, value), in the order they were defined.
    pub fn attrs(&self) -> &[(ObjRef, ObjRef)] {
        &self.attrs
    }

    /// The shared attribute names, in the order instances store their values.
    pub fn keys(&self) -> &[ObjRef] {
        &self.keys
    }
}

/// The native code a [`Function`] runs: it gets the heap, the function's captured values
/// (borrowed: the function holds them) and the call's arguments (borrowed), and returns a
/// new reference, as a C function called by CPython does. A later interpreter supplies
/// closures that evaluate Python code here.
pub type Native<H> =
    std::rc::Rc<dyn Fn(&mut crate::Heap<H>, &[ObjRef], &[ObjRef]) -> crate::Result<ObjRef>>;

/// A [`Native`] that also takes keyword arguments, `(name, value)` pairs in call order,
/// borrowed like the positional ones: what an interpreter's Python functions are.
pub type NativeKw<H> = std::rc::Rc<
    dyn Fn(&mut crate::Heap<H>, &[ObjRef], &[ObjRef], &[(&str, ObjRef)]) -> crate::Result<ObjRef>,
>;

/// A function object: a name, native code, and the values its code refers to, held as
/// counted references the collector sees (a Python function's closure cells, defaults and
/// globals play that part). `__del__` methods, weak reference callbacks and `gc.callbacks`
/// entries are functions, so what they keep alive is on the heap, in plain sight.
#[derive(Debug)]
pub struct Function {
    /// `__qualname__`, as `repr` shows it: `Node.__del__`, `<lambda>`.
    pub(crate) qualname: Box<str>,
    /// A [`Native`] or a [`NativeKw`] of the heap's hooks type, behind `Any` because objects
    /// are not generic over the hooks.
    pub(crate) native: std::rc::Rc<dyn std::any::Any>,
    pub(crate) captured: Box<[ObjRef]>,
}

impl Function {
    pub fn qualname(&self) -> &str {
        &self.qualname
    }

    /// The values the function's code refers to, in the order they were given.
    pub fn captured(&self) -> &[ObjRef] {
        &self.captured
    }
}

/// A weak reference (`weakref.ref`): it names an object without counting as a reference to
/// it, so it never keeps it alive. Calling it gives the object while the object lives.
#[derive(Debug, Clone, Copy)]
pub struct WeakRef {
    /// The object referred to, not counted; `None` once the reference is cleared. The handle's
    /// version tag makes a reference that was never cleared safe too: it names a freed slot.
    pub(crate) referent: Option<ObjRef>,
    /// Called with the weak reference when the object dies (a counted reference).
    pub(crate) callback: Option<ObjRef>,
}

impl WeakRef {
    pub fn referent(&self) -> Option<ObjRef> {
        self.referent
    }

    pub fn callback(&self) -> Option<ObjRef> {
        self.callback
    }
}

/// An instance of a user-defined class.
#[derive(Debug)]
pub struct Instance {
    pub(crate) class: ObjRef,
    pub(crate) attrs: Attrs,
}

/// Where an instance keeps its attributes.
#[derive(Debug)]
pub enum Attrs {
    /// Values kept without a dict, indexed like the class's keys, as 3.11 keeps them by default
    /// (its values array is a block of its own; [`Values`] says where ours live).
    Inline(Values),
    /// A real dict object, created once `__dict__` was asked for.
    Dict(ObjRef),
}

/// An instance's inline attribute values, `values[i]` for the class's `keys[i]`. Up to two
/// live inside the object itself; more move to a separate block. (CPython always allocates
/// the values array separately; most objects have few attributes, and an allocation per
/// object is what dominates the cost of creating and freeing one.)
#[derive(Debug, Clone)]
pub enum Values {
    Short([Option<ObjRef>; 2]),
    Long(Box<[Option<ObjRef>]>),
}

impl Default for Values {
    fn default() -> Self {
        Values::Short([None; 2])
    }
}

impl Values {
    /// Makes room for at least `len` values (new ones are `None`).
    pub(crate) fn ensure_len(&mut self, len: usize) {
        if len > self.len() {
            let mut grown = self.to_vec();
            grown.resize(len, None);
            *self = Values::Long(grown.into_boxed_slice());
        }
    }
}

impl std::ops::Deref for Values {
    type Target = [Option<ObjRef>];

    fn deref(&self) -> &Self::Target {
        match self {
            Values::Short(values) => values,
            Values::Long(values) => values,
        }
    }
}

impl std::ops::DerefMut for Values {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Values::Short(values) => values,
            Values::Long(values) => values,
        }
    }
}

impl Instance {
    pub fn class(&self) -> ObjRef {
        self.class
    }

    pub fn attrs(&self) -> &Attrs {
        &self.attrs
    }
}
