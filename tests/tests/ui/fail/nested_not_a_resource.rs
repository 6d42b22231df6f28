use nexudus_validate::NexudusResource;

struct Plain {
    name: String,
}

#[derive(NexudusResource)]
struct Desk {
    #[nested]
    owner: Option<Plain>,
}

fn main() {}
