use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Pair(#[required] Option<i64>, String);

fn main() {}
