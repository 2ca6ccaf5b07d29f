//! Generates one test per `rust` code block of the book (skeptic), so every block a reader
//! sees is compiled and run by `cargo test`.
fn main() {
    println!("cargo:rerun-if-changed=book");
    let mut chapters = skeptic::markdown_files_of_directory("book/");
    chapters.sort();
    skeptic::generate_doc_tests(&chapters);
}
