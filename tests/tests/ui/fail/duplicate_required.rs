use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[required]
    #[required(update)]
    id: Option<i64>,
}

fn main() {}
