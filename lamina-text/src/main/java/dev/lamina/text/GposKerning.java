package dev.lamina.text;

import dev.lamina.model.LaminaException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pair kerning from an OpenType GPOS table: the pair-adjustment lookups (type 2, formats 1 and 2,
 * also behind type 9 extensions) of the {@code kern} feature. FontBox 3 reads GSUB but not GPOS,
 * and most fonts made this century keep their kerning only here (Cantarell, Inter, Source Sans...).
 *
 * <p>What is read: the first glyph's advance adjustment (XAdvance of value record 1), which is how
 * kerning is encoded. Placement and device adjustments, and the second value record, are not
 * applied. Lookups apply in lookup-list order and add up; within a lookup the first subtable that
 * covers the pair decides, as in HarfBuzz.
 *
 * <p>Every offset is checked against the table when the font is loaded, so a corrupt table is a
 * load error and a lookup never reads outside it. Immutable: the table's bytes are only read.
 */
final class GposKerning extends Kerning {
    private static final int XADVANCE = 0x0004;
    private static final int MAX_LOOKUPS = 1000;
    private static final int NOT_COVERED = Integer.MIN_VALUE;

    private final byte[] t;
    private final int[][] lookups; // per kern lookup, the offsets of its type-2 subtables in t

    private GposKerning(byte[] t, int[][] lookups) {
        this.t = t;
        this.lookups = lookups;
    }

    /** The kerning of this GPOS table, or null when it has no pair adjustments for 'kern'. */
    static GposKerning read(byte[] gpos, String source) {
        try {
            return parse(gpos);
        } catch (IndexOutOfBoundsException e) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT,
                    source + ": corrupt GPOS table (an offset points outside it)", e);
        }
    }

    private static GposKerning parse(byte[] t) {
        if (t.length < 10 || u16(t, 0) != 1) {
            return null; // not a version-1 GPOS table: no kerning from it
        }
        int scriptList = u16(t, 4);
        int featureList = u16(t, 6);
        int lookupList = u16(t, 8);
        // The 'kern' features the scripts' default language systems name (all of them: Latin, Greek
        // and Cyrillic text share one run here); with no script list, every 'kern' feature.
        Set<Integer> kernFeatures = new LinkedHashSet<>();
        int featureCount = u16(t, featureList);
        Set<Integer> referenced = new LinkedHashSet<>();
        if (scriptList != 0) {
            int scripts = u16(t, scriptList);
            for (int s = 0; s < scripts; s++) {
                int script = scriptList + u16(t, scriptList + 2 + 6 * s + 4);
                int defaultLangSys = u16(t, script);
                List<Integer> langSyses = new ArrayList<>();
                if (defaultLangSys != 0) {
                    langSyses.add(script + defaultLangSys);
                }
                int langCount = u16(t, script + 2);
                for (int l = 0; l < langCount; l++) {
                    langSyses.add(script + u16(t, script + 4 + 6 * l + 4));
                }
                for (int ls : langSyses) {
                    int required = u16(t, ls + 2);
                    if (required != 0xFFFF) {
                        referenced.add(required);
                    }
                    int n = u16(t, ls + 4);
                    for (int i = 0; i < n; i++) {
                        referenced.add(u16(t, ls + 6 + 2 * i));
                    }
                }
            }
        }
        for (int f = 0; f < featureCount; f++) {
            int rec = featureList + 2 + 6 * f;
            boolean kern = t[rec] == 'k' && t[rec + 1] == 'e' && t[rec + 2] == 'r' && t[rec + 3] == 'n';
            if (kern && (referenced.isEmpty() || referenced.contains(f))) {
                kernFeatures.add(f);
            }
        }
        Set<Integer> lookupIndices = new java.util.TreeSet<>();
        for (int f : kernFeatures) {
            int feature = featureList + u16(t, featureList + 2 + 6 * f + 4);
            int n = u16(t, feature + 2);
            for (int i = 0; i < n; i++) {
                lookupIndices.add(u16(t, feature + 4 + 2 * i));
            }
        }
        int lookupCount = u16(t, lookupList);
        List<int[]> result = new ArrayList<>();
        for (int li : lookupIndices) {
            if (li >= lookupCount || result.size() >= MAX_LOOKUPS) {
                continue;
            }
            int lookup = lookupList + u16(t, lookupList + 2 + 2 * li);
            int type = u16(t, lookup);
            int subCount = u16(t, lookup + 4);
            List<Integer> subs = new ArrayList<>();
            for (int s = 0; s < subCount; s++) {
                int sub = lookup + u16(t, lookup + 6 + 2 * s);
                int subType = type;
                if (type == 9) { // extension: the real subtable is further away, 32-bit offset
                    subType = u16(t, sub + 2);
                    sub = sub + (int) u32(t, sub + 4);
                }
                if (subType == 2 && check(t, sub)) {
                    subs.add(sub);
                }
            }
            if (!subs.isEmpty()) {
                result.add(subs.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return result.isEmpty() ? null : new GposKerning(t, result.toArray(new int[0][]));
    }

    @Override
    int pair(int left, int right) {
        int total = 0;
        for (int[] lookup : lookups) {
            for (int sub : lookup) {
                int found = subtable(sub, left, right);
                if (found != NOT_COVERED) {
                    total += found;
                    break;
                }
            }
        }
        return total;
    }

    @Override
    String table() {
        return "GPOS";
    }

    /** The first glyph's XAdvance when this subtable covers the pair, else {@link #NOT_COVERED}. */
    private int subtable(int sub, int left, int right) {
        int format = u16(t, sub);
        int coverage = coverageIndex(sub + u16(t, sub + 2), left);
        if (coverage < 0) {
            return NOT_COVERED;
        }
        int vf1 = u16(t, sub + 4);
        int vf2 = u16(t, sub + 6);
        int size1 = 2 * Integer.bitCount(vf1 & 0xFF);
        int size2 = 2 * Integer.bitCount(vf2 & 0xFF);
        if (format == 1) {
            int pairSetCount = u16(t, sub + 8);
            if (coverage >= pairSetCount) {
                return NOT_COVERED;
            }
            int set = sub + u16(t, sub + 10 + 2 * coverage);
            int n = u16(t, set);
            int rec = 2 + size1 + size2;
            int lo = 0, hi = n - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int g = u16(t, set + 2 + mid * rec);
                if (g < right) {
                    lo = mid + 1;
                } else if (g > right) {
                    hi = mid - 1;
                } else {
                    return xAdvance(set + 2 + mid * rec + 2, vf1);
                }
            }
            return NOT_COVERED;
        }
        int class1 = classOf(sub + u16(t, sub + 8), left);
        int class2 = classOf(sub + u16(t, sub + 10), right);
        int class1Count = u16(t, sub + 12);
        int class2Count = u16(t, sub + 14);
        if (class1 >= class1Count || class2 >= class2Count) {
            return NOT_COVERED;
        }
        int rec = sub + 16 + (class1 * class2Count + class2) * (size1 + size2);
        // Format 2 covers every pair whose first glyph is covered, class 0 included (usually 0).
        return xAdvance(rec, vf1);
    }

    private int xAdvance(int record, int valueFormat) {
        if ((valueFormat & XADVANCE) == 0) {
            return 0;
        }
        int before = Integer.bitCount(valueFormat & (XADVANCE - 1)); // XPlacement, YPlacement come first
        return (short) u16(t, record + 2 * before);
    }

    private int coverageIndex(int cov, int glyph) {
        int format = u16(t, cov);
        int n = u16(t, cov + 2);
        int lo = 0, hi = n - 1;
        if (format == 1) {
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int g = u16(t, cov + 4 + 2 * mid);
                if (g < glyph) {
                    lo = mid + 1;
                } else if (g > glyph) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = cov + 4 + 6 * mid;
            if (u16(t, r + 2) < glyph) {
                lo = mid + 1;
            } else if (u16(t, r) > glyph) {
                hi = mid - 1;
            } else {
                return u16(t, r + 4) + glyph - u16(t, r);
            }
        }
        return -1;
    }

    private int classOf(int cd, int glyph) {
        int format = u16(t, cd);
        if (format == 1) {
            int start = u16(t, cd + 2);
            int n = u16(t, cd + 4);
            return glyph >= start && glyph < start + n ? u16(t, cd + 6 + 2 * (glyph - start)) : 0;
        }
        int n = u16(t, cd + 2);
        int lo = 0, hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = cd + 4 + 6 * mid;
            if (u16(t, r + 2) < glyph) {
                lo = mid + 1;
            } else if (u16(t, r) > glyph) {
                hi = mid - 1;
            } else {
                return u16(t, r + 4);
            }
        }
        return 0;
    }

    /**
     * Whether a pair-adjustment subtable lies wholly inside the table (coverage, class definitions,
     * pair sets, class records), so that {@link #pair} never reads outside it; throws
     * IndexOutOfBoundsException for offsets that do not, which {@link #read} reports.
     */
    private static boolean check(byte[] t, int sub) {
        int format = u16(t, sub);
        if (format != 1 && format != 2) {
            return false;
        }
        checkCoverage(t, sub + u16(t, sub + 2));
        int vf1 = u16(t, sub + 4);
        int vf2 = u16(t, sub + 6);
        int recordValues = 2 * Integer.bitCount(vf1 & 0xFF) + 2 * Integer.bitCount(vf2 & 0xFF);
        if (format == 1) {
            int sets = u16(t, sub + 8);
            for (int i = 0; i < sets; i++) {
                int set = sub + u16(t, sub + 10 + 2 * i);
                int n = u16(t, set);
                need(t, set + 2 + (long) n * (2 + recordValues));
            }
        } else {
            checkClassDef(t, sub + u16(t, sub + 8));
            checkClassDef(t, sub + u16(t, sub + 10));
            long records = (long) u16(t, sub + 12) * u16(t, sub + 14);
            need(t, sub + 16 + records * recordValues);
        }
        return true;
    }

    private static void checkCoverage(byte[] t, int cov) {
        int format = u16(t, cov);
        int n = u16(t, cov + 2);
        need(t, cov + 4 + (long) n * (format == 1 ? 2 : 6));
    }

    private static void checkClassDef(byte[] t, int cd) {
        int format = u16(t, cd);
        if (format == 1) {
            need(t, cd + 6 + 2L * u16(t, cd + 4));
        } else {
            need(t, cd + 4 + 6L * u16(t, cd + 2));
        }
    }

    private static void need(byte[] t, long end) {
        if (end > t.length) {
            throw new IndexOutOfBoundsException("GPOS ends at " + t.length + ", data needed to " + end);
        }
    }

    private static int u16(byte[] t, int at) {
        return (t[at] & 0xFF) << 8 | (t[at + 1] & 0xFF);
    }

    private static long u32(byte[] t, int at) {
        return (long) u16(t, at) << 16 | u16(t, at + 2);
    }
}
