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

#[derive(NexudusResource)]
struct Guest {
    #[required]
    #[length(min = 1, max = 80)]
    name: Option<String>,
    #[email]
    email: Option<String>,
}

fn short_code(code: &str) -> Result<(), &'static str> {
    if code.len() <= 8 {
        Ok(())
    } else {
        Err("too long")
    }
}

#[derive(NexudusResource)]
struct Booking {
    #[required]
    #[range(min = 1, max = 500)]
    seats: Option<i64>,
    #[pattern("[A-Z]{3}-[0-9]+")]
    #[custom(short_code)]
    reference: Option<String>,
    #[not_empty]
    #[nested]
    guests: Vec<Guest>,
    #[sensitive]
    #[not_null]
    door_code: Option<String>,
}

#[test]
fn every_rule_allocates_nothing_on_a_valid_value() {
    let booking = Booking {
        seats: Some(12),
        reference: Some("ABC-123".into()),
        guests: vec![Guest {
            name: Some("Ada".into()),
            email: Some("ada@example.com".into()),
        }],
        door_code: Some("1234".into()),
    };
    // The first call builds the regex (once per process).
    assert!(booking.validate().is_ok());
    let (count, result) = allocations_during(|| booking.validate());
    assert_eq!(result, Ok(()));
    assert_eq!(count, 0, "a rule allocated on a valid value");
}

#[test]
fn seed_resources_allocate_nothing_when_valid() {
    use nexudus_validate::resources::{User, Workspace};
    let user = User {
        id: Some(1),
        full_name: Some("Grace Hopper".into()),
        email: Some("grace@example.com".into()),
        language: Some(nexudus_validate::resources::Language::EnglishUK),
        password_salt: Some("salt".into()),
        last_help_visited: Some(0),
        invalid_login_attempts: Some(0),
        ..User::default()
    };
    let workspace = Workspace {
        id: Some(1),
        business_id: Some(2),
        administrator_id: Some(3),
        name: Some("Design".into()),
        ..Workspace::default()
    };
    let (count, result) = allocations_during(|| (user.validate(), workspace.validate()));
    assert_eq!(result, (Ok(()), Ok(())));
    assert_eq!(count, 0);
}
