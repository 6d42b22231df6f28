//! Both sides of the wire on loopback: the mock Nexudus server
//! (`nexudus_validate::axum::mock`) started in-process on `127.0.0.1:0`,
//! and `nexudus_validate::client::Client` talking to it.
//!
//! Every test binds only to 127.0.0.1 and runs under a time limit.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::put;
use axum::Router;
use nexudus_validate::axum::mock::{self, MemoryStore, MockNexudus};
use nexudus_validate::axum::NexudusJson;
use nexudus_validate::client::{Client, Error};
use nexudus_validate::ops;
use nexudus_validate::resources::{AccessToken, UiModule, User, Visitor, Workspace};
use nexudus_validate::{
    ErrorResponse, NexudusDateTime, NexudusResource, Operation, Page, SuccessResponse, Validate,
    ValidationErrors,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

mod support;
use support::{anonymous_http, counted, http, run, serve};

fn client(base: &str) -> Client {
    Client::new(base)
        .with_http_client(http())
        .basic("admin@example.com", "secret")
        .max_retry_wait(Duration::from_millis(50))
}

fn payload_bytes(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../nexudus-validate/examples/payloads/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn payload<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_slice(&payload_bytes(name)).unwrap()
}

fn fixed_time() -> NexudusDateTime {
    NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 30, 0).unwrap()
}

fn workspace(name: &str) -> Workspace {
    Workspace {
        business_id: Some(1),
        administrator_id: Some(2),
        name: Some(name.to_owned()),
        ..Workspace::default()
    }
}

/// Creates, reads back and updates a valid record of `T` through the
/// client, checking both 200 bodies.
async fn round_trip<T>(client: &Client, store: &MemoryStore, valid: &str, set_id: fn(&mut T, i64))
where
    T: ops::Create
        + ops::Get
        + ops::Update
        + Serialize
        + DeserializeOwned
        + Clone
        + PartialEq
        + std::fmt::Debug,
{
    let record: T = payload(valid);
    let created = client.create(&record).await.unwrap();
    let id = created.id().unwrap();
    assert_eq!(
        created,
        SuccessResponse::created::<T>(id, "admin@example.com", fixed_time())
    );
    let mut expected = record.clone();
    set_id(&mut expected, id);
    assert_eq!(client.get::<T>(id).await.unwrap(), served(&expected));
    assert_eq!(store.get::<T>(id).unwrap(), expected);

    let updated = client.update(&expected).await.unwrap();
    assert_eq!(
        updated,
        SuccessResponse::updated::<T>(id, "admin@example.com", fixed_time())
    );
}

/// `record` as `GET` serves it: without its `#[sensitive]` fields.
fn served<T: NexudusResource + Serialize + DeserializeOwned>(record: &T) -> T {
    let mut value = serde_json::to_value(record).unwrap();
    for field in T::FIELDS.iter().filter(|f| f.sensitive()) {
        value.as_object_mut().unwrap().remove(field.wire_name());
    }
    serde_json::from_value(value).unwrap()
}

#[test]
fn valid_records_of_the_five_resources_are_created_read_and_updated() {
    run(async {
        let store = MemoryStore::with_clock(fixed_time);
        let base = serve(mock::app(store.clone())).await;
        let client = client(&base);
        round_trip::<AccessToken>(&client, &store, "access_token.valid.json", |r, id| {
            r.id = Some(id)
        })
        .await;
        round_trip::<Visitor>(&client, &store, "visitor.valid.json", |r, id| {
            r.id = Some(id)
        })
        .await;
        round_trip::<User>(&client, &store, "user.valid.json", |r, id| r.id = Some(id)).await;
        round_trip::<UiModule>(&client, &store, "ui_module.valid.json", |r, id| {
            r.id = Some(id)
        })
        .await;
        round_trip::<Workspace>(&client, &store, "workspace.valid.json", |r, id| {
            r.id = Some(id)
        })
        .await;
        assert_eq!(store.len::<Workspace>(), 1);
    });
}

#[test]
fn the_200_body_is_byte_identical_to_success_response() {
    run(async {
        let store = MemoryStore::with_clock(fixed_time);
        let id = store.insert(&workspace("Design team"));
        let base = serve(mock::app(store)).await;
        let mut record = workspace("Renamed");
        record.id = Some(id);
        let answer = http()
            .put(format!("{base}{}", Workspace::PATH))
            .basic_auth("admin@example.com", Some("secret"))
            .json(&record)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(answer.headers()[header::CONTENT_TYPE], "application/json");
        let expected = SuccessResponse::updated::<Workspace>(id, "admin@example.com", fixed_time());
        assert_eq!(
            answer.text().await.unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    });
}

#[test]
fn an_invalid_record_never_reaches_the_server() {
    run(async {
        let store = MemoryStore::new();
        let id = store.insert(&workspace("Design team"));
        let (app, requests) = counted(mock::app(store.clone()));
        let base = serve(app).await;
        let client = client(&base);

        let invalid = Workspace {
            id: Some(id),
            administrator_id: None,
            ..workspace("   ")
        };
        let error = client.update(&invalid).await.unwrap_err();
        assert!(matches!(error, Error::Invalid(_)), "{error:?}");
        assert!(!error.was_sent());
        assert_eq!(error.validation_errors(), invalid.validate().err().as_ref());
        assert_eq!(
            error.validation_errors().unwrap().to_string(),
            "AdministratorId: is a required field\nName: is a required field"
        );

        let mut blank = workspace(" ");
        let error = client.create(&blank).await.unwrap_err();
        assert_eq!(
            error.into_validation_errors(),
            blank.validate_for(Operation::Create).err()
        );

        // An update needs the Id; a create does not.
        blank.name = Some("Design team".into());
        let error = client.update(&blank).await.unwrap_err();
        assert_eq!(
            error.validation_errors().unwrap().to_string(),
            "Id: is a required field"
        );

        // `modify` reads (one request), then refuses to send a bad change.
        let error = client
            .modify::<Workspace, _>(id, |w| w.name = None)
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Invalid(_)), "{error:?}");
        assert_eq!(requests.load(Ordering::SeqCst), 1);
        assert_eq!(
            store.get::<Workspace>(id).unwrap().name.as_deref(),
            Some("Design team")
        );

        // A valid one does.
        client.create(&workspace("Ops")).await.unwrap();
        assert_eq!(requests.load(Ordering::SeqCst), 2);
    });
}

#[test]
fn a_server_400_is_the_exact_nexudus_body() {
    run(async {
        let base = serve(mock::app(MemoryStore::new())).await;
        for (resource, path, expected) in [
            (
                "workspace",
                Workspace::PATH,
                nexudus_validate::from_slice::<Workspace>(&payload_bytes("workspace.invalid.json"))
                    .unwrap_err(),
            ),
            (
                "visitor",
                Visitor::PATH,
                nexudus_validate::from_slice::<Visitor>(&payload_bytes("visitor.invalid.json"))
                    .unwrap_err(),
            ),
            (
                "user",
                User::PATH,
                nexudus_validate::from_slice::<User>(&payload_bytes("user.invalid.json"))
                    .unwrap_err(),
            ),
            (
                "ui_module",
                UiModule::PATH,
                nexudus_validate::from_slice::<UiModule>(&payload_bytes("ui_module.invalid.json"))
                    .unwrap_err(),
            ),
            (
                "access_token",
                AccessToken::PATH,
                nexudus_validate::from_slice::<AccessToken>(&payload_bytes(
                    "access_token.invalid.json",
                ))
                .unwrap_err(),
            ),
        ] {
            let answer = http()
                .put(format!("{base}{path}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(payload_bytes(&format!("{resource}.invalid.json")))
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), StatusCode::BAD_REQUEST, "{resource}");
            assert_eq!(answer.headers()[header::CONTENT_TYPE], "application/json");
            let body = answer.text().await.unwrap();
            assert_eq!(
                body,
                serde_json::to_string(&expected.to_response()).unwrap(),
                "{resource}"
            );
            let read: ErrorResponse = serde_json::from_str(&body).unwrap();
            assert_eq!(read.errors, expected, "{resource}");
        }
    });
}

/// The documented Workspace without any rule: a client that checks less
/// than the server, so that the server's 400 reaches it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
struct LooseWorkspace {
    id: Option<i64>,
    business_id: Option<Value>,
    administrator_id: Option<i64>,
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    visible_by_everyone: Option<Value>,
}

nexudus_validate::operations!(LooseWorkspace: list, get, create, update, delete);

#[test]
fn a_server_400_reads_back_into_identical_validation_errors() {
    run(async {
        let (app, requests) = counted(mock::app(MemoryStore::new()));
        let base = serve(app).await;
        let client = client(&base);
        let loose = LooseWorkspace {
            id: Some(7),
            business_id: Some(json!("abc")),
            administrator_id: None,
            name: Some("  ".into()),
            visible_by_everyone: Some(json!("yes")),
        };
        assert!(loose.validate().is_ok());
        let expected =
            nexudus_validate::from_value::<Workspace>(serde_json::to_value(&loose).unwrap())
                .unwrap_err();
        assert_eq!(expected.len(), 4);

        let error = client.update(&loose).await.unwrap_err();
        assert_eq!(requests.load(Ordering::SeqCst), 1);
        assert!(error.was_sent());
        assert_eq!(error.http_status(), Some(400));
        match error {
            Error::Rejected { status, errors } => {
                assert_eq!(status, 400);
                assert_eq!(errors, expected);
                // Codes survive the trip too.
                let codes: Vec<_> = errors.iter().map(|f| f.code().to_owned()).collect();
                let expected_codes: Vec<_> = expected.iter().map(|f| f.code().to_owned()).collect();
                assert_eq!(codes, expected_codes);
            }
            other => panic!("expected a rejection, got {other:?}"),
        }
    });
}

#[test]
fn a_200_that_was_not_successful_is_a_rejection() {
    run(async {
        let errors = workspace(" ").validate().unwrap_err();
        let body = serde_json::to_string(&errors.to_response()).unwrap();
        let app = Router::new().route(
            Workspace::PATH,
            put(
                move || async move { ([(header::CONTENT_TYPE, "application/json")], body.clone()) },
            ),
        );
        let base = serve(app).await;
        let mut record = workspace("Design team");
        record.id = Some(1);
        match client(&base).update(&record).await.unwrap_err() {
            Error::Rejected {
                status,
                errors: got,
            } => {
                assert_eq!(status, 200);
                assert_eq!(got, errors);
            }
            other => panic!("expected a rejection, got {other:?}"),
        }
    });
}

/// The Workspace as the mock stores it, with a field the client's model
/// does not know.
#[derive(Debug, Clone, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
struct ServerWorkspace {
    #[required(update)]
    id: Option<i64>,
    business_id: Option<i64>,
    administrator_id: Option<i64>,
    #[required]
    name: Option<String>,
    color: Option<String>,
    floor: Option<i64>,
}

nexudus_validate::operations!(ServerWorkspace: list, get, create, update, delete);

#[test]
fn modify_changes_one_field_and_keeps_the_others() {
    run(async {
        let store = MemoryStore::new();
        let id = store.insert(&Workspace {
            description: Some("Quiet room".into()),
            members: Some(vec![3, 4]),
            visible_by_everyone: Some(true),
            ..workspace("Design team")
        });
        let base = serve(mock::app(store.clone())).await;
        let client = client(&base);

        let answer = client
            .modify::<Workspace, _>(id, |w| w.name = Some("Renamed".into()))
            .await
            .unwrap();
        assert_eq!(answer.id(), Some(id));
        assert_eq!(answer.message, "Workspace was successfully updated.");
        let stored = store.get::<Workspace>(id).unwrap();
        assert_eq!(
            stored,
            Workspace {
                id: Some(id),
                description: Some("Quiet room".into()),
                members: Some(vec![3, 4]),
                visible_by_everyone: Some(true),
                ..workspace("Renamed")
            }
        );

        // Setting an optional field to None clears it.
        client
            .modify::<Workspace, _>(id, |w| w.description = None)
            .await
            .unwrap();
        let stored = store.get::<Workspace>(id).unwrap();
        assert_eq!(stored.description, None);
        assert_eq!(stored.members, Some(vec![3, 4]));
    });
}

#[test]
fn modify_keeps_fields_the_model_does_not_know() {
    run(async {
        let store = MemoryStore::new();
        let app = MockNexudus::new(store.clone())
            .resource::<ServerWorkspace>()
            .into_router();
        let id = store.insert(&ServerWorkspace {
            id: None,
            business_id: Some(1),
            administrator_id: Some(2),
            name: Some("Design team".into()),
            color: Some("teal".into()),
            floor: Some(2),
        });
        let base = serve(app).await;
        client(&base)
            .modify::<Workspace, _>(id, |w| w.name = Some("Renamed".into()))
            .await
            .unwrap();
        assert_eq!(
            store.get_value::<ServerWorkspace>(id).unwrap(),
            json!({
                "Id": id, "Name": "Renamed", "BusinessId": 1, "AdministratorId": 2,
                "Color": "teal", "Floor": 2
            })
        );
    });
}

#[test]
fn an_unknown_id_is_a_404_in_the_nexudus_envelope() {
    run(async {
        let base = serve(mock::app(MemoryStore::new())).await;
        let client = client(&base);
        let mut record = workspace("Design team");
        record.id = Some(424242);

        let error = client.update(&record).await.unwrap_err();
        let Error::Status { status, body } = &error else {
            panic!("expected a status error, got {error:?}");
        };
        assert_eq!(*status, 404);
        let envelope: Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            envelope,
            json!({
                "Message": "Workspace 424242 was not found.",
                "Value": null,
                "Errors": [],
                "WasSuccessful": false
            })
        );
        assert_eq!(error.to_string(), format!("HTTP 404: {body}"));

        let error = client.get::<Workspace>(424242).await.unwrap_err();
        assert_eq!(error.http_status(), Some(404));
        let error = client
            .modify::<Workspace, _>(424242, |_| ())
            .await
            .unwrap_err();
        assert_eq!(error.http_status(), Some(404));
    });
}

/// A server that throttles the first `throttled` requests with `status`
/// and `Retry-After: retry_after`, then answers like Nexudus.
fn throttling(throttled: usize, status: StatusCode, retry_after: &'static str) -> Router {
    let seen = Arc::new(AtomicUsize::new(0));
    Router::new().route(
        Workspace::PATH,
        put(move || {
            let n = seen.fetch_add(1, Ordering::SeqCst);
            async move {
                if n < throttled {
                    let mut response = (status, "slow down").into_response();
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from_static(retry_after));
                    response
                } else {
                    SuccessResponse::updated::<Workspace>(1, "api", fixed_time()).into_response()
                }
            }
        }),
    )
}

fn record_with_id() -> Workspace {
    Workspace {
        id: Some(1),
        ..workspace("Design team")
    }
}

#[test]
fn throttled_requests_are_retried_after_retry_after() {
    run(async {
        // Once 429, then 200.
        let (app, requests) = counted(throttling(1, StatusCode::TOO_MANY_REQUESTS, "0"));
        let base = serve(app).await;
        let answer = client(&base).update(&record_with_id()).await.unwrap();
        assert_eq!(answer.id(), Some(1));
        assert_eq!(requests.load(Ordering::SeqCst), 2);

        // Twice 409 with Retry-After, then 200.
        let (app, requests) = counted(throttling(2, StatusCode::CONFLICT, "0"));
        let base = serve(app).await;
        client(&base).update(&record_with_id()).await.unwrap();
        assert_eq!(requests.load(Ordering::SeqCst), 3);
    });
}

#[test]
fn retries_are_bounded_and_their_wait_is_capped() {
    run(async {
        let (app, requests) = counted(throttling(usize::MAX, StatusCode::TOO_MANY_REQUESTS, "120"));
        let base = serve(app).await;
        let limited = client(&base)
            .max_retries(2)
            .max_retry_wait(Duration::from_millis(20));
        let started = Instant::now();
        let error = limited.update(&record_with_id()).await.unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(requests.load(Ordering::SeqCst), 3);
        match error {
            Error::Throttled {
                status,
                retry_after,
                attempts,
                body,
            } => {
                assert_eq!(status, 429);
                assert_eq!(retry_after, Some(Duration::from_secs(120)));
                assert_eq!(attempts, 3);
                assert_eq!(body, "slow down");
            }
            other => panic!("expected throttling, got {other:?}"),
        }

        // No retries at all.
        let (app, requests) = counted(throttling(usize::MAX, StatusCode::TOO_MANY_REQUESTS, "0"));
        let base = serve(app).await;
        let error = client(&base)
            .max_retries(0)
            .update(&record_with_id())
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Throttled { attempts: 1, .. }));
        assert_eq!(requests.load(Ordering::SeqCst), 1);

        // A 409 without Retry-After is a conflict, not throttling.
        let app = Router::new().route(
            Workspace::PATH,
            put(|| async { (StatusCode::CONFLICT, "conflict") }),
        );
        let (app, requests) = counted(app);
        let base = serve(app).await;
        let error = client(&base).update(&record_with_id()).await;
        assert!(matches!(
            error.unwrap_err(),
            Error::Status { status: 409, .. }
        ));
        assert_eq!(requests.load(Ordering::SeqCst), 1);
    });
}

#[test]
fn a_wrong_or_missing_content_type_is_a_nexudus_400() {
    run(async {
        let (app, _) = counted(mock::app(MemoryStore::new()));
        let base = serve(app).await;
        let url = format!("{base}{}", Workspace::PATH);
        let body = serde_json::to_vec(&workspace("Design team")).unwrap();
        for (content_type, message) in [
            (
                Some("text/plain"),
                "The request's Content-Type 'text/plain' is not supported; send the body as application/json.",
            ),
            (
                Some("application/x-www-form-urlencoded"),
                "The request's Content-Type 'application/x-www-form-urlencoded' is not supported; send the body as application/json.",
            ),
            (
                None,
                "The request has no Content-Type header; send the body as application/json.",
            ),
        ] {
            let mut request = http().post(&url).body(body.clone());
            if let Some(content_type) = content_type {
                request = request.header(header::CONTENT_TYPE, content_type);
            }
            let answer = request.send().await.unwrap();
            assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
            assert_eq!(answer.headers()[header::CONTENT_TYPE], "application/json");
            let read: ErrorResponse = answer.json().await.unwrap();
            assert!(!read.was_successful);
            assert_eq!(read.value, Value::Null);
            assert_eq!(read.errors.len(), 1);
            let failure = read.errors.first().unwrap();
            assert_eq!(failure.property_name(), "");
            assert_eq!(failure.message(), message);
            assert_eq!(failure.attempted_value(), &Value::Null);
        }

        // `application/json; charset=utf-8` and `+json` types are JSON.
        for content_type in [
            "application/json; charset=utf-8",
            "application/vnd.api+json",
        ] {
            let answer = http()
                .post(&url)
                .header(header::CONTENT_TYPE, content_type)
                .body(body.clone())
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), StatusCode::OK, "{content_type}");
        }
    });
}

#[test]
fn a_body_over_the_limit_is_a_413_in_the_nexudus_envelope() {
    run(async {
        let app = mock::app(MemoryStore::new()).layer(DefaultBodyLimit::max(1024));
        let base = serve(app).await;
        let mut record = workspace("Design team");
        record.description = Some("x".repeat(4096));
        let answer = http()
            .post(format!("{base}{}", Workspace::PATH))
            .json(&record)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(answer.headers()[header::CONTENT_TYPE], "application/json");
        let read: ErrorResponse = answer.json().await.unwrap();
        assert_eq!(
            read.message,
            "The request body is larger than the server accepts."
        );
        assert_eq!(read.errors.first().unwrap().property_name(), "");

        // Through the client it is a status error with that body.
        let error = client(&base).create(&record).await.unwrap_err();
        assert_eq!(error.http_status(), Some(413));
    });
}

#[test]
fn the_extractor_validates_for_the_method() {
    run(async {
        async fn echo(NexudusJson(workspace): NexudusJson<Workspace>) -> NexudusJson<Workspace> {
            NexudusJson(workspace)
        }
        let app = Router::new().route(Workspace::PATH, put(echo).post(echo));
        let base = serve(app).await;
        let url = format!("{base}{}", Workspace::PATH);
        let draft = json!({"BusinessId": 1, "AdministratorId": 2, "Name": "Design team"});

        // POST creates: no Id needed; the handler's answer is the record.
        let answer = http().post(&url).json(&draft).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(
            answer.json::<Workspace>().await.unwrap(),
            workspace("Design team")
        );

        // PUT updates: the Id is required.
        let answer = http().put(&url).json(&draft).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            answer.text().await.unwrap(),
            r#"{"Message":"Id: is a required field","Value":null,"Errors":[{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Id"}],"WasSuccessful":false}"#
        );

        // Not JSON at all.
        let answer = http()
            .put(&url)
            .header(header::CONTENT_TYPE, "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        let read: ErrorResponse = answer.json().await.unwrap();
        assert_eq!(
            read.errors,
            nexudus_validate::from_slice::<Workspace>(b"{not json").unwrap_err()
        );
    });
}

#[test]
fn validation_errors_and_success_responses_are_responses() {
    run(async {
        async fn reject() -> ValidationErrors {
            workspace(" ").validate().unwrap_err()
        }
        async fn accept() -> SuccessResponse {
            SuccessResponse::created::<Workspace>(5, "api", fixed_time())
        }
        let app = Router::new()
            .route("/reject", put(reject))
            .route("/accept", put(accept));
        let base = serve(app).await;
        let answer = http().put(format!("{base}/reject")).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        assert_eq!(answer.headers()[header::CONTENT_TYPE], "application/json");
        assert_eq!(
            answer.text().await.unwrap(),
            serde_json::to_string(&workspace(" ").validate().unwrap_err().to_response()).unwrap()
        );
        let answer = http().put(format!("{base}/accept")).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(
            answer.json::<SuccessResponse>().await.unwrap(),
            SuccessResponse::created::<Workspace>(5, "api", fixed_time())
        );
    });
}

#[test]
fn token_login_and_updated_by() {
    run(async {
        let store = MemoryStore::with_clock(fixed_time);
        store.set_credentials("someone+admin@example.com", "p@ss w&rd=");
        let base = serve(mock::app(store)).await;

        let client = Client::new(&base)
            .with_http_client(anonymous_http())
            .login("someone+admin@example.com", "p@ss w&rd=")
            .await
            .unwrap();
        let created = client.create(&workspace("Design team")).await.unwrap();
        assert_eq!(
            created.updated_by.as_deref(),
            Some("someone+admin@example.com")
        );

        let basic = Client::new(&base)
            .with_http_client(anonymous_http())
            .basic("someone+admin@example.com", "p@ss w&rd=");
        let created = basic.create(&workspace("Ops")).await.unwrap();
        assert_eq!(
            created.updated_by.as_deref(),
            Some("someone+admin@example.com")
        );

        // No credentials, other credentials, a token the mock did not
        // issue: 401 in the envelope, nothing stored.
        for stranger in [
            Client::new(&base),
            Client::new(&base).basic("someone+admin@example.com", "wrong"),
            Client::new(&base).bearer("not-issued-here"),
        ] {
            let error = stranger
                .with_http_client(anonymous_http())
                .create(&workspace("Ops"))
                .await
                .unwrap_err();
            assert_eq!(error.http_status(), Some(401), "{error:?}");
            assert!(error
                .to_string()
                .contains("Authorization has been denied for this request."));
        }

        // A refused login is a status error.
        for (user, password) in [("", "x"), ("someone+admin@example.com", "wrong")] {
            let error = Client::token(&base, user, password).await.unwrap_err();
            assert_eq!(error.http_status(), Some(400));
        }
    });
}

#[test]
fn a_server_that_is_not_there_is_a_transport_error() {
    run(async {
        // Bind, note the port, close: nothing listens there any more.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let error = client(&format!("http://{addr}"))
            .create(&workspace("Design team"))
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Transport(_)), "{error:?}");
        assert!(error.was_sent());
        assert!(std::error::Error::source(&error).is_some());
    });
}

#[test]
fn client_futures_can_be_spawned() {
    run(async {
        let store = MemoryStore::new();
        let id = store.insert(&workspace("Design team"));
        let base = serve(mock::app(store.clone())).await;
        let client = client(&base);
        let task = tokio::spawn(async move {
            let record = client.get::<Workspace>(id).await?;
            client.update(&record).await?;
            client
                .modify::<Workspace, _>(id, |w| w.name = Some("Renamed".into()))
                .await
        });
        let answer = task.await.unwrap().unwrap();
        assert_eq!(answer.id(), Some(id));
        assert_eq!(
            store.get::<Workspace>(id).unwrap().name.as_deref(),
            Some("Renamed")
        );
    });
}

#[test]
fn typed_lists_walk_every_page_and_delete_removes_a_record() {
    run(async {
        let store = MemoryStore::with_clock(fixed_time);
        let (app, requests) = counted(mock::app(store.clone()));
        let base = serve(app).await;
        let client = client(&base);
        let mut ids = Vec::new();
        for n in 0..5 {
            let created = client
                .create(&workspace(&format!("Team {n}")))
                .await
                .unwrap();
            ids.push(created.id().unwrap());
        }
        let names = |page: &Page<Workspace>| -> Vec<String> {
            page.records
                .iter()
                .map(|w| w.name.clone().unwrap_or_default())
                .collect()
        };

        // Pages of 2: two full pages, a short last one, then nothing.
        let first = client.list::<Workspace>(1, 2).await.unwrap();
        assert_eq!(names(&first), ["Team 0", "Team 1"]);
        assert_eq!(first.records[0].id, Some(ids[0]));
        assert_eq!(
            (
                first.current_page,
                first.page_size,
                first.total_items,
                first.total_pages
            ),
            (1, 2, 5, 3)
        );
        assert!(first.has_next_page && !first.has_previous_page);
        let last = client.list::<Workspace>(3, 2).await.unwrap();
        assert_eq!(names(&last), ["Team 4"]);
        assert_eq!((last.first_item, last.last_item), (5, 5));
        assert!(!last.has_next_page && last.has_previous_page);
        let past = client.list::<Workspace>(4, 2).await.unwrap();
        assert!(past.is_empty() && !past.has_next_page);
        assert_eq!((past.first_item, past.total_items), (0, 5));

        // The walk: three requests, one per page, then it ends.
        let before = requests.load(Ordering::SeqCst);
        let mut pages = client.pages::<Workspace>(2);
        let mut walked = Vec::new();
        while let Some(page) = pages.next().await {
            walked.extend(names(&page.unwrap()));
        }
        assert!(pages.next().await.is_none());
        assert_eq!(walked, ["Team 0", "Team 1", "Team 2", "Team 3", "Team 4"]);
        assert_eq!(requests.load(Ordering::SeqCst), before + 3);
        assert_eq!(client.list_all::<Workspace>(10).await.unwrap().len(), 5);

        // Delete: the 200 body, then the record is gone.
        let deleted = client.delete::<Workspace>(ids[1]).await.unwrap();
        assert_eq!(
            deleted,
            SuccessResponse::deleted::<Workspace>(ids[1], "admin@example.com", fixed_time())
        );
        assert_eq!(deleted.message, "Workspace was successfully deleted.");
        assert!(store.get::<Workspace>(ids[1]).is_none());
        for error in [
            client.get::<Workspace>(ids[1]).await.unwrap_err(),
            client.delete::<Workspace>(ids[1]).await.unwrap_err(),
        ] {
            assert_eq!(error.http_status(), Some(404), "{error:?}");
        }
        let all = client.list_all::<Workspace>(2).await.unwrap();
        let ids_left: Vec<_> = all.iter().map(|w| w.id.unwrap()).collect();
        assert_eq!(ids_left, [ids[0], ids[2], ids[3], ids[4]]);
    });
}
