package org.fundguard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.fundguard.config.JobDefinition;
import org.fundguard.run.ContractException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SVC-04's templates: parsing, validation naming the key, rendering. */
class SmsTemplateTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void register() {
        DecisionNotices.register();
    }

    @Test
    void rendersEveryPlaceholderInOnePass() {
        SmsTemplate t = SmsTemplate.parse("k", "{name}，业务号{claim_id}，{status}{reason}");
        assertThat(t.render(Map.of("name", "张三", "claim_id", "{reason}", "status", "已核准", "reason", "")))
                .isEqualTo("张三，业务号{reason}，已核准");
        assertThat(t.uses("reason")).isTrue();
        assertThat(t.uses("reapply")).isFalse();
    }

    @Test
    void unknownPlaceholderNamesTheKey() {
        assertThatThrownBy(() -> SmsTemplate.parse("rule.SVC-04.template.approved", "您好{nam}"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("rule.SVC-04.template.approved")
                .hasMessageContaining("{nam}");
        assertThatThrownBy(() -> SmsTemplate.parse("key.x", "您好{name"))
                .isInstanceOf(ContractException.class).hasMessageContaining("key.x");
        assertThatThrownBy(() -> SmsTemplate.parse("key.y", "您好name}"))
                .isInstanceOf(ContractException.class).hasMessageContaining("key.y");
        assertThatThrownBy(() -> SmsTemplate.parse("key.z", "  "))
                .isInstanceOf(ContractException.class).hasMessageContaining("key.z");
    }

    @Test
    void defaultsAreValid() {
        DecisionNotices.validate(JobDefinition.defaults());
    }

    @Test
    void aJobDefinitionWithAnUnknownPlaceholderIsRejectedNamingTheKey() throws Exception {
        Path file = tmp.resolve("job.properties");
        Files.writeString(file, "rule.SVC-04.template.rejected=不予核准：{reason}{foo}\n");
        JobDefinition definition = JobDefinition.load(file);
        assertThatThrownBy(() -> ServiceLists.validate(definition))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("rule.SVC-04.template.rejected")
                .hasMessageContaining("{foo}");
    }

    @Test
    void rejectionTemplateMustStateTheReason() throws Exception {
        Path file = tmp.resolve("job.properties");
        Files.writeString(file, "rule.SVC-04.template.rejected=您的申请不予核准\n");
        assertThatThrownBy(() -> DecisionNotices.of(JobDefinition.load(file)))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("rule.SVC-04.template.rejected")
                .hasMessageContaining("{reason}");
    }

    @Test
    void defaultMessages() {
        DecisionNotices notices = DecisionNotices.of(JobDefinition.defaults());
        String approved = notices.message("PAYING", "张三", "C1", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 10), null);
        assertThat(approved).startsWith("【失业保险】张三您好，您于2026年11月3日提交的失业保险金申领（业务号C1）已于2026年11月10日审核通过")
                .contains("当前状态：发放中").contains("12333");

        String rejected = notices.message("REJECTED", "李四", "C2", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 12),
                "本人意愿离职，不符合领取条件。");
        assertThat(rejected).contains("经审核不予核准（审核日期2026年11月12日）")
                .contains("原因：本人意愿离职，不符合领取条件。如对审核结果有异议")
                .doesNotContain("。。")
                .contains(DecisionNotices.DEFAULT_REAPPLY);

        String blank = notices.message("REJECTED", "王五", "C3", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 12), "  ");
        assertThat(blank).contains("原因：" + DecisionNotices.DEFAULT_MISSING_REASON + "。");

        String multiline = notices.message("REJECTED", "王五", "C4", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 12),
                "材料不全\r\n缺少解除劳动合同证明");
        assertThat(multiline).contains("原因：材料不全 缺少解除劳动合同证明。").doesNotContain("\n");

        assertThat(notices.message("RECEIVED", "赵六", "C5", LocalDate.of(2026, 11, 3), null, null)).isNull();
    }
}
