package dev.gongkai.tenants.registry;

import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating jurisdictions, idempotently (the demo city and new cities). */
@Service
public class Jurisdictions {

    private final AgencyRegistry registry;
    private final RegistryStore store;

    Jurisdictions(AgencyRegistry registry, RegistryStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** @return true if created now; 409 if the slug exists with other attributes */
    @Transactional
    public boolean ensure(CreateJurisdiction command) {
        JurisdictionSlug slug = JurisdictionSlug.of(command.slug());
        JurisdictionSlug parent =
                command.parent() == null || command.parent().isBlank() ? null : JurisdictionSlug.of(command.parent());
        if (parent != null && registry.findJurisdiction(parent).isEmpty()) {
            throw new ApiException(ProblemCode.JURISDICTION_PARENT_NOT_FOUND, parent).atField("parent");
        }
        if (store.insertJurisdiction(slug, command.nameZh(), parent)) {
            return true;
        }
        Jurisdiction existing = registry.findJurisdiction(slug).orElseThrow();
        if (!existing.nameZh().equals(command.nameZh()) || !Objects.equals(existing.parent(), parent)) {
            throw new ApiException(ProblemCode.JURISDICTION_EXISTS, slug).atField("slug");
        }
        return false;
    }
}
