//! `UiModule`: an extension module of the Nexudus interface.

use serde::{Deserialize, Serialize};

use crate::{NexudusResource, Secret};

/// A UI module: an external page plugged into the Nexudus interface, reached
/// at a URL and shown with an icon.
///
/// Endpoint `/api/sys/uimodules`: `PUT` updates a record (with `Id`), `POST`
/// creates one (without). Needs the `UiModule-Edit` role or a full
/// administrator.
///
/// `Debug` never prints [`shared_secret`](Self::shared_secret), only whether
/// it is set: it is a [`Secret`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(crate = "crate", name = "UiModule", path = "/api/sys/uimodules")]
pub struct UiModule {
    /// The record's Id; required to update it, absent when creating.
    #[required(update)]
    pub id: Option<i64>,
    /// The business (space) the module belongs to.
    #[required]
    pub business_id: Option<i64>,
    /// The module's name.
    #[required]
    pub name: Option<String>,
    /// The URL the module is reached at.
    #[required]
    pub access_url: Option<String>,
    /// The icon shown for the module.
    #[required]
    pub icon: Option<String>,
    /// Whether the module is currently active.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub active: Option<bool>,
    /// The secret shared between Nexudus and the module. A [`Secret`]: never shown in `Debug` or
    /// failures.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub shared_secret: Option<Secret<String>>,
}
