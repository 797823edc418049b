package dev.xmppreactive.servers;

import java.util.List;

/** The contract against Prosody with SHA-1 accounts (its default): SCRAM-SHA-1 and PLAIN. */
class ProsodySha1IT extends ServerContract {
  @Override
  XmppServer server(SharedServers servers) {
    return servers.prosody(ProsodyOptions.defaults().withPasswordHash(PasswordHash.SHA_1));
  }

  @Override
  List<String> offered() {
    return List.of("PLAIN", "SCRAM-SHA-1");
  }

  @Override
  List<String> notOffered() {
    return List.of("SCRAM-SHA-256", "SCRAM-SHA-512", "ANONYMOUS");
  }
}
