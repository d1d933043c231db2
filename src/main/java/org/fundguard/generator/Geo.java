package org.fundguard.generator;

import java.util.SplittableRandom;

/**
 * Liaoning (辽宁, province code 21): real prefecture-level cities and a handful of real districts
 * (GB/T 2260) under each, plus the local figures the generator needs per city.
 */
final class Geo {

    static final String PROVINCE = "210000";

    /** One prefecture-level city. */
    static final class City {
        final String code4;
        final String name;
        final int weight;
        /** Monthly unemployment benefit (90 % of the local minimum wage tier), in cents. */
        final long benefitCents;
        /** Monthly medical-insurance amount the agency pays for a claimant (代缴), in cents, 2025. */
        final long medicalCents;
        /** Median monthly contribution base, in yuan. */
        final int wageMedian;
        final String[] districts;
        final String[] districtNames;

        City(String code4, String name, int weight, long benefitCents, long medicalCents, int wageMedian,
             String... districtsAndNames) {
            this.code4 = code4;
            this.name = name;
            this.weight = weight;
            this.benefitCents = benefitCents;
            this.medicalCents = medicalCents;
            this.wageMedian = wageMedian;
            int n = districtsAndNames.length / 2;
            this.districts = new String[n];
            this.districtNames = new String[n];
            for (int i = 0; i < n; i++) {
                districts[i] = districtsAndNames[2 * i];
                districtNames[i] = districtsAndNames[2 * i + 1];
            }
        }

        String code6() {
            return code4 + "00";
        }

        String district(SplittableRandom r) {
            return districts[r.nextInt(districts.length)];
        }
    }

    static final City[] CITIES = {
        new City("2101", "沈阳", 25, 189000, 45280, 7000,
                "210102", "和平区", "210103", "沈河区", "210104", "大东区", "210105", "皇姑区", "210106", "铁西区",
                "210111", "苏家屯区", "210112", "浑南区", "210113", "沈北新区", "210114", "于洪区", "210115", "辽中区"),
        new City("2102", "大连", 22, 189000, 47650, 7400,
                "210202", "中山区", "210203", "西岗区", "210204", "沙河口区", "210211", "甘井子区", "210212", "旅顺口区",
                "210213", "金州区", "210214", "普兰店区", "210281", "瓦房店市", "210283", "庄河市"),
        new City("2103", "鞍山", 8, 171000, 39860, 5600,
                "210302", "铁东区", "210303", "铁西区", "210304", "立山区", "210311", "千山区", "210381", "海城市"),
        new City("2104", "抚顺", 5, 171000, 38520, 5300,
                "210402", "新抚区", "210403", "东洲区", "210404", "望花区", "210411", "顺城区"),
        new City("2105", "本溪", 4, 171000, 38040, 5300,
                "210502", "平山区", "210503", "溪湖区", "210504", "明山区", "210505", "南芬区"),
        new City("2106", "丹东", 5, 171000, 37290, 5100,
                "210602", "元宝区", "210603", "振兴区", "210604", "振安区", "210681", "东港市", "210682", "凤城市"),
        new City("2107", "锦州", 6, 171000, 37910, 5200,
                "210702", "古塔区", "210703", "凌河区", "210711", "太和区", "210781", "凌海市"),
        new City("2108", "营口", 6, 171000, 38870, 5400,
                "210802", "站前区", "210803", "西市区", "210804", "鲅鱼圈区", "210811", "老边区", "210881", "盖州市",
                "210882", "大石桥市"),
        new City("2109", "阜新", 3, 162000, 35130, 4700,
                "210902", "海州区", "210903", "新邱区", "210904", "太平区", "210911", "细河区"),
        new City("2110", "辽阳", 4, 171000, 36980, 5100,
                "211002", "白塔区", "211003", "文圣区", "211004", "宏伟区", "211011", "太子河区", "211081", "灯塔市"),
        new City("2111", "盘锦", 4, 171000, 40250, 5800,
                "211102", "双台子区", "211103", "兴隆台区", "211104", "大洼区"),
        new City("2112", "铁岭", 3, 162000, 34860, 4600,
                "211202", "银州区", "211204", "清河区", "211281", "调兵山市", "211282", "开原市"),
        new City("2113", "朝阳", 3, 162000, 34220, 4500,
                "211302", "双塔区", "211303", "龙城区", "211381", "北票市", "211382", "凌源市"),
        new City("2114", "葫芦岛", 4, 162000, 35640, 4700,
                "211402", "连山区", "211403", "龙港区", "211404", "南票区", "211481", "兴城市"),
    };

    static final int[] CITY_CUMULATIVE;

    static {
        int[] w = new int[CITIES.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = CITIES[i].weight;
        }
        CITY_CUMULATIVE = Rng.cumulative(w);
    }

    /** Districts of other provinces: birthplaces of migrant workers, and out-of-province offices. */
    static final String[] OTHER_PROVINCE_DISTRICTS = {
        "130102", "130104", "220102", "220104", "230102", "230103", "370102", "150102", "110105", "120101",
    };

    private Geo() {
    }

    static int pickCity(SplittableRandom r) {
        return Rng.weighted(r, CITY_CUMULATIVE);
    }

    static int cityIndex(String region) {
        String c4 = region.substring(0, 4);
        for (int i = 0; i < CITIES.length; i++) {
            if (CITIES[i].code4.equals(c4)) {
                return i;
            }
        }
        return -1;
    }

    static City city(String region) {
        int i = cityIndex(region);
        return i < 0 ? CITIES[0] : CITIES[i];
    }

    /** The agency's monthly medical amount for a city and year (2025 figure, 3 % a year). */
    static long medicalCents(City c, int year) {
        return c.medicalCents + (year - 2025) * (c.medicalCents * 3 / 100);
    }
}
