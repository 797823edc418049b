package dev.xmppreactive.servers;

import java.util.List;

/** The contract against Prosody with SHA-256 accounts: SCRAM-SHA-256 and PLAIN, no SCRAM-SHA-1. */
class ProsodySha256IT extends ServerContract {
  @Override
  XmppServer server(SharedServers servers) {
    return servers.prosody(ProsodyOptions.defaults().withPasswordHash(PasswordHash.SHA_256));
  }

  @Override
  List<String> offered() {
    return List.of("PLAIN", "SCRAM-SHA-256");
  }

  @Override
  List<String> notOffered() {
    return List.of("SCRAM-SHA-1", "SCRAM-SHA-512", "ANONYMOUS");
  }
}
