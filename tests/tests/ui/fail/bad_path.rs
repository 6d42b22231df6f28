use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
#[nexudus(path = "/collaboration/workspaces")]
struct Workspace {
    #[required]
    name: Option<String>,
}

fn main() {}
