package org.fundguard.screening.subsidies;

import org.fundguard.run.ContractException;
import org.fundguard.screening.RuleRun;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * SKL-03: an {@code EMPLOYEE} application whose {@code job_occupation_code} is set and whose first
 * {@code segments} dash-separated segments differ from the certificate's {@code occupation_code}.
 * Codes are validated as {@code D-DD-DD-DD(-DD)}, so the first k segments are the first
 * {@code 1 + 3 (k − 1)} characters (the whole code when it has fewer segments).
 */
@Component
public class CertJobMisfit extends SubsidyRuleBase {

    static final String SQL = """
            SELECT s.application_id, s.occupation_code, s.job_occupation_code
              FROM subsidy s
             WHERE %s
               AND s.applicant_type = 'EMPLOYEE' AND s.job_occupation_code IS NOT NULL
               AND SUBSTRING(s.occupation_code, 1, :prefixLength) <> SUBSTRING(s.job_occupation_code, 1, :prefixLength)
            """.formatted(FLAGGABLE);

    public CertJobMisfit() {
        super("SKL-03", "CERT_JOB_MISFIT", "国 六 \"要确保证岗相适\"",
                "核实申请人从事岗位与证书职业(工种)是否相适，证岗不符的核实前暂缓发放补贴",
                "segments", "2");
    }

    /** Characters of the first {@code segments} segments of a {@code D-DD-DD-DD(-DD)} code. */
    static int prefixLength(int segments) {
        return 1 + 3 * (segments - 1);
    }

    @Override
    public void screen(RuleRun run) {
        int segments = run.integer("segments");
        if (segments < 1) {
            throw new ContractException("job parameter " + RuleRun.key(this, "segments") + " must be at least 1");
        }
        int length = prefixLength(segments);
        run.query(SQL, new MapSqlParameterSource("prefixLength", length), rs -> {
            String certificate = rs.getString("occupation_code");
            String job = rs.getString("job_occupation_code");
            run.flag(rs.getString("application_id"), "SKL-03 证书职业" + certificate + "与岗位职业" + job + "前" + segments + "段不一致(证书"
                    + prefix(certificate, length) + "/岗位" + prefix(job, length) + ")");
        });
    }

    private static String prefix(String code, int length) {
        return code.substring(0, Math.min(length, code.length()));
    }
}
