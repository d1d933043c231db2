package org.fundguard.screening.subsidies;

import java.util.List;
import org.fundguard.extract.Extract;
import org.fundguard.screening.RuleRun;
import org.springframework.stereotype.Component;

/**
 * SKL-05: the certificate is in the registry (any status, any issue date) and the first
 * {@code prefix_digits} digits (the city) of its {@code issuing_region_code} differ from those of
 * the application's {@code region_code} — unless the issuing region is a province-level code
 * ({@code xx0000}) of the application's province: a province-level evaluation body serves the whole
 * province.
 */
@Component
public class CertOutOfRegion extends SubsidyRuleBase {

    static final String SQL = """
            SELECT s.application_id, s.region_code, c.issuing_region_code
              FROM subsidy s
              JOIN certificate c ON c.certificate_no = s.certificate_no
             WHERE %s
               AND SUBSTRING(c.issuing_region_code, 1, :prefix_digits) <> SUBSTRING(s.region_code, 1, :prefix_digits)
               AND NOT (SUBSTRING(c.issuing_region_code, 3, 4) = '0000'
                        AND SUBSTRING(c.issuing_region_code, 1, 2) = SUBSTRING(s.region_code, 1, 2))
            """.formatted(FLAGGABLE);

    public CertOutOfRegion() {
        super("SKL-05", "CERT_OUT_OF_REGION", "国 六 \"参保地或领金地以外所获证书领取技能提升补贴\"",
                "核实申请人在参保地或领金地以外取得证书的原因及培训评价的真实性，核实前暂缓发放补贴",
                "prefix_digits", "4");
    }

    @Override
    public List<Extract> needs() {
        return List.of(Extract.CERTIFICATES);
    }

    @Override
    public void screen(RuleRun run) {
        int digits = run.integer("prefix_digits");
        run.query(SQL, rs -> {
            String issuing = rs.getString("issuing_region_code");
            String applied = rs.getString("region_code");
            run.flag(rs.getString("application_id"), "SKL-05 证书评价机构所在地" + issuing + "(" + prefix(issuing, digits) + ")与申领地" + applied
                    + "(" + prefix(applied, digits) + ")前" + digits + "位不同，且非本省省级评价机构");
        });
    }

    private static String prefix(String code, int digits) {
        return code.substring(0, Math.min(Math.max(digits, 0), code.length()));
    }
}
