use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[required = true]
    id: Option<i64>,
}

fn main() {}
