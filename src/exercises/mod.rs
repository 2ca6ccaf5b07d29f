//! The checks that grade the book's exercises, one module per chapter, named like the
//! chapter's folder under `course/starters/`. Each check takes the student's answer, runs it
//! on heaps built for the purpose, and panics with a message that says what is wrong.

pub mod cycles;
pub mod generations;
pub mod measuring;
pub mod refcount;
pub mod watching;
