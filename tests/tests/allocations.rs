//! `validate()` on a valid value allocates nothing (counted by a global
//! allocator that wraps the system one).
// Some fields exist only for the metadata the derive records.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use nexudus_validate::{NexudusResource, Operation, Validate};

struct Counting;

thread_local! {
    /// Allocations made by the current thread (test threads run in parallel).
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    ALLOCATIONS.with(|n| n.set(n.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[derive(NexudusResource)]
#[nexudus(name = "Visitor", path = "/api/spaces/visitors")]
struct Visitor {
    #[required(update)]
    id: Option<i64>,
    #[required]
    business_id: Option<i64>,
    #[required]
    full_name: Option<String>,
    #[required]
    email: String,
    #[required(allow_empty)]
    notes: Option<String>,
    #[required]
    businesses: Vec<i64>,
    company_name: Option<String>,
}

/// Allocations this thread made while running `f`.
fn allocations_during<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = f();
    (ALLOCATIONS.with(Cell::get) - before, result)
}

fn valid() -> Visitor {
    Visitor {
        id: Some(1),
        business_id: Some(2),
        full_name: Some("Ada Lovelace".into()),
        email: "ada@example.com".into(),
        notes: Some(String::new()),
        businesses: vec![],
        company_name: None,
    }
}

#[test]
fn valid_value_allocates_nothing() {
    let value = valid();
    let (count, result) =
        allocations_during(|| (value.validate(), value.validate_for(Operation::Create)));
    assert_eq!(result, (Ok(()), Ok(())));
    assert_eq!(count, 0, "validate() allocated on a valid value");
}

#[test]
fn the_counter_sees_allocations_of_a_failing_validation() {
    // Guards against a counter that never counts.
    let value = Visitor {
        full_name: None,
        ..valid()
    };
    let (count, result) = allocations_during(|| value.validate());
    assert!(result.is_err());
    assert!(count > 0);
}
