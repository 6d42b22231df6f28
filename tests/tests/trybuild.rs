//! Compile-fail cases (each misuse of the derive has a spanned, specific
//! message, checked against its `.stderr`) and pass cases that also run.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/fail/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
