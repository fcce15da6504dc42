package dev.lite4j.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * What a chart draws on: rectangles, lines and text, in pixels from the top left. {@link SvgCanvas}
 * writes SVG by hand, {@link PngCanvas} paints with java.awt; the chart code is the same for both.
 */
interface ChartCanvas {
  /** Where a text's x coordinate lies: its start, middle or end. */
  enum Anchor { START, MIDDLE, END }

  void rect(double x, double y, double w, double h, Color fill);

  void line(double x1, double y1, double x2, double y2, Color stroke, double width, boolean dashed);

  /** Text whose baseline starts at (x, y); {@code vertical} turns it 90 degrees anticlockwise about (x, y). */
  void text(double x, double y, String s, double size, Anchor anchor, boolean bold, Color fill, boolean vertical);

  /** The family both canvases name; DejaVu Sans or a look-alike where it is absent. */
  String FONT_FAMILY = "SansSerif";

  /**
   * The advance width of {@code s}, measured with java.awt's SansSerif (headless measuring needs no
   * display); a fixed 0.56 em per character where no font can be loaded.
   */
  static double textWidth(String s, double size, boolean bold) {
    try {
      Font f = new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
      return f.getStringBounds(s, new FontRenderContext(null, true, true)).getWidth();
    } catch (RuntimeException | Error e) {
      return s.length() * size * 0.56;
    }
  }
}
