package org.fundguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The page without a database: empty data, months the calendar lacks, changes against a zero base. */
class TrendPageTest {

    static TrendData data(List<String> cities, boolean[] lateAvailable) {
        Map<String, TrendData.Cell[]> cells = new TreeMap<>();
        for (String city : cities) {
            cells.put(city, row());
        }
        cells.put(TrendData.ALL, row());
        return new TrendData(LocalDate.of(2026, 11, 25), cities, cells, lateAvailable, new TreeMap<>(), new TreeMap<>(), List.of());
    }

    static TrendData.Cell[] row() {
        TrendData.Cell[] r = new TrendData.Cell[TrendData.MONTHS];
        for (int i = 0; i < r.length; i++) {
            r[i] = new TrendData.Cell();
        }
        return r;
    }

    static boolean[] all(boolean v) {
        boolean[] b = new boolean[TrendData.MONTHS];
        java.util.Arrays.fill(b, v);
        return b;
    }

    @Test
    void anEmptyDatabaseStillDrawsEveryChartWithZeros() {
        String html = new TrendPage(data(List.of(), all(true))).render();
        Map<String, Map<String, Integer>> charts = TrendReportTests.seriesPoints(html);
        assertThat(charts.keySet()).containsExactlyElementsOf(TrendPage.CHART_IDS);
        assertThat(charts.get("chart-claims")).containsEntry("申领受理数", 24);
        assertThat(charts.get("chart-city-claims")).containsEntry("全省", 24);   // no city yet: the province
        assertThat(charts.get("chart-share")).isEmpty();                         // nothing received: no share to draw
        assertThat(charts.get("chart-paid")).containsEntry("补贴发放金额", 24);
        assertThat(html).contains("<div class=\"label\">申领受理数</div><div class=\"value\">0</div>"
                + "<div class=\"change\">较上月 —</div><div class=\"change\">同比 —</div>");
        assertThat(html).contains("<tr class=\"total\"><td class=\"code\"></td><td class=\"name\">全省合计</td>");
    }

    @Test
    void monthsTheCalendarLacksAreNotAvailableNotZero() {
        boolean[] late = all(true);
        late[23] = false;
        late[0] = false;
        late[1] = false;
        TrendData d = data(List.of("210100"), late);
        d.cell("210100", 23).claimsDecided = 3;
        d.cell(TrendData.ALL, 23).claimsDecided = 3;
        String html = new TrendPage(d).render();
        assertThat(html).contains("<div class=\"label\">超期决定数</div><div class=\"value\"><span class=\"na\">不可用</span></div>"
                + "<div class=\"change\">较上月 —</div>");
        assertThat(html).contains("<td class=\"num na\">不可用</td>");
        // the late line is drawn only where available: months 2..22
        assertThat(TrendReportTests.seriesPoints(html).get("chart-claims")).containsEntry("超期决定数", 21);
    }

    @Test
    void changesAgainstTheBase() {
        SvgLineChart.Scale count = SvgLineChart.Scale.COUNT;
        assertThat(TrendPage.change("较上月", BigDecimal.valueOf(12), BigDecimal.valueOf(10), count))
                .isEqualTo("<div class=\"change\">较上月 <span class=\"up\">▲</span> +2（+20.0%）</div>");
        assertThat(TrendPage.change("同比", BigDecimal.valueOf(5), BigDecimal.valueOf(8), count))
                .isEqualTo("<div class=\"change\">同比 <span class=\"down\">▼</span> -3（-37.5%）</div>");
        assertThat(TrendPage.change("同比", BigDecimal.valueOf(5), BigDecimal.ZERO, count)).isEqualTo("<div class=\"change\">同比 —</div>");
        assertThat(TrendPage.change("同比", BigDecimal.valueOf(5), BigDecimal.valueOf(5), count))
                .isEqualTo("<div class=\"change\">同比 0（0.0%）</div>");
        assertThat(TrendPage.change("较上月", new BigDecimal("0.3300"), new BigDecimal("0.2500"), SvgLineChart.Scale.PERCENT))
                .isEqualTo("<div class=\"change\">较上月 <span class=\"up\">▲</span> +8.0个百分点</div>");
        assertThat(TrendPage.change("较上月", new BigDecimal("0.3300"), null, SvgLineChart.Scale.PERCENT))
                .isEqualTo("<div class=\"change\">较上月 —</div>");
        assertThat(TrendPage.change("较上月", new BigDecimal("1234.50"), new BigDecimal("234.50"), SvgLineChart.Scale.AMOUNT))
                .isEqualTo("<div class=\"change\">较上月 <span class=\"up\">▲</span> +1,000.00（+426.4%）</div>");
    }

    @Test
    void citiesOfLiaoningHaveChineseNamesOthersTheirCode() {
        assertThat(Names.city("210100")).isEqualTo("沈阳市");
        assertThat(Names.city("211400")).isEqualTo("葫芦岛市");
        assertThat(Names.city("110100")).isEqualTo("110100");
        assertThat(Names.cityLabel("210200")).isEqualTo("210200 大连市");
        assertThat(Names.cityLabel("370200")).isEqualTo("370200");
    }

    @Test
    void theSamePageTwiceIsTheSameBytes() {
        TrendData d = data(List.of("210100", "210200"), all(true));
        d.cell("210100", 5).claimsReceived = 7;
        assertThat(new TrendPage(d).render()).isEqualTo(new TrendPage(d).render());
    }
}
