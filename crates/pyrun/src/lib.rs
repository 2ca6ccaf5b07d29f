//! # pyrun — Python programs on the book's runtime
//!
//! A tree-walking interpreter for the subset of Python the book's programs use, over stage
//! 4's heap: every value is a heap object, every name, argument and temporary a counted
//! reference, so `sys.getrefcount`, `__del__` timing, `gc.collect()` and weak reference
//! callbacks behave as they do in CPython 3.11.
//!
//! * [`syntax`] turns source text into the small tree of [`ast`], using Ruff's parser.
//! * [`eval`] runs it: frames, calls, classes, exceptions, attribute lookup.
//! * [`ops`], [`format`], [`methods`], [`builtins`] and [`modules`] are the built-in
//!   behaviour: operators, `repr` and formatting, methods of built-in types, built-in
//!   functions, and the `gc`, `sys`, `weakref` and `_testcapi` modules.
#![forbid(unsafe_code)]

pub mod ast;
mod attributes;
pub mod builtins;
mod calls;
mod constants;
pub mod eval;
mod exceptions;
pub mod format;
pub mod methods;
pub mod modules;
pub mod ops;
pub mod program;
pub mod runtime;
mod scope;
pub mod syntax;

pub use program::{Options, Outcome, run};
pub use runtime::{Output, PyHeap, Runtime, Stream};
