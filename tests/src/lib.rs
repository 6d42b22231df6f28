//! Test-only crate: integration tests live in `tests/`. The README's code
//! blocks are compiled and run here as doctests so they cannot rot.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
