package com.aftersales.platform.calendar;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.calendar.PublicDays;
import com.aftersales.calendar.WorkingPeriod;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.platform.PlatformAutoConfiguration;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.schema.PlatformSchemaMigration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/** The public calendar of a service with a database; services other than its owner follow the owner's events. */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(PublicCalendarAutoConfiguration.CalendarProperties.class)
public class PublicCalendarAutoConfiguration {

    /**
     * {@code aftersales.calendar.*}: the platform's one business calendar (ticket SLA clocks, complaint SLA clocks,
     * "today" of dates) and how each service keeps its copy of the public calendar.
     *
     * @param zone            the zone business hours and dates are read in
     * @param workingDays     the working days of the week
     * @param periods         the working hours of a working day ({@code HH:mm-HH:mm}, a lunch break between two)
     * @param refreshInterval how stale the snapshot may get before it is read again (changes made on this instance
     *                        apply at once)
     * @param followOwner     apply ticket-service's {@code aftersales.calendar.day-changed.v1} events to this
     *                        service's table (every service but the owner)
     */
    @ConfigurationProperties("aftersales.calendar")
    public record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
                                     @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"})
                                     List<DayOfWeek> workingDays,
                                     @DefaultValue({"08:00-12:00", "13:30-18:30"}) List<String> periods,
                                     @DefaultValue("PT1M") Duration refreshInterval, @DefaultValue("false") boolean followOwner) {

        /** The business calendar on the public calendar's holidays and make-up working days. */
        public BusinessCalendar toCalendar(Supplier<PublicDays> publicDays) {
            return BusinessCalendar.builder(zone).publicDays(publicDays).workingDays(workingDays)
                    .periods(periods.stream().map(WorkingPeriod::parse).toList()).build();
        }
    }

    /**
     * The business hours SLA clocks run on (Monday–Saturday, 08:00-12:00 and 13:30-18:30 in Asia/Shanghai by default),
     * one definition for every service; holidays and make-up days are the public calendar's data.
     */
    @Bean
    @ConditionalOnMissingBean
    BusinessCalendar businessCalendar(CalendarProperties properties, PublicCalendar publicDays) {
        return properties.toCalendar(publicDays);
    }

    @Bean
    PublicCalendar publicCalendar(DataSource dataSource, Clock clock, CalendarProperties properties,
                                  PlatformSchemaMigration schema) {
        return new PublicCalendar(JdbcClient.create(dataSource), clock, properties.refreshInterval());
    }

    /** Keeps this service's copy of the calendar in step with the owner's, in its own consumer group. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aftersales.calendar.follow-owner", havingValue = "true")
    static class FollowOwner {

        @Bean
        CalendarDayListener calendarDayListener(InboundEventProcessor inbound, PublicCalendar calendar) {
            return new CalendarDayListener(inbound, calendar);
        }
    }

    static class CalendarDayListener {

        private final InboundEventProcessor inbound;
        private final EventHandlers handlers;

        CalendarDayListener(InboundEventProcessor inbound, PublicCalendar calendar) {
            this.inbound = inbound;
            this.handlers = EventHandlers.builder()
                    .on(TicketEvents.CALENDAR_DAY_CHANGED, event -> calendar.apply(event.data()))
                    .build();
        }

        @KafkaListener(topics = Topics.TICKETS, groupId = "${spring.application.name}-calendar")
        void on(ConsumerRecord<String, byte[]> record) {
            inbound.process(record, handlers);
        }
    }
}
