//! Draws a recorded collection (`players.rs`) as the HTML fragment a chapter includes: a
//! `<figure class="gc-player">` with one frame per step, each an inline SVG of the same graph
//! (laid out once, so no node moves) and a caption. Without JavaScript, and in print, every
//! frame shows: a filmstrip. `theme/gc-player.js` turns the figure into a player.
//!
//! The fragment has no blank line, so that Markdown passes it through as one HTML block.

use std::collections::VecDeque;
use std::fmt::Write;

use crate::players::{NodeStep, Recording, State};

const NODE_W: f64 = 146.0;
const NODE_H: f64 = 74.0;
const COLUMN: f64 = 206.0;
const ROW: f64 = 100.0;
const MARGIN: f64 = 16.0;

pub fn render(recording: &Recording) -> String {
    let layout = layout(recording);
    let total = recording.steps.len();
    let id = recording.id;
    let mut out = String::new();
    writeln!(
        out,
        "<figure class=\"gc-player\" id=\"gc-player-{id}\" aria-label=\"{}\">",
        escape(recording.title)
    )
    .unwrap();
    writeln!(
        out,
        "<figcaption class=\"gc-title\">{} <span class=\"gc-legend\">Green ✓: reachable. \
         Orange, dashed ?: tentatively unreachable. Pink ✗: unreachable. Blue ↺: resurrected. \
         Grey: freed, or old and not examined. A black frame marks the object just examined.\
         </span></figcaption>",
        escape(recording.title)
    )
    .unwrap();
    out.push_str("<div class=\"gc-frames\">\n");
    for (n, step) in recording.steps.iter().enumerate() {
        let caption_id = format!("gc-{id}-{}", n + 1);
        writeln!(out, "<div class=\"gc-frame\" data-step=\"{}\">", n + 1).unwrap();
        writeln!(
            out,
            "<p class=\"gc-caption\" id=\"{caption_id}\"><span class=\"gc-step\">Step {} of \
             {total}.</span> {}</p>",
            n + 1,
            step.caption
        )
        .unwrap();
        out.push_str(&svg(recording, &layout, n, &caption_id));
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n</figure>\n");
    out
}

/// Where each node is: a layered layout computed once for the whole recording. The roots
/// are the first column; every other object goes one column right of the first object found
/// to refer to it (breadth first, following the labelled references that exist before the
/// collection), at the row of that object or the next free one below. Objects nothing drawn
/// reaches start new rows in the first column, below what is placed.
struct Layout {
    /// Top-left corner of each node.
    at: Vec<(f64, f64)>,
    width: f64,
    height: f64,
}

fn layout(recording: &Recording) -> Layout {
    let n = recording.nodes.len();
    let mut cell: Vec<Option<(usize, usize)>> = vec![None; n];
    let mut next_row: Vec<usize> = Vec::new();
    // Puts node `i` in column `col`, at `row` or the column's next free row below it.
    let place = |cell: &mut [Option<(usize, usize)>],
                 next_row: &mut Vec<usize>,
                 i: usize,
                 col: usize,
                 row: usize| {
        if next_row.len() <= col {
            next_row.resize(col + 1, 0);
        }
        let row = row.max(next_row[col]);
        next_row[col] = row + 1;
        cell[i] = Some((col, row));
    };
    let mut queue = VecDeque::new();
    let starts: Vec<usize> = recording
        .roots
        .iter()
        .copied()
        .chain(0..n)
        .collect::<Vec<_>>();
    for start in starts {
        if cell[start].is_some() {
            continue;
        }
        // A part of the graph that nothing placed so far reaches starts a band of its own,
        // below the first two columns.
        let band = next_row.iter().take(2).copied().max().unwrap_or(0);
        place(&mut cell, &mut next_row, start, 0, band);
        queue.push_back(start);
        while let Some(from) = queue.pop_front() {
            let (col, row) = cell[from].expect("placed");
            // The references that exist when the collection starts: the finalizers' new ones
            // do not move anything.
            let before = &recording.steps[0].edges;
            let edges = recording.edges.iter().zip(before).filter(|(_, b)| **b);
            for ((_, to, label), _) in edges.filter(|((f, _, _), _)| *f == from) {
                if cell[*to].is_none() && !label.is_empty() {
                    place(&mut cell, &mut next_row, *to, col + 1, row);
                    queue.push_back(*to);
                }
            }
        }
    }
    let cells: Vec<(usize, usize)> = cell.into_iter().map(|c| c.expect("placed")).collect();
    let cols = cells.iter().map(|c| c.0).max().unwrap_or(0) + 1;
    let rows = cells.iter().map(|c| c.1).max().unwrap_or(0) + 1;
    Layout {
        at: cells
            .iter()
            .map(|&(c, r)| (MARGIN + c as f64 * COLUMN, MARGIN + 10.0 + r as f64 * ROW))
            .collect(),
        width: 2.0 * MARGIN + (cols - 1) as f64 * COLUMN + NODE_W + 30.0,
        height: 2.0 * MARGIN + 10.0 + (rows - 1) as f64 * ROW + NODE_H,
    }
}

struct Look {
    fill: &'static str,
    stroke: &'static str,
    width: f64,
    dash: &'static str,
    /// The state in words, so that colour is never the only cue.
    words: &'static str,
}

fn look(state: State) -> Look {
    let l = |fill, stroke, width, dash, words| Look {
        fill,
        stroke,
        width,
        dash,
        words,
    };
    match state {
        State::Tracked => l("#f7f7f7", "#636363", 1.5, "", "tracked"),
        State::Old => l("#e5e5e5", "#969696", 1.5, "2 2", "old: not examined"),
        State::Unexamined => l("#ffffff", "#636363", 1.5, "", "not examined yet"),
        State::Reachable => l("#d9f0d3", "#1b7837", 2.5, "", "✓ reachable"),
        State::Tentative => l(
            "#fee8c8",
            "#e6550d",
            2.5,
            "6 3",
            "? tentatively unreachable",
        ),
        State::Unreachable => l("#fde0dd", "#c51b8a", 2.5, "", "✗ unreachable"),
        State::Finalized => l("#fde0dd", "#c51b8a", 2.5, "", "✗ unreachable, __del__ ran"),
        State::Resurrected => l("#c6dbef", "#2166ac", 2.5, "", "↺ resurrected"),
        State::Freed => l("#ffffff", "#bdbdbd", 1.5, "3 3", "freed"),
    }
}

fn svg(recording: &Recording, layout: &Layout, n: usize, caption_id: &str) -> String {
    let step = &recording.steps[n];
    let mut out = String::new();
    writeln!(
        out,
        "<svg class=\"gc-graph\" viewBox=\"0 0 {:.0} {:.0}\" role=\"img\" \
         aria-labelledby=\"{caption_id}\" xmlns=\"http://www.w3.org/2000/svg\" \
         font-family=\"sans-serif\">",
        layout.width, layout.height
    )
    .unwrap();
    writeln!(
        out,
        "<rect class=\"gc-card\" width=\"100%\" height=\"100%\" rx=\"6\" fill=\"#ffffff\"/>"
    )
    .unwrap();
    for (e, (from, to, label)) in recording.edges.iter().enumerate() {
        if step.edges[e] {
            out.push_str(&edge(layout, recording, *from, *to, label));
        }
    }
    for (i, node) in step.nodes.iter().enumerate() {
        out.push_str(&node_svg(recording, layout, i, node));
    }
    out.push_str("</svg>\n");
    out
}

fn node_svg(recording: &Recording, layout: &Layout, i: usize, node: &NodeStep) -> String {
    let (x, y) = layout.at[i];
    let (name, type_name) = &recording.nodes[i];
    let look = look(node.state);
    let mut out = String::new();
    let state = format!("{:?}", node.state).to_lowercase();
    writeln!(out, "<g class=\"gc-node gc-{state}\">").unwrap();
    if node.current {
        writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"9\" \
             fill=\"none\" stroke=\"#111111\" stroke-width=\"2.5\"/>",
            x - 5.0,
            y - 5.0,
            NODE_W + 10.0,
            NODE_H + 10.0
        )
        .unwrap();
    }
    let dash = if look.dash.is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{}\"", look.dash)
    };
    writeln!(
        out,
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"6\" \
         fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{dash}/>",
        look.fill, look.stroke, look.width
    )
    .unwrap();
    let faded = matches!(node.state, State::Freed | State::Old);
    let ink = if faded { "#6b6b6b" } else { "#1a1a1a" };
    let cx = x + NODE_W / 2.0;
    let mut kind = if type_name == "type" {
        "class".to_string()
    } else {
        type_name.clone()
    };
    if recording.show_generations
        && node.state != State::Freed
        && let Some(g) = node.generation
    {
        write!(kind, " · generation {g}").unwrap();
    }
    let counts = match (node.state, node.refcount, node.gc_refs) {
        (State::Freed, _, _) => String::new(),
        (_, Some(rc), Some(g)) => format!("refcount {rc} · gc_refs {g}"),
        (_, Some(rc), None) => format!("refcount {rc}"),
        _ => String::new(),
    };
    let lines = [
        (17.0, 13.5, "bold", escape(name)),
        (33.0, 11.0, "normal", escape(&kind)),
        (49.0, 11.0, "normal", counts),
        (65.0, 11.0, "italic", look.words.to_string()),
    ];
    for (dy, size, style, text) in lines {
        if text.is_empty() {
            continue;
        }
        let weight = if style == "bold" {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let italic = if style == "italic" {
            " font-style=\"italic\""
        } else {
            ""
        };
        writeln!(
            out,
            "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"{size}\" text-anchor=\"middle\" \
             fill=\"{ink}\"{weight}{italic}>{text}</text>",
            y + dy
        )
        .unwrap();
    }
    out.push_str("</g>\n");
    out
}

/// One reference: a straight arrow, or a curved one when another node is in the way or the
/// reference goes both ways; a loop at the right for a reference to itself.
fn edge(layout: &Layout, recording: &Recording, from: usize, to: usize, label: &str) -> String {
    let colour = if label.is_empty() {
        "#a8a8a8"
    } else {
        "#444444"
    };
    let (fx, fy) = layout.at[from];
    let mut out = String::new();
    if from == to {
        let (x, y1, y2) = (fx + NODE_W, fy + NODE_H * 0.3, fy + NODE_H * 0.7);
        writeln!(
            out,
            "<path d=\"M{x:.1},{y1:.1} C{:.1},{:.1} {:.1},{:.1} {x:.1},{y2:.1}\" fill=\"none\" \
             stroke=\"{colour}\" stroke-width=\"1.4\"/>",
            x + 34.0,
            y1 - 14.0,
            x + 34.0,
            y2 + 14.0
        )
        .unwrap();
        out.push_str(&arrowhead((x, y2), (x + 12.0, y2 + 8.0), colour));
        out.push_str(&edge_label(x - 6.0, fy - 4.0, label, "start"));
        return out;
    }
    let center = |i: usize| {
        let (x, y) = layout.at[i];
        (x + NODE_W / 2.0, y + NODE_H / 2.0)
    };
    let (a, b) = (center(from), center(to));
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = (dx * dx + dy * dy).sqrt();
    let normal = (-dy / length, dx / length);
    let blocked = (0..recording.nodes.len())
        .filter(|&k| k != from && k != to)
        .any(|k| segment_hits(a, b, layout.at[k]));
    let both_ways = recording
        .edges
        .iter()
        .any(|e| e.0 == to && e.1 == from && !e.2.is_empty() && !label.is_empty());
    // A quadratic curve strays half its control point's offset from the straight line: enough
    // to clear a node's half height.
    let bend = if blocked {
        110.0
    } else if both_ways {
        16.0
    } else {
        0.0
    };
    let control = (
        (a.0 + b.0) / 2.0 + normal.0 * bend,
        (a.1 + b.1) / 2.0 + normal.1 * bend,
    );
    let start = boundary(a, control);
    let end = boundary(b, control);
    writeln!(
        out,
        "<path d=\"M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}\" fill=\"none\" stroke=\"{colour}\" \
         stroke-width=\"{}\"/>",
        start.0,
        start.1,
        control.0,
        control.1,
        end.0,
        end.1,
        if label.is_empty() { 1.0 } else { 1.4 }
    )
    .unwrap();
    out.push_str(&arrowhead(end, control, colour));
    let mid = (
        0.25 * start.0 + 0.5 * control.0 + 0.25 * end.0,
        0.25 * start.1 + 0.5 * control.1 + 0.25 * end.1,
    );
    out.push_str(&edge_label(mid.0, mid.1 - 3.0, label, "middle"));
    out
}

fn edge_label(x: f64, y: f64, label: &str, anchor: &str) -> String {
    if label.is_empty() {
        return String::new();
    }
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"10.5\" text-anchor=\"{anchor}\" \
         fill=\"#333333\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>\n",
        escape(label)
    )
}

/// A filled triangle at `tip`, pointing away from `from`.
fn arrowhead(tip: (f64, f64), from: (f64, f64), colour: &str) -> String {
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / length, dy / length);
    let back = (tip.0 - ux * 9.0, tip.1 - uy * 9.0);
    let left = (back.0 - uy * 4.0, back.1 + ux * 4.0);
    let right = (back.0 + uy * 4.0, back.1 - ux * 4.0);
    format!(
        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{colour}\"/>\n",
        tip.0, tip.1, left.0, left.1, right.0, right.1
    )
}

/// Where the line from a node's centre towards `towards` leaves the node (plus a small gap).
fn boundary(center: (f64, f64), towards: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (towards.0 - center.0, towards.1 - center.1);
    let tx = if dx.abs() > 1e-9 {
        (NODE_W / 2.0 + 3.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        (NODE_H / 2.0 + 3.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty);
    (center.0 + dx * t, center.1 + dy * t)
}

/// Whether the segment a–b passes through the node whose top-left corner is `at` (sampled:
/// the nodes are large and the segments short).
fn segment_hits(a: (f64, f64), b: (f64, f64), at: (f64, f64)) -> bool {
    (1..40).any(|k| {
        let t = k as f64 / 40.0;
        let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        x > at.0 - 4.0 && x < at.0 + NODE_W + 4.0 && y > at.1 - 4.0 && y < at.1 + NODE_H + 4.0
    })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
