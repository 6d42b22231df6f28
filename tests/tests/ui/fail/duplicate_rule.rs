use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[email]
    #[email(message = "bad")]
    contact: Option<String>,
}

fn main() {}
