package dev.gongkai.publishing.ratelimit;

import static dev.gongkai.publishing.Clients.from;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

@PublishingTest
class OpenDataRateLimitTest {

    @TestTenant(jurisdiction = "limit-city", nameZh = "限流测试局")
    static ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Test
    void answersTooManyRequestsWithRetryAfterOnceAClientExceedsTheLimit() throws Exception {
        events.published(agency, 2021, Reports.json("限流测试局", 2021, 1), Reports.beijing(2022, 1, 3));
        events.pump();
        String client = "192.0.2." + (1 + Math.abs(UUID.randomUUID().hashCode() % 250));
        String json = "/public/limit-city/" + agency.slug() + "/2021.json";

        for (int i = 0; i < PublishingTest.RATE_LIMIT; i++) {
            mvc.perform(get(json).with(from(client))).andExpect(status().isOk());
        }
        mvc.perform(get("/public/limit-city/feed.atom").with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, matchesPattern("[1-9][0-9]*")))
                .andExpect(jsonPath("$.code").value("rate-limit.exceeded"))
                .andExpect(jsonPath("$.message_zh").exists());

        // Reading the report page is not open data, and another client has a budget of its own.
        mvc.perform(get("/public/limit-city/" + agency.slug() + "/2021").with(from(client)))
                .andExpect(status().isOk());
        mvc.perform(get(json).with(from(client + "9"))).andExpect(status().isOk());
    }
}
