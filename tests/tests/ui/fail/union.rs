use nexudus_validate::NexudusResource;

#[derive(NexudusResource)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
