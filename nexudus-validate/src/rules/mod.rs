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
//! # Like the server
//!
//! The Nexudus backend is .NET and validates with NHibernate Validator's
//! attributes, so the rules count and match the way those do:
//!
//! - `#[length]` counts a string in UTF-16 code units, as .NET's
//!   `string.Length` ([`Length::Text`]: `"😀"` is 2), and answers a list
//!   with `Size`'s `size must be between {min} and {max}`
//!   ([`Code::Size`](crate::Code::Size));
//! - `#[email]` is `Email`'s regex as .NET reads it
//!   ([`is_well_formed_email`]);
//! - `#[not_empty]` is `NotNullNotEmpty`: `""` fails, `"    "` passes
//!   ([`IsEmpty`]); whitespace-only strings are `#[required]`'s to reject.
//!
//! Where they differ on purpose:
//!
//! - `#[pattern]` matches the whole string, as DataAnnotations'
//!   `RegularExpressionAttribute` does, where NHibernate's `Pattern` is an
//!   unanchored `Regex.IsMatch` (its `[0-9]` accepts `"a1"`);
//! - `#[range]` compares integers exactly, where NHibernate's `Range`
//!   converts both sides to `double` (so above 2^53 neighbours are equal
//!   there);
//! - `#[range(min, max)]` answers `must be greater than or equal to {min}`
//!   or `must be less than or equal to {max}` (the `Min` and `Max`
//!   messages), naming the bound crossed, rather than `Range`'s
//!   `must be between {Min} and {Max}`;
//! - `#[email]` lets a blank address pass: presence is `#[required]`'s
//!   job, which reports it once, as missing;
//! - `#[not_empty]` on a type with no emptiness (a number) fails only when
//!   missing, where `NotNullNotEmpty` fails every such value.
//!
//! # Your own types
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
mod each;
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
pub use each::Each;
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
