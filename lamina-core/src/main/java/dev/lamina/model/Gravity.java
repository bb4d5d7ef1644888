package dev.lamina.model;

import java.util.Locale;

/** Where a layer sits on the base when no explicit position is given: the nine positions. */
public enum Gravity {
    NORTH_WEST(0, 0), NORTH(1, 0), NORTH_EAST(2, 0),
    WEST(0, 1), CENTRE(1, 1), EAST(2, 1),
    SOUTH_WEST(0, 2), SOUTH(1, 2), SOUTH_EAST(2, 2);

    private final int column;
    private final int row;

    Gravity(int column, int row) {
        this.column = column;
        this.row = row;
    }

    /** Left edge of a layer {@code layerWidth} wide on a base {@code baseWidth} wide (rounded down at the centre). */
    public int left(int baseWidth, int layerWidth) {
        return switch (column) {
            case 0 -> 0;
            case 1 -> Math.floorDiv(baseWidth - layerWidth, 2);
            default -> baseWidth - layerWidth;
        };
    }

    /** Top edge of a layer {@code layerHeight} high on a base {@code baseHeight} high. */
    public int top(int baseHeight, int layerHeight) {
        return switch (row) {
            case 0 -> 0;
            case 1 -> Math.floorDiv(baseHeight - layerHeight, 2);
            default -> baseHeight - layerHeight;
        };
    }

    /** Parses {@code centre}/{@code center}, {@code north-west}/{@code northwest}, and so on. */
    public static Gravity parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace("CENTER", "CENTRE");
        for (Gravity g : values()) {
            if (g.name().equals(n) || g.name().replace("_", "").equals(n)) {
                return g;
            }
        }
        throw new LaminaException(LaminaException.Kind.BAD_INPUT, "unknown gravity '" + s + "' (north-west, north, north-east, west, centre,"
                + " east, south-west, south, south-east)");
    }
}
