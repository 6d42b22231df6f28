//! Finding the field of a key when keys do not come in field order.

use crate::FieldInfo;

/// The most fields a [`KeyIndex`] holds; the fields of a larger resource
/// are searched one by one.
const MAX_FIELDS: usize = 256;

/// The fields of a resource by wire name: an open-addressing table of
/// field indices on the stack, built for one object whose keys do not come
/// in field order (a `Value`'s map is sorted by key), where trying the
/// field after the previous one first seldom hits. Aliases and the fields
/// of flattened resources are not in it.
pub(crate) struct KeyIndex<'f> {
    fields: &'f [FieldInfo],
    /// Per slot, the index of a field plus one; 0 is an empty slot.
    slots: [u16; 2 * MAX_FIELDS],
    /// The table's size minus one: a power of two, at least twice the
    /// fields.
    mask: usize,
}

impl<'f> KeyIndex<'f> {
    /// The index of `fields`, or `None` when there are too many of them.
    pub(crate) fn new(fields: &'f [FieldInfo]) -> Option<Self> {
        if fields.len() > MAX_FIELDS {
            return None;
        }
        let size = (2 * fields.len()).next_power_of_two().max(2);
        let mut index = Self {
            fields,
            slots: [0; 2 * MAX_FIELDS],
            mask: size - 1,
        };
        for (i, field) in fields.iter().enumerate() {
            let mut slot = index.home(field.key_prefix());
            while index.slots[slot] != 0 {
                slot = index.next(slot);
            }
            // At most MAX_FIELDS, so `i + 1` fits.
            index.slots[slot] = (i + 1) as u16;
        }
        Some(index)
    }

    /// The index of the field whose wire name is `key` (with key prefix
    /// `prefix`); of the first, should two have it.
    pub(crate) fn get(&self, key: &str, prefix: u64) -> Option<usize> {
        let mut slot = self.home(prefix);
        // The table is at most half full: an empty slot ends every search.
        loop {
            let i = usize::from(self.slots[slot]).checked_sub(1)?;
            if self.fields[i].is_wire_name(key, prefix) {
                return Some(i);
            }
            slot = self.next(slot);
        }
    }

    /// The first slot to look at for a key prefix (Fibonacci hashing: the
    /// high bits of the product mix every byte of the prefix).
    fn home(&self, prefix: u64) -> usize {
        (prefix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize & self.mask
    }

    fn next(&self, slot: usize) -> usize {
        (slot + 1) & self.mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::object::key_position;
    use crate::resource::key_prefix;

    fn fields(keys: &[&str]) -> Vec<FieldInfo> {
        keys.iter()
            .map(|key| {
                let key: &'static str = Box::leak(key.to_string().into_boxed_str());
                FieldInfo::new(key, key, "Option<i64>")
            })
            .collect()
    }

    /// What the index answers is what searching the fields one by one
    /// answers for a wire name.
    fn agrees(fields: &[FieldInfo], keys: impl IntoIterator<Item = String>) {
        let index =
            KeyIndex::new(fields).expect("the tables tested have at most MAX_FIELDS fields");
        for key in keys {
            let prefix = key_prefix(&key);
            let by_name = fields.iter().position(|f| f.is_wire_name(&key, prefix));
            assert_eq!(index.get(&key, prefix), by_name, "{key:?}");
        }
    }

    #[test]
    fn every_registered_field_is_found_by_its_wire_name_only() {
        for resource in crate::resources::registry::all() {
            let fields = resource.fields();
            let keys = fields.iter().flat_map(|f| {
                let wire = f.wire_name().to_owned();
                let aliases = f.aliases().iter().map(|a| a.to_string());
                [format!("{wire}x"), wire.to_lowercase(), wire]
                    .into_iter()
                    .chain(aliases)
            });
            agrees(fields, keys);
            // No registered resource has more than MAX_FIELDS fields.
            let index = KeyIndex::new(fields).expect("at most MAX_FIELDS fields");
            for (i, field) in fields.iter().enumerate() {
                let (key, prefix) = (field.wire_name(), field.key_prefix());
                if field.flattened().is_none() {
                    assert_eq!(index.get(key, prefix), Some(i));
                    assert_eq!(key_position(fields, key, prefix), Some(i));
                }
            }
        }
    }

    #[test]
    fn keys_sharing_their_first_bytes_and_length_are_told_apart() {
        // Same length and first seven bytes: one key prefix, one chain.
        let keys: Vec<String> = (0..200).map(|i| format!("Propert{i:03}")).collect();
        let table = fields(&keys.iter().map(String::as_str).collect::<Vec<_>>());
        agrees(
            &table,
            keys.iter().cloned().chain(["Propert999".to_owned()]),
        );
    }

    #[test]
    fn a_wire_name_given_twice_finds_the_first() {
        let table = fields(&["A", "B", "A"]);
        assert_eq!(
            KeyIndex::new(&table)
                .expect("3 fields")
                .get("A", key_prefix("A")),
            Some(0)
        );
    }

    #[test]
    fn a_full_table_is_indexed_and_a_larger_one_is_not() {
        let keys: Vec<String> = (0..MAX_FIELDS).map(|i| format!("F{i}")).collect();
        let table = fields(&keys.iter().map(String::as_str).collect::<Vec<_>>());
        agrees(
            &table,
            keys.iter()
                .cloned()
                .chain(["F256".to_owned(), String::new()]),
        );
        let larger = fields(&[keys.iter().map(String::as_str).collect(), vec!["G"]].concat());
        assert!(KeyIndex::new(&larger).is_none());
        assert_eq!(
            KeyIndex::new(&[])
                .expect("no fields")
                .get("A", key_prefix("A")),
            None
        );
    }
}
