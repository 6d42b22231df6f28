//! A client program for Bookings: logs in, creates some, lists one
//! member's bookings newest first, lists them all page by page, modifies
//! one and deletes one, against the mock Nexudus server.
//!
//! Run: `cargo run -p nexudus-validate --features axum,client,spaces --example bookings`
//!
//! Without an argument it starts the mock (`nexudus_validate::axum::mock`)
//! in this process, on a free port of 127.0.0.1. Given a base URL
//! (`... --example bookings -- http://127.0.0.1:8080`) it talks to a mock
//! already running there, such as `--example server`. Every record is
//! checked against the Booking rules before it is sent: the draft below
//! with no resource and no times is never sent.

use nexudus_validate::axum::mock::{self, MemoryStore};
use nexudus_validate::client::{Client, Error};
use nexudus_validate::query::{Direction, Query};
use nexudus_validate::resources::spaces::{Booking, BookingRepeats, BookingWhichBookingsToUpdate};
use nexudus_validate::NexudusDateTime;

/// A booking of resource `resource_id` on 15 January 2025, from `hour`
/// for an hour.
fn booking(resource_id: i64, coworker_id: i64, hour: u32, notes: &str) -> Booking {
    let at = |hour| NexudusDateTime::from_ymd_hms(2025, 1, 15, hour, 0, 0);
    Booking {
        resource_id: Some(resource_id),
        coworker_id: Some(coworker_id),
        from_time: at(hour),
        to_time: at(hour + 1),
        repeats: Some(BookingRepeats::Daily),
        which_bookings_to_update: Some(BookingWhichBookingsToUpdate::UpdateThisBookingOnly),
        notes: Some(notes.to_owned()),
        ..Booking::default()
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = match std::env::args().nth(1) {
        Some(base) => base,
        None => {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let addr = listener.local_addr()?;
            let app = mock::app(MemoryStore::new());
            tokio::spawn(async move { axum::serve(listener, app).await });
            format!("http://{addr}")
        }
    };
    println!("Nexudus at {base}");
    let client = Client::token(&base, "admin@example.com", "secret").await?;

    let first = client.list::<Booking>(1, 25).await?;
    println!("{} bookings to start with", first.total_items);

    // A booking that fails its rules is never sent.
    let draft = Booking {
        notes: Some("no resource, no times".into()),
        ..Booking::default()
    };
    match client.create(&draft).await {
        Err(error @ Error::Invalid(_)) => println!("not sent: {error}"),
        other => return Err(format!("the draft was not refused: {other:?}").into()),
    }

    // Five bookings of two rooms.
    let mut ids = Vec::new();
    for (n, hour) in (9..14).enumerate() {
        let (resource_id, member) = if n % 2 == 0 { (101, 1) } else { (102, 2) };
        let created = client
            .create(&booking(resource_id, member, hour, &format!("Meeting {n}")))
            .await?;
        println!("{}", created.message);
        ids.push(created.id().ok_or("no Id in the answer")?);
    }

    // Every page, two bookings a page; the walk stops at the last page.
    // One member's bookings, newest first.
    let query = Query::new()
        .filter("Booking_Coworker", 1)
        .order_by("FromTime", Direction::Descending);
    let mine = client.search_all::<Booking>(query).await?;
    println!("member 1's bookings, newest first:");
    for booking in &mine {
        println!(
            "  #{} from {}: {}",
            booking.id.unwrap_or_default(),
            booking.from_time.map(|t| t.to_string()).unwrap_or_default(),
            booking.notes.as_deref().unwrap_or(""),
        );
    }
    let newest_first = mine.windows(2).all(|w| w[0].from_time >= w[1].from_time);
    if mine.len() != 3 || !newest_first || mine.iter().any(|b| b.coworker_id != Some(1)) {
        return Err(
            "the filtered, ordered list is not member 1's three bookings, newest first".into(),
        );
    }

    let mut pages = client.pages::<Booking>(2).max_pages(10);
    while let Some(page) = pages.next().await {
        let page = page?;
        println!(
            "page {} of {} (bookings {} to {} of {}):",
            page.current_page, page.total_pages, page.first_item, page.last_item, page.total_items
        );
        for booking in &page.records {
            println!(
                "  #{} resource {} from {} to {}: {}",
                booking.id.unwrap_or_default(),
                booking.resource_id.unwrap_or_default(),
                booking.from_time.map(|t| t.to_string()).unwrap_or_default(),
                booking.to_time.map(|t| t.to_string()).unwrap_or_default(),
                booking.notes.as_deref().unwrap_or(""),
            );
        }
    }

    // Modify one: read it, change two fields, check, send it all back.
    let answer = client
        .modify::<Booking, _>(ids[2], |booking| {
            booking.notes = Some("Meeting 2, moved to room 103".into());
            booking.resource_id = Some(103);
        })
        .await?;
    println!("{}", answer.message);
    let moved = client.get::<Booking>(ids[2]).await?;
    println!(
        "  #{} is now in resource {}: {}",
        ids[2],
        moved.resource_id.unwrap_or_default(),
        moved.notes.as_deref().unwrap_or("")
    );
    if moved.resource_id != Some(103) {
        return Err("the change was not stored".into());
    }

    // A change that breaks the rules is not sent either.
    let error = client
        .modify::<Booking, _>(ids[3], |booking| booking.to_time = None)
        .await
        .expect_err("a booking without an end is refused");
    println!("not sent: {error}");

    let answer = client.delete::<Booking>(ids[0]).await?;
    println!("{}", answer.message);
    let left = client.list_all::<Booking>(25).await?;
    println!("{} bookings left", left.len());
    Ok(())
}
