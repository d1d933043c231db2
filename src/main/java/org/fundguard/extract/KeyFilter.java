package org.fundguard.extract;

/**
 * A Bloom filter over a file's row keys: "certainly new" for almost every row, "maybe seen"
 * for true duplicates and a small share of others. Staging keeps the "maybe seen" lines only,
 * so finding duplicates looks at a handful of keys instead of sorting the whole file. Its size
 * follows the file's size up to {@value #MAX_BYTES} bytes, whatever the number of rows; a fuller
 * filter only reports more candidates, never misses a duplicate.
 */
final class KeyFilter {

    static final int MAX_BYTES = 32 << 20;
    private static final int PROBES = 7;

    private final long[] bits;
    private final long mask;

    /** @param expectedRows an estimate (16 bits per row, a power of two, 8 KB to {@value #MAX_BYTES} bytes) */
    KeyFilter(long expectedRows) {
        long wanted = Math.max(1L << 16, Math.min((long) MAX_BYTES * 8, expectedRows * 16));
        long size = Long.highestOneBit(wanted - 1) << 1;
        this.bits = new long[(int) (size >>> 6)];
        this.mask = size - 1;
    }

    /** Adds the key; true when it may have been added before. */
    boolean addAndCheck(String key) {
        long h = hash(key);
        long h1 = h;
        long h2 = (h >>> 32) | (h << 32) | 1;
        boolean seen = true;
        for (int i = 0; i < PROBES; i++) {
            long bit = (h1 + i * h2) & mask;
            int word = (int) (bit >>> 6);
            long m = 1L << (bit & 63);
            if ((bits[word] & m) == 0) {
                seen = false;
                bits[word] |= m;
            }
        }
        return seen;
    }

    /** FNV-1a over the characters, finished with a 64-bit mixer (murmur3's fmix64). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53e87a5L;
        h ^= h >>> 33;
        return h;
    }
}
