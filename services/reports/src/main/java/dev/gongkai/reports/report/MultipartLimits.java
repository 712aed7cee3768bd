package dev.gongkai.reports.report;

import dev.gongkai.contract.UploadKind;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The container's multipart limits, derived from the largest {@link UploadKind} (the office's archive) rather than
 * written again in {@code application.yaml}: each endpoint then holds its own kind to its limit (attachments in
 * {@code Attachments}, the archive's entries in {@code ZipEntries}). Replaces Boot's element from
 * {@code spring.servlet.multipart.*}.
 */
@Configuration
class MultipartLimits {

    /** Room for the form's other fields beside the file (the onboarding's mapping). */
    static final long FORM_FIELDS_BYTES = 6L * 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement() {
        long file = UploadKind.largest().maxBytes();
        return new MultipartConfigElement("", file, file + FORM_FIELDS_BYTES, 0);
    }
}
