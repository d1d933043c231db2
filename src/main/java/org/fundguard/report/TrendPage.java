package org.fundguard.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.fundguard.extract.Months;

/**
 * trend/report.html: one self-contained page for the fund managers — inline CSS and SVG, no
 * script, no external font or URL, Chinese labels, a print stylesheet. Headline cards for
 * month(D) with the change against the previous month and the same month a year earlier, line
 * charts of the series (SKL-06 surge months circled on the subsidy charts), a rule-by-rule table
 * and a city table. Only aggregates: no name, ID number, phone or account appears. The same data
 * gives the same bytes; the only date in the page is the as-of date (and the months).
 */
final class TrendPage {

    static final String CSS_RESOURCE = "report/trend-report.css";

    /** The charts of the page, in order (the browser test counts them). */
    static final List<String> CHART_IDS = List.of("chart-claims", "chart-city-claims", "chart-flags", "chart-share",
            "chart-subsidy", "chart-paid", "chart-city-paid", "chart-alerts");

    private static final int NOW = TrendData.MONTHS - 1;
    private static final int PREVIOUS = NOW - 1;
    private static final int LAST_YEAR = NOW - 12;

    private final TrendData data;
    private final List<String> months;

    TrendPage(TrendData data) {
        this.data = data;
        this.months = data.monthLabels();
    }

    static String css() {
        try (InputStream in = TrendPage.class.getClassLoader().getResourceAsStream(CSS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + CSS_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String monthZh(int month) {
        YearMonth ym = Months.toYearMonth(month);
        return ym.getYear() + "年" + ym.getMonthValue() + "月";
    }

    String render() {
        LocalDate d = data.asOf;
        String asOfMonth = monthZh(data.firstMonth + NOW);
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>失业保险基金运行趋势报告（数据截至").append(d).append("）</title>\n")
                .append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n");

        b.append("<header>\n<h1>失业保险基金运行趋势报告</h1>\n<p class=\"meta\">数据截至 ").append(d)
                .append(" · 统计区间 ").append(months.get(0)).append(" 至 ").append(months.get(NOW))
                .append("（24个月）· ").append(Html.esc(asOfMonth)).append("为截至 ").append(d).append(" 的当月数据</p>\n</header>\n");

        cards(b, asOfMonth);
        charts(b);
        ruleTable(b, asOfMonth);
        cityTable(b, asOfMonth);
        notes(b);
        b.append("<footer>FundGuard 趋势报告 · 数据截至 ").append(d)
                .append(" · 本页仅含汇总数据，不含个人信息 · 同一数据见 trend/monthly.csv、trend/rules.csv、trend/alerts.csv、trend/subsidy-surges.csv</footer>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    // ---- headline cards -------------------------------------------------------------------

    private void cards(StringBuilder b, String asOfMonth) {
        b.append("<section>\n<h2>").append(Html.esc(asOfMonth)).append(" 关键指标（全省合计）</h2>\n<div class=\"cards\">\n");
        String all = TrendData.ALL;
        card(b, "申领受理数", i -> count(data.cell(all, i).claimsReceived), SvgLineChart.Scale.COUNT);
        card(b, "审核决定数", i -> count(data.cell(all, i).claimsDecided), SvgLineChart.Scale.COUNT);
        card(b, "超期决定数", i -> {
            Long late = data.decidedLate(all, i);
            return late == null ? null : count(late);
        }, SvgLineChart.Scale.COUNT);
        card(b, "核准数", i -> count(data.cell(all, i).claimsApproved), SvgLineChart.Scale.COUNT);
        card(b, "疑点申领数", i -> count(data.cell(all, i).flaggedClaims), SvgLineChart.Scale.COUNT);
        card(b, "疑点占比", i -> data.cell(all, i).flaggedShare(), SvgLineChart.Scale.PERCENT);
        card(b, "技能提升补贴申领数", i -> count(data.cell(all, i).subsidyApplications), SvgLineChart.Scale.COUNT);
        card(b, "补贴发放金额（元）", i -> data.cell(all, i).subsidyPaidAmount, SvgLineChart.Scale.AMOUNT);
        card(b, "疑点补贴申领数", i -> count(data.cell(all, i).flaggedApplications), SvgLineChart.Scale.COUNT);
        card(b, "预警数", i -> count(data.alertsIn(all, i)), SvgLineChart.Scale.COUNT);
        b.append("</div>\n</section>\n");
    }

    private void card(StringBuilder b, String label, Function<Integer, BigDecimal> value, SvgLineChart.Scale scale) {
        BigDecimal now = value.apply(NOW);
        b.append("<div class=\"card\"><div class=\"label\">").append(Html.esc(label)).append("</div><div class=\"value\">")
                .append(now == null ? "<span class=\"na\">不可用</span>" : Html.esc(scale.format(now))).append("</div>")
                .append(change("较上月", now, value.apply(PREVIOUS), scale))
                .append(change("同比", now, value.apply(LAST_YEAR), scale)).append("</div>\n");
    }

    /** "较上月 ▲ +3（+25.0%）"; a share changes in percentage points; "—" when the base is 0 or not available. */
    static String change(String label, BigDecimal now, BigDecimal base, SvgLineChart.Scale scale) {
        String text;
        int sign = 0;
        if (now == null || base == null) {
            text = "—";
        } else if (scale == SvgLineChart.Scale.PERCENT) {
            BigDecimal points = now.subtract(base).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
            sign = points.signum();
            text = signed(points.toPlainString(), sign) + "个百分点";
        } else if (base.signum() == 0) {
            text = "—";
        } else {
            BigDecimal diff = now.subtract(base);
            sign = diff.signum();
            BigDecimal pct = diff.movePointRight(2).divide(base, 1, RoundingMode.HALF_UP);
            String amount = scale == SvgLineChart.Scale.AMOUNT ? Html.grouped(diff.abs(), 2) : Html.grouped(diff.abs(), 0);
            text = signed(amount, sign) + "（" + signed(pct.abs().toPlainString(), pct.signum()) + "%）";
        }
        String arrow = sign > 0 ? "<span class=\"up\">▲</span> " : sign < 0 ? "<span class=\"down\">▼</span> " : "";
        return "<div class=\"change\">" + Html.esc(label) + " " + arrow + Html.esc(text) + "</div>";
    }

    private static String signed(String absolute, int sign) {
        String abs = absolute.startsWith("-") ? absolute.substring(1) : absolute;
        return (sign > 0 ? "+" : sign < 0 ? "-" : "") + abs;
    }

    private static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }

    // ---- charts -----------------------------------------------------------------------------

    private void charts(StringBuilder b) {
        String all = TrendData.ALL;
        b.append("<section>\n<h2>月度趋势</h2>\n<div class=\"charts\">\n");

        List<SvgLineChart.Series> claims = List.of(
                series("申领受理数", i -> count(data.cell(all, i).claimsReceived)),
                series("审核决定数", i -> count(data.cell(all, i).claimsDecided)),
                series("核准数", i -> count(data.cell(all, i).claimsApproved)),
                series("超期决定数", i -> {
                    Long late = data.decidedLate(all, i);
                    return late == null ? null : count(late);
                }));
        figure(b, new SvgLineChart(CHART_IDS.get(0), "失业保险金申领受理、审核决定、核准与超期决定（全省）", "单位：件",
                SvgLineChart.Scale.COUNT, months, claims, List.of(), null),
                "按申请日期统计受理，按审核决定日期统计决定、核准与超期（超过10个工作日）；超期决定数在工作日历未覆盖的月份不画出。");

        List<String> cities = data.cities.isEmpty() ? List.of(all) : data.cities;
        List<SvgLineChart.Series> byCity = new ArrayList<>();
        for (String city : cities) {
            byCity.add(series(cityName(city), i -> count(data.cell(city, i).claimsReceived)));
        }
        figure(b, new SvgLineChart(CHART_IDS.get(1), "各城市申领受理数", "单位：件", SvgLineChart.Scale.COUNT, months, byCity,
                List.of(), null), "城市按申领地行政区划代码前4位归并。");

        List<SvgLineChart.Series> flags = new ArrayList<>();
        flags.add(series("疑点申领数（合计）", i -> count(data.cell(all, i).flaggedClaims)));
        for (String rule : topClaimRules(5)) {
            long[] v = data.rulesOf(all).get(rule);
            flags.add(series(rule + " " + Names.rule(rule), i -> count(v[i])));
        }
        figure(b, new SvgLineChart(CHART_IDS.get(2), "疑点申领数（全省，合计及标记最多的规则）", "单位：件", SvgLineChart.Scale.COUNT,
                months, flags, List.of(), null), "按申请月份统计截至数据日各次筛查标记过的有效申领；一件申领可被多条规则标记，合计只计一次。");

        List<SvgLineChart.Series> share = new ArrayList<>();
        share.add(series("全省", i -> data.cell(all, i).flaggedShare()));
        for (String city : data.cities) {
            share.add(series(cityName(city), i -> data.cell(city, i).flaggedShare()));
        }
        figure(b, new SvgLineChart(CHART_IDS.get(3), "疑点占比（疑点申领数 ÷ 申领受理数）", "单位：%", SvgLineChart.Scale.PERCENT,
                months, share, List.of(), null), "当月无受理申领时占比不可计算，线条在该月断开。");

        List<SvgLineChart.Series> subsidy = List.of(
                series("技能提升补贴申领数", i -> count(data.cell(all, i).subsidyApplications)),
                series("疑点补贴申领数", i -> count(data.cell(all, i).flaggedApplications)));
        figure(b, new SvgLineChart(CHART_IDS.get(4), "技能提升补贴申领数与疑点补贴申领数（全省）", "单位：件", SvgLineChart.Scale.COUNT,
                months, subsidy, List.of(), null), "按申请日期统计。");

        String surgeLegend = "SKL-06 补贴发放金额快速上升预警";
        List<SvgLineChart.Marker> provinceMarkers = new ArrayList<>();
        Map<Integer, List<TrendData.Surge>> surgesByMonth = new TreeMap<>();
        for (TrendData.Surge s : data.surges) {
            surgesByMonth.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(s);
        }
        surgesByMonth.forEach((i, list) -> {
            StringBuilder label = new StringBuilder("SKL-06 补贴发放金额快速上升 ").append(months.get(i)).append("：");
            for (int k = 0; k < list.size(); k++) {
                label.append(k == 0 ? "" : "；").append(surgeText(list.get(k)));
            }
            provinceMarkers.add(new SvgLineChart.Marker(i, data.cell(all, i).subsidyPaidAmount, label.toString()));
        });
        figure(b, new SvgLineChart(CHART_IDS.get(5), "技能提升补贴发放金额（全省）", "单位：元", SvgLineChart.Scale.AMOUNT, months,
                List.of(series("补贴发放金额", i -> data.cell(all, i).subsidyPaidAmount)), provinceMarkers, surgeLegend),
                "按发放日期统计已发放申领的金额；红圈为有城市触发 SKL-06 补贴发放金额快速上升预警的月份（鼠标悬停可见城市与金额）。");

        List<SvgLineChart.Series> paidByCity = new ArrayList<>();
        List<SvgLineChart.Marker> cityMarkers = new ArrayList<>();
        for (String city : cities) {
            paidByCity.add(series(cityName(city), i -> data.cell(city, i).subsidyPaidAmount));
        }
        for (TrendData.Surge s : data.surges) {
            TrendData.Cell[] row = data.cells.get(s.city());
            BigDecimal at = row == null ? s.value() : row[s.index()].subsidyPaidAmount;
            cityMarkers.add(new SvgLineChart.Marker(s.index(), at, "SKL-06 补贴发放金额快速上升 " + months.get(s.index()) + "："
                    + surgeText(s)));
        }
        figure(b, new SvgLineChart(CHART_IDS.get(6), "各城市技能提升补贴发放金额", "单位：元", SvgLineChart.Scale.AMOUNT, months,
                paidByCity, cityMarkers, surgeLegend), "红圈标出触发 SKL-06 预警的城市和月份。");

        List<SvgLineChart.Series> alerts = List.of(
                series("预警数（合计）", i -> count(data.alertsIn(all, i))),
                series("辽宁规则 LN", i -> count(alertsOfFamily("LN-", i))),
                series("国家规则 NAT", i -> count(alertsOfFamily("NAT-", i))),
                series("技能提升补贴 SKL", i -> count(alertsOfFamily("SKL-", i))));
        figure(b, new SvgLineChart(CHART_IDS.get(7), "新增预警数（按规则类别）", "单位：条", SvgLineChart.Scale.COUNT, months, alerts,
                List.of(), null), "按预警首次产生的日期统计单位、评价机构、地区和共用联系方式预警。");

        b.append("</div>\n</section>\n");
    }

    private String surgeText(TrendData.Surge s) {
        StringBuilder t = new StringBuilder(cityName(s.city()));
        if (s.value() != null) {
            t.append(" 发放").append(Html.grouped(s.value(), 2)).append("元");
        }
        if (s.threshold() != null) {
            t.append("（阈值").append(Html.grouped(s.threshold(), 2)).append("元）");
        }
        return t.toString();
    }

    private long alertsOfFamily(String prefix, int i) {
        long n = 0;
        for (Map.Entry<String, long[]> e : data.alertsOf(TrendData.ALL).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                n += e.getValue()[i];
            }
        }
        return n;
    }

    /** The claim rules (LN, NAT) that flagged most over the 24 months, most first, then by code. */
    private List<String> topClaimRules(int limit) {
        Map<String, long[]> all = data.rulesOf(TrendData.ALL);
        List<String> rules = new ArrayList<>();
        for (Map.Entry<String, long[]> e : all.entrySet()) {
            if ((e.getKey().startsWith("LN-") || e.getKey().startsWith("NAT-")) && sum(e.getValue(), 0, NOW) > 0) {
                rules.add(e.getKey());
            }
        }
        rules.sort(Comparator.comparingLong((String r) -> -sum(all.get(r), 0, NOW)).thenComparing(Comparator.naturalOrder()));
        return rules.subList(0, Math.min(limit, rules.size()));
    }

    private SvgLineChart.Series series(String name, Function<Integer, BigDecimal> value) {
        List<BigDecimal> values = new ArrayList<>(TrendData.MONTHS);
        for (int i = 0; i < TrendData.MONTHS; i++) {
            values.add(value.apply(i));
        }
        return new SvgLineChart.Series(name, values);
    }

    private static void figure(StringBuilder b, SvgLineChart chart, String caption) {
        b.append("<figure class=\"chart-box\">\n<h3>").append(Html.esc(chart.title())).append("</h3>\n")
                .append("<figcaption>").append(Html.esc(caption)).append("</figcaption>\n")
                .append(chart.render()).append("</figure>\n");
    }

    private static String cityName(String city) {
        return TrendData.ALL.equals(city) ? "全省" : Names.cityLabel(city);
    }

    private static long sum(long[] v, int from, int to) {
        long n = 0;
        for (int i = Math.max(0, from); i <= to; i++) {
            n += v[i];
        }
        return n;
    }

    // ---- tables -----------------------------------------------------------------------------

    private void ruleTable(StringBuilder b, String asOfMonth) {
        Map<String, long[]> flags = data.rulesOf(TrendData.ALL);
        Map<String, long[]> alerts = data.alertsOf(TrendData.ALL);
        TreeSet<String> codes = new TreeSet<>(Names.RULES.keySet());
        codes.addAll(flags.keySet());
        codes.addAll(alerts.keySet());
        long[] none = new long[TrendData.MONTHS];
        List<String> order = new ArrayList<>(codes);
        order.sort(Comparator.comparingLong((String r) -> -sum(flags.getOrDefault(r, none), NOW - 11, NOW))
                .thenComparingLong(r -> -sum(alerts.getOrDefault(r, none), NOW - 11, NOW))
                .thenComparing(Comparator.naturalOrder()));

        b.append("<section>\n<h2>各规则疑点与预警（全省）</h2>\n<table class=\"rules\">\n<thead><tr><th>规则</th><th>名称</th>")
                .append("<th>").append(Html.esc(asOfMonth)).append("疑点数</th><th>上月疑点数</th><th>近12个月疑点数</th>")
                .append("<th>").append(Html.esc(asOfMonth)).append("新增预警</th><th>近12个月新增预警</th></tr></thead>\n<tbody>\n");
        for (String code : order) {
            long[] f = flags.getOrDefault(code, none);
            long[] a = alerts.getOrDefault(code, none);
            b.append("<tr><td class=\"code\">").append(Html.esc(code)).append("</td><td class=\"name\">").append(Html.esc(Names.rule(code)))
                    .append("</td>").append(num(f[NOW])).append(num(f[PREVIOUS])).append(num(sum(f, NOW - 11, NOW)))
                    .append(num(a[NOW])).append(num(sum(a, NOW - 11, NOW))).append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n<p class=\"meta\">疑点数按案件申请月份统计截至数据日各次筛查的标记（申领只计未撤回的）；")
                .append("预警数按预警首次产生的月份统计。按近12个月疑点数从多到少排列。</p>\n</section>\n");
    }

    private void cityTable(StringBuilder b, String asOfMonth) {
        b.append("<section>\n<h2>各城市 ").append(Html.esc(asOfMonth)).append("（单位：件；金额单位：元）</h2>\n<table class=\"cities\">\n<thead><tr>")
                .append("<th>城市代码</th><th>城市</th><th>申领受理</th><th>较上月</th><th>审核决定</th><th>超期决定</th>")
                .append("<th>核准</th><th>疑点申领</th><th>疑点占比</th><th>补贴申领</th><th>补贴发放（元）</th>")
                .append("<th>疑点补贴申领</th><th>预警</th><th>近12个月受理</th></tr></thead>\n<tbody>\n");
        for (String city : data.citiesThenAll()) {
            boolean total = TrendData.ALL.equals(city);
            TrendData.Cell c = data.cell(city, NOW);
            TrendData.Cell p = data.cell(city, PREVIOUS);
            long received12 = 0;
            for (int i = NOW - 11; i <= NOW; i++) {
                received12 += data.cell(city, i).claimsReceived;
            }
            Long late = data.decidedLate(city, NOW);
            BigDecimal share = c.flaggedShare();
            b.append(total ? "<tr class=\"total\">" : "<tr>")
                    .append("<td class=\"code\">").append(total ? "" : Html.esc(city)).append("</td><td class=\"name\">")
                    .append(Html.esc(total ? "全省合计" : Names.city(city))).append("</td>")
                    .append(num(c.claimsReceived))
                    .append("<td class=\"num\">").append(Html.esc(delta(c.claimsReceived, p.claimsReceived))).append("</td>")
                    .append(num(c.claimsDecided))
                    .append(late == null ? "<td class=\"num na\">不可用</td>" : num(late))
                    .append(num(c.claimsApproved)).append(num(c.flaggedClaims))
                    .append("<td class=\"num\">").append(share == null ? "—" : Html.esc(Html.percent(share))).append("</td>")
                    .append(num(c.subsidyApplications))
                    .append("<td class=\"num\">").append(Html.esc(Html.grouped(c.subsidyPaidAmount, 2))).append("</td>")
                    .append(num(c.flaggedApplications)).append(num(data.alertsIn(city, NOW))).append(num(received12))
                    .append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n<p class=\"meta\">全省合计的预警数含没有地区代码的预警（如共用联系方式）。</p>\n</section>\n");
    }

    private static String delta(long now, long base) {
        long d = now - base;
        return d > 0 ? "+" + Html.grouped(d) : d < 0 ? "-" + Html.grouped(-d) : "0";
    }

    private static String num(long n) {
        return "<td class=\"num\">" + Html.grouped(n) + "</td>";
    }

    private void notes(StringBuilder b) {
        b.append("<section class=\"notes\">\n<h2>口径说明</h2>\n<ul>\n")
                .append("<li>统计区间为数据日所在月及此前23个月；只计日期不晚于数据日 ").append(data.asOf)
                .append(" 的记录，数据日所在月为不完整月份。没有数据的月份记为0。</li>\n")
                .append("<li>申领受理数：按申请日期所在月统计的有效申领（不含撤回）。审核决定数：按审核决定日期所在月统计；")
                .append("核准数为其中状态为已核准、发放中、停发或期满/终止的申领。</li>\n")
                .append("<li>超期决定数：审核决定日期晚于自申请之日起第10个工作日（SVC-01，按国务院办公厅节假日安排的工作日历）；")
                .append("工作日历未覆盖的月份显示为“不可用”。</li>\n")
                .append("<li>疑点申领数：当月受理、截至数据日任一次筛查被 LN 或 NAT 规则标记过的有效申领；疑点占比＝疑点申领数÷申领受理数。</li>\n")
                .append("<li>技能提升补贴：申领数按申请日期统计；发放金额按发放日期统计已发放申领的金额；")
                .append("疑点补贴申领数为被 SKL 规则标记过的申领。</li>\n")
                .append("<li>同比为与上年同月比较，较上月为与上一月比较；基数为0或不可用时显示“—”。</li>\n")
                .append("<li>城市为申领地行政区划代码前4位加“00”；全省合计为各城市之和。</li>\n")
                .append("</ul>\n</section>\n");
    }
}
