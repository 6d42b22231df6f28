//! `Workspace`: a collaboration workspace.

use serde::{Deserialize, Serialize};

use crate::NexudusResource;

/// A collaboration workspace: a group of members working together, run by
/// an administrator.
///
/// Endpoint `/api/collaboration/workspaces`: `PUT` updates a record (with
/// `Id`), `POST` creates one (without). Needs the `Workspace-Edit` role or a
/// full administrator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(
    crate = "crate",
    name = "Workspace",
    path = "/api/collaboration/workspaces"
)]
pub struct Workspace {
    /// The record's Id; required to update it, absent when creating.
    #[required(update)]
    pub id: Option<i64>,
    /// The business (space) the workspace belongs to.
    #[required]
    pub business_id: Option<i64>,
    /// The user who administers the workspace.
    #[required]
    pub administrator_id: Option<i64>,
    /// The workspace's name.
    #[required]
    pub name: Option<String>,
    /// Whether the workspace is listed under "My spaces".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub visible_in_my_spaces: Option<bool>,
    /// Whether every user can see the workspace.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub visible_by_everyone: Option<bool>,
    /// Whether the workspace is archived, which hides it from active lists.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub archived: Option<bool>,
    /// Free text describing the workspace.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    /// Ids of the workspace's members.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub members: Option<Vec<i64>>,
    /// Ids of members to add to the workspace.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub added_members: Option<Vec<i64>>,
    /// Ids of members to remove from the workspace.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub removed_members: Option<Vec<i64>>,
}
