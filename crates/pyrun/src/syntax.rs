//! Source text to [`crate::ast`], with Ruff's parser. The only file that knows the parser.
//!
//! Ruff (`ruff_python_parser`) gives the full modern grammar and good error recovery; its tree
//! is far larger than what `pyrun` runs, and its API is unstable, so this file converts it at
//! once into our small [`ast`] and nothing else sees a Ruff type. Three passes:
//!
//! 1. **Parse** with Ruff, targeting Python 3.11 (the version the book compares against), so
//!    syntax that 3.11 rejects (PEP 701 f-string quoting, `type` aliases, type parameter
//!    lists) is an error here too. The first error becomes [`ParseError::Syntax`], with a few
//!    of Ruff's messages reworded to CPython's (listed at `cpython_message`).
//! 2. **Validate** what CPython rejects at compile time but Ruff's parser accepts: `return`,
//!    `yield` and `await` outside a function, `break`/`continue` outside a loop, `nonlocal` at
//!    module level, a bare `except:` that is not last, duplicate parameters, repeated keyword
//!    arguments, misplaced `*x`, and the tokenizer's limits (200 nested brackets, 100 levels
//!    of indentation). Messages and positions are CPython 3.11's.
//! 3. **Convert** Ruff's tree to ours. Everything the subset has is mapped: all constants
//!    except bytes, complex numbers and ints beyond 64 bits; f-strings (implicitly
//!    concatenated pieces joined, `{x=}` spelled out as CPython does); calls, operators,
//!    comprehensions, displays, lambdas (a function whose body is one `return`); and the
//!    statements listed in [`ast::StmtKind`] (`elif` becomes a nested `If` in `orelse`).
//!    The rest (`with`, `async`, `yield`, `await`, `match`, `:=`, `except*`, dotted or
//!    relative imports, class keywords, ...) is [`ParseError::Unsupported`], naming itself.
//!
//! Ruff's nodes carry byte ranges; ours carry 1-based lines, computed once from a table of
//! line starts, because lines are all a traceback or an error message prints, and a line
//! stays meaningful without the source text at hand.
//!
//! Both walks are recursive, so both stop at [`MAX_DEPTH`] nested statements and expressions
//! (CPython's tokenizer stops at 200 nested brackets; its compiler goes deeper, to about
//! 2000 for a chain like `1+1+...`): pathological input gets an error, never a stack
//! overflow, and a deep tree that Ruff built is freed on a stack big enough for it.

use std::collections::HashSet;
use std::rc::Rc;

use ruff_python_ast as rast;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, Mode, ParseErrorType, ParseOptions, Parsed,
    UnsupportedSyntaxError,
};
use ruff_text_size::{Ranged, TextSize};

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

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::Syntax {
                message,
                line,
                column,
            } => write!(f, "SyntaxError: {message} (line {line}, column {column})"),
            ParseError::Unsupported { what, line } => {
                write!(f, "line {line}: {what} is not supported by pyrun")
            }
        }
    }
}

impl std::error::Error for ParseError {}

type Res<T> = Result<T, ParseError>;

/// How deeply statements and expressions may nest (each level counts one).
pub const MAX_DEPTH: u32 = 200;

/// Parses a module and converts it to [`ast::Module`].
pub fn parse_module(source: &str) -> Result<ast::Module, ParseError> {
    if u32::try_from(source.len()).is_err() {
        // Ruff's offsets, and so ours, are 32-bit.
        return unsupported("a source file of 4 GiB or more", 1);
    }
    let lines = LineIndex::new(source);
    let options = ParseOptions::from(Mode::Module).with_target_version(rast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let result = convert(&lines, source, &parsed);
    if result.is_err() {
        dispose(parsed);
    }
    result
}

/// More tokens than this, and Ruff's tree may be too deep to drop on a small stack.
const DEEP_TOKENS: usize = 4096;

/// Drops Ruff's tree of a rejected program, on a thread of its own with a stack to match
/// when it may be deep: Ruff's parser guards its own recursion (with `stacker`), but its
/// nodes drop recursively, and a tree rejected for its depth (20 000 nested calls, say)
/// would overflow a thread's stack while being freed. A tree too big for any thread is
/// leaked rather than crash the process.
fn dispose(parsed: Parsed<rast::Mod>) {
    let tokens = parsed.tokens().len();
    if tokens <= DEEP_TOKENS {
        return;
    }
    let slot = std::sync::Arc::new(std::sync::Mutex::new(Some(parsed)));
    let theirs = std::sync::Arc::clone(&slot);
    // A few hundred bytes of stack per level is ample; depth is at most the token count.
    let stack = tokens.saturating_mul(512).max(1 << 20);
    let dropped = stack <= 1 << 30
        && std::thread::Builder::new()
            .stack_size(stack)
            .spawn(move || {
                if let Ok(mut guard) = theirs.lock() {
                    drop(guard.take());
                }
            })
            .is_ok_and(|handle| handle.join().is_ok());
    if !dropped && let Ok(mut guard) = slot.lock() {
        std::mem::forget(guard.take());
    }
}

fn convert(lines: &LineIndex, source: &str, parsed: &Parsed<rast::Mod>) -> Res<ast::Module> {
    if let Some(at) = source.find('\0') {
        // CPython checks this before it tokenizes anything.
        let (line, column) = lines.line_column(source, TextSize::new(at as u32));
        return Err(ParseError::Syntax {
            message: "source code cannot contain null bytes".into(),
            line,
            column,
        });
    }
    let limit = tokenizer_limits(lines, source, parsed.tokens());
    if let Some(error) = parsed.errors().first() {
        match limit {
            Some((offset, limit)) if offset <= error.location.start() => return Err(limit),
            _ => return Err(syntax_error(lines, source, parsed.tokens(), error)),
        }
    }
    if let Some((_, limit)) = limit {
        return Err(limit);
    }
    if let Some(error) = parsed.unsupported_syntax_errors().first() {
        return Err(version_error(lines, source, error));
    }
    let rast::Mod::Module(module) = parsed.syntax() else {
        return Err(ParseError::Syntax {
            message: "invalid syntax".into(),
            line: 1,
            column: 1,
        });
    };

    let mut check = Validator {
        lines,
        source,
        in_function: false,
        in_async: false,
        in_loop: false,
        at_module: true,
        depth: 0,
        error: None,
        too_deep: None,
    };
    check.visit_body(&module.body);
    if let Some(error) = check.error {
        return Err(error);
    }
    if let Some(line) = check.too_deep {
        return Err(too_deep(line));
    }

    let mut conv = Converter { lines, depth: 0 };
    let body = conv.stmts(&module.body)?;
    Ok(ast::Module { body })
}

// ---------------------------------------------------------------------------------------------
// Lines and columns.

/// Byte offset of the start of every line, for offset-to-line lookups.
struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    fn line(&self, offset: TextSize) -> u32 {
        let offset = u32::from(offset);
        self.starts.partition_point(|&s| s <= offset) as u32
    }

    /// The 1-based line and 1-based column (in characters, as CPython counts) of `offset`.
    fn line_column(&self, source: &str, offset: TextSize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.starts[line as usize - 1] as usize;
        let end = (u32::from(offset) as usize).min(source.len());
        let column = source
            .get(start..end)
            .map_or(end - start, |text| text.chars().count());
        (line, column as u32 + 1)
    }

    fn last_line(&self, source: &str) -> u32 {
        // A trailing newline does not start a line of its own.
        let n = self.starts.len() as u32;
        if n > 1 && self.starts[n as usize - 1] as usize == source.len() {
            n - 1
        } else {
            n
        }
    }
}

fn too_deep(line: u32) -> ParseError {
    ParseError::Unsupported {
        what: format!("nesting deeper than {MAX_DEPTH} levels"),
        line,
    }
}

// ---------------------------------------------------------------------------------------------
// Syntax errors.

/// Ruff's first error as CPython would report it.
fn syntax_error(
    lines: &LineIndex,
    source: &str,
    tokens: &Tokens,
    error: &ruff_python_parser::ParseError,
) -> ParseError {
    let offset = error.location.start();
    let (line, column) = lines.line_column(source, offset);
    let at = |offset| lines.line_column(source, offset);
    let syntax = |message: String, (line, column): (u32, u32)| ParseError::Syntax {
        message,
        line,
        column,
    };
    // CPython blames a bracket left open on an earlier line before anything else, and a
    // closing bracket that closes nothing.
    let generic = matches!(
        &error.error,
        ParseErrorType::ExpectedToken { .. }
            | ParseErrorType::ExpectedExpression
            | ParseErrorType::UnexpectedExpressionToken
            | ParseErrorType::SimpleStatementsOnSameLine
            | ParseErrorType::SimpleAndCompoundStatementOnSameLine
            | ParseErrorType::OtherError(_)
            | ParseErrorType::Lexical(LexicalErrorType::Eof)
    );
    if generic {
        let (open, stray) = brackets_before(tokens, offset);
        if let Some((bracket, open)) = open
            && lines.line(open) < line
        {
            return syntax(format!("'{bracket}' was never closed"), at(open));
        }
        if let Some((bracket, at_offset)) = stray {
            return syntax(format!("unmatched '{bracket}'"), at(at_offset));
        }
    }
    let end_line = lines.line(error.location.end());
    let message = cpython_message(lines, source, tokens, &error.error, offset, end_line);
    syntax(message, (line, column))
}

/// CPython 3.11's wording where it is cheap to match; Ruff's own message otherwise. Mapped
/// (besides `'(' was never closed` and `unmatched ')'`, which [`syntax_error`] reports at
/// the bracket):
///
/// * a missing `:` at the end of a line: `expected ':'` (elsewhere, `invalid syntax`);
/// * a missing block: `expected an indented block after 'if' statement on line N`;
/// * an unexpected indentation: `unexpected indent`;
/// * a dedent to no enclosing level: `unindent does not match any outer indentation level`
///   (Ruff already says so);
/// * an unclosed string: `unterminated string literal (detected at line N)`, or
///   `unterminated triple-quoted string literal (detected at line N)`;
/// * parameter and argument order, a bare `*`, an unparenthesized generator argument, a
///   `try` without handlers, leading zeros, f-string brace errors: CPython's sentences;
/// * any other unexpected token or missing expression: `invalid syntax`, or `invalid
///   character '€' (U+20AC)` for a character outside ASCII.
fn cpython_message(
    lines: &LineIndex,
    source: &str,
    tokens: &Tokens,
    error: &ParseErrorType,
    offset: TextSize,
    end_line: u32,
) -> String {
    use InterpolatedStringErrorType as F;
    let line = lines.line(offset);
    match error {
        ParseErrorType::ExpectedToken { expected, found } => match (expected, found) {
            (TokenKind::Colon, TokenKind::Newline | TokenKind::EndOfFile) => "expected ':'".into(),
            (TokenKind::Colon, TokenKind::Equal) => {
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into()
            }
            _ => "invalid syntax".into(),
        },
        ParseErrorType::OtherError(message) => {
            if let Some(what) = message.strip_prefix("Expected an indented block after ") {
                let what = match what {
                    "function definition" => what.to_string(),
                    "`class` definition" => "class definition".to_string(),
                    _ => what.replace('`', "'").replace(" clause", " statement"),
                };
                // The header is the line of the last `:` before the error.
                let header = tokens
                    .iter()
                    .take_while(|t| t.start() < offset)
                    .filter(|t| t.kind() == TokenKind::Colon)
                    .last()
                    .map_or(line, |t| lines.line(t.start()));
                format!("expected an indented block after {what} on line {header}")
            } else if message.starts_with("Expected `except` or `finally`") {
                "expected 'except' or 'finally' block".into()
            } else if message == "Expected a statement" {
                "invalid syntax".into()
            } else {
                lexical_other(source, offset, message)
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::OtherError(message)) => {
            lexical_other(source, offset, message)
        }
        ParseErrorType::ExpectedExpression
        | ParseErrorType::UnexpectedExpressionToken
        | ParseErrorType::SimpleStatementsOnSameLine
        | ParseErrorType::SimpleAndCompoundStatementOnSameLine
        | ParseErrorType::EmptyImportNames
        | ParseErrorType::UnexpectedTokenAfterAsync(_) => "invalid syntax".into(),
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            if tok.is_ascii() {
                "invalid syntax".into()
            } else {
                format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
            }
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            "non-default argument follows default argument".into()
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            "positional argument follows keyword argument".into()
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".into()
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            "iterable argument unpacking follows keyword argument unpacking".into()
        }
        ParseErrorType::ExpectedKeywordParam => "named arguments must follow bare *".into(),
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            "Generator expression must be parenthesized".into()
        }
        ParseErrorType::UnexpectedIndentation => "unexpected indent".into(),
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            "unindent does not match any outer indentation level".into()
        }
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError)
        | ParseErrorType::Lexical(LexicalErrorType::FStringError(
            F::UnterminatedString | F::UnterminatedTripleQuotedString,
        ))
        | ParseErrorType::FStringError(F::UnterminatedString | F::UnterminatedTripleQuotedString) => {
            if is_triple_quoted(source, offset) {
                format!(
                    "unterminated triple-quoted string literal (detected at line {})",
                    lines.last_line(source)
                )
            } else {
                format!("unterminated string literal (detected at line {end_line})")
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::FStringError(F::InvalidConversionFlag))
        | ParseErrorType::FStringError(F::InvalidConversionFlag) => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        // Ruff quotes code with backquotes, CPython with single quotes.
        ParseErrorType::Lexical(LexicalErrorType::FStringError(_))
        | ParseErrorType::FStringError(_) => error.to_string().replace('`', "'"),
        other => other.to_string(),
    }
}

fn lexical_other(source: &str, offset: TextSize, message: &str) -> String {
    let at_zero = source
        .get(u32::from(offset) as usize..)
        .is_some_and(|rest| rest.starts_with('0'));
    if message == "Invalid decimal integer literal" && at_zero {
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal \
         integers"
            .into()
    } else {
        message.to_string()
    }
}

/// Whether the string literal starting at `offset` (prefix letters included) is triple-quoted.
fn is_triple_quoted(source: &str, offset: TextSize) -> bool {
    let Some(rest) = source.get(u32::from(offset) as usize..) else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| "rRbBuUfFtT".contains(c));
    rest.starts_with("\"\"\"") || rest.starts_with("'''")
}

/// Before `offset`: the innermost bracket still open, and the first closing bracket that
/// closed nothing (with their offsets).
type Bracket = (char, TextSize);
fn brackets_before(tokens: &Tokens, offset: TextSize) -> (Option<Bracket>, Option<Bracket>) {
    let mut stack: Vec<Bracket> = Vec::new();
    // The error is often at the stray bracket itself, so it counts.
    for token in tokens.iter().take_while(|t| t.start() <= offset) {
        let closing = match token.kind() {
            TokenKind::Lpar => {
                stack.push(('(', token.start()));
                continue;
            }
            TokenKind::Lsqb => {
                stack.push(('[', token.start()));
                continue;
            }
            TokenKind::Lbrace => {
                stack.push(('{', token.start()));
                continue;
            }
            TokenKind::Rpar => ')',
            TokenKind::Rsqb => ']',
            TokenKind::Rbrace => '}',
            _ => continue,
        };
        if stack.pop().is_none() {
            return (None, Some((closing, token.start())));
        }
    }
    (stack.last().copied(), None)
}

/// CPython's tokenizer limits, which Ruff does not have: 200 nested brackets (Ruff keeps no
/// node for a parenthesis, so the tree walks below would not see them) and 100 levels of
/// indentation.
fn tokenizer_limits(
    lines: &LineIndex,
    source: &str,
    tokens: &Tokens,
) -> Option<(TextSize, ParseError)> {
    let (mut brackets, mut indents) = (0u32, 0u32);
    for token in tokens.iter() {
        let message = match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                brackets += 1;
                if brackets <= 200 {
                    continue;
                }
                "too many nested parentheses"
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                brackets = brackets.saturating_sub(1);
                continue;
            }
            TokenKind::Indent => {
                indents += 1;
                if indents < 100 {
                    continue;
                }
                "too many levels of indentation"
            }
            TokenKind::Dedent => {
                indents = indents.saturating_sub(1);
                continue;
            }
            _ => continue,
        };
        let (line, column) = lines.line_column(source, token.start());
        let error = ParseError::Syntax {
            message: message.to_string(),
            line,
            column,
        };
        return Some((token.start(), error));
    }
    None
}

/// Syntax newer than 3.11 (Ruff calls it unsupported for the target version): CPython 3.11
/// raises a `SyntaxError`.
fn version_error(lines: &LineIndex, source: &str, error: &UnsupportedSyntaxError) -> ParseError {
    let (line, column) = lines.line_column(source, error.range.start());
    ParseError::Syntax {
        message: error.to_string(),
        line,
        column,
    }
}

// ---------------------------------------------------------------------------------------------
// Validation: what CPython's compiler rejects and Ruff's parser lets through.

struct Validator<'l> {
    lines: &'l LineIndex,
    source: &'l str,
    in_function: bool,
    /// Inside an `async def` (whose body is unsupported, but its `await` is Python).
    in_async: bool,
    in_loop: bool,
    at_module: bool,
    depth: u32,
    error: Option<ParseError>,
    too_deep: Option<u32>,
}

impl Validator<'_> {
    fn fail(&mut self, message: &str, offset: TextSize) {
        if self.error.is_none() {
            let (line, column) = self.lines.line_column(self.source, offset);
            self.error = Some(ParseError::Syntax {
                message: message.to_string(),
                line,
                column,
            });
        }
    }

    /// Runs `f` in a new scope (function or class body).
    fn scope(&mut self, in_function: bool, in_async: bool, f: impl FnOnce(&mut Self)) {
        let saved = (
            self.in_function,
            self.in_async,
            self.in_loop,
            self.at_module,
        );
        self.in_function = in_function;
        self.in_async = in_async;
        self.in_loop = false;
        self.at_module = false;
        f(self);
        (
            self.in_function,
            self.in_async,
            self.in_loop,
            self.at_module,
        ) = saved;
    }

    fn looping(&mut self, body: &[rast::Stmt]) {
        let saved = self.in_loop;
        self.in_loop = true;
        self.visit_body(body);
        self.in_loop = saved;
    }

    /// Defaults are evaluated where the function is defined; names must differ.
    fn parameters<'a>(&mut self, parameters: &'a rast::Parameters)
    where
        Self: Visitor<'a>,
    {
        let mut seen = HashSet::new();
        for param in parameters.iter() {
            let name = param.name();
            if !seen.insert(name.as_str()) {
                let message = format!(
                    "duplicate argument '{}' in function definition",
                    name.as_str()
                );
                self.fail(&message, name.start());
            }
        }
        for param in parameters.iter_non_variadic_params() {
            if let Some(default) = &param.default {
                self.visit_expr(default);
            }
        }
    }

    /// Elements of a display or positional arguments, where `*x` is allowed.
    fn elements<'a>(&mut self, elts: &'a [rast::Expr])
    where
        Self: Visitor<'a>,
    {
        for elt in elts {
            match elt {
                rast::Expr::Starred(star) => self.visit_expr(&star.value),
                other => self.visit_expr(other),
            }
        }
    }

    /// An assignment or `for` target: at most one `*x`, and only inside a tuple or list.
    fn target<'a>(&mut self, target: &'a rast::Expr)
    where
        Self: Visitor<'a>,
    {
        match target {
            rast::Expr::Starred(star) => {
                self.fail(
                    "starred assignment target must be in a list or tuple",
                    star.start(),
                );
                self.visit_expr(&star.value);
            }
            rast::Expr::Tuple(rast::ExprTuple { elts, .. })
            | rast::Expr::List(rast::ExprList { elts, .. }) => {
                let stars = elts.iter().filter(|e| e.is_starred_expr()).count();
                if stars > 1 {
                    self.fail("multiple starred expressions in assignment", target.start());
                }
                for elt in elts {
                    match elt {
                        rast::Expr::Starred(star) => self.target(&star.value),
                        other => self.target(other),
                    }
                }
            }
            other => self.visit_expr(other),
        }
    }

    /// Counts one level; false (and records where) when too deep to go on.
    fn enter(&mut self, offset: TextSize) -> bool {
        if self.error.is_some() || self.too_deep.is_some() {
            return false;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.too_deep = Some(self.lines.line(offset));
            self.depth -= 1;
            return false;
        }
        true
    }
}

impl<'a> Visitor<'a> for Validator<'_> {
    fn visit_stmt(&mut self, stmt: &'a rast::Stmt) {
        if !self.enter(stmt.start()) {
            return;
        }
        match stmt {
            rast::Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                self.parameters(&def.parameters);
                self.scope(true, def.is_async, |v| v.visit_body(&def.body));
            }
            rast::Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                self.scope(false, false, |v| v.visit_body(&class.body));
            }
            rast::Stmt::For(node) => {
                self.target(&node.target);
                self.visit_expr(&node.iter);
                self.looping(&node.body);
                self.visit_body(&node.orelse);
            }
            rast::Stmt::While(node) => {
                self.visit_expr(&node.test);
                self.looping(&node.body);
                self.visit_body(&node.orelse);
            }
            rast::Stmt::Assign(node) => {
                for target in &node.targets {
                    self.target(target);
                }
                self.visit_expr(&node.value);
            }
            rast::Stmt::Return(node) => {
                if !self.in_function {
                    self.fail("'return' outside function", node.start());
                }
                visitor::walk_stmt(self, stmt);
            }
            rast::Stmt::Break(node) if !self.in_loop => {
                self.fail("'break' outside loop", node.start());
            }
            rast::Stmt::Continue(node) if !self.in_loop => {
                self.fail("'continue' not properly in loop", node.start());
            }
            rast::Stmt::Nonlocal(node) if self.at_module => {
                self.fail(
                    "nonlocal declaration not allowed at module level",
                    node.start(),
                );
            }
            rast::Stmt::Try(node) => {
                let last = node.handlers.len().saturating_sub(1);
                for (i, handler) in node.handlers.iter().enumerate() {
                    let rast::ExceptHandler::ExceptHandler(h) = handler;
                    if h.type_.is_none() && i != last {
                        self.fail("default 'except:' must be last", h.start());
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'a rast::Expr) {
        if !self.enter(expr.start()) {
            return;
        }
        match expr {
            rast::Expr::Yield(_) | rast::Expr::YieldFrom(_) if !self.in_function => {
                self.fail("'yield' outside function", expr.start());
            }
            rast::Expr::Await(_) if !self.in_function => {
                self.fail("'await' outside function", expr.start());
            }
            rast::Expr::Await(_) if !self.in_async => {
                self.fail("'await' outside async function", expr.start());
            }
            rast::Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.parameters(parameters);
                }
                let saved = (self.in_function, self.in_async);
                (self.in_function, self.in_async) = (true, false);
                self.visit_expr(&lambda.body);
                (self.in_function, self.in_async) = saved;
            }
            rast::Expr::Starred(_) => self.fail("can't use starred expression here", expr.start()),
            rast::Expr::Tuple(rast::ExprTuple { elts, .. })
            | rast::Expr::List(rast::ExprList { elts, .. })
            | rast::Expr::Set(rast::ExprSet { elts, .. }) => self.elements(elts),
            rast::Expr::Call(call) => {
                self.visit_expr(&call.func);
                self.visit_arguments(&call.arguments);
            }
            _ => visitor::walk_expr(self, expr),
        }
        self.depth -= 1;
    }

    fn visit_arguments(&mut self, arguments: &'a rast::Arguments) {
        self.elements(&arguments.args);
        let mut seen = HashSet::new();
        for keyword in &arguments.keywords {
            if let Some(name) = &keyword.arg
                && !seen.insert(name.as_str())
            {
                let message = format!("keyword argument repeated: {}", name.as_str());
                self.fail(&message, name.start());
            }
            self.visit_expr(&keyword.value);
        }
    }

    // Annotations are never evaluated by pyrun; skipping them keeps `yield` in one harmless.
    fn visit_annotation(&mut self, _expr: &'a rast::Expr) {}
}

// ---------------------------------------------------------------------------------------------
// Conversion.

struct Converter<'l> {
    lines: &'l LineIndex,
    depth: u32,
}

fn unsupported<T>(what: &str, line: u32) -> Res<T> {
    Err(ParseError::Unsupported {
        what: what.to_string(),
        line,
    })
}

impl Converter<'_> {
    fn line(&self, node: &impl Ranged) -> u32 {
        self.lines.line(node.start())
    }

    fn enter(&mut self, line: u32) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(too_deep(line));
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[rast::Stmt]) -> Res<Vec<ast::Stmt>> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, stmt: &rast::Stmt) -> Res<ast::Stmt> {
        let line = match stmt {
            // CPython's line for a decorated definition is the `def`/`class` line.
            rast::Stmt::FunctionDef(def) => self.line(&def.name),
            rast::Stmt::ClassDef(class) => self.line(&class.name),
            _ => self.line(stmt),
        };
        self.enter(line)?;
        let kind = self.stmt_kind(stmt, line)?;
        self.depth -= 1;
        Ok(ast::Stmt { line, kind })
    }

    fn stmt_kind(&mut self, stmt: &rast::Stmt, line: u32) -> Res<ast::StmtKind> {
        use ast::StmtKind as K;
        Ok(match stmt {
            rast::Stmt::Expr(node) => K::Expr(self.expr(&node.value)?),
            rast::Stmt::Assign(node) => K::Assign {
                targets: self.exprs(&node.targets)?,
                value: self.expr(&node.value)?,
            },
            rast::Stmt::AugAssign(node) => K::AugAssign {
                target: self.expr(&node.target)?,
                op: bin_op(node.op),
                value: self.expr(&node.value)?,
            },
            rast::Stmt::AnnAssign(node) => K::AnnAssign {
                target: self.expr(&node.target)?,
                value: self.opt_expr(node.value.as_deref())?,
            },
            rast::Stmt::Delete(node) => K::Del(self.exprs(&node.targets)?),
            rast::Stmt::Pass(_) => K::Pass,
            rast::Stmt::Break(_) => K::Break,
            rast::Stmt::Continue(_) => K::Continue,
            rast::Stmt::Return(node) => K::Return(self.opt_expr(node.value.as_deref())?),
            rast::Stmt::If(node) => {
                // `elif` chains nest from the last clause outwards.
                let mut orelse = Vec::new();
                for clause in node.elif_else_clauses.iter().rev() {
                    let body = self.stmts(&clause.body)?;
                    orelse = match &clause.test {
                        Some(test) => vec![ast::Stmt {
                            line: self.line(clause),
                            kind: K::If {
                                test: self.expr(test)?,
                                body,
                                orelse,
                            },
                        }],
                        None => body,
                    };
                }
                K::If {
                    test: self.expr(&node.test)?,
                    body: self.stmts(&node.body)?,
                    orelse,
                }
            }
            rast::Stmt::While(node) => K::While {
                test: self.expr(&node.test)?,
                body: self.stmts(&node.body)?,
                orelse: self.stmts(&node.orelse)?,
            },
            rast::Stmt::For(node) => {
                if node.is_async {
                    return unsupported("an 'async for' loop", line);
                }
                K::For {
                    target: self.expr(&node.target)?,
                    iter: self.expr(&node.iter)?,
                    body: self.stmts(&node.body)?,
                    orelse: self.stmts(&node.orelse)?,
                }
            }
            rast::Stmt::Try(node) => {
                if node.is_star {
                    return unsupported("'except*'", line);
                }
                let mut handlers = Vec::with_capacity(node.handlers.len());
                for handler in &node.handlers {
                    let rast::ExceptHandler::ExceptHandler(h) = handler;
                    handlers.push(ast::Handler {
                        line: self.line(h),
                        type_: self.opt_expr(h.type_.as_deref())?,
                        name: h.name.as_ref().map(|n| n.as_str().to_string()),
                        body: self.stmts(&h.body)?,
                    });
                }
                K::Try {
                    body: self.stmts(&node.body)?,
                    handlers,
                    orelse: self.stmts(&node.orelse)?,
                    finalbody: self.stmts(&node.finalbody)?,
                }
            }
            rast::Stmt::Raise(node) => K::Raise {
                exc: self.opt_expr(node.exc.as_deref())?,
                cause: self.opt_expr(node.cause.as_deref())?,
            },
            rast::Stmt::Assert(node) => K::Assert {
                test: self.expr(&node.test)?,
                msg: self.opt_expr(node.msg.as_deref())?,
            },
            rast::Stmt::FunctionDef(def) => {
                if def.is_async {
                    return unsupported("an 'async' function", line);
                }
                if def.type_params.is_some() {
                    return unsupported("type parameters", line);
                }
                let decorators = self.decorators(&def.decorator_list)?;
                let params = self.params(&def.parameters)?;
                K::FunctionDef(Rc::new(ast::FunctionDef {
                    line,
                    name: def.name.as_str().to_string(),
                    params,
                    body: self.stmts(&def.body)?,
                    decorators,
                }))
            }
            rast::Stmt::ClassDef(class) => {
                if class.type_params.is_some() {
                    return unsupported("type parameters", line);
                }
                let decorators = self.decorators(&class.decorator_list)?;
                let mut bases = Vec::new();
                if let Some(arguments) = &class.arguments {
                    if let Some(keyword) = arguments.keywords.first() {
                        return unsupported(
                            "a class keyword argument (such as metaclass=)",
                            self.line(keyword),
                        );
                    }
                    bases = self.exprs(&arguments.args)?;
                }
                K::ClassDef(Rc::new(ast::ClassDef {
                    line,
                    name: class.name.as_str().to_string(),
                    bases,
                    body: self.stmts(&class.body)?,
                    decorators,
                }))
            }
            rast::Stmt::Global(node) => K::Global(names(&node.names)),
            rast::Stmt::Nonlocal(node) => K::Nonlocal(names(&node.names)),
            rast::Stmt::Import(node) => {
                if node.is_lazy {
                    return unsupported("a 'lazy' import", line);
                }
                let mut out = Vec::with_capacity(node.names.len());
                for alias in &node.names {
                    let name = alias.name.as_str();
                    if name.contains('.') {
                        return unsupported("a dotted 'import a.b'", line);
                    }
                    let bound = alias.asname.as_ref().map_or(name, |a| a.as_str());
                    out.push((name.to_string(), bound.to_string()));
                }
                K::Import(out)
            }
            rast::Stmt::ImportFrom(node) => {
                if node.is_lazy {
                    return unsupported("a 'lazy' import", line);
                }
                if node.level > 0 {
                    return unsupported("a relative import", line);
                }
                let Some(module) = &node.module else {
                    return unsupported("a relative import", line);
                };
                let mut out = Vec::with_capacity(node.names.len());
                for alias in &node.names {
                    let name = alias.name.as_str();
                    if name == "*" {
                        return unsupported("'from ... import *'", line);
                    }
                    let bound = alias.asname.as_ref().map_or(name, |a| a.as_str());
                    out.push((name.to_string(), bound.to_string()));
                }
                K::ImportFrom {
                    module: module.as_str().to_string(),
                    names: out,
                }
            }
            rast::Stmt::With(node) => {
                return unsupported(
                    if node.is_async {
                        "an 'async with' statement"
                    } else {
                        "a 'with' statement"
                    },
                    line,
                );
            }
            rast::Stmt::Match(_) => return unsupported("a 'match' statement", line),
            rast::Stmt::TypeAlias(_) => return unsupported("a 'type' alias", line),
            rast::Stmt::IpyEscapeCommand(_) => {
                return unsupported("an IPython escape command", line);
            }
        })
    }

    fn decorators(&mut self, list: &[rast::Decorator]) -> Res<Vec<ast::Expr>> {
        list.iter().map(|d| self.expr(&d.expression)).collect()
    }

    fn params(&mut self, params: &rast::Parameters) -> Res<ast::Params> {
        let param = |c: &mut Self, p: &rast::ParameterWithDefault| -> Res<ast::Param> {
            Ok(ast::Param {
                name: p.parameter.name.as_str().to_string(),
                default: c.opt_expr(p.default.as_deref())?,
            })
        };
        let mut out = ast::Params::default();
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            out.positional.push(param(self, p)?);
        }
        for p in &params.kwonlyargs {
            out.keyword_only.push(param(self, p)?);
        }
        out.varargs = params.vararg.as_ref().map(|p| p.name.as_str().to_string());
        out.kwargs = params.kwarg.as_ref().map(|p| p.name.as_str().to_string());
        Ok(out)
    }

    fn exprs(&mut self, exprs: &[rast::Expr]) -> Res<Vec<ast::Expr>> {
        exprs.iter().map(|e| self.expr(e)).collect()
    }

    fn opt_expr(&mut self, expr: Option<&rast::Expr>) -> Res<Option<ast::Expr>> {
        expr.map(|e| self.expr(e)).transpose()
    }

    fn boxed(&mut self, expr: &rast::Expr) -> Res<Box<ast::Expr>> {
        Ok(Box::new(self.expr(expr)?))
    }

    fn opt_boxed(&mut self, expr: Option<&rast::Expr>) -> Res<Option<Box<ast::Expr>>> {
        expr.map(|e| self.boxed(e)).transpose()
    }

    fn expr(&mut self, expr: &rast::Expr) -> Res<ast::Expr> {
        let line = self.line(expr);
        self.enter(line)?;
        let kind = self.expr_kind(expr, line)?;
        self.depth -= 1;
        Ok(ast::Expr { line, kind })
    }

    fn expr_kind(&mut self, expr: &rast::Expr, line: u32) -> Res<ast::ExprKind> {
        use ast::Constant as C;
        use ast::ExprKind as K;
        Ok(match expr {
            rast::Expr::Name(node) => K::Name(node.id.as_str().to_string()),
            rast::Expr::NoneLiteral(_) => K::Constant(C::None),
            rast::Expr::BooleanLiteral(node) => K::Constant(C::Bool(node.value)),
            rast::Expr::EllipsisLiteral(_) => K::Constant(C::Ellipsis),
            rast::Expr::NumberLiteral(node) => match &node.value {
                rast::Number::Int(int) => match int.as_i64() {
                    Some(i) => K::Constant(C::Int(i)),
                    None => return unsupported("an int literal beyond 64 bits", line),
                },
                rast::Number::Float(f) => K::Constant(C::Float(*f)),
                rast::Number::Complex { .. } => {
                    return unsupported("a complex number literal", line);
                }
            },
            rast::Expr::StringLiteral(node) => K::Constant(C::Str(Rc::from(node.value.to_str()))),
            rast::Expr::BytesLiteral(_) => return unsupported("a bytes literal", line),
            rast::Expr::FString(node) => {
                let mut parts = Vec::new();
                for part in node.value.iter() {
                    match part {
                        rast::FStringPart::Literal(literal) => push_literal(&mut parts, literal),
                        rast::FStringPart::FString(fstring) => {
                            self.fstring_elements(&fstring.elements, &mut parts)?
                        }
                    }
                }
                K::FString(parts)
            }
            rast::Expr::TString(_) => return unsupported("a t-string", line),
            rast::Expr::Tuple(node) => K::Tuple(self.exprs(&node.elts)?),
            rast::Expr::List(node) => K::List(self.exprs(&node.elts)?),
            rast::Expr::Set(node) => K::Set(self.exprs(&node.elts)?),
            rast::Expr::Dict(node) => {
                let mut items = Vec::with_capacity(node.items.len());
                for item in &node.items {
                    let key = self.opt_expr(item.key.as_ref())?;
                    items.push((key, self.expr(&item.value)?));
                }
                K::Dict(items)
            }
            rast::Expr::Attribute(node) => K::Attribute {
                value: self.boxed(&node.value)?,
                attr: node.attr.as_str().to_string(),
            },
            rast::Expr::Subscript(node) => K::Subscript {
                value: self.boxed(&node.value)?,
                index: self.boxed(&node.slice)?,
            },
            rast::Expr::Slice(node) => K::Slice {
                lower: self.opt_boxed(node.lower.as_deref())?,
                upper: self.opt_boxed(node.upper.as_deref())?,
                step: self.opt_boxed(node.step.as_deref())?,
            },
            rast::Expr::Call(node) => {
                let func = self.boxed(&node.func)?;
                let mut args = Vec::with_capacity(node.arguments.args.len());
                for arg in node.arguments.args.iter() {
                    args.push(match arg {
                        rast::Expr::Starred(star) => ast::Arg::Star(self.expr(&star.value)?),
                        other => ast::Arg::Positional(self.expr(other)?),
                    });
                }
                let mut keywords = Vec::with_capacity(node.arguments.keywords.len());
                for keyword in &node.arguments.keywords {
                    keywords.push(ast::Keyword {
                        name: keyword.arg.as_ref().map(|n| n.as_str().to_string()),
                        value: self.expr(&keyword.value)?,
                    });
                }
                K::Call {
                    func,
                    args,
                    keywords,
                }
            }
            rast::Expr::BinOp(node) => K::BinOp {
                left: self.boxed(&node.left)?,
                op: bin_op(node.op),
                right: self.boxed(&node.right)?,
            },
            rast::Expr::UnaryOp(node) => K::UnaryOp {
                op: match node.op {
                    rast::UnaryOp::Not => ast::UnaryOp::Not,
                    rast::UnaryOp::USub => ast::UnaryOp::Neg,
                    rast::UnaryOp::UAdd => ast::UnaryOp::Pos,
                    rast::UnaryOp::Invert => ast::UnaryOp::Invert,
                },
                operand: self.boxed(&node.operand)?,
            },
            rast::Expr::BoolOp(node) => K::BoolOp {
                op: match node.op {
                    rast::BoolOp::And => ast::BoolOp::And,
                    rast::BoolOp::Or => ast::BoolOp::Or,
                },
                values: self.exprs(&node.values)?,
            },
            rast::Expr::Compare(node) => {
                let left = self.boxed(&node.left)?;
                let mut ops = Vec::with_capacity(node.ops.len());
                for (op, right) in node.ops.iter().zip(node.comparators.iter()) {
                    ops.push((cmp_op(*op), self.expr(right)?));
                }
                K::Compare { left, ops }
            }
            rast::Expr::If(node) => K::IfExp {
                test: self.boxed(&node.test)?,
                body: self.boxed(&node.body)?,
                orelse: self.boxed(&node.orelse)?,
            },
            rast::Expr::Lambda(node) => {
                let params = match &node.parameters {
                    Some(p) => self.params(p)?,
                    None => ast::Params::default(),
                };
                let body = self.expr(&node.body)?;
                K::Lambda(Rc::new(ast::FunctionDef {
                    line,
                    name: "<lambda>".to_string(),
                    params,
                    body: vec![ast::Stmt {
                        line: body.line,
                        kind: ast::StmtKind::Return(Some(body)),
                    }],
                    decorators: Vec::new(),
                }))
            }
            rast::Expr::ListComp(node) => self.comprehension(
                ast::ComprehensionKind::List,
                &node.elt,
                None,
                &node.generators,
                line,
            )?,
            rast::Expr::SetComp(node) => self.comprehension(
                ast::ComprehensionKind::Set,
                &node.elt,
                None,
                &node.generators,
                line,
            )?,
            rast::Expr::Generator(node) => self.comprehension(
                ast::ComprehensionKind::Generator,
                &node.elt,
                None,
                &node.generators,
                line,
            )?,
            rast::Expr::DictComp(node) => {
                let Some(key) = &node.key else {
                    return unsupported("'**' unpacking in a dict comprehension", line);
                };
                self.comprehension(
                    ast::ComprehensionKind::Dict,
                    key,
                    Some(&node.value),
                    &node.generators,
                    line,
                )?
            }
            rast::Expr::Starred(node) => K::Starred(self.boxed(&node.value)?),
            rast::Expr::Named(_) => return unsupported("the walrus operator ':='", line),
            rast::Expr::Await(_) => return unsupported("'await'", line),
            rast::Expr::Yield(_) | rast::Expr::YieldFrom(_) => {
                return unsupported("'yield' (generator functions)", line);
            }
            rast::Expr::IpyEscapeCommand(_) => {
                return unsupported("an IPython escape command", line);
            }
        })
    }

    fn comprehension(
        &mut self,
        kind: ast::ComprehensionKind,
        element: &rast::Expr,
        value: Option<&rast::Expr>,
        generators: &[rast::Comprehension],
        line: u32,
    ) -> Res<ast::ExprKind> {
        if matches!(element, rast::Expr::Starred(_)) {
            return unsupported("unpacking in a comprehension", line);
        }
        let mut gens = Vec::with_capacity(generators.len());
        for generator in generators {
            if generator.is_async {
                return unsupported("an 'async for' comprehension", self.line(generator));
            }
            gens.push(ast::Generator {
                target: self.expr(&generator.target)?,
                iter: self.expr(&generator.iter)?,
                ifs: self.exprs(&generator.ifs)?,
            });
        }
        Ok(ast::ExprKind::Comprehension(Rc::new(ast::Comprehension {
            kind,
            element: self.expr(element)?,
            value: self.opt_expr(value)?,
            generators: gens,
        })))
    }

    /// The pieces of one f-string (or of a format spec) appended to `parts`.
    fn fstring_elements(
        &mut self,
        elements: &rast::InterpolatedStringElements,
        parts: &mut Vec<ast::FStringPart>,
    ) -> Res<()> {
        for element in elements.iter() {
            match element {
                rast::InterpolatedStringElement::Literal(literal) => {
                    push_str(parts, &literal.value)
                }
                rast::InterpolatedStringElement::Interpolation(field) => {
                    let line = self.line(field);
                    self.enter(line)?;
                    let mut conversion = match field.conversion {
                        rast::ConversionFlag::None => None,
                        rast::ConversionFlag::Str => Some('s'),
                        rast::ConversionFlag::Ascii => Some('a'),
                        rast::ConversionFlag::Repr => Some('r'),
                    };
                    if let Some(debug) = &field.debug_text {
                        // `{x=}` is the text `x=` and then the value: its repr, unless a
                        // conversion or a format spec says otherwise (as in CPython).
                        let text = format!(
                            "{}{}{}",
                            debug.leading(),
                            debug.expression(),
                            debug.trailing()
                        );
                        push_str(parts, &text);
                        if conversion.is_none() && field.format_spec.is_none() {
                            conversion = Some('r');
                        }
                    }
                    let mut spec = Vec::new();
                    if let Some(format_spec) = &field.format_spec {
                        self.fstring_elements(&format_spec.elements, &mut spec)?;
                    }
                    parts.push(ast::FStringPart::Value {
                        value: self.boxed(&field.expression)?,
                        conversion,
                        spec,
                    });
                    self.depth -= 1;
                }
            }
        }
        Ok(())
    }
}

fn push_literal(parts: &mut Vec<ast::FStringPart>, literal: &rast::StringLiteral) {
    push_str(parts, &literal.value);
}

/// Appends literal text, joining it to a literal just before.
fn push_str(parts: &mut Vec<ast::FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(ast::FStringPart::Literal(last)) = parts.last_mut() {
        let joined = format!("{last}{text}");
        *last = Rc::from(joined);
    } else {
        parts.push(ast::FStringPart::Literal(Rc::from(text)));
    }
}

fn names(identifiers: &[rast::Identifier]) -> Vec<String> {
    identifiers.iter().map(|n| n.as_str().to_string()).collect()
}

fn bin_op(op: rast::Operator) -> ast::BinOp {
    use rast::Operator as O;
    match op {
        O::Add => ast::BinOp::Add,
        O::Sub => ast::BinOp::Sub,
        O::Mult => ast::BinOp::Mult,
        O::MatMult => ast::BinOp::MatMult,
        O::Div => ast::BinOp::Div,
        O::Mod => ast::BinOp::Mod,
        O::Pow => ast::BinOp::Pow,
        O::LShift => ast::BinOp::LShift,
        O::RShift => ast::BinOp::RShift,
        O::BitOr => ast::BinOp::BitOr,
        O::BitXor => ast::BinOp::BitXor,
        O::BitAnd => ast::BinOp::BitAnd,
        O::FloorDiv => ast::BinOp::FloorDiv,
    }
}

fn cmp_op(op: rast::CmpOp) -> ast::CmpOp {
    use rast::CmpOp as O;
    match op {
        O::Eq => ast::CmpOp::Eq,
        O::NotEq => ast::CmpOp::NotEq,
        O::Lt => ast::CmpOp::Lt,
        O::LtE => ast::CmpOp::LtE,
        O::Gt => ast::CmpOp::Gt,
        O::GtE => ast::CmpOp::GtE,
        O::Is => ast::CmpOp::Is,
        O::IsNot => ast::CmpOp::IsNot,
        O::In => ast::CmpOp::In,
        O::NotIn => ast::CmpOp::NotIn,
    }
}
