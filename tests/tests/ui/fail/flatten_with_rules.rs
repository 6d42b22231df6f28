use nexudus_validate::NexudusResource;

use serde::Deserialize;

#[derive(Deserialize, NexudusResource)]
struct Audit {
    #[required]
    updated_by: Option<String>,
}

#[derive(Deserialize, NexudusResource)]
struct Workspace {
    #[serde(flatten)]
    #[nested]
    audit: Audit,
}

fn main() {}
