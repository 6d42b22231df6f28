use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
#[nexudus(name = "Workspace", name = "Space")]
struct Workspace {
    #[required]
    name: Option<String>,
}

fn main() {}
