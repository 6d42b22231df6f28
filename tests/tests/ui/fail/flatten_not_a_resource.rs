use nexudus_validate::NexudusResource;

use serde::Deserialize;

#[derive(Deserialize)]
struct Audit {
    updated_by: Option<String>,
}

#[derive(Deserialize, NexudusResource)]
struct Workspace {
    #[required]
    name: Option<String>,
    #[serde(flatten)]
    audit: Audit,
}

fn main() {}
