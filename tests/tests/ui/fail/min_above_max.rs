use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[range(min = 5, max = 1)]
    seats: Option<i64>,
    #[length(min = 4, max = 2)]
    label: Option<String>,
}

fn main() {}
