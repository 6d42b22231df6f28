// The Nexudus API deletes no Coworker: the call does not compile.
use nexudus_validate::client::Client;
use nexudus_validate::resources::Coworker;

async fn run(client: Client) {
    let _ = client.delete::<Coworker>(87654321).await;
}

fn main() {
    let _ = run;
}
