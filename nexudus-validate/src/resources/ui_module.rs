//! `UiModule`: an extension module of the Nexudus interface.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::redacted;
use crate::NexudusResource;

/// A UI module: an external page plugged into the Nexudus interface, reached
/// at a URL and shown with an icon.
///
/// Endpoint `/api/sys/uimodules`: `PUT` updates a record (with `Id`), `POST`
/// creates one (without). Needs the `UiModule-Edit` role or a full
/// administrator.
///
/// `Debug` never prints [`shared_secret`](Self::shared_secret), only whether
/// it is set.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, NexudusResource)]
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
    /// The secret shared between Nexudus and the module. Secret: `Debug`
    /// hides it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub shared_secret: Option<String>,
}

impl fmt::Debug for UiModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UiModule")
            .field("id", &self.id)
            .field("business_id", &self.business_id)
            .field("name", &self.name)
            .field("access_url", &self.access_url)
            .field("icon", &self.icon)
            .field("active", &self.active)
            .field("shared_secret", &redacted(&self.shared_secret))
            .finish()
    }
}
