//! `Visitor`: a guest expected at, or checked in to, a space.

use serde::{Deserialize, Serialize};

use super::{HostApprovalStatus, VisitorSource};
use crate::{NexudusDateTime, NexudusResource};

/// A visitor: someone expected at a space, usually as a member's guest or on
/// a tour.
///
/// Endpoint `/api/spaces/visitors`: `PUT` updates a record (with `Id`),
/// `POST` creates one (without). Needs the `Visitor-Edit` role or a full
/// administrator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(crate = "crate", name = "Visitor", path = "/api/spaces/visitors")]
pub struct Visitor {
    /// The record's Id; required to update it, absent when creating.
    #[required(update)]
    pub id: Option<i64>,
    /// The business (space) being visited.
    #[required]
    pub business_id: Option<i64>,
    /// The visitor's full name.
    #[required]
    pub full_name: Option<String>,
    /// The visitor's email address.
    #[required]
    #[email]
    pub email: Option<String>,
    /// When the visitor is expected to arrive.
    #[required]
    pub expected_arrival: Option<NexudusDateTime>,
    /// The member (coworker) the visitor comes to see.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub coworker_id: Option<i64>,
    /// How the visitor was registered.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub visitor_source: Option<VisitorSource>,
    /// Where the host's approval of the visit stands.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub host_approval_status: Option<HostApprovalStatus>,
    /// The location the visitor checked in at.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub checked_in_at: Option<String>,
    /// Notes about the visit, for the space's staff.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub notes: Option<String>,
    /// Notes written by the customer who registered the visitor.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub customer_notes: Option<String>,
    /// Why the visitor is coming.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub visit_reason: Option<String>,
    /// The company the visitor works for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub company_name: Option<String>,
    /// The visitor's phone number.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub phone_number: Option<String>,
    /// Whether the visitor has arrived.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub arrived: Option<bool>,
    /// When the visitor actually arrived.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub arrival_date: Option<NexudusDateTime>,
    /// When the visitor left.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub departure_date: Option<NexudusDateTime>,
    /// Whether the host has been told about the visitor.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub notified: Option<bool>,
    /// Whether the visit is internal to the space.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub internal: Option<bool>,
    /// Whether the visit is a tour of the space.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub is_tour: Option<bool>,
    /// Whether the visitor has accepted the space's terms.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub has_agreed_terms: Option<bool>,
    /// Whether the tour has been confirmed.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tour_confirmed: Option<bool>,
    /// Id of the access-control job scheduled for the visit.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub access_control_scheduled_job_id: Option<String>,
    /// Set to check the visitor in immediately.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub check_in_now: Option<bool>,
}
