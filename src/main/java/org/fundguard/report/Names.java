package org.fundguard.report;

import java.util.Map;
import java.util.TreeMap;

/** Chinese names shown in the trend report: Liaoning's cities and the rules of rules.md. */
final class Names {

    private Names() {
    }

    private static final Map<String, String> CITIES = new TreeMap<>(Map.ofEntries(
            Map.entry("2101", "沈阳市"), Map.entry("2102", "大连市"), Map.entry("2103", "鞍山市"),
            Map.entry("2104", "抚顺市"), Map.entry("2105", "本溪市"), Map.entry("2106", "丹东市"),
            Map.entry("2107", "锦州市"), Map.entry("2108", "营口市"), Map.entry("2109", "阜新市"),
            Map.entry("2110", "辽阳市"), Map.entry("2111", "盘锦市"), Map.entry("2112", "铁岭市"),
            Map.entry("2113", "朝阳市"), Map.entry("2114", "葫芦岛市")));

    /** Rule code → short Chinese name (the policy clause it implements). */
    static final Map<String, String> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("LN-01", "单位参保不足6个月累计50人以上申领"),
            Map.entry("LN-02", "同一单位当月10人以上申领"),
            Map.entry("LN-03", "超半数职工申领"),
            Map.entry("LN-04", "最后参保单位连续缴费不足6个月"),
            Map.entry("NAT-01", "同一单位职工集中离职申领"),
            Map.entry("NAT-02", "领金人数占单位参保人数比例过高"),
            Map.entry("NAT-03", "连续缴费不足3个月申领"),
            Map.entry("NAT-04", "跨省重复领取"),
            Map.entry("NAT-05", "省内重复领取"),
            Map.entry("NAT-06", "多人共用联系电话或银行账户"),
            Map.entry("NAT-07", "领金期间参保缴费"),
            Map.entry("SKL-01", "证书在技能人才评价工作网查询不到"),
            Map.entry("SKL-02", "证书信息与查询结果不符"),
            Map.entry("SKL-03", "证岗不相适"),
            Map.entry("SKL-04", "评价机构短期集中发证"),
            Map.entry("SKL-05", "参保地或领金地以外取得证书"),
            Map.entry("SKL-06", "补贴发放金额快速上升（预警）"),
            Map.entry("SKL-07", "重复申领技能提升补贴"),
            Map.entry("SKL-08", "不符合技能提升补贴申领条件")));

    /** "沈阳市" for 210100; the code itself for a city outside the list. */
    static String city(String cityCode) {
        if (cityCode == null || cityCode.length() < 4) {
            return cityCode == null ? "" : cityCode;
        }
        return CITIES.getOrDefault(cityCode.substring(0, 4), cityCode);
    }

    /** "2101 沈阳市", or the code alone when it has no name. */
    static String cityLabel(String cityCode) {
        String name = city(cityCode);
        return name.equals(cityCode) ? cityCode : cityCode + " " + name;
    }

    static String rule(String code) {
        return RULES.getOrDefault(code, "");
    }
}
