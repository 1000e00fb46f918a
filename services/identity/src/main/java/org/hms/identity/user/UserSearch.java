package org.hms.identity.user;

/**
 * Which accounts to list; every filter is optional and they combine with AND.
 *
 * @param username prefix of the username, any case
 * @param role accounts holding this role
 * @param enabled only enabled (true) or disabled (false) accounts
 */
public record UserSearch(String username, String role, Boolean enabled, int page, int size) {}
