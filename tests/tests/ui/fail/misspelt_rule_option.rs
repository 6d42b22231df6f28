use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[length(mni = 1)]
    code: Option<String>,
}

fn main() {}
