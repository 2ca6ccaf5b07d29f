//! Exercise checks, one module per chapter.

pub mod ch01;
