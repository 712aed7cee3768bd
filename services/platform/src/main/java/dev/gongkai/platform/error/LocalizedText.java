package dev.gongkai.platform.error;

/**
 * An argument of a problem that is itself text in both languages (e.g. a parser's reason, a detail of why an
 * archive was refused): the Chinese message gets {@code zh}, the English one {@code en}.
 */
public record LocalizedText(String zh, String en) {}
