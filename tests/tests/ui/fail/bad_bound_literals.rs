use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
struct Desk {
    #[length(max = -3)]
    name: Option<String>,
    #[length(max = "5")]
    code: Option<String>,
    #[range(min = one)]
    floor: Option<i64>,
}

fn main() {}
