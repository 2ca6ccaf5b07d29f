//! Heap snapshots drawn as mermaid flowcharts.
//!
//! Names in the module namespace (and any named outside references) point at objects; each
//! object is a node labelled with its type, `id()` and reference count; each reference is an
//! edge labelled with the attribute, index or key that holds it. Sets of objects can be
//! highlighted, and a scratch number can be shown per object (the cycle detector's `gc_refs`). The
//! output depends only on the heap, so it is the same on every run.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write;

use refcount::{Attrs, Heap, Hooks, ObjRef, Object, Result};

/// What to draw, and how. Build one with [`Diagram::new`] and the methods below, then
/// [`Diagram::render`] it.
#[derive(Clone, Debug)]
pub struct Diagram {
    roots: Vec<(String, ObjRef)>,
    extra: Vec<ObjRef>,
    highlights: Vec<(String, String, Vec<ObjRef>)>,
    scratch: Option<(String, HashMap<ObjRef, i64>)>,
    captions: HashMap<ObjRef, String>,
    max_objects: usize,
    show_classes: bool,
    show_namespace: bool,
}

impl Default for Diagram {
    fn default() -> Self {
        Diagram::new()
    }
}

impl Diagram {
    /// Draws the module namespace and everything reachable from it, up to 30 objects.
    pub fn new() -> Self {
        Diagram {
            roots: Vec::new(),
            extra: Vec::new(),
            highlights: Vec::new(),
            scratch: None,
            captions: HashMap::new(),
            max_objects: 30,
            show_classes: true,
            show_namespace: true,
        }
    }

    /// Adds a named outside reference (a Rust variable, a stack slot…) drawn like a name.
    pub fn root(mut self, name: &str, obj: ObjRef) -> Self {
        self.roots.push((name.to_string(), obj));
        self
    }

    /// Also draws `objs` (and what they reach) even though no name refers to them: the way to
    /// show garbage.
    pub fn include(mut self, objs: impl IntoIterator<Item = ObjRef>) -> Self {
        self.extra.extend(objs);
        self
    }

    /// Highlights `objs` as a mermaid class called `name` with CSS `style` (for example
    /// `"fill:#fde0dd,stroke:#c51b8a"`); the class name appears in the diagram's text.
    pub fn highlight(
        mut self,
        name: &str,
        style: &str,
        objs: impl IntoIterator<Item = ObjRef>,
    ) -> Self {
        self.highlights.push((
            name.to_string(),
            style.to_string(),
            objs.into_iter().collect(),
        ));
        self
    }

    /// Shows `label = value` in the node of each object that has a value.
    pub fn scratch(mut self, label: &str, values: impl IntoIterator<Item = (ObjRef, i64)>) -> Self {
        self.scratch = Some((label.to_string(), values.into_iter().collect()));
        self
    }

    /// Puts `caption` before the type in the object's node: a name for the reader, such as
    /// the variable that once held it.
    pub fn caption(mut self, obj: ObjRef, caption: &str) -> Self {
        self.captions.insert(obj, caption.to_string());
        self
    }

    /// Draws at most `n` objects; the rest are summed up in one "… N more objects" node.
    pub fn max_objects(mut self, n: usize) -> Self {
        self.max_objects = n;
        self
    }

    /// Whether instances point at their classes (on by default).
    pub fn show_classes(mut self, show: bool) -> Self {
        self.show_classes = show;
        self
    }

    /// Whether the module namespace's names are drawn (on by default).
    pub fn show_namespace(mut self, show: bool) -> Self {
        self.show_namespace = show;
        self
    }

    /// The mermaid source of the diagram.
    pub fn render<H: Hooks>(&self, heap: &Heap<H>) -> Result<String> {
        let mut out = String::from("flowchart LR\n");
        // Names first: they are where the walk starts.
        let mut names: Vec<(String, ObjRef)> = Vec::new();
        if self.show_namespace {
            let Object::Dict(globals) = heap.get(heap.globals())? else {
                unreachable!()
            };
            for &(key, value) in globals.entries() {
                names.push((heap.as_str(key)?.to_string(), value));
            }
        }
        let mut starts: Vec<ObjRef> = names.iter().map(|n| n.1).collect();
        starts.extend(self.roots.iter().map(|r| r.1));
        starts.extend(&self.extra);

        // Breadth-first from the names, in order: deterministic, and the nearest first.
        let (drawn, hidden) = self.walk(heap, &starts)?;
        let drawn_set: HashSet<ObjRef> = drawn.iter().copied().collect();
        let node = |r: ObjRef| {
            if drawn_set.contains(&r) {
                format!("o{}", r.index())
            } else {
                "more".to_string()
            }
        };

        if !names.is_empty() {
            out.push_str("    subgraph namespace[\"module namespace\"]\n");
            for (i, (name, _)) in names.iter().enumerate() {
                writeln!(out, "        n{i}[\"{}\"]", escape(name)).unwrap();
            }
            out.push_str("    end\n");
        }
        for (i, (name, _)) in self.roots.iter().enumerate() {
            writeln!(out, "    r{i}[/\"{}\"/]", escape(name)).unwrap();
        }
        for &r in &drawn {
            writeln!(out, "    o{}([\"{}\"])", r.index(), self.label(heap, r)?).unwrap();
        }
        if hidden > 0 {
            let s = if hidden == 1 { "" } else { "s" };
            writeln!(out, "    more[\"… {hidden} more object{s}\"]").unwrap();
        }
        for (i, (_, target)) in names.iter().enumerate() {
            writeln!(out, "    n{i} --> {}", node(*target)).unwrap();
        }
        for (i, (_, target)) in self.roots.iter().enumerate() {
            writeln!(out, "    r{i} --> {}", node(*target)).unwrap();
        }
        let mut hidden_edge = false;
        for &r in &drawn {
            for (label, target) in self.edges(heap, r)? {
                let to = node(target);
                if to == "more" {
                    if hidden_edge {
                        continue; // one arrow into the summary is enough
                    }
                    hidden_edge = true;
                }
                match label {
                    Some(label) => {
                        writeln!(out, "    o{} -- \"{}\" --> {to}", r.index(), escape(&label))
                    }
                    None => writeln!(out, "    o{} --> {to}", r.index()),
                }
                .unwrap();
            }
        }
        for (name, style, objs) in &self.highlights {
            let members: Vec<String> = objs
                .iter()
                .filter(|o| drawn_set.contains(o))
                .map(|o| format!("o{}", o.index()))
                .collect();
            writeln!(out, "    classDef {name} {style}").unwrap();
            if !members.is_empty() {
                writeln!(out, "    class {} {name}", members.join(",")).unwrap();
            }
        }
        Ok(out)
    }

    // ANCHOR: walk
    /// The objects to draw, in breadth-first order, and how many more are reachable.
    fn walk<H: Hooks>(&self, heap: &Heap<H>, starts: &[ObjRef]) -> Result<(Vec<ObjRef>, usize)> {
        let mut seen: HashSet<ObjRef> = HashSet::new();
        let mut queue: VecDeque<ObjRef> = VecDeque::new();
        for &s in starts {
            if seen.insert(s) {
                queue.push_back(s);
            }
        }
        let mut order = Vec::new();
        while let Some(r) = queue.pop_front() {
            order.push(r);
            for (_, target) in self.edges(heap, r)? {
                if seen.insert(target) {
                    queue.push_back(target);
                }
            }
        }
        let hidden = order.len().saturating_sub(self.max_objects);
        order.truncate(self.max_objects);
        Ok((order, hidden))
    }
    // ANCHOR_END: walk

    /// The references an object holds, each with the name of the place that holds it.
    fn edges<H: Hooks>(&self, heap: &Heap<H>, r: ObjRef) -> Result<Vec<(Option<String>, ObjRef)>> {
        let indexed = |items: &[ObjRef]| -> Vec<(Option<String>, ObjRef)> {
            items
                .iter()
                .enumerate()
                .map(|(i, &t)| (Some(format!("[{i}]")), t))
                .collect()
        };
        Ok(match heap.get(r)? {
            Object::Tuple(items) => indexed(items),
            Object::List(list) => indexed(list.items()),
            Object::Dict(dict) => {
                let mut edges = Vec::new();
                for &(k, v) in dict.entries() {
                    // A str or int key is shown as the label of its value's edge.
                    match heap.get(k)? {
                        Object::Str(_) | Object::Int(_) => {
                            edges.push((Some(format!("[{}]", heap.repr(k)?)), v))
                        }
                        _ => {
                            edges.push((Some("key".into()), k));
                            edges.push((Some("value".into()), v));
                        }
                    }
                }
                edges
            }
            Object::Instance(inst) => {
                let mut edges = Vec::new();
                match inst.attrs() {
                    Attrs::Inline(values) => {
                        let Object::Class(class) = heap.get(inst.class())? else {
                            unreachable!()
                        };
                        for (&key, value) in class.keys().iter().zip(values.iter()) {
                            if let Some(v) = value {
                                edges.push((Some(format!(".{}", heap.as_str(key)?)), *v));
                            }
                        }
                    }
                    Attrs::Dict(dict) => edges.push((Some("__dict__".into()), *dict)),
                }
                if self.show_classes {
                    edges.push((Some("type".into()), inst.class()));
                }
                edges
            }
            _ => Vec::new(),
        })
    }

    fn label<H: Hooks>(&self, heap: &Heap<H>, r: ObjRef) -> Result<String> {
        let what = match heap.get(r)? {
            Object::None => "None".to_string(),
            Object::Int(_) | Object::Bool(_) => format!("{} {}", heap.type_name(r)?, heap.repr(r)?),
            Object::Str(s) => format!("str '{}'", shorten(s, 16)),
            Object::Class(class) => format!("class {}", class.name()),
            Object::Instance(_) => format!("{} instance", heap.type_name(r)?),
            _ => heap.type_name(r)?,
        };
        let what = match self.captions.get(&r) {
            Some(caption) => format!("{caption}: {what}"),
            None => what,
        };
        let mut label = format!(
            "{}<br/>id {:#x}<br/>refcount {}",
            escape(&what),
            heap.id(r)?,
            heap.refcount(r)?
        );
        if let Some((name, values)) = &self.scratch
            && let Some(value) = values.get(&r)
        {
            write!(label, "<br/><b>{} = {value}</b>", escape(name)).unwrap();
        }
        Ok(label)
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// Mermaid labels are HTML inside quotes: escape what would end or break them.
fn escape(s: &str) -> String {
    s.replace('&', "#amp;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}
