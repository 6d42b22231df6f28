use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Marker;

fn main() {}
