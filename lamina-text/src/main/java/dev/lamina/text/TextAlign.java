package dev.lamina.text;

/** Where each line sits across the width of its text block. */
public enum TextAlign {
    LEFT, CENTER, RIGHT
}
