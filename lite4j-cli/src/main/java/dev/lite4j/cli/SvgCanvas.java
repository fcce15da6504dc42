package dev.lite4j.cli;

import java.awt.Color;
import java.util.Locale;

/** A {@link ChartCanvas} that writes an SVG 1.1 document (text, no scripts, no external resources). */
final class SvgCanvas implements ChartCanvas {
  private final StringBuilder body = new StringBuilder();
  private final int width;
  private final int height;

  SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
  }

  @Override
  public void rect(double x, double y, double w, double h, Color fill) {
    body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n",
        x, y, w, h, hex(fill)));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Color stroke, double width, boolean dashed) {
    body.append(String.format(Locale.ROOT,
        "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"%s/>%n",
        x1, y1, x2, y2, hex(stroke), width, dashed ? " stroke-dasharray=\"6 4\"" : ""));
  }

  @Override
  public void text(double x, double y, String s, double size, Anchor anchor, boolean bold, Color fill,
      boolean vertical) {
    String a = switch (anchor) {
      case START -> "start";
      case MIDDLE -> "middle";
      case END -> "end";
    };
    body.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" text-anchor=\"%s\" fill=\"%s\"%s%s>",
        x, y, size, a, hex(fill), bold ? " font-weight=\"bold\"" : "",
        vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.2f %.2f)\"", x, y) : ""));
    escape(body, s);
    body.append("</text>\n");
  }

  /** The whole document. */
  String document() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
        + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Verdana, Helvetica, Arial, sans-serif\">\n"
        + body + "</svg>\n";
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  static void escape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            b.append(c);
          }
        }
      }
    }
  }
}
