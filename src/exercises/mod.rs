//! The checks that grade the book's exercises, one module per chapter, named like the
//! chapter's folder under `course/starters/`. Each check takes the student's answer, runs it
//! on heaps built for the purpose, and panics with a message that says what is wrong.

pub mod cycles;
pub mod finalizers;
pub mod generations;
pub mod measuring;
pub mod pyrun;
pub mod refcount;
pub mod watching;

/// A reproducible stream of numbers below `n` (xorshift64), so that a check builds the same
/// random heaps on every run without a dependency.
pub(crate) fn random_below(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    }
}
