package org.fundguard.generator;

import java.util.SplittableRandom;

/** Deterministic random streams: one independent stream per (seed, purpose, index). */
final class Rng {
    private Rng() {
    }

    static SplittableRandom of(long seed, long purpose, long index) {
        return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + purpose * 0x9E3779B97F4A7C15L + mix(index + 1)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Index drawn from cumulative weights. */
    static int weighted(SplittableRandom r, int[] cumulative) {
        int x = r.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static int[] cumulative(int... weights) {
        int[] c = new int[weights.length];
        int s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i];
            c[i] = s;
        }
        return c;
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
