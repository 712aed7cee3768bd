package dev.gongkai.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The problem catalogue holds together: every code in both languages, and no new text written at a throw site. */
class ProblemCatalogueTest {

    /** A problem built from texts rather than a {@link ProblemCode} (the API that allowed it is gone; keep it so). */
    private static final Pattern INLINE =
            Pattern.compile("new ApiException\\((?:org\\.springframework\\.http\\.)?HttpStatus"
                    + "|new ApiException\\(status, |ApiException\\.(?:notFound|forbidden|badRequest|conflict)\\("
                    + "|Problems\\.of\\(HttpStatus|Problems\\.of\\(status");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyCatalogedCodeAndVariantHasBothLanguagesWithTheSameArguments() throws IOException {
        Properties zh = bundle("zh");
        Properties en = bundle("en");
        for (String key : keys()) {
            assertThat(zh.getProperty(key)).as("Chinese text of " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("English text of " + key).isNotBlank();
            assertThat(placeholders(zh.getProperty(key)))
                    .as("arguments of " + key)
                    .isEqualTo(placeholders(en.getProperty(key)));
            assertThat(zh.getProperty(key)).as("Chinese text of " + key).containsPattern("\\p{IsHan}");
            new MessageFormat(en.getProperty(key), Locale.ENGLISH);
        }
    }

    @Test
    void theBundlesHoldNothingButTheCatalogue() throws IOException {
        assertThat(bundle("zh").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys());
        assertThat(bundle("en").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys());
    }

    @Test
    void eachCodeHasOneStatus() {
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void aThrowSiteNamesTheCodeAndItsArgumentsOnly() {
        ApiException e = new ApiException(ProblemCode.REPORT_YEAR_OUT_OF_RANGE, 2007, 2019, 2026).atField("year");
        assertThat(e.status().value()).isEqualTo(422);
        assertThat(e.messageZh()).isEqualTo("报告年度 2007 不在 2019 至 2026 之间");
        assertThat(e.messageEn()).isEqualTo("Report year 2007 is not between 2019 and 2026");
        assertThat(e.properties()).containsEntry("field", "year");
        assertThat(new ApiException(ProblemCode.ACCESS_DENIED, List.of("agency-editor", "agency-admin"))
                        .variant("needs-role")
                        .messageZh())
                .contains("agency-editor、agency-admin");
        assertThat(new ApiException(ProblemCode.REPORT_IF_MATCH_REQUIRED).messageEn())
                .contains("nobody's edit");
        ApiException unreadable =
                new ApiException(ProblemCode.IMPORT_UNREADABLE, new LocalizedText("没有文字层", "no text layer"));
        assertThat(unreadable.messageZh()).isEqualTo("无法读取该文件：没有文字层");
        assertThat(unreadable.messageEn()).isEqualTo("The file cannot be read: no text layer");
    }

    @Test
    void noNewThrowSiteWritesItsTextInline() throws IOException {
        Path services = repository().resolve("services");
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(services)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                    .filter(f -> !f.toString().contains("/target"))
                    .toList()) {
                String name = services.relativize(file).toString();
                if (name.endsWith("platform/error/ApiException.java")
                        || name.endsWith("platform/error/Problems.java")) {
                    continue;
                }
                Matcher m = INLINE.matcher(Files.readString(file));
                int n = 0;
                while (m.find()) {
                    n++;
                }
                if (n > 0) {
                    found.put(name, n);
                }
            }
        }
        assertThat(found)
                .as("problem texts written at a throw site (give them a ProblemCode)")
                .isEmpty();
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>();
        for (ProblemCode code : ProblemCode.values()) {
            keys.add(code.code());
            code.variants().forEach(v -> keys.add(code.code() + "." + v));
        }
        return keys;
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toSet());
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemCatalogueTest.class.getResourceAsStream(
                "/" + ProblemMessages.BASENAME + "_" + language + ".properties")) {
            assertThat(in).as(language + " bundle").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services/platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the repository");
    }
}
