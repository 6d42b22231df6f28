use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[required(updte)]
    id: Option<i64>,
}

fn main() {}
