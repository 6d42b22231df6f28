use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[pattern("[A-Z")]
    code: Option<String>,
}

fn main() {}
