use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[range(min = 1)]
    label: Option<String>,
}

fn main() {}
