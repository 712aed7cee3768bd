package dev.gongkai.console.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OnboardingMappingTest {

    private final OnboardingMapping mapping =
            new OnboardingMapping(JsonMapper.builder().build());

    private String json(String text) throws OnboardingMapping.Unreadable {
        return mapping.toJson(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSpreadsheetsCsvBecomesTheServicesJsonWithItsHeaderSkipped() throws Exception {
        assertThat(json("\uFEFF文件,单位代码\r\n卫健委/2019年年报.txt,wuhai-health\r\n\r\n\"a.txt\"\twuhai-nr\r\n"))
                .isEqualTo("{\"卫健委/2019年年报.txt\":\"wuhai-health\",\"a.txt\":\"wuhai-nr\"}");
    }

    @Test
    void jsonIsPassedOnAndWhatIsNeitherSaysWhere() {
        assertThatThrownBy(() -> json("a.txt,wuhai-nr\nb.txt,乌海市财政局"))
                .isInstanceOfSatisfying(
                        OnboardingMapping.Unreadable.class,
                        e -> assertThat(e.line).isEqualTo(2));
        assertThatThrownBy(() -> json("{\"a.txt\":"))
                .isInstanceOfSatisfying(
                        OnboardingMapping.Unreadable.class,
                        e -> assertThat(e.line).isZero());
    }

    @Test
    void jsonIsKeptAsIs() throws Exception {
        assertThat(json(" {\"a.txt\": \"wuhai-nr\"} ")).isEqualTo("{\"a.txt\":\"wuhai-nr\"}");
    }
}
