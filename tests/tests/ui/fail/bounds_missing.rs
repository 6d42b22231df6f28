use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[length]
    label: Option<String>,
    #[range()]
    seats: Option<i64>,
}

fn main() {}
