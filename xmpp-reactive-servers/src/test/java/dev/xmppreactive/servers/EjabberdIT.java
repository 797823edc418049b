package dev.xmppreactive.servers;

import java.util.List;

/**
 * The contract against ejabberd with plain-stored passwords: PLAIN and SCRAM-SHA-1/256/512, each
 * also as -PLUS (channel binding, tls-unique even on TLS 1.3).
 */
class EjabberdIT extends ServerContract {
  @Override
  XmppServer server(SharedServers servers) {
    return servers.ejabberd();
  }

  @Override
  List<String> offered() {
    return List.of("PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512",
        "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-512-PLUS");
  }

  @Override
  List<String> notOffered() {
    return List.of("DIGEST-MD5", "X-OAUTH2", "ANONYMOUS");
  }
}
