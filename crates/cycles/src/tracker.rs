//! Container tracking: which objects the cycle detector looks at, in which generation.

use refcount::{Error, Heap, Hooks, Kind, ObjRef, Result};

use crate::GcHooks;
use crate::collect::Scratch;

// ANCHOR: tracker
/// The tracked containers, kept in generation lists in the order they were tracked: CPython's
/// generation lists (`gcstate->generations[i].head`), as arrays.
///
/// A heap built with this tracker (`Heap<Tracker>`, see [`crate::new_heap`]) reports every
/// new object and every free to it. Containers — tuples, lists, dicts, classes and instances,
/// the kinds for which [`Kind::is_container`] holds — are tracked from their creation until
/// they are freed, as CPython's constructors call `PyObject_GC_Track` and its deallocators
/// `PyObject_GC_UnTrack`. Ints, strs, None and bools hold no references, can never be part of
/// a cycle, and are never tracked.
///
/// CPython links the objects of a generation into a doubly linked list through their
/// `PyGC_Head`. Here each generation is a `Vec`, and a second array indexed by slot says where
/// each object is. Tracking appends; untracking leaves a hole, so the order never changes
/// (untracking the newest entry just shortens the list), and the holes are squeezed out once
/// they are half of a list. A collection takes the lists
/// it examines out whole, and appends the survivors to the next older list, in order.
#[derive(Debug)]
pub struct Tracker {
    /// `lists[g]` for each generation `g`, then the permanent generation (`gc.freeze()`).
    lists: Vec<GcList>,
    /// Indexed by `ObjRef::index()`: which list the slot's object is on, and where.
    position: Vec<Position>,
    /// The collector's scratch arrays, kept between collections so that a collection
    /// allocates nothing once they have grown to the heap's size.
    pub(crate) scratch: Scratch,
    /// A collection is running (CPython's `gcstate->collecting`).
    pub(crate) collecting: bool,
}

/// One generation's objects, oldest first; `None` where an object was untracked.
#[derive(Debug, Default)]
struct GcList {
    entries: Vec<Option<ObjRef>>,
    holes: usize,
}

#[derive(Clone, Copy, Debug)]
struct Position {
    list: u32,
    index: u32,
}

/// `Position::list` of a slot whose object is not tracked.
const NOT_TRACKED: u32 = u32::MAX;
/// `Position::list` of an object a running collection has taken off its list: it is still
/// tracked, and goes back on a list when the collection decides its fate. (A freed object is
/// untracked first, so a slot in this state still holds the object the collection took.)
const IN_COLLECTION: u32 = u32::MAX - 1;

impl Tracker {
    /// `_PyObject_GC_TRACK`: append to the youngest generation. Tracking an object that is
    /// tracked already changes nothing.
    #[inline]
    pub fn track(&mut self, obj: ObjRef) {
        if !self.is_tracked(obj) {
            self.append(0, obj);
        }
    }

    /// `PyObject_GC_UnTrack`: take the object off its list, leaving the others in order.
    /// Objects that are not tracked are ignored.
    #[inline]
    pub fn untrack(&mut self, obj: ObjRef) {
        let Some(&Position { list, index }) = self.position.get(obj.index()) else {
            return;
        };
        if list == NOT_TRACKED {
            return;
        }
        self.position[obj.index()].list = NOT_TRACKED;
        if list == IN_COLLECTION {
            return; // the collection holds it; it will not be put back
        }
        let gc_list = &mut self.lists[list as usize];
        if index as usize + 1 == gc_list.entries.len() {
            // The newest entry (an object dying young, the common case): nothing after it to
            // keep in order, so no hole to leave.
            gc_list.entries.pop();
            return;
        }
        gc_list.entries[index as usize] = None;
        gc_list.holes += 1;
        if gc_list.holes > 64 && gc_list.holes * 2 > gc_list.entries.len() {
            self.compact(list as usize);
        }
    }

    #[inline]
    fn append(&mut self, list: usize, obj: ObjRef) {
        let slot = obj.index();
        if self.position.len() <= slot {
            let untracked = Position {
                list: NOT_TRACKED,
                index: 0,
            };
            self.position.resize(slot + 1, untracked);
        }
        let entries = &mut self.lists[list].entries;
        self.position[slot] = Position {
            list: list as u32,
            index: entries.len() as u32,
        };
        entries.push(Some(obj));
    }

    /// Removes the holes of one list, keeping its order.
    fn compact(&mut self, list: usize) {
        let gc_list = &mut self.lists[list];
        gc_list.entries.retain(Option::is_some);
        gc_list.holes = 0;
        for (index, obj) in gc_list.entries.iter().flatten().enumerate() {
            self.position[obj.index()].index = index as u32;
        }
    }
}
// ANCHOR_END: tracker

impl Default for Tracker {
    /// Stage 2's tracker: one generation.
    fn default() -> Self {
        Tracker::with_generations(1)
    }
}

impl Tracker {
    /// A tracker with `generations` generation lists (CPython has 3), plus the permanent one.
    pub fn with_generations(generations: usize) -> Self {
        assert!(generations > 0, "a tracker needs at least one generation");
        Tracker {
            lists: (0..=generations).map(|_| GcList::default()).collect(),
            position: Vec::new(),
            scratch: Scratch::default(),
            collecting: false,
        }
    }

    /// How many generations a collection can be asked for (the permanent one aside).
    pub fn generations(&self) -> usize {
        self.lists.len() - 1
    }

    /// The index of the permanent generation's list: objects `gc.freeze()` put there are
    /// tracked but never examined.
    pub fn permanent(&self) -> usize {
        self.lists.len() - 1
    }

    /// The objects of one list (a generation, or [`Tracker::permanent`]), oldest first.
    pub fn objects(&self, list: usize) -> impl Iterator<Item = ObjRef> + '_ {
        self.lists[list].entries.iter().flatten().copied()
    }

    /// How many objects one list holds.
    pub fn count(&self, list: usize) -> usize {
        let gc_list = &self.lists[list];
        gc_list.entries.len() - gc_list.holes
    }

    /// Every tracked object of every generation (not the permanent one), youngest generation
    /// first, as `gc.get_objects()` lists them.
    pub fn tracked(&self) -> impl Iterator<Item = ObjRef> + '_ {
        (0..self.generations()).flat_map(|g| self.objects(g))
    }

    /// How many objects the generations hold (what `len(gc.get_objects())` would say).
    pub fn len(&self) -> usize {
        (0..self.generations()).map(|g| self.count(g)).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `gc.is_tracked(obj)` for a live object ([`crate::is_tracked`] checks the handle too).
    #[inline]
    pub fn is_tracked(&self, obj: ObjRef) -> bool {
        match self.position.get(obj.index()) {
            Some(&Position { list, .. }) if list == IN_COLLECTION => true,
            Some(&Position { list, index }) if list != NOT_TRACKED => {
                self.lists[list as usize].entries[index as usize] == Some(obj)
            }
            _ => false,
        }
    }

    /// The list the object is on, if it is tracked and no collection holds it.
    pub fn list_of(&self, obj: ObjRef) -> Option<usize> {
        let &Position { list, .. } = self.position.get(obj.index())?;
        (list < IN_COLLECTION && self.is_tracked(obj)).then_some(list as usize)
    }

    /// Whether a collection is running right now (a finalizer can be called from one).
    pub fn is_collecting(&self) -> bool {
        self.collecting
    }

    /// Moves every object of list `from` to the end of list `to`, in order
    /// (`gc_list_merge`): how `gc.freeze()` and `gc.unfreeze()` work.
    pub fn merge(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        let taken = std::mem::take(&mut self.lists[from]);
        for obj in taken.entries.into_iter().flatten() {
            self.append(to, obj);
        }
    }

    /// Takes the lists of generations `0..=generation` off the tracker, in the order CPython
    /// merges them (`generation` itself first, then the younger ones from 0 up), into `young`.
    /// Their objects stay tracked, held by the collection, until [`Tracker::place`] puts
    /// them back. Its own function in a profile, like the collector's passes.
    #[inline(never)]
    pub(crate) fn take_young(&mut self, generation: usize, young: &mut Vec<ObjRef>) {
        young.clear();
        let order = std::iter::once(generation).chain(0..generation);
        for list in order {
            // Drained, not taken: the list keeps its allocation, so the survivors placed back
            // on it (stage 2 has one generation) do not regrow it push by push.
            let gc_list = &mut self.lists[list];
            gc_list.holes = 0;
            for obj in gc_list.entries.drain(..).flatten() {
                self.position[obj.index()].list = IN_COLLECTION;
                young.push(obj);
            }
        }
    }

    /// Puts the objects the running collection holds at the end of `list`, in order; see
    /// [`Tracker::place`]. Its own function in a profile, like the collector's passes.
    #[inline(never)]
    pub(crate) fn place_all(&mut self, objs: &[ObjRef], list: usize) {
        // [`Tracker::place`] for each, with the list looked up once: a collection's survivors
        // all come through here.
        let entries = &mut self.lists[list].entries;
        entries.reserve(objs.len());
        for &obj in objs {
            if let Some(position) = self.position.get_mut(obj.index())
                && position.list == IN_COLLECTION
            {
                *position = Position {
                    list: list as u32,
                    index: entries.len() as u32,
                };
                entries.push(Some(obj));
            }
        }
    }

    /// Puts an object the running collection holds at the end of `list`. Objects it does not
    /// hold (freed, untracked, or placed already) are left alone.
    pub(crate) fn place(&mut self, obj: ObjRef, list: usize) {
        if let Some(Position {
            list: IN_COLLECTION,
            ..
        }) = self.position.get(obj.index())
        {
            self.append(list, obj);
        }
    }
}

impl Hooks for Tracker {
    #[inline]
    fn object_created(heap: &mut Heap<Self>, obj: ObjRef, kind: Kind) {
        if kind.is_container() {
            // A new object is never on a list (its slot's last occupant was untracked when
            // it was freed): no need for `track`'s check.
            heap.hooks_mut().append(0, obj);
        }
    }

    #[inline]
    fn before_free(&mut self, obj: ObjRef, _kind: Kind) {
        self.untrack(obj);
    }
}

impl GcHooks for Tracker {
    fn tracker(&self) -> &Tracker {
        self
    }

    fn tracker_mut(&mut self) -> &mut Tracker {
        self
    }
}

/// Checks that the tracker agrees with the heap: every tracked object is a live container,
/// on one list, once, where the position index says; no collection still holds an object;
/// and every live container is tracked, except the kinds whose tracking the stage delays
/// ([`GcHooks::delays_tracking`]). For tests, next to [`refcount::Heap::check_invariants`].
pub fn check_tracking<H: GcHooks>(heap: &Heap<H>) -> Result<()> {
    let broken = |message: String| Err(Error::Invariant { message });
    let tracker = heap.hooks().tracker();
    if tracker.collecting {
        return broken("a collection is still running".into());
    }
    let mut tracked = 0;
    for (list, gc_list) in tracker.lists.iter().enumerate() {
        for (index, entry) in gc_list.entries.iter().enumerate() {
            let Some(obj) = *entry else { continue };
            tracked += 1;
            let position = tracker.position.get(obj.index());
            if !matches!(position, Some(p) if p.list as usize == list && p.index as usize == index)
            {
                return broken(format!("the position index is wrong for {obj}"));
            }
            if !heap.is_alive(obj) || !heap.kind(obj)?.is_container() {
                return broken(format!("{obj} is tracked but not a live container"));
            }
        }
        let holes = gc_list.entries.iter().filter(|e| e.is_none()).count();
        if holes != gc_list.holes {
            return broken(format!(
                "list {list} counts {} holes, has {holes}",
                gc_list.holes
            ));
        }
    }
    let mut containers = 0;
    for obj in heap.objects() {
        let kind = heap.kind(obj)?;
        containers += usize::from(kind.is_container() && tracker.is_tracked(obj));
        if kind.is_container() && !H::delays_tracking(kind) && !tracker.is_tracked(obj) {
            return broken(format!("{} is not tracked", heap.describe(obj)));
        }
    }
    if containers != tracked {
        return broken(format!(
            "{tracked} objects on the lists, {containers} tracked live containers"
        ));
    }
    Ok(())
}
