//! Lists, operations and sign-in as the API has them, client against mock
//! on loopback: filtered and ordered lists across pages, date ranges,
//! batch reads, undocumented filters, operations a resource lacks, tokens
//! that expire.
//!
//! Every test binds only to 127.0.0.1 and runs under a time limit.

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use nexudus_validate::axum::mock::{self, MemoryStore};
use nexudus_validate::client::{Client, Error};
use nexudus_validate::query::{Direction, Query, QueryError};
use nexudus_validate::resources::registry;
use nexudus_validate::resources::spaces::{Booking, Coworker};
use nexudus_validate::NexudusDateTime;
use serde_json::Value;

mod support;
use support::{anonymous_http, counted, http, run, serve};

fn at(day: u32, hour: u32) -> NexudusDateTime {
    NexudusDateTime::from_ymd_hms(2025, 1, day, hour, 0, 0).unwrap()
}

fn booking(coworker: i64, day: u32, hour: u32) -> Booking {
    Booking {
        resource_id: Some(7),
        coworker_id: Some(coworker),
        from_time: Some(at(day, hour)),
        to_time: Some(at(day, hour + 1)),
        notes: Some(format!("member {coworker}, day {day} {hour}:00")),
        ..Booking::default()
    }
}

/// A mock with nine bookings of member 1 and six of member 2, and a
/// client signed in with Basic credentials; the Ids of member 1's.
async fn bookings() -> (String, Client, Vec<i64>, Arc<AtomicUsize>) {
    let store = MemoryStore::new();
    let (app, requests) = counted(mock::app(store));
    let base = serve(app).await;
    let client = Client::new(&base)
        .with_http_client(http())
        .basic("admin@example.com", "secret");
    let mut mine = Vec::new();
    for n in 0..15_u32 {
        let coworker = if n % 5 < 3 { 1 } else { 2 };
        // Days out of order, so that Id order is not time order.
        let day = 1 + (n * 7) % 15;
        let created = client.create(&booking(coworker, day, 9)).await.unwrap();
        if coworker == 1 {
            mine.push(created.id().unwrap());
        }
    }
    (base, client, mine, requests)
}

#[test]
fn one_members_bookings_newest_first_across_pages() {
    run(async {
        let (_, client, mine, _) = bookings().await;
        let query = Query::new()
            .filter("Booking_Coworker", 1)
            .order_by("FromTime", Direction::Descending)
            .size(4);
        let first = client.search::<Booking>(&query).await.unwrap();
        assert_eq!(first.total_items, 9);
        assert_eq!(first.total_pages, 3);
        assert_eq!(first.current_order_field.as_deref(), Some("FromTime"));
        assert_eq!(first.current_sort_direction, Some(-1));

        let all = client.search_all::<Booking>(query).await.unwrap();
        assert_eq!(all.len(), 9);
        assert!(all.iter().all(|b| b.coworker_id == Some(1)));
        let times: Vec<NexudusDateTime> = all.iter().map(|b| b.from_time.unwrap()).collect();
        let mut newest_first = times.clone();
        newest_first.sort_by(|a, b| b.cmp(a));
        assert_eq!(times, newest_first);
        let mut ids: Vec<i64> = all.iter().map(|b| b.id.unwrap()).collect();
        ids.sort_unstable();
        assert_eq!(ids, mine);
    });
}

#[test]
fn a_date_range_and_a_text_filter() {
    run(async {
        let (_, client, _, _) = bookings().await;
        let query = Query::new()
            .filter("from_Booking_FromTime", at(5, 9))
            .filter("to_Booking_FromTime", at(9, 9))
            .order_by("FromTime", Direction::Ascending);
        let page = client.search::<Booking>(&query).await.unwrap();
        let days: Vec<String> = page
            .records
            .iter()
            .map(|b| b.from_time.unwrap().to_string()[..10].to_owned())
            .collect();
        assert_eq!(
            days,
            [
                "2025-01-05",
                "2025-01-06",
                "2025-01-07",
                "2025-01-08",
                "2025-01-09"
            ]
        );
        // Text matches within the field, ignoring case.
        let query = Query::new().filter("Booking_Notes", "MEMBER 2");
        let page = client.search::<Booking>(&query).await.unwrap();
        assert_eq!(page.total_items, 6);
    });
}

#[test]
fn several_records_are_read_by_their_ids() {
    run(async {
        let (_, client, mine, _) = bookings().await;
        let asked = [mine[3], mine[0], 999_999];
        let got = client.get_many::<Booking>(&asked).await.unwrap();
        let ids: Vec<Option<i64>> = got.iter().map(|b| b.id).collect();
        assert_eq!(ids, [Some(mine[3]), Some(mine[0])]);
    });
}

#[test]
fn a_filter_the_resource_does_not_have_is_refused_before_and_by_the_mock() {
    run(async {
        let (base, client, _, requests) = bookings().await;
        // The client: an error naming it, with the closest name, nothing sent.
        let before = requests.load(Ordering::SeqCst);
        let query = Query::new().filter("Booking_Cowroker", 1);
        let error = client.search::<Booking>(&query).await.unwrap_err();
        assert!(!error.was_sent());
        assert!(matches!(
            &error,
            Error::Query(QueryError::UnknownFilter { filter, closest: Some(c), .. })
                if filter == "Booking_Cowroker" && c == "Booking_Coworker"
        ));
        let error = client
            .search::<Booking>(&Query::new().order_by("FromTme", Direction::Ascending))
            .await
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Booking has no field `FromTme` to order by; did you mean `FromTime`?; nothing was sent"
        );
        assert_eq!(requests.load(Ordering::SeqCst), before);

        // The mock, sent the same typo on purpose: 400 naming it.
        let answer = http()
            .get(format!(
                "{base}/api/spaces/bookings?Booking_Cowroker=1&dir=2"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        let body: Value = answer.json().await.unwrap();
        let named: Vec<&str> = body["Errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["PropertyName"].as_str().unwrap())
            .collect();
        assert_eq!(named, ["Booking_Cowroker", "dir"]);
        assert_eq!(
            body["Message"],
            "Booking_Cowroker: 'Booking_Cowroker' is not a filter of Booking."
        );
    });
}

#[test]
fn an_operation_the_resource_lacks_is_a_405_and_is_never_sent() {
    run(async {
        let (base, client, _, requests) = bookings().await;
        // Coworkers are never deleted through the API.
        let answer = http()
            .delete(format!("{base}/api/spaces/coworkers/1"))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::METHOD_NOT_ALLOWED);
        let body: Value = answer.json().await.unwrap();
        assert_eq!(body["WasSuccessful"], false);

        let before = requests.load(Ordering::SeqCst);
        let coworkers = client.registered(registry::find("coworkers").unwrap());
        let error = coworkers.delete(1).await.unwrap_err();
        assert!(matches!(
            error,
            Error::Unsupported {
                resource: "Coworker",
                operation: "delete"
            }
        ));
        assert!(!error.was_sent());
        let roles = client.registered(registry::find("roles").unwrap());
        let error = roles.create(&serde_json::json!({})).await.unwrap_err();
        assert_eq!(
            error.to_string(),
            "the Nexudus API cannot create Role records; nothing was sent"
        );
        assert_eq!(requests.load(Ordering::SeqCst), before);
        // What it has still works.
        assert_eq!(client.list::<Coworker>(1, 5).await.unwrap().total_items, 0);
    });
}

/// A store whose clock reads `SECONDS` past 2025-01-15 10:00.
fn clocked(seconds: &'static AtomicI64) -> MemoryStore {
    MemoryStore::with_clock(move || {
        let start = NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 0, 0).unwrap();
        let now = *start.as_naive() + chrono::TimeDelta::seconds(seconds.load(Ordering::SeqCst));
        NexudusDateTime::new(now)
    })
}

/// How many token requests reach `base`'s mock (`/api/token`).
fn token_requests(requests: &AtomicUsize) -> usize {
    requests.load(Ordering::SeqCst)
}

#[test]
fn an_expired_token_is_renewed_without_the_caller_noticing() {
    static SECONDS: AtomicI64 = AtomicI64::new(0);
    run(async {
        let store = clocked(&SECONDS);
        let tokens = Arc::new(AtomicUsize::new(0));
        let seen = tokens.clone();
        let app = mock::app(store).layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                if request.uri().path() == "/api/token" {
                    seen.fetch_add(1, Ordering::SeqCst);
                }
                next.run(request)
            },
        ));
        let base = serve(app).await;
        let client = Client::new(&base)
            .with_http_client(anonymous_http())
            .login("admin@example.com", "secret")
            .await
            .unwrap();
        assert_eq!(token_requests(&tokens), 1);
        let created = client.create(&booking(1, 2, 9)).await.unwrap();
        assert_eq!(created.updated_by.as_deref(), Some("admin@example.com"));

        // The mock's clock passes the token's day: the next call is refused
        // once, renewed with the refresh token and sent again.
        SECONDS.store(86_400 + 1, Ordering::SeqCst);
        let page = client.list::<Booking>(1, 10).await.unwrap();
        assert_eq!(page.total_items, 1);
        assert_eq!(token_requests(&tokens), 2);
        // A clone shares the renewed session.
        assert_eq!(
            client
                .clone()
                .list::<Booking>(1, 10)
                .await
                .unwrap()
                .total_items,
            1
        );
        assert_eq!(token_requests(&tokens), 2);
    });
}

#[test]
fn a_token_is_renewed_before_it_expires() {
    run(async {
        let store = MemoryStore::new();
        store.set_token_lifetime(1);
        let (app, requests) = counted(mock::app(store));
        let base = serve(app).await;
        let client = Client::new(&base)
            .with_http_client(anonymous_http())
            .login("admin@example.com", "secret")
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(1_100)).await;
        // Due for renewal: renewed before the call, which the mock takes.
        let before = requests.load(Ordering::SeqCst);
        client.list::<Booking>(1, 10).await.unwrap();
        assert_eq!(
            requests.load(Ordering::SeqCst),
            before + 2,
            "renewal and call"
        );
    });
}

#[test]
fn a_request_without_credentials_is_a_401_in_the_envelope() {
    run(async {
        let base = serve(mock::app(MemoryStore::new())).await;
        let answer = anonymous_http()
            .get(format!("{base}/api/spaces/bookings"))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            answer.headers()["www-authenticate"],
            "Bearer",
            "{:?}",
            answer.headers()
        );
        let body: Value = answer.json().await.unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "Message": "Authorization has been denied for this request.",
                "Value": null,
                "Errors": [],
                "WasSuccessful": false
            })
        );
    });
}

#[test]
fn a_record_that_does_not_read_is_named_without_quoting_personal_data() {
    run(async {
        let page = serde_json::json!({
            "Records": [
                {"Id": 1, "Notes": "fine"},
                {"Id": 2, "Notes": "also fine"},
                {"Id": 3, "FromTime": "call ada.lovelace@example.com", "Notes": "x".repeat(5000)},
            ],
            "CurrentPage": 1, "CurrentPageSize": 25, "TotalItems": 3, "TotalPages": 1,
            "HasNextPage": false, "HasPreviousPage": false
        })
        .to_string();
        let app = axum::Router::new().fallback(axum::routing::any(move || {
            let page = page.clone();
            async move {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    page,
                )
            }
        }));
        let base = serve(app).await;
        let client = Client::new(&base).with_http_client(http());
        let error = client.list::<Booking>(1, 25).await.unwrap_err();
        let Error::Decode {
            resource,
            path,
            body,
            ..
        } = &error
        else {
            panic!("{error:?}");
        };
        assert_eq!(
            (*resource, path.as_str()),
            ("Booking", "Records[2].FromTime")
        );
        assert_eq!(body, "\"call <redacted>\"");
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("lovelace"), "{shown}");
        assert!(!shown.contains("xxxxxxxxxx"), "{shown}");
        assert!(
            error
                .to_string()
                .starts_with("unexpected answer (HTTP 200) for Booking at Records[2].FromTime: "),
            "{error}"
        );
    });
}

#[test]
fn a_create_is_sent_without_id() {
    run(async {
        let bodies = Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
        let seen = bodies.clone();
        let app =
            axum::Router::new().fallback(axum::routing::any(move |body: axum::body::Bytes| {
                let seen = seen.clone();
                async move {
                    seen.lock()
                        .unwrap()
                        .push(serde_json::from_slice(&body).unwrap_or(Value::Null));
                    (
                        [(axum::http::header::CONTENT_TYPE, "application/json")],
                        serde_json::json!({
                            "Status": 200, "Message": "Booking was successfully created.",
                            "Value": {"Id": 5}, "WasSuccessful": true
                        })
                        .to_string(),
                    )
                }
            }));
        let base = serve(app).await;
        let client = Client::new(&base).with_http_client(http());
        client.create(&booking(1, 2, 9)).await.unwrap();
        let bookings = client.registered(registry::find("bookings").unwrap());
        bookings
            .create(&serde_json::to_value(booking(1, 3, 9)).unwrap())
            .await
            .unwrap();
        let bodies = bodies.lock().unwrap();
        assert_eq!(bodies.len(), 2);
        for body in bodies.iter() {
            assert!(body.get("Id").is_none(), "{body}");
            assert_eq!(body["ResourceId"], 7);
        }
    });
}
