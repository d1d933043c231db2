package org.fundguard.screening.subsidies;

import java.util.ArrayList;
import java.util.List;
import org.fundguard.extract.Extract;
import org.fundguard.screening.RuleRun;
import org.springframework.stereotype.Component;

/**
 * SKL-02: the registry row of the application's certificate differs from the application in
 * {@code person_id}, {@code occupation_code}, {@code level} or {@code issue_date}, or is
 * {@code REVOKED}. Every registry row counts whatever its issue date (a registry date later than
 * the application is a mismatch, not an absence). The evidence names the differing fields; person
 * ids are never printed (only the field name {@code person_id}).
 */
@Component
public class CertMismatch extends SubsidyRuleBase {

    static final String SQL = """
            SELECT s.application_id,
                   CASE WHEN s.person_id <> c.person_id THEN 1 ELSE 0 END AS other_person,
                   s.occupation_code AS app_occupation, c.occupation_code AS reg_occupation,
                   s.cert_level AS app_level, c.cert_level AS reg_level,
                   s.issue_day AS app_issue, c.issue_day AS reg_issue, c.status AS reg_status
              FROM subsidy s
              JOIN certificate c ON c.certificate_no = s.certificate_no
             WHERE %s
               AND (s.person_id <> c.person_id OR s.occupation_code <> c.occupation_code OR s.cert_level <> c.cert_level
                    OR s.issue_day <> c.issue_day OR c.status = 'REVOKED')
            """.formatted(FLAGGABLE);

    public CertMismatch() {
        super("SKL-02", "CERT_MISMATCH", "国 六 \"通过职业资格证书或职业技能等级证书联网查询方式进行审核\"",
                "联系职业技能鉴定部门核对证书信息，与证书库不一致或证书已撤销的核实前暂缓发放补贴");
    }

    @Override
    public List<Extract> needs() {
        return List.of(Extract.CERTIFICATES);
    }

    @Override
    public void screen(RuleRun run) {
        run.query(SQL, rs -> {
            List<String> fields = new ArrayList<>();
            if (rs.getInt("other_person") == 1) {
                fields.add("person_id");
            }
            String appOccupation = rs.getString("app_occupation");
            String regOccupation = rs.getString("reg_occupation");
            if (!appOccupation.equals(regOccupation)) {
                fields.add("occupation_code(申请" + appOccupation + "/证书库" + regOccupation + ")");
            }
            int appLevel = rs.getInt("app_level");
            int regLevel = rs.getInt("reg_level");
            if (appLevel != regLevel) {
                fields.add("level(申请" + appLevel + "/证书库" + regLevel + ")");
            }
            int appIssue = rs.getInt("app_issue");
            int regIssue = rs.getInt("reg_issue");
            if (appIssue != regIssue) {
                fields.add("issue_date(申请" + RuleRun.day(appIssue) + "/证书库" + RuleRun.day(regIssue) + ")");
            }
            if ("REVOKED".equals(rs.getString("reg_status"))) {
                fields.add("status(证书库REVOKED已撤销)");
            }
            run.flag(rs.getString("application_id"), "SKL-02 证书库记录不一致：" + String.join("、", fields));
        });
    }
}
