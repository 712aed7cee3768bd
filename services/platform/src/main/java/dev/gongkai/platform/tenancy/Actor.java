package dev.gongkai.platform.tenancy;

/**
 * Who did something, recorded when they do it: the username that identifies them, and as people read them their full
 * name in Chinese order (王晓梅) and the agency they acted for (乌海市政务公开办).
 *
 * @param name   the full name from the token's name claims; the username when the token has none
 * @param agency the agency's name, null when it is not known
 */
public record Actor(String username, String name, String agency) {}
