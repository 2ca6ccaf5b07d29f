//! The check of chapter "Python on our runtime": predicting what `sys.getrefcount` prints.

/// The program of exercise 7.1, as the book shows it.
pub const REFCOUNTS_PROGRAM: &str = include_str!("../../book/python/ch07/predict_refcounts.py");

/// What the program prints on `pyrun`: the count after each label `1:` to `6:`, in label
/// order. (The differential suite checks that CPython 3.11 prints the same.)
pub fn refcounts_printed() -> Vec<u64> {
    let options = pyrun::Options {
        capture: true,
        ..pyrun::Options::default()
    };
    let outcome = pyrun::run("predict_refcounts.py", REFCOUNTS_PROGRAM, &options);
    assert_eq!(outcome.status, 0, "the exercise's program failed on pyrun");
    let mut printed: Vec<(u32, u64)> = outcome
        .text(pyrun::Stream::Stdout)
        .lines()
        .filter_map(|line| {
            let (label, count) = line.split_once(": ")?;
            Some((label.parse().ok()?, count.trim().parse().ok()?))
        })
        .collect();
    printed.sort();
    printed.into_iter().map(|(_, count)| count).collect()
}

/// Exercise 7.1: `predicted[i]` is what the line labelled `i + 1` prints.
pub fn check_refcounts(predicted: [u64; 6]) {
    let printed = refcounts_printed();
    assert_eq!(printed.len(), 6, "the program prints six counts");
    let wrong: Vec<String> = (0..6)
        .filter(|&i| predicted[i] != printed[i])
        .map(|i| format!("line {}: you predicted {}", i + 1, predicted[i]))
        .collect();
    assert!(
        wrong.is_empty(),
        "not quite: {}. For each reference to the Box, say who holds it: a name, a cell, a \
         container, a default, a frame's variable, or the argument of getrefcount itself.",
        wrong.join("; ")
    );
    println!("all six counts right: {predicted:?}");
}
