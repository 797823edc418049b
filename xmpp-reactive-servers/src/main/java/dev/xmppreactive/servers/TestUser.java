package dev.xmppreactive.servers;

import java.util.Objects;

/**
 * An account the harness created on a server under test.
 *
 * @param local    the localpart of the account's JID
 * @param domain   the server's domain
 * @param password the account's password
 */
public record TestUser(String local, String domain, String password) {

  /** Checks that no component is null. */
  public TestUser {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(password, "password");
  }

  /** The account's bare JID, {@code local@domain}. */
  public String jid() {
    return local + "@" + domain;
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "TestUser[" + jid() + "]";
  }
}
