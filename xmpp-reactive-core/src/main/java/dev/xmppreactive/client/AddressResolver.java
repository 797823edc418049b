package dev.xmppreactive.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import reactor.core.publisher.Mono;

/**
 * Finds where to connect for an XMPP domain.
 *
 * <ol>
 *   <li>An explicit host and port in the configuration win.</li>
 *   <li>Otherwise the SRV records {@code _xmpps-client._tcp.DOMAIN} (direct TLS, XEP-0368 §3) and
 *       {@code _xmpp-client._tcp.DOMAIN} (STARTTLS, RFC 6120 §3.2.1), mixed into one list and ordered
 *       as RFC 2782 says: by priority, then by a weighted random choice within a priority. A target of
 *       "." removes that kind of service.</li>
 *   <li>If there are no SRV records at all (and only then: XEP-0368 §3), the domain itself on port 5222
 *       with STARTTLS (RFC 6120 §3.2.2).</li>
 * </ol>
 */
final class AddressResolver {

  /** The port of RFC 6120 §3.2.2's fallback. */
  static final int DEFAULT_PORT = 5222;

  private final DnsResolver dns;
  private final RandomGenerator random;

  AddressResolver(DnsResolver dns, RandomGenerator random) {
    this.dns = dns;
    this.random = random;
  }

  /**
   * The addresses to try, in order.
   *
   * <p>Errors: a DNS failure (rather than an absence of records) fails the {@code Mono}; so does a
   * domain whose SRV records all say the service is not offered.
   */
  Mono<List<ConnectAddress>> resolve(String domain) {
    Mono<List<SrvRecord>> direct = dns.srv("_xmpps-client._tcp." + domain);
    Mono<List<SrvRecord>> starttls = dns.srv("_xmpp-client._tcp." + domain);
    return Mono.zip(direct, starttls).map(t -> order(domain, t.getT1(), t.getT2()));
  }

  List<ConnectAddress> order(String domain, List<SrvRecord> direct, List<SrvRecord> starttls) {
    if (direct.isEmpty() && starttls.isEmpty()) {
      return List.of(new ConnectAddress(domain, DEFAULT_PORT, false));
    }
    List<Tagged> all = new ArrayList<>();
    for (SrvRecord r : direct) {
      if (!r.isNotOffered()) {
        all.add(new Tagged(r, true));
      }
    }
    for (SrvRecord r : starttls) {
      if (!r.isNotOffered()) {
        all.add(new Tagged(r, false));
      }
    }
    if (all.isEmpty()) {
      throw new XmppConnectException("the DNS SRV records of " + domain
          + " say it offers no XMPP client service", List.of());
    }
    all.sort(Comparator.comparingInt(t -> t.record.priority()));
    List<ConnectAddress> out = new ArrayList<>(all.size());
    int i = 0;
    while (i < all.size()) {
      int j = i;
      while (j < all.size() && all.get(j).record.priority() == all.get(i).record.priority()) {
        j++;
      }
      weighted(all.subList(i, j), out);
      i = j;
    }
    return out;
  }

  /** RFC 2782's selection within one priority: zero weights first, then by running sums. */
  private void weighted(List<Tagged> group, List<ConnectAddress> out) {
    List<Tagged> left = new ArrayList<>(group);
    left.sort(Comparator.comparingInt(t -> t.record.weight() == 0 ? 0 : 1));
    while (!left.isEmpty()) {
      int sum = 0;
      for (Tagged t : left) {
        sum += t.record.weight();
      }
      int pick = sum == 0 ? 0 : random.nextInt(sum + 1);
      int running = 0;
      int chosen = left.size() - 1;
      for (int k = 0; k < left.size(); k++) {
        running += left.get(k).record.weight();
        if (running >= pick) {
          chosen = k;
          break;
        }
      }
      Tagged t = left.remove(chosen);
      out.add(new ConnectAddress(t.record.target(), t.record.port(), t.directTls));
    }
  }

  private record Tagged(SrvRecord record, boolean directTls) {
  }
}
