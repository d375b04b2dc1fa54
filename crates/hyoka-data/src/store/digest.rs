//! What a file's text was, kept as a fingerprint instead of a second copy of the text: enough to
//! tell whether the file on disk is still the one last read or written.

use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;

/// The length and a 64-bit keyed hash of a text. Two texts with the same digest are taken for
/// the same: a save that finds the text it last read on disk takes the document it read from it
/// instead of reading it again. The key is drawn at random for each run of hyoka and never
/// leaves it (std's `RandomState`: SipHash-1-3 with random keys today, though std does not
/// promise the algorithm), so that nobody can write a text that passes for another on purpose;
/// by chance, the odds are about one in 2^64. A digest means nothing to another process.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextDigest {
    len: usize,
    hash: u64,
}

impl TextDigest {
    pub fn of(text: &str) -> TextDigest {
        static KEY: OnceLock<RandomState> = OnceLock::new();
        TextDigest { len: text.len(), hash: KEY.get_or_init(RandomState::new).hash_one(text) }
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
