use pymem::exercises::watching::check_peak_live_bytes;
use refcount::{Event, Trace};

/// The most bytes alive at any moment of the trace, counting from `live_bytes_at_start`.
fn peak_live_bytes(trace: &Trace) -> u64 {
    let mut live = trace.live_bytes_at_start;
    let mut peak = live;
    for event in &trace.events {
        match event {
            Event::Alloc { size, .. } => live += size,
            Event::Resize { old_size, size, .. } => live = live + size - old_size,
            Event::Free { size, .. } => live -= size,
            _ => continue,
        }
        peak = peak.max(live);
    }
    peak
}

fn main() {
    check_peak_live_bytes(peak_live_bytes);
}
