//! Every answer is bounded: for an `n`-byte body the 400 body is at most
//! `4n + 64 KiB` and checking it takes at most `4n + 1 MiB` of memory
//! (measured by a global allocator that tracks this thread's peak).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use nexudus_validate::resources::Workspace;
use nexudus_validate::{from_slice, Code, NexudusResource, ValidationErrors};
use serde::Deserialize;

struct Peak;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    let _ = LIVE.try_with(|live| {
        live.set(live.get() + bytes);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
    });
}

fn shrink(bytes: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(bytes)));
}

unsafe impl GlobalAlloc for Peak {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grow(new_size);
        shrink(layout.size());
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Peak = Peak;

/// `check(body)`, with the most memory it held at once beyond what was
/// live before.
fn measured<T>(check: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    let out = check();
    (out, PEAK.with(Cell::get) - before)
}

fn assert_bounded(body: &[u8], errors: &ValidationErrors, peak: usize) {
    let n = body.len();
    let answer = serde_json::to_vec(&errors.to_response()).unwrap().len();
    assert!(answer <= 4 * n + 64 * 1024, "answer {answer} bytes for {n}");
    assert!(answer <= 64 * 1024, "answer {answer} bytes");
    assert!(peak <= 4 * n + 1024 * 1024, "peak {peak} bytes for {n}");
}

#[test]
fn a_hundred_megabyte_list_sent_for_a_number() {
    let mut body = br#"{"Id": 1, "BusinessId": ["#.to_vec();
    let count = 50 * 1024 * 1024;
    body.reserve(2 * count + 64);
    for _ in 0..count {
        body.extend_from_slice(b"0,");
    }
    body.pop();
    body.extend_from_slice(br#"], "AdministratorId": 2, "Name": "n"}"#);
    assert!(body.len() > 100 * 1024 * 1024);

    let (result, peak) = measured(|| from_slice::<Workspace>(&body));
    let errors = result.unwrap_err();
    assert_eq!(
        errors.to_string(),
        "BusinessId: The value is not valid for BusinessId."
    );
    assert_bounded(&body, &errors, peak);
    assert!(peak < 1024 * 1024, "peak {peak} bytes");
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Item {
    #[required]
    a: Option<i64>,
    #[required]
    b: Option<String>,
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Order {
    #[nested]
    items: Vec<Item>,
}

fn list_of(element: &str, count: usize) -> Vec<u8> {
    let mut body = br#"{"Items": ["#.to_vec();
    for i in 0..count {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(element.as_bytes());
    }
    body.extend_from_slice(b"]}");
    body
}

#[test]
fn a_hundred_thousand_invalid_elements_are_counted_not_listed() {
    let body = list_of(r#"{"A": "x"}"#, 100_000);
    let (result, peak) = measured(|| from_slice::<Order>(&body));
    let errors = result.unwrap_err();
    assert_eq!(errors.len(), 101);
    let lines: Vec<String> = errors.iter().take(3).map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "Items[0].A: The value 'x' is not valid for Items[0].A.",
            "Items[0].B: is a required field",
            "Items[1].A: The value 'x' is not valid for Items[1].A.",
        ]
    );
    let last = errors.iter().last().unwrap();
    assert_eq!(last.code(), Code::LeftOut);
    assert_eq!(last.to_string(), "199900 more failures were left out.");
    assert_bounded(&body, &errors, peak);
}

#[test]
fn a_hundred_thousand_empty_elements_give_a_bounded_answer() {
    // Each `{}` reads as an `Item`, so the typed value is built (it is what
    // `from_slice` returns); its 200,000 failures are still capped.
    let body = list_of("{}", 100_000);
    let errors = from_slice::<Order>(&body).unwrap_err();
    assert_eq!(errors.len(), 101);
    let answer = serde_json::to_vec(&errors.to_response()).unwrap().len();
    assert!(answer <= 4 * body.len() + 64 * 1024);
    assert_eq!(
        errors.iter().last().unwrap().message(),
        "199900 more failures were left out."
    );
}
