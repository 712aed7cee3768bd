package dev.gongkai.publishing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The publishing service: published revisions, the public portal and open data, and publication read models. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublishingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublishingApplication.class, args);
    }
}
