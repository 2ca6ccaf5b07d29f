//! SVG plots of timelines, drawn with plotters' SVG backend.
//!
//! Text is emitted as SVG `<text>` with plotters' built-in metrics, so the output needs no
//! system fonts and is byte-for-byte the same on every machine. Charts have a white background
//! so they stay readable in mdBook's dark themes.

use plotters::prelude::*;

use crate::timeline::Timeline;

/// Series colours, distinguishable for most colour-blind readers (Okabe–Ito).
const PALETTE: [RGBColor; 5] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
];

/// A plot could not be drawn.
#[derive(Debug)]
pub struct PlotError(pub String);

impl std::fmt::Display for PlotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "plot failed: {}", self.0)
    }
}

impl std::error::Error for PlotError {}

fn plot_error<E: std::fmt::Debug>(e: E) -> PlotError {
    PlotError(format!("{e:?}"))
}

/// One line of a chart.
pub struct Series<'a> {
    pub label: &'a str,
    pub points: Vec<(u64, u64)>,
    /// Vertical marks on the x axis, each with a short label (collections, for example).
    pub marks: Vec<(u64, String)>,
}

/// The most points a series keeps: more cannot be seen at book width, and would make the SVG
/// huge. Larger series are decimated to the minimum and maximum of each pixel column.
const MAX_POINTS: usize = 2000;

// ANCHOR: memory_plot
/// Live objects (top) and live bytes (bottom) against allocations, one line per run, with
/// each run's collections marked. One run gives a timeline; several give a comparison.
pub fn memory_plot(title: &str, runs: &[(&str, &Timeline)]) -> Result<String, PlotError> {
    let series = |value: fn(&crate::timeline::Point) -> u64| -> Vec<Series> {
        runs.iter()
            .map(|(label, timeline)| Series {
                label,
                points: timeline
                    .points
                    .iter()
                    .map(|p| (p.allocations, value(p)))
                    .collect(),
                marks: timeline
                    .collections
                    .iter()
                    .map(|c| (c.allocations, format!("gc: {}", c.collected)))
                    .collect(),
            })
            .collect()
    };
    let objects = series(|p| p.live_objects);
    let bytes = series(|p| p.live_bytes);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 560)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let root = root.titled(title, ("sans-serif", 24)).map_err(plot_error)?;
        let (upper, lower) = root.split_vertically(260);
        draw_panel(&upper, "allocations", "live objects", &objects)?;
        draw_panel(&lower, "allocations", "live bytes", &bytes)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}
// ANCHOR_END: memory_plot

/// A single chart of any series, e.g. an object's reference count after each event.
pub fn line_plot(
    title: &str,
    x_label: &str,
    y_label: &str,
    series: &[Series],
) -> Result<String, PlotError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 320)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let root = root.titled(title, ("sans-serif", 24)).map_err(plot_error)?;
        draw_panel(&root, x_label, y_label, series)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    x_label: &str,
    y_label: &str,
    series: &[Series],
) -> Result<(), PlotError> {
    let all = || series.iter().flat_map(|s| s.points.iter());
    let x_max = all().map(|p| p.0).max().unwrap_or(0).max(1);
    // Room on the right for the label of a mark at the very end.
    let x_max = if series.iter().any(|s| !s.marks.is_empty()) {
        x_max + x_max / 12
    } else {
        x_max
    };
    let y_max = all().map(|p| p.1).max().unwrap_or(0);
    let y_max = (y_max + y_max / 10).max(1); // head room for the labels of the marks
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(70)
        .build_cartesian_2d(0..x_max, 0..y_max)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_desc(x_label)
        .y_desc(y_label)
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(plot_error)?;
    for (i, s) in series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let points = steps(&decimate(&s.points, MAX_POINTS));
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(2)))
            .map_err(plot_error)?
            .label(s.label)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
            });
        for (x, label) in &s.marks {
            let line = PathElement::new(vec![(*x, 0), (*x, y_max)], colour.mix(0.6));
            chart
                .draw_series(std::iter::once(line))
                .map_err(plot_error)?;
            let text = Text::new(
                label.clone(),
                (*x, y_max),
                ("sans-serif", 13).into_font().color(&colour),
            );
            chart
                .draw_series(std::iter::once(text))
                .map_err(plot_error)?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.4))
        .draw()
        .map_err(plot_error)?;
    Ok(())
}

/// Counts change at an instant and hold until the next change: draw them as steps, not as
/// slopes between samples.
fn steps(points: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let mut out = Vec::with_capacity(points.len() * 2);
    for &(x, y) in points {
        if let Some(&(_, previous)) = out.last()
            && previous != y
        {
            out.push((x, previous));
        }
        out.push((x, y));
    }
    out
}

// ANCHOR: decimate
/// Keeps at most about `max` points of a series whose x values only grow: for each of
/// `max / 4` equal slices of the x range, the first, lowest, highest and last point. Every
/// peak and valley survives, so the line looks the same at book width.
pub fn decimate(points: &[(u64, u64)], max: usize) -> Vec<(u64, u64)> {
    let buckets = (max / 4).max(1) as u64;
    if points.len() <= max {
        return points.to_vec();
    }
    let (first_x, last_x) = (points[0].0, points[points.len() - 1].0);
    let width = (last_x - first_x) / buckets + 1;
    let mut out = Vec::with_capacity(max);
    let mut start = 0;
    while start < points.len() {
        let bucket = (points[start].0 - first_x) / width;
        let end = start
            + points[start..]
                .iter()
                .take_while(|p| (p.0 - first_x) / width == bucket)
                .count();
        let slice = &points[start..end];
        let low = slice.iter().min_by_key(|p| p.1).expect("non-empty");
        let high = slice.iter().max_by_key(|p| p.1).expect("non-empty");
        let mut chosen = [slice[0], *low, *high, slice[slice.len() - 1]];
        chosen.sort_by_key(|p| p.0); // keep x increasing (ties keep their order)
        for p in chosen {
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        start = end;
    }
    out
}
// ANCHOR_END: decimate
