use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[nexudus(path = "/api/x")]
    name: Option<String>,
}

fn main() {}
