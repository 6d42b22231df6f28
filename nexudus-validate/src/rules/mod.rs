//! The rules a field can carry, as public traits and pure functions.
//!
//! Each rule is a function `check(&value, args) -> Result<(), Violation>`
//! over a trait that says what the rule needs from a value:
//!
//! | rule | trait | the value gives |
//! |---|---|---|
//! | `#[required]`, `#[not_null]` | [`Required`] | present, missing or blank |
//! | `#[not_empty]` | [`IsEmpty`] | empty or not |
//! | `#[length]` | [`HasLength`] | a length in UTF-16 code units or elements |
//! | `#[range]` | [`Ranged`] | a [`Number`] |
//! | `#[email]`, `#[pattern]` | [`AsText`] | a string |
//! | `#[nested]` | [`Nested`] | the resources inside |
//!
//! Every trait is implemented for the standard types and forwarded through
//! `Option` (an empty `Option` has nothing to check, so it passes every rule
//! but `#[required]`, `#[not_null]` and `#[not_empty]`), `Box`, `Rc`, `Arc`,
//! `Cow`, `&T` and [`Secret`](crate::Secret). Implement a trait for a type of your own to use the rule
//! on it:
//!
//! ```
//! use nexudus_validate::rules::{Number, Ranged};
//! use nexudus_validate::{NexudusResource, Validate};
//!
//! /// An amount in cents.
//! struct Money(i64);
//!
//! impl Ranged for Money {
//!     fn number(&self) -> Option<Number> {
//!         self.0.number()
//!     }
//! }
//!
//! #[derive(NexudusResource)]
//! struct Charge {
//!     #[range(min = 0, max = 100000)]
//!     amount: Option<Money>,
//! }
//!
//! let errors = Charge { amount: Some(Money(-5)) }.validate().unwrap_err();
//! assert_eq!(errors.to_string(), "amount: must be greater than or equal to 0");
//! ```

mod custom;
mod email;
mod length;
mod nested;
mod not_empty;
mod pattern;
mod range;
mod required;
mod text;
mod violation;

pub use custom::custom;
pub use email::{email, is_well_formed_email};
pub use length::{length, HasLength, Length, UNBOUNDED};
pub use nested::Nested;
pub use not_empty::{not_empty, IsEmpty};
pub use pattern::{pattern, Pattern};
pub use range::{range, Bound, Number, Ranged};
pub use required::{not_null, required, Presence, Required};
pub use text::AsText;
pub use violation::Violation;

pub(crate) use required::is_blank;

/// Implements a rule trait for the smart pointers, `Cow` and `Secret` by
/// forwarding to the value inside: `forward!(Trait { fn method(&self) -> Out })`.
macro_rules! forward {
    ($trait:ident { fn $method:ident(&self) -> $out:ty }) => {
        impl<T: $trait + ?Sized> $trait for &T {
            #[inline]
            fn $method(&self) -> $out {
                (**self).$method()
            }
        }
        impl<T: $trait + ?Sized> $trait for Box<T> {
            #[inline]
            fn $method(&self) -> $out {
                (**self).$method()
            }
        }
        impl<T: $trait + ?Sized> $trait for std::rc::Rc<T> {
            #[inline]
            fn $method(&self) -> $out {
                (**self).$method()
            }
        }
        impl<T: $trait + ?Sized> $trait for std::sync::Arc<T> {
            #[inline]
            fn $method(&self) -> $out {
                (**self).$method()
            }
        }
        impl<T: $trait + ToOwned + ?Sized> $trait for std::borrow::Cow<'_, T> {
            #[inline]
            fn $method(&self) -> $out {
                (**self).$method()
            }
        }
        impl<T: $trait> $trait for crate::Secret<T> {
            #[inline]
            fn $method(&self) -> $out {
                self.expose().$method()
            }
        }
    };
}
pub(crate) use forward;
