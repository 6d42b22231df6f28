//! Typed models of the documented Nexudus resources (feature `resources`).
