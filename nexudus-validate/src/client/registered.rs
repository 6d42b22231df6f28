//! The client for a resource of the registry, whose type a program does
//! not name: records as JSON values.

use serde_json::Value;

use super::{merge_known_fields, without_id, Client, Error, Pages, Target};
use crate::query::Query;
use crate::resources::registry::ResourceInfo;
use crate::{Operation, Page, SuccessResponse};

/// The calls of a [`Client`] for one resource of the
/// [`registry`](crate::resources::registry), found by name, plural or path
/// at run time ([`Client::registered`]): the same requests, limits,
/// redaction and errors as the typed calls, with records as
/// `serde_json::Value`s.
///
/// A record is checked with the resource's own raw-body check
/// ([`ResourceInfo::normalize`]) before it is sent, so an invalid one is
/// [`Error::Invalid`] and **never sent**; what is sent is the JSON the
/// resource's model serializes the record back to (keys the model does not
/// know are left out), as the typed calls send. A call the API does not
/// have for the resource ([`ResourceInfo::operations`]) is
/// [`Error::Unsupported`], and a query is checked against its filters
/// ([`Error::Query`]): nothing is sent.
///
/// ```no_run
/// use nexudus_validate::client::{Client, Error};
/// use nexudus_validate::resources::registry;
///
/// # async fn run() -> Result<(), Error> {
/// let client = Client::new("http://127.0.0.1:8080").bearer("token");
/// let workspaces = client.registered(registry::find("workspaces").unwrap());
/// let created = workspaces
///     .create(&serde_json::json!({"BusinessId": 1, "AdministratorId": 2, "Name": "Ops"}))
///     .await?;
/// let page = workspaces.list(1, 25).await?;
/// println!("{} workspaces, {:?} created", page.total_items, created.id());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Registered {
    client: Client,
    info: &'static ResourceInfo,
}

impl Client {
    /// The calls of this client for the registry's resource `info`, with
    /// records as JSON values (see [`Registered`]).
    pub fn registered(&self, info: &'static ResourceInfo) -> Registered {
        Registered {
            client: self.clone(),
            info,
        }
    }
}

impl Registered {
    /// The resource the calls are for.
    pub fn info(&self) -> &'static ResourceInfo {
        self.info
    }

    fn target(&self) -> Target {
        Target {
            name: self.info.name(),
            path: self.info.path(),
            fields: self.info.fields(),
            filters: self.info.filters(),
        }
    }

    /// `Ok` when the API has `operation` for the resource.
    fn supports(&self, operation: &'static str) -> Result<(), Error> {
        if self.info.operations().names().any(|name| name == operation) {
            Ok(())
        } else {
            Err(Error::Unsupported {
                resource: self.info.name(),
                operation,
            })
        }
    }

    /// `record` checked for `operation`, as the resource's model
    /// serializes it back (what is sent).
    fn prepare(&self, record: &Value, operation: Operation) -> Result<Value, Error> {
        let body = serde_json::to_vec(record).map_err(Error::Serialize)?;
        self.info
            .normalize(&body, operation)
            .map(|body| without_id(body, operation))
            .map_err(Error::Invalid)
    }

    /// Creates a record, as [`Client::create`]: checked for
    /// [`Operation::Create`] (nothing is sent if that fails), then `POST`ed.
    pub async fn create(&self, record: &Value) -> Result<SuccessResponse, Error> {
        self.supports("create")?;
        let body = self.prepare(record, Operation::Create)?;
        let method = reqwest::Method::POST;
        self.client.send_record(self.target(), method, &body).await
    }

    /// Updates a whole record, as [`Client::update`]: checked for
    /// [`Operation::Update`] (nothing is sent if that fails), then `PUT`.
    pub async fn update(&self, record: &Value) -> Result<SuccessResponse, Error> {
        self.supports("update")?;
        let body = self.prepare(record, Operation::Update)?;
        let method = reqwest::Method::PUT;
        self.client.send_record(self.target(), method, &body).await
    }

    /// Reads a record, as [`Client::get`]: `GET {path}/{id}`, as JSON.
    pub async fn get(&self, id: i64) -> Result<Value, Error> {
        self.supports("get")?;
        let (_, value) = self.client.get_value(self.target(), id).await?;
        Ok(value)
    }

    /// Reads one page of records, as [`Client::list`].
    pub async fn list(&self, page: u32, size: u32) -> Result<Page<Value>, Error> {
        self.search(&Query::new().page(page).size(size)).await
    }

    /// [`Client::search`]: the page of the records `query` asks for.
    pub async fn search(&self, query: &Query) -> Result<Page<Value>, Error> {
        self.supports("list")?;
        self.client.list_page(self.target(), query).await
    }

    /// Walks the pages of the list, as [`Client::pages`] (bounded by
    /// [`Pages::max_pages`]).
    pub fn pages(&self, size: u32) -> Pages<Value> {
        self.search_pages(Query::new().size(size))
    }

    /// [`Client::search_pages`]: the pages of the records `query` asks
    /// for (when the API does not list the resource, the first page is
    /// [`Error::Unsupported`]).
    pub fn search_pages(&self, query: Query) -> Pages<Value> {
        let pages = Pages::new(self.client.clone(), self.target(), query);
        match self.supports("list") {
            Ok(()) => pages,
            Err(error) => pages.failing(error),
        }
    }

    /// Every record, as [`Client::list_all`].
    pub async fn list_all(&self, size: u32) -> Result<Vec<Value>, Error> {
        self.pages(size).records().await
    }

    /// Deletes a record, as [`Client::delete`].
    pub async fn delete(&self, id: i64) -> Result<SuccessResponse, Error> {
        self.supports("delete")?;
        self.client.delete_at(self.target(), id).await
    }

    /// Changes a record safely, as [`Client::modify`]: reads it, applies
    /// `change` to its JSON, checks the result for [`Operation::Update`]
    /// and sends the whole record back (keys the model does not know as
    /// they were read).
    pub async fn modify<F>(&self, id: i64, change: F) -> Result<SuccessResponse, Error>
    where
        F: FnOnce(&mut Value),
    {
        self.supports("get")?;
        self.supports("update")?;
        let target = self.target();
        let (_, read) = self.client.get_value(target, id).await?;
        let mut record = read.clone();
        change(&mut record);
        let changed = self.prepare(&record, Operation::Update)?;
        let body = merge_known_fields(target.fields, read, changed);
        let method = reqwest::Method::PUT;
        self.client.send_record(target, method, &body).await
    }
}
