package dev.xmppreactive.benchmarks.load;

import java.util.Objects;

/**
 * The server a worker's sessions connect to, and the accounts they log in with.
 *
 * @param server     the server's name ({@code ejabberd}, {@code prosody})
 * @param host       the address it listens on
 * @param port       its STARTTLS client port
 * @param domain     the XMPP domain
 * @param trustPem   the PEM file of the certificate authority to trust
 * @param serverPid  the server's process id (its CPU time is read from {@code /proc}), or 0
 * @param userPrefix the accounts are {@code <userPrefix><n>@domain}
 * @param password   the password all accounts share
 * @param mechanism  the SASL mechanism both clients must use ({@code PLAIN} or {@code SCRAM-SHA-1})
 */
record Target(String server, String host, int port, String domain, String trustPem, long serverPid,
              String userPrefix, String password, String mechanism) {

  Target {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(trustPem, "trustPem");
    Objects.requireNonNull(userPrefix, "userPrefix");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(mechanism, "mechanism");
  }

  /** The localpart of account {@code n}. */
  String local(int n) {
    return userPrefix + n;
  }
}
