use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[length(max = 3)]
    seats: Option<i64>,
}

fn main() {}
