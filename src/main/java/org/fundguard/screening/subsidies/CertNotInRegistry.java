package org.fundguard.screening.subsidies;

import java.util.List;
import org.fundguard.extract.Extract;
import org.fundguard.screening.RuleRun;
import org.springframework.stereotype.Component;

/**
 * SKL-01: no registry row has the application's {@code certificate_no} (every registry row counts,
 * whatever its issue date). Skipped while no certificates.csv has ever been loaded.
 */
@Component
public class CertNotInRegistry extends SubsidyRuleBase {

    static final String SQL = """
            SELECT s.application_id, s.certificate_no
              FROM subsidy s
             WHERE %s
               AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.certificate_no = s.certificate_no)
            """.formatted(FLAGGABLE);

    public CertNotInRegistry() {
        super("SKL-01", "CERT_NOT_IN_REGISTRY", "国 六 \"相关证书应在技能人才评价工作网可查询\"",
                "联系职业技能鉴定部门重点核查证书真实性，证书库查询不到的核实前暂缓发放补贴");
    }

    @Override
    public List<Extract> needs() {
        return List.of(Extract.CERTIFICATES);
    }

    @Override
    public void screen(RuleRun run) {
        run.query(SQL, rs -> run.flag(rs.getString("application_id"),
                "SKL-01 证书" + rs.getString("certificate_no") + "在技能人才评价工作网证书库中查询不到"));
    }
}
