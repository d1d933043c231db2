package org.fundguard.screening;

/**
 * {@code HIGH}: a high-risk trigger (国 七 "触发高危风险时及时提醒并开展核查"); {@code VERIFY}: the case
 * must be checked before it continues (辽 三). HIGH sorts first.
 */
public enum Severity { HIGH, VERIFY }
