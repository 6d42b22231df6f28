//! `#[nexudus(each(..))]`: rules on every element of a list.

use std::collections::{BTreeSet, VecDeque};

/// Collections whose elements `#[nexudus(each(..))]` checks, one by one,
/// named `List[2]`.
#[diagnostic::on_unimplemented(
    message = "#[nexudus(each(..))] needs a list, not `{Self}`",
    label = "not a list",
    note = "implement `nexudus_validate::rules::Each` for a collection of your own"
)]
pub trait Each {
    /// The element type.
    type Item;

    /// The elements, in order (none for an empty `Option`).
    fn elements(&self) -> impl Iterator<Item = &Self::Item>;
}

impl<T> Each for [T] {
    type Item = T;
    fn elements(&self) -> impl Iterator<Item = &T> {
        self.iter()
    }
}

impl<T> Each for Vec<T> {
    type Item = T;
    fn elements(&self) -> impl Iterator<Item = &T> {
        self.iter()
    }
}

impl<T> Each for VecDeque<T> {
    type Item = T;
    fn elements(&self) -> impl Iterator<Item = &T> {
        self.iter()
    }
}

impl<T> Each for BTreeSet<T> {
    type Item = T;
    fn elements(&self) -> impl Iterator<Item = &T> {
        self.iter()
    }
}

impl<C: Each> Each for Option<C> {
    type Item = C::Item;
    fn elements(&self) -> impl Iterator<Item = &C::Item> {
        self.iter().flat_map(Each::elements)
    }
}

impl<C: Each + ?Sized> Each for Box<C> {
    type Item = C::Item;
    fn elements(&self) -> impl Iterator<Item = &C::Item> {
        (**self).elements()
    }
}

impl<C: Each + ?Sized> Each for &C {
    type Item = C::Item;
    fn elements(&self) -> impl Iterator<Item = &C::Item> {
        (**self).elements()
    }
}
