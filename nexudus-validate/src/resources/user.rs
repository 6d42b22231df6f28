//! `User`: a login to Nexudus.

use serde::{Deserialize, Serialize};

use super::Language;
use crate::{NexudusDateTime, NexudusResource, Secret};

/// A user: a login to Nexudus, with its credentials, roles and notification
/// settings.
///
/// Endpoint `/api/sys/users`: `PUT` updates a record (with `Id`), `POST`
/// creates one (without). Needs the `User-Edit` role or a full
/// administrator.
///
/// `Debug` never prints the secret fields ([`password`](Self::password),
/// [`new_password`](Self::new_password),
/// [`password_salt`](Self::password_salt),
/// [`two_factor_secret`](Self::two_factor_secret) and
/// [`access_token`](Self::access_token)), only whether they are set: they are [`Secret`]s.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(crate = "crate", name = "User", path = "/api/sys/users")]
pub struct User {
    /// The record's Id; required to update it, absent when creating.
    #[required(update)]
    pub id: Option<i64>,
    /// The user's full name.
    #[required]
    pub full_name: Option<String>,
    /// The user's email address.
    #[required]
    #[email]
    pub email: Option<String>,
    /// The language the user sees Nexudus in.
    #[required]
    pub language: Option<Language>,
    /// The salt the user's password is hashed with. A [`Secret`]: never shown in `Debug` or failures.
    #[required]
    pub password_salt: Option<Secret<String>>,
    /// The last help page the user visited.
    #[required]
    pub last_help_visited: Option<i64>,
    /// How many failed logins the user has had in a row.
    #[required]
    pub invalid_login_attempts: Option<i64>,
    /// The user's access token. A [`Secret`]: never shown in `Debug` or failures.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub access_token: Option<Secret<String>>,
    /// The user's preferred language (a language record's Id).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub preferred_language_id: Option<i64>,
    /// A password to replace the current one. A [`Secret`]: never shown in `Debug` or failures.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub new_password: Option<Secret<String>>,
    /// The user's password. A [`Secret`]: never shown in `Debug` or failures.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub password: Option<Secret<String>>,
    /// URL of an image to upload as the user's new avatar.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub new_avatar_url: Option<String>,
    /// Set to remove the user's current avatar.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub clear_avatar_file: Option<bool>,
    /// The application the user is linked to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub application_id: Option<i64>,
    /// Whether the user is active.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub active: Option<bool>,
    /// Whether the user is an administrator.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub is_admin: Option<bool>,
    /// Whether the user may call the API (JSON key `APIAccess`).
    #[serde(rename = "APIAccess", skip_serializing_if = "Option::is_none", default)]
    pub api_access: Option<bool>,
    /// Whether the user's account has been validated.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub validated: Option<bool>,
    /// Whether the user must choose a new password at the next login.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub must_reset_password: Option<bool>,
    /// When the user last accessed Nexudus.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_access: Option<NexudusDateTime>,
    /// The user's registered devices.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub devices: Option<String>,
    /// Notify the user of new emails.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_new_email: Option<bool>,
    /// Notify the user of help-desk messages.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_help_desk_msg: Option<bool>,
    /// Notify the user of new wall posts.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_new_wall_post: Option<bool>,
    /// Notify the user of new members.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_new_member: Option<bool>,
    /// Notify the user of profile changes.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_profile_changes: Option<bool>,
    /// Notify the user of new blog comments.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_new_blog_comment: Option<bool>,
    /// Notify the user of new event comments.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_new_event_comment: Option<bool>,
    /// Notify the user of tariff (plan) changes.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_tariff_change: Option<bool>,
    /// Notify the user of booking changes.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_booking_change: Option<bool>,
    /// Notify the user of changes to tentative bookings.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_tentative_booking_change: Option<bool>,
    /// Notify the user of purchases.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_purchases: Option<bool>,
    /// Notify the user of visitor registrations.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_visitor_registration: Option<bool>,
    /// Notify the user of Nexudus platform invoices. The JSON key is spelt
    /// `OnPlaformInvoices`, as Nexudus spells it.
    #[serde(
        rename = "OnPlaformInvoices",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub on_platform_invoices: Option<bool>,
    /// Whether the user receives the community digest.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub receive_community_digest: Option<bool>,
    /// Whether the user receives every community message.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub receive_every_message: Option<bool>,
    /// The secret of the user's two-factor authentication. A [`Secret`]: never shown in `Debug` or
    /// failures.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub two_factor_secret: Option<Secret<String>>,
    /// GUID used to confirm the user's email address.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub email_call_back_guid: Option<String>,
    /// Ids of the businesses the user belongs to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub businesses: Option<Vec<i64>>,
    /// Ids of businesses to add the user to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub added_businesses: Option<Vec<i64>>,
    /// Ids of businesses to remove the user from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub removed_businesses: Option<Vec<i64>>,
    /// Ids of the user's roles.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub user_roles: Option<Vec<i64>>,
    /// Ids of roles to give the user.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub added_user_roles: Option<Vec<i64>>,
    /// Ids of roles to take from the user.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub removed_user_roles: Option<Vec<i64>>,
    /// Ids of the chat rooms the user is in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub chat_rooms: Option<Vec<i64>>,
    /// Ids of chat rooms to add the user to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub added_chat_rooms: Option<Vec<i64>>,
    /// Ids of chat rooms to remove the user from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub removed_chat_rooms: Option<Vec<i64>>,
    /// When the user last received a community thread.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_received_community_thread_date: Option<NexudusDateTime>,
    /// When the user last received a community message.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_received_community_message_date: Option<NexudusDateTime>,
    /// When the next community digest is due.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub next_community_digest: Option<NexudusDateTime>,
    /// Email of the support-team user linked to this user.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[email]
    pub support_team_user_email: Option<String>,
    /// When the user last tried to log in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_login_attempt: Option<NexudusDateTime>,
    /// Notify the user of access-control errors.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_access_control_errors: Option<bool>,
    /// When the next help-desk message reminder is due.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub next_help_desk_message_reminder: Option<NexudusDateTime>,
    /// Notify the user when a member is removed from a team.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_member_removed_from_team: Option<bool>,
    /// Notify the user of virtual-office tariff changes.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_virtual_office_tariff_change: Option<bool>,
    /// Notify the user of changes to virtual-office delivery preferences.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_virtual_office_delivery_preference_update: Option<bool>,
    /// Notify the user of identity-check updates.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub on_identity_check_update: Option<bool>,
}
