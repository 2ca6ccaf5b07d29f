//! Source text to [`crate::ast`], with Ruff's parser. The only file that knows the parser.

use crate::ast;

/// Why a program cannot run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not Python: CPython would say `SyntaxError: message` (1-based line and column).
    Syntax {
        message: String,
        line: u32,
        column: u32,
    },
    /// Python, but outside the subset `pyrun` runs: `what` names the construct.
    Unsupported { what: String, line: u32 },
}

pub fn parse_module(_source: &str) -> Result<ast::Module, ParseError> {
    todo!("syntax.rs is being written")
}
