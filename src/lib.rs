//! The book's companion crate: the checks that grade the chapters' exercises, and the
//! command line the chapter examples share.
//!
//! Each exercise asks for a function; its check takes that function, runs it on heaps built
//! for the purpose and panics with a message saying what is wrong. The exercises are files
//! (`course/starters/`, copied to `exercises/` for the student) whose `main` calls the check;
//! `scripts/course` builds and runs them.
#![forbid(unsafe_code)]

pub mod cpython;
pub mod exercises;
pub mod experiments;
