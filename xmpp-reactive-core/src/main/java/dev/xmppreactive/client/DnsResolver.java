package dev.xmppreactive.client;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Looks up DNS SRV records. The default, {@link #system()}, asks the system's DNS servers through
 * dnsjava; tests and unusual deployments can plug in their own.
 */
@FunctionalInterface
public interface DnsResolver {

  /**
   * The SRV records of a name such as {@code _xmpp-client._tcp.example.com}.
   *
   * <p>Threading: the result may be signalled on any thread. Errors: a name with no SRV records gives
   * an empty list, not an error; a failure to ask (no answer, network) gives an error.
   */
  Mono<List<SrvRecord>> srv(String name);

  /** The system's resolver (resolv.conf or the platform's settings), through dnsjava. */
  static DnsResolver system() {
    return DnsJavaResolver.system();
  }

  /** A resolver that asks one DNS server, for example {@code 127.0.0.1:5353}. */
  static DnsResolver server(String host, int port) {
    return DnsJavaResolver.server(host, port);
  }
}
