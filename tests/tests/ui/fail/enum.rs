use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
enum Status {
    Active,
    Archived,
}

fn main() {}
