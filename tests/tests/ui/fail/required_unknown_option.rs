use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[required(x)]
    name: Option<String>,
}

fn main() {}
