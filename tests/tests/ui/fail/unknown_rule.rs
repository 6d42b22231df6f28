use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[nexudus(lenght(max = 3))]
    label: Option<String>,
}

fn main() {}
