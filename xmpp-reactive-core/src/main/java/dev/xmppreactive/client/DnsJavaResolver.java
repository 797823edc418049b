package dev.xmppreactive.client;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import reactor.core.publisher.Mono;

/** {@link DnsResolver} on dnsjava's asynchronous {@link LookupSession}. */
final class DnsJavaResolver implements DnsResolver {

  private final LookupSession session;

  private DnsJavaResolver(LookupSession session) {
    this.session = session;
  }

  static DnsJavaResolver system() {
    return new DnsJavaResolver(LookupSession.defaultBuilder().build());
  }

  static DnsJavaResolver server(String host, int port) {
    try {
      SimpleResolver r = new SimpleResolver(host);
      r.setPort(port);
      r.setTimeout(Duration.ofSeconds(5));
      return new DnsJavaResolver(LookupSession.builder().resolver((Resolver) r).build());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown DNS server " + host, e);
    }
  }

  @Override
  public Mono<List<SrvRecord>> srv(String name) {
    return Mono.defer(() -> {
      Name n;
      try {
        n = Name.fromString(name.endsWith(".") ? name : name + ".");
      } catch (TextParseException e) {
        return Mono.error(new IllegalArgumentException("not a DNS name: " + name, e));
      }
      return Mono.fromCompletionStage(session.lookupAsync(n, Type.SRV))
          .map(result -> {
            List<SrvRecord> out = new ArrayList<>();
            for (Record rec : result.getRecords()) {
              if (rec instanceof SRVRecord srv) {
                String target = srv.getTarget().toString(true);
                out.add(new SrvRecord(srv.getPriority(), srv.getWeight(), srv.getPort(),
                    target.isEmpty() ? "." : target));
              }
            }
            return out;
          })
          .onErrorResume(DnsJavaResolver::isNoRecords, e -> Mono.just(List.of()));
    });
  }

  private static boolean isNoRecords(Throwable e) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return t instanceof NoSuchDomainException || t instanceof NoSuchRRSetException;
  }
}
