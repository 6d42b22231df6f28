use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
#[email]
struct Desk {
    contact: Option<String>,
}

fn main() {}
