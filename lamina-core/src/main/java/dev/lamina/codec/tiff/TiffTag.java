package dev.lamina.codec.tiff;

/** The tag numbers Lamina reads and writes (TIFF 6.0 appendix A; ICC from the ICC's TIFF note; JPEGTables from TIFF technical note 2). */
final class TiffTag {
    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int FILL_ORDER = 266;
    static final int STRIP_OFFSETS = 273;
    static final int ORIENTATION = 274;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int X_RESOLUTION = 282;
    static final int Y_RESOLUTION = 283;
    static final int PLANAR_CONFIGURATION = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int SOFTWARE = 305;
    static final int PREDICTOR = 317;
    static final int COLOR_MAP = 320;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int INK_SET = 332;
    static final int EXTRA_SAMPLES = 338;
    static final int SAMPLE_FORMAT = 339;
    static final int JPEG_TABLES = 347;
    static final int ICC_PROFILE = 34675;

    /** Compression schemes. */
    static final int NONE = 1;
    static final int LZW = 5;
    static final int OLD_JPEG = 6;
    static final int JPEG = 7;
    static final int ADOBE_DEFLATE = 8;
    static final int PACKBITS = 32773;
    static final int DEFLATE = 32946;

    private TiffTag() {
    }
}
