package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit integration: parameters, sharing, one test against each server. */
@ExtendWith(RealServersExtension.class)
class RealServersExtensionIT {

  @Test
  void annotatedParametersReceiveTheSharedInstances(@Prosody XmppServer prosody, @Ejabberd EjabberdServer ejabberd,
                                                    @Prosody ProsodyServer sameProsody, SharedServers servers) {
    assertThat(prosody.kind()).isEqualTo(ServerKind.PROSODY);
    assertThat(ejabberd.kind()).isEqualTo(ServerKind.EJABBERD);
    assertThat(sameProsody).isSameAs(prosody).isSameAs(servers.prosody()).isSameAs(servers.get(ServerKind.PROSODY));
    assertThat(ejabberd).isSameAs(servers.ejabberd()).isSameAs(servers.get(ServerKind.EJABBERD));
    assertThat(ejabberd.node()).endsWith("@localhost");
    assertThat(prosody.isRunning()).isTrue();
  }

  @Test
  void differentOptionsGetDifferentInstances(@Prosody XmppServer sha1,
                                             @Prosody(passwordHash = PasswordHash.SHA_256) XmppServer sha256) {
    assertThat(sha256).isNotSameAs(sha1);
    assertThat(((ProsodyServer) sha256).options().passwordHash()).isEqualTo(PasswordHash.SHA_256);
    assertThat(sha256.starttlsPort()).isNotEqualTo(sha1.starttlsPort());
  }

  @Test
  void newUsersAreUniqueAcrossCalls(@Prosody XmppServer server) {
    TestUser first = server.newUser("alice");
    TestUser second = server.newUser("alice");
    assertThat(first.local()).startsWith("alice-").isNotEqualTo(second.local());
    assertThat(first.password()).hasSize(20).isNotEqualTo(second.password());
    assertThat(first.toString()).doesNotContain(first.password());
  }

  @EachServer
  void eachServerRunsOncePerKind(XmppServer server, TestInfo info) throws Exception {
    assertThat(info.getDisplayName()).isEqualTo(server.name());
    TestUser user = server.newUser("each");
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      xmpp.openStream(server.domain());
      assertThat(xmpp.authPlain(user.local(), user.password())).startsWith("<success");
    }
  }
}
