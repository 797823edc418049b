package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** The file-backed roster store: round trip, another account's file, a damaged file. */
class FileRosterStoreTest {

  private static final Jid ALICE = Jid.of("alice@example.test");
  private static final RosterSnapshot ROSTER = RosterSnapshot.of("42", List.of(
      new RosterItem(Jid.of("bob@example.test"), "Bob <the builder> & \"co\"", SubscriptionState.BOTH,
          false, false, List.of("Friends", "Work")),
      new RosterItem(Jid.of("carol@example.test"), null, SubscriptionState.NONE, true, true,
          List.of()),
      RosterItem.of(Jid.of("gateway.example.test"))));

  @TempDir
  Path dir;

  @Test
  void whatIsSavedIsLoaded() {
    RosterStore store = RosterStore.file(dir.resolve("sub/roster.xml"));
    StepVerifier.create(store.load(ALICE)).expectComplete().verify(Server.T); // nothing yet
    StepVerifier.create(store.save(ALICE, ROSTER)).expectComplete().verify(Server.T);
    StepVerifier.create(RosterStore.file(dir.resolve("sub/roster.xml")).load(ALICE))
        .expectNext(ROSTER)
        .expectComplete().verify(Server.T);
    StepVerifier.create(store.save(ALICE, RosterSnapshot.EMPTY)).expectComplete().verify(Server.T);
    StepVerifier.create(store.load(ALICE)).expectNext(RosterSnapshot.EMPTY).expectComplete().verify(Server.T);
    assertThat(dir.resolve("sub")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void anotherAccountsFileIsIgnored() {
    RosterStore store = RosterStore.file(dir.resolve("roster.xml"));
    store.save(Jid.of("mallory@example.test/res"), ROSTER).block();
    StepVerifier.create(store.load(ALICE)).expectComplete().verify(Server.T);
  }

  @Test
  void aDamagedFileIsTakenAsEmpty() throws Exception {
    Path f = dir.resolve("roster.xml");
    RosterStore store = RosterStore.file(f);
    Files.writeString(f, "<roster xmlns='urn:xmpp-reactive:roster-store:1' account='alice@exa",
        StandardCharsets.UTF_8);
    StepVerifier.create(store.load(ALICE)).expectComplete().verify(Server.T);
    Files.writeString(f, "<other/>", StandardCharsets.UTF_8);
    StepVerifier.create(store.load(ALICE)).expectComplete().verify(Server.T);
  }

  @Test
  void theMemoryStoreKeepsOneRosterPerAccount() {
    RosterStore store = RosterStore.inMemory();
    store.save(ALICE.withResource("r"), ROSTER).block();
    StepVerifier.create(store.load(ALICE)).expectNext(ROSTER).expectComplete().verify(Server.T);
    StepVerifier.create(store.load(Jid.of("bob@example.test"))).expectComplete().verify(Server.T);
  }
}
