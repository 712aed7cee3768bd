package dev.gongkai.publishing;

import dev.gongkai.report.render.ReportPdf;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The publishing service: published revisions, the public portal and open data, and publication read models. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublishingApplication {

    /** One PDF renderer (its font is loaded once) for the portal, the compiled report and the office's drafts. */
    @Bean
    ReportPdf reportPdf(PublishingProperties properties) {
        return new ReportPdf(properties.pdfFont());
    }

    public static void main(String[] args) {
        SpringApplication.run(PublishingApplication.class, args);
    }
}
