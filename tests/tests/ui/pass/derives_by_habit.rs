//! Every derive a serde struct carries by habit compiles beside
//! NexudusResource, which implements only the traits it is named for.

use nexudus_validate::{NexudusResource, Secret, Validate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Login {
    #[required]
    user: Option<String>,
    #[sensitive]
    hint: Option<String>,
    #[required]
    password: Option<Secret<String>>,
}

fn main() {
    let login = Login { user: Some("ada".into()), hint: None, password: Some("pw".into()) };
    assert!(login.validate().is_ok());
    assert_eq!(login.clone(), login);
    assert_eq!(
        format!("{login:?}"),
        r#"Login { user: Some("ada"), hint: None, password: Some(<redacted>) }"#
    );
    assert!(<Login as NexudusResource>::FIELDS[2].sensitive(), "Secret implies #[sensitive]");
}
