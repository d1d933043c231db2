package org.fundguard.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, deterministic line-chart renderer for the trend report: one inline {@code <svg>} with a
 * y axis from zero to a "nice" maximum (1, 2 or 5 times a power of ten per tick), a label under
 * the x positions, one {@code <polyline class="series">} per series and per run of available
 * values, a dot with a tooltip on every value, and optional markers (SKL-06 surge months) drawn as
 * red circles with a {@code <title>}.
 *
 * <p>Values are exact decimals; null means "not available" (the line is broken there; a zero is
 * drawn as zero). The same input gives the same bytes: coordinates are rounded to tenths of a
 * pixel with locale-independent formatting, and nothing depends on time or hash order.
 */
final class SvgLineChart {

    /** How the y axis and tooltips format values. */
    enum Scale {
        /** Whole numbers (people, applications, alerts); smallest tick 1. */
        COUNT(BigDecimal.ONE),
        /** Yuan; smallest tick 1. */
        AMOUNT(BigDecimal.ONE),
        /** A share 0..1 drawn as a percentage; smallest tick 0.1 %. */
        PERCENT(new BigDecimal("0.1"));

        /** Smallest tick step, in display units (a percentage point for PERCENT). */
        final BigDecimal minStep;

        Scale(BigDecimal minStep) {
            this.minStep = minStep;
        }

        /** A value in display units (a share times 100 for PERCENT). */
        BigDecimal display(BigDecimal v) {
            return this == PERCENT ? v.movePointRight(2) : v;
        }

        String format(BigDecimal v) {
            return switch (this) {
                case COUNT -> Html.grouped(v, 0);
                case AMOUNT -> Html.grouped(v, 2);
                case PERCENT -> Html.percent(v);
            };
        }

        String tick(BigDecimal displayValue) {
            String s = this == PERCENT
                    ? displayValue.stripTrailingZeros().toPlainString() + "%"
                    : Html.grouped(displayValue, Math.max(0, displayValue.stripTrailingZeros().scale()));
            return s;
        }
    }

    /** One line: a name for the legend and one value per x position (null: not available). */
    record Series(String name, List<BigDecimal> values) {
    }

    /** A marked point: x position, the value it sits on, and its tooltip. */
    record Marker(int index, BigDecimal value, String label) {
    }

    /** The y axis: zero to {@code max} in steps of {@code step} (display units). */
    record Axis(BigDecimal max, BigDecimal step) {
        List<BigDecimal> ticks() {
            List<BigDecimal> ticks = new ArrayList<>();
            for (BigDecimal t = BigDecimal.ZERO; t.compareTo(max) <= 0; t = t.add(step)) {
                ticks.add(t);
            }
            return ticks;
        }
    }

    static final int WIDTH = 880;
    static final int LEFT = 84;
    static final int RIGHT = 20;
    static final int PLOT_HEIGHT = 220;
    static final int BOTTOM = 34;
    static final int LEGEND_ROW = 20;

    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    /** Dash patterns so that lines stay apart on a black-and-white print. */
    static final String[] DASHES = {null, "7 4", "2 3", "9 3 2 3"};
    static final String MARKER_COLOR = "#d62728";

    private final String id;
    private final String title;
    private final String unit;
    private final Scale scale;
    private final List<String> xLabels;
    private final List<Series> series;
    private final List<Marker> markers;
    private final String markerLegend;

    SvgLineChart(String id, String title, String unit, Scale scale, List<String> xLabels, List<Series> series,
                 List<Marker> markers, String markerLegend) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.scale = scale;
        this.xLabels = List.copyOf(xLabels);
        this.series = List.copyOf(series);
        this.markers = List.copyOf(markers);
        this.markerLegend = markerLegend;
        for (Series s : series) {
            if (s.values().size() != xLabels.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values for "
                        + xLabels.size() + " positions");
            }
        }
        for (Marker m : markers) {
            if (m.index() < 0 || m.index() >= xLabels.size()) {
                throw new IllegalArgumentException("marker outside the chart: " + m.index());
            }
        }
    }

    String title() {
        return title;
    }

    /**
     * The y axis for a largest value {@code max} (display units, >= 0): about five steps of 1, 2 or
     * 5 times a power of ten, at least the scale's smallest step; the maximum is a whole number of
     * steps, never zero.
     */
    static Axis axis(BigDecimal max, BigDecimal minStep) {
        if (max.signum() <= 0) {
            return new Axis(minStep, minStep);
        }
        BigDecimal raw = max.divide(BigDecimal.valueOf(5), 12, RoundingMode.HALF_UP).stripTrailingZeros();
        int exponent = raw.precision() - raw.scale() - 1; // floor(log10(raw)), exactly
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        BigDecimal mantissa = raw.divide(power, 12, RoundingMode.HALF_UP);
        BigDecimal step = null;
        for (int m : new int[] {1, 2, 5, 10}) {
            if (mantissa.compareTo(BigDecimal.valueOf(m)) <= 0) {
                step = BigDecimal.valueOf(m).multiply(power);
                break;
            }
        }
        if (step.compareTo(minStep) < 0) {
            step = minStep;
        }
        step = step.stripTrailingZeros();
        if (step.scale() < 0) {
            step = step.setScale(0);
        }
        BigDecimal steps = max.divide(step, 0, RoundingMode.CEILING);
        return new Axis(step.multiply(steps), step);
    }

    Axis axis() {
        BigDecimal max = BigDecimal.ZERO;
        for (Series s : series) {
            for (BigDecimal v : s.values()) {
                if (v != null && v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        for (Marker m : markers) {
            if (m.value() != null && m.value().compareTo(max) > 0) {
                max = m.value();
            }
        }
        return axis(scale.display(max), scale.minStep);
    }

    /** Legend items laid out in rows: x offset and row of each item (series first, then the marker legend). */
    private List<int[]> legendLayout(List<String> names) {
        List<int[]> places = new ArrayList<>();
        int x = LEFT;
        int row = 0;
        for (String name : names) {
            int w = 30 + textWidth(name) + 18;
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                row++;
                x = LEFT;
            }
            places.add(new int[] {x, row});
            x += w;
        }
        return places;
    }

    /** Estimated width of a 12 px label: wide (CJK) characters 12 px, others 7 px. */
    static int textWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x2E80 ? 12 : 7;
            i += Character.charCount(cp);
        }
        return w;
    }

    double x(int i) {
        int n = xLabels.size();
        double plot = WIDTH - LEFT - RIGHT;
        return n <= 1 ? LEFT + plot / 2 : LEFT + i * plot / (n - 1);
    }

    static double y(BigDecimal displayValue, Axis axis, int top) {
        double f = displayValue.doubleValue() / axis.max().doubleValue();
        return top + PLOT_HEIGHT - f * PLOT_HEIGHT;
    }

    String render() {
        Axis axis = axis();
        List<String> legendNames = new ArrayList<>();
        series.forEach(s -> legendNames.add(s.name()));
        boolean markerItem = !markers.isEmpty() && markerLegend != null;
        if (markerItem) {
            legendNames.add(markerLegend);
        }
        List<int[]> legend = legendLayout(legendNames);
        int rows = legend.isEmpty() ? 0 : legend.get(legend.size() - 1)[1] + 1;
        int top = 26 + rows * LEGEND_ROW;
        int height = top + PLOT_HEIGHT + BOTTOM;
        int bottom = top + PLOT_HEIGHT;

        StringBuilder b = new StringBuilder(8192);
        b.append("<svg class=\"chart\" id=\"").append(Html.esc(id))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">\n");
        b.append("<title>").append(Html.esc(title)).append("</title>\n");

        // legend
        for (int k = 0; k < legendNames.size(); k++) {
            int lx = legend.get(k)[0];
            int ly = 14 + legend.get(k)[1] * LEGEND_ROW;
            if (markerItem && k == legendNames.size() - 1) {
                b.append("<circle class=\"legend-marker\" cx=\"").append(lx + 12).append("\" cy=\"").append(ly)
                        .append("\" r=\"6\" fill=\"none\" stroke=\"").append(MARKER_COLOR).append("\" stroke-width=\"2\"/>");
            } else {
                b.append("<line class=\"legend-line\" x1=\"").append(lx).append("\" y1=\"").append(ly).append("\" x2=\"")
                        .append(lx + 24).append("\" y2=\"").append(ly).append('"').append(stroke(k)).append("/>");
            }
            b.append("<text class=\"legend\" x=\"").append(lx + 30).append("\" y=\"").append(ly + 4).append("\">")
                    .append(Html.esc(legendNames.get(k))).append("</text>\n");
        }

        // y axis: grid lines and tick labels
        b.append("<text class=\"unit\" x=\"").append(LEFT - 8).append("\" y=\"").append(top - 8)
                .append("\" text-anchor=\"end\">").append(Html.esc(unit)).append("</text>\n");
        for (BigDecimal t : axis.ticks()) {
            String yy = Html.coord(y(t, axis, top));
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(yy).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(yy).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(Html.coord(y(t, axis, top) + 4))
                    .append("\" text-anchor=\"end\">").append(Html.esc(scale.tick(t))).append("</text>\n");
        }
        b.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\"/>\n");

        // x axis: a tick per position, a label every few positions, the last one always labelled
        int n = xLabels.size();
        int every = Math.max(1, (int) Math.ceil(n * 62.0 / (WIDTH - LEFT - RIGHT)));
        for (int i = 0; i < n; i++) {
            String xx = Html.coord(x(i));
            b.append("<line class=\"xtick\" x1=\"").append(xx).append("\" y1=\"").append(bottom).append("\" x2=\"")
                    .append(xx).append("\" y2=\"").append(bottom + 4).append("\"/>");
            if ((n - 1 - i) % every == 0) {
                b.append("<text class=\"xlabel\" x=\"").append(xx).append("\" y=\"").append(bottom + 18)
                        .append("\" text-anchor=\"middle\">").append(Html.esc(xLabels.get(i))).append("</text>");
            }
            b.append('\n');
        }

        // series: one polyline per run of available values; a lone value is a dot
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            List<List<Integer>> runs = runs(s.values());
            for (List<Integer> run : runs) {
                if (run.size() == 1) {
                    continue; // drawn by its dot below
                }
                b.append("<polyline class=\"series\" data-series=\"").append(Html.esc(s.name())).append("\" points=\"");
                for (int j = 0; j < run.size(); j++) {
                    int i = run.get(j);
                    if (j > 0) {
                        b.append(' ');
                    }
                    b.append(Html.coord(x(i))).append(',').append(Html.coord(y(scale.display(s.values().get(i)), axis, top)));
                }
                b.append('"').append(stroke(k)).append(" fill=\"none\"><title>").append(Html.esc(s.name()))
                        .append("</title></polyline>\n");
            }
            for (int i = 0; i < n; i++) {
                BigDecimal v = s.values().get(i);
                if (v == null) {
                    continue;
                }
                b.append("<circle class=\"point\" cx=\"").append(Html.coord(x(i))).append("\" cy=\"")
                        .append(Html.coord(y(scale.display(v), axis, top))).append("\" r=\"2.5\" fill=\"")
                        .append(COLORS[k % COLORS.length]).append("\"><title>").append(Html.esc(xLabels.get(i))).append(' ')
                        .append(Html.esc(s.name())).append(' ').append(Html.esc(scale.format(v))).append("</title></circle>");
            }
            b.append('\n');
        }

        // markers
        for (Marker m : markers) {
            BigDecimal v = m.value() == null ? BigDecimal.ZERO : m.value();
            b.append("<circle class=\"marker\" data-index=\"").append(m.index()).append("\" cx=\"").append(Html.coord(x(m.index())))
                    .append("\" cy=\"").append(Html.coord(y(scale.display(v), axis, top))).append("\" r=\"7\" fill=\"none\" stroke=\"")
                    .append(MARKER_COLOR).append("\" stroke-width=\"2\"><title>").append(Html.esc(m.label()))
                    .append("</title></circle>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String stroke(int k) {
        String dash = DASHES[(k / COLORS.length + k) % DASHES.length];
        return " stroke=\"" + COLORS[k % COLORS.length] + "\" stroke-width=\"2\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    /** Maximal runs of consecutive non-null positions. */
    static List<List<Integer>> runs(List<BigDecimal> values) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> current = null;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new ArrayList<>();
                runs.add(current);
            }
            current.add(i);
        }
        return runs;
    }
}
