package org.fundguard.screening;

import java.time.LocalDate;

/**
 * An entity-level alert of alerts.csv before its id is keyed: {@code identity} is what the
 * alert_id HMAC covers besides rule, entity type and period start (the full unmasked value for a
 * shared contact, otherwise the entity id).
 */
public record Alert(String rule, Severity severity, String entityType, String entityId, String identity,
                    String entityName, String regionCode, LocalDate periodStart, LocalDate periodEnd,
                    String metric, String value, String threshold, int relatedCases) {
}
