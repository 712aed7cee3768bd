package dev.gongkai.reports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reports service: what an agency and the disclosure office do with a report before it is published —
 * drafting, checks, imports, the submission workflow, review comments, attachments and the audit trail.
 */
@SpringBootApplication
public class ReportsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportsApplication.class, args);
    }
}
