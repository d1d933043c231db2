package org.fundguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The inline-SVG line chart: scales, ticks, one line per series, gaps, markers, escaping, determinism. */
class SvgLineChartTest {

    static List<String> months(int n) {
        List<String> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(String.format("2025-%02d", i % 12 + 1));
        }
        return m;
    }

    static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<Element> elements(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass == null || cssClass.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    static double[][] points(Element polyline) {
        String[] pairs = polyline.getAttribute("points").trim().split(" ");
        double[][] out = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            String[] xy = pairs[i].split(",");
            out[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        return out;
    }

    // ---- the axis ---------------------------------------------------------------------------

    @Test
    void axisUsesOneTwoOrFiveTimesAPowerOfTenAndCoversTheMaximum() {
        assertAxis("7", "1", "8", "2");
        assertAxis("100", "1", "100", "20");
        assertAxis("101", "1", "150", "50");
        assertAxis("10", "1", "10", "2");
        assertAxis("3", "1", "3", "1");
        assertAxis("1", "1", "1", "1");
        assertAxis("123456.78", "1", "150000", "50000");
        assertAxis("0", "1", "1", "1");                 // nothing at all: a flat line on the floor of a 0..1 axis
        assertAxis("0.3", "1", "1", "1");               // counts never get a step under 1
        assertAxis("12.5", "0.1", "15", "5");           // percent
        assertAxis("0.25", "0.1", "0.3", "0.1");        // smallest percent step
    }

    private static void assertAxis(String max, String minStep, String expectedMax, String expectedStep) {
        SvgLineChart.Axis a = SvgLineChart.axis(new BigDecimal(max), new BigDecimal(minStep));
        assertThat(a.max()).as("max for " + max).isEqualByComparingTo(expectedMax);
        assertThat(a.step()).as("step for " + max).isEqualByComparingTo(expectedStep);
        assertThat(a.ticks().get(0)).isEqualByComparingTo("0");
        assertThat(a.ticks().get(a.ticks().size() - 1)).isEqualByComparingTo(expectedMax);
        assertThat(a.ticks().size()).isBetween(2, 7);
    }

    @Test
    void tickLabelsAreFormattedPerScale() throws Exception {
        String svg = new SvgLineChart("c", "t", "单位：元", SvgLineChart.Scale.AMOUNT, months(3),
                List.of(new SvgLineChart.Series("发放", values("0", "120000", "30000.50"))), List.of(), null).render();
        List<String> ticks = elements(parse(svg), "text", "tick").stream().map(Element::getTextContent).toList();
        assertThat(ticks).containsExactly("0", "50,000", "100,000", "150,000");

        String pct = new SvgLineChart("p", "t", "%", SvgLineChart.Scale.PERCENT, months(2),
                List.of(new SvgLineChart.Series("占比", values("0.1250", "0.0500"))), List.of(), null).render();
        assertThat(elements(parse(pct), "text", "tick").stream().map(Element::getTextContent).toList())
                .containsExactly("0%", "5%", "10%", "15%");
    }

    // ---- lines ------------------------------------------------------------------------------

    @Test
    void oneLinePerSeriesWithAPointPerMonthAndZerosOnTheFloor() throws Exception {
        List<SvgLineChart.Series> series = List.of(
                new SvgLineChart.Series("申领受理数", values("0", "4", "8", "0")),
                new SvgLineChart.Series("核准数", values("0", "0", "0", "0")));
        SvgLineChart chart = new SvgLineChart("c", "申领", "单位：件", SvgLineChart.Scale.COUNT, months(4), series, List.of(), null);
        Document doc = parse(chart.render());

        List<Element> lines = elements(doc, "polyline", "series");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getAttribute("data-series")).isEqualTo("申领受理数");
        double[][] p = points(lines.get(0));
        assertThat(p).hasNumberOfRows(4);
        // x: evenly from the left edge of the plot to the right edge
        assertThat(p[0][0]).isEqualTo(SvgLineChart.LEFT);
        assertThat(p[3][0]).isEqualTo(SvgLineChart.WIDTH - SvgLineChart.RIGHT);
        // y: the maximum (8 of an 0..8 axis) at the top of the plot, zero at its bottom
        double bottom = p[0][1];
        assertThat(p[2][1]).isEqualTo(bottom - SvgLineChart.PLOT_HEIGHT);
        assertThat(p[1][1]).isEqualTo(bottom - SvgLineChart.PLOT_HEIGHT / 2.0);
        assertThat(p[3][1]).isEqualTo(bottom);
        // the all-zero series is drawn too, on the floor
        for (double[] xy : points(lines.get(1))) {
            assertThat(xy[1]).isEqualTo(bottom);
        }
        // a dot with a tooltip per value
        assertThat(elements(doc, "circle", "point")).hasSize(8);
        assertThat(elements(doc, "circle", "point").get(1).getTextContent()).isEqualTo("2025-02 申领受理数 4");
        // the legend names every series
        assertThat(elements(doc, "text", "legend").stream().map(Element::getTextContent).toList())
                .containsExactly("申领受理数", "核准数");
        // a label under every other month, ending with the last one
        List<String> labels = elements(doc, "text", "xlabel").stream().map(Element::getTextContent).toList();
        assertThat(labels).contains("2025-04");
    }

    @Test
    void notAvailableValuesBreakTheLineAndALoneValueIsADot() throws Exception {
        List<BigDecimal> v = values("1", "2", null, "3", null, "5", "6", "7");
        assertThat(SvgLineChart.runs(v)).containsExactly(List.of(0, 1), List.of(3), List.of(5, 6, 7));
        Document doc = parse(new SvgLineChart("c", "t", "u", SvgLineChart.Scale.COUNT, months(8),
                List.of(new SvgLineChart.Series("超期决定数", v)), List.of(), null).render());
        List<Element> lines = elements(doc, "polyline", "series");
        assertThat(lines).hasSize(2);
        assertThat(points(lines.get(0))).hasNumberOfRows(2);
        assertThat(points(lines.get(1))).hasNumberOfRows(3);
        assertThat(elements(doc, "circle", "point")).hasSize(6);
    }

    @Test
    void twentyFourMonthsGetTwelveLabelsEndingWithTheLastMonth() throws Exception {
        List<String> m = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            m.add("M" + i);
        }
        List<BigDecimal> v = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            v.add(BigDecimal.valueOf(i));
        }
        Document doc = parse(new SvgLineChart("c", "t", "u", SvgLineChart.Scale.COUNT, m,
                List.of(new SvgLineChart.Series("s", v)), List.of(), null).render());
        List<String> labels = elements(doc, "text", "xlabel").stream().map(Element::getTextContent).toList();
        assertThat(labels).hasSize(12).startsWith("M1").endsWith("M23");
        assertThat(elements(doc, "line", "xtick")).hasSize(24);
        assertThat(points(elements(doc, "polyline", "series").get(0))).hasNumberOfRows(24);
    }

    // ---- markers ----------------------------------------------------------------------------

    @Test
    void markersAreRedCirclesWithATitleOnTheirValue() throws Exception {
        List<SvgLineChart.Marker> markers = List.of(new SvgLineChart.Marker(2, new BigDecimal("100"), "SKL-06 2025-03 沈阳市"));
        Document doc = parse(new SvgLineChart("c", "t", "u", SvgLineChart.Scale.AMOUNT, months(4),
                List.of(new SvgLineChart.Series("金额", values("10", "20", "100", "40"))), markers, "SKL-06 预警").render());
        List<Element> circles = elements(doc, "circle", "marker");
        assertThat(circles).hasSize(1);
        Element c = circles.get(0);
        assertThat(c.getAttribute("stroke")).isEqualTo(SvgLineChart.MARKER_COLOR);
        assertThat(c.getAttribute("data-index")).isEqualTo("2");
        assertThat(c.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("SKL-06 2025-03 沈阳市");
        double[][] p = points(elements(doc, "polyline", "series").get(0));
        assertThat(Double.parseDouble(c.getAttribute("cx"))).isEqualTo(p[2][0]);
        assertThat(Double.parseDouble(c.getAttribute("cy"))).isEqualTo(p[2][1]);
        assertThat(elements(doc, "text", "legend").stream().map(Element::getTextContent).toList()).contains("SKL-06 预警");
        assertThat(elements(doc, "circle", "legend-marker")).hasSize(1);
    }

    @Test
    void noMarkerLegendWithoutMarkers() throws Exception {
        Document doc = parse(new SvgLineChart("c", "t", "u", SvgLineChart.Scale.AMOUNT, months(2),
                List.of(new SvgLineChart.Series("金额", values("1", "2"))), List.of(), "SKL-06 预警").render());
        assertThat(elements(doc, "circle", "legend-marker")).isEmpty();
        assertThat(elements(doc, "circle", "marker")).isEmpty();
    }

    @Test
    void rejectsSeriesOfTheWrongLengthAndMarkersOutsideTheChart() {
        assertThatThrownBy(() -> new SvgLineChart("c", "t", "u", SvgLineChart.Scale.COUNT, months(3),
                List.of(new SvgLineChart.Series("s", values("1", "2"))), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SvgLineChart("c", "t", "u", SvgLineChart.Scale.COUNT, months(2),
                List.of(new SvgLineChart.Series("s", values("1", "2"))), List.of(new SvgLineChart.Marker(2, BigDecimal.ONE, "x")), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- text and bytes ---------------------------------------------------------------------

    @Test
    void namesAndTitlesAreEscaped() throws Exception {
        String svg = new SvgLineChart("c\"x", "A<B & \"C\"", "u'", SvgLineChart.Scale.COUNT, months(2),
                List.of(new SvgLineChart.Series("<script>alert(1)</script>", values("1", "2"))),
                List.of(new SvgLineChart.Marker(0, BigDecimal.ONE, "a&b<c>")), "m<").render();
        assertThat(svg).doesNotContain("<script>").doesNotContain("a&b");
        Document doc = parse(svg); // well-formed XML
        assertThat(elements(doc, "title", null).get(0).getTextContent()).isEqualTo("A<B & \"C\"");
        assertThat(elements(doc, "polyline", "series").get(0).getAttribute("data-series")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void theSameDataGiveTheSameBytesAndCoordinatesHaveAtMostOneDecimal() {
        List<SvgLineChart.Series> s = List.of(new SvgLineChart.Series("a", values("1", "3", "7", "2", "9", "11", "0")),
                new SvgLineChart.Series("b", values("0.5", "2", null, "4", "4", "4", "4")));
        String one = new SvgLineChart("c", "t", "u", SvgLineChart.Scale.AMOUNT, months(7), s, List.of(), null).render();
        String two = new SvgLineChart("c", "t", "u", SvgLineChart.Scale.AMOUNT, months(7), s, List.of(), null).render();
        assertThat(one).isEqualTo(two);
        Matcher m = Pattern.compile("points=\"([^\"]*)\"").matcher(one);
        int lines = 0;
        while (m.find()) {
            lines++;
            assertThat(m.group(1)).matches("([0-9]+(\\.[0-9])?,[0-9]+(\\.[0-9])?)( [0-9]+(\\.[0-9])?,[0-9]+(\\.[0-9])?)+");
        }
        assertThat(lines).isEqualTo(3);
    }

    @Test
    void coordinatesAndNumbersIgnoreTheLocale() {
        assertThat(Html.coord(12.34)).isEqualTo("12.3");
        assertThat(Html.coord(12.36)).isEqualTo("12.4");
        assertThat(Html.coord(12.0)).isEqualTo("12");
        assertThat(Html.coord(-0.26)).isEqualTo("-0.3");
        assertThat(Html.grouped(1234567)).isEqualTo("1,234,567");
        assertThat(Html.grouped(new BigDecimal("-1234.5"), 2)).isEqualTo("-1,234.50");
        assertThat(Html.grouped(new BigDecimal("999"), 2)).isEqualTo("999.00");
        assertThat(Html.percent(new BigDecimal("0.1235"))).isEqualTo("12.4%");
        assertThat(Html.esc("<a href='x'>&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    }

    @Test
    void legendWrapsIntoRowsThatPushThePlotDown() throws Exception {
        List<SvgLineChart.Series> many = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            many.add(new SvgLineChart.Series(String.format("21%02d00 城市%d", i, i), values("1", "2")));
        }
        Document doc = parse(new SvgLineChart("c", "t", "u", SvgLineChart.Scale.COUNT, months(2), many, List.of(), null).render());
        List<Element> legend = elements(doc, "text", "legend");
        assertThat(legend).hasSize(14);
        long rows = legend.stream().map(e -> e.getAttribute("y")).distinct().count();
        assertThat(rows).isGreaterThan(1);
        for (Element e : legend) {
            assertThat(Double.parseDouble(e.getAttribute("x"))).isLessThan(SvgLineChart.WIDTH);
        }
        assertThat(elements(doc, "polyline", "series")).hasSize(14);
        // lines beyond the ten colours differ by dash pattern
        List<String> styles = elements(doc, "polyline", "series").stream()
                .map(e -> e.getAttribute("stroke") + "/" + e.getAttribute("stroke-dasharray")).distinct().toList();
        assertThat(styles).hasSize(14);
    }
}
