use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[range(max = 300)]
    floor: Option<u8>,
    #[range(min = -1)]
    seats: u32,
    #[range(max = 2.5)]
    rooms: Option<Box<i64>>,
}

fn main() {}
