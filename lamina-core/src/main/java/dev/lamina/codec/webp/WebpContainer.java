package dev.lamina.codec.webp;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.codec.metadata.ExifBlock;
import dev.lamina.codec.webp.lossless.Vp8lHeader;
import dev.lamina.codec.webp.lossy.Vp8Decoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The RIFF container of a WebP file (RFC 9649, section 2): the simple forms (one {@code VP8 } or
 * {@code VP8L} chunk) and the extended one ({@code VP8X} with its canvas and flags, then
 * {@code ICCP}, {@code ANIM}/{@code ANMF} or {@code ALPH} + image, {@code EXIF}, {@code XMP },
 * unknown chunks skipped). Every chunk's size is checked against the RIFF size and the data
 * present before it is used; the checks follow libwebp's ({@code src/dec/webp_dec.c},
 * {@code src/demux/demux.c}) so that what {@code dwebp} refuses is refused here too.
 *
 * <p>For an animation the first frame is described ({@code ANMF}: offset, size, its own
 * {@code ALPH} and image chunks) and the frames are counted. Parsing reads no pixels.
 */
final class WebpContainer {
    static final int ANIMATION_FLAG = 0x02;
    static final int ALPHA_FLAG = 0x10;
    /** libwebp's limit on a chunk's payload. */
    private static final long MAX_CHUNK_PAYLOAD = 0xFFFFFFFFL - 8 - 1;

    final String name;
    /** The image (or the first frame's image) chunk's payload. */
    int imageOffset;
    int imageLength;
    boolean lossless;
    /** The ALPH chunk's payload of a lossy image or frame, or -1. */
    int alphaOffset = -1;
    int alphaLength;
    boolean extended;
    int flags;
    int canvasWidth;
    int canvasHeight;
    boolean animated;
    int frameCount = 1;
    int frameX;
    int frameY;
    int frameWidth;
    int frameHeight;
    /** Whether the image carries alpha as libwebp reports it (the VP8X flag or an ALPH chunk; VP8L's header bit). */
    boolean hasAlpha;
    Metadata metadata = Metadata.NONE;

    private WebpContainer(String name) {
        this.name = name;
    }

    static boolean isWebp(byte[] head) {
        return head.length >= 12 && tag(head, 0, "RIFF") && tag(head, 8, "WEBP");
    }

    static WebpContainer parse(byte[] data, String name, Limits limits) {
        WebpContainer c = new WebpContainer(name);
        c.read(data, limits);
        return c;
    }

    private void read(byte[] data, Limits limits) {
        if (!isWebp(data)) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": not a WebP file (no RIFF/WEBP header)");
        }
        long riffSize = le32(data, 4);
        if (riffSize < 12) {
            throw corrupt("the RIFF size " + riffSize + " is too small for any image");
        }
        if (riffSize > MAX_CHUNK_PAYLOAD) {
            throw corrupt("the RIFF size " + riffSize + " is too large");
        }
        if (riffSize > data.length - 8L) {
            throw truncated("the file has " + data.length + " bytes, its RIFF header announces " + (riffSize + 8));
        }
        int end = (int) (riffSize + 8);   // anything after the RIFF chunk is ignored, as libwebp does
        int at = 12;
        Chunk first = chunk(data, at, end);
        if (first.is("VP8X")) {
            readExtended(data, first, end, limits);
        } else if (first.is("VP8 ") || first.is("VP8L")) {
            setImage(data, first);
            canvasWidth = frameWidth;
            canvasHeight = frameHeight;
            limits.checkPixels(name, canvasWidth, canvasHeight);
        } else {
            throw corrupt("the first chunk is '" + first.fourcc() + "', not VP8, VP8L or VP8X");
        }
    }

    private void readExtended(byte[] data, Chunk vp8x, int end, Limits limits) {
        extended = true;
        if (vp8x.size != 10) {
            throw corrupt("the VP8X chunk has " + vp8x.size + " bytes, not 10");
        }
        flags = data[vp8x.payload] & 0xFF;
        canvasWidth = 1 + le24(data, vp8x.payload + 4);
        canvasHeight = 1 + le24(data, vp8x.payload + 7);
        if ((long) canvasWidth * canvasHeight >= 1L << 32) {
            throw corrupt("the canvas " + canvasWidth + "x" + canvasHeight + " is too large");
        }
        limits.checkPixels(name, canvasWidth, canvasHeight);
        animated = (flags & ANIMATION_FLAG) != 0;
        byte[] icc = null;
        byte[] exif = null;
        byte[] xmp = null;
        Chunk image = null;
        Chunk alpha = null;
        Chunk firstFrame = null;
        boolean anim = false;
        int frames = 0;
        for (int at = vp8x.next; at < end; ) {
            Chunk c = chunk(data, at, end);
            switch (c.fourcc()) {
                case "ICCP" -> icc = icc == null ? c.bytes(data) : icc;
                case "EXIF" -> exif = exif == null ? c.bytes(data) : exif;
                case "XMP " -> xmp = xmp == null ? c.bytes(data) : xmp;
                case "ANIM" -> anim = true;
                case "ANMF" -> {
                    frames++;
                    if (firstFrame == null) {
                        firstFrame = c;
                    }
                }
                case "ALPH" -> {
                    if (image == null) {
                        alpha = c;   // the last ALPH before the image counts, as in libwebp
                    }
                }
                case "VP8 ", "VP8L" -> {
                    if (image == null) {
                        image = c;
                    }
                }
                default -> {
                    // unknown chunks are skipped (RFC 9649 2.7.1.1)
                }
            }
            at = c.next;
        }
        metadata = metadata(icc, exif, xmp);
        if (animated) {
            if (!anim) {
                throw corrupt("an animation without its ANIM chunk");
            }
            if (frames == 0) {
                throw corrupt("an animation without frames");
            }
            frameCount = frames;
            metadata = metadata.withPages(frames);
            readFrame(data, firstFrame);
            hasAlpha = true;   // the canvas of an animation is RGBA, as libwebp's animation decoder gives it
            return;
        }
        if (image == null) {
            throw corrupt("no image chunk (VP8 or VP8L)");
        }
        if (alpha != null && image.is("VP8 ")) {
            alphaOffset = alpha.payload;
            alphaLength = alpha.size;
        }
        setImage(data, image);
        if (frameWidth != canvasWidth || frameHeight != canvasHeight) {
            throw corrupt("the image is " + frameWidth + "x" + frameHeight + " but the VP8X canvas is "
                    + canvasWidth + "x" + canvasHeight);
        }
        if (!lossless) {
            hasAlpha = (flags & ALPHA_FLAG) != 0 || alphaOffset >= 0;
        }
    }

    /** The first ANMF chunk: its placement on the canvas, then its ALPH and image chunks. */
    private void readFrame(byte[] data, Chunk anmf) {
        if (anmf.size < 16) {
            throw corrupt("an ANMF chunk of " + anmf.size + " bytes is shorter than its 16-byte header");
        }
        int p = anmf.payload;
        frameX = 2 * le24(data, p);
        frameY = 2 * le24(data, p + 3);
        int w = 1 + le24(data, p + 6);
        int h = 1 + le24(data, p + 9);
        if ((long) frameX + w > canvasWidth || (long) frameY + h > canvasHeight) {
            throw corrupt("the first frame (" + w + "x" + h + " at " + frameX + "," + frameY + ") is outside the "
                    + canvasWidth + "x" + canvasHeight + " canvas");
        }
        int end = anmf.payload + anmf.size;
        Chunk image = null;
        Chunk alpha = null;
        for (int at = p + 16; at < end && image == null; ) {
            Chunk c = chunk(data, at, end);
            if (c.is("ALPH")) {
                alpha = c;
            } else if (c.is("VP8 ") || c.is("VP8L")) {
                image = c;
            }
            at = c.next;
        }
        if (image == null) {
            throw corrupt("the first frame has no image chunk (VP8 or VP8L)");
        }
        if (alpha != null && image.is("VP8 ")) {
            alphaOffset = alpha.payload;
            alphaLength = alpha.size;
        }
        setImage(data, image);
        if (frameWidth != w || frameHeight != h) {
            throw corrupt("the first frame's image is " + frameWidth + "x" + frameHeight + " but its ANMF header says "
                    + w + "x" + h);
        }
    }

    private void setImage(byte[] data, Chunk image) {
        imageOffset = image.payload;
        imageLength = image.size;
        lossless = image.is("VP8L");
        if (lossless) {
            Vp8lHeader header = Vp8lHeader.read(data, image.payload, image.size, name);
            frameWidth = header.width();
            frameHeight = header.height();
            hasAlpha = header.alphaUsed();
        } else {
            int[] size = Vp8Decoder.size(data, image.payload, image.size, name);
            frameWidth = size[0];
            frameHeight = size[1];
        }
    }

    /**
     * Metadata from the ICCP, EXIF and XMP chunks. An EXIF chunk that some writers start with JPEG's
     * "Exif\0\0" is taken after it; one that is not a TIFF structure is dropped (the picture does not
     * depend on it). The orientation comes from the EXIF block, as for JPEG.
     */
    private static Metadata metadata(byte[] icc, byte[] exif, byte[] xmp) {
        if (exif != null && exif.length >= 6 && new String(exif, 0, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
            exif = Arrays.copyOfRange(exif, 6, exif.length);
        }
        if (exif != null && !ExifBlock.isTiffHeader(exif, 0, exif.length)) {
            exif = null;
        }
        int orientation = exif == null ? 1 : ExifBlock.orientation(exif);
        return new Metadata(icc, null, 0, -1, null, List.of(), orientation, exif, xmp);
    }

    /** One chunk header and where its payload and the next chunk are; its padded size must fit before {@code end}. */
    private Chunk chunk(byte[] data, int at, int end) {
        if (at + 8 > end) {
            throw truncated("a chunk header at byte " + at + " is cut off");
        }
        long size = le32(data, at + 4);
        if (size > MAX_CHUNK_PAYLOAD) {
            throw corrupt("the chunk '" + fourcc(data, at) + "' at byte " + at + " has an invalid size " + size);
        }
        long next = at + 8 + size + (size & 1);
        if (at + 8 + size > end) {
            throw truncated("the chunk '" + fourcc(data, at) + "' at byte " + at + " announces " + size + " bytes, "
                    + Math.max(0, end - at - 8) + " are left");
        }
        return new Chunk(fourcc(data, at), at + 8, (int) size, (int) Math.min(next, end));
    }

    private record Chunk(String fourcc, int payload, int size, int next) {
        boolean is(String tag) {
            return fourcc.equals(tag);
        }

        byte[] bytes(byte[] data) {
            return Arrays.copyOfRange(data, payload, payload + size);
        }
    }

    private static String fourcc(byte[] data, int at) {
        return new String(data, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static boolean tag(byte[] data, int at, String fourcc) {
        for (int i = 0; i < 4; i++) {
            if (data[at + i] != fourcc.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static long le32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }

    private static int le24(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 | (d[at + 2] & 0xFF) << 16;
    }

    LaminaException corrupt(String what) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": corrupt WebP file: " + what);
    }

    LaminaException truncated(String what) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the WebP file is truncated: " + what);
    }
}
