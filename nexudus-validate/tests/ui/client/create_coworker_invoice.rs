// The Nexudus API creates no CoworkerInvoice: the call does not compile.
use nexudus_validate::client::Client;
use nexudus_validate::resources::CoworkerInvoice;

async fn run(client: Client) {
    let _ = client.create(&CoworkerInvoice::default()).await;
}

fn main() {
    let _ = run;
}
