package dev.gongkai.contract;

import java.util.List;

/** The publishing service's {@code /api/branches}: the acting agency's branches and how far each is with a year. */
public record BranchesView(int year, List<BranchProgress> branches) {}
