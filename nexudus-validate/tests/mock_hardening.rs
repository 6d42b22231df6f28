//! The mock Nexudus server under misuse, on loopback: secrets are
//! write-only, `Id`s never collide or wrap, and every answer, also to an
//! unknown route, a wrong method or oversized headers, is in the Nexudus
//! envelope.

use axum::http::{header, StatusCode};
use axum::routing::post;
use axum::Router;
use nexudus_validate::axum::mock::{self, MemoryStore};
use nexudus_validate::axum::NexudusJson;
use nexudus_validate::resources::{UiModule, User, Workspace};
use nexudus_validate::{ErrorResponse, NexudusResource};
use serde_json::{json, Value};

mod support;
use support::{http, run, serve};

const SECRETS: [&str; 6] = [
    "pw-HUNTER2",
    "new-pw-HUNTER3",
    "salt-c2FsdA",
    "token-abc123",
    "2fa-JBSWY3DP",
    "shared-s3cr3t",
];

fn user_with_secrets() -> User {
    serde_json::from_value(json!({
        "FullName": "Grace Hopper", "Email": "grace@example.com", "Language": 3,
        "PasswordSalt": SECRETS[2], "LastHelpVisited": 0, "InvalidLoginAttempts": 0,
        "Password": SECRETS[0], "NewPassword": SECRETS[1], "AccessToken": SECRETS[3],
        "TwoFactorSecret": SECRETS[4]
    }))
    .unwrap()
}

fn ui_module_with_secret() -> UiModule {
    serde_json::from_value(json!({
        "BusinessId": 1, "Name": "Room planner", "AccessUrl": "https://planner.example.com",
        "Icon": "calendar", "SharedSecret": SECRETS[5]
    }))
    .unwrap()
}

/// The body of `GET path/id`, checked to hold no secret.
async fn get_clean(base: &str, path: &str, id: i64) -> Value {
    let answer = http()
        .get(format!("{base}{path}/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    let text = answer.text().await.unwrap();
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} served: {text}");
    }
    serde_json::from_str(&text).unwrap()
}

#[test]
fn get_never_serves_sensitive_values() {
    run(async {
        let store = MemoryStore::new();
        let base = serve(mock::app(store.clone())).await;

        // Stored directly...
        let user = store.insert(&user_with_secrets());
        let module = store.insert(&ui_module_with_secret());
        let read = get_clean(&base, User::PATH, user).await;
        assert_eq!(read["FullName"], "Grace Hopper");
        for key in [
            "Password",
            "NewPassword",
            "PasswordSalt",
            "AccessToken",
            "TwoFactorSecret",
        ] {
            assert!(read.get(key).is_none_or(Value::is_null), "{key}: {read}");
        }
        let read = get_clean(&base, UiModule::PATH, module).await;
        assert_eq!(read["Name"], "Room planner");
        assert!(read.get("SharedSecret").is_none_or(Value::is_null));

        // ...or created over HTTP.
        let created: Value = http()
            .post(format!("{base}{}", User::PATH))
            .json(&user_with_secrets())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = created["Value"]["Id"].as_i64().unwrap();
        get_clean(&base, User::PATH, id).await;

        // Write-only, not lost: the store keeps them, and an update that
        // leaves them out (as a client that read the record must) keeps
        // them too.
        assert_eq!(
            store
                .get::<User>(id)
                .unwrap()
                .password
                .as_ref()
                .map(|s| s.expose().as_str()),
            Some(SECRETS[0])
        );
        let mut read: Value = get_clean(&base, User::PATH, id).await;
        read["FullName"] = json!("Grace B. Hopper");
        read["PasswordSalt"] = json!("new-salt");
        let answer = http()
            .put(format!("{base}{}", User::PATH))
            .json(&read)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        let stored = store.get::<User>(id).unwrap();
        assert_eq!(stored.full_name.as_deref(), Some("Grace B. Hopper"));
        assert_eq!(
            stored.password_salt.as_ref().map(|s| s.expose().as_str()),
            Some("new-salt")
        );
        assert_eq!(
            stored.password.as_ref().map(|s| s.expose().as_str()),
            Some(SECRETS[0])
        );
        assert_eq!(
            stored
                .two_factor_secret
                .as_ref()
                .map(|s| s.expose().as_str()),
            Some(SECRETS[4])
        );
    });
}

fn workspace(id: Option<i64>, name: &str) -> Workspace {
    Workspace {
        id,
        business_id: Some(1),
        administrator_id: Some(2),
        name: Some(name.to_owned()),
        ..Workspace::default()
    }
}

/// The status and JSON body of the answer to `request`.
async fn answer(request: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let answer = request.send().await.unwrap();
    let status = answer.status();
    (status, answer.json().await.unwrap())
}

async fn create(base: &str, name: &str) -> (StatusCode, Value) {
    let url = format!("{base}{}", Workspace::PATH);
    answer(http().post(url).json(&workspace(None, name))).await
}

#[test]
fn ids_never_collide_or_wrap() {
    run(async {
        // The largest Id is taken: no create may overwrite it.
        let store = MemoryStore::new();
        assert_eq!(store.insert(&workspace(Some(i64::MAX), "Top")), i64::MAX);
        let base = serve(mock::app(store.clone())).await;
        let (status, body) = create(&base, "Second").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
        assert_eq!(body["WasSuccessful"], false);
        assert!(body["Message"].as_str().unwrap().contains("Id"), "{body}");
        assert_eq!(store.len::<Workspace>(), 1);
        assert_eq!(
            store.get::<Workspace>(i64::MAX).unwrap().name.as_deref(),
            Some("Top")
        );
        assert!(store.try_insert(&workspace(None, "Third")).is_err());

        // The last Id is given once, then never again, and nothing wraps.
        let store = MemoryStore::new();
        store.insert(&workspace(Some(i64::MAX - 1), "Almost"));
        let base = serve(mock::app(store.clone())).await;
        let (status, body) = create(&base, "Last").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["Value"]["Id"], i64::MAX);
        let (status, _) = create(&base, "Too many").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(store.len::<Workspace>(), 2);
        assert!(store.get::<Workspace>(i64::MIN).is_none());
        assert_eq!(
            store.get::<Workspace>(i64::MAX).unwrap().name.as_deref(),
            Some("Last")
        );

        // Inserting below the counter never moves it back.
        let store = MemoryStore::new();
        let a = store.insert(&workspace(None, "A"));
        store.insert(&workspace(Some(a + 10), "B"));
        store.insert(&workspace(Some(a + 5), "C"));
        let d = store.insert(&workspace(None, "D"));
        assert_eq!(d, a + 11);
        assert_eq!(store.len::<Workspace>(), 4);
    });
}

#[test]
fn concurrent_creates_get_distinct_ids() {
    run(async {
        let store = MemoryStore::new();
        let base = serve(mock::app(store.clone())).await;
        let mut tasks = Vec::new();
        for i in 0..100 {
            let base = base.clone();
            tasks.push(tokio::spawn(async move {
                create(&base, &format!("W{i}")).await
            }));
        }
        let mut ids = Vec::new();
        for task in tasks {
            let (status, body) = task.await.unwrap();
            assert_eq!(status, StatusCode::OK);
            ids.push(body["Value"]["Id"].as_i64().unwrap());
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 100);
        assert_eq!(store.len::<Workspace>(), 100);
    });
}

/// An answer that must be the Nexudus envelope with `status`; its body.
async fn envelope(answer: reqwest::Response, status: StatusCode) -> ErrorResponse {
    assert_eq!(answer.status(), status);
    assert_eq!(
        answer.headers().get(header::CONTENT_TYPE).unwrap(),
        "application/json"
    );
    let text = answer.text().await.unwrap();
    // The keys of ErrorResponse, in its order.
    let at = |key: &str| text.find(&format!("\"{key}\":")).expect(key);
    assert_eq!(at("Message"), 1, "{text}");
    assert!(
        at("Message") < at("Value") && at("Value") < at("Errors"),
        "{text}"
    );
    assert!(at("Errors") < at("WasSuccessful"), "{text}");
    let body: ErrorResponse = serde_json::from_str(&text).unwrap();
    assert!(!body.was_successful);
    assert!(!body.message.is_empty());
    body
}

#[test]
fn unknown_routes_and_wrong_methods_answer_in_the_envelope() {
    run(async {
        let base = serve(mock::app(MemoryStore::new())).await;
        let body = envelope(
            http()
                .get(format!("{base}/api/nothing/here"))
                .send()
                .await
                .unwrap(),
            StatusCode::NOT_FOUND,
        )
        .await;
        assert!(
            body.message.contains("/api/nothing/here"),
            "{}",
            body.message
        );

        // A very long path is quoted only in part.
        let long = "x".repeat(20_000);
        let body = envelope(
            http().get(format!("{base}/{long}")).send().await.unwrap(),
            StatusCode::NOT_FOUND,
        )
        .await;
        assert!(body.message.len() < 300, "{}", body.message.len());

        for (method, path) in [
            (reqwest::Method::DELETE, Workspace::PATH.to_owned()),
            (reqwest::Method::PATCH, Workspace::PATH.to_owned()),
            (reqwest::Method::PATCH, format!("{}/1", Workspace::PATH)),
            (reqwest::Method::POST, format!("{}/1", Workspace::PATH)),
            (reqwest::Method::GET, "/api/token".to_owned()),
        ] {
            let answer = http()
                .request(method.clone(), format!("{base}{path}"))
                .send()
                .await
                .unwrap();
            assert!(
                answer.headers().contains_key(header::ALLOW),
                "{method} {path}"
            );
            envelope(answer, StatusCode::METHOD_NOT_ALLOWED).await;
        }
    });
}

#[test]
fn oversized_headers_answer_431_in_the_envelope() {
    run(async {
        let base = serve(mock::app(MemoryStore::new())).await;
        let huge = "x".repeat(64 << 10);
        let answer = http()
            .post(format!("{base}{}", Workspace::PATH))
            .header(header::CONTENT_TYPE, format!("application/{huge}"))
            .body("{}")
            .send()
            .await
            .unwrap();
        let body = envelope(answer, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE).await;
        assert!(body.message.len() < 300, "{}", body.message.len());

        // Many headers, each small.
        let mut request = http().get(format!("{base}{}/1", Workspace::PATH));
        for i in 0..60 {
            request = request.header(format!("x-filler-{i}"), "y".repeat(400));
        }
        let answer = request.send().await.unwrap();
        envelope(answer, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE).await;

        // Headers of an ordinary size are fine.
        let answer = http()
            .get(format!("{base}{}/1", Workspace::PATH))
            .header("x-filler", "y".repeat(4000))
            .send()
            .await
            .unwrap();
        envelope(answer, StatusCode::NOT_FOUND).await;
    });
}

#[test]
fn a_huge_content_type_is_echoed_as_a_short_prefix() {
    run(async {
        async fn echo(NexudusJson(w): NexudusJson<Workspace>) -> NexudusJson<Workspace> {
            NexudusJson(w)
        }
        // The extractor alone (no header limit in front of it) and the mock.
        let alone = serve(Router::new().route(Workspace::PATH, post(echo))).await;
        let mock = serve(mock::app(MemoryStore::new())).await;
        for (base, len) in [(&alone, 64 << 10), (&mock, 8 << 10)] {
            let content_type = format!("text/{}", "x".repeat(len));
            let answer = http()
                .post(format!("{base}{}", Workspace::PATH))
                .header(header::CONTENT_TYPE, &content_type)
                .body("{}")
                .send()
                .await
                .unwrap();
            let text_len = answer.content_length();
            let body = envelope(answer, StatusCode::BAD_REQUEST).await;
            let failure = body.errors.first().unwrap();
            assert!(failure.message().len() < 200, "{}", failure.message());
            assert!(failure
                .message()
                .starts_with("The request's Content-Type 'text/xxx"));
            assert!(text_len.unwrap_or(0) < 1024, "{text_len:?}");
        }
    });
}

#[test]
fn lists_never_serve_sensitive_values() {
    run(async {
        let store = MemoryStore::new();
        let base = serve(mock::app(store.clone())).await;
        for _ in 0..3 {
            store.insert(&user_with_secrets());
        }
        store.insert(&ui_module_with_secret());
        for path in [User::PATH, UiModule::PATH] {
            let answer = http()
                .get(format!("{base}{path}?page=1&size=10"))
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), StatusCode::OK);
            let text = answer.text().await.unwrap();
            for secret in SECRETS {
                assert!(!text.contains(secret), "{secret} served: {text}");
            }
            let page: Value = serde_json::from_str(&text).unwrap();
            assert!(!page["Records"].as_array().unwrap().is_empty(), "{text}");
        }
        // Still stored.
        assert_eq!(store.len::<User>(), 3);
    });
}

/// `GET Workspace::PATH?query` of the mock: the status and the body.
async fn list(base: &str, query: &str) -> (StatusCode, Value) {
    answer(http().get(format!("{base}{}?{query}", Workspace::PATH))).await
}

#[test]
fn list_parameters_are_checked_and_the_page_size_is_capped() {
    run(async {
        let store = MemoryStore::new();
        for n in 0..30 {
            store.insert(&workspace(None, &format!("Team {n}")));
        }
        let base = serve(mock::app(store)).await;

        // Defaults: page 1 of 25; names ignore case; the last one given wins.
        let (status, page) = list(&base, "").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["Records"].as_array().unwrap().len(), 25);
        assert_eq!(
            (
                &page["CurrentPage"],
                &page["CurrentPageSize"],
                &page["TotalPages"]
            ),
            (&json!(1), &json!(mock::DEFAULT_PAGE_SIZE), &json!(2))
        );
        let (_, page) = list(&base, "PAGE=9&Size=4&page=2").await;
        assert_eq!(
            (&page["CurrentPage"], &page["CurrentPageSize"]),
            (&json!(2), &json!(4))
        );
        assert_eq!(page["Records"][0]["Name"], "Team 4");
        assert_eq!(
            (&page["FirstItem"], &page["LastItem"]),
            (&json!(5), &json!(8))
        );

        // A size over the maximum is served as the maximum.
        let (status, page) = list(&base, "size=4294967295").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["CurrentPageSize"], mock::MAX_PAGE_SIZE);
        assert_eq!(page["Records"].as_array().unwrap().len(), 30);
        // A page far past the end is empty.
        let (_, page) = list(&base, "page=4294967295&size=1000").await;
        assert_eq!(page["Records"], json!([]));
        assert_eq!(
            (&page["TotalItems"], &page["HasNextPage"]),
            (&json!(30), &json!(false))
        );

        // Not whole numbers from 1: a 400 in the envelope, every one named.
        for (query, expected) in [
            ("page=0", vec!["page: The value '0' is not valid for page."]),
            (
                "page=-1&size=x",
                vec![
                    "page: The value '-1' is not valid for page.",
                    "size: The value 'x' is not valid for size.",
                ],
            ),
            ("size=0", vec!["size: The value '0' is not valid for size."]),
            (
                "size=1.5",
                vec!["size: The value '1.5' is not valid for size."],
            ),
            (
                "page=%F0%9F%A6%80",
                vec!["page: The value '🦀' is not valid for page."],
            ),
        ] {
            let (status, body) = list(&base, query).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
            let body: ErrorResponse = serde_json::from_value(body).unwrap();
            let lines: Vec<String> = body.errors.iter().map(ToString::to_string).collect();
            assert_eq!(lines, expected, "{query}");
            assert!(!body.was_successful);
        }
        // What was sent is quoted in part only.
        let long = "9".repeat(5000);
        let (status, body) = list(&base, &format!("page={long}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.to_string().len() < 400, "{body}");
    });
}

#[test]
fn delete_removes_a_record_and_answers_404_in_the_envelope_otherwise() {
    run(async {
        let store = MemoryStore::new();
        let id = store.insert(&workspace(None, "Design team"));
        let base = serve(mock::app(store.clone())).await;
        let delete = |path: String| {
            let base = base.clone();
            async move {
                http()
                    .delete(format!("{base}{path}"))
                    .basic_auth("admin@example.com", Some("secret"))
                    .send()
                    .await
                    .unwrap()
            }
        };
        let answer = delete(format!("{}/{id}", Workspace::PATH)).await;
        assert_eq!(answer.status(), StatusCode::OK);
        let body: Value = answer.json().await.unwrap();
        assert_eq!(body["Message"], "Workspace was successfully deleted.");
        assert_eq!(body["UpdatedBy"], "admin@example.com");
        assert_eq!(body["Value"], json!({"Id": id}));
        assert!(store.is_empty::<Workspace>());

        for (path, message) in [
            (
                format!("{}/{id}", Workspace::PATH),
                format!("Workspace {id} was not found."),
            ),
            (
                format!("{}/abc", Workspace::PATH),
                "Workspace abc was not found.".to_owned(),
            ),
        ] {
            let body = envelope(delete(path).await, StatusCode::NOT_FOUND).await;
            assert_eq!(body.message, message);
        }
        // A new record never takes a deleted one's Id.
        let next = store.insert(&workspace(None, "Ops"));
        assert!(next > id);
    });
}

/// A server's own model at the `Workspace` path: `Floor` is required.
#[derive(serde::Serialize, serde::Deserialize, nexudus_validate::NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
struct StrictWorkspace {
    #[required(update)]
    id: Option<i64>,
    #[required]
    name: Option<String>,
    #[required]
    floor: Option<i64>,
}

nexudus_validate::operations!(StrictWorkspace: list, get, create, update, delete);

#[test]
fn a_type_of_ones_own_takes_the_place_of_the_registrys() {
    run(async {
        let app = mock::MockNexudus::new(MemoryStore::new())
            .resource::<StrictWorkspace>()
            .all_resources()
            .into_router();
        let base = serve(app).await;
        // The registry's Workspace would want BusinessId and
        // AdministratorId; this one wants Floor.
        let answer = http()
            .post(format!("{base}{}", Workspace::PATH))
            .json(&json!({"Name": "Design team"}))
            .send()
            .await
            .unwrap();
        let body = envelope(answer, StatusCode::BAD_REQUEST).await;
        assert_eq!(body.message, "Floor: is a required field");
        // The other resources are still served.
        let answer = http()
            .get(format!("{base}{}?page=1", User::PATH))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
    });
}
