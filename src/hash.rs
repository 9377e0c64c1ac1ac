//! The one stable hash: FNV-1a, 64 bit. Its values never change between Rust versions or
//! builds (unlike std's hasher), so ids, shuffles, fingerprints and the build id derived from
//! it are the same on every machine.

/// FNV-1a, 64 bit, over a sequence of fields: each [`Fnv::write`] hashes its bytes and then a
/// separator byte, so `("ab", "c")` and `("a", "bc")` differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fnv(u64);

/// FNV-1a's 64-bit offset basis.
const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's 64-bit prime.
const PRIME: u64 = 0x0100_0000_01b3;

impl Default for Fnv {
    fn default() -> Self {
        Fnv(OFFSET)
    }
}

impl Fnv {
    /// A fresh hash.
    pub fn new() -> Self {
        Fnv::default()
    }

    /// Hashes one field: its bytes, then the separator `0xff` (which no UTF-8 text contains).
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.byte(*b);
        }
        self.byte(0xff);
    }

    /// Hashes one text field (see [`Fnv::write`]).
    pub fn write_str(&mut self, text: &str) {
        self.write(text.as_bytes());
    }

    /// The hash so far.
    pub fn finish(&self) -> u64 {
        self.0
    }

    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(PRIME);
    }
}

/// Plain FNV-1a of `bytes` (no separator), for a single value.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    for b in bytes {
        h.byte(*b);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fields_are_separated() {
        let mut a = Fnv::new();
        a.write_str("ab");
        a.write_str("c");
        let mut b = Fnv::new();
        b.write_str("a");
        b.write_str("bc");
        assert_ne!(a.finish(), b.finish());
    }
}
