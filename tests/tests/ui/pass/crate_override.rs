// The runtime crate under another name, as a facade crate would re-export it.
pub extern crate nexudus_validate as nv;

mod facade {
    pub use nv as validation;
}

use nv::Validate;

#[derive(nv::NexudusResource)]
#[nexudus(crate = "nv", name = "Workspace")]
struct ByAlias {
    #[required]
    name: Option<String>,
}

#[derive(facade::validation::NexudusResource)]
#[nexudus(crate = "crate::facade::validation")]
struct ByPath {
    #[required(update)]
    id: Option<i64>,
}

fn main() {
    assert_eq!(ByAlias { name: None }.validate().unwrap_err().len(), 1);
    assert!(ByPath { id: None }
        .validate_for(nv::Operation::Create)
        .is_ok());
    assert_eq!(<ByAlias as nv::NexudusResource>::NAME, "Workspace");
}
