use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[required(update, update)]
    id: Option<i64>,
}

fn main() {}
