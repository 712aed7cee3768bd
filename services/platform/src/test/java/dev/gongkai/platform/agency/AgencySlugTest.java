package dev.gongkai.platform.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gongkai.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgencySlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"wuhai-psb", "wuhai-psb-haibowan", "ab", "a1", "x-1-2"})
    void acceptsLowerCaseLettersDigitsAndSingleHyphens(String slug) {
        assertThat(AgencySlug.of(slug).value()).isEqualTo(slug);
    }

    @Test
    void mapsToASchemaNameWithUnderscores() {
        assertThat(AgencySlug.of("wuhai-psb-haibowan").schemaName()).isEqualTo("agency_wuhai_psb_haibowan");
    }

    @Test
    void longestSlugStillGivesASchemaNameWithinPostgresLimit() {
        String longest = "a" + "b".repeat(AgencySlug.MAX_LENGTH - 1);
        assertThat(AgencySlug.of(longest).schemaName().getBytes()).hasSizeLessThan(63);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "wuhai\"psb",
                "wuhai'psb",
                "wuhai.psb",
                "public.x",
                "wuhai_psb",
                "wuhai psb",
                "wuhai--psb",
                "-wuhai",
                "wuhai-",
                "1wuhai",
                "a",
                "",
                "wuhai;drop",
                "乌海"
            })
    void rejectsCharactersThatCouldEscapeASchemaName(String slug) {
        ApiException e = catchThrowableOfType(InvalidSlugException.class, () -> AgencySlug.of(slug))
                .toApiException();
        assertThat(e.code()).isEqualTo("agency.slug.invalid");
        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.properties()).containsEntry("field", "slug");
        assertThat(e.messageZh()).contains("机构标识");
        assertThat(e.messageEn()).contains("agency slug");
    }

    @Test
    void rejectsUpperCaseSayingSo() {
        ApiException e = catchThrowableOfType(InvalidSlugException.class, () -> AgencySlug.of("Wuhai-PSB"))
                .toApiException();
        assertThat(e.messageEn()).contains("upper-case");
        assertThat(e.messageZh()).contains("大写");
    }

    @Test
    void rejectsSixtyFourCharactersSayingHowLongItMayBe() {
        ApiException e = catchThrowableOfType(InvalidSlugException.class, () -> AgencySlug.of("a".repeat(64)))
                .toApiException();
        assertThat(e.messageEn()).contains("2 to 40");
        assertThat(e.messageZh()).contains("2 至 40");
    }

    @Test
    void rejectsFortyOneCharacters() {
        assertThatThrownBy(() -> AgencySlug.of("a".repeat(41))).isInstanceOf(InvalidSlugException.class);
    }

    /** The one-pass check accepts exactly what the rule the error message states accepts (seeded random strings). */
    @Test
    void acceptsExactlyWhatThePublishedRuleAccepts() {
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$");
        java.util.Random random = new java.util.Random(Long.getLong("gongkai.seed", 20261128L));
        String alphabet = "ab09--_.A Z乌";
        int valid = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder slug = new StringBuilder();
            for (int i = 2 + random.nextInt(8); i > 0; i--) {
                slug.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean expected = rule.matcher(slug).matches();
            valid += expected ? 1 : 0;
            assertThat(AgencySlug.problemWith(slug.toString()) == null)
                    .as(slug.toString())
                    .isEqualTo(expected);
        }
        assertThat(valid).as("the sample holds valid slugs too").isGreaterThan(100);
    }
}
