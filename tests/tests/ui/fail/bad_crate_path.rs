use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
#[nexudus(crate = "not a path")]
struct Workspace {
    name: Option<String>,
}

fn main() {}
