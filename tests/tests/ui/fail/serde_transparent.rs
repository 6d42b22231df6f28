use nexudus_validate::NexudusResource;

use serde::Deserialize;

#[derive(Deserialize, NexudusResource)]
#[serde(transparent)]
struct Workspace {
    name: Option<String>,
}

fn main() {}
