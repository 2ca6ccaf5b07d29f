//! The run's plots, as SVG: ns per object against N for both sides (one panel per workload,
//! log axes), and our speed-up over CPython per workload.
//!
//! `memviz::plot` draws linear axes of integer counts; these need log axes of floats, so
//! plotters is used directly, with the same features (SVG backend, line series), the same
//! conventions (white background, `<text>` elements: no system fonts) and the same palette.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::report::Record;

/// Okabe–Ito, as `memviz::plot`: ours blue, CPython orange, then the others for workloads.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(0, 0, 0),
];
const OURS: RGBColor = PALETTE[0];
const CPYTHON: RGBColor = PALETTE[1];
/// CPython with the plain class (the orange one is its `__slots__` class).
const CPYTHON_PLAIN: RGBColor = PALETTE[5];

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("plot failed: {e:?}")
}

/// A tick label for a log axis: `10000` → `1e4`, `3000000` → `3e6`, small values as they
/// are; empty (no label) unless the leading digit is one of `keep`, so that labels never crowd.
fn log_label(v: f64, keep: &[f64]) -> String {
    if v <= 0.0 {
        return String::new();
    }
    let leading = (v / 10f64.powf(v.log10().floor())).round();
    if !keep.contains(&leading) {
        return String::new();
    }
    short_number(v)
}

/// `10000` → `1e4`, `3000000` → `3e6`; small values as they are.
fn short_number(v: f64) -> String {
    if v >= 1000.0 {
        let exponent = v.log10().floor();
        let mantissa = v / 10f64.powf(exponent);
        let mantissa = (mantissa * 10.0).round() / 10.0;
        format!("{mantissa}e{exponent}")
    } else if v >= 1.0 {
        format!("{}", (v * 10.0).round() / 10.0)
    } else {
        format!("{v:.2}")
    }
}

/// A log range around the values, half a decade of margin (at least) on each side.
fn log_range(values: impl Iterator<Item = f64>) -> Option<std::ops::Range<f64>> {
    let (lo, hi) = values
        .filter(|v| *v > 0.0)
        .fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    (hi > 0.0).then(|| lo / 1.6..hi * 1.6)
}

type Pick = fn(&Record) -> Option<f64>;

fn series(records: &[Record], workload: &str, pick: Pick) -> Vec<(f64, f64)> {
    let mut points: Vec<(f64, f64)> = records
        .iter()
        .filter(|r| r.workload == workload)
        .filter_map(|r| pick(r).filter(|v| *v > 0.0).map(|v| (r.n as f64, v)))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    points
}

fn footer<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str) -> Result<(), String> {
    area.draw(&Text::new(
        text.to_string(),
        (12, 6),
        ("sans-serif", 13).into_font().color(&BLACK.mix(0.7)),
    ))
    .map_err(err)
}

/// One panel per workload (`(id, shape)`), ns per object against N: ours, and CPython's with
/// each of its two classes.
pub fn ns_per_object(
    records: &[Record],
    workloads: &[(&str, &str)],
    title: &str,
    caption: &str,
) -> Result<String, String> {
    let x_range = log_range(records.iter().map(|r| r.n as f64)).ok_or("no points to plot")?;
    let y_range = log_range(records.iter().flat_map(|r| {
        [
            r.ours_ns_per_object,
            r.cpython_slots_ns_per_object,
            r.cpython_plain_ns_per_object,
        ]
        .into_iter()
        .flatten()
    }))
    .ok_or("no times to plot")?;
    // plotters puts log ticks only from the first power of ten in the range: start at one.
    let y_range = 10f64.powf(y_range.start.log10().floor())..y_range.end;
    let cols = workloads.len().clamp(1, 2);
    let rows = workloads.len().div_ceil(cols).max(1);
    let (panel_w, panel_h) = (460u32, 320u32);
    let mut svg = String::new();
    {
        let size = (panel_w * cols as u32, 50 + panel_h * rows as u32 + 28);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let root = root.titled(title, ("sans-serif", 22)).map_err(err)?;
        let (body, foot) = root.split_vertically(panel_h * rows as u32);
        footer(&foot, caption)?;
        for (panel, &(id, shape)) in body.split_evenly((rows, cols)).iter().zip(workloads) {
            let mut chart = ChartBuilder::on(panel)
                .caption(format!("{id}: {shape}"), ("sans-serif", 14))
                .margin(10)
                .x_label_area_size(36)
                .y_label_area_size(52)
                .build_cartesian_2d(x_range.clone().log_scale(), y_range.clone().log_scale())
                .map_err(err)?;
            chart
                .configure_mesh()
                .x_desc("N objects")
                .y_desc("ns per object")
                .x_labels(20) // candidates; `log_label` keeps the round ones
                .y_labels(20)
                .x_label_formatter(&|v| log_label(*v, &[1.0, 3.0]))
                .y_label_formatter(&|v| log_label(*v, &[1.0, 2.0, 5.0]))
                .light_line_style(TRANSPARENT)
                .bold_line_style(RGBColor(228, 228, 228))
                .draw()
                .map_err(err)?;
            let sides: [(&str, RGBColor, Pick); 3] = [
                ("ours", OURS, |r| r.ours_ns_per_object),
                ("CPython, __slots__", CPYTHON, |r| {
                    r.cpython_slots_ns_per_object
                }),
                ("CPython, plain class", CPYTHON_PLAIN, |r| {
                    r.cpython_plain_ns_per_object
                }),
            ];
            for (label, colour, pick) in sides {
                let points = series(records, id, pick);
                chart
                    .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))
                    .map_err(err)?
                    .label(label)
                    .legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                    });
                chart
                    .draw_series(points.iter().map(|&p| Circle::new(p, 3, colour.filled())))
                    .map_err(err)?;
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperRight)
                .background_style(WHITE.mix(0.9))
                .border_style(BLACK.mix(0.4))
                .draw()
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// The faster CPython class's time over ours against N, one line per workload, with the 1×
/// and 5× lines.
pub fn speedup(
    records: &[Record],
    workloads: &[(&str, &str)],
    title: &str,
    caption: &str,
) -> Result<String, String> {
    let x_range = log_range(records.iter().map(|r| r.n as f64)).ok_or("no points to plot")?;
    let y_range = log_range(records.iter().filter_map(|r| r.speedup)).ok_or("no speed-ups")?;
    // Always show both reference lines.
    let y_range = y_range.start.min(0.6)..y_range.end.max(8.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (920, 480)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let root = root.titled(title, ("sans-serif", 22)).map_err(err)?;
        let (body, foot) = root.split_vertically(480 - 50 - 28);
        footer(&foot, caption)?;
        let mut chart = ChartBuilder::on(&body)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(x_range.clone().log_scale(), y_range.log_scale())
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_desc("N objects")
            .y_desc("speed-up: CPython time / ours")
            .x_labels(20)
            .y_labels(20)
            .x_label_formatter(&|v| log_label(*v, &[1.0, 3.0]))
            .y_label_formatter(&|v| match log_label(*v, &[1.0, 2.0, 5.0]) {
                label if label.is_empty() => label,
                label => format!("{label}x"),
            })
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(228, 228, 228))
            .draw()
            .map_err(err)?;
        for (level, label) in [(1.0, "1x: as fast as CPython"), (5.0, "5x: the goal")] {
            let line = vec![(x_range.start, level), (x_range.end, level)];
            let grey = BLACK.mix(0.45);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    line,
                    grey.stroke_width(1),
                )))
                .map_err(err)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    label,
                    (x_range.start * 1.05, level * 1.04),
                    ("sans-serif", 12).into_font().color(&grey),
                )))
                .map_err(err)?;
        }
        for (i, &(id, shape)) in workloads.iter().enumerate() {
            let colour = PALETTE[(i + 2) % PALETTE.len()];
            let points = series(records, id, |r| r.speedup);
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))
                .map_err(err)?
                .label(format!("{id}: {shape}"))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                });
            chart
                .draw_series(points.iter().map(|&p| Circle::new(p, 3, colour.filled())))
                .map_err(err)?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.4))
            .draw()
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}
