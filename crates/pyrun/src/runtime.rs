//! What one run of a program shares between the evaluator and the native functions it calls:
//! the output streams, the built-in types, the exception being raised, the recursion depth.
//!
//! Native functions (builtins, module functions, the methods of built-in types) are heap
//! function objects whose closures hold an `Rc<Runtime>`. They follow the heap's rules:
//! arguments are borrowed, the result is a new reference, and a Python exception is an
//! `Err` — [`Error::raise`] with CPython's type name and message, which the evaluator turns
//! into an exception object where it is caught or printed.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use refcount::{Error, Kind, ObjRef, Result};

/// The heap every program runs on: stage 4's, with generations and finalizers.
pub type PyHeap = finalizers::FinHeap;

/// The Python exception `type_name: message`, as a native function returns it.
pub fn raise<T>(type_name: &str, message: impl Into<String>) -> Result<T> {
    Err(Error::raise(type_name, &message.into()))
}

/// Which stream a piece of output went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Where output goes: straight to the process's streams, or kept in order (tests compare it).
pub enum Output {
    Process,
    Captured(Vec<(Stream, String)>),
}

impl Output {
    pub fn write(&mut self, stream: Stream, text: &str) {
        use std::io::Write;
        match self {
            // Written at once, as `python3 -u` does, so the two streams interleave in
            // program order.
            Output::Process => {
                let _ = match stream {
                    Stream::Stdout => std::io::stdout().write_all(text.as_bytes()),
                    Stream::Stderr => std::io::stderr().write_all(text.as_bytes()),
                };
            }
            Output::Captured(pieces) => match pieces.last_mut() {
                Some((s, t)) if *s == stream => t.push_str(text),
                _ => pieces.push((stream, text.to_string())),
            },
        }
    }
}

/// CPython's default `sys.getrecursionlimit()`.
pub const DEFAULT_RECURSION_LIMIT: u32 = 1000;

pub struct Runtime {
    /// The runtime itself, for native functions made on the fly (they keep an `Rc`).
    this: Weak<Runtime>,
    pub output: RefCell<Output>,
    /// The program's file name, as tracebacks print it.
    pub filename: String,
    /// The program's source lines, for tracebacks.
    pub source_lines: Vec<String>,
    /// The type object of each built-in kind (`type(1) is int`), and back.
    pub types: RefCell<HashMap<Kind, ObjRef>>,
    /// Built-in exception classes by name (`ValueError`…), and the base of user ones.
    pub exceptions: RefCell<HashMap<String, ObjRef>>,
    /// The `builtins` namespace: a dict.
    pub builtins: Cell<Option<ObjRef>>,
    /// The exception object being raised, when an `Err(Error::Raised)` is on its way up;
    /// its reference belongs here until the evaluator takes it.
    pub raising: Cell<Option<ObjRef>>,
    /// Python frames active now, and the limit (`sys.setrecursionlimit`).
    pub depth: Cell<u32>,
    pub recursion_limit: Cell<u32>,
    /// The functions made from `def` and `lambda`, by handle (handles are never reused, so
    /// an entry for a freed function matches nothing; see [`Runtime::register_function`]).
    pub functions: RefCell<HashMap<ObjRef, Rc<crate::calls::FuncInfo>>>,
    /// The last exception that escaped a Python function the heap called (a `__del__`, a
    /// callback): type, message and formatted traceback, for the unraisable report.
    pub native_traceback: RefCell<Option<(String, String, String)>>,
    /// Statements run so far, and the most the program may run (`Options::max_statements`).
    pub statements: Cell<u64>,
    pub max_statements: Cell<Option<u64>>,
    /// The program's constants (see `constants.rs`).
    pub constants: RefCell<crate::constants::Constants>,
    /// `sys.modules`: each imported module by name, holding a reference to it (see
    /// `modules::import`). Keys starting with `'\0'` are not modules but classes the
    /// modules share (`module`, `TextIOWrapper`…), held here so they are made once.
    pub modules: RefCell<HashMap<String, ObjRef>>,
}

impl Runtime {
    pub fn new(filename: &str, source: &str, output: Output) -> Rc<Runtime> {
        Rc::new_cyclic(|this| Runtime {
            this: this.clone(),
            output: RefCell::new(output),
            filename: filename.to_string(),
            source_lines: source.lines().map(str::to_string).collect(),
            types: RefCell::default(),
            exceptions: RefCell::default(),
            builtins: Cell::new(None),
            raising: Cell::new(None),
            depth: Cell::new(0),
            recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
            functions: RefCell::default(),
            native_traceback: RefCell::default(),
            constants: RefCell::default(),
            statements: Cell::new(0),
            max_statements: Cell::new(None),
            modules: RefCell::default(),
        })
    }

    /// A counted handle on the runtime, for a native function to keep.
    pub fn rc(&self) -> Rc<Runtime> {
        self.this
            .upgrade()
            .expect("the runtime outlives its natives' creation")
    }

    pub fn write(&self, stream: Stream, text: &str) {
        self.output.borrow_mut().write(stream, text);
    }

    /// The type object of a built-in kind, borrowed (`int`, `list`, `NoneType`…).
    pub fn type_object(&self, kind: Kind) -> Option<ObjRef> {
        self.types.borrow().get(&kind).copied()
    }

    /// The kind whose type object `class` is, if it is a built-in type.
    pub fn builtin_kind(&self, class: ObjRef) -> Option<Kind> {
        let types = self.types.borrow();
        types.iter().find(|&(_, &c)| c == class).map(|(&k, _)| k)
    }

    /// Remembers a function made from Python code, forgetting those freed since the table
    /// last doubled.
    pub fn register_function(
        &self,
        heap: &PyHeap,
        function: ObjRef,
        info: Rc<crate::calls::FuncInfo>,
    ) {
        let mut functions = self.functions.borrow_mut();
        if functions.len() >= 64 && functions.len().is_power_of_two() {
            functions.retain(|&f, _| heap.is_alive(f));
        }
        functions.insert(function, info);
    }

    /// The traceback kept for the unraisable exception `type_name: message`, if it is the
    /// last one a Python function raised to the heap.
    pub fn take_native_traceback(&self, type_name: &str, message: &str) -> String {
        match self.native_traceback.borrow_mut().take() {
            Some((t, m, traceback)) if t == type_name && m == message => traceback,
            _ => String::new(),
        }
    }

    /// A built-in exception class, borrowed.
    pub fn exception_class(&self, name: &str) -> Option<ObjRef> {
        self.exceptions.borrow().get(name).copied()
    }
}
