package dev.xmppreactive.test;

import dev.xmppreactive.codec.XmlLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/**
 * The values an {@link XmppTestServer} is configured with. Mutable only while an
 * {@code XmppTestServer} setter fills a fresh copy; never changed once the server value holds it.
 */
final class ServerConfig {
  String domain = "example.test";
  String host = "127.0.0.1";
  int port;
  Map<String, String> users = new LinkedHashMap<>();
  TlsRequirement tls = TlsRequirement.REQUIRED;
  List<ServerMechanism> mechanisms = List.of(ServerMechanism.SCRAM_SHA_256, ServerMechanism.PLAIN);
  boolean streamManagement = true;
  Duration resumptionTimeout = Duration.ofSeconds(60);
  int ackRequestThreshold = 1;
  int maxUnacked = 1000;
  int scramIterations = 4096;
  XmlLimits limits = XmlLimits.DEFAULTS.withMaxElementBytes(256 * 1024);
  StanzaInterceptor interceptor;
  TestCertificate certificate;
  int offlineLimit = 100;
  int recordLimit = 1000;
  Scheduler timer = Schedulers.parallel();
  LoopResources loops;

  ServerConfig copy() {
    ServerConfig c = new ServerConfig();
    c.domain = domain;
    c.host = host;
    c.port = port;
    c.users = new LinkedHashMap<>(users);
    c.tls = tls;
    c.mechanisms = List.copyOf(new ArrayList<>(mechanisms));
    c.streamManagement = streamManagement;
    c.resumptionTimeout = resumptionTimeout;
    c.ackRequestThreshold = ackRequestThreshold;
    c.maxUnacked = maxUnacked;
    c.scramIterations = scramIterations;
    c.limits = limits;
    c.interceptor = interceptor;
    c.certificate = certificate;
    c.offlineLimit = offlineLimit;
    c.recordLimit = recordLimit;
    c.timer = timer;
    c.loops = loops;
    return c;
  }
}
