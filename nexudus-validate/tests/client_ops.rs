//! A call the Nexudus API does not have for a resource does not compile:
//! each refusal names the resource and the operation (`tests/ui/client`).

#[test]
fn operations_the_api_lacks_do_not_compile() {
    trybuild::TestCases::new().compile_fail("tests/ui/client/*.rs");
}
