package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import dev.lamina.codec.metadata.ExifBlock;
import dev.lamina.codec.metadata.XmpPacket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the metadata chunks Lamina keeps (iCCP, gAMA, sRGB, pHYs, tEXt, zTXt, iTXt, eXIf) into
 * {@link Metadata}. Malformed content in any of them but eXIf is an error, as a bad CRC is: a chunk
 * that does not follow its own layout is a damaged file. eXIf holds a foreign structure (TIFF) that
 * only its header is checked for: the first one with a sound header is kept as bytes, others are
 * ignored, as JPEG's EXIF is. Its orientation is not applied: the PNG specification (third
 * edition, eXIf) recommends that decoders consider Exif data "of historical value only" unless
 * they know it is valid, so the image is taken as stored (orientation 1), and an encoder writing
 * it back says 1. Keywords and tEXt/zTXt text are Latin-1, iTXt
 * text is UTF-8, as the specification says. The iTXt translated keyword is not kept (Metadata has no
 * place for it). An iTXt chunk with the keyword {@code XML:com.adobe.xmp} is the XMP packet (XMP
 * Specification Part 3): the first one is kept as bytes in {@link Metadata#xmp()}, not as a text,
 * and later ones are ignored.
 */
final class PngMetadataChunks {
    /** Ceiling on one decompressed profile or text, against zip bombs. */
    static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;
    /**
     * Ceilings on what all the metadata chunks of one file keep (bodies as read, compressed
     * contents as inflated), so that many chunks, each within the ceiling above, cannot add up to
     * gigabytes (libpng caps the chunks it keeps at 1000 too).
     */
    static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;
    static final int MAX_TEXTS = 1000;
    private long kept;

    private final String name;
    private byte[] icc;
    private String iccName;
    private int gamma;
    private int srgbIntent = -1;
    private Metadata.Density density;
    private final List<Metadata.Text> texts = new ArrayList<>();
    private final List<Integer> seen = new ArrayList<>();
    private byte[] exif;
    private byte[] xmp;

    PngMetadataChunks(String name) {
        this.name = name;
    }

    /** Whether this class reads chunks of {@code type}. */
    static boolean handles(int type) {
        return type == PngChunkReader.ICCP || type == PngChunkReader.GAMA || type == PngChunkReader.SRGB
                || type == PngChunkReader.PHYS || type == PngChunkReader.TEXT || type == PngChunkReader.ZTXT
                || type == PngChunkReader.ITXT || type == PngChunkReader.EXIF;
    }

    /** Reads one chunk's body; {@code offset} is the chunk's offset, for messages. */
    void read(int type, byte[] b, long offset) {
        String where = PngChunkReader.typeName(type) + " chunk at offset " + offset;
        if (texts.size() >= MAX_TEXTS && (type == PngChunkReader.TEXT || type == PngChunkReader.ZTXT
                || type == PngChunkReader.ITXT)) {
            throw limit("more than " + MAX_TEXTS + " text chunks (" + where + ")");
        }
        if (type != PngChunkReader.ICCP && type != PngChunkReader.ZTXT && type != PngChunkReader.ITXT) {
            keep(b.length, where);   // kept as read; compressed contents are counted as they inflate
        }
        boolean once = type == PngChunkReader.ICCP || type == PngChunkReader.GAMA || type == PngChunkReader.SRGB
                || type == PngChunkReader.PHYS;
        if (once) {
            if (seen.contains(type)) {
                throw fail("duplicate " + where);
            }
            seen.add(type);
        }
        if (type == PngChunkReader.GAMA) {
            requireLength(b, 4, where);
            gamma = int32(b, 0);
            if (gamma <= 0) {
                throw fail("invalid gamma " + Integer.toUnsignedString(gamma) + " in " + where);
            }
        } else if (type == PngChunkReader.SRGB) {
            requireLength(b, 1, where);
            srgbIntent = b[0] & 0xFF;
            if (srgbIntent > 3) {
                throw fail("invalid rendering intent " + srgbIntent + " in " + where);
            }
        } else if (type == PngChunkReader.PHYS) {
            requireLength(b, 9, where);
            int unit = b[8] & 0xFF;
            if (unit > 1) {
                throw fail("invalid unit " + unit + " in " + where);
            }
            density = new Metadata.Density(Integer.toUnsignedLong(int32(b, 0)), Integer.toUnsignedLong(int32(b, 4)),
                    unit == 1);
        } else if (type == PngChunkReader.ICCP) {
            int end = keywordEnd(b, 0, where);
            if (end + 2 > b.length) {
                throw fail("missing compression method in " + where);
            }
            requireDeflate(b[end + 1], where);
            iccName = new String(b, 0, end, StandardCharsets.ISO_8859_1);
            icc = inflate(b, end + 2, where);
        } else if (type == PngChunkReader.TEXT) {
            int end = keywordEnd(b, 0, where);
            texts.add(new Metadata.Text(new String(b, 0, end, StandardCharsets.ISO_8859_1),
                    new String(b, end + 1, b.length - end - 1, StandardCharsets.ISO_8859_1)));
        } else if (type == PngChunkReader.ZTXT) {
            int end = keywordEnd(b, 0, where);
            if (end + 2 > b.length) {
                throw fail("missing compression method in " + where);
            }
            requireDeflate(b[end + 1], where);
            String text = new String(inflate(b, end + 2, where), StandardCharsets.ISO_8859_1);
            texts.add(new Metadata.Text(new String(b, 0, end, StandardCharsets.ISO_8859_1), text, null, false, true));
        } else if (type == PngChunkReader.ITXT) {
            readInternationalText(b, where);
        } else if (type == PngChunkReader.EXIF) {
            if (exif == null && ExifBlock.isTiffHeader(b, 0, b.length)) {
                exif = b;
            }
        }
    }

    private void readInternationalText(byte[] b, String where) {
        int end = keywordEnd(b, 0, where);
        int p = end + 1;
        if (p + 2 > b.length) {
            throw fail("missing compression flag or method in " + where);
        }
        int flag = b[p] & 0xFF;
        if (flag > 1) {
            throw fail("invalid compression flag " + flag + " in " + where);
        }
        boolean compressed = flag == 1;
        if (compressed) {
            requireDeflate(b[p + 1], where);
        }
        p += 2;
        int langEnd = indexOfZero(b, p);
        if (langEnd < 0) {
            throw fail("missing language tag terminator in " + where);
        }
        String language = new String(b, p, langEnd - p, StandardCharsets.ISO_8859_1);
        int translatedEnd = indexOfZero(b, langEnd + 1);
        if (translatedEnd < 0) {
            throw fail("missing translated keyword terminator in " + where);
        }
        int textStart = translatedEnd + 1;
        if (!compressed) {
            keep(b.length, where);
        }
        byte[] raw = compressed ? inflate(b, textStart, where) : java.util.Arrays.copyOfRange(b, textStart, b.length);
        String keyword = new String(b, 0, end, StandardCharsets.ISO_8859_1);
        if (keyword.equals(XmpPacket.PNG_KEYWORD)) {
            if (xmp == null) {
                xmp = raw;
            }
            return;
        }
        texts.add(new Metadata.Text(keyword, new String(raw, StandardCharsets.UTF_8),
                language.isEmpty() ? null : language, true, compressed));
    }

    Metadata build() {
        return new Metadata(icc, iccName, gamma, srgbIntent, density, texts, 1, exif, xmp);
    }

    /** Index of the zero byte after a 1-79 byte keyword starting at {@code from}. */
    private int keywordEnd(byte[] b, int from, String where) {
        int end = indexOfZero(b, from);
        if (end < 0) {
            throw fail("missing keyword terminator in " + where);
        }
        int len = end - from;
        if (len < 1 || len > 79) {
            throw fail("keyword of " + len + " bytes (1 to 79 allowed) in " + where);
        }
        return end;
    }

    private static int indexOfZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private void requireDeflate(byte method, String where) {
        if (method != 0) {
            throw fail("unknown compression method " + (method & 0xFF) + " in " + where);
        }
    }

    private void requireLength(byte[] b, int n, String where) {
        if (b.length != n) {
            throw fail(where + " has " + b.length + " bytes instead of " + n);
        }
    }

    /** Counts {@code n} more bytes of kept metadata against {@link #MAX_KEPT_BYTES}. */
    private void keep(long n, String where) {
        kept += n;
        if (kept > MAX_KEPT_BYTES) {
            throw limit("the metadata chunks hold more than " + MAX_KEPT_BYTES + " bytes (at " + where + ")");
        }
    }

    private byte[] inflate(byte[] b, int from, String where) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(b, from, b.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw fail("compressed data in " + where + " ends early");
                }
                out.write(chunk, 0, n);
                keep(n, where);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw limit(where + " inflates to more than " + MAX_INFLATED_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw fail("corrupt compressed data in " + where + " (" + e.getMessage() + ")");
        } finally {
            inf.end();
        }
    }

    private static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    private LaminaException limit(String message) {
        return new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + message);
    }

    private LaminaException fail(String message) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": " + message);
    }
}
