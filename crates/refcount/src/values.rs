//! The objects an interpreter needs beyond the book's first chapters: floats, sets, closure
//! cells, bound methods and ranges. Same rules as `builtins.rs`: constructors return new
//! references, containers take references of their own, accessors lend.

use crate::heap::Heap;
use crate::object::{Frame, Set};
use crate::{Error, Hooks, ObjRef, Object, Result};

impl<H: Hooks> Heap<H> {
    pub fn new_float(&mut self, value: f64) -> Result<ObjRef> {
        Ok(self.alloc(Object::Float(value)))
    }

    pub fn as_float(&self, r: ObjRef) -> Result<f64> {
        match &self.slot("as_float", r)?.object {
            Object::Float(v) => Ok(*v),
            _ => Err(self.wrong_type("as_float", "a float", r)),
        }
    }

    // ----------------------------------------------------------------------- sets

    /// A set of `items` (duplicates, by Python equality, kept once).
    pub fn new_set(&mut self, items: &[ObjRef]) -> Result<ObjRef> {
        let set = self.alloc(Object::Set(Box::default()));
        for &item in items {
            if let Err(error) = self.set_add(set, item) {
                self.decref(set)?;
                return Err(error);
            }
        }
        Ok(set)
    }

    fn set(&self, op: &'static str, r: ObjRef) -> Result<&Set> {
        match &self.slot(op, r)?.object {
            Object::Set(set) => Ok(set),
            _ => Err(self.wrong_type(op, "a set", r)),
        }
    }

    fn set_mut(&mut self, r: ObjRef) -> &mut Set {
        match &mut self.slots[r.index()].object {
            Object::Set(set) => set,
            _ => unreachable!("checked by Heap::set"),
        }
    }

    /// The set's items, borrowed, in insertion order.
    pub fn set_items(&self, set: ObjRef) -> Result<&[ObjRef]> {
        Ok(&self.set("set_items", set)?.items)
    }

    pub fn set_contains(&self, set: ObjRef, item: ObjRef) -> Result<bool> {
        self.check_hashable("set_contains", item)?;
        Ok(self.set_find("set_contains", set, item)?.is_some())
    }

    fn set_find(&self, op: &'static str, set: ObjRef, item: ObjRef) -> Result<Option<usize>> {
        let set = self.set(op, set)?;
        Ok(match &set.index {
            Some(index) => index.get(&self.key_hash(item)).and_then(|positions| {
                positions
                    .iter()
                    .map(|&i| i as usize)
                    .find(|&i| self.py_eq(set.items[i], item))
            }),
            None => set.items.iter().position(|&x| self.py_eq(x, item)),
        })
    }

    /// `set.add(item)`: the set takes a reference unless an equal item is there already.
    pub fn set_add(&mut self, set: ObjRef, item: ObjRef) -> Result<()> {
        if self.set_contains(set, item)? {
            return Ok(());
        }
        let old_size = self.get(set)?.sizeof();
        self.take_ref("set_add", item)?;
        let hash = self.key_hash(item);
        let data = self.set_mut(set);
        data.grow_for_new_item();
        data.items.push(item);
        let len = data.items.len();
        match &mut data.index {
            Some(index) => index.entry(hash).or_default().push(len as u32 - 1),
            None if len >= crate::object::INDEX_FROM => {
                let items = data.items.clone();
                let index = self.reindex(items.into_iter(), len);
                self.set_mut(set).index = index;
            }
            None => {}
        }
        self.resized(set, old_size);
        Ok(())
    }

    /// `set.discard(item)`: whether it was there.
    pub fn set_discard(&mut self, set: ObjRef, item: ObjRef) -> Result<bool> {
        self.check_hashable("set_discard", item)?;
        let Some(i) = self.set_find("set_discard", set, item)? else {
            return Ok(false);
        };
        let removed = self.set_mut(set).items.remove(i);
        let data = self.set("set_discard", set)?;
        let index = match data.index {
            Some(_) => self.reindex(data.items.iter().copied(), data.items.len()),
            None => None,
        };
        self.set_mut(set).index = index;
        self.drop_ref(removed)?;
        Ok(true)
    }

    // ---------------------------------------------------------------------- cells

    /// A closure cell holding `contents` (a reference of its own), or empty.
    pub fn new_cell(&mut self, contents: Option<ObjRef>) -> Result<ObjRef> {
        if let Some(value) = contents {
            self.take_ref("new_cell", value)?;
        }
        Ok(self.alloc(Object::Cell(contents)))
    }

    /// What the cell holds, borrowed; `None` when it is empty (the variable is unbound).
    pub fn cell_get(&self, cell: ObjRef) -> Result<Option<ObjRef>> {
        match &self.slot("cell_get", cell)?.object {
            Object::Cell(contents) => Ok(*contents),
            _ => Err(self.wrong_type("cell_get", "a cell", cell)),
        }
    }

    /// Stores `value` (a reference of its own) in the cell, or empties it, then drops what it
    /// held.
    pub fn cell_set(&mut self, cell: ObjRef, value: Option<ObjRef>) -> Result<()> {
        self.cell_get(cell)?;
        if let Some(value) = value {
            self.take_ref("cell_set", value)?;
        }
        let Object::Cell(contents) = &mut self.slots[cell.index()].object else {
            unreachable!("checked by Heap::cell_get")
        };
        let old = std::mem::replace(contents, value);
        old.map_or(Ok(()), |old| self.drop_ref(old))
    }

    // -------------------------------------------------------------- bound methods

    /// `receiver.method` for a function found on the receiver's class: an object holding
    /// both, which calls the function with the receiver first.
    pub fn new_method(&mut self, function: ObjRef, receiver: ObjRef) -> Result<ObjRef> {
        self.slot("new_method", function)?;
        self.slot("new_method", receiver)?;
        self.take_ref("new_method", function)?;
        self.take_ref("new_method", receiver)?;
        Ok(self.alloc(Object::Method { function, receiver }))
    }

    // --------------------------------------------------------------------- ranges

    /// `range(start, stop, step)`; a zero step is CPython's `ValueError`.
    pub fn new_range(&mut self, start: i64, stop: i64, step: i64) -> Result<ObjRef> {
        if step == 0 {
            return Err(Error::ValueError {
                message: "range() arg 3 must not be zero".into(),
            });
        }
        Ok(self.alloc(Object::Range { start, stop, step }))
    }

    // -------------------------------------------------------------------- frames

    /// A frame object named `name`, taking over the references in `variables` (the caller
    /// owned them; the frame does now).
    pub fn new_frame(&mut self, name: &str, variables: Vec<Option<ObjRef>>) -> Result<ObjRef> {
        for &v in variables.iter().flatten() {
            self.slot("new_frame", v)?;
        }
        for &v in variables.iter().flatten() {
            self.move_inside(v);
        }
        Ok(self.alloc(Object::Frame(Box::new(Frame {
            name: name.into(),
            variables,
        }))))
    }

    fn frame(&self, op: &'static str, r: ObjRef) -> Result<&Frame> {
        match &self.slot(op, r)?.object {
            Object::Frame(frame) => Ok(frame),
            _ => Err(self.wrong_type(op, "a frame", r)),
        }
    }

    /// Variable `slot` of the frame, borrowed; `None` while unbound (or once cleared).
    pub fn frame_get(&self, frame: ObjRef, slot: usize) -> Result<Option<ObjRef>> {
        Ok(self
            .frame("frame_get", frame)?
            .variables
            .get(slot)
            .copied()
            .flatten())
    }

    /// Binds variable `slot` to `value` (an owned reference the frame takes over), or unbinds
    /// it; the old value is dropped after.
    pub fn frame_set(&mut self, frame: ObjRef, slot: usize, value: Option<ObjRef>) -> Result<()> {
        let len = self.frame("frame_set", frame)?.variables.len();
        if slot >= len {
            return Err(Error::IndexError {
                op: "frame_set",
                index: slot,
                len,
            });
        }
        if let Some(v) = value {
            self.slot("frame_set", v)?;
            self.move_inside(v);
        }
        let Object::Frame(f) = &mut self.slots[frame.index()].object else {
            unreachable!("checked by Heap::frame")
        };
        let old = std::mem::replace(&mut f.variables[slot], value);
        old.map_or(Ok(()), |old| self.drop_ref(old))
    }

    /// A traceback entry for `frame` at `line`, in front of `next` (it takes references to
    /// both).
    pub fn new_traceback(
        &mut self,
        frame: ObjRef,
        next: Option<ObjRef>,
        line: u32,
    ) -> Result<ObjRef> {
        self.frame("new_traceback", frame)?;
        if let Some(n) = next {
            self.slot("new_traceback", n)?;
        }
        self.take_ref("new_traceback", frame)?;
        if let Some(n) = next {
            self.take_ref("new_traceback", n)?;
        }
        Ok(self.alloc(Object::Traceback { frame, next, line }))
    }
}
