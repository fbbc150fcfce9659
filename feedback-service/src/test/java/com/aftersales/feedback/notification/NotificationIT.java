package com.aftersales.feedback.notification;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitScheduled;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.NotificationFailed;
import com.aftersales.contracts.feedback.NotificationSent;
import com.aftersales.contracts.returns.DepotRepairPromiseAtRisk;
import com.aftersales.contracts.returns.OutOfStockRegistered;
import com.aftersales.contracts.returns.ReturnRequested;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.returns.UnitReadyForPickup;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.ChineseProblems;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.aftersales.feedback.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices from real events to real channels: a real SMTP server in-process (GreenMail) for e-mail, a real HTTP server
 * for the SMS gateway and WeChat; retries with back-off, giving up, consent, the customer's language, the events
 * the ticket timeline reads and the list endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class NotificationIT {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final FakeProviders PROVIDERS;

    static {
        SMTP.start();
        try {
            PROVIDERS = new FakeProviders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("aftersales.feedback.notifications.email.enabled", () -> "true");
        registry.add("aftersales.feedback.notifications.sms.enabled", () -> "true");
        registry.add("aftersales.feedback.notifications.sms.base-url", PROVIDERS::baseUrl);
        registry.add("aftersales.feedback.notifications.sms.api-key", () -> "sms-test-key");
        registry.add("aftersales.feedback.notifications.wechat.enabled", () -> "true");
        registry.add("aftersales.feedback.notifications.wechat.base-url", PROVIDERS::baseUrl);
        registry.add("aftersales.feedback.notifications.wechat.path", () -> "/wechat/send");
        registry.add("aftersales.feedback.notifications.poll-interval", () -> "PT0.2S");
        registry.add("aftersales.feedback.notifications.initial-backoff", () -> "PT0.3S");
        registry.add("aftersales.feedback.notifications.max-backoff", () -> "PT1S");
        registry.add("aftersales.feedback.notifications.max-attempts", () -> "3");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        PROVIDERS.close();
    }

    @LocalServerPort
    int port;

    private UUID customer(KafkaTestClient kafka, String language, String phone, boolean consent, String email, String openId) {
        UUID id = UUID.randomUUID();
        kafka.publish(event("ticket-service", TicketEvents.CUSTOMER_REGISTERED, id, new CustomerRegistered(id, "客户",
                "B", language, phone, consent, "310104", Instant.now(), email, openId)));
        return id;
    }

    private UUID ticket(KafkaTestClient kafka, UUID customerId) {
        UUID id = UUID.randomUUID();
        kafka.publish(event("ticket-service", TicketEvents.TICKET_OPENED, id, new TicketOpened(id, customerId, "SN-N-1",
                "KFR-35GW", "REPAIR", "PHONE", "NORMAL", "COOLING", "不制冷", Instant.now())));
        return id;
    }

    private UUID consumerReturn(KafkaTestClient kafka, UUID customerId, UUID ticketId, String channel) {
        UUID id = UUID.randomUUID();
        kafka.publish(event("returns-service", ReturnsEvents.RETURN_REQUESTED, id, new ReturnRequested(id, "SN-R-1", null,
                customerId, "AIR_CONDITIONER", channel, "SH-XUHUI-01", null, true, "不制冷", LocalDate.now(), Instant.now(),
                ticketId)));
        return id;
    }

    private static String recipients(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode notices(String filter) {
        return new Http(port).get("/api/notifications?" + filter).body();
    }

    private JsonNode ended(String filter) {
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            JsonNode list = notices(filter);
            return list.size() == 1 && !"PENDING".equals(list.get(0).path("status").asString());
        });
        return notices(filter).get(0);
    }

    @Test
    void aChineseAppointmentConfirmationReachesTheSmtpServerAndTheTimelineEvent() throws Exception {
        String email = "wang-" + UUID.randomUUID() + "@example.cn";
        UUID ticketId;
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            UUID customerId = customer(kafka, "zh-CN", null, true, email, null);
            ticketId = ticket(kafka, customerId);
            // 2026-12-04 14:00 to 16:00 in Shanghai
            kafka.publish(event("dispatch-service", DispatchEvents.VISIT_SCHEDULED, ticketId, new VisitScheduled(UUID.randomUUID(),
                    UUID.randomUUID(), ticketId, UUID.randomUUID(), Instant.parse("2026-12-04T06:00:00Z"),
                    Instant.parse("2026-12-04T08:00:00Z"), false, null, Instant.now())));

            JsonNode notice = ended("ticketId=" + ticketId);
            assertThat(notice.path("status").asString()).isEqualTo("SENT");
            assertThat(notice.path("noticeType").asString()).isEqualTo("APPOINTMENT_CONFIRMED");
            assertThat(notice.path("channel").asString()).isEqualTo("EMAIL");
            assertThat(notice.path("language").asString()).isEqualTo("zh-CN");
            assertThat(notice.path("recipient").asString()).startsWith("w***@").doesNotContain("wang-");
            assertThat(notice.path("attempts").asInt()).isEqualTo(1);

            MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> recipients(m).contains(email)).findFirst().orElseThrow();
            assertThat(mail.getSubject()).isEqualTo("上门服务预约已确认");
            assertThat(mail.getContentType()).containsIgnoringCase("UTF-8");
            assertThat((String) mail.getContent())
                    .contains("12月4日（周五）14:00至16:00上门服务").contains(NotificationEventsListener.ticketRef(ticketId));

            List<EventEnvelope<?>> sent = kafka.events(Topics.FEEDBACK, notice.path("id").asString(), 1, Duration.ofSeconds(20));
            assertThat(sent.get(0).type()).isEqualTo(FeedbackEvents.NOTIFICATION_SENT);
            NotificationSent data = (NotificationSent) sent.get(0).data();
            assertThat(data.ticketId()).isEqualTo(ticketId);
            assertThat(data.channel()).isEqualTo("EMAIL");
            assertThat(data.customerId()).isEqualTo(customerId);
        }
    }

    @Test
    void anEnglishPickUpNoticeIsRetriedAfterTheGatewayFailsOnceAndEveryAttemptIsRecorded() {
        String phone = "+4477009" + (100000 + (int) (Math.random() * 899999));
        PROVIDERS.script(phone, new FakeProviders.Answer(503, "{\"error\":\"busy\"}"));
        UUID returnId;
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            UUID customerId = customer(kafka, "en", phone, true, null, null);
            returnId = consumerReturn(kafka, customerId, null, "CONSUMER");
            kafka.publish(event("returns-service", ReturnsEvents.UNIT_READY_FOR_PICKUP, returnId, new UnitReadyForPickup(returnId,
                    "SN-R-1", "SH-XUHUI-01", Instant.now())));
        }
        JsonNode notice = ended("returnId=" + returnId);
        assertThat(notice.path("status").asString()).isEqualTo("SENT");
        assertThat(notice.path("channel").asString()).isEqualTo("SMS");
        assertThat(notice.path("attempts").asInt()).isEqualTo(2);
        assertThat(notice.path("attemptLog").findValuesAsString("outcome")).containsExactly("FAILED", "DELIVERED");
        assertThat(notice.path("attemptLog").get(0).path("detail").asString()).contains("503");
        List<FakeProviders.Received> sms = PROVIDERS.to("to", phone);
        assertThat(sms).hasSize(2);
        assertThat(sms.get(1).authorization()).isEqualTo("Bearer sms-test-key");
        assertThat(sms.get(1).body().path("text").asString())
                .isEqualTo("【售后服务】Your repaired unit (serial number SN-R-1) is ready for pick-up at store SH-XUHUI-01. "
                        + "Please bring this message or your receipt.");
    }

    @Test
    void weChatComesFirstWhenLinkedAndARefusedOpenIdIsGivenUpAtOnce() {
        String openId = "oWx" + UUID.randomUUID().toString().replace("-", "");
        String refusedOpenId = "oWx" + UUID.randomUUID().toString().replace("-", "");
        PROVIDERS.script(refusedOpenId, new FakeProviders.Answer(200, "{\"errcode\":40003,\"errmsg\":\"invalid openid\"}"));
        UUID ticketId;
        UUID refusedTicket;
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            ticketId = ticket(kafka, customer(kafka, "zh-CN", "+8613800001111", true, null, openId));
            refusedTicket = ticket(kafka, customer(kafka, "zh-CN", "+8613800002222", true, null, refusedOpenId));
            for (UUID t : List.of(ticketId, refusedTicket)) {
                kafka.publish(event("returns-service", ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK, t, new DepotRepairPromiseAtRisk(
                        UUID.randomUUID(), "sh-depot-01", null, t, "IN_REPAIR", LocalDate.parse("2026-12-10"), 1, Instant.now())));
            }
        }
        JsonNode notice = ended("ticketId=" + ticketId);
        assertThat(notice.path("status").asString()).isEqualTo("SENT");
        assertThat(notice.path("channel").asString()).isEqualTo("WECHAT");
        assertThat(notice.path("noticeType").asString()).isEqualTo("REPAIR_DELAYED");
        JsonNode message = PROVIDERS.to("touser", openId).get(0).body();
        assertThat(message.path("data").path("content").path("value").asString())
                .isEqualTo("非常抱歉，您的产品预计无法在承诺的2026年12月10日前修好。确定新的完成日期后，我们会第一时间致电告知您。");

        // Beside the notice, a task: someone calls the customer with a new date before the promised day.
        await().atMost(Duration.ofSeconds(20)).until(() -> new Http(port).get("/api/follow-ups/due?limit=1000").body().valueStream()
                .anyMatch(d -> "REPAIR_DELAY_CALL".equals(d.path("reason").asString())
                        && d.path("rule").asString().contains("2026-12-10")));

        JsonNode refused = ended("ticketId=" + refusedTicket);
        assertThat(refused.path("status").asString()).isEqualTo("DEAD");
        assertThat(refused.path("rule").asString()).isEqualTo(DeliveryPolicy.REJECTED);
        assertThat(refused.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void thePickUpAndOutOfStockSequencesReachTheCustomerThroughTheSmtpServerInOrder() throws Exception {
        String email = "li-" + UUID.randomUUID() + "@example.cn";
        UUID pickup;
        UUID outOfStock;
        UUID customerId;
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            customerId = customer(kafka, "zh-CN", null, true, email, null);
            pickup = consumerReturn(kafka, customerId, null, "CONSUMER");
            // Ready, two reminders (the third notice is the last), then posted with carrier and tracking number.
            kafka.publish(event("returns-service", ReturnsEvents.UNIT_READY_FOR_PICKUP, pickup, new UnitReadyForPickup(pickup,
                    "SN-MAIL-1", "SH-XUHUI-01", Instant.now())));
            for (int notice = 2; notice <= 3; notice++) {
                kafka.publish(event("returns-service", ReturnsEvents.PICKUP_REMINDER_SENT, pickup,
                        new com.aftersales.contracts.returns.PickupReminderSent(pickup, notice, 3, Instant.now())));
            }
            kafka.publish(event("returns-service", ReturnsEvents.UNIT_SHIPPED_BACK, pickup,
                    new com.aftersales.contracts.returns.UnitShippedBack(pickup, "NOT_COLLECTED_AFTER_NOTICES", "顺丰速运",
                            "SF1234567890", Instant.now())));
            // Out of stock: registered, the promised contact, the arrival.
            outOfStock = consumerReturn(kafka, customerId, null, "CONSUMER");
            kafka.publish(event("returns-service", ReturnsEvents.OUT_OF_STOCK_REGISTERED, outOfStock, new OutOfStockRegistered(
                    outOfStock, "KFR-35GW", LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-10"), Instant.now())));
            kafka.publish(event("returns-service", ReturnsEvents.RETURN_FOLLOW_UP_DUE, outOfStock,
                    new com.aftersales.contracts.returns.ReturnFollowUpDue(outOfStock, "OUT_OF_STOCK_CONTACT", "OUT_OF_STOCK",
                            Instant.now(), Instant.now())));
            kafka.publish(event("returns-service", ReturnsEvents.REPLACEMENT_ARRIVED, outOfStock,
                    new com.aftersales.contracts.returns.ReplacementArrived(outOfStock, "KFR-35GW", "SH-XUHUI-01", Instant.now())));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode listed = notices("customerId=" + customerId);
            return listed.size() == 7 && listed.valueStream().allMatch(n -> "SENT".equals(n.path("status").asString()));
        });
        List<String> subjects = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipients(m).contains(email))
                .map(NotificationIT::subject).toList();
        assertThat(subjects).containsExactlyInAnyOrder("您的维修机已可取回", "取机提醒", "取机提醒", "您的维修机已邮寄",
                "换货产品已登记订货", "换货进度告知", "换货产品已到货");
        String posted = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipients(m).contains(email))
                .filter(m -> subject(m).equals("您的维修机已邮寄")).map(NotificationIT::content).findFirst().orElseThrow();
        assertThat(posted).contains("顺丰速运", "SF1234567890");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChineseCustomerIsToldTheReplacementHasArrived() {
        String phone = "+86136" + (10000000 + (int) (Math.random() * 89999999));
        UUID returnId;
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            returnId = consumerReturn(kafka, customer(kafka, "zh-CN", phone, true, null, null), null, "CONSUMER");
            kafka.publish(event("returns-service", ReturnsEvents.REPLACEMENT_ARRIVED, returnId,
                    new com.aftersales.contracts.returns.ReplacementArrived(returnId, "KFR-35GW", "SH-XUHUI-01", Instant.now())));
        }
        JsonNode notice = ended("returnId=" + returnId);
        assertThat(notice.path("status").asString()).isEqualTo("SENT");
        assertThat(notice.path("noticeType").asString()).isEqualTo("REPLACEMENT_ARRIVED");
        assertThat(PROVIDERS.to("to", phone).get(0).body().path("text").asString())
                .isEqualTo("【售后服务】您好，您要换的 KFR-35GW 已到达 SH-XUHUI-01 门店。我们会致电与您约定换货时间，届时请携带本短信或购物凭证。");
    }

    @Test
    void aGatewayThatKeepsFailingEndsTheNoticeAfterMaxAttemptsWithBackOff() {
        String phone = "+86139" + (10000000 + (int) (Math.random() * 89999999));
        FakeProviders.Answer busy = new FakeProviders.Answer(503, "{}");
        PROVIDERS.script(phone, busy, busy, busy, busy);
        UUID returnId;
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            returnId = consumerReturn(kafka, customer(kafka, "zh-CN", phone, true, null, null), null, "CONSUMER");
            kafka.publish(event("returns-service", ReturnsEvents.OUT_OF_STOCK_REGISTERED, returnId, new OutOfStockRegistered(
                    returnId, "KFR-35GW", LocalDate.parse("2026-12-20"), LocalDate.parse("2026-12-10"), Instant.now())));
        }
        JsonNode notice = ended("returnId=" + returnId);
        assertThat(notice.path("status").asString()).isEqualTo("DEAD");
        assertThat(notice.path("rule").asString()).isEqualTo(DeliveryPolicy.DEAD);
        assertThat(notice.path("attempts").asInt()).isEqualTo(3);
        JsonNode log = notice.path("attemptLog");
        assertThat(log.findValuesAsString("outcome")).containsExactly("FAILED", "FAILED", "FAILED");
        // back-off: 0.3 s, then 0.6 s
        Instant first = Instant.parse(log.get(0).path("attemptedAt").asString());
        Instant third = Instant.parse(log.get(2).path("attemptedAt").asString());
        assertThat(Duration.between(first, third)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(PROVIDERS.to("to", phone)).hasSize(3);
    }

    @Test
    void noConsentMeansNoNoticeAndADealersReturnMakesNone() {
        String phone = "+86137" + (10000000 + (int) (Math.random() * 89999999));
        UUID returnId;
        UUID dealerReturn;
        UUID ticketId;
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            UUID customerId = customer(kafka, "zh-CN", phone, false, null, null);
            ticketId = ticket(kafka, customerId);
            returnId = consumerReturn(kafka, customerId, ticketId, "CONSUMER");
            dealerReturn = consumerReturn(kafka, null, null, "DEALER");
            for (UUID r : List.of(returnId, dealerReturn)) {
                kafka.publish(event("returns-service", ReturnsEvents.UNIT_READY_FOR_PICKUP, r, new UnitReadyForPickup(r,
                        "SN-R-1", "SH-XUHUI-01", Instant.now())));
            }
            JsonNode notice = ended("returnId=" + returnId);
            assertThat(notice.path("status").asString()).isEqualTo("SKIPPED");
            assertThat(notice.path("rule").asString()).isEqualTo(DeliveryPolicy.NO_CONSENT);
            assertThat(notice.path("ticketId").asString()).isEqualTo(ticketId.toString());
            assertThat(PROVIDERS.to("to", phone)).isEmpty();
            NotificationFailed failed = (NotificationFailed) kafka.events(Topics.FEEDBACK, notice.path("id").asString(), 1,
                    Duration.ofSeconds(20)).get(0).data();
            assertThat(failed.rule()).isEqualTo(DeliveryPolicy.NO_CONSENT);
            assertThat(failed.ticketId()).isEqualTo(ticketId);
        }
        assertThat(notices("returnId=" + dealerReturn)).isEmpty();
    }

    @Test
    void theListNeedsExactlyOneFilterAndAStoreClerkMayNotReadIt() {
        Http http = new Http(port);
        assertThat(http.get("/api/notifications").status()).isEqualTo(400);
        assertThat(http.get("/api/notifications?ticketId=" + UUID.randomUUID() + "&customerId=" + UUID.randomUUID()).status())
                .isEqualTo(400);
        assertThat(http.get("/api/notifications/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.as(TestIdentity.STORE).get("/api/notifications?ticketId=" + UUID.randomUUID()).status()).isEqualTo(403);
    }

    @Test
    void errorsAskedForInChineseAreInChinese() {
        ChineseProblems.Answer noFilter = ChineseProblems.request(port, "/api/notifications", null);
        assertThat(noFilter.status()).isEqualTo(400);
        assertThat(noFilter.notChinese()).as(noFilter.body().toString()).isEmpty();
        ChineseProblems.Answer badScore = ChineseProblems.request(port, "/api/surveys/" + UUID.randomUUID() + "/responses",
                "{\"token\":\"x\",\"csat\":9,\"channel\":\"WEB\"}");
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.notChinese()).as(badScore.body().toString()).isEmpty();
        ChineseProblems.Answer unknownSurvey = ChineseProblems.request(port, "/api/surveys/" + UUID.randomUUID() + "/responses",
                "{\"token\":\"x\",\"csat\":3,\"channel\":\"WEB\"}");
        assertThat(unknownSurvey.status()).isEqualTo(404);
        assertThat(unknownSurvey.body().path("detail").asString()).endsWith("的回访问卷");
        assertThat(unknownSurvey.notChinese()).as(unknownSurvey.body().toString()).isEmpty();
        ChineseProblems.Answer badMonth = ChineseProblems.request(port, "/api/reports/monthly?month=October", null);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.notChinese()).as(badMonth.body().toString()).isEmpty();
    }
}
