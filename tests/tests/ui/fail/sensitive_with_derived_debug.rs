use nexudus_validate::NexudusResource;

#[derive(Debug, NexudusResource)]
struct Login {
    user: Option<String>,
    #[sensitive]
    password: Option<String>,
}

fn main() {}
