// A resource of your own has the operations it says it has: none here.
use nexudus_validate::client::Client;
use nexudus_validate::query::Query;
use nexudus_validate::NexudusResource;
use serde::Deserialize;

#[derive(Deserialize, NexudusResource)]
#[nexudus(name = "Note", path = "/api/spaces/notes")]
struct Note {
    text: Option<String>,
}

async fn run(client: Client) {
    let _ = client.get::<Note>(1).await;
    let _ = client.search::<Note>(&Query::new()).await;
}

fn main() {
    let _ = run;
}
