package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractTest {

    @Test
    void everyWorkflowActionHasItsOwnEventType() {
        for (Action action : Action.values()) {
            ReportChange change = ReportChange.of(action);
            assertThat(change.code()).isEqualTo(action.code());
            assertThat(ReportChange.ofEventType(change.eventType())).contains(change);
        }
        assertThat(Arrays.stream(ReportChange.values())
                        .map(ReportChange::eventType)
                        .distinct())
                .hasSize(ReportChange.values().length);
    }

    @Test
    void availableActionsFollowTheStatusAndTheRoles() {
        assertThat(Action.available(ReportStatus.DRAFT, Set.of(Role.AGENCY_EDITOR)))
                .containsExactly(Action.REQUEST_SIGNOFF);
        assertThat(Action.available(ReportStatus.PENDING_SIGNOFF, Set.of(Role.AGENCY_APPROVER)))
                .containsExactly(Action.SUBMIT, Action.WITHDRAW);
        assertThat(Action.available(ReportStatus.SUBMITTED, Set.of(Role.AGENCY_EDITOR, Role.AGENCY_APPROVER)))
                .isEmpty();
        assertThat(Action.available(ReportStatus.PUBLISHED, Set.of(Role.OFFICE_ADMIN)))
                .containsExactly(Action.CORRECT);
    }

    @Test
    void rolesAndCellStatesKeepTheirWireNames() {
        assertThat(Role.ofCode("agency-editor")).contains(Role.AGENCY_EDITOR);
        assertThat(Role.AGENCY).noneMatch(Role::office);
        assertThat(CellState.BLANK.code()).isEqualTo("blank");
    }

    @Test
    void aPersonIsNamedInTheOrderOfTheirName() {
        assertThat(PersonName.full("晓梅", "王", "office")).isEqualTo("王晓梅");
        assertThat(PersonName.full("Wei", "Li", "wli")).isEqualTo("Wei Li");
        assertThat(PersonName.full(null, " ", "psb-editor")).isEqualTo("psb-editor");
        assertThat(PersonName.full("伟", null, "psb-editor")).isEqualTo("伟");
    }
}
