use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
#[nexudus(nmae = "Workspace")]
struct Workspace {
    #[required]
    name: Option<String>,
}

fn main() {
    // The stub impl means this use causes no second error.
    let value = Workspace { name: None };
    let _ = nexudus_validate::Validate::validate(&value);
}
