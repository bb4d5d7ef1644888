package dev.lamina.codec.deflate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

import static dev.lamina.codec.deflate.DeflateTables.DIST_SYMBOLS;
import static dev.lamina.codec.deflate.DeflateTables.END_OF_BLOCK;
import static dev.lamina.codec.deflate.DeflateTables.LENGTH_SYMBOL;
import static dev.lamina.codec.deflate.DeflateTables.LITLEN_SYMBOLS;
import static dev.lamina.codec.deflate.DeflateTables.MAX_MATCH;
import static dev.lamina.codec.deflate.DeflateTables.WINDOW;

/**
 * A pure-Java raw deflate (RFC 1951) encoder tuned for PNG-filtered image rows. One compressor
 * per thread; reusable, and it allocates nothing per call once its buffers have grown.
 *
 * <p>Effort levels, measured on one core of a shared, loaded machine (JIT-warm, best of 4) on the
 * headline workload: coffee.png scaled to 3840x2160 RGBA with the lab's noise, adaptively
 * filtered (33.2 MB), cut into 512 KiB chunks each with a 32 KiB dictionary as PngEncoder does.
 * zlib (java.util.zip.Deflater) on the same chunks: level 1 12.70 MB at 119 MB/s, level 6
 * 10.87 MB at 11.8 MB/s, level 6 FILTERED 10.78 MB at 11 MB/s, HUFFMAN_ONLY 12.63 MB at 205 MB/s.
 * <table>
 * <caption>effort levels</caption>
 * <tr><th>effort</th><th>method</th><th>size</th><th>speed</th></tr>
 * <tr><td>1</td><td>literals and runs (distance 1) of 8 or more; no match search</td><td>12.61 MB</td><td>321 MB/s</td></tr>
 * <tr><td>2</td><td>greedy, one hash candidate; a block is redone as effort 1 when that is smaller</td><td>11.97 MB</td><td>184 MB/s</td></tr>
 * <tr><td>3</td><td>greedy, hash chain of 4, matches only where they pay</td><td>11.54 MB</td><td>57 MB/s</td></tr>
 * <tr><td>4</td><td>greedy, chain 16</td><td>11.18 MB</td><td>33 MB/s</td></tr>
 * <tr><td>5</td><td>lazy, chain 32</td><td>10.94 MB</td><td>18 MB/s</td></tr>
 * <tr><td>6</td><td>lazy, chain 128</td><td>10.67 MB</td><td>9.2 MB/s</td></tr>
 * </table>
 * On a photograph with uncorrelated noise (retina.jpg scaled, +-1 per channel), where zlib level 6
 * (10.14 MB) loses to HUFFMAN_ONLY (8.81 MB), every effort stays within 0.1% of effort 1's 8.79 MB;
 * there effort 6 is slow (5.6 MB/s against zlib 6's 8 MB/s): its chains find only chance repeats.
 *
 * <p>Effort 2 is also what a cold {@code lamina} command runs on C1 alone (bin/lamina), so its loop
 * is written for C1 as well: on the headline's filtered 3840x2160 RGBA rows (33.2 MB) in one
 * thread it takes 256 ms of CPU under C1 and 230 ms under C2 (docs/benchmarks.md, "Issue 15,
 * third pass").
 *
 * <p>Blocks hold 64 KiB of input; each is a dynamic Huffman block with 15-bit-limited codes, or
 * fixed or stored blocks when those are smaller, so incompressible input grows by at most 10
 * bytes per 64 KiB (a block's input may straddle a stored block's 65535-byte limit). The hash table is cleared on every call, and no estimate carries over from one call to
 * the next: a chunk's output depends only on its bytes and its dictionary, never on which
 * compressor (thread) wrote the chunk before.
 */
public final class DeflateCompressor {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Input bytes per block: small enough for the codes to follow the image, large enough that headers cost little. */
    private static final int BLOCK_BYTES = 1 << 16;
    private static final int HASH_BITS = 16;
    private static final int WINDOW_MASK = WINDOW - 1;
    /** An empty hash slot: further back than any window. */
    private static final int NO_POSITION = -(WINDOW + 1);
    private static final int MIN_HASHED_MATCH = 4;
    /** The highest effort. */
    public static final int MAX_EFFORT = 6;
    /** Lazy matching (efforts 5, 6) looks one byte ahead only for matches shorter than this. */
    private static final int LAZY_BELOW = 32;
    /**
     * Effort 1's shortest run. Four zero residuals cost about 10 bits as literals; as a match they
     * cost about as much and make every literal code a little longer: 8 measured best (4 gave 2.8%
     * more on noisy photographs, 16 and more lost the runs of smooth ones).
     */
    private static final int MIN_RUN = 8;


    private final int effort;
    private final int chain;
    /**
     * The chain length for the current block: the full one, or an eighth of it after a block in
     * which matches covered less than an eighth of the input. On noisy photographs the candidates
     * are chance repeats that the cost check turns down, and searching long chains for them at
     * every byte made efforts 5-6 slower than zlib for nothing.
     */
    private int chainNow;
    private int matchedBytes;
    private final int niceLength;

    /** A block: up to BLOCK_BYTES of input, plus a match that began before the end (effort 2 may redo it byte by byte). */
    private final int[] tokens = new int[BLOCK_BYTES + MAX_MATCH];
    private int tokenCount;
    private final int[] litFreq = new int[LITLEN_SYMBOLS];
    private final int[] distFreq = new int[DIST_SYMBOLS];
    private final DeflateBlockWriter writer = new DeflateBlockWriter();
    private final MatchCosts costs = new MatchCosts(BLOCK_BYTES + MAX_MATCH);
    /** Effort 2: how often each byte value occurs in the current block's matches. */
    private final int[] histogram = new int[256];
    private final int[] head;
    private final int[] prev;
    /** Dictionary and data side by side, when the caller's are not already adjacent in one array. */
    private byte[] window = new byte[0];

    /**
     * @param effort 0 (stored, no compression), 1 (fastest) to {@value #MAX_EFFORT} (smallest);
     *               see the class comment
     */
    public DeflateCompressor(int effort) {
        if (effort < 0 || effort > MAX_EFFORT) {
            throw new IllegalArgumentException("deflate effort must be 0 to " + MAX_EFFORT + ", not " + effort);
        }
        this.effort = effort;
        this.chain = switch (effort) {
            case 3 -> 4;
            case 4 -> 16;
            case 5 -> 32;
            case 6 -> 128;
            default -> 1;
        };
        this.niceLength = effort >= 6 ? MAX_MATCH : effort >= 4 ? 128 : 32;
        this.head = effort >= 2 ? new int[1 << HASH_BITS] : null;
        this.prev = effort >= 3 ? new int[WINDOW] : null;
    }

    public int effort() {
        return effort;
    }

    /**
     * Compresses {@code data[off, off + len)} as the continuation of a stream whose previous bytes
     * {@code dict[dictOff, dictOff + dictLen)} (at most 32768) the decoder already has in its
     * window; matches may reach into them. Appends the compressed bytes to {@code out}. If
     * {@code last}, the final block has BFINAL set; otherwise the output ends with an empty stored
     * block (a sync flush), so that another raw stream can follow directly.
     *
     * <p>When the dictionary lies in {@code data} directly before the input ({@code dict == data}
     * and {@code dictOff + dictLen == off}, as in one buffer of filtered rows) nothing is copied;
     * otherwise both are copied into a scratch window first.
     *
     * @param dict may be null when {@code dictLen} is 0
     */
    public void compress(byte[] dict, int dictOff, int dictLen, byte[] data, int off, int len, boolean last,
                         ByteSink out) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (dictLen < 0 || dictLen > WINDOW) {
            throw new IllegalArgumentException("dictionary length must be 0 to 32768, not " + dictLen);
        }
        byte[] buf;
        int base;
        int begin;
        if (dictLen == 0) {
            buf = data;
            base = off;
            begin = off;
        } else {
            Objects.checkFromIndexSize(dictOff, dictLen, dict.length);
            if (dict == data && dictOff + dictLen == off) {
                buf = data;
                base = dictOff;
                begin = off;
            } else {
                if (window.length < dictLen + len) {
                    window = new byte[dictLen + len];
                }
                System.arraycopy(dict, dictOff, window, 0, dictLen);
                System.arraycopy(data, off, window, dictLen, len);
                buf = window;
                base = 0;
                begin = dictLen;
            }
        }
        int end = begin + len;
        if (effort == 0) {
            writer.begin(out);
            writer.stored(buf, begin, len, last);
            if (!last) {
                writer.syncFlush();
            }
            writer.end();
            return;
        }
        if (head != null) {
            Arrays.fill(head, NO_POSITION);
            insertDictionary(buf, base, begin, end);
        }
        writer.begin(out);
        costs.reset();
        chainNow = chain;
        int p = begin;
        if (len == 0 && last) {
            startBlock();
            writer.block(tokens, 0, litFreq, distFreq, buf, p, 0, true);
        }
        while (p < end) {
            startBlock();
            int blockStart = p;
            int stop = Math.min(end, p + BLOCK_BYTES);
            if (effort >= 3) {
                costs.literalsOf(buf, p, stop, Math.min(end, stop + MAX_MATCH));
            }
            p = switch (effort) {
                case 1 -> runs(buf, base, p, stop, end);
                case 2 -> greedyOneProbe(buf, p, stop, end);
                case 3, 4 -> greedyChain(buf, p, stop, end);
                default -> lazyChain(buf, p, stop, end);
            };
            long planned = writer.plan(litFreq, distFreq, p - blockStart);
            if (effort == 2 && literalsWouldBeSmaller(p - blockStart, planned)) {
                startBlock();
                p = runs(buf, base, blockStart, p, end);
                writer.plan(litFreq, distFreq, p - blockStart);
            }
            writer.write(tokens, tokenCount, buf, blockStart, p - blockStart, last && p == end);
            costs.learn(writer.literalLengths(), writer.distanceLengths());
            chainNow = matchedBytes < (p - blockStart) / 8 ? Math.max(1, chain / 8) : chain;
        }
        if (!last) {
            writer.syncFlush();
        }
        writer.end();
    }

    /**
     * Effort 2 takes every match it finds, which on noisy photographs (where 4-byte repeats are
     * mostly chance) codes larger than literals alone. Whether it did is plain from the planned
     * block size against the entropy of the block's bytes, and then the block is redone as effort 1.
     * The block's byte histogram is its literals' counts plus the bytes its matches cover, which
     * {@link #greedyOneProbe} counted in {@link #histogram}: a pass over the whole block for it was
     * a tenth of a cold PNG encode under C1.
     */
    private boolean literalsWouldBeSmaller(int bytes, long lzBits) {
        int[] matched = histogram;
        int[] lit = litFreq;
        double bits = 0;
        double total = bytes;
        for (int v = 0; v < 256; v++) {
            int count = matched[v] + lit[v];
            if (count != 0) {
                bits += count * Math.log(total / count);
            }
        }
        return bits / Math.log(2) < lzBits;
    }

    private void startBlock() {
        tokenCount = 0;
        matchedBytes = 0;
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        litFreq[END_OF_BLOCK] = 1;
    }

    private void insertDictionary(byte[] b, int base, int begin, int end) {
        int stop = Math.min(begin, end - 3);
        for (int q = base; q < stop; q++) {
            insert(b, q);
        }
    }

    private void insert(byte[] b, int q) {
        int h = hash((int) INT_LE.get(b, q));
        if (prev != null) {
            prev[q & WINDOW_MASK] = head[h];
        }
        head[h] = q;
    }

    private static int hash(int fourBytes) {
        return (fourBytes * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    /**
     * Effort 1: a literal per byte, except where the previous byte repeats at least 4 times, which
     * becomes a match at distance 1. Filtered flat areas are runs of one residual; anything subtler
     * is not worth a search at this effort.
     */
    private int runs(byte[] b, int base, int p, int stop, int end) {
        int[] tok = tokens;
        int[] lit = litFreq;
        int n = tokenCount;
        int safe = end - 4;
        int runs = 0;
        if (p == base) {   // no byte before the first: it can only be a literal
            int v = b[p++] & 0xFF;
            tok[n++] = v;
            lit[v]++;
        }
        while (p < stop) {
            int len;
            if (p <= safe && (int) INT_LE.get(b, p - 1) == (int) INT_LE.get(b, p)
                    && (len = matchLength(b, p - 1, p, Math.min(MAX_MATCH, end - p))) >= MIN_RUN) {
                tok[n++] = 1 << 16 | len;
                lit[LENGTH_SYMBOL[len]]++;
                runs++;
                p += len;
            } else {
                int v = b[p++] & 0xFF;
                tok[n++] = v;
                lit[v]++;
            }
        }
        distFreq[0] += runs;
        tokenCount = n;
        return p;
    }

    /**
     * Effort 2: greedy, one hash candidate per position, every position of a match hashed. The
     * bytes that matches cover are counted in {@link #histogram} for {@link #literalsWouldBeSmaller}.
     */
    private int greedyOneProbe(byte[] b, int p, int stop, int end) {
        int[] tok = tokens;
        int[] lit = litFreq;
        int[] dst = distFreq;
        int[] hd = head;
        int[] matched = histogram;
        Arrays.fill(matched, 0);
        int n = tokenCount;
        int hashable = end - 3;   // positions with 4 bytes to hash
        while (p < stop) {
            if (p < hashable) {
                int x = (int) INT_LE.get(b, p);
                int h = hash(x);
                int cand = hd[h];
                hd[h] = p;
                int dist = p - cand;
                if (dist <= WINDOW && (int) INT_LE.get(b, cand) == x) {
                    int max = Math.min(MAX_MATCH, end - p);
                    long next8;
                    long diff;
                    if (max >= 12 && (diff = (long) LONG_LE.get(b, cand + 4) ^ (next8 = (long) LONG_LE.get(b, p + 4))) != 0
                            && (diff & 0xFFFFFFFFFFL) != 0) {
                        // Most matches in filtered photographs are chance repeats of 4 to 8 bytes,
                        // all of which are in x and next8: the positions to hash and the bytes to
                        // count come from these registers, not from memory, and there is no call
                        // (under C1 a call spills every live register).
                        // A branch, not arithmetic: three in four of these matches are 4 bytes
                        // long, and a predicted length lets the CPU start on the next position's
                        // hash lookup before this match's bytes have been compared.
                        int len;
                        if ((diff & 0xFF) != 0) {
                            len = 4;
                        } else {
                            len = 4 + firstSetByte(diff);
                        }
                        tok[n++] = dist << 16 | len;
                        lit[LENGTH_SYMBOL[len]]++;
                        dst[DeflateTables.distCode(dist - 1)]++;
                        long first8 = x & 0xFFFFFFFFL | next8 << 32;
                        hd[hash((int) (first8 >>> 8))] = p + 1;
                        hd[hash((int) (first8 >>> 16))] = p + 2;
                        hd[hash((int) (first8 >>> 24))] = p + 3;
                        matched[x & 0xFF]++;
                        matched[x >>> 8 & 0xFF]++;
                        matched[x >>> 16 & 0xFF]++;
                        matched[x >>> 24]++;
                        for (int k = 4; k < len; k++) {
                            int y = (int) (next8 >>> ((k - 4) << 3));   // bytes p + k to p + k + 3
                            hd[hash(y)] = p + k;
                            matched[y & 0xFF]++;
                        }
                        p += len;
                        continue;
                    }
                    int len = matchLength(b, cand, p, max);
                    tok[n++] = dist << 16 | len;
                    lit[LENGTH_SYMBOL[len]]++;
                    dst[DeflateTables.distCode(dist - 1)]++;
                    int qEnd = Math.min(p + len, hashable);
                    if (dist < len) {
                        // The match repeats its first dist bytes: count them once per repeat, and
                        // hash only the positions no later one of the same 4 bytes overwrites.
                        int repeats = len / dist;
                        int rest = len - repeats * dist;
                        for (int j = 0; j < dist; j++) {
                            matched[b[p + j] & 0xFF] += j < rest ? repeats + 1 : repeats;
                        }
                        int q = Math.max(p + 1, Math.min(qEnd, p + len - 3) - dist);
                        for (; q < qEnd; q++) {
                            hd[hash((int) INT_LE.get(b, q))] = q;
                        }
                    } else {
                        matched[x & 0xFF]++;
                        int q = p + 1;
                        for (; q < qEnd; q++) {
                            int y = (int) INT_LE.get(b, q);
                            hd[hash(y)] = q;
                            matched[y & 0xFF]++;
                        }
                        for (; q < p + len; q++) {
                            matched[b[q] & 0xFF]++;
                        }
                    }
                    p += len;
                    continue;
                }
                int v = x & 0xFF;
                tok[n++] = v;
                lit[v]++;
                p++;
                continue;
            }
            int v = b[p++] & 0xFF;
            tok[n++] = v;
            lit[v]++;
        }
        tokenCount = n;
        return p;
    }

    /** Efforts 3 and 4: greedy, the longest of up to {@link #chain} candidates along the hash chain. */
    private int greedyChain(byte[] b, int p, int stop, int end) {
        int[] tok = tokens;
        int[] lit = litFreq;
        int[] dst = distFreq;
        int n = tokenCount;
        int hashable = end - 3;
        while (p < stop) {
            if (p < hashable) {
                int x = (int) INT_LE.get(b, p);
                int h = hash(x);
                int cand = head[h];
                prev[p & WINDOW_MASK] = cand;
                head[h] = p;
                long found = longestMatch(b, p, x, cand, Math.min(MAX_MATCH, end - p));
                int len = (int) found;
                int dist = (int) (found >>> 32);
                if (found != 0 && costs.pays(p, len, dist)) {
                    matchedBytes += len;
                    tok[n++] = dist << 16 | len;
                    lit[LENGTH_SYMBOL[len]]++;
                    dst[DeflateTables.distCode(dist - 1)]++;
                    int qEnd = Math.min(p + len, hashable);
                    for (int q = p + 1; q < qEnd; q++) {
                        insert(b, q);
                    }
                    p += len;
                    continue;
                }
            }
            int v = b[p++] & 0xFF;
            tok[n++] = v;
            lit[v]++;
        }
        tokenCount = n;
        return p;
    }

    /**
     * Efforts 5 and 6: zlib's lazy evaluation. A match found at p is put off when the position
     * after it starts a longer one that pays, and p becomes a literal.
     */
    private int lazyChain(byte[] b, int p, int stop, int end) {
        int hashable = end - 3;
        long found = 0;
        boolean carried = false;   // found is already the search result for p
        while (p < stop) {
            if (!carried) {
                found = p < hashable ? insertAndFind(b, p, end) : 0;
            }
            carried = false;
            int len = (int) found;
            int dist = (int) (found >>> 32);
            if (found != 0 && !costs.pays(p, len, dist)) {
                found = 0;
            }
            if (found == 0) {
                literal(b[p++] & 0xFF);
                continue;
            }
            int inserted = p + 1;   // positions below it are hashed
            if (len < LAZY_BELOW && p + 1 < stop && p + 1 < hashable) {
                long next = insertAndFind(b, p + 1, end);
                inserted = p + 2;
                int nextLen = (int) next;
                if (nextLen > len && costs.pays(p + 1, nextLen, (int) (next >>> 32))) {
                    literal(b[p++] & 0xFF);
                    found = next;
                    carried = true;
                    continue;
                }
            }
            match(len, dist);
            int qEnd = Math.min(p + len, hashable);
            for (int q = inserted; q < qEnd; q++) {
                insert(b, q);
            }
            p += len;
        }
        return p;
    }

    private long insertAndFind(byte[] b, int p, int end) {
        int x = (int) INT_LE.get(b, p);
        int h = hash(x);
        int cand = head[h];
        prev[p & WINDOW_MASK] = cand;
        head[h] = p;
        return longestMatch(b, p, x, cand, Math.min(MAX_MATCH, end - p));
    }

    private void literal(int v) {
        tokens[tokenCount++] = v;
        litFreq[v]++;
    }

    private void match(int len, int dist) {
        matchedBytes += len;
        tokens[tokenCount++] = dist << 16 | len;
        litFreq[LENGTH_SYMBOL[len]]++;
        distFreq[DeflateTables.distCode(dist - 1)]++;
    }

    /** The longest match for position p along the chain from cand, as {@code dist << 32 | len}, or 0 if none of 4+. */
    private long longestMatch(byte[] b, int p, int first4, int cand, int maxLen) {
        int lowest = p - WINDOW;
        int nice = Math.min(niceLength, maxLen);
        int best = MIN_HASHED_MATCH - 1;
        int bestDist = 0;
        for (int left = chainNow; left > 0 && cand >= lowest; left--) {
            if (b[cand + best] == b[p + best] && (int) INT_LE.get(b, cand) == first4) {
                int len = matchLength(b, cand, p, maxLen);
                if (len > best) {
                    best = len;
                    bestDist = p - cand;
                    if (len >= nice) {
                        break;
                    }
                }
            }
            int next = prev[cand & WINDOW_MASK];
            if (next >= cand) {
                break;   // the slot was reused by a newer position: the chain ends here
            }
            cand = next;
        }
        return bestDist == 0 ? 0 : (long) bestDist << 32 | best;
    }

    /**
     * The index (0-7) of the lowest nonzero byte of {@code diff} (not 0): its trailing zero bits
     * over 8, as the count of byte-top bits below the lowest set bit, summed by a multiplication.
     * C1 does not intrinsify {@link Long#numberOfTrailingZeros} and does not inline the 80 bytecodes
     * of Integer's, which it calls.
     */
    private static int firstSetByte(long diff) {
        return (int) (((((diff & -diff) - 1) & 0x8080808080808080L) >>> 7) * 0x0101010101010101L >>> 56);
    }

    /** How many bytes at cand equal those at p (cand < p), given that the first 4 do, up to max (at least 4). */
    private static int matchLength(byte[] b, int cand, int p, int max) {
        int len = 4;
        while (len + 8 <= max) {
            long diff = (long) LONG_LE.get(b, cand + len) ^ (long) LONG_LE.get(b, p + len);
            if (diff != 0) {
                return len + firstSetByte(diff);
            }
            len += 8;
        }
        while (len < max && b[cand + len] == b[p + len]) {
            len++;
        }
        return len;
    }
}
