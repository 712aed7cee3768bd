package dev.gongkai.contract;

public enum AgencyKind {
    /** A municipal department (e.g. 乌海市教育局) or a bureau such as 乌海市公安局. */
    DEPARTMENT,
    /** A district branch of the police (公安分局), reporting on its own. */
    POLICE_BRANCH,
    /** The jurisdiction's disclosure office (政务公开办); its staff supervise the jurisdiction's agencies. */
    DISCLOSURE_OFFICE
}
