//! A whole run of a program, as `python3 FILE` does it: parse, set up the interpreter, run
//! the module, report an uncaught exception, shut down.

use std::rc::Rc;

use refcount::{Object, Trace};

use crate::constants::Constants;
use crate::eval::{self, error_parts, format_traceback};
use crate::runtime::{Output, PyHeap, Runtime, Stream};
use crate::syntax::{self, ParseError};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Collect at every allocation (stage 3's stress mode).
    pub stress: bool,
    /// Record the heap's events.
    pub trace: bool,
    /// Keep the output instead of writing it to the process's streams.
    pub capture: bool,
    /// Stop the program (exit status 4) after this many statements: for tests that run
    /// programs which may never end.
    pub max_statements: Option<u64>,
}

/// What a run produced.
#[derive(Debug)]
pub struct Outcome {
    /// 0, 1 after an uncaught exception (or a syntax error), 2 for a program outside the
    /// subset, 3 for a fault of the runtime itself, 4 when `max_statements` stopped it.
    pub status: i32,
    /// The output, in program order, when captured.
    pub output: Vec<(Stream, String)>,
    pub trace: Option<Trace>,
}

impl Outcome {
    /// The captured text of one stream.
    pub fn text(&self, stream: Stream) -> String {
        self.output
            .iter()
            .filter(|(s, _)| *s == stream)
            .map(|(_, t)| t.as_str())
            .collect()
    }
}

/// How much stack the interpreter's thread gets: a tree-walking evaluator recurses for each
/// Python call, and CPython's default limit of 1000 frames must fit.
const STACK_BYTES: usize = 1 << 30;

/// Runs `source` as the program `filename`, on a thread of its own.
pub fn run(filename: &str, source: &str, options: &Options) -> Outcome {
    let (filename, source, options) = (filename.to_string(), source.to_string(), options.clone());
    let thread = std::thread::Builder::new()
        .name("pyrun".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run_here(&filename, &source, &options));
    match thread.map(|t| t.join()) {
        Ok(Ok(outcome)) => outcome,
        _ => Outcome {
            status: 3,
            output: vec![(
                Stream::Stderr,
                "pyrun: the interpreter thread failed\n".into(),
            )],
            trace: None,
        },
    }
}

fn run_here(filename: &str, source: &str, options: &Options) -> Outcome {
    let output = if options.capture {
        Output::Captured(Vec::new())
    } else {
        Output::Process
    };
    let rt = Runtime::new(filename, source, output);
    rt.max_statements.set(options.max_statements);
    let finish = |rt: &Runtime, status: i32, trace: Option<Trace>| Outcome {
        status,
        output: match std::mem::replace(&mut *rt.output.borrow_mut(), Output::Process) {
            Output::Captured(pieces) => pieces,
            Output::Process => Vec::new(),
        },
        trace,
    };
    let module = match syntax::parse_module(source) {
        Ok(module) => module,
        Err(ParseError::Syntax {
            message,
            line,
            column,
        }) => {
            let text = rt
                .source_lines
                .get(line as usize - 1)
                .cloned()
                .unwrap_or_default();
            let indent = text.len() - text.trim_start().len();
            let caret = " ".repeat((column as usize).saturating_sub(1 + indent));
            rt.write(
                Stream::Stderr,
                &format!(
                    "  File \"{filename}\", line {line}\n    {}\n    {caret}^\nSyntaxError: {message}\n",
                    text.trim()
                ),
            );
            return finish(&rt, 1, None);
        }
        Err(ParseError::Unsupported { what, line }) => {
            rt.write(
                Stream::Stderr,
                &format!(
                    "pyrun: {filename}, line {line}: {what} is outside the subset pyrun runs\n"
                ),
            );
            return finish(&rt, 2, None);
        }
    };
    let mut heap = finalizers::new_heap();
    let prepared = prepare(&mut heap, &rt, filename, options).and_then(|()| {
        *rt.constants.borrow_mut() = Constants::make(&mut heap, &module)?;
        Ok(())
    });
    let status = match prepared {
        Ok(()) => {
            if options.trace {
                heap.start_trace();
            }
            let status = match eval::run_module(&mut heap, &rt, &module) {
                Ok(()) => 0,
                Err(error) if error.is_exception() => {
                    report_uncaught(&mut heap, &rt, &error);
                    1
                }
                Err(refcount::Error::Invariant { message }) if message == eval::STATEMENT_LIMIT => {
                    rt.write(Stream::Stderr, &format!("pyrun: stopped: {message}\n"));
                    4
                }
                Err(error) => {
                    rt.write(Stream::Stderr, &format!("pyrun: internal error: {error}\n"));
                    3
                }
            };
            rt.max_statements.set(None);
            if let Err(error) = crate::modules::at_exit(&mut heap, &rt) {
                rt.write(
                    Stream::Stderr,
                    &format!("pyrun: internal error at exit: {error}\n"),
                );
            }
            let constants = std::mem::take(&mut *rt.constants.borrow_mut());
            let ended = shut_down(&mut heap, &rt).and_then(|()| constants.release(&mut heap));
            if let Err(error) = ended {
                rt.write(
                    Stream::Stderr,
                    &format!("pyrun: internal error at exit: {error}\n"),
                );
            }
            status
        }
        Err(error) => {
            rt.write(
                Stream::Stderr,
                &format!("pyrun: internal error at start: {error}\n"),
            );
            3
        }
    };
    let trace = options.trace.then(|| heap.stop_trace());
    finish(&rt, status, trace)
}

/// The interpreter before the first statement: built-ins, the module's names, stress mode,
/// and where unraisable exceptions are reported.
fn prepare(
    heap: &mut PyHeap,
    rt: &Rc<Runtime>,
    filename: &str,
    options: &Options,
) -> refcount::Result<()> {
    crate::builtins::install(heap, rt)?;
    for (name, value) in [("__name__", "__main__"), ("__file__", filename)] {
        let value = heap.new_str(value)?;
        heap.set_global(name, value)?;
        heap.decref(value)?;
    }
    // An exception escaping a `__del__` or a callback is reported the moment it escapes,
    // through the program's `sys.unraisablehook`, as CPython's `PyErr_WriteUnraisable` does.
    let handler_rt = rt.rc();
    heap.set_unraisable_handler(move |heap, report| {
        if let Err(error) = eval::report_unraisable(heap, &handler_rt, report) {
            handler_rt.write(Stream::Stderr, &format!("pyrun: internal error: {error}\n"));
        }
    });
    if options.stress {
        generations::set_stress(heap, true);
    }
    Ok(())
}

/// The traceback and the last line, as `python3` prints an uncaught exception.
fn report_uncaught(heap: &mut PyHeap, rt: &Runtime, error: &refcount::Error) {
    let exc = eval::materialize(heap, rt, error).ok();
    let traceback = exc
        .map(|e| format_traceback(heap, rt, e))
        .unwrap_or_default();
    let (type_name, message) = match exc {
        Some(e) => (
            heap.type_name(e).unwrap_or_default(),
            eval::exception_str(heap, rt, e).unwrap_or_default(),
        ),
        None => error_parts(error),
    };
    let last = if message.is_empty() {
        type_name
    } else {
        format!("{type_name}: {message}")
    };
    rt.write(Stream::Stderr, &format!("{traceback}{last}\n"));
}

/// Interpreter shutdown, as 3.11's `finalize_modules` treats `__main__`: its names are set to
/// None, first those that start with one underscore, then the rest, in the order they were
/// made; then a collection.
fn shut_down(heap: &mut PyHeap, rt: &Runtime) -> refcount::Result<()> {
    // The uncaught exception (CPython's `sys.last_value`) goes first, with its traceback.
    if let Some(exc) = rt.raising.take() {
        heap.decref(exc)?;
    }
    let globals = heap.globals();
    let keys: Vec<(refcount::ObjRef, String)> = match heap.get(globals)? {
        Object::Dict(d) => d
            .entries()
            .iter()
            .filter_map(|&(k, _)| heap.as_str(k).ok().map(|s| (k, s.to_string())))
            .collect(),
        _ => Vec::new(),
    };
    for &(k, _) in &keys {
        heap.incref(k)?;
    }
    let underscore = |name: &str| name.starts_with('_') && !name.starts_with("__");
    for pass in [true, false] {
        for (key, name) in &keys {
            if underscore(name) == pass && name != "__builtins__" {
                let none = heap.none()?;
                heap.dict_set(globals, *key, none)?;
                heap.decref(none)?;
            }
        }
    }
    for (k, _) in keys {
        heap.decref(k)?;
    }
    generations::gc::collect(heap, 2)?;
    Ok(())
}
