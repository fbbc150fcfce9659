package com.aftersales.feedback.notification;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every notice renders in both languages with every value filled, dates in the configured zone. */
class NoticeTemplatesTest {

    static final Map<String, String> VALUES = Map.ofEntries(Map.entry("windowStart", "2026-12-04T01:00:00Z"),
            Map.entry("windowEnd", "2026-12-04T03:00:00Z"), Map.entry("ticketRef", "3F2A9C10"),
            Map.entry("link", "https://service.example.com/survey/1?t=x"), Map.entry("expiresAt", "2026-12-17T16:30:00Z"),
            Map.entry("serialNumber", "SN1"), Map.entry("storeCode", "SH-01"), Map.entry("noticeNumber", "2"),
            Map.entry("noticesBeforeShipBack", "3"), Map.entry("carrier", "SF"), Map.entry("trackingNumber", "SF123"),
            Map.entry("promisedBy", "2026-12-10"), Map.entry("model", "KFR-35GW"),
            Map.entry("expectedArrivalDate", "2026-12-20"), Map.entry("followUpDueDate", "2026-12-10"));

    private final NoticeTemplates templates = new NoticeTemplates(ZoneId.of("Asia/Shanghai"));

    @Test
    void everyNoticeRendersInBothLanguagesWithNothingLeftOpen() {
        for (NoticeType type : NoticeType.values()) {
            for (String language : new String[] {"zh-CN", "en"}) {
                NoticeTemplates.Rendered text = templates.render(type, language, VALUES);
                assertThat(text.subject()).as(type + " " + language).isNotBlank().doesNotContain("{", "}");
                assertThat(text.body()).as(type + " " + language).isNotBlank().doesNotContain("{", "}");
            }
        }
    }

    @Test
    void datesAndTimesAreWrittenInTheCustomersLanguageAndTheServiceZone() {
        assertThat(templates.render(NoticeType.APPOINTMENT_CONFIRMED, "zh-CN", VALUES).body())
                .startsWith("您好，我们的服务工程师将于12月4日（周五）09:00至11:00上门服务，工单号：3F2A9C10。");
        assertThat(templates.render(NoticeType.APPOINTMENT_CONFIRMED, "en-GB", VALUES).body())
                .startsWith("Our technician will visit you on Fri 4 Dec 2026, 09:00 to 11:00.");
        // the link's expiry: 2026-12-18 00:30 in Shanghai
        assertThat(templates.render(NoticeType.SURVEY_LINK, "zh", VALUES).body()).contains("2026年12月18日前有效");
    }

    @Test
    void anUnknownOrMissingLanguageIsEnglishAndAnyChineseTagChinese() {
        assertThat(NoticeTemplates.localeOf(null)).isEqualTo(Locale.ENGLISH);
        assertThat(NoticeTemplates.localeOf("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(NoticeTemplates.localeOf("zh-Hans-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(NoticeTemplates.localeOf("zh_CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aTemplateValueTheNoticeDoesNotCarryIsATemplateBug() {
        assertThatThrownBy(() -> templates.render(NoticeType.PICKUP_READY, "zh-CN", Map.of("storeCode", "SH-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serialNumber");
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(NoticeTemplates.bundle(Locale.SIMPLIFIED_CHINESE).keySet())
                .isEqualTo(NoticeTemplates.bundle(Locale.ENGLISH).keySet());
        ResourceBundle zh = NoticeTemplates.bundle(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.getString("notice.PICKUP_READY.subject")).isNotEqualTo(
                NoticeTemplates.bundle(Locale.ENGLISH).getString("notice.PICKUP_READY.subject"));
    }
}
