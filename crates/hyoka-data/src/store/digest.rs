//! What a file's text was, kept as a fingerprint instead of a second copy of the text: enough to
//! tell whether the file on disk is still the one last read or written.

use std::hash::{DefaultHasher, Hash, Hasher};

/// The length and a 64-bit hash of a text. Two texts with the same digest are taken for the same;
/// a collision could only make hyoka miss that someone else saved meanwhile *on screen* — a save
/// always merges with the file as it is on disk, whatever the digest said.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextDigest {
    len: usize,
    hash: u64,
}

impl TextDigest {
    pub fn of(text: &str) -> TextDigest {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        TextDigest { len: text.len(), hash: hasher.finish() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_gives_the_same_digest_and_a_changed_one_another() {
        let text = "organization: 上京区役所\n";
        assert_eq!(TextDigest::of(text), TextDigest::of(&String::from(text)));
        assert_ne!(TextDigest::of(text), TextDigest::of("organization: 上京区役所 \n"));
        assert_ne!(TextDigest::of("ab"), TextDigest::of("ba"));
    }
}
