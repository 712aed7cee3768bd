package dev.gongkai.report.rules;

import java.util.List;

/** One rule's logic. Its id, severity and words live in {@link RuleCatalogue}. */
interface Rule {
    RuleId id();

    void check(CellGrid grid, CheckContext context, List<Finding> findings);
}
