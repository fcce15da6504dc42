package dev.lite4j.cli;

import dev.lite4j.cli.ChartCanvas.Anchor;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A grouped bar chart in the style of TensorFlow Lite's delegate launch posts: a title and subtitle,
 * a legend, labelled axes with gridlines, one group of bars per model, the value written on each
 * bar, and an optional dashed reference line (the baseline of a speed-up chart). One layout drawn on
 * any {@link ChartCanvas}, so the SVG and the PNG show the same chart.
 *
 * @param groups the x axis categories (models)
 * @param series one bar per group each; NaN values are drawn as "n/a"
 * @param valueLabel how a value is written on its bar
 * @param reference a value drawn as a dashed line across the plot, or null
 * @param referenceLabel the line's caption
 */
record BarChart(String title, String subtitle, String xLabel, String yLabel, List<String> groups,
    List<Series> series, DoubleFunction<String> valueLabel, Double reference, String referenceLabel) {

  /** One configuration: its bars across the groups. */
  record Series(String name, Color color, double[] values) {}

  static final int WIDTH = 960;
  static final int HEIGHT = 540;
  /** Widest bar: with few configurations and models, wider bars only look empty. */
  static final double MAX_BAR = 110;
  static final Color INK = new Color(0x33, 0x33, 0x33);
  static final Color MUTED = new Color(0x77, 0x77, 0x77);
  static final Color GRID = new Color(0xe3, 0xe3, 0xe3);

  /** Tableau 10, the palette of most charts in TensorFlow's posts' era. */
  static final Color[] PALETTE = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f),
      new Color(0xe15759), new Color(0x76b7b2), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
      new Color(0x9c755f), new Color(0xbab0ac)};

  static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** {@code c} mixed with white: the lighter bar of a pair (warm start next to cold). */
  static Color lighter(Color c, double amount) {
    return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * amount),
        (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount),
        (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount));
  }

  void writeSvg(Path file) throws IOException {
    SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT);
    draw(svg);
    Files.writeString(file, svg.document(), StandardCharsets.UTF_8);
  }

  void writePng(Path file) throws IOException {
    PngCanvas png = new PngCanvas(WIDTH, HEIGHT, 2);
    draw(png);
    png.write(file);
  }

  void draw(ChartCanvas c) {
    c.rect(0, 0, WIDTH, HEIGHT, Color.WHITE);
    c.text(WIDTH / 2.0, 34, title, 20, Anchor.MIDDLE, true, INK, false);
    if (subtitle != null && !subtitle.isEmpty()) {
      c.text(WIDTH / 2.0, 56, subtitle, 12.5, Anchor.MIDDLE, false, MUTED, false);
    }
    double legendBottom = drawLegend(c, 82);

    double max = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    if (reference != null) {
      max = Math.max(max, reference);
    }
    double step = niceStep(max > 0 ? max * 1.1 / 5 : 0.2);
    double top = Math.max(step, Math.ceil(max * 1.1 / step) * step);

    double tickWidth = 0;
    List<String> ticks = new ArrayList<>();
    for (int k = 0; k * step <= top + step * 1e-9; k++) {
      String t = tick(k * step, step);
      ticks.add(t);
      tickWidth = Math.max(tickWidth, ChartCanvas.textWidth(t, 12, false));
    }
    double left = 44 + tickWidth + 10;
    double right = WIDTH - 28;
    double plotTop = legendBottom + 26;
    double bottom = HEIGHT - 72;
    double plotH = bottom - plotTop;

    for (int k = 0; k < ticks.size(); k++) {
      double y = bottom - k * step / top * plotH;
      if (k > 0) {
        c.line(left, y, right, y, GRID, 1, false);
      }
      c.text(left - 8, y + 4, ticks.get(k), 12, Anchor.END, false, MUTED, false);
    }
    c.text(22, plotTop + plotH / 2, yLabel, 13, Anchor.MIDDLE, false, INK, true);

    double groupW = (right - left) / Math.max(1, groups.size());
    double barW = Math.min(MAX_BAR, groupW * 0.8 / Math.max(1, series.size()));
    double inner = barW * series.size();
    if (reference != null) {
      // Behind the bars: the baseline shows between them and above shorter ones without hiding labels.
      double y = bottom - reference / top * plotH;
      c.line(left, y, right, y, INK, 1.2, true);
    }
    for (int gi = 0; gi < groups.size(); gi++) {
      double gx = left + gi * groupW + (groupW - inner) / 2;
      for (int si = 0; si < series.size(); si++) {
        Series s = series.get(si);
        double v = gi < s.values().length ? s.values()[gi] : Double.NaN;
        double x = gx + si * barW;
        double w = Math.max(1, barW - Math.min(4, barW * 0.12));
        String label = Double.isFinite(v) ? valueLabel.apply(v) : "n/a";
        double size = fitSize(label, w + 6);
        if (Double.isFinite(v)) {
          double h = v / top * plotH;
          c.rect(x, bottom - h, w, h, s.color());
          // A white plate under the value keeps it legible over gridlines and the baseline.
          double tw = ChartCanvas.textWidth(label, size, false);
          c.rect(x + w / 2 - tw / 2 - 2, bottom - h - 5 - size, tw + 4, size + 2, Color.WHITE);
          c.text(x + w / 2, bottom - h - 5, label, size, Anchor.MIDDLE, false, INK, false);
        } else {
          c.text(x + w / 2, bottom - 5, label, size, Anchor.MIDDLE, false, MUTED, false);
        }
      }
      c.text(left + gi * groupW + groupW / 2, bottom + 22, fit(groups.get(gi), groupW - 8, 13), 13, Anchor.MIDDLE,
          false, INK, false);
    }
    c.line(left, bottom, right, bottom, INK, 1.2, false);
    c.line(left, plotTop - 6, left, bottom, INK, 1.2, false);
    c.text(left + (right - left) / 2, HEIGHT - 24, xLabel, 13, Anchor.MIDDLE, false, INK, false);
  }

  /** Swatches and names in rows, centred; returns the y below the legend. */
  private double drawLegend(ChartCanvas c, double y) {
    List<List<Integer>> rows = new ArrayList<>();
    List<Double> widths = new ArrayList<>();
    List<Integer> row = new ArrayList<>();
    double rowW = 0;
    double maxW = WIDTH - 80;
    List<String> names = new ArrayList<>(series.stream().map(Series::name).toList());
    if (reference != null && referenceLabel != null) {
      names.add(referenceLabel); // the last entry: a dashed line, not a swatch
    }
    for (int i = 0; i < names.size(); i++) {
      double w = 16 + ChartCanvas.textWidth(names.get(i), 12.5, false) + 22;
      if (!row.isEmpty() && rowW + w > maxW) {
        rows.add(row);
        widths.add(rowW);
        row = new ArrayList<>();
        rowW = 0;
      }
      row.add(i);
      rowW += w;
    }
    if (!row.isEmpty()) {
      rows.add(row);
      widths.add(rowW);
    }
    for (int r = 0; r < rows.size(); r++) {
      double x = (WIDTH - widths.get(r)) / 2;
      double yy = y + r * 20;
      for (int i : rows.get(r)) {
        if (i < series.size()) {
          c.rect(x, yy - 10, 12, 12, series.get(i).color());
        } else {
          c.line(x - 6, yy - 4, x + 12, yy - 4, INK, 1.2, true);
        }
        c.text(x + 16, yy, names.get(i), 12.5, Anchor.START, false, INK, false);
        x += 16 + ChartCanvas.textWidth(names.get(i), 12.5, false) + 22;
      }
    }
    return y + Math.max(0, rows.size() - 1) * 20 + 6;
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** A tick value with as many decimals as the step needs (0.25 -> 2, 2.5 -> 1, 20 -> 0). */
  static String tick(double v, double step) {
    int decimals = 0;
    while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
      decimals++;
    }
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A font size, at most 11.5, at which {@code s} fits in {@code width} (never under 8). */
  private static double fitSize(String s, double width) {
    double size = 11.5;
    while (size > 8 && ChartCanvas.textWidth(s, size, false) > width) {
      size -= 0.5;
    }
    return size;
  }

  /** {@code s}, shortened with an ellipsis in the middle when it is wider than {@code width}. */
  private static String fit(String s, double width, double size) {
    if (ChartCanvas.textWidth(s, size, false) <= width || s.length() < 8) {
      return s;
    }
    for (int keep = s.length() - 1; keep > 6; keep--) {
      String t = s.substring(0, keep - keep / 2) + "…" + s.substring(s.length() - keep / 2);
      if (ChartCanvas.textWidth(t, size, false) <= width) {
        return t;
      }
    }
    return s.substring(0, 6) + "…";
  }
}
