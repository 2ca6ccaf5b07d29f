//! Edit this file, then run: scripts/course check peak
use pymem::exercises::watching::check_peak_live_bytes;
use refcount::Trace;

/// The most bytes alive at any moment of the trace, counting from `live_bytes_at_start`.
fn peak_live_bytes(trace: &Trace) -> u64 {
    todo!("replay {} events", trace.events.len())
}

fn main() {
    check_peak_live_bytes(peak_live_bytes);
}
