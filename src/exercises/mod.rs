//! Exercise checks, one module per chapter.

pub mod ch01;
pub mod cycles;
pub mod watching;
