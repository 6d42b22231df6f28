use nexudus_validate::NexudusResource;

use serde::Deserialize;

#[derive(Deserialize, NexudusResource)]
struct Desk {
    #[serde(skip)]
    #[email]
    contact: Option<String>,
}

fn main() {}
