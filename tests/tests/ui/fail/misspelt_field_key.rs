use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Workspace {
    #[nexudus(renmae = "Title")]
    name: Option<String>,
}

fn main() {}
