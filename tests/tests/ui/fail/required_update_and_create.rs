use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[required(update, create)]
    name: Option<String>,
}

fn main() {}
