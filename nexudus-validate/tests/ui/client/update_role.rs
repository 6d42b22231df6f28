// The Nexudus API only reads roles: an update does not compile.
use nexudus_validate::client::Client;
use nexudus_validate::resources::Role;

async fn run(client: Client) {
    let _ = client.update(&Role::default()).await;
}

fn main() {
    let _ = run;
}
