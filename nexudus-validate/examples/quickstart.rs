//! Declares a Workspace, validates a request body a client is about to
//! send, and prints the exact 400 body Nexudus would answer with.
//!
//! Run: `cargo run -p nexudus-validate --example quickstart`

use nexudus_validate::{NexudusResource, Operation, Validate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
struct Workspace {
    #[required(update)]
    id: Option<i64>,
    #[required]
    business_id: Option<i64>,
    #[required]
    administrator_id: Option<i64>,
    #[required]
    name: Option<String>,
    description: Option<String>,
}

fn main() {
    let body = r#"{"BusinessId": 1, "Name": "   ", "Description": "Quiet room"}"#;
    let workspace: Workspace = serde_json::from_str(body).expect("the body is JSON");
    println!("PUT {} {body}", Workspace::PATH);
    match workspace.validate_for(Operation::Update) {
        Ok(()) => println!("valid"),
        Err(errors) => {
            println!("HTTP 400");
            let response = serde_json::to_string_pretty(&errors.to_response()).unwrap();
            println!("{response}");
        }
    }
}
