//! Open enums: Nexudus's integer enums, read whatever integer the server
//! sends.
//!
//! The server is .NET, where an enum is an `int` with names for some of
//! its values: it binds any integer into one, and a server that adds a
//! value tomorrow sends it to clients built today. A closed Rust enum
//! would refuse such a record (and with it a whole page of a list), and a
//! pre-flight built on one would refuse a request the server accepts. So
//! the enums of this crate are open: a listed value reads as its variant,
//! any other `i32` as `Unlisted`, and both write back the integer that was
//! read.

use std::fmt;

/// A value an [`open_enum!`](crate::open_enum) type does not list: the
/// integer exactly as it was read.
///
/// It holds only values outside the enum's table (a listed value always
/// reads as its named variant), so two values of an open enum are equal
/// exactly when their integers are. Make one with the enum's
/// `from_value` (or `From<i32>`); read it back with [`get`](Self::get).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnlistedValue(i32);

impl UnlistedValue {
    /// The integer.
    pub const fn get(self) -> i32 {
        self.0
    }

    /// Only for [`open_enum!`](crate::open_enum), after it has checked
    /// that `value` is not listed.
    #[doc(hidden)]
    pub const fn __new(value: i32) -> Self {
        Self(value)
    }
}

impl fmt::Debug for UnlistedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnlistedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Declares an open integer enum, as Nexudus's are: each listed value is a
/// variant, every other `i32` reads as `Unlisted(`[`UnlistedValue`]`)`,
/// and both travel as the integer (JSON number) they stand for.
///
/// A variant may give the name the API prints for it when that is not a
/// Rust identifier (`BluePay = 5 as "blue_pay"`). The enum gets
/// `Debug, Clone, Copy, PartialEq, Eq, Hash`, `Serialize` and
/// `Deserialize` (any `i32`; anything else is an error, which the raw-JSON
/// check reports as `The value 'x' is not valid for F.`), `From<i32>`,
/// `From<Enum> for i32`, and:
///
/// - `VALUES`: every listed `(value, name)`, in order;
/// - `from_value(i32)` and `value()`: to and from the integer;
/// - `name()`: the listed name, `None` for an unlisted value.
///
/// ```
/// use nexudus_validate::open_enum;
///
/// open_enum! {
///     /// A member's gender (Nexudus's `eGender`).
///     pub enum Gender {
///         /// `0`: not given.
///         None = 0,
///         NotSet = 1,
///         Male = 2,
///         Female = 3,
///         Other = 4,
///         RatherNotSay = 5 as "Rather not say",
///     }
/// }
///
/// let listed: Gender = serde_json::from_str("3").unwrap();
/// assert_eq!(listed, Gender::Female);
/// // A value the table does not list reads, and writes back unchanged.
/// let unlisted: Gender = serde_json::from_str("42").unwrap();
/// assert!(matches!(unlisted, Gender::Unlisted(v) if v.get() == 42));
/// assert_eq!(serde_json::to_string(&unlisted).unwrap(), "42");
/// assert_eq!(Gender::from(5).name(), Some("Rather not say"));
/// assert_eq!(Gender::from(42), unlisted);
/// assert!(serde_json::from_str::<Gender>("\"Female\"").is_err());
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $value:literal $(as $label:literal)?
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value the table does not list, kept as it was read.
            Unlisted($crate::UnlistedValue),
        }

        impl $name {
            /// Every listed value with its name, in order.
            pub const VALUES: &'static [(i64, &'static str)] = &[
                $( ($value, $crate::open_enum!(@label $variant $($label)?)) ),+
            ];

            /// The value `value` stands for: its variant, or `Unlisted`.
            pub const fn from_value(value: i32) -> Self {
                match value {
                    $( $value => Self::$variant, )+
                    other => Self::Unlisted($crate::UnlistedValue::__new(other)),
                }
            }

            /// The integer this value travels as.
            pub const fn value(self) -> i32 {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Unlisted(unlisted) => unlisted.get(),
                }
            }

            /// The name the API gives this value; `None` when it is not
            /// listed.
            pub const fn name(self) -> ::core::option::Option<&'static str> {
                match self {
                    $( Self::$variant => ::core::option::Option::Some(
                        $crate::open_enum!(@label $variant $($label)?)
                    ), )+
                    Self::Unlisted(_) => ::core::option::Option::None,
                }
            }
        }

        impl ::core::convert::From<i32> for $name {
            fn from(value: i32) -> Self {
                Self::from_value(value)
            }
        }

        impl ::core::convert::From<$name> for i32 {
            fn from(value: $name) -> i32 {
                value.value()
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_i32(self.value())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                <i32 as $crate::__private::serde::Deserialize<'de>>::deserialize(deserializer)
                    .map(Self::from_value)
            }
        }
    };
    (@label $variant:ident) => { ::core::stringify!($variant) };
    (@label $variant:ident $label:literal) => { $label };
}
