package io.leadrouter.web;

/**
 * Checks bytes as they stream past for well-formed UTF-8 (RFC 3629): no overlong forms (the
 * {@code C0 AF} that a lenient decoder turns into "/"), no surrogates, nothing above U+10FFFF,
 * no truncated sequence at the end. Java's and Jackson's decoders replace or accept such bytes;
 * a lead must not be stored as something other than what was sent.
 */
final class Utf8Check {

    private long offset;
    private int continuationBytes;
    private int lowest = 0x80;
    private int highest = 0xBF;
    private long sequenceStart;

    /** What is wrong with the bytes, and at which byte of the stream. */
    record Flaw(String what, long offset) {
    }

    /** Checks the next bytes of the stream; returns what is wrong, or {@code null}. */
    Flaw accept(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++, offset++) {
            int b = bytes[i] & 0xFF;
            if (continuationBytes > 0) {
                if (b < lowest || b > highest) {
                    return new Flaw("the byte 0x%02X inside a multi-byte sequence".formatted(b), offset);
                }
                lowest = 0x80;
                highest = 0xBF;
                continuationBytes--;
                continue;
            }
            if (b < 0x80) {
                continue;
            }
            sequenceStart = offset;
            if (b >= 0xC2 && b <= 0xDF) {
                expect(1, 0x80, 0xBF);
            } else if (b == 0xE0) {
                expect(2, 0xA0, 0xBF); // below A0: an overlong form
            } else if (b == 0xED) {
                expect(2, 0x80, 0x9F); // above 9F: a UTF-16 surrogate
            } else if (b >= 0xE1 && b <= 0xEF) {
                expect(2, 0x80, 0xBF);
            } else if (b == 0xF0) {
                expect(3, 0x90, 0xBF); // below 90: an overlong form
            } else if (b >= 0xF1 && b <= 0xF3) {
                expect(3, 0x80, 0xBF);
            } else if (b == 0xF4) {
                expect(3, 0x80, 0x8F); // above 8F: beyond U+10FFFF
            } else {
                return new Flaw((b == 0xC0 || b == 0xC1 ? "an overlong sequence (0x%02X)" : "the byte 0x%02X")
                        .formatted(b), offset);
            }
        }
        return null;
    }

    /** The stream ended: returns what is wrong with its last bytes, or {@code null}. */
    Flaw end() {
        return continuationBytes > 0 ? new Flaw("a truncated multi-byte sequence", sequenceStart) : null;
    }

    private void expect(int count, int low, int high) {
        continuationBytes = count;
        lowest = low;
        highest = high;
    }
}
