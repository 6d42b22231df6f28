//! The enumerations the seed resources use. Nexudus sends them as integers.

use serde_repr::{Deserialize_repr, Serialize_repr};

/// How a [`Visitor`](super::Visitor) was registered (Nexudus's
/// `eVisitorSource`). Travels as an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize_repr, Deserialize_repr)]
#[repr(i64)]
pub enum VisitorSource {
    /// `1`: entered by an administrator of the space.
    Administrator = 1,
    /// `2`: registered through NexIO.
    NexIO = 2,
    /// `3`: registered by a customer (member) of the space.
    Customer = 3,
}

/// Where a [`Visitor`](super::Visitor)'s request for their host's approval
/// stands (Nexudus's `eVisitorHostApprovalStatus`). Travels as an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize_repr, Deserialize_repr)]
#[repr(i64)]
pub enum HostApprovalStatus {
    /// `1`: the visit does not need the host's approval.
    NotRequired = 1,
    /// `2`: the host has been asked and has not answered yet.
    Requested = 2,
    /// `3`: the host turned the visit down.
    Rejected = 3,
    /// `4`: the host accepted; access is on hold for now.
    AcceptedAndHold = 4,
    /// `5`: the host accepted and access is granted.
    AcceptedAndGrant = 5,
}

/// The language a [`User`](super::User) sees Nexudus in. Travels as an
/// integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize_repr, Deserialize_repr)]
#[repr(i64)]
pub enum Language {
    /// `1`: English (United States).
    EnglishUS = 1,
    /// `2`: Spanish.
    Spanish = 2,
    /// `3`: English (United Kingdom).
    EnglishUK = 3,
}

impl VisitorSource {
    /// Every value with its name, in order.
    pub const VALUES: &'static [(i64, &'static str)] =
        &[(1, "Administrator"), (2, "NexIO"), (3, "Customer")];
}

impl HostApprovalStatus {
    /// Every value with its name, in order.
    pub const VALUES: &'static [(i64, &'static str)] = &[
        (1, "NotRequired"),
        (2, "Requested"),
        (3, "Rejected"),
        (4, "AcceptedAndHold"),
        (5, "AcceptedAndGrant"),
    ];
}

impl Language {
    /// Every value with its name, in order.
    pub const VALUES: &'static [(i64, &'static str)] =
        &[(1, "EnglishUS"), (2, "Spanish"), (3, "EnglishUK")];
}
