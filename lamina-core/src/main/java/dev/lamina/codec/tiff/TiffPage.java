package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Interpretation;

import java.util.List;

/**
 * One page of a TIFF as Lamina decodes it: the layout of its samples (size, bits, sample format,
 * photometric interpretation, planar configuration, compression, predictor), how its strips or
 * tiles are cut, what the output image is (bands, alpha, format), and its metadata. Everything is
 * checked here, before a pixel is read: what Lamina cannot decode is refused as UNSUPPORTED, what
 * is inconsistent as BAD_INPUT, what is too big as LIMIT_EXCEEDED.
 */
final class TiffPage {
    /** How the first extra sample is used. */
    enum Alpha { NONE, UNASSOCIATED, ASSOCIATED }

    /** Largest JPEGTables and ICC profile accepted (real ones are a few hundred bytes and a few MB). */
    static final int MAX_JPEG_TABLES = 1 << 20;
    static final int MAX_ICC = 64 << 20;
    /** Largest tile side accepted beyond the image's own size (a 256 tile on a 100-pixel image is normal). */
    static final int MAX_TILE_SIDE = 8192;
    /** Most samples per byte of file any compression is taken to deliver (see {@link #checkDataSize}). */
    static final long MAX_RATIO = 2048;

    final String name;
    final TiffDirectory dir;
    final int width;
    final int height;
    final int samplesPerPixel;
    final int bits;
    final boolean floatSamples;
    final int photometric;
    final int compression;
    final int predictor;
    /** FillOrder 2: the stored bytes have their bits in reverse order (libtiff reverses them on read and write). */
    final boolean reversedBits;
    final boolean planar;
    final boolean tiled;
    /** Block (strip or tile) size: a strip is {@code width x rowsPerStrip}. */
    final int blockWidth;
    final int blockHeight;
    final int blocksAcross;
    final int blocksDown;
    final BlockTable offsets;
    final BlockTable byteCounts;
    /** Samples that make the colour: 1 grey or palette, 3 RGB or YCbCr, 4 CMYK. */
    final int colourSamples;
    final Alpha alpha;
    final int[] colourMap;
    final byte[] jpegTables;
    final Interpretation interpretation;
    final BandFormat format;
    final Metadata metadata;

    private TiffPage(TiffDirectory d, Limits limits) {
        this.dir = d;
        this.name = d.input.name;
        long w = d.value(TiffTag.IMAGE_WIDTH, -1);
        long h = d.value(TiffTag.IMAGE_LENGTH, -1);
        if (w < 0 || h < 0) {
            throw d.bad("the directory has no image " + (w < 0 ? "width" : "length"));
        }
        limits.checkPixels(name, w, h);
        this.width = (int) w;
        this.height = (int) h;
        this.compression = (int) d.value(TiffTag.COMPRESSION, TiffTag.NONE);
        this.samplesPerPixel = (int) Math.min(d.value(TiffTag.SAMPLES_PER_PIXEL, 1), Integer.MAX_VALUE);
        if (samplesPerPixel < 1 || samplesPerPixel > 16) {
            throw unsupported(samplesPerPixel + " samples per pixel (at most 16 are read, 4 kept)");
        }
        int[] bps = d.integers(TiffTag.BITS_PER_SAMPLE, samplesPerPixel);
        this.bits = bps == null ? 1 : bps[0];
        if (bps != null) {
            for (int b : bps) {
                if (b != bits) {
                    throw unsupported("samples of different sizes (" + java.util.Arrays.toString(bps) + " bits)");
                }
            }
        }
        int[] sf = d.integers(TiffTag.SAMPLE_FORMAT, samplesPerPixel);
        int sampleFormat = sf == null ? 1 : sf[0];
        this.floatSamples = sampleFormat == 3;
        if (sampleFormat == 3 && bits != 32) {
            throw unsupported(bits + "-bit floating-point samples (32-bit floats are read)");
        }
        if (sampleFormat == 2 || sampleFormat > 3) {
            throw unsupported(sampleFormat == 2 ? "signed integer samples" : "sample format " + sampleFormat);
        }
        if (!floatSamples && bits != 1 && bits != 2 && bits != 4 && bits != 8 && bits != 16) {
            throw unsupported(bits + "-bit samples (1, 2, 4, 8 and 16-bit integers and 32-bit floats are read)");
        }
        long fill = d.value(TiffTag.FILL_ORDER, 1);
        if (fill != 1 && fill != 2) {
            throw d.bad("fill order " + fill + " (1 or 2)");
        }
        this.reversedBits = fill == 2;
        this.photometric = (int) d.value(TiffTag.PHOTOMETRIC, -1);
        this.colourSamples = switch (photometric) {
            case 0, 1, 3 -> 1;
            case 2, 6 -> 3;
            case 5 -> 4;
            case -1 -> throw d.bad("the directory has no photometric interpretation");
            default -> throw unsupported("photometric interpretation " + photometric
                    + " (grey, RGB, palette, CMYK and JPEG-compressed YCbCr are read)");
        };
        if (samplesPerPixel < colourSamples) {
            throw d.bad(samplesPerPixel + " samples per pixel for photometric interpretation " + photometric
                    + ", which needs " + colourSamples);
        }
        if (photometric == 5 && d.value(TiffTag.INK_SET, 1) != 1) {
            throw unsupported("inks other than CMYK");
        }
        if (photometric == 6 && compression != TiffTag.JPEG) {
            throw unsupported("YCbCr samples outside JPEG compression");
        }
        if (photometric == 3 && bits > 8) {
            throw unsupported(bits + "-bit palette indices (at most 8)");
        }
        if (floatSamples && (photometric == 3 || photometric == 5)) {
            throw unsupported("floating-point " + (photometric == 3 ? "palette" : "CMYK") + " samples");
        }
        this.alpha = alpha(d);
        this.planar = d.value(TiffTag.PLANAR_CONFIGURATION, 1) == 2 && samplesPerPixel > 1;
        // libtiff applies the predictor only inside the codecs that support it (LZW, Deflate):
        // uncompressed, PackBits and JPEG data ignore the tag, so Lamina reads them the same way
        boolean predicted = compression == TiffTag.LZW || compression == TiffTag.ADOBE_DEFLATE || compression == TiffTag.DEFLATE;
        this.predictor = predicted ? (int) d.value(TiffTag.PREDICTOR, 1) : 1;
        checkCompression();

        this.tiled = d.has(TiffTag.TILE_WIDTH) || d.has(TiffTag.TILE_OFFSETS);
        if (tiled) {
            long tw = d.value(TiffTag.TILE_WIDTH, -1);
            long th = d.value(TiffTag.TILE_LENGTH, -1);
            if (tw < 1 || th < 1) {
                throw d.bad("a tiled page needs a tile width and length");
            }
            if (tw > Math.max(width, MAX_TILE_SIDE) || th > Math.max(height, MAX_TILE_SIDE)) {
                throw unsupported("tiles of " + tw + "x" + th + " on a " + width + "x" + height + " image");
            }
            this.blockWidth = (int) tw;
            this.blockHeight = (int) th;
        } else {
            long rps = d.value(TiffTag.ROWS_PER_STRIP, height);
            this.blockWidth = width;
            this.blockHeight = (int) Math.max(1, Math.min(rps <= 0 ? height : rps, height));
        }
        this.blocksAcross = (width + blockWidth - 1) / blockWidth;
        this.blocksDown = (height + blockHeight - 1) / blockHeight;
        long blocks = (long) blocksAcross * blocksDown * (planar ? samplesPerPixel : 1);
        TiffDirectory.Entry off = d.entry(tiled ? TiffTag.TILE_OFFSETS : TiffTag.STRIP_OFFSETS);
        TiffDirectory.Entry cnt = d.entry(tiled ? TiffTag.TILE_BYTE_COUNTS : TiffTag.STRIP_BYTE_COUNTS);
        String what = tiled ? "tile" : "strip";
        if (off == null || cnt == null) {
            throw d.bad("the page has no " + what + (off == null ? " offsets" : " byte counts"));
        }
        if (off.count() < blocks || cnt.count() < blocks) {
            throw d.bad(blocks + " " + what + "s expected for a " + width + "x" + height + " page, the directory lists "
                    + Math.min(off.count(), cnt.count()));
        }
        this.offsets = new BlockTable(d, off);
        this.byteCounts = new BlockTable(d, cnt);

        // Rows and tiles are held in Java arrays: refuse sizes whose one row of samples cannot be.
        if ((long) blockWidth * samplesPerPixel * Math.max(bits, 8) / 8 > Integer.MAX_VALUE - 64) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": rows of " + blockWidth + " pixels are too long to decode");
        }
        checkDataSize(blocks, limits);
        this.colourMap = photometric == 3 ? colourMap(d) : null;
        TiffDirectory.Entry tables = d.entry(TiffTag.JPEG_TABLES);
        this.jpegTables = compression == TiffTag.JPEG && tables != null ? d.bytes(tables, MAX_JPEG_TABLES) : null;
        this.interpretation = photometric == 0 || photometric == 1 ? Interpretation.GREY : Interpretation.RGB;
        this.format = floatSamples ? BandFormat.F32 : bits == 16 && photometric != 3 ? BandFormat.U16 : BandFormat.U8;
        this.metadata = metadata(d);
    }

    /**
     * The work a file can ask for is bounded by its size: the samples its blocks decode to may be
     * at most {@link #MAX_RATIO} times the file (Deflate's own limit is about 1032:1, and LZW and
     * JPEG stay below this on any real image), and as many bytes as the file for uncompressed data.
     * A header of a few hundred bytes that claims a gigapixel image is refused here, before any
     * row is allocated or decoded, instead of failing after minutes of decoding nothing.
     */
    private void checkDataSize(long blocks, Limits limits) {
        // tiles are stored whole, edge tiles too; the last strip only has the rows left
        long stored = tiled ? blocks * blockHeight * blockRowBytes() : (long) planes() * height * blockRowBytes();
        long size = dir.input.size();
        long ratio = compression == TiffTag.NONE ? 1 : compression == TiffTag.PACKBITS ? 64 : MAX_RATIO;
        if (stored / ratio > size) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": a " + width + "x" + height + " page of "
                    + stored + " bytes of samples cannot be held in a file of " + size + " bytes"
                    + (compression == TiffTag.NONE ? " (truncated)" : " (more than " + ratio + " times its size)"));
        }
    }

    /** Interprets the page {@code page} of the file: throws when it cannot be decoded. */
    static TiffPage read(TiffInput in, int page, Limits limits) {
        return new TiffPage(TiffDirectory.read(in, page), limits);
    }

    /** Bands of the decoded image: the colour bands of the interpretation, plus alpha. */
    int outputBands() {
        return interpretation.colourBands + (alpha != Alpha.NONE ? 1 : 0);
    }

    /** Bytes of one row of one block as stored, for one plane (planar) or all samples (chunky). */
    long blockRowBytes() {
        long samples = (long) blockWidth * (planar ? 1 : samplesPerPixel);
        return (samples * bits + 7) / 8;
    }

    int planes() {
        return planar ? samplesPerPixel : 1;
    }

    /** Index of the block (strip or tile) at block column {@code bx}, block row {@code by}, of plane {@code plane}. */
    long blockIndex(int bx, int by, int plane) {
        return (long) plane * blocksAcross * blocksDown + (long) by * blocksAcross + bx;
    }

    LaminaException unsupported(String what) {
        return new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": TIFF with " + what + " is not supported");
    }

    private Alpha alpha(TiffDirectory d) {
        int extras = samplesPerPixel - colourSamples;
        if (extras == 0) {
            return Alpha.NONE;
        }
        int[] kinds = d.integers(TiffTag.EXTRA_SAMPLES, 16);
        int first = kinds == null || kinds.length == 0 ? 0 : kinds[0];
        // The first extra sample is alpha, as libvips reads it; unspecified counts as unassociated.
        return first == 1 ? Alpha.ASSOCIATED : Alpha.UNASSOCIATED;
    }

    private void checkCompression() {
        switch (compression) {
            case TiffTag.NONE, TiffTag.LZW, TiffTag.ADOBE_DEFLATE, TiffTag.DEFLATE, TiffTag.PACKBITS -> {
            }
            case TiffTag.JPEG -> {
                if (bits != 8 || floatSamples) {
                    throw unsupported(bits + "-bit JPEG compression (8-bit JPEG is read)");
                }
                if (samplesPerPixel != colourSamples || photometric == 3 || photometric == 5) {
                    throw unsupported("JPEG compression of " + (photometric == 3 ? "palette" : photometric == 5 ? "CMYK" : "extra")
                            + " samples");
                }
                if (dir.value(TiffTag.PLANAR_CONFIGURATION, 1) == 2 && samplesPerPixel > 1) {
                    throw unsupported("JPEG compression of separate planes");
                }
            }
            case TiffTag.OLD_JPEG -> throw unsupported("old-style JPEG compression (6)");
            default -> throw unsupported("compression " + compression
                    + " (none, PackBits, LZW, Deflate and JPEG are read)");
        }
        if (predictor == 2) {
            if (floatSamples || bits < 8) {
                throw unsupported("the horizontal predictor on " + bits + "-bit " + (floatSamples ? "float " : "") + "samples");
            }
        } else if (predictor == 3) {
            if (!floatSamples) {
                throw unsupported("the floating-point predictor on integer samples");
            }
        } else if (predictor != 1) {
            throw unsupported("predictor " + predictor);
        }
    }

    private int[] colourMap(TiffDirectory d) {
        int entries = 1 << bits;
        int[] map = d.integers(TiffTag.COLOR_MAP, 3 * 65536);
        if (map == null) {
            throw d.bad("a palette page has no colour map");
        }
        if (map.length < 3 * entries) {
            throw d.bad("the colour map has " + map.length + " values, " + 3 * entries + " are needed for "
                    + bits + "-bit indices");
        }
        return map;
    }

    /** ICC profile, resolution and orientation; the page count goes with them. */
    private Metadata metadata(TiffDirectory d) {
        TiffDirectory.Entry icc = d.entry(TiffTag.ICC_PROFILE);
        byte[] profile = icc == null ? null : d.bytes(icc, MAX_ICC);
        Metadata.Density density = null;
        double xr = d.rational(TiffTag.X_RESOLUTION);
        double yr = d.rational(TiffTag.Y_RESOLUTION);
        if (xr > 0 && yr > 0 && Double.isFinite(xr) && Double.isFinite(yr)) {
            long unit = d.value(TiffTag.RESOLUTION_UNIT, 2);
            double toMetre = unit == 2 ? 1 / 0.0254 : unit == 3 ? 100 : 1;
            density = new Metadata.Density(Math.round(xr * toMetre), Math.round(yr * toMetre), unit == 2 || unit == 3);
        }
        long o = d.value(TiffTag.ORIENTATION, 1);
        int orientation = o >= 1 && o <= 8 ? (int) o : 1;
        return new Metadata(profile, null, 0, -1, density, List.of(), orientation, null).withPages(d.pages);
    }
}
