package dev.xmppreactive.client;

import java.util.Objects;

/**
 * A DNS SRV record (RFC 2782) for an XMPP service.
 *
 * @param priority lower is tried first
 * @param weight   relative weight among records of equal priority
 * @param port     the port
 * @param target   the host name, without the trailing dot; {@code "."} means the service is not offered
 */
public record SrvRecord(int priority, int weight, int port, String target) {

  public SrvRecord {
    Objects.requireNonNull(target, "target");
    if (priority < 0 || priority > 0xFFFF || weight < 0 || weight > 0xFFFF || port < 0
        || port > 0xFFFF) {
      throw new IllegalArgumentException("SRV fields out of range: " + priority + " " + weight + " "
          + port);
    }
  }

  /** Whether this record says the service is not offered (target "."), RFC 2782. */
  public boolean isNotOffered() {
    return target.equals(".") || target.isEmpty();
  }
}
