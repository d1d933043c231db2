package org.fundguard.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Names and regions of employers for alerts (blank name when no extract delivered the employer). */
@Component
public class Employers {

    public record Info(String name, String regionCode) {
    }

    private final JdbcTemplate jdbc;

    public Employers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Info> find(Collection<String> ids) {
        Map<String, Info> found = new HashMap<>();
        List<String> list = List.copyOf(ids);
        for (int i = 0; i < list.size(); i += 500) {
            List<String> part = list.subList(i, Math.min(list.size(), i + 500));
            String marks = String.join(",", part.stream().map(x -> "?").toList());
            jdbc.query("SELECT employer_id, employer_name, region_code FROM employer WHERE employer_id IN (" + marks + ")",
                    rs -> {
                        found.put(rs.getString(1), new Info(rs.getString(2), rs.getString(3)));
                    }, part.toArray());
        }
        return found;
    }

    /** The first month (month number) with a contribution of the employer up to {@code maxMonth}, or null. */
    public Integer firstInsuredMonth(String employerId, int maxMonth) {
        return jdbc.queryForObject("SELECT MIN(period_month) FROM employer_month WHERE employer_id = ? AND period_month <= ?",
                Integer.class, employerId, maxMonth);
    }
}
