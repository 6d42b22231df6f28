use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
#[required]
struct Workspace {
    name: Option<String>,
}

fn main() {}
