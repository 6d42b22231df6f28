//! One page of a Nexudus list endpoint (`GET /api/spaces/bookings?page=2&size=25`).

use serde::{Deserialize, Serialize};

/// One page of records, in the shape every Nexudus list endpoint answers
/// with (keys in this order):
///
/// ```json
/// {"Records":[..],"CurrentPage":2,"CurrentPageSize":25,"CurrentOrderField":"Id",
///  "CurrentSortDirection":1,"FirstItem":26,"LastItem":50,"TotalItems":60,
///  "TotalPages":3,"HasNextPage":true,"HasPreviousPage":true}
/// ```
///
/// Pages count from 1. Only `Records` must be in an answer; a missing
/// number reads as `0`, a missing flag as `false` (so a walk over the
/// pages stops where a server says nothing of a next page).
///
/// [`Page::new`] works the numbers out for a server (or a mock) that has
/// the records of one page and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Page<T> {
    /// The records of this page, in the server's order (`Records`).
    #[serde(rename = "Records")]
    pub records: Vec<T>,
    /// This page's number, from 1 (`CurrentPage`).
    #[serde(rename = "CurrentPage", default)]
    pub current_page: u32,
    /// The page size the server used (`CurrentPageSize`): the size asked
    /// for, or less when the server has a smaller maximum.
    #[serde(rename = "CurrentPageSize", default)]
    pub page_size: u32,
    /// The field the records are sorted by (`CurrentOrderField`), when the
    /// server names one.
    #[serde(rename = "CurrentOrderField", default)]
    pub current_order_field: Option<String>,
    /// The sort direction (`CurrentSortDirection`): `1` ascending, `-1`
    /// descending, as Nexudus's `dir` parameter.
    #[serde(rename = "CurrentSortDirection", default)]
    pub current_sort_direction: Option<i32>,
    /// The position of this page's first record among all of them, from 1;
    /// `0` when the page is empty (`FirstItem`).
    #[serde(rename = "FirstItem", default)]
    pub first_item: u64,
    /// The position of this page's last record, from 1; `0` when the page
    /// is empty (`LastItem`).
    #[serde(rename = "LastItem", default)]
    pub last_item: u64,
    /// How many records there are on all pages (`TotalItems`).
    #[serde(rename = "TotalItems", default)]
    pub total_items: u64,
    /// How many pages of this size there are (`TotalPages`).
    #[serde(rename = "TotalPages", default)]
    pub total_pages: u32,
    /// Whether a page follows this one (`HasNextPage`).
    #[serde(rename = "HasNextPage", default)]
    pub has_next_page: bool,
    /// Whether a page comes before this one (`HasPreviousPage`).
    #[serde(rename = "HasPreviousPage", default)]
    pub has_previous_page: bool,
}

impl<T> Page<T> {
    /// Page `page` (from 1) of pages of `size` records, holding `records`,
    /// out of `total_items` records in all, sorted by `Id`, ascending.
    ///
    /// `FirstItem` and `LastItem` are the positions of `records` (`0` for an
    /// empty page, such as one past the end), `TotalPages` is `total_items`
    /// divided by `size`, rounded up, and the two flags follow from the
    /// page number. The arithmetic saturates; it never overflows. A `page`
    /// or `size` of `0` is taken as `1`.
    pub fn new(records: Vec<T>, page: u32, size: u32, total_items: u64) -> Self {
        let page = page.max(1);
        let size = size.max(1);
        let total_pages = u32::try_from(total_items.div_ceil(u64::from(size))).unwrap_or(u32::MAX);
        let count = records.len() as u64;
        let (first_item, last_item) = if count == 0 {
            (0, 0)
        } else {
            let first = u64::from(page - 1)
                .saturating_mul(u64::from(size))
                .saturating_add(1);
            (first, first.saturating_add(count - 1))
        };
        Self {
            records,
            current_page: page,
            page_size: size,
            current_order_field: Some("Id".to_owned()),
            current_sort_direction: Some(1),
            first_item,
            last_item,
            total_items,
            total_pages,
            has_next_page: page < total_pages,
            has_previous_page: page > 1,
        }
    }

    /// The same page with each record changed by `f`.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            records: self.records.into_iter().map(f).collect(),
            current_page: self.current_page,
            page_size: self.page_size,
            current_order_field: self.current_order_field,
            current_sort_direction: self.current_sort_direction,
            first_item: self.first_item,
            last_item: self.last_item,
            total_items: self.total_items,
            total_pages: self.total_pages,
            has_next_page: self.has_next_page,
            has_previous_page: self.has_previous_page,
        }
    }

    /// Whether the page holds no record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// How many records the page holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    /// The page's records.
    fn into_iter(self) -> Self::IntoIter {
        self.records.into_iter()
    }
}

// Tests only: an `unwrap` here is an assertion on fixed inputs; no user
// input reaches it.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_a_middle_a_last_and_a_missing_page() {
        let middle = Page::new(vec![(); 25], 2, 25, 60);
        assert_eq!(
            (middle.first_item, middle.last_item, middle.total_pages),
            (26, 50, 3)
        );
        assert!(middle.has_next_page && middle.has_previous_page);

        let last = Page::new(vec![(); 10], 3, 25, 60);
        assert_eq!((last.first_item, last.last_item), (51, 60));
        assert!(!last.has_next_page && last.has_previous_page);

        let past = Page::<()>::new(Vec::new(), 9, 25, 60);
        assert_eq!(
            (past.first_item, past.last_item, past.total_pages),
            (0, 0, 3)
        );
        assert!(!past.has_next_page && past.has_previous_page);

        let none = Page::<()>::new(Vec::new(), 1, 25, 0);
        assert_eq!(none.total_pages, 0);
        assert!(!none.has_next_page && !none.has_previous_page);
    }

    #[test]
    fn extremes_saturate() {
        let page = Page::new(vec![(); 2], u32::MAX, u32::MAX, u64::MAX);
        assert_eq!(page.total_pages, u32::MAX);
        assert!(!page.has_next_page);
        assert!(page.first_item > 0 && page.last_item >= page.first_item);
        let zero = Page::new(vec![()], 0, 0, 1);
        assert_eq!((zero.current_page, zero.page_size), (1, 1));
        assert_eq!(
            (zero.first_item, zero.last_item, zero.total_pages),
            (1, 1, 1)
        );
    }

    #[test]
    fn the_wire_shape() {
        let page = Page::new(vec![serde_json::json!({"Id": 1})], 1, 25, 1);
        assert_eq!(
            serde_json::to_string(&page).unwrap(),
            r#"{"Records":[{"Id":1}],"CurrentPage":1,"CurrentPageSize":25,"CurrentOrderField":"Id","CurrentSortDirection":1,"FirstItem":1,"LastItem":1,"TotalItems":1,"TotalPages":1,"HasNextPage":false,"HasPreviousPage":false}"#
        );
        let read: Page<serde_json::Value> = serde_json::from_str(r#"{"Records":[]}"#).unwrap();
        assert!(read.is_empty() && !read.has_next_page && read.current_page == 0);
        assert!(serde_json::from_str::<Page<serde_json::Value>>("{}").is_err());
    }
}
