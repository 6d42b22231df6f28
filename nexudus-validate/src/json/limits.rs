//! How much one validation may report, so that its answer stays small
//! whatever it is sent.

/// Caps on what one validation reports.
///
/// With the defaults, the 400 body for any request is at most about
/// 50 KiB, and checking an `n`-byte body takes at most `4n + 1 MiB` of
/// memory besides the value `from_slice` returns:
///
/// - at most [`max_failures`](Self::max_failures) failures (100) are
///   reported, and only while the `Errors` array stays under
///   [`max_errors_bytes`](Self::max_errors_bytes) (48 KiB) as JSON; a
///   final failure with an empty `PropertyName` says how many were left
///   out;
/// - a value sent longer than [`max_echo_bytes`](Self::max_echo_bytes)
///   (1 KiB as JSON) is not echoed: its `AttemptedValue` is `null` and its
///   message reads `The value is not valid for X.`;
/// - resources nested more than [`max_depth`](Self::max_depth) (32) levels
///   deep are not checked further (a failure says so).
///
/// ```
/// use nexudus_validate::{from_slice_with, Limits, Operation};
/// use nexudus_validate::resources::Workspace;
///
/// let limits = Limits { max_failures: 1, ..Limits::default() };
/// let errors = from_slice_with::<Workspace>(b"{}", Operation::Update, &limits).unwrap_err();
/// let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
/// assert_eq!(lines, ["Id: is a required field", "3 more failures were left out."]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// The most failures reported (besides the one saying how many were
    /// left out).
    pub max_failures: usize,
    /// The most bytes the reported failures take as JSON.
    pub max_errors_bytes: usize,
    /// The longest value, as JSON, that a failure echoes.
    pub max_echo_bytes: usize,
    /// The deepest nesting of resources that is checked.
    pub max_depth: usize,
}

impl Limits {
    /// The defaults: 100 failures, 48 KiB of them, 1 KiB echoes, 32 levels.
    pub const DEFAULT: Limits = Limits {
        max_failures: 100,
        max_errors_bytes: 48 * 1024,
        max_echo_bytes: 1024,
        max_depth: 32,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}
