use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
#[nexudus(path = "api/x", colour = "red")]
struct Workspace {
    #[required(sometimes)]
    name: Option<String>,
    #[nexudus(rename = "")]
    other: Option<String>,
}

fn main() {}
