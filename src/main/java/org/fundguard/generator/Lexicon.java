package org.fundguard.generator;

import java.util.SplittableRandom;

/** Chinese names, employer names, industries and their 职业分类大典 (2022) occupation codes. */
final class Lexicon {

    /** An industry: employer-name endings and the occupations of its workers (same 大类-中类). */
    static final class Industry {
        final String key;
        final int weight;
        final String[] nameEndings;
        final String[] jobs;

        Industry(String key, int weight, String[] nameEndings, String[] jobs) {
            this.key = key;
            this.weight = weight;
            this.nameEndings = nameEndings;
            this.jobs = jobs;
        }

        /** The 大类-中类 prefix shared by all jobs of the industry, e.g. {@code 6-18}. */
        String family() {
            return jobs[0].substring(0, 4);
        }
    }

    static final Industry[] INDUSTRIES = {
        // 6-18 机械制造基础加工人员: 6-18-01-01 车工, 6-18-01-02 铣工, 6-18-01-04 磨工, 6-18-02-04 焊工
        new Industry("MACHINERY", 18,
                new String[] {"机械制造有限公司", "重型机械有限公司", "精密机械有限公司", "机床附件有限公司", "汽车零部件有限公司"},
                new String[] {"6-18-01-01", "6-18-01-02", "6-18-01-04", "6-18-02-04"}),
        // 6-31 设备安装维修人员: 6-31-01-03 电工
        new Industry("ELECTRIC", 8,
                new String[] {"电气设备有限公司", "电力工程有限公司", "机电设备安装有限公司"},
                new String[] {"6-31-01-03", "6-31-01-02", "6-31-01-05"}),
        // 6-29 建筑施工人员: 6-29-01-01 砌筑工
        new Industry("CONSTRUCTION", 12,
                new String[] {"建筑工程有限公司", "建设工程有限公司", "建筑安装工程有限公司"},
                new String[] {"6-29-01-01", "6-29-01-03", "6-29-03-01"}),
        // 4-03 住宿和餐饮服务人员: 4-03-02-01 中式烹调师, 4-03-02-02 中式面点师
        new Industry("CATERING", 10,
                new String[] {"餐饮管理有限公司", "饭店有限公司", "酒店管理有限公司"},
                new String[] {"4-03-02-01", "4-03-02-02", "4-03-02-03"}),
        new Industry("LOGISTICS", 9,
                new String[] {"物流有限公司", "运输有限公司", "货运代理有限公司"},
                new String[] {"4-02-02-01", "4-02-04-01", "4-02-06-01"}),
        new Industry("TRADE", 14,
                new String[] {"商贸有限公司", "贸易有限公司", "超市有限公司"},
                new String[] {"4-01-02-01", "4-01-02-02", "4-01-02-03"}),
        new Industry("CARE", 7,
                new String[] {"养老服务有限公司", "家政服务有限公司", "物业服务有限公司"},
                new String[] {"4-10-01-05", "4-10-01-06", "4-10-01-03"}),
        new Industry("CHEMICAL", 6,
                new String[] {"石化有限公司", "化工有限公司", "新材料有限公司"},
                new String[] {"6-11-01-01", "6-11-01-02", "6-11-02-01"}),
        new Industry("IT", 5,
                new String[] {"软件有限公司", "信息技术有限公司", "网络科技有限公司"},
                new String[] {"2-02-10-03", "2-02-10-04", "2-02-07-06"}),
        new Industry("HR", 4,
                new String[] {"人力资源服务有限公司", "企业管理咨询有限公司", "劳务派遣有限公司"},
                new String[] {"4-07-05-01", "4-07-05-02", "4-07-03-01"}),
    };

    static final int MACHINERY = 0;
    static final int ELECTRIC = 1;
    static final int CONSTRUCTION = 2;
    static final int CATERING = 3;
    static final int LOGISTICS = 4;
    static final int TRADE = 5;
    static final int CARE = 6;
    static final int HR = 9;

    static final int[] INDUSTRY_CUMULATIVE;

    static {
        int[] w = new int[INDUSTRIES.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = INDUSTRIES[i].weight;
        }
        INDUSTRY_CUMULATIVE = Rng.cumulative(w);
    }

    // Surnames roughly by frequency in north-east China (the most common ones repeated).
    private static final String[] SURNAMES = (
            "王王王王王王王李李李李李李李张张张张张张刘刘刘刘刘陈陈陈杨杨杨赵赵赵孙孙孙于于马马高高徐周吴郭朱黄林何韩曹田宋冯董"
            + "姜姜吕崔曲关付郑梁唐许邓谢罗程袁邹侯丁白石范金潘蔡贾魏薛闫常孟鲁佟隋邵尹葛谷殷庞").split("");
    private static final String[] MALE = (
            "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳东海峰亮成志建国文博岩松柏硕铭睿哲晨轩昊")
            .split("");
    private static final String[] FEMALE = (
            "芳娜敏静丽艳娟霞秀英玲燕红颖琳雪婷倩慧佳晶丹萍洁莉璐欣悦月妍琪薇梅兰蕾楠爽蕊")
            .split("");
    private static final String[] TRADE_NAME = (
            "华盛鑫泰隆丰宏达兴恒源金福瑞祥顺通利诚信德安康永昌辉新世纪北方东博远航天成正中联创亿嘉和佳宇润锦海峰益铭晟卓越坤盈骏")
            .split("");

    static final String[] REJECT_REASONS = {
        "失业前用人单位和本人累计缴费不足1年，不符合领取条件",
        "已重新就业并参加职工基本养老保险",
        "已达到法定退休年龄，按规定享受基本养老保险待遇",
        "申请材料不全，经一次性告知后未按期补正",
        "经核查劳动关系存疑，不予核准",
        "正在领取其他统筹地区失业保险金，不予重复核准",
    };
    static final String VOLUNTARY_REASON = "本人意愿中断就业，不符合领取失业保险金条件";

    private Lexicon() {
    }

    static String personName(boolean male, SplittableRandom r) {
        String[] given = male ? MALE : FEMALE;
        String s = SURNAMES[r.nextInt(SURNAMES.length)];
        if (r.nextInt(100) < 30) {
            return s + given[r.nextInt(given.length)];
        }
        String second = r.nextInt(100) < 85 ? given[r.nextInt(given.length)] : TRADE_NAME[r.nextInt(TRADE_NAME.length)];
        return s + given[r.nextInt(given.length)] + second;
    }

    static int pickIndustry(SplittableRandom r) {
        return Rng.weighted(r, INDUSTRY_CUMULATIVE);
    }

    /** e.g. 沈阳鑫达机械制造有限公司, 鞍山市恒泰建筑工程有限公司, 辽宁华盛物流有限公司. */
    static String employerName(Geo.City city, int industry, SplittableRandom r) {
        int p = r.nextInt(100);
        String prefix = p < 60 ? city.name : p < 90 ? city.name + "市" : "辽宁";
        String trade = TRADE_NAME[r.nextInt(TRADE_NAME.length)];
        String trade2;
        do {
            trade2 = TRADE_NAME[r.nextInt(TRADE_NAME.length)];
        } while (trade2.equals(trade));
        Industry ind = INDUSTRIES[industry];
        return prefix + trade + trade2 + ind.nameEndings[r.nextInt(ind.nameEndings.length)];
    }

    static String job(int industry, SplittableRandom r) {
        String[] jobs = INDUSTRIES[industry].jobs;
        return jobs[r.nextInt(jobs.length)];
    }

    /** A certificate occupation of an industry's family, sometimes with a 工种 suffix. */
    static String certOccupation(int industry, SplittableRandom r) {
        String c = job(industry, r);
        return r.nextInt(100) < 5 ? c + "-0" + (1 + r.nextInt(3)) : c;
    }
}
