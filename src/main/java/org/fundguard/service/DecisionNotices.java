package org.fundguard.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.fundguard.config.JobDefinition;
import org.fundguard.run.ContractException;

/**
 * SVC-04 DECISION_NOTICE (辽 一 "通过短信等方式主动及时告知失业人员审核结果"; 国 一 "审核不通过的要及时准确向
 * 失业人员说明原因及处置方式"): the Chinese text message for a decided claim, from templates that are
 * job parameters.
 *
 * <p>Parameters ({@code --config} overrides them; defaults below):
 * <ul>
 *   <li>{@value #TEMPLATE_APPROVED}: claims whose review result was approval (status {@code APPROVED},
 *       {@code PAYING}, {@code SUSPENDED}, {@code ENDED});</li>
 *   <li>{@value #TEMPLATE_REJECTED}: {@code REJECTED} claims; must contain {@code {reason}};</li>
 *   <li>{@value #REAPPLY}: the phrase on how to apply again, inserted for {@code {reapply}};</li>
 *   <li>{@value #MISSING_REASON}: inserted for {@code {reason}} when the claim's
 *       {@code reject_reason} is blank, so that the claimant is told so rather than shown nothing.</li>
 * </ul>
 * Placeholders: {@code {name} {claim_id} {application_date} {decision_date} {status} {reason}
 * {reapply}}; dates are written the Chinese way ({@code 2026年11月3日}), {@code {status}} as the
 * status's Chinese name. The two phrases are inserted as they are (they hold no placeholders).
 */
public final class DecisionNotices {

    public static final String TEMPLATE_APPROVED = "rule.SVC-04.template.approved";
    public static final String TEMPLATE_REJECTED = "rule.SVC-04.template.rejected";
    public static final String REAPPLY = "rule.SVC-04.text.reapply";
    public static final String MISSING_REASON = "rule.SVC-04.text.missing_reason";

    public static final String DEFAULT_APPROVED = "【失业保险】{name}您好，您于{application_date}提交的失业保险金申领（业务号{claim_id}）"
            + "已于{decision_date}审核通过，当前状态：{status}。失业保险金按月发放至您的社会保障卡，"
            + "待遇发放相关政策可咨询当地失业保险经办机构或拨打12333。";
    public static final String DEFAULT_REJECTED = "【失业保险】{name}您好，您于{application_date}提交的失业保险金申领（业务号{claim_id}）"
            + "经审核不予核准（审核日期{decision_date}），原因：{reason}。{reapply}";
    public static final String DEFAULT_REAPPLY = "如对审核结果有异议，或能补充证明材料（如能证明非因本人意愿中断就业），"
            + "可持相关材料向当地失业保险经办机构再次申请，经办机构将重新审核。咨询电话12333。";
    public static final String DEFAULT_MISSING_REASON = "审核意见未载明具体原因，请向当地失业保险经办机构咨询，经办机构将向您说明原因及处置方式";

    static {
        register();
    }

    /** Registers SVC-04's parameters with their defaults. */
    public static void register() {
        JobDefinition.define(TEMPLATE_APPROVED, DEFAULT_APPROVED);
        JobDefinition.define(TEMPLATE_REJECTED, DEFAULT_REJECTED);
        JobDefinition.define(REAPPLY, DEFAULT_REAPPLY);
        JobDefinition.define(MISSING_REASON, DEFAULT_MISSING_REASON);
    }

    private final SmsTemplate approved;
    private final SmsTemplate rejected;
    private final String reapply;
    private final String missingReason;

    DecisionNotices(SmsTemplate approved, SmsTemplate rejected, String reapply, String missingReason) {
        this.approved = approved;
        this.rejected = rejected;
        this.reapply = reapply;
        this.missingReason = missingReason;
    }

    /**
     * The notices of a job definition, checked: {@link ContractException} naming the key for an
     * unknown placeholder, a stray brace, an empty template, a rejection template without
     * {@code {reason}}, an empty missing-reason phrase, or a phrase holding a brace.
     */
    public static DecisionNotices of(JobDefinition definition) {
        SmsTemplate approved = SmsTemplate.parse(TEMPLATE_APPROVED, definition.get(TEMPLATE_APPROVED));
        SmsTemplate rejected = SmsTemplate.parse(TEMPLATE_REJECTED, definition.get(TEMPLATE_REJECTED));
        if (!rejected.uses("reason")) {
            throw new ContractException("job parameter " + TEMPLATE_REJECTED
                    + " must contain {reason}: a rejection notice states the reason (rules.md SVC-04)");
        }
        String reapply = phrase(REAPPLY, definition.get(REAPPLY));
        String missing = phrase(MISSING_REASON, definition.get(MISSING_REASON));
        if (missing.isBlank()) {
            throw new ContractException("job parameter " + MISSING_REASON
                    + " is empty; a rejection without a recorded reason must still say so");
        }
        return new DecisionNotices(approved, rejected, reapply, missing);
    }

    /** Checks the job definition's SVC-04 parameters (see {@link #of}); for the start of a run. */
    public static void validate(JobDefinition definition) {
        of(definition);
    }

    private static String phrase(String key, String value) {
        if (value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
            throw new ContractException("job parameter " + key + " is inserted as it is and may not contain '{' or '}'");
        }
        return value.strip();
    }

    /** The message for a decided claim; null for a status that carries no review result. */
    public String message(String status, String name, String claimId, LocalDate applicationDate, LocalDate decisionDate,
                          String rejectReason) {
        SmsTemplate template;
        switch (status) {
            case "APPROVED", "PAYING", "SUSPENDED", "ENDED" -> template = approved;
            case "REJECTED" -> template = rejected;
            default -> {
                return null;
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("name", oneLine(name));
        values.put("claim_id", oneLine(claimId));
        values.put("application_date", chineseDate(applicationDate));
        values.put("decision_date", chineseDate(decisionDate));
        values.put("status", statusName(status));
        values.put("reason", "REJECTED".equals(status) ? reason(rejectReason) : "");
        values.put("reapply", reapply);
        return template.render(values);
    }

    private String reason(String rejectReason) {
        String r = oneLine(rejectReason);
        // the template ends the reason with its own full stop
        while (!r.isEmpty() && "。.；;，,".indexOf(r.charAt(r.length() - 1)) >= 0) {
            r = r.substring(0, r.length() - 1).strip();
        }
        return r.isEmpty() ? missingReason : r;
    }

    /** Line breaks and tabs of a stored value become single spaces (an SMS is one paragraph). */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static String chineseDate(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String statusName(String status) {
        return switch (status) {
            case "RECEIVED" -> "已受理待审核";
            case "APPROVED" -> "已核准";
            case "PAYING" -> "发放中";
            case "REJECTED" -> "不予核准";
            case "SUSPENDED" -> "停发";
            case "ENDED" -> "期满终止";
            case "WITHDRAWN" -> "已撤回";
            default -> status;
        };
    }
}
