use nexudus_validate::NexudusResource;

fn not_a_check(_: &Desk) -> bool {
    true
}

#[derive(NexudusResource)]
#[nexudus(check = not_a_check)]
struct Desk {
    #[required]
    name: Option<String>,
}

fn main() {}
