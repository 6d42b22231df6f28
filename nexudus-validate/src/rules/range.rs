//! `#[range(min, max)]`: numbers within bounds.

use std::cmp::Ordering;

use super::Violation;
use crate::Code;

/// A number as `#[range]` compares it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Number {
    /// An integer, compared exactly.
    Int(i128),
    /// A floating-point number (`NaN` is outside every range).
    Float(f64),
    /// A decimal number (feature `rust_decimal`), compared exactly.
    #[cfg(feature = "rust_decimal")]
    Decimal(rust_decimal::Decimal),
}

impl Number {
    /// `self` against the bound `bound`; `None` when either is `NaN`.
    fn compare(self, bound: &Bound) -> Option<Ordering> {
        match (self, bound.value) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(&b)),
            (Number::Int(a), Number::Float(b)) => (a as f64).partial_cmp(&b),
            (Number::Float(a), Number::Int(b)) => a.partial_cmp(&(b as f64)),
            (Number::Float(a), Number::Float(b)) => a.partial_cmp(&b),
            #[cfg(feature = "rust_decimal")]
            (Number::Decimal(a), _) => decimal::compare(a, bound),
            #[cfg(feature = "rust_decimal")]
            (_, Number::Decimal(_)) => None,
        }
    }
}

#[cfg(feature = "rust_decimal")]
mod decimal {
    use std::cmp::Ordering;
    use std::str::FromStr;

    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal::Decimal;

    use super::{Bound, Number, Ranged};

    /// A decimal against a bound: exactly, reading the bound as written
    /// (`0.1` is one tenth, not the nearest `f64`).
    pub(super) fn compare(value: Decimal, bound: &Bound) -> Option<Ordering> {
        let exact = match bound.value {
            Number::Int(int) => Decimal::try_from_i128_with_scale(int, 0).ok(),
            _ => Decimal::from_str(bound.text)
                .or_else(|_| Decimal::from_scientific(bound.text))
                .ok(),
        };
        match (exact, bound.value) {
            (Some(bound), _) => Some(value.cmp(&bound)),
            (None, Number::Float(float)) => value.to_f64()?.partial_cmp(&float),
            // An integer bound beyond a decimal's 96 bits is beyond every decimal.
            (None, Number::Int(int)) => Some(if int > 0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }),
            (None, Number::Decimal(_)) => None,
        }
    }

    impl Ranged for Decimal {
        #[inline]
        fn number(&self) -> Option<Number> {
            Some(Number::Decimal(*self))
        }
    }
}

/// A `#[range]` bound: its value and the literal as written, for the
/// message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    value: Number,
    text: &'static str,
}

impl Bound {
    /// An integer bound.
    pub const fn int(value: i128, text: &'static str) -> Self {
        Self {
            value: Number::Int(value),
            text,
        }
    }

    /// A floating-point bound.
    pub const fn float(value: f64, text: &'static str) -> Self {
        Self {
            value: Number::Float(value),
            text,
        }
    }

    /// The bound's value.
    pub const fn value(&self) -> Number {
        self.value
    }

    /// The literal as written, e.g. `"1.5"`.
    pub const fn text(&self) -> &'static str {
        self.text
    }
}

/// Numbers `#[range]` can compare.
#[diagnostic::on_unimplemented(
    message = "#[range] needs a number, not `{Self}`",
    label = "not a number",
    note = "implement `nexudus_validate::rules::Ranged` for a number type of your own"
)]
pub trait Ranged {
    /// The number, or `None` when there is nothing to compare (an empty
    /// `Option`).
    fn number(&self) -> Option<Number>;
}

/// `#[range(min, max)]`: `must be greater than or equal to {min}` /
/// `must be less than or equal to {max}`.
#[inline]
pub fn range<T: Ranged + ?Sized>(
    value: &T,
    min: Option<&Bound>,
    max: Option<&Bound>,
) -> Result<(), Violation> {
    let Some(number) = value.number() else {
        return Ok(());
    };
    if let Some(min) = min {
        if !matches!(
            number.compare(min),
            Some(Ordering::Greater | Ordering::Equal)
        ) {
            return Err(out_of_range("greater", min));
        }
    }
    if let Some(max) = max {
        if !matches!(number.compare(max), Some(Ordering::Less | Ordering::Equal)) {
            return Err(out_of_range("less", max));
        }
    }
    Ok(())
}

#[cold]
fn out_of_range(side: &str, bound: &Bound) -> Violation {
    Violation::new(
        Code::Range,
        format!("must be {side} than or equal to {}", bound.text),
    )
}

macro_rules! ranged_int {
    ($($t:ty)*) => {$(
        impl Ranged for $t {
            #[inline]
            fn number(&self) -> Option<Number> {
                Some(Number::Int(i128::from(*self)))
            }
        }
    )*};
}
ranged_int!(i8 i16 i32 i64 i128 u8 u16 u32 u64);

impl Ranged for isize {
    #[inline]
    fn number(&self) -> Option<Number> {
        // isize is at most 64 bits wide on every Rust target.
        Some(Number::Int(*self as i128))
    }
}

impl Ranged for usize {
    #[inline]
    fn number(&self) -> Option<Number> {
        Some(Number::Int(*self as i128))
    }
}

impl Ranged for u128 {
    #[inline]
    fn number(&self) -> Option<Number> {
        Some(match i128::try_from(*self) {
            Ok(value) => Number::Int(value),
            // Above i128::MAX: above any integer bound.
            Err(_) => Number::Float(*self as f64),
        })
    }
}

impl Ranged for f32 {
    #[inline]
    fn number(&self) -> Option<Number> {
        Some(Number::Float(f64::from(*self)))
    }
}

impl Ranged for f64 {
    #[inline]
    fn number(&self) -> Option<Number> {
        Some(Number::Float(*self))
    }
}

impl<T: Ranged> Ranged for Option<T> {
    #[inline]
    fn number(&self) -> Option<Number> {
        self.as_ref().and_then(Ranged::number)
    }
}

macro_rules! forward_ranged {
    ($($wrapper:ty),*) => {$(
        impl<T: Ranged + ?Sized> Ranged for $wrapper {
            #[inline]
            fn number(&self) -> Option<Number> {
                (**self).number()
            }
        }
    )*};
}
forward_ranged!(&T, Box<T>, std::rc::Rc<T>, std::sync::Arc<T>);

impl<T: Ranged> Ranged for crate::Secret<T> {
    #[inline]
    fn number(&self) -> Option<Number> {
        self.expose().number()
    }
}

impl<T: Ranged + ToOwned + ?Sized> Ranged for std::borrow::Cow<'_, T> {
    #[inline]
    fn number(&self) -> Option<Number> {
        (**self).number()
    }
}
