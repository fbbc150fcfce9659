package com.aftersales.platform.language;

import com.aftersales.testsupport.ChineseText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule behind every bundle check: Chinese text may carry codes and names, never an English phrase. */
class ChineseTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "请先登录",
            "需要有效的访问令牌（Authorization: Bearer <JWT>）",
            "该 Idempotency-Key 已用于另一个不同的请求",
            "必须是大写代码，例如 AIR_CONDITIONER",
            "未找到 ID 为 {1} 的{0}",
            "由规则 NT-NO-CONSENT 决定：客户未同意联系",
            "ticketId、customerId、returnId 三者必须且只能填写一个",
            "必须是 json 或 html",
            "请点击 https://service.example.com/survey/1?t=abc 评价",
            "点火针间距调整至 4–5 mm，出风温差 ≥ 8℃",
            "格式必须为 sha256:<十六进制摘要>",
            "{0,choice,1#1 个字段|1<{0} 个字段}不合法",
            "型号 KFR-35GW/BpR3 的 E1 故障"})
    void chineseWithCodesUnitsAndNamesPasses(String text) {
        assertThat(ChineseText.englishSentences(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "No return with id 42",
            "必须是 must be one of [A, B]",
            "Survey answered (SMS_LINK): CSAT 5",
            "退货 REFUND by rule NO_REASON_WINDOW_PASSED",
            "The request has invalid fields",
            "give at least a CSAT or an NPS score",
            "客户说：it does not work at all"})
    void anEnglishPhraseIsFound(String text) {
        assertThat(ChineseText.englishSentences(text)).isNotEmpty();
    }
}
