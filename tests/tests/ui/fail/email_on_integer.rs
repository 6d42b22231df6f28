use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[email]
    seats: i64,
}

fn main() {}
