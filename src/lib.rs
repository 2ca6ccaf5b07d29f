//! The book's companion crate: the checks that grade the chapters' exercises, and the
//! command line the chapter examples share.
//!
//! Each exercise asks for a function; its check takes that function, runs it on heaps built
//! for the purpose and panics with a message saying what is wrong. Write your answer in a
//! file of your own (for example `examples/my_ch01.rs`) and call the check from `main`.
#![forbid(unsafe_code)]

pub mod cpython;
pub mod exercises;
pub mod experiments;
