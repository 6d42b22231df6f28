use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[pattern("\\w{1,300}")]
    code: Option<String>,
    #[pattern("(?:\\w{100}){100}")]
    label: Option<String>,
}

fn main() {}
