package com.aftersales.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Problem titles, the platform's details and validation messages follow Accept-Language; the type never does. */
class ProblemLanguageTest {

    record NewThing(@NotBlank String name, @NotNull Integer count) {
    }

    @RestController
    static class Things {
        @PostMapping("/things")
        void create(@Valid @RequestBody NewThing thing) {
        }

        @GetMapping("/things/{id}/closed")
        void closed(@PathVariable String id) {
            throw new ProblemException(URI.create(ProblemType.PREFIX + "ticket-closed"), HttpStatus.CONFLICT,
                    "The ticket is closed", "Ticket " + id + " is closed", Map.of());
        }
    }

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(Locale.ENGLISH);
        mvc = MockMvcBuilders.standaloneSetup(new Things()).setControllerAdvice(new ProblemDetailsAdvice(List.of()))
                .setValidator(validator).setLocaleResolver(locales).build();
    }

    @Test
    void validationProblemInChinese() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN,zh;q=0.9")
                        .content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Language", "zh-CN"))
                .andExpect(jsonPath("$.type").value("urn:aftersales:problem:validation-failed"))
                .andExpect(jsonPath("$.title").value("请求中有字段不合法"))
                .andExpect(jsonPath("$.detail").value("2 个字段不合法"))
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为null"))
                .andExpect(jsonPath("$.errors[1].message").value("不能为空"));
    }

    @Test
    void validationProblemInEnglishAndWithoutAHeader() throws Exception {
        for (String language : new String[] {"en", null}) {
            var request = post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"count\":1}");
            if (language != null) {
                request.header("Accept-Language", language);
            }
            mvc.perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Language", "en"))
                    .andExpect(jsonPath("$.type").value("urn:aftersales:problem:validation-failed"))
                    .andExpect(jsonPath("$.title").value("The request has invalid fields"))
                    .andExpect(jsonPath("$.detail").value("1 field is invalid"))
                    .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        }
    }

    @Test
    void aServicesOwnProblemTitleIsTranslatedItsTypeKept() throws Exception {
        mvc.perform(get("/things/T-9/closed").header("Accept-Language", "zh"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:aftersales:problem:ticket-closed"))
                .andExpect(jsonPath("$.title").value("工单已关闭"));
        mvc.perform(get("/things/T-9/closed").header("Accept-Language", "en-GB"))
                .andExpect(jsonPath("$.title").value("The ticket is closed"));
    }

    @Test
    void malformedBodyInChinese() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN").content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:aftersales:problem:malformed-request"))
                .andExpect(jsonPath("$.title").value("无法读取请求内容"));
    }

    @Test
    void everyTitleHasBothLanguagesAndEveryPlatformTypeATitle() throws Exception {
        Properties english = load("/aftersales-problems.properties");
        Properties chinese = load("/aftersales-problems_zh.properties");
        assertThat(chinese.keySet()).isEqualTo(english.keySet());
        for (ProblemType type : ProblemType.values()) {
            String key = "problem." + type.uri().toString().substring(ProblemType.PREFIX.length()) + ".title";
            assertThat(english.getProperty(key)).as(key).isEqualTo(type.title());
            assertThat(chinese.getProperty(key)).as(key).isNotBlank().isNotEqualTo(type.title());
        }
    }

    @Test
    void languageResolution() {
        assertThat(ProblemMessages.resolve("zh-TW")).isEqualTo(ProblemMessages.CHINESE);
        assertThat(ProblemMessages.resolve("fr-FR,zh;q=0.5")).isEqualTo(ProblemMessages.CHINESE);
        assertThat(ProblemMessages.resolve("en-US,zh;q=0.5")).isEqualTo(ProblemMessages.ENGLISH);
        assertThat(ProblemMessages.resolve("fr")).isEqualTo(ProblemMessages.ENGLISH);
        assertThat(ProblemMessages.resolve("not a header;;")).isEqualTo(ProblemMessages.ENGLISH);
    }

    private static Properties load(String resource) throws Exception {
        Properties properties = new Properties();
        try (var in = new java.io.InputStreamReader(ProblemLanguageTest.class.getResourceAsStream(resource),
                java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
