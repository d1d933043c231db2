package org.fundguard.screening.subsidies;

import org.fundguard.run.Dialect;
import org.fundguard.screening.RuleRun;
import org.springframework.stereotype.Component;

/**
 * SKL-07: among non-rejected applications dated up to D, grouped by
 * {@code (person_id, occupation_code, level)} and separately by {@code certificate_no}, every
 * application of a group but the earliest (by application_date, then application_id in code-point
 * order) is flagged when in scope. Out-of-scope applications count (they keep their place as the
 * earliest) but are not flagged.
 */
@Component
public class DuplicateSubsidy extends SubsidyRuleBase {

    static final String SQL = """
            WITH a AS (
              SELECT s.application_id, s.person_id, s.occupation_code, s.cert_level, s.certificate_no, s.app_day
                FROM subsidy s WHERE %s),
            ranked AS (
              SELECT 'P' AS kind, application_id, app_day, occupation_code, cert_level, certificate_no,
                     ROW_NUMBER() OVER (PARTITION BY person_id, occupation_code, cert_level ORDER BY app_day, %s) AS rn,
                     FIRST_VALUE(application_id) OVER (PARTITION BY person_id, occupation_code, cert_level ORDER BY app_day, %s) AS first_id,
                     FIRST_VALUE(app_day) OVER (PARTITION BY person_id, occupation_code, cert_level ORDER BY app_day, %s) AS first_day
                FROM a
              UNION ALL
              SELECT 'C' AS kind, application_id, app_day, occupation_code, cert_level, certificate_no,
                     ROW_NUMBER() OVER (PARTITION BY certificate_no ORDER BY app_day, %s) AS rn,
                     FIRST_VALUE(application_id) OVER (PARTITION BY certificate_no ORDER BY app_day, %s) AS first_id,
                     FIRST_VALUE(app_day) OVER (PARTITION BY certificate_no ORDER BY app_day, %s) AS first_day
                FROM a)
            SELECT kind, application_id, occupation_code, cert_level, certificate_no, first_id, first_day
              FROM ranked
             WHERE rn > 1 AND app_day >= :scopeStart
            """;

    private final String sql;

    public DuplicateSubsidy(Dialect dialect) {
        super("SKL-07", "DUPLICATE_SUBSIDY", "技能提升补贴政策 同一职业同一等级补贴一次，一张证书支持一次申领",
                "核实是否重复申领：同一职业同一等级已享受补贴或同一证书已申领的，不予重复发放");
        String id = dialect == Dialect.POSTGRESQL ? "application_id COLLATE \"C\"" : "application_id";
        this.sql = SQL.formatted(COUNTED, id, id, id, id, id, id);
    }

    @Override
    public void screen(RuleRun run) {
        run.query(sql, rs -> {
            String first = rs.getString("first_id") + "(" + RuleRun.day(rs.getInt("first_day")) + ")";
            run.flag(rs.getString("application_id"), "P".equals(rs.getString("kind"))
                    ? "SKL-07 同一人同职业" + rs.getString("occupation_code") + "同等级(" + rs.getInt("cert_level") + "级)已有申请" + first
                    : "SKL-07 证书" + rs.getString("certificate_no") + "已用于申请" + first);
        });
    }
}
