extension StringProtocol {
    /// The number of characters, as `count` gives it, without walking grapheme clusters
    /// when every byte is ASCII other than a carriage return (there one byte is one
    /// character). Locations are counted in characters for every link of every page, so
    /// the common all-ASCII case must not pay for Unicode segmentation.
    var characterCount: Int {
        let ascii = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        }
        if ascii ?? utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return utf8.count }
        return count
    }
}
