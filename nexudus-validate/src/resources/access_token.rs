//! `AccessToken`: a WiFi access code.

use serde::{Deserialize, Serialize};

use crate::{NexudusDateTime, NexudusResource};

/// A WiFi access token: a network code that grants a number of minutes of
/// access.
///
/// Endpoint `/api/spaces/accesstokens`: `PUT` updates a record (with `Id`),
/// `POST` creates one (without). Needs the `AccessToken-Edit` role or a full
/// administrator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(
    crate = "crate",
    name = "AccessToken",
    path = "/api/spaces/accesstokens"
)]
pub struct AccessToken {
    /// The record's Id; required to update it, absent when creating.
    #[required(update)]
    pub id: Option<i64>,
    /// The business (space) the token belongs to.
    #[required]
    pub business_id: Option<i64>,
    /// The network code a guest types to get on the WiFi; unique.
    #[required]
    pub access_code: Option<String>,
    /// How many minutes of WiFi the token grants in total.
    #[required]
    pub minutes_included: Option<i64>,
    /// Free text describing what the token is for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    /// The token cannot be used before this date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub valid_from: Option<NexudusDateTime>,
    /// The token stops working after this date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub valid_to: Option<NexudusDateTime>,
    /// How many users may use the token at the same time.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub user_limit: Option<i64>,
    /// MAC address of the device the token is tied to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mac_address: Option<String>,
    /// GUID of the booking the token was issued for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub booking_guid: Option<String>,
    /// GUID of the visitor the token was issued for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub visitor_guid: Option<String>,
}
