//! Locking a mutex that guards plain data (the mock's records and tokens,
//! a client's session).

use std::sync::{Mutex, MutexGuard};

/// The guard of `mutex`, also after a panic elsewhere while it was held:
/// the data is plain (no invariant spans two writes), so it stays usable.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
