//! A value read from a file, with its place (line and column) or without. Keeping every value's
//! place costs the parser about as much again as the values themselves, and a place is only ever
//! said of a problem: a file is read once without places, and only a file with problems is read
//! a second time with them, to say where each one is.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use super::problem::{Position, position};

/// A value, and where it was written when that was kept.
pub(crate) trait Placed<T> {
    fn value(&self) -> &T;
    fn into_value(self) -> T;
    fn at(&self) -> Option<Position>;
}

impl<T> Placed<T> for Spanned<T> {
    fn value(&self) -> &T {
        &self.value
    }

    fn into_value(self) -> T {
        self.value
    }

    fn at(&self) -> Option<Position> {
        position(&self.referenced)
    }
}

/// A value read without its place.
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct Unplaced<T>(T);

impl<T> Placed<T> for Unplaced<T> {
    fn value(&self) -> &T {
        &self.0
    }

    fn into_value(self) -> T {
        self.0
    }

    fn at(&self) -> Option<Position> {
        None
    }
}

/// How a file's values are read: with their places, or without.
pub(crate) trait Places: 'static {
    type Of<T: DeserializeOwned>: Placed<T> + DeserializeOwned;
}

/// Every value with its place: the second look at a file with problems.
pub(crate) enum WithPlaces {}

impl Places for WithPlaces {
    type Of<T: DeserializeOwned> = Spanned<T>;
}

/// No value's place: the first (for a good file, the only) read.
pub(crate) enum WithoutPlaces {}

impl Places for WithoutPlaces {
    type Of<T: DeserializeOwned> = Unplaced<T>;
}
