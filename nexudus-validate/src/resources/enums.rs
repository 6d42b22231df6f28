//! The enumerations the seed resources use. Nexudus sends them as
//! integers; like every enum of this crate they are open
//! ([`open_enum!`](crate::open_enum)): an integer the table does not list
//! reads as `Unlisted` and writes back unchanged.

crate::open_enum! {
    /// How a [`Visitor`](super::Visitor) was registered (Nexudus's
    /// `eVisitorSource`). Travels as an integer.
    pub enum VisitorSource {
        /// `1`: entered by an administrator of the space.
        Administrator = 1,
        /// `2`: registered through NexIO.
        NexIO = 2,
        /// `3`: registered by a customer (member) of the space.
        Customer = 3,
    }
}

crate::open_enum! {
    /// Where a [`Visitor`](super::Visitor)'s request for their host's
    /// approval stands (Nexudus's `eVisitorHostApprovalStatus`). Travels as
    /// an integer.
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
}

crate::open_enum! {
    /// The language a [`User`](super::User) sees Nexudus in. Travels as an
    /// integer.
    pub enum Language {
        /// `1`: English (United States).
        EnglishUS = 1,
        /// `2`: Spanish.
        Spanish = 2,
        /// `3`: English (United Kingdom).
        EnglishUK = 3,
    }
}
