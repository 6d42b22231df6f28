use nexudus_validate::NexudusResource;

use serde::Deserialize;

#[derive(Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Workspace {
    name: Option<String>,
    #[serde(alias = "Name")]
    title: Option<String>,
}

fn main() {}
