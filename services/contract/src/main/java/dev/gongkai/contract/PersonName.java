package dev.gongkai.contract;

/** A person as pages, comments and documents name them: their full name, in Chinese order when it is Chinese. */
public final class PersonName {

    private PersonName() {}

    /**
     * A full name from its parts: family name first and no space when either part is Chinese (李伟), given name
     * first otherwise (Wei Li); {@code fallback} (the username) when there are no parts.
     */
    public static String full(String given, String family, String fallback) {
        boolean hasGiven = given != null && !given.isBlank();
        boolean hasFamily = family != null && !family.isBlank();
        if (!hasGiven && !hasFamily) {
            return fallback;
        }
        if (!hasGiven || !hasFamily) {
            return (hasGiven ? given : family).strip();
        }
        boolean chinese = (given + family)
                .codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return chinese ? family.strip() + given.strip() : given.strip() + " " + family.strip();
    }
}
