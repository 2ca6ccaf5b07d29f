//! The heap: an arena of object slots, reference counting, and deallocation.

use std::num::NonZeroU32;

use crate::trace::{Event, Trace};
use crate::{Error, Hooks, Kind, NoHooks, ObjRef, Object, Result};

/// `id()` of the object in slot `i` is `ID_BASE + i * ID_STRIDE`: a made-up but stable
/// "address", reused when the slot is, exactly as CPython reuses freed memory.
pub const ID_BASE: u64 = 0x7f00_0000_0000;
pub const ID_STRIDE: u64 = 64;

/// How many references CPython 3.11 starts a statically allocated small int with
/// (`_PyObject_IMMORTAL_INIT` in `Include/internal/pycore_object.h`).
pub const STATIC_INT_REFCOUNT: u32 = 999_999_999;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    /// The slot holds no object.
    Free,
    Live,
    /// `__del__` is running; the deallocator holds one extra, uncounted-outside reference.
    Finalizing,
    /// The object's references are being dropped; its memory is freed next.
    Dying,
}

// ANCHOR: slot
/// One arena slot: CPython's object header (the reference count) plus the object itself.
#[derive(Debug)]
pub(crate) struct Slot {
    /// Bumped every time the slot is freed, so old handles to it are detected.
    pub(crate) version: NonZeroU32,
    pub(crate) state: State,
    /// Never freed: None, True, False and the cached small ints.
    pub(crate) is_static: bool,
    /// `__del__` has run (PEP 442: never again). Set as it returns on the reference-counting
    /// path, before it is called on the collector's, as in CPython.
    pub(crate) finalized: bool,
    /// The object's class has a `__del__` (fixed when the object is created, so that freeing
    /// an object without one does not look at its class).
    pub(crate) has_finalizer: bool,
    /// CPython's `ob_refcnt`: every reference, wherever it is held.
    pub(crate) refcount: u32,
    /// The part of `refcount` held outside the heap, by Rust code (and by the runtime itself,
    /// for the module namespace, the intern table and the static objects). Not in CPython:
    /// it is what lets `decref` refuse to drop a reference the caller does not own.
    pub(crate) external: u32,
    pub(crate) object: Object,
}
// ANCHOR_END: slot

/// The intern table's hashing: FNV-1a. The standard library's SipHash resists inputs chosen
/// to collide, which a table of the program's own names does not need, and it cost about 300
/// instructions per lookup of a short name, which every `set_attr` does. Only `get` and
/// `insert` use the table, never its order, so the hash function is not observable.
pub(crate) type NameHashing = std::hash::BuildHasherDefault<NameHasher>;

/// FNV-1a, 64-bit.
pub(crate) struct NameHasher(u64);

impl Default for NameHasher {
    fn default() -> Self {
        NameHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// What the deallocator still has to do; see [`Heap::release`]. A deep structure leaves two
/// entries per level on the stack, so their size is much of the memory a long chain of
/// deallocations moves: 16 bytes, with the size of the object to free as a `u32`.
#[derive(Clone, Copy, Debug)]
enum Work {
    /// Drop a reference a dying object held.
    Decref(ObjRef),
    /// Take apart an object whose count reached zero.
    Dealloc(ObjRef),
    /// Free the memory of an object taken apart, of this many bytes.
    Free(ObjRef, u32),
    /// `Free` for an object of 4 GiB or more, whose size waits on `Heap::large_sizes`.
    FreeLarge(ObjRef),
}

/// An exception that escaped code nobody could return it to — a `__del__`, a weak reference
/// callback, a `gc.callbacks` entry. CPython reports it with `PyErr_WriteUnraisable` and
/// carries on; so does the heap, to its error sink ([`Heap::set_error_sink`]), and it keeps
/// the report for the program to look at ([`Heap::take_unraisable`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unraisable {
    /// What CPython names after "Exception ignored in:": the function that raised
    /// (`<function Node.__del__ at 0x…>`), or what the runtime was doing.
    pub object: String,
    pub error: Error,
    /// The function that raised, when it is a heap object (an interpreter hands it to
    /// `sys.unraisablehook` as `unraisable.object`). Not a counted reference: it may be gone.
    pub function: Option<ObjRef>,
}

// ANCHOR: unraisable
impl std::fmt::Display for Unraisable {
    /// CPython's format (`Python/errors.c`, `write_unraisable_exc_file`): the function, then
    /// the exception. CPython prints a traceback in between; native code has no Python frames
    /// to show, so there is none, as for an exception raised in C.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Exception ignored in: {}\n{}", self.object, self.error)
    }
}
// ANCHOR_END: unraisable

/// Where reports of unraisable exceptions are written as they happen (CPython: `sys.stderr`).
pub type ErrorSink = Box<dyn FnMut(&Unraisable)>;

/// What handles a report of an unraisable exception, with the heap; see
/// [`Heap::set_unraisable_handler`].
pub type UnraisableHandler<H> = std::rc::Rc<dyn Fn(&mut Heap<H>, &Unraisable)>;

/// A heap of Python-like objects with CPython's reference-counting discipline.
///
/// Handles returned by constructors (`new_list`, `new_instance`, …) are *new references*: the
/// caller owns one reference and must `decref` it or hand it on. Accessors such as
/// `get_global` return *borrowed* handles. Storing a handle anywhere (a list, a dict, an
/// attribute, a name) takes a reference of its own, exactly like the C API.
pub struct Heap<H: Hooks = NoHooks> {
    pub(crate) slots: Vec<Slot>,
    free_slots: Vec<u32>,
    pub(crate) none: ObjRef,
    pub(crate) true_: ObjRef,
    pub(crate) false_: ObjRef,
    pub(crate) small_ints: Box<[ObjRef]>,
    pub(crate) interned: std::collections::HashMap<Box<str>, ObjRef, NameHashing>,
    pub(crate) globals: ObjRef,
    live_objects: usize,
    live_bytes: u64,
    /// Live objects whose class has a `__del__`: when there are none, a collector can skip
    /// looking for finalizers.
    pub(crate) live_with_finalizer: usize,
    trace: Option<Trace>,
    unraisable: Vec<Unraisable>,
    error_sink: Option<ErrorSink>,
    unraisable_handler: Option<UnraisableHandler<H>>,
    work: Vec<Work>,
    /// The sizes of the `Work::FreeLarge` entries on `work`, in the same order.
    large_sizes: Vec<u64>,
    hooks: H,
}

impl Default for Heap<NoHooks> {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap<NoHooks> {
    /// A fresh heap with no hooks: None, True, False, the small ints -5..=256 and an empty
    /// module namespace.
    pub fn new() -> Self {
        Heap::with_hooks(NoHooks)
    }
}

impl<H: Hooks> Heap<H> {
    /// A fresh heap that reports allocations and frees to `hooks`.
    pub fn with_hooks(hooks: H) -> Self {
        let placeholder = ObjRef::new(0, NonZeroU32::MIN);
        let mut heap = Heap {
            slots: Vec::new(),
            free_slots: Vec::new(),
            none: placeholder,
            true_: placeholder,
            false_: placeholder,
            small_ints: Box::new([]),
            interned: Default::default(),
            globals: placeholder,
            live_objects: 0,
            live_bytes: 0,
            live_with_finalizer: 0,
            trace: None,
            unraisable: Vec::new(),
            error_sink: None,
            unraisable_handler: None,
            work: Vec::new(),
            large_sizes: Vec::new(),
            hooks,
        };
        heap.none = heap.alloc_static(Object::None, 1);
        heap.false_ = heap.alloc_static(Object::Bool(false), 1);
        heap.true_ = heap.alloc_static(Object::Bool(true), 1);
        heap.small_ints = (crate::SMALL_INTS)
            .map(|v| heap.alloc_static(Object::Int(v), STATIC_INT_REFCOUNT))
            .collect();
        // The module namespace is an ordinary dict, owned by the runtime ("sys.modules").
        heap.globals = heap.alloc(Object::Dict(Default::default()));
        heap
    }

    // ---------------------------------------------------------------- slots and handles

    /// The slot a handle names, or why it cannot be used.
    #[inline(always)]
    pub(crate) fn slot(&self, op: &'static str, r: ObjRef) -> Result<&Slot> {
        match self.slots.get(r.index()) {
            Some(slot)
                if slot.version == r.tag()
                    && matches!(slot.state, State::Live | State::Finalizing) =>
            {
                Ok(slot)
            }
            _ => Err(self.unusable(op, r)),
        }
    }

    /// Why `slot` refused a handle. Out of line, as every error path of the hot operations
    /// is: inlined, they made each operation save registers and reserve stack on every call.
    #[cold]
    #[inline(never)]
    fn unusable(&self, op: &'static str, r: ObjRef) -> Error {
        match self.slots.get(r.index()) {
            Some(slot) if slot.version == r.tag() && slot.state == State::Dying => {
                Error::Deallocating {
                    op,
                    object: self.describe(r),
                }
            }
            _ => Error::StaleHandle { op, handle: r },
        }
    }

    #[inline(always)]
    pub(crate) fn slot_mut(&mut self, op: &'static str, r: ObjRef) -> Result<&mut Slot> {
        self.slot(op, r)?;
        Ok(&mut self.slots[r.index()])
    }

    /// The object a handle names, for reading.
    pub fn get(&self, r: ObjRef) -> Result<&Object> {
        Ok(&self.slot("get", r)?.object)
    }

    /// Whether the handle still names a live object.
    #[inline]
    pub fn is_alive(&self, r: ObjRef) -> bool {
        // What `slot` accepts, without building the error it would return: the collector asks
        // this of every object it clears, twice, and half the answers are "no".
        matches!(self.slots.get(r.index()),
            Some(slot) if slot.version == r.tag()
                && matches!(slot.state, State::Live | State::Finalizing))
    }

    /// Every live object, in slot order.
    pub fn objects(&self) -> impl Iterator<Item = ObjRef> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| matches!(slot.state, State::Live | State::Finalizing))
            .map(|(i, slot)| ObjRef::new(i as u32, slot.version))
    }

    /// The number of slots in the arena (live or not): the length later stages give their
    /// per-object scratch arrays.
    pub fn slot_count(&self) -> usize {
        self.slots.len()
    }

    pub fn hooks(&self) -> &H {
        &self.hooks
    }

    pub fn hooks_mut(&mut self) -> &mut H {
        &mut self.hooks
    }

    // ------------------------------------------------------------------------ queries

    /// `id(obj)`: stable while the object lives, reused after it is freed.
    pub fn id(&self, r: ObjRef) -> Result<u64> {
        self.slot("id", r)?;
        Ok(id_of(r))
    }

    /// The raw reference count, CPython's `Py_REFCNT(obj)`.
    pub fn refcount(&self, r: ObjRef) -> Result<u64> {
        Ok(self.slot("refcount", r)?.refcount as u64)
    }

    // ANCHOR: getrefcount
    /// `sys.getrefcount(name)`: the count *plus one*, because in Python the call's argument is
    /// itself a reference, pushed on the stack while the call runs.
    pub fn getrefcount(&self, r: ObjRef) -> Result<u64> {
        Ok(self.slot("getrefcount", r)?.refcount as u64 + 1)
    }
    // ANCHOR_END: getrefcount

    /// `sys.getsizeof(obj)` with 64-bit CPython 3.11's sizes.
    pub fn getsizeof(&self, r: ObjRef) -> Result<u64> {
        Ok(self.slot("getsizeof", r)?.object.sizeof())
    }

    pub fn kind(&self, r: ObjRef) -> Result<Kind> {
        Ok(self.slot("kind", r)?.object.kind())
    }

    /// `type(obj).__name__`.
    pub fn type_name(&self, r: ObjRef) -> Result<String> {
        let object = &self.slot("type_name", r)?.object;
        Ok(self.type_name_of(object))
    }

    fn type_name_of(&self, object: &Object) -> String {
        match object {
            Object::Instance(inst) => match &self.slots[inst.class.index()].object {
                Object::Class(class) => class.name.to_string(),
                _ => "object".to_string(),
            },
            other => other.kind().builtin_name().to_string(),
        }
    }

    /// How CPython's `repr` would show the object in an error message:
    /// `<list object at 0x7f0000001040>`, `<__main__.Node object at …>`, `<class '__main__.Node'>`.
    pub fn describe(&self, r: ObjRef) -> String {
        let Some(slot) = self.slots.get(r.index()).filter(|s| s.version == r.tag()) else {
            return format!("<freed object {r}>");
        };
        match &slot.object {
            Object::Class(class) => format!("<class '__main__.{}'>", class.name),
            Object::Instance(_) => format!(
                "<__main__.{} object at {:#x}>",
                self.type_name_of(&slot.object),
                id_of(r)
            ),
            Object::Function(function) => {
                format!("<function {} at {:#x}>", function.qualname, id_of(r))
            }
            Object::WeakRef(weakref) => match weakref.referent.filter(|&o| self.is_alive(o)) {
                Some(o) => format!(
                    "<weakref at {:#x}; to '{}' at {:#x}>",
                    id_of(r),
                    self.type_name(o).unwrap_or_default(),
                    id_of(o)
                ),
                None => format!("<weakref at {:#x}; dead>", id_of(r)),
            },
            _ if slot.state == State::Dying => format!("<dying object at {:#x}>", id_of(r)),
            object => format!(
                "<{} object at {:#x}>",
                object.kind().builtin_name(),
                id_of(r)
            ),
        }
    }

    /// Objects allocated by the program and not yet freed (the statically allocated None,
    /// True, False and small ints are not counted, as they are not on CPython's heap).
    pub fn live_objects(&self) -> usize {
        self.live_objects
    }

    /// The `getsizeof` bytes of the objects counted by [`Heap::live_objects`].
    pub fn live_bytes(&self) -> u64 {
        self.live_bytes
    }

    // ANCHOR: traverse
    /// Calls `visit` on every reference `r` holds: CPython's `tp_traverse`.
    pub fn visit_referents(&self, r: ObjRef, visit: impl FnMut(ObjRef)) -> Result<()> {
        self.slot("visit_referents", r)?
            .object
            .for_each_referent(visit);
        Ok(())
    }
    // ANCHOR_END: traverse

    /// The references `r` holds, as a list.
    pub fn referents(&self, r: ObjRef) -> Result<Vec<ObjRef>> {
        let mut out = Vec::new();
        self.visit_referents(r, |c| out.push(c))?;
        Ok(out)
    }

    // -------------------------------------------------------------------- allocation

    // ANCHOR: alloc
    /// Places a new, complete object in a free slot (the most recently freed one first, so ids
    /// are reused as CPython reuses memory) and returns a new reference to it. The hooks hear
    /// of it last, when the heap is consistent again: they may start a collection.
    pub(crate) fn alloc(&mut self, object: Object) -> ObjRef {
        let kind = object.kind();
        let size = object.sizeof();
        // Known now, so that freeing the object never has to look at its class; read from the
        // object before it is stored, not back from the slot just written.
        let has_finalizer = self.finalizer_of(&object).is_some();
        let slot = Slot::new_live(object, has_finalizer);
        let r = match self.free_slots.pop() {
            Some(index) => {
                let free = &mut self.slots[index as usize];
                let version = free.version;
                // The freed slot holds `Object::None`: nothing to drop.
                std::mem::forget(std::mem::replace(free, Slot { version, ..slot }));
                ObjRef::new(index, version)
            }
            None => {
                self.slots.push(slot);
                ObjRef::new(self.slots.len() as u32 - 1, NonZeroU32::MIN)
            }
        };
        self.live_with_finalizer += usize::from(has_finalizer);
        self.live_objects += 1;
        self.live_bytes += size;
        if self.tracing() {
            self.record_alloc(r, size);
        }
        H::object_created(self, r, kind);
        r
    }
    // ANCHOR_END: alloc

    fn alloc_static(&mut self, object: Object, refcount: u32) -> ObjRef {
        let r = self.alloc(object);
        let size = self.slots[r.index()].object.sizeof();
        self.live_objects -= 1;
        self.live_bytes -= size;
        let slot = &mut self.slots[r.index()];
        slot.is_static = true;
        slot.refcount = refcount;
        slot.external = refcount;
        r
    }

    /// Gives the reference the caller holds to another holder inside the heap: the count is
    /// unchanged, but it no longer counts as held from outside.
    pub(crate) fn move_inside(&mut self, r: ObjRef) {
        self.slots[r.index()].external -= 1;
    }

    /// The opposite of [`Heap::move_inside`]: a reference held inside is handed to the caller.
    pub(crate) fn move_outside(&mut self, r: ObjRef) {
        self.slots[r.index()].external += 1;
    }

    /// Records that a container's size changed by its last mutation.
    pub(crate) fn resized(&mut self, r: ObjRef, old_size: u64) {
        let size = self.slots[r.index()].object.sizeof();
        if size != old_size {
            self.live_bytes = self.live_bytes + size - old_size;
            if self.tracing() {
                self.record(Event::Resize {
                    id: id_of(r),
                    old_size,
                    size,
                });
            }
        }
    }

    // ------------------------------------------------------------ reference counting

    // ANCHOR: incref
    /// `Py_INCREF`: the caller takes a new reference to `r`.
    pub fn incref(&mut self, r: ObjRef) -> Result<()> {
        self.take_ref("incref", r)?;
        self.slots[r.index()].external += 1;
        Ok(())
    }

    /// `Py_DECREF`: the caller drops a reference it owns. The last one frees the object.
    pub fn decref(&mut self, r: ObjRef) -> Result<()> {
        let slot = self.slot_mut("decref", r)?;
        if slot.external == 0 || slot.refcount == 1 && slot.is_static {
            // Not the caller's to drop, or the last reference to a static object.
            return Err(self.cannot_drop("decref", r));
        }
        slot.external -= 1;
        self.drop_ref(r)
    }
    // ANCHOR_END: incref

    /// Why the caller cannot drop its reference to `r`: it owns none, or it is the last
    /// reference to a static object. Out of line, like [`Heap::unusable`].
    #[cold]
    #[inline(never)]
    fn cannot_drop(&self, op: &'static str, r: ObjRef) -> Error {
        let slot = &self.slots[r.index()];
        if slot.external == 0 {
            Error::NotOwned {
                op,
                object: self.describe(r),
                refcount: slot.refcount as u64,
            }
        } else {
            self.static_object(op, r)
        }
    }

    /// The last reference to a static object cannot be dropped.
    #[cold]
    #[inline(never)]
    fn static_object(&self, op: &'static str, r: ObjRef) -> Error {
        Error::StaticObject {
            op,
            object: self.describe(r),
        }
    }

    /// Counts one more reference to `r`, held by whoever is storing it.
    #[inline(always)]
    pub(crate) fn take_ref(&mut self, op: &'static str, r: ObjRef) -> Result<()> {
        let slot = self.slot_mut(op, r)?;
        let Some(refcount) = slot.refcount.checked_add(1) else {
            return Err(self.overflow(r));
        };
        slot.refcount = refcount;
        if self.tracing() {
            let refcount = refcount as u64;
            self.record_lazy(move || Event::Incref {
                id: id_of(r),
                refcount,
            });
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn overflow(&self, r: ObjRef) -> Error {
        Error::RefcountOverflow {
            object: self.describe(r),
        }
    }

    // ANCHOR: drop_ref
    /// Drops one counted reference to a live object; at zero the object is released.
    #[inline(always)]
    pub(crate) fn drop_ref(&mut self, r: ObjRef) -> Result<()> {
        let slot = &mut self.slots[r.index()];
        if slot.refcount == 1 && slot.is_static {
            return Err(self.static_object("decref", r));
        }
        slot.refcount -= 1;
        let refcount = slot.refcount;
        if self.tracing() {
            self.record_lazy(move || Event::Decref {
                id: id_of(r),
                refcount: refcount as u64,
            });
        }
        if refcount == 0 {
            self.release(r);
        }
        Ok(())
    }
    // ANCHOR_END: drop_ref

    // ANCHOR: release
    // ANCHOR: release_loop
    /// Frees an object whose count reached zero, and everything that dies with it.
    ///
    /// CPython's deallocators call each other recursively (a list's `tp_dealloc` drops its
    /// items, which may run their own `tp_dealloc`…), with the "trashcan" to stop deep
    /// structures overflowing the C stack. Here the recursion is an explicit stack of work:
    /// the same order, any depth, no stack growth. Most deallocations kill nothing else and
    /// never touch the stack.
    #[inline(never)]
    fn release(&mut self, first: ObjRef) {
        // A finalizer that frees objects while we are here runs a release of its own on the
        // same stack: each takes only the work it pushed, above where the stack stood.
        let base = self.work.len();
        self.dealloc(first);
        while self.work.len() > base {
            match self.work.pop() {
                Some(Work::Decref(r)) => {
                    if self.lower(r) {
                        self.dealloc(r);
                    }
                }
                Some(Work::Dealloc(r)) => self.dealloc(r),
                Some(Work::Free(r, size)) => self.free_slot(r, size.into()),
                Some(Work::FreeLarge(r)) => {
                    let size = self.large_sizes.pop().expect("pushed with its entry");
                    self.free_slot(r, size);
                }
                None => break,
            }
        }
    }
    // ANCHOR_END: release_loop

    // ANCHOR: dealloc
    /// Takes apart one object whose count reached zero: its finalizer, the hook, then the
    /// references it held, in the order its `tp_dealloc` drops them. While no referent dies,
    /// their counts are lowered on the spot and the object is freed at once. When one dies,
    /// it must be taken apart before its later siblings are dropped and before this object is
    /// freed, exactly as recursion would: that is what goes on the work stack.
    fn dealloc(&mut self, r: ObjRef) {
        if self.finalize_from_dealloc(r) {
            return; // resurrected
        }
        if H::wants_dealloc_hook(self, r) && self.run_dealloc_hook(r) {
            return; // resurrected by a legacy finalizer
        }
        let slot = &mut self.slots[r.index()];
        slot.state = State::Dying;
        let object = std::mem::replace(&mut slot.object, Object::None);
        self.hooks.before_free(r, object.kind());
        let size = object.sizeof();
        let deferred_from = self.work.len();
        let mut dying = None;
        object.for_each_referent(|child| {
            if dying.is_some() {
                self.work.push(Work::Decref(child)); // after the dying one
            } else if self.lower(child) {
                dying = Some(child);
            }
        });
        if object.owns_memory() {
            drop(object);
        } else {
            std::mem::forget(object); // nothing to free: skip the drop's match
        }
        match dying {
            None => self.free_slot(r, size),
            Some(child) => {
                self.free_later(r, size); // after them all: reversed to the bottom
                self.work[deferred_from..].reverse(); // the next sibling to drop on top
                self.work.push(Work::Dealloc(child)); // first of all: the child that died
            }
        }
    }
    // ANCHOR_END: dealloc

    /// Puts the free of `r`, `size` bytes, on the work stack.
    fn free_later(&mut self, r: ObjRef, size: u64) {
        match u32::try_from(size) {
            Ok(size) => self.work.push(Work::Free(r, size)),
            Err(_) => {
                self.large_sizes.push(size);
                self.work.push(Work::FreeLarge(r));
            }
        }
    }

    /// Drops one reference held by a dying object; true if it was the last.
    #[inline(always)]
    fn lower(&mut self, r: ObjRef) -> bool {
        let slot = &mut self.slots[r.index()];
        if slot.refcount == 1 && slot.is_static {
            return false; // unreachable while `decref` checks ownership
        }
        slot.refcount -= 1;
        let refcount = slot.refcount;
        if self.tracing() {
            let refcount = refcount as u64;
            self.record_lazy(move || Event::Decref {
                id: id_of(r),
                refcount,
            });
        }
        refcount == 0
    }
    // ANCHOR_END: release

    // ANCHOR: finalize
    /// Runs `__del__` on an object whose count reached zero, as
    /// `PyObject_CallFinalizerFromDealloc` does: with a temporary reference so that the
    /// finalizer may use the object, at most once per object (PEP 442). Returns true if the
    /// finalizer resurrected the object by storing a new reference to it.
    ///
    /// The object is marked finalized once `__del__` returns, as `PyObject_CallFinalizer`
    /// does: inside its own `__del__`, `gc.is_finalized(self)` is false on this path (the
    /// collector marks objects before it calls their finalizers).
    fn finalize_from_dealloc(&mut self, r: ObjRef) -> bool {
        let slot = &self.slots[r.index()];
        if slot.finalized || !slot.has_finalizer {
            return false;
        }
        let Some(del) = self.finalizer_of(&slot.object) else {
            return false;
        };
        if self.tracing() {
            self.record(Event::Finalize { id: id_of(r) });
        }
        self.while_dying(r, |heap| {
            heap.call_unraisable(del, &[r]);
            heap.slots[r.index()].finalized = true;
        })
    }

    /// Runs `during` while the deallocator holds a temporary reference to the dying `r`
    /// (counted neither inside nor outside, so user code can use the object but not drop that
    /// reference). Returns true if `r` was resurrected: a new reference to it was stored.
    fn while_dying(&mut self, r: ObjRef, during: impl FnOnce(&mut Self)) -> bool {
        let slot = &mut self.slots[r.index()];
        slot.state = State::Finalizing;
        slot.refcount = 1;
        during(self);
        let slot = &mut self.slots[r.index()];
        slot.state = State::Live;
        slot.refcount -= 1;
        let resurrected = slot.refcount > 0;
        if resurrected && self.tracing() {
            self.record(Event::Resurrect { id: id_of(r) });
        }
        resurrected
    }
    // ANCHOR_END: finalize

    /// The hooks' step of deallocation (stage 4: weak references, legacy finalizers), run on
    /// the dying object like a finalizer. Returns true if it resurrected the object.
    fn run_dealloc_hook(&mut self, r: ObjRef) -> bool {
        self.while_dying(r, |heap| H::dealloc_hook(heap, r))
    }

    /// Calls a function whose caller has nobody to return an error to (a `__del__`, a
    /// callback): an exception it raises is reported as unraisable, in the function's name,
    /// and the result is dropped.
    pub fn call_unraisable(&mut self, function: ObjRef, args: &[ObjRef]) {
        match self.call(function, args) {
            Ok(result) => {
                if let Err(error) = self.decref(result) {
                    self.report_unraisable(function, error);
                }
            }
            Err(error) => self.report_unraisable(function, error),
        }
    }

    /// The `__del__` of an instance's class, if it has one (borrowed).
    pub(crate) fn finalizer_of(&self, object: &Object) -> Option<ObjRef> {
        let Object::Instance(inst) = object else {
            return None;
        };
        match &self.slots[inst.class.index()].object {
            Object::Class(class) => class.finalizer,
            _ => None,
        }
    }

    /// Reports an exception that escaped `function` (a finalizer, a callback): kept, written
    /// to the error sink, never raised.
    pub fn report_unraisable(&mut self, function: ObjRef, error: Error) {
        if self.tracing() {
            self.record(Event::Unraisable {
                id: id_of(function),
                message: error.to_string(),
            });
        }
        let report = Unraisable {
            object: self.describe(function),
            error,
            function: Some(function),
        };
        self.keep_unraisable(report);
    }

    /// Reports an exception that escaped code which is not a heap object's; `object` says
    /// what raised it.
    pub fn report_unraisable_in(&mut self, object: String, error: Error) {
        let report = Unraisable {
            object,
            error,
            function: None,
        };
        self.keep_unraisable(report);
    }

    fn keep_unraisable(&mut self, report: Unraisable) {
        if let Some(handler) = self.unraisable_handler.clone() {
            handler(self, &report);
            return;
        }
        if let Some(sink) = &mut self.error_sink {
            sink(&report);
        }
        self.unraisable.push(report);
    }

    /// Sends every report of an unraisable exception to `sink` as it happens, as CPython writes
    /// them to `sys.stderr` (the reports are kept for [`Heap::take_unraisable`] as well).
    pub fn set_error_sink(&mut self, sink: impl FnMut(&Unraisable) + 'static) {
        self.error_sink = Some(Box::new(sink));
    }

    /// Hands every report of an unraisable exception to `handler` as it happens, with the
    /// heap, instead of keeping it: an interpreter calls its program's `sys.unraisablehook`
    /// there, at the moment CPython does. The handler may run code on the heap, as a
    /// finalizer may.
    pub fn set_unraisable_handler(
        &mut self,
        handler: impl Fn(&mut Heap<H>, &Unraisable) + 'static,
    ) {
        self.unraisable_handler = Some(std::rc::Rc::new(handler));
    }

    /// Takes the exceptions reported by finalizers since the last call.
    pub fn take_unraisable(&mut self) -> Vec<Unraisable> {
        std::mem::take(&mut self.unraisable)
    }

    fn free_slot(&mut self, r: ObjRef, size: u64) {
        let slot = &mut self.slots[r.index()];
        slot.state = State::Free;
        slot.finalized = false;
        self.live_with_finalizer -= usize::from(std::mem::take(&mut slot.has_finalizer));
        slot.version = slot.version.checked_add(1).unwrap_or(NonZeroU32::MIN);
        self.free_slots.push(r.index() as u32);
        self.live_objects -= 1;
        self.live_bytes -= size;
        if self.tracing() {
            self.record_lazy(move || Event::Free { id: id_of(r), size });
        }
    }

    // ------------------------------------------------------------------------- trace

    /// Starts recording events (dropping any earlier recording).
    pub fn start_trace(&mut self) {
        self.trace = Some(Trace {
            live_objects_at_start: self.live_objects as u64,
            live_bytes_at_start: self.live_bytes,
            events: Vec::new(),
        });
    }

    /// Stops recording and returns what was recorded (an empty trace if nothing was).
    pub fn stop_trace(&mut self) -> Trace {
        self.trace.take().unwrap_or_default()
    }

    /// Whether events are being recorded: check it before building an expensive event.
    pub fn tracing(&self) -> bool {
        self.trace.is_some()
    }

    /// Records the event `event` builds: for the hot paths' `tracing()` branches (a count
    /// changed, a slot freed), so that building the event is out of line too.
    #[cold]
    #[inline(never)]
    fn record_lazy(&mut self, event: impl FnOnce() -> Event) {
        self.record(event());
    }

    /// [`Heap::record`] of a new object's `Alloc` event, out of line (see [`Heap::record_lazy`]).
    #[cold]
    #[inline(never)]
    fn record_alloc(&mut self, r: ObjRef, size: u64) {
        let type_name = self.type_name_of(&self.slots[r.index()].object);
        self.record(Event::Alloc {
            id: id_of(r),
            type_name,
            size,
        });
    }

    /// Records an event, if recording; later stages record their own events through this.
    ///
    /// Out of line and marked cold: every hot operation (a count lowered, a slot freed) has a
    /// `tracing()` branch that calls this, and inlined, the branch's code made each of them
    /// save registers and reserve stack on every call, traced or not.
    #[cold]
    #[inline(never)]
    pub fn record(&mut self, event: Event) {
        if let Some(trace) = &mut self.trace {
            trace.events.push(event);
        }
    }

    // -------------------------------------------------------------------- invariants

    // ANCHOR: invariants
    /// Checks that every reference count equals the references that really exist: those
    /// held by other objects plus those held from outside. Also checks that no object holds
    /// a reference to a freed slot, and that the live counters add up.
    pub fn check_invariants(&self) -> Result<()> {
        let broken = |message: String| Err(Error::Invariant { message });
        // ANCHOR: invariants_held
        let mut held = vec![0u64; self.slots.len()];
        for holder in self.objects() {
            let mut stale = None;
            self.slots[holder.index()].object.for_each_referent(|r| {
                if self.slot("check", r).is_ok() {
                    held[r.index()] += 1;
                } else {
                    stale = Some(r);
                }
            });
            if let Some(r) = stale {
                return broken(format!("{} holds stale handle {r}", self.describe(holder)));
            }
        }
        // ANCHOR_END: invariants_held
        let (mut objects, mut bytes) = (0, 0);
        for r in self.objects() {
            // ANCHOR: invariants_expected
            let slot = &self.slots[r.index()];
            let deallocator = u64::from(slot.state == State::Finalizing);
            let expected = held[r.index()] + slot.external as u64 + deallocator;
            // ANCHOR_END: invariants_expected
            if slot.refcount as u64 != expected {
                return broken(format!(
                    "{} has refcount {} but {} references exist ({} from objects, {} outside)",
                    self.describe(r),
                    slot.refcount,
                    expected,
                    held[r.index()],
                    slot.external
                ));
            }
            if !slot.is_static {
                objects += 1;
                bytes += slot.object.sizeof();
            }
        }
        if (objects, bytes) != (self.live_objects, self.live_bytes) {
            return broken(format!(
                "counters say {} objects / {} bytes, the heap holds {objects} / {bytes}",
                self.live_objects, self.live_bytes
            ));
        }
        Ok(())
    }
    // ANCHOR_END: invariants
}

impl Slot {
    fn new_live(object: Object, has_finalizer: bool) -> Slot {
        Slot {
            version: NonZeroU32::MIN,
            state: State::Live,
            is_static: false,
            finalized: false,
            has_finalizer,
            refcount: 1,
            external: 1,
            object,
        }
    }
}

/// The `id()` of the object a handle names.
pub(crate) fn id_of(r: ObjRef) -> u64 {
    ID_BASE + r.index() as u64 * ID_STRIDE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_stays_small() {
        assert_eq!(std::mem::size_of::<Work>(), 16);
        // The whole object, header included, in 56 bytes: the collector streams through
        // these, so their size is its speed.
        assert_eq!(std::mem::size_of::<Object>(), 40);
        assert_eq!(std::mem::size_of::<Slot>(), 56);
    }

    #[test]
    fn an_object_of_4_gib_or_more_is_freed_with_its_whole_size() -> Result<()> {
        let mut heap = Heap::new();
        let baseline = heap.live_bytes();
        let inner = heap.new_list(&[])?;
        let outer = heap.new_list(&[inner])?;
        heap.decref(inner)?; // it dies while the outer list is taken apart: a deferred free
        // Room for 2^30 items, as CPython would count it: 8 GiB, more than a u32 holds.
        let old_size = heap.getsizeof(outer)?;
        let Object::List(list) = &mut heap.slots[outer.index()].object else {
            unreachable!("a list")
        };
        list.allocated = 1 << 30;
        heap.resized(outer, old_size);
        assert!(heap.live_bytes() > u64::from(u32::MAX));
        heap.decref(outer)?;
        assert_eq!(heap.live_bytes(), baseline);
        assert!(heap.work.is_empty() && heap.large_sizes.is_empty());
        heap.check_invariants()
    }

    #[test]
    fn the_invariant_check_catches_a_wrong_count() -> Result<()> {
        let mut heap = Heap::new();
        let list = heap.new_list(&[])?;
        heap.check_invariants()?;
        heap.slots[list.index()].refcount += 1; // a forgotten decref
        let error = heap.check_invariants().unwrap_err();
        assert!(
            error
                .to_string()
                .contains("has refcount 2 but 1 references exist"),
            "{error}"
        );
        heap.slots[list.index()].refcount -= 1;
        heap.live_bytes += 8; // a size change not accounted for
        assert!(heap.check_invariants().is_err());
        Ok(())
    }

    #[test]
    fn the_invariant_check_catches_a_dangling_reference() -> Result<()> {
        let mut heap = Heap::new();
        let item = heap.new_list(&[])?;
        let holder = heap.new_list(&[item])?;
        heap.slots[item.index()].external = 0; // pretend the caller's reference was never taken
        heap.slots[item.index()].refcount = 1;
        heap.check_invariants()?;
        heap.free_slot(item, 56); // and the item freed behind the holder's back
        heap.slots[item.index()].object = Object::None;
        let error = heap.check_invariants().unwrap_err();
        assert!(error.to_string().contains("holds stale handle"), "{error}");
        let _ = holder;
        Ok(())
    }
}
