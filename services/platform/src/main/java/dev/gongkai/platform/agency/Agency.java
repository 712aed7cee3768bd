package dev.gongkai.platform.agency;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import java.time.OffsetDateTime;

/** An agency as the registry in schema {@code core} knows it. */
public record Agency(
        AgencySlug slug,
        String nameZh,
        AgencyKind kind,
        AgencySlug parent,
        JurisdictionSlug jurisdiction,
        AgencyStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean isActive() {
        return status == AgencyStatus.ACTIVE;
    }
}
