import NIOCore

/// One fuzz input and the choices derived from it.
///
/// The choices come from a SplitMix64 generator seeded with an FNV-1a hash of all the
/// bytes, so the same bytes always make the same choices and a crash replays exactly.
struct FuzzInput {
    /// The bytes as received.
    let bytes: [UInt8]
    private let seed: UInt64

    init(_ data: UnsafeBufferPointer<UInt8>) {
        self.bytes = Array(data)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        self.seed = hash
    }

    /// A fresh generator of choices; each check takes its own, so checks do not shift each
    /// other's choices.
    ///
    /// - Parameters:
    ///   - stream: Distinguishes the generators of different checks.
    func choices(_ stream: UInt64) -> Choices {
        Choices(state: self.seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The bytes as one buffer.
    var whole: ByteBuffer {
        ByteBuffer(bytes: self.bytes)
    }

    /// The bytes cut at two to four derived points (fewer for tiny inputs), empty chunks
    /// included.
    func chunks(_ choices: inout Choices) -> [ByteBuffer] {
        let cutCount = 2 + choices.below(3)
        let cuts = (0..<cutCount).map { _ in choices.below(self.bytes.count + 1) }.sorted()
        var chunks: [ByteBuffer] = []
        var start = 0
        for cut in cuts + [self.bytes.count] {
            chunks.append(ByteBuffer(bytes: self.bytes[start..<cut]))
            start = cut
        }
        return chunks
    }
}

/// SplitMix64: small, fast, and good enough to spread choices.
struct Choices {
    var state: UInt64

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`; `0` when `bound` is not positive.
    mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(self.next() % UInt64(bound)) : 0
    }

    /// `true` once in `count` times, on average.
    mutating func oneIn(_ count: Int) -> Bool {
        self.below(count) == 0
    }
}
