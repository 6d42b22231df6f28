use nexudus_validate::NexudusResource;

use serde::Deserialize;

#[derive(Deserialize, NexudusResource)]
struct Workspace {
    #[required]
    #[serde(skip)]
    cache: Option<String>,
    #[serde(skip_deserializing)]
    #[required]
    computed: Option<String>,
}

fn main() {}
